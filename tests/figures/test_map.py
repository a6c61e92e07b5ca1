"""docs/figures.md maps the figures' code: one row for each module, and no row for a module
that is gone, so a newcomer who opens the map finds every file it names and every file there."""

from __future__ import annotations

import re

from tests.conftest import ROOT

FOLDER = ROOT / "site_plugins" / "figures"


def mapped(text: str) -> list[str]:
    """The modules the map's table names, in its order."""
    part = text.split("## Where the code is", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `(\w+\.py)` \|", part, flags=re.MULTILINE)


def test_every_figures_module_has_one_row_in_the_map_and_every_row_a_module() -> None:
    rows = mapped((ROOT / "docs" / "figures.md").read_text("utf-8"))
    modules = sorted(p.name for p in FOLDER.glob("*.py") if p.name != "__init__.py")
    assert sorted(rows) == modules
    assert len(rows) == len(set(rows))


def test_the_map_check_reads_the_table() -> None:
    text = (
        "## Where the code is\n\n| Module | Its job |\n| --- | --- |\n| `a.py` | x |\n\n"
        "## Contact sheet\n| `b.py` | y |\n"
    )
    assert mapped(text) == ["a.py"]
