"""The command line and the results schema, as a user meets them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from hipcore import assess, default_catalog, results_schema
from hipcore.canonical import canonical_json
from hipcore.cli import main
from tests.conftest import ROOT
from tests.engine.build import ALL_PASS, entry, held, results
from tests.engine.golden import load_scenarios


def write(tmp_path: Path, doc: Any, name: str = "results.json") -> Path:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def test_assess_prints_a_readable_program(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, results(entry("single_leg_bridge", held(6), held(12))))
    assert main(["assess", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Your program\n")
    assert "- Weak hip extension (left, mild)" in out
    assert "    Left: Seconds held with the pelvis level: 6 s (pass mark: at least 10 s)" in out
    assert "1. Single-Leg Hip Bridge: Hold for 20 seconds, 3 times on each side." in out
    assert "Start with the left side" in out
    assert "Move up: " in out
    assert "Test again" in out


def test_assess_json_prints_the_prescription_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = results(*ALL_PASS)
    assert main(["assess", "--json", str(write(tmp_path, doc))]) == 0
    assert capsys.readouterr().out == canonical_json(assess(doc), indent=2) + "\n"


def test_a_referral_is_a_prescription_not_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, results(hip_groin_pain_running=True))
    assert main(["assess", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("See a clinician before you go on\n")
    assert "- URGENT: " in out


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"version": 2, "prescreen": {}}', "prescreen.heart_or_pregnancy: is not answered"),
        ("{not json", "(document): is not valid JSON"),
        ('{"version": 2, "prescreen": {}, "extra": 1}', "extra: is not a known field"),
    ],
)
def test_bad_input_exits_2_with_each_problem_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    assert main(["assess", str(write(tmp_path, content))]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "hipcore: the results cannot be assessed:" in captured.err
    assert expected in captured.err


def test_bad_input_with_json_prints_structured_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, results(entry("nope", held(3))))
    assert main(["assess", "--json", str(path)]) == 2
    reply = json.loads(capsys.readouterr().out)
    assert reply == {
        "ok": False,
        "errors": [{"path": "assessments[0].assessment", "message": "'nope' is not an assessment"}],
    }


def test_a_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", str(tmp_path / "none.json")]) == 2
    assert "(file): cannot read" in capsys.readouterr().err


def test_a_broken_catalog_exits_2_naming_the_catalog_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = json.loads((ROOT / "hipcore/data/catalog.json").read_text("utf-8"))
    catalog["rules"][0]["finding"] = "no_such_finding"
    path = write(tmp_path, results(*ALL_PASS))
    assert main(["assess", str(path), "--catalog", str(write(tmp_path, catalog, "c.json"))]) == 2
    assert "(catalog) rules." in capsys.readouterr().err


def test_python_dash_m_hipcore_runs_the_command_line(tmp_path: Path) -> None:
    path = write(tmp_path, results(*ALL_PASS))
    done = subprocess.run(
        [sys.executable, "-m", "hipcore", "assess", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(default_catalog().words.headlines.maintenance + "\n")


# --- the schema -------------------------------------------------------------------------------


def test_schema_prints_the_results_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == results_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["required"] == ["version", "prescreen"]
    assert schema["properties"]["version"] == {"type": "integer", "const": 2}


@pytest.mark.parametrize("scenario", load_scenarios(), ids=lambda s: s.name)
def test_every_golden_input_is_valid_against_the_schema(scenario: Any) -> None:
    # the invalid scenario too: all its problems need the catalog to see, its shape is fine
    errors = jsonschema.Draft202012Validator(results_schema()).iter_errors(scenario.results)
    assert [e.message for e in errors] == []


@pytest.mark.parametrize(
    "doc",
    [
        {"version": 2},
        {"version": "1", "prescreen": {}},
        {"version": 2, "prescreen": {"x": "no"}},
        {"version": 2, "prescreen": {}, "assessments": [{"assessment": "Bad Id"}]},
        {"version": 2, "prescreen": {}, "assessments": [{"assessment": "a", "left": {"x": 1}}]},
        {"version": 2, "prescreen": {}, "assessments": [
            {"assessment": "a", "left": {"pain": {"present": True, "score": 12}}}]},
        {"version": 2, "prescreen": {}, "assessments": [
            {"assessment": "a", "left": {"measures": {"m": {"value": 1, "unit": "ft"}}}}]},
    ],
)  # fmt: skip
def test_what_the_schema_refuses_the_engine_refuses_too(doc: dict[str, Any]) -> None:
    assert list(jsonschema.Draft202012Validator(results_schema()).iter_errors(doc))
    assert assess(doc).status == "invalid"


def test_the_schema_describes_each_field_from_its_docstring() -> None:
    side = results_schema()["$defs"]["SideResult"]["properties"]
    assert side["could_not_perform"]["description"].startswith("The runner could not get into")
