"""The engine's start-up module (site_plugins/widget/startup.js) runs in Node.js too, from the
built bundle: the worker and a Node runner (or a start-up snapshot step) share one path."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import bundle_of

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import { readFile } from "node:fs/promises";
import { loadPyodide } from "%(pyodide)s";
import { startEngine } from "%(startup)s";
const assets = %(assets)s;
const stages = [];
const engine = await startEngine({
  loadPyodide, indexURL: %(index)s,
  readAsset: async (name) => { const b = await readFile(assets + name);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength); },
  onStage: (s) => stages.push(s),
});
const catalog = await readFile(assets + "catalog.json", "utf8");
const empty = {version: 1, prescreen: {}, assessments: []};
const reply = JSON.parse(engine.assessJson(JSON.stringify(empty)));
console.log(JSON.stringify({stages, version: engine.version, start: engine.start,
  match: (await engine.sha256(catalog)) === engine.version.catalog_sha256, reply}));
"""


@pytest.mark.pyodide
def test_the_start_up_module_runs_in_node_from_the_built_bundle(built_site: Path) -> None:
    assets = bundle_of(built_site)
    pyodide = ROOT / "node_modules/pyodide"
    script = SCRIPT % {
        "pyodide": (pyodide / "pyodide.mjs").as_uri(),
        "startup": (ROOT / "site_plugins/widget/startup.js").as_uri(),
        "assets": json.dumps(f"{assets}/"),
        "index": json.dumps(f"{assets}/pyodide/"),
    }
    run = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["stages"] == ["runtime", "filesystem", "engine", "ready"]
    assert out["start"] == "snapshot", "the build wrote a start-up snapshot and it restores"
    assert out["match"] is True, "the wheel carries the catalog the site shows"
    assert out["reply"]["ok"] is False  # pre-screen unanswered: the engine's own error
