"""Content YAML is read by YAML 1.2's rules, as editors expect, not PyYAML's YAML 1.1 ones."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from site_plugins.content.yamlsource import YamlSyntaxError, parse_yaml
from site_plugins.hipguide.kinds import load_site_content
from tests.content.cases import BRIDGE
from tests.content.edits import Replace


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("1:30", "1:30"),  # YAML 1.1: 90 (base 60)
        ("010", 10),  # YAML 1.1: 8 (octal)
        ("0o10", 8),
        ("0x1F", 31),
        ("yes", "yes"),
        ("On", "On"),
        ("2024-05-01", "2024-05-01"),  # YAML 1.1: a date
        ("1_000", "1_000"),
        ("true", True),
        ("False", False),
        ("~", None),
        ("", None),
        ("2.5", 2.5),
        ("-.inf", -math.inf),
    ],
)
def test_plain_values_are_read_by_yaml_1_2(written: str, read: object, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(f"value: {written}\n", encoding="utf-8")
    assert parse_yaml(path).data == {"value": read}


def test_a_dose_note_of_1_30_is_the_text_an_editor_wrote(content_copy: Path) -> None:
    Replace(BRIDGE, r"^  note:", "  note: 1:30 between sides").apply(content_copy)
    content = load_site_content(content_copy)
    bridge = next(e for e in content.catalog.exercises if e.id == "hip_bridge")
    assert bridge.dose.note == "1:30 between sides"


def test_aliases_within_the_limit_still_work(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: &steps [one, two]\nb: *steps\n", encoding="utf-8")
    document = parse_yaml(path)
    assert document.data == {"a": ["one", "two"], "b": ["one", "two"]}
    assert document.line_of(("b", 1)) == 1, "an alias's values point at the anchored lines"


def test_merged_fields_come_in_and_a_merged_plain_value_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("base: &base {sets: 3}\ndose:\n  <<: *base\n  reps: 10\n", encoding="utf-8")
    assert parse_yaml(path).data["dose"] == {"sets": 3, "reps": 10}
    for merged in ["5", "[1, 2]", "[*base, 5]"]:
        path.write_text(f"base: &base {{sets: 3}}\ndose:\n  <<: {merged}\n", encoding="utf-8")
        with pytest.raises(YamlSyntaxError) as raised:
            parse_yaml(path)
        assert raised.value.line == 3, merged
        assert "'<<' merges fields" in str(raised.value), merged
