"""Run hipcore inside Pyodide under Node.js (``pyodide_runner.mjs``), as the site ships it.

Shared by the engine benchmark (``bench/engine.py``) and the Pyodide tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from site_plugins.bundle import build_hipcore_wheel

ROOT = Path(__file__).resolve().parents[1]
RUNNER = Path(__file__).resolve().with_name("pyodide_runner.mjs")
CATALOG = ROOT / "hipcore" / "data" / "catalog.json"


class PyodideUnavailable(RuntimeError):
    pass


def run_in_pyodide(
    inputs: list[str],
    workdir: Path,
    bench_calls: int | None = None,
    wheel_transform: Callable[[Path], None] | None = None,
) -> Any:
    """Start Pyodide once, install the hipcore wheel (with the packaged catalog, the one
    CPython uses by default), and answer every input with ``assess_json``.
    ``wheel_transform``: changes the wheel before it is installed (tests of the runner)."""
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "pyodide" / "pyodide.mjs").is_file():
        raise PyodideUnavailable("node and node_modules/pyodide are needed: run `make test`")
    wheel = build_hipcore_wheel(workdir, CATALOG.read_text("utf-8"))
    if wheel_transform is not None:
        wheel_transform(wheel)
    given, answered = workdir / "inputs.json", workdir / "outputs.json"
    given.write_text(json.dumps(inputs), encoding="utf-8")
    command = [node, str(RUNNER), str(wheel), str(given), str(answered)]
    if bench_calls is not None:
        command += ["--bench", str(bench_calls)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the Pyodide runner failed: {done.stderr.strip()[-2000:]}")
    return json.loads(answered.read_text("utf-8"))
