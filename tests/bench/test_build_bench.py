"""`make bench-build` keeps working: a catalog is generated that the build accepts, and one
timed build of each kind (hipguide, plain mkdocs-material) completes with a table row."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import yaml

from site_plugins.hipguide.kinds import load_site_content

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "bench" / "build.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_build", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_generated_catalog_loads_with_a_figure_and_a_ladder_for_every_exercise(
    tmp_path: Path,
) -> None:
    content = _bench().generate(tmp_path / "content", 6)

    loaded = load_site_content(content)

    generated = [e for e in loaded.catalog.exercises if e.id.startswith("gen_")]
    assert [e.id for e in generated] == [f"gen_{i:05d}" for i in range(6)]
    drawn = {f.id for f in loaded.extras["figures"]}
    assert {e.id for e in generated} <= drawn
    by_id = {e.id: e for e in generated}
    assert by_id["gen_00001"].regression is not None
    assert by_id["gen_00001"].regression.exercise == "gen_00000"
    assert by_id["gen_00003"].progression is None  # the top rung of a ladder of four
    figure = yaml.safe_load((content / "figures" / "gen_00001.yaml").read_text("utf-8"))
    assert figure["id"] == "gen_00001"


def test_quick_run_times_both_builds_and_prints_a_row() -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("3 exercises"))
    numbers = [float(n) for n in re.findall(r"\d+\.\d+", row)]
    hip, plain, ratio = numbers[:3]
    assert hip > 0
    assert plain > 0
    assert abs(ratio - hip / plain) < 0.02


def test_generating_the_plain_pages_writes_the_bundle_where_it_is_told(tmp_path: Path) -> None:
    # It once wrote into the repository's site/, rewriting a built site's widget entry files in
    # place, out of step with that site's service worker (which then refused to install).
    content = _bench().generate(tmp_path / "content", 1)

    docs, nav = _bench().plain_docs(content, tmp_path / "docs", tmp_path / "generating")

    assert (tmp_path / "generating" / "assets" / "hipguide" / "version.json").is_file()
    assert (docs / "exercises" / "gen-00000.md").is_file()
    assert nav
