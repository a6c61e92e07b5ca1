"""How long one assessment takes, in CPython and in Pyodide (Node.js, the runtime the site ships).

    .venv/bin/python bench/engine.py [--calls 300]

One assessment is ``hipcore.assess_json(text)``: the JSON bridge the browser worker calls,
from results text to prescription text (parse, check against the catalog, judge, prescribe,
serialise). The inputs are the golden scenarios (tests/engine/golden/), each called ``--calls``
times after a warm-up; the figure is the median of every call. Targets: 1 ms in CPython,
10 ms in Pyodide.

Then the same bridge on a megabyte of adversarial text each (bench/adversarial.py: the
texts that made the nesting check quadratic), where the time is the check that refuses them
before parsing: the median of each text, and the slowest text's. Target: 50 ms.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.adversarial import ADVERSARIAL  # noqa: E402
from bench.node_pyodide import run_in_pyodide  # noqa: E402
from hipcore import assess_json  # noqa: E402
from hipcore.canonical import canonical_json  # noqa: E402

GOLDEN = ROOT / "tests" / "engine" / "golden"

TARGET_MS = {"CPython": 1.0, "Pyodide": 10.0}
ADVERSARIAL_TARGET_MS = 50.0
ADVERSARIAL_CALLS = 9


def golden_inputs() -> list[str]:
    """The results of every golden scenario whose reply is a prescription, as canonical JSON
    (the exact text both runtimes are given)."""
    inputs = []
    for path in sorted(GOLDEN.glob("*.json")):
        scenario = json.loads(path.read_text("utf-8"))
        if scenario.get("reply") is None or scenario["reply"]["ok"]:
            inputs.append(canonical_json(scenario["results"]))
    return inputs


def cpython_samples(inputs: list[str], calls: int, warm_up: int = 20) -> list[float]:
    samples = []
    for text in inputs:
        for _ in range(warm_up):
            assess_json(text)
        for _ in range(calls):
            start = time.perf_counter()
            assess_json(text)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="timed calls per scenario")
    args = parser.parse_args(argv)
    inputs = golden_inputs()

    texts = list(ADVERSARIAL.values())
    rows = [("CPython", sys.version.split()[0], cpython_samples(inputs, args.calls))]
    hostile = [("CPython", cpython_samples(texts, ADVERSARIAL_CALLS, warm_up=1))]
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        pyodide = run_in_pyodide(inputs, Path(tmp), bench_calls=args.calls)
        wall = time.perf_counter() - started
        hostile.append(
            ("Pyodide", run_in_pyodide(texts, Path(tmp), ADVERSARIAL_CALLS)["samples_ms"])
        )
    rows.append(("Pyodide", f"{pyodide['python']} (Pyodide {pyodide['pyodide']}, Node.js)",
                 pyodide["samples_ms"]))  # fmt: skip

    print(f"One assessment (assess_json), {len(inputs)} scenarios x {args.calls} calls each")
    print(f"{'runtime':<9} {'median':>9} {'p90':>9} {'target':>8}  python")
    failed = False
    for name, version, samples in rows:
        median = statistics.median(samples)
        p90 = statistics.quantiles(samples, n=10)[-1]
        ok = median <= TARGET_MS[name]
        failed |= not ok
        print(
            f"{name:<9} {median:>6.3f} ms {p90:>6.3f} ms {TARGET_MS[name]:>5g} ms  {version}"
            + ("" if ok else "  OVER TARGET")
        )
    print(f"(Pyodide start, install and all calls: {wall:.1f} s)")

    print(
        f"\nAdversarial text (assess_json), {len(texts)} texts of 1 MB x {ADVERSARIAL_CALLS} calls"
    )
    print(f"{'runtime':<9} {'median':>9} {'slowest':>9} {'target':>8}  slowest text")
    names = list(ADVERSARIAL)
    for name, samples in hostile:
        medians = [
            statistics.median(samples[i : i + ADVERSARIAL_CALLS])
            for i in range(0, len(samples), ADVERSARIAL_CALLS)
        ]
        slowest = max(medians)
        ok = slowest <= ADVERSARIAL_TARGET_MS
        failed |= not ok
        print(
            f"{name:<9} {statistics.median(medians):>6.2f} ms {slowest:>6.2f} ms "
            f"{ADVERSARIAL_TARGET_MS:>5g} ms  {names[medians.index(slowest)]}"
            + ("" if ok else "  OVER TARGET")
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
