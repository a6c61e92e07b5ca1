"""Lighthouse on every kind of page of the guide, against plain mkdocs-material in the same run.

    .venv/bin/python bench/lighthouse.py [--runs 3] [--pages home sources ...] [--keep DIR]
    .venv/bin/python bench/lighthouse.py --report DIR   # the table again, from kept reports

Two sites are built from the same pages: the guide as configured, and plain mkdocs-material
(the search plugin only, no theme overrides) over the very Markdown the plugin generates, with
the same navigation (bench/build.py's ``plain_docs``). Both are served on 127.0.0.1 and each page
is audited by Lighthouse (npm ``lighthouse``, the CLI, a fresh Chromium per audit), mobile (its
default: a simulated mid-range phone on a slow 4G network) and desktop (``--preset=desktop``).
Runs alternate between the two sites, page by page, so that both see the same machine load.

The table gives the median score of each category over the runs, and, for the guide, the audits
that cost it points in accessibility, best practices and SEO (the goal there is 100), and the
bytes each page transfers. Targets (issue 17): performance at least plain Material's on every
page, mobile and desktop; the other three categories 100.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.browser import CHROMIUM, disable_features  # noqa: E402
from bench.build import plain_docs  # noqa: E402
from bench.server import build_site, serve  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-background-networking --disable-component-update"
    " --disable-gpu --no-first-run"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
SHORT = {"performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo"}
FORMS = ("mobile", "desktop")
PAGES = {
    "home": "/",
    "article": "/article/",
    "self-assessment": "/self-assessment/",
    "assessment": "/assessments/single-leg-bridge/",
    "exercise": "/exercises/hip-bridge/",
    "sources": "/sources/",
    "docs": "/architecture/",
}
"""One page of each kind the guide has, by the name the table gives it."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", choices=sorted(PAGES), default=list(PAGES))
    parser.add_argument("--forms", nargs="*", choices=FORMS, default=list(FORMS))
    parser.add_argument("--keep", type=Path, help="write every Lighthouse report (JSON) here")
    parser.add_argument("--report", type=Path, help="print the table of the reports kept in DIR")
    args = parser.parse_args(argv)
    if args.report:
        return _report(args.report)
    if shutil.which("node") is None:
        raise SystemExit("node is needed to run Lighthouse (npm)")
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make deps-test` (npm ci)")
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    with tempfile.TemporaryDirectory(prefix="hipguide-lighthouse-") as tmp:
        work = Path(tmp)
        sites = {"hipguide": work / "hipguide", "plain": work / "plain"}
        print("building both sites ...", file=sys.stderr)
        result = build_site(sites["hipguide"])
        if result.returncode != 0:
            raise SystemExit(f"the guide's build failed:\n{result.stderr}")
        _build_plain(work / "plain-docs", sites["plain"])
        results: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
        with ExitStack() as stack:
            urls = {
                kind: stack.enter_context(serve(site, compressed=True, keep_alive=True))
                for kind, site in sites.items()
            }
            for run in range(args.runs):
                for page in args.pages:
                    for form in args.forms:
                        for kind in sites:
                            report = _audit(urls[kind] + PAGES[page], form)
                            results[page, form, kind].append(_summary(report))
                            if args.keep:
                                args.keep.mkdir(parents=True, exist_ok=True)
                                name = f"{page}-{form}-{kind}-{run}.json"
                                (args.keep / name).write_text(json.dumps(report), "utf-8")
                    print(f"  run {run + 1}/{args.runs}: {page} done", file=sys.stderr)
    _print_table(results, args)
    return 0


def _report(kept: Path) -> int:
    """The table of a run's kept reports (files named page-form-site-run.json)."""
    results: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for path in sorted(kept.glob("*.json")):
        page, form, kind, _ = path.stem.rsplit("-", 3)
        results[page, form, kind].append(_summary(json.loads(path.read_text("utf-8"))))
    runs = max(len(r) for r in results.values())
    pages = [p for p in PAGES if any(key[0] == p for key in results)]
    forms = [f for f in FORMS if any(key[1] == f for key in results)]
    _print_table(results, argparse.Namespace(runs=runs, pages=pages, forms=forms))
    return 0


def _build_plain(docs: Path, site: Path) -> None:
    """Plain mkdocs-material over the guide's pages: mkdocs.yml's theme without its overrides
    (which link the guide's web manifest, a file a plain build does not have) and with the
    theme's own favicon."""
    _, nav = plain_docs(ROOT / "content", docs, docs.parent / "generating")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    theme = {k: v for k, v in config["theme"].items() if k not in ("custom_dir", "favicon")}
    overrides = {"docs_dir": str(docs), "plugins": ["search"], "nav": nav, "theme": theme}
    command = [sys.executable, str(ROOT / "bench" / "build.py"), "--build", "-", str(site)]
    result = subprocess.run(
        [*command, json.dumps(overrides)], capture_output=True, text=True, cwd=ROOT, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"the plain build failed:\n{result.stdout}\n{result.stderr}")


def _audit(url: str, form: str) -> dict[str, Any]:
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS} {_quiet()}",
    ]
    if form == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url} ({form}):\n{result.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise SystemExit(f"lighthouse could not audit {url}: {report['runtimeError']}")
    return report


@functools.cache
def _quiet() -> str:
    """The ``--disable-features`` switch for Lighthouse's Chrome: the features its launcher
    (chrome-launcher, ``Launcher.defaultFlags()``) turns off, which a second switch of that name
    would otherwise replace, and the quiet ones (bench/browser.py)."""
    script = (
        "import('chrome-launcher').then(({Launcher}) =>"
        " console.log(JSON.stringify(Launcher.defaultFlags())))"
    )
    result = subprocess.run(
        ["node", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    prefix = "--disable-features="
    flags: list[str] = json.loads(result.stdout)
    launcher = [f.removeprefix(prefix) for f in flags if f.startswith(prefix)]
    return disable_features(",".join(launcher).split(",") if launcher else [])


def _summary(report: Mapping[str, Any]) -> dict[str, Any]:
    """The four scores (0-100), the page's bytes and metrics, and the audits that lost points
    outside performance."""
    audits = report["audits"]
    scores = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    failed = sorted(
        {
            ref["id"]
            for c in CATEGORIES
            if c != "performance"
            for ref in report["categories"][c]["auditRefs"]
            if ref["weight"] > 0 and (audits[ref["id"]]["score"] or 0) < 1
        }
    )

    def value(audit: str) -> float:
        return float(audits[audit].get("numericValue") or 0)

    return {
        **scores,
        "failed": failed,
        "kB": value("total-byte-weight") / 1000,
        "requests": len(audits["network-requests"]["details"]["items"]),
        "fcp": value("first-contentful-paint"),
        "lcp": value("largest-contentful-paint"),
        "tbt": value("total-blocking-time"),
        "late_paint": _painted_after_load(audits),
    }


def _painted_after_load(audits: Mapping[str, Any]) -> bool:
    """Whether Chromium, as recorded before the simulation, first painted the page only after
    its load event: then the theme's bundle ran before the first paint. Audits of one page fall
    into two groups by this, on the guide and on plain Material alike, and the group decides
    the simulated first paint and blocking time more than anything the pages differ in
    (docs/performance.md)."""
    metrics = audits["metrics"]["details"]["items"][0]
    return bool(metrics["observedFirstContentfulPaint"] > metrics["observedLoad"])


def _print_table(results: Mapping[tuple[str, str, str], list[dict[str, Any]]], args: Any) -> None:
    print(
        f"\nLighthouse scores, median of {args.runs} runs; hipguide / plain mkdocs-material"
        "\nover the same pages, audited in turn. Targets: perf >= plain's; a11y, bp, seo 100."
        "\nkB = bytes transferred; fcp, lcp in ms (Lighthouse's simulated device); tbt in ms."
    )
    head = f"{'page':<16} {'form':<7}"
    for c in CATEGORIES:
        head += f" {SHORT[c]:>9}"
    head += f" {'kB':>11} {'requests':>9} {'lcp':>11} {'tbt':>9}"
    print(head)
    problems: list[str] = []
    for page in args.pages:
        for form in args.forms:
            hip, plain = results[page, form, "hipguide"], results[page, form, "plain"]
            if not hip or not plain:
                continue

            def med(runs: list[dict[str, Any]], what: str) -> float:
                return statistics.median(r[what] for r in runs)

            line = f"{page:<16} {form:<7}"
            for c in CATEGORIES:
                line += f" {med(hip, c):>4.0f}/{med(plain, c):<4.0f}"
            line += f" {med(hip, 'kB'):>5.0f}/{med(plain, 'kB'):<5.0f}"
            line += f" {med(hip, 'requests'):>4.0f}/{med(plain, 'requests'):<4.0f}"
            line += f" {med(hip, 'lcp'):>5.0f}/{med(plain, 'lcp'):<5.0f}"
            line += f" {med(hip, 'tbt'):>4.0f}/{med(plain, 'tbt'):<4.0f}"
            print(line)
            failed = sorted({a for r in hip for a in r["failed"]})
            if failed:
                problems.append(f"  {page} ({form}): {', '.join(failed)}")
            perf = [r["performance"] for r in hip], [r["performance"] for r in plain]
            print(f"{'':<16} {'':<7}  perf runs: hipguide {perf[0]}, plain {perf[1]}")
            late = sum(r["late_paint"] for r in hip), sum(r["late_paint"] for r in plain)
            print(
                f"{'':<16} {'':<7}  first painted after the load: hipguide {late[0]} of "
                f"{len(hip)}, plain {late[1]} of {len(plain)}"
            )
    print("\nAudits the guide fails outside performance (any run):")
    print("\n".join(problems) if problems else "  none")


if __name__ == "__main__":
    sys.exit(main())
