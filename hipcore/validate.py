"""Checks a results document against the catalog: the checks its JSON shape cannot make.

``hipcore._decode`` has already checked types and ranges; here each id must name something in
the catalog, each value must be in a unit its measure accepts and within the measure's
plausible range, each side must suit the test, and every pre-screen question must be answered.
Every problem is collected with its field path; nothing is raised.
"""

from __future__ import annotations

from hipcore._units import convert, exact
from hipcore.errors import Path, Problem
from hipcore.model import Assessment, Catalog
from hipcore.results import Results, SideResult

__all__ = ["check_results"]

_SIDES = ("left", "right", "both")


def check_results(results: Results, catalog: Catalog) -> list[Problem]:
    """Every problem with ``results`` that needs the catalog to see, in document order."""
    problems: list[Problem] = []
    flags = {flag.id for flag in catalog.red_flags}
    for flag_id in results.prescreen:
        if flag_id not in flags:
            problems.append(Problem(("prescreen", flag_id), "is not a pre-screen question"))
    for flag in catalog.red_flags:
        if flag.id not in results.prescreen:
            problems.append(Problem(("prescreen", flag.id), f"is not answered: {flag.question}"))

    assessments = {a.id: a for a in catalog.assessments}
    first_at: dict[str, int] = {}
    for i, entry in enumerate(results.assessments):
        path: Path = ("assessments", i)
        assessment = assessments.get(entry.assessment)
        if assessment is None:
            problems.append(
                Problem((*path, "assessment"), f"'{entry.assessment}' is not an assessment")
            )
            continue
        if entry.assessment in first_at:
            problems.append(
                Problem(
                    (*path, "assessment"),
                    f"'{entry.assessment}' is given twice "
                    f"(first at assessments[{first_at[entry.assessment]}])",
                )
            )
            continue
        first_at[entry.assessment] = i
        for side in _SIDES:
            result: SideResult | None = getattr(entry, side)
            if result is None:
                continue
            if assessment.sided and side == "both":
                problems.append(
                    Problem(
                        (*path, side), "this test is done on each side: give 'left' and 'right'"
                    )
                )
            elif not assessment.sided and side != "both":
                problems.append(
                    Problem((*path, side), "this test is done once: give 'both', not a side")
                )
            else:
                problems += _check_side(assessment, result, (*path, side))
    return problems


def _check_side(assessment: Assessment, result: SideResult, path: Path) -> list[Problem]:
    problems: list[Problem] = []
    criteria = {c.id for c in assessment.criteria}
    for criterion in result.criteria:
        if criterion not in criteria:
            problems.append(
                Problem((*path, "criteria", criterion), _unknown("criterion", assessment, criteria))
            )
    measures = {m.id: m for m in assessment.measures}
    for measure_id, measurement in result.measures.items():
        where = (*path, "measures", measure_id)
        measure = measures.get(measure_id)
        if measure is None:
            problems.append(Problem(where, _unknown("measure", assessment, set(measures))))
            continue
        accepted = (measure.unit, *measure.units)
        if measurement.unit not in accepted:
            problems.append(
                Problem(
                    (*where, "unit"),
                    f"'{measurement.unit}' is not a unit of this measure "
                    f"(use {' or '.join(repr(u) for u in accepted)})",
                )
            )
            continue
        value = convert(measurement.value, measurement.unit, measure.unit)
        if value is None or not measure.minimum <= value <= measure.maximum:
            low, high = exact(measure.minimum, measure.unit), exact(measure.maximum, measure.unit)
            entered = exact(measurement.value, measurement.unit)
            if value is not None and measurement.unit != measure.unit:
                entered += f" ({exact(value, measure.unit)})"
            message = f"{entered} is outside the plausible range {low} to {high}"
            problems.append(Problem((*where, "value"), message))
    compensations = {c.id for c in assessment.compensations}
    seen: set[str] = set()
    for j, compensation in enumerate(result.compensations):
        where = (*path, "compensations", j)
        if compensation not in compensations:
            problems.append(Problem(where, _unknown("compensation", assessment, compensations)))
        elif compensation in seen:
            problems.append(Problem(where, f"'{compensation}' is listed twice"))
        seen.add(compensation)
    pain = result.pain
    if pain is not None and not pain.present and pain.score:
        problems.append(
            Problem((*path, "pain", "score"), "is given but 'present' is false: did it hurt?")
        )
    return problems


def _unknown(what: str, assessment: Assessment, known: set[str]) -> str:
    choices = ", ".join(sorted(known)) or "none"
    return f"is not a {what} of '{assessment.id}' (known: {choices})"
