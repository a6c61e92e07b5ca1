"""Small builders for results documents, so each test shows only what matters to it."""

from __future__ import annotations

from typing import Any

from hipcore import default_catalog

Doc = dict[str, Any]


def prescreen(**yes: bool) -> dict[str, bool]:
    """Every pre-screen question answered 'no', except those given."""
    answers = {flag.id: False for flag in default_catalog().red_flags}
    answers.update(yes)
    return answers


def results(*tests: Doc, **yes: bool) -> Doc:
    return {"version": 2, "prescreen": prescreen(**yes), "assessments": list(tests)}


def entry(assessment: str, left: Doc | None = None, right: Doc | None = None) -> Doc:
    doc: Doc = {"assessment": assessment}
    if left is not None:
        doc["left"] = left
    if right is not None:
        doc["right"] = right
    return doc


def both_sides(assessment: str, side: Doc) -> Doc:
    return entry(assessment, side, side)


def held(seconds: float, *faults: str) -> Doc:
    """A timed hold (bridge, side plank)."""
    return {"measures": {"hold_time": {"value": seconds, "unit": "s"}}, "compensations": [*faults]}


def knee_opening(degrees: float, *faults: str) -> Doc:
    return {
        "measures": {"knee_opening": {"value": degrees, "unit": "deg"}},
        "compensations": [*faults],
    }


def heel(distance: float, unit: str = "cm", *faults: str, comfortable: bool = True) -> Doc:
    return {
        "measures": {"heel_to_buttock": {"value": distance, "unit": unit}},
        "criteria": {"comfortable": comfortable},
        "compensations": [*faults],
    }


def hip_flexor(leg_stays_down: bool = True, *faults: str) -> Doc:
    return {"criteria": {"leg_stays_down": leg_stays_down}, "compensations": [*faults]}


def split_squat(*faults: str, manageable: bool = True) -> Doc:
    return {"criteria": {"position_manageable": manageable}, "compensations": [*faults]}


def hurt(score: int = 6, **rest: Any) -> Doc:
    return {"pain": {"present": True, "score": score}, **rest}


CANNOT: Doc = {"could_not_perform": True}

ALL_PASS: tuple[Doc, ...] = (
    both_sides("hip_flexor_length", hip_flexor()),
    both_sides("quad_length", heel(10)),
    both_sides("split_squat_test", split_squat()),
    both_sides("single_leg_bridge", held(12)),
    both_sides("side_plank_test", held(15)),
    both_sides("hip_rotation_control", knee_opening(50)),
)
"""Every test passed on both sides."""


def all_pass_but(*replacements: Doc) -> tuple[Doc, ...]:
    """Every test passed, except the given entries (which replace the test of the same id)."""
    given = {r["assessment"]: r for r in replacements}
    return tuple(given.get(e["assessment"], e) for e in ALL_PASS)
