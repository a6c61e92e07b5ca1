"""The figures of a catalog, checked as a whole: each names an assessment or exercise, every
assessment and exercise has one, and each can be drawn as its file says (its panels build
without problems; the checks themselves are in ``checks``, ``poses`` and ``floor``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from hipcore.errors import Problem
from hipcore.model import Catalog
from site_plugins.figures.model import Figure
from site_plugins.figures.panels import Panel, build_panels
from site_plugins.figures.subjects import Subject, subjects

__all__ = ["check_figures", "panels_of", "problems_of"]


@cache
def panels_of(
    figure: Figure, subject: Subject | None
) -> tuple[tuple[Panel, ...], tuple[Problem, ...]]:
    """The figure's panels and problems (cached: the build checks, then draws)."""
    panels, problems = build_panels(figure, subject)
    return tuple(panels), tuple(problems)


def problems_of(figure: Figure, subject: Subject) -> tuple[Problem, ...]:
    """Why the figure cannot be drawn as its file says (none: it can)."""
    return panels_of(figure, subject)[1]


def check_figures(
    catalog: Catalog,
    figures: Sequence[Figure],
    check: Callable[[Figure, Subject], Sequence[Problem]] = problems_of,
) -> list[Problem]:
    """Paths start with the kind and id (``('figures', 'hip_bridge', 'poses', 0)``), so that
    the loader can point at the file and line. ``check``: one figure's problems
    (``problems_of``, or a caller's that keeps them)."""
    known = subjects(catalog)
    problems: list[Problem] = []
    drawn = {f.id for f in figures}
    for figure in figures:
        subject = known.get(figure.id)
        if subject is None:
            problems.append(
                Problem(
                    ("figures", figure.id, "id"),
                    f"names no assessment or exercise: '{figure.id}' is not one "
                    "(a figure file is named after the assessment or exercise it draws)",
                )
            )
            continue
        problems += [p.under("figures", figure.id) for p in check(figure, subject)]
    for kind, items in (("assessments", catalog.assessments), ("exercises", catalog.exercises)):
        for item in items:
            if item.id not in drawn:
                problems.append(
                    Problem(
                        (kind, item.id, "id"),
                        f"has no figure: add content/figures/{item.id}.yaml "
                        "(docs/figures.md shows how)",
                    )
                )
    return problems
