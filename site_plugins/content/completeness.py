"""Checks that the content, though sound file by file, gives every runner a safe answer.

A catalog can hold together (every id named exists) and still mislead: a way of failing a test
that no rule reads tells a runner who failed it that they passed; a pass mark outside its
measure's range makes a test that no one can pass. These checks are written over the model's
fields, so they keep working as assessments gain parts. Paths start with the kind and the id,
as in ``hipcore.catalog.check_references``.
"""

from __future__ import annotations

from collections.abc import Iterator

from hipcore.errors import FieldPath, Problem
from hipcore.model import Assessment, Catalog, Measure, Rule, Threshold, Unit
from hipcore.units import convert_value, show_value

__all__ = ["UNIT_BOUNDS", "check_completeness"]

FAILING_PARTS = ("criteria", "measures", "compensations")
"""The parts of an assessment a runner can fail; a rule's 'when' names them by id."""


UNIT_BOUNDS: dict[Unit, tuple[float, float]] = {
    "s": (0, 3600),
    "deg": (-360, 360),
    "cm": (0, 300),
    "in": (0, 120),
}
"""The plausible amounts of each unit: no time or distance is negative, no angle a full turn."""

_UNIT_WORDS = {"s": "seconds", "deg": "degrees", "cm": "centimetres", "in": "inches"}
_COMPARATOR_WORDS = {">=": "at least", ">": "more than", "<=": "at most", "<": "less than"}


def check_completeness(catalog: Catalog) -> list[Problem]:
    """Every problem found, on a catalog whose references all hold."""
    problems: list[Problem] = []
    for assessment in catalog.assessments:
        rules = [r for r in catalog.rules if r.assessment == assessment.id]
        problems += _unread_failures(assessment, rules)
        for i, measure in enumerate(assessment.measures):
            where: FieldPath = ("assessments", assessment.id, "measures", i)
            problems += _implausible_amounts(measure, where)
            problems += _pass_mark_outside_range(measure, where)
    problems += _shared_section_orders(catalog)
    return problems


def _unread_failures(assessment: Assessment, rules: list[Rule]) -> Iterator[Problem]:
    here: FieldPath = ("assessments", assessment.id)
    if not rules:
        yield Problem(
            (*here, "id"),
            "no rule in rules.yaml reads this test, so a runner who fails it would be told"
            " nothing; add a rule for it",
        )
        return
    if any(not rule.when for rule in rules):
        return  # a rule with no 'when' reads every way of failing, could_not_perform included
    named = {part for rule in rules for part in rule.when}
    for field in FAILING_PARTS:
        for i, part in enumerate(getattr(assessment, field)):
            if getattr(part, "pass_when", True) is None:
                continue  # a measure recorded as context only cannot fail
            if part.id not in named:
                yield Problem(
                    (*here, field, i, "id"),
                    f"failing '{part.id}' leads to no rule: name it in a rule's 'when' in"
                    " rules.yaml, or give the test a rule with no 'when'",
                )
    # The engine sends could_not_perform to every rule of a test when none names it (or one of
    # its measures), so it is read whenever the test has a rule at all.


def _implausible_amounts(measure: Measure, where: FieldPath) -> Iterator[Problem]:
    amounts: list[tuple[FieldPath, float, Unit]] = [
        ((*where, "minimum"), measure.minimum, measure.unit),
        ((*where, "maximum"), measure.maximum, measure.unit),
    ]
    if measure.pass_when is not None:
        amounts.append(((*where, "pass_when", "value"), *_mark(measure.pass_when)))
    for path, amount, unit in amounts:
        low, high = UNIT_BOUNDS[unit]
        words = _UNIT_WORDS[unit]
        if amount < low:
            got = show_value(amount, unit).strip()
            yield Problem(path, f"must be at least {low:g} for an amount in {words}, got {got}")
        elif amount > high:
            got = show_value(amount, unit).strip()
            yield Problem(path, f"must be at most {high:g} for an amount in {words}, got {got}")


def _mark(threshold: Threshold) -> tuple[float, Unit]:
    return threshold.value, threshold.unit


def _pass_mark_outside_range(measure: Measure, where: FieldPath) -> Iterator[Problem]:
    mark = measure.pass_when
    if mark is None or measure.minimum >= measure.maximum:
        return
    value = convert_value(mark.value, mark.unit, measure.unit)
    if value is None:
        return  # a unit the measure does not take: reported by check_references
    low, high = measure.minimum, measure.maximum
    passing = {
        ">=": (value <= high, value <= low),
        ">": (value < high, value < low),
        "<=": (value >= low, value >= high),
        "<": (value > low, value > high),
    }
    can_pass, always_passes = passing[mark.comparator]
    if can_pass and not always_passes:
        return
    span = f"{show_value(low, measure.unit)} to {show_value(high, measure.unit)}"
    wanted = f"{_COMPARATOR_WORDS[mark.comparator]} {show_value(mark.value, mark.unit)}"
    outcome = "no one could pass the test" if not can_pass else "no one could fail on it"
    which = "no value" if not can_pass else "every value"
    yield Problem(
        (*where, "pass_when", "value"),
        f"{which} in the measure's range ({span}) is {wanted}, so {outcome}",
    )


def _shared_section_orders(catalog: Catalog) -> Iterator[Problem]:
    first: dict[int, str] = {}
    for section in catalog.sections:
        if section.order in first:
            yield Problem(
                ("sections", section.id, "order"),
                f"is {section.order}, as is the section '{first[section.order]}';"
                " give each section its own place",
            )
        else:
            first[section.order] = section.id
