"""The results document: what a runner recorded. Versioned JSON, validated before use.

Partial results are normal: a test that is missing, or a side that is missing, is reported as
not done and never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from hipcore.constraints import Length, Pattern, Range
from hipcore.model import Id, Unit

__all__ = ["RESULTS_VERSION", "AssessmentResult", "Measurement", "Pain", "Results", "SideResult"]

_DATE = r"^(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ][0-9:.+\-Z]*)?)?$"

RESULTS_VERSION = 2
"""2: pain says where it hurt (``where``); the separate ``discomfort`` field is gone."""


@dataclass(frozen=True)
class Pain:
    """Pain felt during the test: sharp, joint, back or groin pain, or the runner's usual pain.

    Stretch discomfort is not pain: where the article makes discomfort a fail, the test asks it
    as one of its own criteria (the quad length test's "was the position comfortable?").
    """

    present: bool
    score: Annotated[int, Range(ge=0, le=10)] | None = None
    """0-10, where the runner gave one."""
    where: tuple[Id, ...] = ()
    """Where it hurt: ids of the pain sites the test offers (``Assessment.pain_sites``)."""


@dataclass(frozen=True)
class Measurement:
    """A measured value in one of the measure's units."""

    value: float
    unit: Unit


@dataclass(frozen=True)
class SideResult:
    """One side (or the whole test, for a test that is not one-sided)."""

    criteria: dict[str, bool] = field(default_factory=dict)
    """Criterion id -> passed (the runner answered yes)."""
    measures: dict[str, Measurement] = field(default_factory=dict)
    """Measure id -> value with unit."""
    compensations: tuple[Id, ...] = ()
    """Compensation ids seen, from the protocol's list."""
    pain: Pain | None = None
    could_not_perform: bool = False
    """The runner could not get into or hold the test position at all: no value may be given
    with it."""


@dataclass(frozen=True)
class AssessmentResult:
    """One assessment; ``left``/``right`` for one-sided tests, ``both`` otherwise."""

    assessment: Id
    left: SideResult | None = None
    right: SideResult | None = None
    both: SideResult | None = None


@dataclass(frozen=True)
class Results:
    """A runner's self-assessment."""

    version: Literal[2]
    prescreen: dict[str, bool]
    """Red-flag question id -> answer; every question must be answered."""
    assessments: Annotated[tuple[AssessmentResult, ...], Length(0)] = ()
    recorded_at: Annotated[str, Pattern(_DATE, "a date such as '2026-12-02' (ISO 8601)")] = ""
    """When the tests were done: an ISO 8601 date, or a date and time (only the date is read).
    The reassessment dates count from it; without it, only weeks are given."""
