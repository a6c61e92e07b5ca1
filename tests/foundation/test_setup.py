"""The two-command set-up the README promises, and CI running exactly the test command."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def test_the_readme_gives_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    setup = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^make \w+", setup, flags=re.MULTILINE)
    assert commands == ["make serve", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci/run").read_text("utf-8")
    assert re.search(r"^make test$", script, flags=re.MULTILINE)


def test_make_test_installs_chromium_from_debian_when_missing() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert "apt-get install -y -qq chromium" in makefile
    assert re.search(r"^test: deps-test$", makefile, flags=re.MULTILINE)


def test_the_site_loads_no_fonts_from_google() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"^\s+font: false\b", config, flags=re.MULTILINE)
