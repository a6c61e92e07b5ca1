"""What the built site should hold, worked out from the catalog alone (not from the renderer),
so the tests keep up as the content grows."""

from __future__ import annotations

from hipcore.model import Assessment, Catalog, Exercise


def slug(item_id: str) -> str:
    return item_id.replace("_", "-")


def assessment_url(item_id: str) -> str:
    return f"assessments/{slug(item_id)}/"


def exercise_url(item_id: str) -> str:
    return f"exercises/{slug(item_id)}/"


def exercises_after(catalog: Catalog, assessment: Assessment) -> set[str]:
    """Exercise ids a fail of this test leads to: rules -> findings -> exercises."""
    findings = {f.id: f for f in catalog.findings}
    return {
        exercise
        for rule in catalog.rules
        if rule.assessment == assessment.id
        for exercise in findings[rule.finding].exercises
    }


def assessments_before(catalog: Catalog, exercise: Exercise) -> set[str]:
    """Assessment ids whose fail leads to this exercise."""
    return {a.id for a in catalog.assessments if exercise.id in exercises_after(catalog, a)}


def generated_urls(catalog: Catalog) -> list[str]:
    return [
        "article/",
        "self-assessment/",
        "assessments/",
        "exercises/",
        "sources/",
        *(assessment_url(a.id) for a in catalog.assessments),
        *(exercise_url(e.id) for e in catalog.exercises),
    ]
