"""Compiled templates are kept between builds, but never stand in for an edited template or
one compiled with other settings, and a cache that cannot be used does not stop a build."""

from __future__ import annotations

from pathlib import Path

import jinja2

from site_plugins.render import environment
from site_plugins.render.template_cache import bytecode_cache


def test_a_template_edited_between_builds_is_compiled_again(tmp_path: Path) -> None:
    template = tmp_path / "sources.md.j2"
    template.write_text("first {{ 1 + 1 }}\n", encoding="utf-8")
    assert environment((tmp_path,)).get_template("sources.md.j2").render() == "first 2\n"

    template.write_text("second {{ 2 + 2 }}\n", encoding="utf-8")

    assert environment((tmp_path,)).get_template("sources.md.j2").render() == "second 4\n"


def test_the_guide_environment_keeps_compiled_templates() -> None:
    cache = environment().bytecode_cache

    assert isinstance(cache, jinja2.FileSystemBytecodeCache)


def test_other_syntax_settings_use_other_cache_files() -> None:
    trimmed = bytecode_cache({"trim_blocks": True})
    untrimmed = bytecode_cache({"trim_blocks": False})

    assert isinstance(trimmed, jinja2.FileSystemBytecodeCache)
    assert isinstance(untrimmed, jinja2.FileSystemBytecodeCache)
    assert trimmed.pattern != untrimmed.pattern


def test_a_cache_folder_that_is_gone_only_means_compiling(tmp_path: Path) -> None:
    cache = bytecode_cache({})
    assert isinstance(cache, jinja2.FileSystemBytecodeCache)
    cache.directory = str(tmp_path / "removed")
    env = jinja2.Environment(loader=jinja2.DictLoader({"t": "{{ 6 * 7 }}"}), bytecode_cache=cache)

    assert env.get_template("t").render() == "42"
