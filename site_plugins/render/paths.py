"""Where each generated page lives in the docs tree, and relative links between pages."""

from __future__ import annotations

import posixpath

__all__ = [
    "ARTICLE",
    "ASSESSMENTS",
    "EXERCISES",
    "SELF_ASSESSMENT",
    "SOURCES",
    "assessment_page",
    "exercise_page",
    "relative",
    "slug",
    "source_anchor",
]

ARTICLE = "article.md"
SELF_ASSESSMENT = "self-assessment.md"
SOURCES = "sources.md"
ASSESSMENTS = "assessments/index.md"
EXERCISES = "exercises/index.md"


def slug(item_id: str) -> str:
    """An id as it appears in a URL: 'single_leg_bridge' -> 'single-leg-bridge'."""
    return item_id.replace("_", "-")


def assessment_page(assessment_id: str) -> str:
    return f"assessments/{slug(assessment_id)}.md"


def exercise_page(exercise_id: str) -> str:
    return f"exercises/{slug(exercise_id)}.md"


def source_anchor(source_id: str) -> str:
    """The id of a source's heading on the sources page (prefixed: ids must not collide with
    the theme's own element ids)."""
    return f"source-{slug(source_id)}"


def relative(here: str, target: str) -> str:
    """A Markdown link from page ``here`` to ``target`` (both docs paths, '#anchor' allowed),
    which MkDocs checks and turns into a URL."""
    path, _, anchor = target.partition("#")
    link = posixpath.relpath(path, posixpath.dirname(here) or ".") if path else ""
    return f"{link}#{anchor}" if anchor else link
