"""The site's navigation, as the plain data MkDocs' ``nav`` setting takes.

The guide's own pages come first in reading order: they are the runner's navigation. The
project's hand-written documents follow in a section of their own, for developers and site
owners (how the widget is embedded, built, checked and measured), the known ones in a fixed
order and any others by path, so that none of them sits among the runner's pages.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from typing import Any

from hipcore.model import Catalog
from site_plugins.render import paths
from site_plugins.render.pagewords import Titles

__all__ = ["DEVELOPER_DOCS", "HOME", "developer_docs", "navigation"]

HOME = "index.md"
DEVELOPER_DOCS = (
    "widget.md",
    "embedding.md",
    "architecture.md",
    "engine.md",
    "content.md",
    "figures.md",
    "performance.md",
)
"""The project's documents, in reading order, when they exist."""

NavItem = str | dict[str, Any]


def navigation(catalog: Catalog, hand_written: Iterable[str], titles: Titles) -> list[NavItem]:
    """``hand_written``: the docs paths of the pages not generated from content; ``titles``: the
    pages' titles (``content/pages.yaml``), which the navigation names them by."""
    others = sorted(set(hand_written))
    nav: list[NavItem] = []
    if HOME in others:
        nav.append({escape(titles.home): HOME})
    # Index pages are the first child of their section, not the section's own link: with
    # Material's navigation.indexes the section nav loses its accessible name (axe).
    assessments: list[NavItem] = [{escape(titles.all_assessments): paths.ASSESSMENTS}]
    assessments += [{escape(a.name): paths.assessment_page(a.id)} for a in catalog.assessments]
    exercises: list[NavItem] = [{escape(titles.all_exercises): paths.EXERCISES}]
    by_name = sorted(catalog.exercises, key=lambda e: e.name.casefold())
    exercises += [{escape(e.name): paths.exercise_page(e.id)} for e in by_name]
    nav += [
        {escape(titles.article): paths.ARTICLE},
        {escape(titles.self_assessment): paths.SELF_ASSESSMENT},
        {escape(titles.assessments): assessments},
        {escape(titles.exercises): exercises},
        {escape(titles.sources): paths.SOURCES},
    ]
    docs = developer_docs(others)
    if docs:
        nav.append({escape(titles.developers): docs})
    return nav


def developer_docs(hand_written: Iterable[str]) -> list[str]:
    """The hand-written pages other than the home page, in the developers' reading order: the
    project's documents, kept out of the runner's navigation and search."""
    others = sorted(set(hand_written))
    docs = [p for p in DEVELOPER_DOCS if p in others]
    return docs + [p for p in others if p not in docs and p != HOME]
