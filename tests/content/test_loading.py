"""Reading content: values, lines, and the plugin's configuration."""

from __future__ import annotations

from pathlib import Path

from site_plugins.content.yamlsource import parse_yaml
from site_plugins.hipguide.kinds import load_site_content
from site_plugins.hipguide.plugin import HipguidePlugin
from tests.conftest import ROOT, build_site


def test_yes_no_and_on_off_are_words_not_booleans(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: no\nb: off\nc: yes\nd: false\ne: true\n", encoding="utf-8")
    assert parse_yaml(path).data == {"a": "no", "b": "off", "c": "yes", "d": False, "e": True}


def test_every_value_knows_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("# comment\nid: x\ndose:\n  sets: 3\nsteps:\n  - one\n  - two\n", "utf-8")
    document = parse_yaml(path)
    assert document.line_of(("id",)) == 2
    assert document.line_of(("dose", "sets")) == 4
    assert document.line_of(("steps", 1)) == 7
    assert document.line_of(("dose", "reps")) == 3, "a missing field points at its parent"


def test_each_item_is_traced_to_the_file_that_defines_it() -> None:
    content = load_site_content(ROOT / "content")
    assert content.files[("exercises", "hip_bridge")] == ROOT / "content/exercises/hip_bridge.yaml"
    assert content.files[("policy", "policy")] == ROOT / "content/policy.yaml"
    assert all(path.is_file() for path in content.files.values())


def test_the_default_config_loads_with_no_warnings(tmp_path: Path) -> None:
    plugin = HipguidePlugin()
    errors, warnings = plugin.load_config({}, str(tmp_path / "mkdocs.yml"))
    assert (errors, warnings) == ([], [])


def test_building_the_real_site_prints_no_warnings(tmp_path: Path) -> None:
    result = build_site(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stdout + result.stderr
