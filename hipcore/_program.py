"""The session: which exercises, in which order, how many, and what waits for later.

1. Each finding's exercises, in the catalog's order, are candidates, each at the starting rung
   the finding names, or one rung lower when a side could not perform the test at all. When a
   finding has a worse side and its exercise works both legs together, the next rung up that
   works one leg at a time is chosen, so the worse side can go first with an extra set.
2. Exercises a test that hurt rules out are withheld, each with why (``_safety``).
3. Movement-pattern exercises wait while any mobility finding is open (clear mobility first).
4. The session takes every finding's first exercise before any finding's second, up to the
   policy's maximum; the rest wait for later ("session_full"), not dropped.
5. The session is ordered by the corrective hierarchy (mobility, motor control, strength,
   pattern), then the more severe finding first, then a finding with a worse side first.
6. A corrective session shorter than the policy's minimum is topped up with the upkeep
   exercises of tests that passed, when they are safe and not on a ladder already in play.
7. An item whose next rung up a test that hurt rules out says to stay on its rung, and that
   rung is listed as withheld, with why: the program never points to what it left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from hipcore._findings import QUALITY_RANK, SEVERITY_RANK, merge_sources
from hipcore._judge import JudgedTest
from hipcore._safety import Hurt, withheld_because
from hipcore.catalog import Index
from hipcore.model import COULD_NOT_PERFORM, Exercise, Ladder, Side, SourceRef
from hipcore.prescription import (
    FindingReport,
    LadderStep,
    Later,
    ProgramItem,
    Why,
    Withheld,
)
from hipcore.words import count, dose_line, fill, lower_first, series

__all__ = ["Program", "build_program", "upkeep"]


@dataclass(frozen=True)
class Program:
    items: tuple[ProgramItem, ...] = ()
    later: tuple[Later, ...] = ()
    withheld: tuple[Withheld, ...] = ()


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


def build_program(
    findings: Sequence[FindingReport],
    tests: Sequence[JudgedTest],
    found: Hurt,
    index: Index,
) -> Program:
    """The corrective session for these findings (empty when there are none)."""
    if not findings:
        return Program()
    words = index.catalog.words
    rank = {f.id: i for i, f in enumerate(findings)}
    candidates: dict[str, _Candidate] = {}
    one_sided: dict[str, Side] = {}
    withheld: list[Withheld] = []
    for finding in findings:
        start_lower = any(e.part == COULD_NOT_PERFORM for e in finding.evidence)
        for tier, exercise_id in enumerate(index.findings[finding.id].exercises):
            exercise = index.exercises[exercise_id]
            if start_lower and exercise.regression is not None:
                exercise = index.exercises[exercise.regression.exercise]
            elif finding.worse_side and not _one_leg(exercise):
                single = _one_legged_rung(exercise, index)
                reason = None if single is None else withheld_because(single, found, index)
                if single is not None and reason is None:
                    exercise = single
                    one_sided[single.id] = finding.worse_side
                elif (
                    single is not None
                    and reason
                    and single.id not in {w.exercise for w in withheld}
                ):
                    withheld.append(Withheld(single.id, single.name, (finding.id,), reason))
            candidate = candidates.setdefault(exercise.id, _Candidate(exercise, tier))
            candidate.tier = min(candidate.tier, tier)
            if finding not in candidate.findings:
                candidate.findings.append(finding)

    mobility_open = [f for f in findings if f.quality == "mobility"]
    waiting: list[Later] = []
    eligible: list[_Candidate] = []
    for candidate in candidates.values():
        exercise = candidate.exercise
        addresses = tuple(f.id for f in candidate.findings)
        reason = withheld_because(exercise, found, index)
        if reason is not None:
            withheld.append(Withheld(exercise.id, exercise.name, addresses, reason))
        elif exercise.quality == "pattern" and mobility_open:
            text = count(
                words.after_mobility,
                len(mobility_open),
                findings=series((lower_first(f.name) for f in mobility_open), words.list_and),
            )
            if exercise.dose.note:
                text += f" {exercise.dose.note}"
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
            words.session_full,
        )
        for c in sorted(eligible[cap:], key=lambda c: c.key(rank))
    ]
    items = [
        _item(c.exercise, c.findings, found, index, one_sided=c.exercise.id in one_sided)
        for c in chosen
    ]
    if items and len(items) < index.catalog.policy.session_min_exercises:
        in_play = {rung for c in candidates.values() for rung in index.ladder(c.exercise.id)}
        more, left_out = upkeep(
            tests,
            found,
            index,
            mobility_open=bool(mobility_open),
            exclude=in_play | {w.exercise for w in withheld},
            limit=index.catalog.policy.session_min_exercises - len(items),
        )
        items += more
        withheld += left_out
        items.sort(key=lambda i: (QUALITY_RANK[i.quality], i.role != "corrective"))
    return Program(
        tuple(items), (*full, *waiting), tuple(_with_next_rungs(withheld, items, found, index))
    )


def upkeep(
    tests: Sequence[JudgedTest],
    found: Hurt,
    index: Index,
    *,
    mobility_open: bool = False,
    exclude: set[str] | frozenset[str] = frozenset(),
    limit: int | None = None,
) -> tuple[list[ProgramItem], list[Withheld]]:
    """The policy's upkeep exercises for tests that were done and passed, when safe, in
    hierarchy order; and those a test that hurt rules out, with why."""
    policy = index.catalog.policy
    limit = policy.session_max_exercises if limit is None else limit
    passed = {t.assessment.id: t.assessment.name for t in tests if _passed(t)}
    painful = {t.assessment.id for t in tests if t.painful}
    chosen: list[tuple[Exercise, list[str], tuple[SourceRef, ...]]] = []
    withheld: list[Withheld] = []
    for entry in policy.maintenance:
        exercise = index.exercises[entry.exercise]
        kept = [passed[a] for a in entry.keeps if a in passed]
        if exercise.id in exclude or not (kept or painful & set(entry.keeps)):
            continue
        reason = withheld_because(exercise, found, index)
        if reason is not None:
            withheld.append(Withheld(exercise.id, exercise.name, (), reason))
        elif kept and not (mobility_open and exercise.quality == "pattern"):
            chosen.append((exercise, kept, entry.sources))
    chosen.sort(key=lambda c: QUALITY_RANK[c[0].quality])  # stable: policy order within a quality
    items = [
        _item(exercise, [], found, index, upkeep=(kept, sources))
        for exercise, kept, sources in chosen[:limit]
    ]
    return items, _with_next_rungs(withheld, items, found, index)


def _with_next_rungs(
    withheld: Sequence[Withheld], items: Sequence[ProgramItem], found: Hurt, index: Index
) -> list[Withheld]:
    """``withheld``, and after it each item's next rung up that what hurt rules out (the item
    says to stay on its rung), once each, so the runner sees why."""
    listed = {w.exercise for w in withheld}
    more: list[Withheld] = []
    for item in items:
        harder = _next_rung(index.exercises[item.exercise], index)
        reason = None if harder is None else withheld_because(harder, found, index)
        if harder is not None and reason is not None and harder.id not in listed:
            listed.add(harder.id)
            more.append(Withheld(harder.id, harder.name, item.addresses, reason))
    return [*withheld, *more]


def _passed(test: JudgedTest) -> bool:
    """Done and passed: a side passed, and no side failed or hurt."""
    outcomes = {s.outcome for s in test.sides}
    return "pass" in outcomes and not outcomes & {"fail", "pain"}


def _one_leg(exercise: Exercise) -> bool:
    return exercise.sided and exercise.dose.per_side


def _next_rung(exercise: Exercise, index: Index) -> Exercise | None:
    return None if exercise.progression is None else index.exercises[exercise.progression.exercise]


def _one_legged_rung(exercise: Exercise, index: Index) -> Exercise | None:
    """The next rung up that works one leg at a time, if the very next rung does."""
    harder = _next_rung(exercise, index)
    return harder if harder is not None and _one_leg(harder) else None


def _item(
    exercise: Exercise,
    findings: Sequence[FindingReport],
    found: Hurt,
    index: Index,
    *,
    one_sided: bool = False,
    upkeep: tuple[list[str], tuple[SourceRef, ...]] | None = None,
) -> ProgramItem:
    words = index.catalog.words
    worse: Side | None = None
    role: Literal["corrective", "maintenance"]
    if _one_leg(exercise):
        worse = next((f.worse_side for f in findings if f.worse_side), None)
    side_line = ""
    if worse:
        sets = exercise.dose.sets
        side = words.names.sides[worse]
        unit = words.dose.holds if exercise.dose.hold_seconds is not None else words.dose.sets
        side_line = fill(words.worse_side, side=side, work=count(unit, sets + 1), other=sets)
        if one_sided:
            side_line = fill(words.one_sided, exercise=exercise.name, side=side) + " " + side_line
        if exercise.side_convention:
            side_line += " " + exercise.side_convention
    if findings:
        parts = [lower_first(f.text) for f in findings]
        text = fill(words.works_on, findings="; ".join(parts), why=findings[0].why.text)
        sources = merge_sources(*(f.why.sources for f in findings))
        role = "corrective"
    else:
        kept, sources = upkeep if upkeep is not None else ([], ())
        tests = count(words.the_tests, len(kept), tests=series(kept, words.list_and))
        text = fill(words.upkeep[exercise.quality], tests=tests)
        role = "maintenance"
    pain = index.catalog.pain
    harder = _next_rung(exercise, index)
    stay = harder is not None and withheld_because(harder, found, index) is not None
    return ProgramItem(
        exercise=exercise.id,
        name=exercise.name,
        quality=exercise.quality,
        load=exercise.load,
        role=role,
        dose=exercise.dose,
        dose_line=dose_line(exercise.dose, words.dose),
        advance=fill(words.advance_withheld, exercise=harder.name)
        if stay and harder is not None
        else exercise.progression.when
        if exercise.progression
        else (
            words.advance_stretch
            if exercise.load == "stretch"
            else fill(words.advance_at_top, score=pain.progress_at_most)
        ),
        regress=exercise.regression.when
        if exercise.regression
        else (
            words.regress_stretch
            if exercise.load == "stretch"
            else fill(words.regress_at_bottom, score=pain.ease_off_above)
        ),
        progression=None if stay else _step(exercise.progression, index),
        regression=_step(exercise.regression, index),
        addresses=tuple(f.id for f in findings),
        worse_side=worse,
        worse_side_sets=exercise.dose.sets + 1 if worse else None,
        side_line=side_line,
        why=Why(text, sources),
    )


def _step(ladder: Ladder | None, index: Index) -> LadderStep | None:
    if ladder is None:
        return None
    return LadderStep(ladder.exercise, index.exercises[ladder.exercise].name, ladder.when)
