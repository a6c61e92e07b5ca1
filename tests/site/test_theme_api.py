"""The theme-override API written in docs/architecture.md is what the templates really get:
each variable documented is passed to the templates documented, each filter and global exists.
"""

from __future__ import annotations

import re
from typing import Any, cast

import jinja2
import pytest

from hipcore import default_catalog
from site_plugins.render import environment, render_pages
from site_plugins.render.pages import TEMPLATES
from tests.conftest import ROOT
from tests.figures import real

SECTION = (
    (ROOT / "docs" / "architecture.md")
    .read_text("utf-8")
    .split("## The theme-override API", 1)[1]
    .split("\n## ", 1)[0]
)


def table(title: str) -> list[list[list[str]]]:
    """The rows of the table under ``### title``, each cell's backticked names."""
    part = SECTION.split(f"### {title}\n", 1)[1].split("\n### ", 1)[0]
    rows = [line for line in part.splitlines() if line.startswith("| `")]
    return [[re.findall(r"`([^`]+)`", cell) for cell in row.split("|")[1:-1]] for row in rows]


TEMPLATE_ROWS = {row[0][0]: row[2] for row in table("Templates")}
SHARED = [row[0][0] for row in table("Variables every template gets")]
GLOBALS = [row[0][0] for row in table("Globals")]
FILTERS = [row[0][0] for row in table("Filters")]


class _Recording:
    """Stands in for the environment ``render_pages`` is given: renders as usual, and keeps
    the names each page template was given."""

    def __init__(self) -> None:
        self.env = environment()
        self.given: dict[str, set[str]] = {}

    def get_template(self, name: str) -> Any:
        template = self.env.get_template(name)
        given = self.given.setdefault(name, set())

        class Recorded:
            def render(self, *args: Any, **kwargs: Any) -> str:
                given.update(dict(*args, **kwargs))
                return template.render(*args, **kwargs)

        return Recorded()


@pytest.fixture(scope="module")
def given() -> dict[str, set[str]]:
    recording = _Recording()
    render_pages(default_catalog(), cast("Any", recording), page_words=real.page_words())
    return recording.given


def test_the_documented_templates_are_the_templates_pages_are_rendered_from(
    given: dict[str, set[str]],
) -> None:
    assert sorted(TEMPLATE_ROWS) == sorted(given)
    shipped = {p.name for p in TEMPLATES.glob("*.md.j2") if not p.name.startswith("_")}
    assert shipped == set(TEMPLATE_ROWS)


@pytest.mark.parametrize("template", sorted(TEMPLATE_ROWS))
def test_every_documented_variable_reaches_the_template(
    given: dict[str, set[str]], template: str
) -> None:
    documented = {*SHARED, *TEMPLATE_ROWS[template]}
    assert documented <= given[template], documented - given[template]


@pytest.mark.parametrize("name", GLOBALS)
def test_every_documented_global_exists(name: str) -> None:
    assert name in environment().globals


@pytest.mark.parametrize("name", FILTERS)
def test_every_documented_filter_exists(name: str) -> None:
    assert name in environment().filters


def test_every_filter_and_global_the_guide_adds_is_documented() -> None:
    added = set(environment().filters) - set(jinja2.Environment().filters)
    assert added == set(FILTERS)
    assert set(environment().globals) - set(jinja2.Environment().globals) == set(GLOBALS)
