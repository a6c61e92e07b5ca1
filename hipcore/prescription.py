"""The prescription document: what the engine tells the runner. Versioned, deterministic JSON.

Every list is in a stated order (the catalog's, or the corrective hierarchy's), so the same
results always give the same bytes. Field documentation is the string under each field.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Literal

from hipcore.errors import Problem, format_path
from hipcore.model import Dose, Load, Quality, Severity, Side, SideKey, SourceRef, Titles

__all__ = [
    "PRESCRIPTION_VERSION",
    "SIDE_KEYS",
    "Asymmetry",
    "Evidence",
    "FindingReport",
    "InputProblem",
    "LadderStep",
    "Later",
    "Outcome",
    "Prescription",
    "ProgramItem",
    "Reassessment",
    "Recheck",
    "Referral",
    "Severity",
    "SideKey",
    "SideReport",
    "Status",
    "TestReport",
    "Why",
    "Withheld",
]

PRESCRIPTION_VERSION = 2
"""2: the runner-facing words (headline, titles, dose and side lines, labels) are in the
document; status ``pain``; ``incomplete`` apart from ``not_done``; reassessment dates."""

SIDE_KEYS: tuple[SideKey, ...] = typing.get_args(SideKey)
"""In the order sides are reported."""

Outcome = Literal["pass", "fail", "pain", "incomplete", "not_done"]
"""How one side of a test came out. ``incomplete``: nothing failed but a required answer is
missing, so the side is not judged (never guessed). ``pain``: the test hurt and stopped there."""

Status = Literal["program", "maintenance", "pain", "refer", "not_assessed", "invalid"]
"""``program``: corrective work; ``maintenance``: every judged test passed, nothing hurt;
``pain``: a test hurt: see a clinician about it, and the program holds only what is safe (it may
be empty); ``refer``: see a clinician and no program at all (a pre-screen red flag, or pain as
urgent as one); ``not_assessed``: no test was done; ``invalid``: the results have problems (see
``errors``)."""


@dataclass(frozen=True)
class InputProblem:
    """One thing wrong with the results document: the JSON shape of a ``Problem``
    (``{"path", "message"}``, its path written out), made only by ``InputProblem.of``."""

    path: str
    """Where, e.g. ``assessments[0].left.measures.hold_time.unit``."""
    message: str

    @classmethod
    def of(cls, problem: Problem, document: str = "") -> InputProblem:
        """``problem`` as sent; ``document`` names the document it is in when that is not the
        results (``(catalog) rules.x``), and stands alone for the document itself."""
        path = format_path(problem.path)
        if document:
            path = f"{document} {path}" if problem.path else document
        return cls(path, problem.message)


@dataclass(frozen=True)
class Why:
    """The reason for an item, traced to the source sentences it rests on."""

    text: str
    sources: tuple[SourceRef, ...]


@dataclass(frozen=True)
class SideReport:
    """One side of one test, as judged."""

    side: SideKey
    outcome: Outcome
    failed: tuple[str, ...] = ()
    """Ids of the criteria, measures and compensations that failed (and ``could_not_perform``)."""
    missing: tuple[str, ...] = ()
    """Required answers not given, when the outcome is ``incomplete``."""
    text: tuple[str, ...] = ()
    """What was seen, in plain words: each failed part, or each part that passed with the mark
    it met."""


@dataclass(frozen=True)
class TestReport:
    """One assessment of the catalog, in the catalog's order; skipped tests are ``not_done``."""

    assessment: str
    name: str
    sides: tuple[SideReport, ...]


@dataclass(frozen=True)
class Evidence:
    """One failed part of a test behind a finding."""

    assessment: str
    side: SideKey
    part: str
    """A criterion, measure or compensation id, or ``could_not_perform``."""
    text: str
    """In plain words, e.g. 'Left: held 6 s (pass mark: at least 10 s)'."""


@dataclass(frozen=True)
class FindingReport:
    """A finding from the results, with its evidence."""

    id: str
    name: str
    quality: Quality
    sides: tuple[SideKey, ...]
    severity: Severity
    """mild, moderate or marked: one point each for both sides affected, could not perform, and
    a measured value missing its mark by more than half the mark (0 mild, 1 moderate, 2+ marked)."""
    worse_side: Side | None
    """The side to work first: the only side affected, or the weaker side of an asymmetry."""
    evidence: tuple[Evidence, ...]
    why: Why
    text: str = ""
    """The finding, its sides and severity in the runner's words, e.g. 'Weak hip extension (both
    sides, moderate)' (the content's ``works_on_finding``)."""


@dataclass(frozen=True)
class Asymmetry:
    """A meaningful difference between left and right in one test: recheck, not a diagnosis."""

    assessment: str
    kind: Literal["pass_fail", "measure"]
    """``pass_fail``: one side passed and the other failed; ``measure``: the limb symmetry index
    of a measured value is below the policy's threshold."""
    weaker_side: Side
    measure: str | None = None
    index: float | None = None
    """Limb symmetry index, weaker / stronger x 100, one decimal."""
    text: str = ""


@dataclass(frozen=True)
class LadderStep:
    """A neighbouring rung of an exercise's ladder and when to move to it."""

    exercise: str
    name: str
    when: str


@dataclass(frozen=True)
class ProgramItem:
    """One exercise of the session, in the order to do it."""

    exercise: str
    """The starting rung of its ladder."""
    name: str
    quality: Quality
    load: Load
    role: Literal["corrective", "maintenance"]
    dose: Dose
    dose_line: str
    """The dose in the runner's words, e.g. '3 sets of 12 reps on each side. Rest 60 seconds
    between sets. 3 sessions a week.'"""
    advance: str
    """The criterion to move up the ladder."""
    regress: str
    """The criterion to move down the ladder."""
    progression: LadderStep | None
    regression: LadderStep | None
    addresses: tuple[str, ...]
    """Finding ids this exercise works on (none for maintenance)."""
    worse_side: Side | None
    """Start with this side and do one extra set on it."""
    worse_side_sets: int | None
    """Sets on the worse side (the dose's sets plus one), when there is one."""
    side_line: str
    """The worse side in the runner's words ('Start with the left side and do 4 sets on it...'),
    and why a one-legged rung was chosen; empty when there is no worse side."""
    why: Why


@dataclass(frozen=True)
class Later:
    """An exercise kept for later, not dropped: the session is full, or it must wait."""

    exercise: str
    name: str
    quality: Quality
    addresses: tuple[str, ...]
    reason: Literal["after_mobility", "session_full"]
    text: str


@dataclass(frozen=True)
class Withheld:
    """An exercise not prescribed because a test of the region it loads hurt."""

    exercise: str
    name: str
    addresses: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Referral:
    """See a clinician, and why."""

    reason: str
    urgent: bool
    label: str = ""
    """Said before the reason: the content's urgent label (e.g. 'URGENT'), or empty."""
    kind: Literal["red_flag", "pain"] = "red_flag"
    source: str = ""
    """The red-flag id, or the assessment id whose test hurt."""
    side: SideKey | None = None


@dataclass(frozen=True)
class Recheck:
    """A test to repeat, and when."""

    assessment: str
    name: str
    when: Literal["after_stretching", "rescreen"]
    """``after_stretching``: a mobility test, repeated straight after the stretches (and at the
    rescreen); ``rescreen``: repeated at the full rescreen."""
    progress_check: bool
    """The test checks the progress of exercises in this program (listed in ``exercises``)."""
    exercises: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Reassessment:
    """When to test again."""

    rescreen_weeks_min: int
    rescreen_weeks_max: int
    text: str
    checks: tuple[Recheck, ...]
    from_date: str | None = None
    """The earliest rescreen date (ISO 8601), counted from the results' ``recorded_at``."""
    by_date: str | None = None
    """The latest rescreen date (ISO 8601)."""


@dataclass(frozen=True)
class Prescription:
    """The engine's answer to one results document."""

    version: int
    status: Status
    headline: str
    """The first line the runner reads, from the content's words for this status."""
    titles: Titles
    """Section titles, from the content's words."""
    findings: tuple[FindingReport, ...]
    program: tuple[ProgramItem, ...]
    """This session, ordered by the corrective hierarchy, within the policy's bounds."""
    referrals: tuple[Referral, ...]
    not_done: tuple[str, ...]
    """Assessment ids with nothing recorded (skipped)."""
    disclaimer: str
    tests: tuple[TestReport, ...] = ()
    asymmetries: tuple[Asymmetry, ...] = ()
    later: tuple[Later, ...] = ()
    withheld: tuple[Withheld, ...] = ()
    reassess: Reassessment | None = None
    incomplete: tuple[str, ...] = ()
    """Assessment ids answered in part: no side judged, and some side is missing an answer."""
    errors: tuple[InputProblem, ...] = ()
    """Problems with the results; only with status ``invalid``."""
