"""The real site content (figures, page words), loaded once, for tests that go through it."""

from __future__ import annotations

from functools import cache

from site_plugins.content import Content
from site_plugins.figures.catalog import panels_of
from site_plugins.figures.model import Figure
from site_plugins.figures.panels import Panel
from site_plugins.figures.poses import Resolved, resolve_poses
from site_plugins.figures.subjects import subjects
from site_plugins.hipguide.kinds import load_site_content
from site_plugins.render.pagewords import PageWords
from tests.conftest import ROOT

__all__ = ["content", "figures", "page_words", "panels", "poses"]


@cache
def content() -> Content:
    return load_site_content(ROOT / "content")


@cache
def figures() -> dict[str, Figure]:
    return {f.id: f for f in content().extras["figures"]}


def page_words() -> PageWords:
    (words,) = content().extras["pages"]
    assert isinstance(words, PageWords)
    return words


@cache
def panels() -> list[Panel]:
    """Every panel of every figure, in file order."""
    known = subjects(content().catalog)
    found: list[Panel] = []
    for figure in figures().values():
        drawn, problems = panels_of(figure, known[figure.id])
        assert not problems, problems
        found += drawn
    return found


@cache
def poses() -> list[tuple[str, Resolved]]:
    """(figure id, pose) for every pose of every figure."""
    found = []
    for figure in figures().values():
        resolved, problems = resolve_poses(figure)
        assert not problems, problems
        found += [(figure.id, pose) for pose in resolved.values()]
    return found
