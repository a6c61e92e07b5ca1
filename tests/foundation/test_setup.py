"""The two-command set-up the README promises, and CI running exactly the test command."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.conftest import ROOT


def test_the_readme_gives_exactly_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    setup = readme.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^make \w+", setup, flags=re.MULTILINE)
    assert commands == ["make serve", "make test"]


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci/run").read_text("utf-8")
    assert re.search(r"^make test$", script, flags=re.MULTILINE)


def make_plan(*arguments: str) -> str:
    """What ``make`` would run (``make -n``: printed, not run)."""
    done = subprocess.run(
        ["make", "-n", *arguments], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_make_test_installs_chromium_from_debian_before_the_tests_when_missing(
    tmp_path: Path,
) -> None:
    plan = make_plan("test", f"CHROMIUM={tmp_path / 'chromium'}")
    install = plan.index("apt-get install -y -qq chromium")
    assert install < plan.index("/pytest")


def test_make_test_leaves_an_installed_chromium_alone(tmp_path: Path) -> None:
    chromium = tmp_path / "chromium"
    chromium.touch()
    plan = make_plan("test", f"CHROMIUM={chromium}")
    assert "apt-get" not in plan
    assert "/pytest" in plan


def test_the_site_loads_no_fonts_from_google() -> None:
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"^\s+font: false\b", config, flags=re.MULTILINE)
