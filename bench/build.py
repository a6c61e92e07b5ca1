"""How much the hipguide plugin adds to a MkDocs build, and how that grows with the content.

    .venv/bin/python bench/build.py [--repeats 3] [--sizes 250 500 1000] [--profile N] [--quick]

For each site (the real one, and generated catalogs of N extra exercises) two builds are timed,
each a fresh ``python`` process as ``mkdocs build`` would be:

- hipguide: the site as configured, the plugin reading and checking ``content/``, rendering
  pages and writing the widget, the Pyodide runtime and the hipcore wheel;
- plain: mkdocs-material with only the search plugin, over the very same Markdown pages (the
  plugin's generated pages written out as files first) and the same navigation.

Builds keep compiled Python files between runs, as an installed plugin has them, and the first
site starts with one untimed build of each kind. Runs alternate between the two; the table
gives medians of wall-clock and CPU seconds and of the plugin's own CPU seconds (importing it
and its hooks), of which the figures (posing and drawing them). The real site is built twice
over: as a rebuild is, with the checked content and its figures kept from the build before
(``site_plugins/content/cache.py``: the same content and code), and "cold", as the first build
after an edit to the content: the content read and checked afresh (what depends on the code
alone, or on one figure, stays kept: the validators' schemas, each figure's check and block, the
compiled templates, the snapshot). ``--profile N`` profiles one build of a catalog of N
generated exercises instead (0: the real site).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import json
import os
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.25

EXERCISE = """\
# yaml-language-server: $schema=../schema/exercise.schema.json
id: {id}
name: Generated exercise {n}
quality: {quality}
load: {load}
regions: [hip_back, lumbar]
purpose: >-
  A generated exercise for the build benchmark, number {n}: it strengthens hip extension with
  the gluteals doing the work, as the hip bridge does.
steps:
  - Lie on your back with both feet flat on the ground, knees bent.
  - Squeeze your gluteals and raise your hips until your knees, hips and shoulders form a
    straight line.
  - Hold for a breath at the top, then lower slowly.
cues:
  - Feel the gluteal muscles performing the movement, not the hamstrings.
  - Keep the ribs down.
faults:
  - Overarching the back.
  - Pushing through the toes.
muscles: [Gluteus maximus, Hamstrings]
equipment: [mat]
sided: true
dose:
  sets: 3
  reps: 12
  rest_seconds: 60
  sessions_per_week: 3
{ladder}origin: domain_notes
sources:
  - source: acsm_2009
    section: Abstract
"""

CONTENT_CACHE = ROOT / "node_modules/.cache/hipguide/content"
"""Where the plugin keeps checked content between builds (its default ``cache_dir``)."""

LADDER = 4
"""Generated exercises come in ladders of this many rungs (regression and progression)."""

QUICK = 3
QUICK_HELP = f"one build of each kind, of {QUICK} generated exercises only (a smoke test)"


@dataclass(frozen=True)
class Site:
    name: str
    content: Path
    exercises: int
    cold: bool = False
    """No checked content or figures kept from an earlier build (the first build after an edit
    to the content)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[250, 500, 1000])
    parser.add_argument("--profile", type=int, metavar="N")
    parser.add_argument("--quick", action="store_true", help=QUICK_HELP)
    parser.add_argument("--build", nargs=3, metavar=("CONTENT", "SITE", "OVERRIDES"))
    args = parser.parse_args(argv)
    if args.quick:
        args.repeats, args.sizes = 1, [QUICK]
    if args.build:
        _build(Path(args.build[0]), Path(args.build[1]), json.loads(args.build[2]))
        return 0
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with tempfile.TemporaryDirectory(prefix="hipguide-bench-") as tmp:
        work = Path(tmp)
        if not args.quick:
            # Builds run as an installed plugin would: with compiled Python files, as pip
            # leaves them for mkdocs and Material (without, the plugin compiles every build).
            os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
            os.environ["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        if args.profile is not None:
            content = generate(work / "content", args.profile) if args.profile else ROOT / "content"
            _profile(content, work)
            return 0
        real = ROOT / "content"
        sites = [Site("real site", real, 0), Site("real site cold", real, 0, True)]
        sites = [] if args.quick else sites
        sites += [Site(f"{n} exercises", generate(work / f"c{n}", n), n) for n in args.sizes]
        rows = [
            _measure(site, work, args.repeats, warm_up=n == 0 and not args.quick)
            for n, site in enumerate(sites)
        ]
    _print_table(rows, args.repeats)
    return 0


def generate(content: Path, n: int) -> Path:
    """The real content plus ``n`` generated exercises, in ladders of ``LADDER``. Each is
    drawn with a real exercise's figure (under its own id), taken in turn, so that figures
    cost on average what the real exercises' figures cost."""
    shutil.copytree(ROOT / "content", content)
    qualities = ("mobility", "motor_control", "strength", "pattern")
    figures = [
        path.read_text("utf-8")
        for path in sorted((content / "figures").glob("*.yaml"))
        if (content / "exercises" / path.name).is_file()
    ]
    for i in range(n):
        rung = i % LADDER
        ladder = ""
        if rung > 0:
            ladder += f"regression:\n  exercise: gen_{i - 1:05d}\n  when: Pain above 5/10.\n"
        if rung < LADDER - 1 and i + 1 < n:
            ladder += f"progression:\n  exercise: gen_{i + 1:05d}\n  when: 3 x 12, no fault.\n"
        text = EXERCISE.format(
            id=f"gen_{i:05d}",
            n=i,
            quality=qualities[(i // LADDER) % 4],
            load="stretch" if (i // LADDER) % 4 == 0 else "loaded",
            ladder=ladder,
        )
        (content / "exercises" / f"gen_{i:05d}.yaml").write_text(text, encoding="utf-8")
        figure = _FIGURE_ID.sub(f"id: gen_{i:05d}", figures[i % len(figures)], count=1)
        (content / "figures" / f"gen_{i:05d}.yaml").write_text(figure, encoding="utf-8")
    return content


_FIGURE_ID = re.compile(r"^id: \w+$", re.MULTILINE)


def _measure(site: Site, work: Path, repeats: int, *, warm_up: bool) -> dict[str, Any]:
    slug = site.name.replace(" ", "-")
    docs, nav = plain_docs(site.content, work / f"{slug}-docs", work / f"{slug}-generating")
    pages = sum(1 for _ in docs.rglob("*.md"))
    builds = {
        "hipguide": _hipguide_overrides(site.content),
        "plain": {"docs_dir": str(docs), "plugins": ["search"], "nav": nav},
    }
    runs: dict[str, list[dict[str, float]]] = {"hipguide": [], "plain": []}
    for n in range(-1 if warm_up else 0, repeats):
        for kind, overrides in builds.items():
            target = work / f"{slug}-{kind}-site"
            if site.cold and kind == "hipguide":
                shutil.rmtree(CONTENT_CACHE, ignore_errors=True)
            run = _time_build(site.content, target, overrides)
            if n >= 0:  # the warm-up run compiles modules and templates, fills the disk cache
                runs[kind].append(run)
            shutil.rmtree(target, ignore_errors=True)

    def median(kind: str, what: str) -> float:
        return statistics.median(run[what] for run in runs[kind])

    walls = {kind: [round(run["wall"], 2) for run in runs[kind]] for kind in runs}
    print(f"  {site.name}: wall seconds {walls}", file=sys.stderr)
    row = {
        "site": site.name,
        "pages": pages,
        "plugin": median("hipguide", "plugin"),
        "figures": median("hipguide", "figures"),
    }
    for what in ("wall", "cpu"):
        row[what] = (median("hipguide", what), median("plain", what))
    return row


def _hipguide_overrides(content: Path) -> dict[str, Any]:
    if content == ROOT / "content":
        return {}
    # No start-up snapshot for generated content: each catalog would take one with Node (~7 s,
    # then cached by content hash), timing Node rather than the build; the real site's is cached.
    return {"plugins": ["search", {"hipguide": {"content_dir": str(content), "snapshot": False}}]}


def _time_build(content: Path, site: Path, overrides: dict[str, Any]) -> dict[str, float]:
    """Wall-clock and CPU seconds of one build in a fresh process, and the plugin's share."""
    command = [sys.executable, __file__, "--build", str(content), str(site), json.dumps(overrides)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    spent = json.loads(result.stdout.strip().splitlines()[-1])
    plugin = spent["import"] + spent["hooks"]
    return {"wall": wall, "cpu": cpu, "plugin": plugin, "figures": spent["figures"]}


def _build(content: Path, site: Path, overrides: dict[str, Any]) -> None:
    """One build, as `mkdocs build` runs it, with some settings overridden. Prints, as JSON,
    the seconds spent importing the plugin and in its hooks (both zero for a plain build)."""
    spent = {"import": 0.0, "hooks": 0.0, "figures": 0.0}
    if overrides.get("plugins") != ["search"]:
        start = time.process_time()
        # Imported here, and timed: importing it (pydantic, hipcore) is part of its cost.
        from site_plugins.hipguide.kinds import FIGURES  # noqa: PLC0415
        from site_plugins.hipguide.plugin import HipguidePlugin  # noqa: PLC0415

        spent["import"] = time.process_time() - start
        for hook in ("on_config", "on_files", "on_page_markdown", "on_post_build"):
            setattr(HipguidePlugin, hook, _timed(getattr(HipguidePlugin, hook), spent, "hooks"))
        # The figures' share: posing them (the content check), drawing them (pages, contact
        # sheet). Nested in the hooks, so a part of their time.
        for method in ("_render_figures", "_contact_sheet"):
            timed = _timed(getattr(HipguidePlugin, method), spent, "figures")
            setattr(HipguidePlugin, method, timed)
        if FIGURES.check is not None:
            object.__setattr__(FIGURES, "check", _timed(FIGURES.check, spent, "figures"))
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), **overrides))
    print(json.dumps(spent))


def _timed(hook: Any, spent: dict[str, float], what: str) -> Any:
    @functools.wraps(hook)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return hook(*args, **kwargs)
        finally:
            spent[what] += time.process_time() - start

    return timed


def plain_docs(content: Path, docs: Path, site: Path) -> tuple[Path, Any]:
    """The hand-written docs plus every file the plugins generate, and the navigation they set,
    for a plain build of the same pages. Hand-written pages the plugins add to (the contact
    sheet of figures) are written as the plugins leave them. ``site`` receives what the plugin
    writes while generating (its widget bundle): not the repository's own ``site/``, whose
    bundle it would overwrite in place, out of step with that site's service worker."""
    overrides = _hipguide_overrides(content)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), **overrides)
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    shutil.copytree(config.docs_dir, docs)
    for file in files:
        path = docs / file.src_uri
        if file.generated_by is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(file.content_bytes)
        elif file.is_documentation_page():
            markdown = file.content_string
            page = Page(None, file, config)
            added = config.plugins.on_page_markdown(markdown, page=page, config=config, files=files)
            if added != markdown:
                path.write_text(added, encoding="utf-8")
    return docs, config.nav


def _profile(content: Path, work: Path) -> None:
    overrides = _hipguide_overrides(content)
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(work / "site"), **overrides)
    profiler = cProfile.Profile()
    profiler.runcall(build, config)
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(r"site_plugins|hipcore|pydantic|yaml|jinja2", 40)


def _print_table(rows: list[dict[str, Any]], repeats: int) -> None:
    print(
        f"\nmkdocs build in a fresh process, median of {repeats} runs, in seconds."
        f"\nratio = hipguide / plain mkdocs-material on the same pages (target <= {TARGET});"
        "\nplugin = CPU seconds importing it and in its hooks (content, pages, widget bundle),"
        "\nof which figures = posing and drawing the figures."
    )
    head = f"{'site':<15} {'pages':>5}  {'hipguide':>8} {'plain':>6} {'ratio':>5}"
    print(
        f"{head}  {'cpu: hip':>8} {'plain':>6} {'ratio':>5}"
        f"  {'plugin':>6} {'figures':>7} {'ms/page':>7}"
    )
    for row in rows:
        (hip, plain), (hip_cpu, plain_cpu) = row["wall"], row["cpu"]
        print(
            f"{row['site']:<15} {row['pages']:>5}  {hip:>8.2f} {plain:>6.2f} {hip / plain:>5.2f}"
            f"  {hip_cpu:>8.2f} {plain_cpu:>6.2f} {hip_cpu / plain_cpu:>5.2f}"
            f"  {row['plugin']:>6.2f} {row['figures']:>7.2f}"
            f" {1000 * row['plugin'] / row['pages']:>7.2f}"
        )
    generated = [row for row in rows if not row["site"].startswith("real site")]
    if len(generated) >= 2:
        first, last = generated[0], generated[-1]
        extra = last["pages"] - first["pages"]

        def per_page(value: float, base: float) -> str:
            return f"{1000 * (value - base) / extra:.2f} ms"

        print(
            f"\nper page added ({first['pages']} -> {last['pages']} pages):"
            f" plugin {per_page(last['plugin'], first['plugin'])},"
            f" hipguide build {per_page(last['wall'][0], first['wall'][0])},"
            f" plain build {per_page(last['wall'][1], first['wall'][1])}"
        )


if __name__ == "__main__":
    sys.exit(main())
