"""What a figure draws: an assessment or an exercise of the catalog, named by its id."""

from __future__ import annotations

from hipcore.model import Assessment, Catalog, Exercise

__all__ = ["Subject", "subjects"]

Subject = Assessment | Exercise


def subjects(catalog: Catalog) -> dict[str, Subject]:
    """Every assessment and exercise, by id: what can have a figure."""
    found: dict[str, Subject] = {a.id: a for a in catalog.assessments}
    found.update({e.id: e for e in catalog.exercises})
    return found
