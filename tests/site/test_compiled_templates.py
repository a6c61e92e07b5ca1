"""Compiled templates kept between builds are used only while nothing they came from changed."""

from __future__ import annotations

from pathlib import Path

from site_plugins.render import environment


def test_a_kept_template_is_used_until_its_source_changes(tmp_path: Path) -> None:
    templates, compiled = tmp_path / "templates", tmp_path / "compiled"
    templates.mkdir()
    (templates / "page.md.j2").write_text("# {{ 'hip' | upper }}\n", "utf-8")
    assert environment((templates,), compiled).get_template("page.md.j2").render() == "# HIP\n"
    [kept] = compiled.glob("*.cache")
    first = kept.read_bytes()
    inode = kept.stat().st_ino  # Jinja writes a new file and renames it over the old
    assert environment((templates,), compiled).get_template("page.md.j2").render() == "# HIP\n"
    assert kept.stat().st_ino == inode  # read, not compiled and written again
    (templates / "page.md.j2").write_text("# {{ 'run' | upper }}\n", "utf-8")
    assert environment((templates,), compiled).get_template("page.md.j2").render() == "# RUN\n"
    assert kept.read_bytes() != first


def test_templates_compiled_by_other_code_are_deleted_not_used(tmp_path: Path) -> None:
    templates, compiled = tmp_path / "templates", tmp_path / "compiled"
    templates.mkdir()
    (templates / "page.md.j2").write_text("{{ 1 + 1 }}\n", "utf-8")
    compiled.mkdir()
    other = compiled / "0123456789abcdef-page.cache"  # compiled before an edit to the filters
    other.write_bytes(b"stale")
    assert environment((templates,), compiled).get_template("page.md.j2").render() == "2\n"
    assert not other.exists()
    assert len(list(compiled.glob("*.cache"))) == 1
