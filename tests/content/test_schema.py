"""The JSON Schemas editors validate with as they type: current, referenced, and right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from site_plugins.content.export import schema_files, schema_reference
from site_plugins.content.kinds import KINDS, Kind
from site_plugins.content.yamlsource import parse_yaml
from site_plugins.hipguide.export import main
from site_plugins.hipguide.kinds import SITE_KINDS
from tests.conftest import ROOT
from tests.content.cases import DRILL

ALL_KINDS = [*KINDS, *SITE_KINDS]
CONTENT_FILES = [
    (kind, path) for kind in ALL_KINDS for path in sorted((ROOT / "content").glob(kind.glob))
]


def _validator(kind: Kind) -> Draft202012Validator:
    path = ROOT / "content" / "schema" / f"{kind.schema}.schema.json"
    return Draft202012Validator(json.loads(path.read_text("utf-8")))


def _file_id(value: object) -> str:
    return str(value.relative_to(ROOT)) if isinstance(value, Path) else ""


def test_schema_files_are_up_to_date() -> None:
    for path, text in schema_files(extra_kinds=SITE_KINDS).items():
        assert path.read_text("utf-8") == text, f"run: make catalog ({path})"


def test_export_check_finds_nothing_out_of_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check"]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("kind", ALL_KINDS, ids=lambda kind: kind.name)
def test_every_schema_is_a_valid_json_schema_with_field_descriptions(kind: Kind) -> None:
    schema = _validator(kind).schema
    Draft202012Validator.check_schema(schema)
    defs = schema.get("$defs", {})
    for name, definition in [("", schema), *defs.items()]:
        for field, spec in definition.get("properties", {}).items():
            assert spec.get("description"), f"{name}.{field} has no description"


@pytest.mark.parametrize(("kind", "path"), CONTENT_FILES, ids=_file_id)
def test_every_content_file_names_its_schema_on_the_first_line(kind: Kind, path: Path) -> None:
    first_line = path.read_text("utf-8").splitlines()[0]
    assert first_line == schema_reference(kind)
    named = path.parent / first_line.split("$schema=")[1]
    assert named.resolve() == ROOT / "content" / "schema" / f"{kind.schema}.schema.json"


@pytest.mark.parametrize(("kind", "path"), CONTENT_FILES, ids=_file_id)
def test_the_schema_accepts_every_real_content_file(kind: Kind, path: Path) -> None:
    errors = list(_validator(kind).iter_errors(parse_yaml(path).data))
    assert errors == []


EXERCISE = next(kind for kind in KINDS if kind.name == "exercises")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("quality: strength", "quality: strenght", [(["quality"], "enum")]),
        ("  sets: 3", "  sets: 30", [(["dose", "sets"], "maximum")]),
        ("  sets: 3", "  sets: three", [(["dose", "sets"], "type")]),
        ("purpose:", "purpse:", [([], "additionalProperties"), ([], "required")]),
        ("  reps: 10", "  reps: 10\n  hold_seconds: 30", [(["dose"], "oneOf")]),
        ("  reps: 10", "  per_side: true", [(["dose"], "oneOf")]),
        ("id: test_drill", "id: Test Drill", [(["id"], "pattern")]),
        ("muscles: [Gluteus maximus]", "muscles: []", [(["muscles"], "minItems")]),
    ],
)
def test_the_schema_rejects_malformed_content(
    old: str, new: str, expected: list[tuple[list[str], str]], tmp_path: Path
) -> None:
    text = DRILL.format(id="test_drill")
    assert old in text
    path = tmp_path / "test_drill.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    errors = list(_validator(EXERCISE).iter_errors(parse_yaml(path).data))
    assert sorted((list(e.path), e.validator) for e in errors) == sorted(expected)
