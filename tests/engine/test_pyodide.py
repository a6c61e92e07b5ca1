"""The golden scenarios again, inside Pyodide (Node.js, the npm package the site ships): the
replies must be the very same bytes as CPython's. One Pyodide start serves them all."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bench.node_pyodide import run_in_pyodide
from hipcore import RESULTS_VERSION, assess_json
from tests.engine.build import entry, heel, held, results
from tests.engine.golden import load_scenarios

pytestmark = pytest.mark.pyodide

SCENARIOS = load_scenarios()
ODD_INPUTS = {
    "not JSON": "{version: 1",
    "a list": "[]",
    "nested too deeply": "[" * 100_000,
    "a huge number": '{"version": 1e400, "prescreen": {}}',
    "wrong types everywhere": '{"version": "1", "prescreen": [], "assessments": {}}',
    "a key given twice": json.dumps({"version": RESULTS_VERSION, "prescreen": {}}).replace(
        '"prescreen": {}', '"prescreen": {"nerve_symptoms": true, "nerve_symptoms": false}'
    ),
    "a lone surrogate": '{"prescreen": {"\\ud800": true}, "\\udfff": "\\udc00"}',
    "more problems than the cap": json.dumps(
        {"version": RESULTS_VERSION, "prescreen": dict.fromkeys((f"q{i}" for i in range(200)), 1)}
    ),
    "every problem at once": json.dumps(
        results(
            {"assessment": "hip_flexor_lenght", "left": {}},
            entry(
                "single_leg_bridge",
                {"measures": {"hold_time": {"value": "12", "unit": "s"}}, "compensations": [3]},
                held(600.5, "wobbles"),
            ),
            7,
            {"assessment": "quad_length", "both": heel(10)},
            nerve_symptoms="no",  # type: ignore[arg-type]
        )
    ),
    "an unterminated string of escaped quotes": '"' + '\\"' * 50_000,
    "minus zero": json.dumps(
        results(
            entry("single_leg_bridge", held(-0.0), held(-0.0)), entry("quad_length", heel(-0.0))
        )
    ),
}
"""Error paths: their messages must not depend on the Python version either."""

INPUTS = [s.input_text for s in SCENARIOS] + list(ODD_INPUTS.values())
NAMES = [s.name for s in SCENARIOS] + list(ODD_INPUTS)


@pytest.fixture(scope="module")
def pyodide(tmp_path_factory: pytest.TempPathFactory) -> Any:
    return run_in_pyodide(INPUTS, tmp_path_factory.mktemp("pyodide"))


def test_pyodide_runs_the_python_the_browser_runs(pyodide: Any) -> None:
    assert pyodide["python"].startswith("3.")
    assert len(pyodide["replies"]) == len(INPUTS)


@pytest.mark.parametrize("index", range(len(INPUTS)), ids=NAMES)
def test_pyodide_replies_with_the_same_bytes_as_cpython(pyodide: Any, index: int) -> None:
    assert pyodide["replies"][index] == assess_json(INPUTS[index])


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_pyodide_replies_with_the_stored_golden_bytes(pyodide: Any, scenario: Any) -> None:
    assert pyodide["replies"][SCENARIOS.index(scenario)] == scenario.stored_reply_text


def test_a_failure_inside_pyodide_is_reported_with_its_cause(tmp_path: Path) -> None:
    """Were the runner to swallow an error, a broken engine could pass as silence."""
    with pytest.raises(RuntimeError) as raised:
        run_in_pyodide(INPUTS[:1], tmp_path, wheel_transform=_broken)
    message = str(raised.value)
    assert message.startswith("the Pyodide runner failed: pyodide_runner: ")
    assert message.rstrip().endswith("is not a zip file")


def _broken(wheel: Path) -> None:
    wheel.write_bytes(b"not a wheel")
