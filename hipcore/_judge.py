"""Judging one side of one test against the catalog's pass rule.

A side fails on any criterion answered 'no', any measured value that misses its pass mark
(after unit conversion), any compensation seen (a fault fails the test even when the time is
reached), or 'could not perform'. Pain stops the test: the side is ``pain``, not judged.
A side with nothing failed but a required answer missing is ``incomplete``, never guessed.
A criterion that stands in for a measure (``instead_of``) answers for it: either one will do.

Values are told in the catalog's units, whatever unit the runner typed, so equal values give
the same words: the measure's own unit, then its other units in brackets. The words of each
line are the content's (``Words.evidence``).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field

from hipcore.model import (
    COULD_NOT_PERFORM,
    SIDES,
    Assessment,
    Catalog,
    Comparator,
    EvidenceWords,
    Measure,
    Unit,
    Words,
)
from hipcore.prescription import Outcome, SideKey, SideReport, TestReport
from hipcore.results import AssessmentResult, Pain, Results, SideResult
from hipcore.units import convert_value, show_value
from hipcore.words import fill, pass_mark, upper_first

__all__ = ["Failure", "JudgedSide", "JudgedTest", "judge_all", "meets"]


_COMPARE: dict[Comparator, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    "<=": operator.le,
    ">": operator.gt,
    "<": operator.lt,
}


@dataclass(frozen=True)
class Failure:
    """One failed part of a side."""

    part: str
    kind: str
    """criterion, measure, compensation or could_not_perform."""
    text: str
    far: bool = False
    """A measured value missing its mark by more than half the mark."""


@dataclass(frozen=True)
class JudgedSide:
    side: SideKey
    outcome: Outcome
    failures: tuple[Failure, ...] = ()
    missing: tuple[str, ...] = ()
    values: dict[str, float] = field(default_factory=dict)
    """Measure id -> value in the unit of its pass mark (or the measure's unit)."""
    met: tuple[str, ...] = ()
    """Each part that passed, in plain words, with the mark it met."""
    pain: Pain | None = None
    """What the runner said of the pain, when the side hurt."""

    @property
    def could_not_perform(self) -> bool:
        return any(f.kind == COULD_NOT_PERFORM for f in self.failures)

    def report(self) -> SideReport:
        seen = tuple(f.text for f in self.failures) if self.failures else self.met
        return SideReport(
            self.side, self.outcome, tuple(f.part for f in self.failures), self.missing, seen
        )


@dataclass(frozen=True)
class JudgedTest:
    assessment: Assessment
    sides: tuple[JudgedSide, ...]

    @property
    def painful(self) -> bool:
        return any(s.outcome == "pain" for s in self.sides)

    @property
    def judged(self) -> bool:
        """At least one side passed or failed."""
        return any(s.outcome in ("pass", "fail") for s in self.sides)

    def side(self, key: SideKey) -> JudgedSide | None:
        return next((s for s in self.sides if s.side == key), None)

    def report(self) -> TestReport:
        return TestReport(
            self.assessment.id, self.assessment.name, tuple(s.report() for s in self.sides)
        )


def judge_all(results: Results, catalog: Catalog) -> tuple[JudgedTest, ...]:
    """Every assessment of the catalog, in its order; tests not in the results are not done."""
    given = {entry.assessment: entry for entry in results.assessments}
    words = catalog.words
    return tuple(_judge_test(a, given.get(a.id), words) for a in catalog.assessments)


def meets(measure: Measure, value: float, unit: Unit) -> bool | None:
    """Whether a value typed in ``unit`` meets the measure's pass mark; None without a mark."""
    mark = measure.pass_when
    if mark is None:
        return None
    converted = convert_value(value, unit, mark.unit)
    return converted is not None and _COMPARE[mark.comparator](converted, mark.value)


def told(value: float, unit: Unit, measure: Measure) -> str:
    """A value in the measure's unit, then in its other units: '20.32 cm (8 in)'."""
    own = convert_value(value, unit, measure.unit)
    if own is None:
        return show_value(value, unit)
    others = [
        show_value(v, u)
        for u in measure.units
        if (v := convert_value(own, measure.unit, u)) is not None
    ]
    return show_value(own, measure.unit) + (f" ({', '.join(others)})" if others else "")


def _judge_test(assessment: Assessment, entry: AssessmentResult | None, words: Words) -> JudgedTest:
    keys: tuple[SideKey, ...] = SIDES if assessment.sided else ("both",)
    sides = []
    for key in keys:
        result: SideResult | None = getattr(entry, key) if entry is not None else None
        # each line of evidence starts with the side's one name: 'Left: ...', 'Both sides: ...'
        who = upper_first(words.names.sides[key])
        sides.append(_judge_side(assessment, key, result, words.evidence, who))
    return JudgedTest(assessment, tuple(sides))


def _judge_side(
    assessment: Assessment,
    side: SideKey,
    result: SideResult | None,
    words: EvidenceWords,
    who: str,
) -> JudgedSide:
    if result is None:
        return JudgedSide(side, "not_done")
    if result.pain is not None and result.pain.present:
        return JudgedSide(side, "pain", pain=result.pain)
    failures: list[Failure] = []
    met: list[str] = []
    missing: list[str] = []
    values: dict[str, float] = {}
    stand_ins = {c.instead_of: c for c in assessment.criteria if c.instead_of}
    for criterion in assessment.criteria:
        answer = result.criteria.get(criterion.id)
        if answer is None:
            if criterion.instead_of not in result.measures:
                missing.append(criterion.id)
        elif not answer:
            text = fill(words.answered_no, side=who, question=criterion.label)
            failures.append(Failure(criterion.id, "criterion", text))
        else:
            met.append(fill(words.answered_yes, side=who, question=criterion.label))
    for measure in assessment.measures:
        measurement = result.measures.get(measure.id)
        if measurement is None:
            stand_in = stand_ins.get(measure.id)
            answered = stand_in is not None and stand_in.id in result.criteria
            if measure.required and not answered and not result.could_not_perform:
                missing.append(measure.id)
            continue
        mark = measure.pass_when
        unit = mark.unit if mark is not None else measure.unit
        value = convert_value(measurement.value, measurement.unit, unit)
        if value is None:  # refused by the catalog check; never judged on a guess
            missing.append(measure.id)
            continue
        values[measure.id] = value
        entered = told(measurement.value, measurement.unit, measure)
        if mark is None:
            met.append(fill(words.value, side=who, measure=measure.label, value=entered))
            continue
        said = pass_mark(mark, words, told(mark.value, mark.unit, measure))
        line = {"side": who, "measure": measure.label, "value": entered, "mark": said}
        if _COMPARE[mark.comparator](value, mark.value):
            met.append(fill(words.value_met, **line))
            continue
        far = mark.value != 0 and abs(value - mark.value) > abs(mark.value) / 2
        text = fill(words.value_missed, **line)
        failures.append(Failure(measure.id, "measure", text, far))
    seen = set(result.compensations)
    for compensation in assessment.compensations:
        if compensation.id in seen:
            text = fill(words.fault, side=who, fault=compensation.label)
            failures.append(Failure(compensation.id, "compensation", text))
    if assessment.compensations and not seen:
        met.append(fill(words.no_fault, side=who))
    if result.could_not_perform:
        text = fill(words.could_not_perform, side=who)
        failures.append(Failure(COULD_NOT_PERFORM, COULD_NOT_PERFORM, text))
    outcome: Outcome = "fail" if failures else ("incomplete" if missing else "pass")
    return JudgedSide(
        side,
        outcome,
        tuple(failures),
        tuple(missing) if not failures else (),
        values,
        tuple(met) if outcome == "pass" else (),
    )
