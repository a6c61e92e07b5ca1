"""The session: which exercises, in which order, how many, and what waits for later.

1. Each finding's exercises, in the catalog's order, are candidates, each at the starting rung
   the finding names, or one rung lower when a side could not perform the test at all.
2. Exercises that load a region whose test hurt are withheld (stretches never are).
3. Movement-pattern exercises wait while any mobility finding is open (clear mobility first).
4. The session takes every finding's first exercise before any finding's second, up to the
   policy's maximum; the rest wait for later ("session_full"), not dropped.
5. The session is ordered by the corrective hierarchy (mobility, motor control, strength,
   pattern), then the more severe finding first, then a finding with a worse side first.
6. A corrective session shorter than the policy's minimum is topped up with the maintenance
   exercises that are not on a ladder already in play.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from hipcore._findings import QUALITY_RANK, SEVERITY_RANK, merge_sources
from hipcore._safety import REGION_WORDS, Blocked, withheld_regions
from hipcore.catalog import Index
from hipcore.model import Exercise, Ladder, Side
from hipcore.prescription import (
    FindingReport,
    LadderStep,
    Later,
    ProgramItem,
    SideKey,
    Why,
    Withheld,
)

__all__ = [
    "ADVANCE_AT_TOP",
    "ADVANCE_STRETCH",
    "REGRESS_AT_BOTTOM",
    "REGRESS_STRETCH",
    "Program",
    "build_program",
    "maintenance",
]

ADVANCE_AT_TOP = (
    "This is the last rung of its ladder here: when the dose is met with no fault and any pain "
    "stays at 3/10 or less and settles by the next morning, add a little (2-10 % more load, or "
    "a few more reps)."
)
"""For an exercise with no harder rung; the pain-monitoring rule of the domain notes (Doses)."""
ADVANCE_STRETCH = (
    "A stretch has no harder rung: keep it up until the retest passes, then keep it as upkeep."
)
REGRESS_AT_BOTTOM = (
    "Do less (fewer sets, fewer reps, a smaller range) if pain goes above 5/10, is worse the next "
    "day, or a fault returns; stop and see a clinician if it keeps hurting."
)
"""For an exercise with no easier rung; the pain-monitoring rule of the domain notes (Doses)."""
REGRESS_STRETCH = (
    "Ease off to a mild pull if the stretch turns into pain (sharp, in the joint, the back or the "
    "groin); stop and see a clinician if it keeps hurting."
)


@dataclass(frozen=True)
class Program:
    items: tuple[ProgramItem, ...] = ()
    later: tuple[Later, ...] = ()
    withheld: tuple[Withheld, ...] = ()

    @property
    def corrective(self) -> bool:
        return any(i.role == "corrective" for i in self.items) or bool(self.later)


@dataclass
class _Candidate:
    exercise: Exercise
    tier: int
    """Position of the exercise in its finding's list: every finding's first comes first."""
    findings: list[FindingReport] = field(default_factory=list)

    def key(self, rank: dict[str, int]) -> tuple[int, int, int, int, int]:
        first = self.findings[0]
        return (
            QUALITY_RANK[self.exercise.quality],
            -max(SEVERITY_RANK[f.severity] for f in self.findings),
            0 if any(f.worse_side for f in self.findings) else 1,
            rank[first.id],
            self.tier,
        )


def build_program(findings: Sequence[FindingReport], blocked: Blocked, index: Index) -> Program:
    """The corrective session for these findings (empty when there are none)."""
    if not findings:
        return Program()
    rank = {f.id: i for i, f in enumerate(findings)}
    candidates: dict[str, _Candidate] = {}
    for finding in findings:
        start_lower = any(e.part == "could_not_perform" for e in finding.evidence)
        for tier, exercise_id in enumerate(index.findings[finding.id].exercises):
            exercise = index.exercises[exercise_id]
            if start_lower and exercise.regression is not None:
                exercise = index.exercises[exercise.regression.exercise]
            candidate = candidates.setdefault(exercise.id, _Candidate(exercise, tier))
            candidate.tier = min(candidate.tier, tier)
            if finding not in candidate.findings:
                candidate.findings.append(finding)

    mobility_open = [f for f in findings if f.quality == "mobility"]
    withheld: list[Withheld] = []
    waiting: list[Later] = []
    eligible: list[_Candidate] = []
    for candidate in candidates.values():
        exercise = candidate.exercise
        addresses = tuple(f.id for f in candidate.findings)
        regions = withheld_regions(exercise, blocked)
        if regions:
            tests = sorted({name for r in regions for name in blocked[r]})
            where = " and ".join(REGION_WORDS[r] for r in regions)
            text = (
                f"Not prescribed: the {' and '.join(tests)} test hurt, and {exercise.name} "
                f"loads {where}. See a clinician first."
            )
            withheld.append(Withheld(exercise.id, exercise.name, addresses, text))
        elif exercise.quality == "pattern" and mobility_open:
            names = " and ".join(_lower_first(f.name) for f in mobility_open)
            verb = "are" if len(mobility_open) > 1 else "is"
            text = f"Starts once {names} {verb} cleared at the retest: mobility comes first."
            waiting.append(
                Later(
                    exercise.id, exercise.name, exercise.quality, addresses, "after_mobility", text
                )
            )
        else:
            eligible.append(candidate)

    cap = index.catalog.policy.session_max_exercises
    eligible.sort(key=lambda c: (c.tier, c.key(rank)))
    chosen = sorted(eligible[:cap], key=lambda c: c.key(rank))
    full = [
        Later(
            c.exercise.id,
            c.exercise.name,
            c.exercise.quality,
            tuple(f.id for f in c.findings),
            "session_full",
            "Add it when this session's exercises move up a rung, or after the rescreen.",
        )
        for c in sorted(eligible[cap:], key=lambda c: c.key(rank))
    ]
    items = [_item(c.exercise, c.findings, index) for c in chosen]
    if items and len(items) < index.catalog.policy.session_min_exercises:
        in_play = {rung for c in candidates.values() for rung in index.ladder(c.exercise.id)}
        items += maintenance(
            blocked,
            index,
            bool(mobility_open),
            exclude=in_play,
            limit=index.catalog.policy.session_min_exercises - len(items),
        )
        items.sort(key=lambda i: (QUALITY_RANK[i.quality], i.role != "corrective"))
    return Program(tuple(items), (*full, *waiting), tuple(withheld))


def maintenance(
    blocked: Blocked,
    index: Index,
    mobility_open: bool = False,
    exclude: set[str] | frozenset[str] = frozenset(),
    limit: int | None = None,
) -> list[ProgramItem]:
    """The policy's maintenance exercises that are safe to do, in hierarchy order."""
    policy = index.catalog.policy
    limit = policy.session_max_exercises if limit is None else limit
    chosen: list[Exercise] = []
    for exercise_id in policy.maintenance:
        exercise = index.exercises[exercise_id]
        if exercise.id in exclude or withheld_regions(exercise, blocked):
            continue
        if mobility_open and exercise.quality == "pattern":
            continue
        chosen.append(exercise)
    chosen.sort(key=lambda e: QUALITY_RANK[e.quality])  # stable: policy order within a quality
    return [_item(e, [], index) for e in chosen[:limit]]


def _item(exercise: Exercise, findings: Sequence[FindingReport], index: Index) -> ProgramItem:
    worse: Side | None = None
    role: Literal["corrective", "maintenance"]
    if exercise.sided and exercise.dose.per_side:
        worse = next((f.worse_side for f in findings if f.worse_side), None)
    if findings:
        parts = [f"{_lower_first(f.name)} ({_sides(f.sides)}, {f.severity})" for f in findings]
        text = f"Works on {'; '.join(parts)}. {findings[0].why.text}"
        sources = merge_sources(*(f.why.sources for f in findings))
        role = "corrective"
    else:
        text = (
            "Upkeep: nothing to correct in the tests you did without pain. This keeps the "
            "strength and control you have."
        )
        sources = index.catalog.policy.sources
        role = "maintenance"
    return ProgramItem(
        exercise=exercise.id,
        name=exercise.name,
        quality=exercise.quality,
        load=exercise.load,
        role=role,
        dose=exercise.dose,
        advance=exercise.progression.when if exercise.progression else _top(exercise),
        regress=exercise.regression.when if exercise.regression else _bottom(exercise),
        progression=_step(exercise.progression, index),
        regression=_step(exercise.regression, index),
        addresses=tuple(f.id for f in findings),
        worse_side=worse,
        worse_side_sets=exercise.dose.sets + 1 if worse else None,
        why=Why(text, sources),
    )


def _step(ladder: Ladder | None, index: Index) -> LadderStep | None:
    if ladder is None:
        return None
    return LadderStep(ladder.exercise, index.exercises[ladder.exercise].name, ladder.when)


def _top(exercise: Exercise) -> str:
    return ADVANCE_STRETCH if exercise.load == "stretch" else ADVANCE_AT_TOP


def _bottom(exercise: Exercise) -> str:
    return REGRESS_STRETCH if exercise.load == "stretch" else REGRESS_AT_BOTTOM


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _sides(sides: Sequence[SideKey]) -> str:
    return "both sides" if set(sides) >= {"left", "right"} else " and ".join(sides)
