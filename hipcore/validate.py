"""Checks a results document against the catalog: the checks its JSON shape cannot make.

``hipcore._decode`` has already checked types and ranges; here each id must name something in
the catalog, each value must be in a unit its measure accepts and within the measure's
plausible range, each side must suit the test, and every pre-screen question must be answered.
Every problem is collected with its field path; nothing is raised.
"""

from __future__ import annotations

from datetime import date

from hipcore._judge import meets
from hipcore.errors import FieldPath, Problem
from hipcore.model import Assessment, Catalog
from hipcore.prescription import SIDE_KEYS
from hipcore.results import Results, SideResult
from hipcore.units import convert_value, exact_value

__all__ = ["check_results"]


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

    if results.recorded_at:
        try:
            date.fromisoformat(results.recorded_at[:10])
        except ValueError:
            problems.append(Problem(("recorded_at",), "is not a date on the calendar"))

    assessments = {a.id: a for a in catalog.assessments}
    first_at: dict[str, int] = {}
    for i, entry in enumerate(results.assessments):
        path: FieldPath = ("assessments", i)
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
        for side in SIDE_KEYS:
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


def _check_side(assessment: Assessment, result: SideResult, path: FieldPath) -> list[Problem]:
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
        value = convert_value(measurement.value, measurement.unit, measure.unit)
        if value is None or not measure.minimum <= value <= measure.maximum:
            low, high = (
                exact_value(measure.minimum, measure.unit),
                exact_value(measure.maximum, measure.unit),
            )
            entered = exact_value(measurement.value, measurement.unit)
            if value is not None and measurement.unit != measure.unit:
                entered += f" ({exact_value(value, measure.unit)})"
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
    problems += _check_pain(assessment, result, path)
    problems += _check_contradictions(assessment, result, path)
    return problems


def _check_pain(assessment: Assessment, result: SideResult, path: FieldPath) -> list[Problem]:
    pain = result.pain
    if pain is None:
        return []
    problems: list[Problem] = []
    if not pain.present and pain.score:
        problems.append(
            Problem((*path, "pain", "score"), "is given but 'present' is false: did it hurt?")
        )
    if not pain.present and pain.where:
        problems.append(
            Problem((*path, "pain", "where"), "is given but 'present' is false: did it hurt?")
        )
    seen: set[str] = set()
    for j, site in enumerate(pain.where):
        where = (*path, "pain", "where", j)
        if site not in assessment.pain_sites:
            choices = ", ".join(assessment.pain_sites) or "none"
            problems.append(
                Problem(where, f"'{site}' is not a place this test can hurt (known: {choices})")
            )
        elif site in seen:
            problems.append(Problem(where, f"'{site}' is listed twice"))
        seen.add(site)
    return problems


def _check_contradictions(
    assessment: Assessment, result: SideResult, path: FieldPath
) -> list[Problem]:
    """Answers that cannot all be true: never judged on a guess."""
    problems: list[Problem] = []
    if result.could_not_perform:
        for measure_id in result.measures:
            problems.append(
                Problem(
                    (*path, "measures", measure_id),
                    "is given, but 'could_not_perform' says the test could not be done: "
                    "give one or the other",
                )
            )
    measures = {m.id: m for m in assessment.measures}
    for criterion in assessment.criteria:
        answer = result.criteria.get(criterion.id)
        measure = measures.get(criterion.instead_of or "")
        measurement = result.measures.get(measure.id) if measure is not None else None
        if answer is None or measure is None or measurement is None:
            continue
        if answer != meets(measure, measurement.value, measurement.unit):
            problems.append(
                Problem(
                    (*path, "criteria", criterion.id),
                    f"says {'yes' if answer else 'no'}, but '{measure.id}' "
                    f"({exact_value(measurement.value, measurement.unit)}) says "
                    f"{'no' if answer else 'yes'}: give one or the other",
                )
            )
    return problems


def _unknown(what: str, assessment: Assessment, known: set[str]) -> str:
    choices = ", ".join(sorted(known)) or "none"
    return f"is not a {what} of '{assessment.id}' (known: {choices})"
