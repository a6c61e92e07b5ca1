"""The results document: what a runner recorded. Versioned JSON, validated before use.

Partial results are normal: a test that is missing, or a side that is missing, is reported as
not done and never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from hipcore._constraints import Length, Range
from hipcore.model import Id, Unit

__all__ = ["RESULTS_VERSION", "AssessmentResult", "Measurement", "Pain", "Results", "SideResult"]

RESULTS_VERSION = 1


@dataclass(frozen=True)
class Pain:
    """Pain felt during the test: sharp, joint, back or groin pain, or the runner's usual pain.

    Stretch discomfort is not pain: record it as ``SideResult.discomfort``.
    """

    present: bool
    score: Annotated[int, Range(ge=0, le=10)] | None = None
    """0-10, where the runner gave one."""
    location: str = ""


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
    discomfort: bool = False
    """Stretch discomfort only (not pain)."""
    could_not_perform: bool = False


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

    version: Literal[1]
    prescreen: dict[str, bool]
    """Red-flag question id -> answer; every question must be answered."""
    assessments: Annotated[tuple[AssessmentResult, ...], Length(0)] = ()
    recorded_at: str = ""
    """ISO 8601 date or time, as the device recorded it; informational only."""
