"""Safety, in this order: the pre-screen's red flags, then pain during a test.

Any 'yes' in the pre-screen means no program at all, only a referral with the reason. Pain
during a test (never stretch discomfort) stops that test's line and refers the runner to a
clinician; the content's pain rules (``Catalog.pain``) then say what is withheld:

- every loading exercise (not a stretch) of a region where it hurt: the test's own region and
  the region of each place the runner said it hurt;
- every exercise of a movement the test loads (a painful hip flexor test withholds the hip
  flexor stretch; a painful split squat withholds everything done on one leg);
- every loading exercise at all, when the pain score reaches the policy's limit.

Pain in a place and a movement the rules call urgent (groin pain under single-leg load, a
possible stress fracture) ends the assessment like the pre-screen's red flag, in its words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from hipcore._judge import JudgedSide, JudgedTest
from hipcore.catalog import Index
from hipcore.model import Assessment, Catalog, Exercise, Region
from hipcore.prescription import Referral
from hipcore.results import Results
from hipcore.words import count, fill, lower_first, series

__all__ = ["Hurt", "hurt", "red_flag_referrals", "withheld_because"]


@dataclass
class Hurt:
    """What the tests that hurt say: referrals, and what to keep away from."""

    referrals: list[Referral] = field(default_factory=list)
    urgent: bool = False
    """A pain pattern as urgent as a red flag: no program at all."""
    regions: dict[Region, list[str]] = field(default_factory=dict)
    """Region -> names of the tests that hurt there, in catalog order."""
    movements: dict[str, list[str]] = field(default_factory=dict)
    """Movement id -> names of the tests of that movement that hurt."""
    all_loading: list[str] = field(default_factory=list)
    """Names of the tests whose pain score reached the limit: every loading exercise waits."""
    top_score: int = 0

    @property
    def any(self) -> bool:
        return bool(self.referrals)


def red_flag_referrals(results: Results, catalog: Catalog) -> tuple[Referral, ...]:
    """A referral per red flag answered 'yes', urgent ones first, then in the catalog's order."""
    label = catalog.words.urgent_label
    flagged = [flag for flag in catalog.red_flags if results.prescreen.get(flag.id, False)]
    flagged.sort(key=lambda flag: not flag.urgent)
    return tuple(
        Referral(f.reason, f.urgent, label if f.urgent else "", "red_flag", f.id) for f in flagged
    )


def hurt(tests: Sequence[JudgedTest], index: Index) -> Hurt:
    """Every side that hurt: its referral, and the regions and movements to keep away from."""
    found = Hurt()
    for test in tests:
        for side in test.sides:
            if side.outcome == "pain":
                _add(found, test.assessment, side, index)
    urgent = [r for r in found.referrals if r.urgent]
    if urgent:
        found.referrals = urgent + [r for r in found.referrals if not r.urgent]
    return found


def _add(found: Hurt, assessment: Assessment, side: JudgedSide, index: Index) -> None:
    catalog = index.catalog
    pain, words = catalog.pain, catalog.words
    where = side.pain.where if side.pain is not None else ()
    score = side.pain.score if side.pain is not None else None
    sites = {s.id: s for s in pain.sites}
    regions: list[Region] = [assessment.region]
    regions += [sites[s].region for s in where if sites[s].region not in regions]

    for rule in pain.urgent:
        if set(rule.sites) & set(where) and set(rule.movements) & set(assessment.movements):
            found.urgent = True
            if not any(r.urgent and r.source == assessment.id for r in found.referrals):
                flag = next(f for f in catalog.red_flags if f.id == rule.red_flag)
                label = words.urgent_label
                found.referrals.append(
                    Referral(flag.reason, True, label, "pain", assessment.id, side.side)
                )
            return

    side_words = (
        "" if side.side == "both" else fill(words.pain_on_side, side=words.names.sides[side.side])
    )
    reason = fill(
        words.pain_referral,
        test=assessment.name,
        where=side_words,
        regions=series((str(getattr(words.regions, r)) for r in regions), words.list_and),
    )
    if where:
        named = series((lower_first(sites[s].label) for s in where), words.list_and)
        reason += " " + fill(words.pain_sites, sites=named)
    limit = pain.withhold_all_loading_from
    if score is not None and score >= limit:
        reason += " " + fill(words.pain_score, score=score, limit=limit)
        if assessment.name not in found.all_loading:
            found.all_loading.append(assessment.name)
        found.top_score = max(found.top_score, score)
    found.referrals.append(Referral(reason, False, "", "pain", assessment.id, side.side))
    for region in regions:
        names = found.regions.setdefault(region, [])
        if assessment.name not in names:
            names.append(assessment.name)
    for movement in assessment.movements:
        names = found.movements.setdefault(movement, [])
        if assessment.name not in names:
            names.append(assessment.name)


def withheld_because(exercise: Exercise, found: Hurt, index: Index) -> str | None:
    """Why this exercise may not be given after what hurt, or None when it is safe."""
    words = index.catalog.words
    loads = exercise.load != "stretch"
    if loads and found.all_loading:
        return fill(
            words.withheld_all,
            tests=count(
                words.the_tests,
                len(found.all_loading),
                tests=series(found.all_loading, words.list_and),
            ),
            exercise=exercise.name,
            score=found.top_score,
        )
    movements = [m for m in exercise.movements if m in found.movements]
    if movements:
        names = {m.id: m.name for m in index.catalog.pain.movements}
        tests = sorted({t for m in movements for t in found.movements[m]})
        return fill(
            words.withheld_movement,
            tests=count(words.the_tests, len(tests), tests=series(tests, words.list_and)),
            exercise=exercise.name,
            movement=series((names[m] for m in movements), words.list_and),
        )
    regions = [r for r in exercise.regions if r in found.regions] if loads else []
    if regions:
        tests = sorted({t for r in regions for t in found.regions[r]})
        return fill(
            words.withheld_region,
            tests=count(words.the_tests, len(tests), tests=series(tests, words.list_and)),
            exercise=exercise.name,
            regions=series((str(getattr(words.regions, r)) for r in regions), words.list_and),
        )
    return None
