"""Safety, in this order: the pre-screen's red flags, then pain during a test.

Any 'yes' in the pre-screen means no program at all, only a referral with the reason. Pain
during a test stops that test's line, refers the runner to a clinician, and withholds every
exercise other than a stretch from the region the test loads. Stretch discomfort is not pain
(the results record it apart, and it changes nothing here).
"""

from __future__ import annotations

from collections.abc import Sequence

from hipcore._judge import JudgedTest
from hipcore.model import Catalog, Exercise, Region
from hipcore.prescription import Referral
from hipcore.results import Results

__all__ = ["REGION_WORDS", "Blocked", "pain_referrals", "red_flag_referrals", "withheld_regions"]

REGION_WORDS: dict[Region, str] = {
    "lumbar": "the lower back",
    "hip_front": "the front of the hip",
    "hip_back": "the back of the hip",
    "hip_side": "the side of the hip",
    "thigh_front": "the front of the thigh",
    "knee": "the knee",
}

Blocked = dict[Region, tuple[str, ...]]
"""Region -> names of the tests that hurt there, in catalog order."""


def red_flag_referrals(results: Results, catalog: Catalog) -> tuple[Referral, ...]:
    """A referral per red flag answered 'yes', urgent ones first, then in the catalog's order."""
    flagged = [flag for flag in catalog.red_flags if results.prescreen.get(flag.id, False)]
    flagged.sort(key=lambda flag: not flag.urgent)
    return tuple(Referral(f.reason, f.urgent, "red_flag", f.id) for f in flagged)


def pain_referrals(tests: Sequence[JudgedTest]) -> tuple[tuple[Referral, ...], Blocked]:
    """A referral per side that hurt, and the regions to keep loading away from."""
    referrals: list[Referral] = []
    blocked: dict[Region, list[str]] = {}
    for test in tests:
        assessment = test.assessment
        for side in test.sides:
            if side.outcome != "pain":
                continue
            where = "" if side.side == "both" else f" on the {side.side} side"
            reason = (
                f"The {assessment.name} test hurt{where}. Stop that test and see a clinician "
                f"(a physical therapist or a sports medicine doctor) before loading "
                f"{REGION_WORDS[assessment.region]}."
            )
            referrals.append(Referral(reason, False, "pain", assessment.id, side.side))
            names = blocked.setdefault(assessment.region, [])
            if assessment.name not in names:
                names.append(assessment.name)
    return tuple(referrals), {region: tuple(names) for region, names in blocked.items()}


def withheld_regions(exercise: Exercise, blocked: Blocked) -> tuple[Region, ...]:
    """The painful regions this exercise would load; stretches are never withheld."""
    if exercise.load == "stretch":
        return ()
    return tuple(region for region in exercise.regions if region in blocked)
