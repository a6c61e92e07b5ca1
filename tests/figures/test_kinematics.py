"""The skeleton: Winter's proportions, and joints that move the way anatomy names them."""

from __future__ import annotations

import math

import pytest

from site_plugins.figures.floor import place
from site_plugins.figures.poses import Resolved
from site_plugins.figures.skeleton import POSTURES, WINTER, build_body, dot, sub, with_ankles


def _length(body_points: dict[str, tuple[float, float, float]], a: str, b: str) -> float:
    return math.dist(body_points[a], body_points[b])


@pytest.mark.parametrize(
    ("start", "end", "fraction"),
    [
        ("hip_left", "knee_left", WINTER["thigh"]),
        ("knee_right", "ankle_right", WINTER["shank"]),
        ("shoulder_left", "elbow_left", WINTER["upper_arm"]),
        ("elbow_right", "wrist_right", WINTER["forearm"]),
    ],
)
def test_segments_are_winters_fractions_of_height(start: str, end: str, fraction: float) -> None:
    body = build_body({"hip_left.flexion": 40, "knee_right.flexion": 70}, POSTURES["standing"])
    assert _length(body.points, start, end) == pytest.approx(fraction)


@pytest.mark.parametrize("opening", [0.0, 30.0])
def test_setting_the_ankles_gives_exactly_the_body_built_with_them(opening: float) -> None:
    before = {"hip_left.flexion": 40.0, "knee_left.flexion": 70.0, "hip_left.opening": opening}
    after = {**before, "ankle_left.dorsiflexion": 12.5, "ankle_right.dorsiflexion": -20.0}
    root = POSTURES["on_right_side"]
    changed = with_ankles(build_body(before, root), after, root, ("left", "right"))
    assert changed == build_body(after, root)


def test_standing_on_the_floor_puts_hip_and_shoulder_at_winters_heights() -> None:
    pose = Resolved("stand", 0, "standing", ("sole_left", "sole_right"), 0.0, {}, ())
    placed, problems = place(pose)
    assert problems == []
    assert placed is not None
    assert placed.body.points["hip_left"][1] == pytest.approx(WINTER["hip_height"], abs=1e-3)
    assert placed.body.points["waist"][1] == pytest.approx(WINTER["waist_height"], abs=1e-3)
    assert placed.body.points["neck"][1] == pytest.approx(WINTER["shoulder_height"], abs=1e-3)


def test_hip_flexion_brings_the_knee_forward_and_extension_takes_it_back() -> None:
    forward = build_body({"hip_right.flexion": 30}, POSTURES["standing"])
    back = build_body({"hip_right.flexion": -15}, POSTURES["standing"])
    assert forward.points["knee_right"][0] > 0.1  # standing bodies face +x
    assert back.points["knee_right"][0] < -0.05


@pytest.mark.parametrize(("side", "outwards"), [("left", -1.0), ("right", 1.0)])
def test_abduction_moves_the_leg_away_from_the_midline_on_both_sides(
    side: str, outwards: float
) -> None:
    body = build_body({f"hip_{side}.abduction": 30}, POSTURES["standing"])
    # the body's right is +z when standing
    assert body.points[f"ankle_{side}"][2] * outwards > 0.2


def test_knee_flexion_takes_the_foot_behind_the_knee() -> None:
    body = build_body({"knee_left.flexion": 90}, POSTURES["standing"])
    assert body.points["ankle_left"][0] < body.points["knee_left"][0] - 0.2


def test_the_clamshell_opening_swings_the_knee_up_and_keeps_the_foot_in_place() -> None:
    bent = {"hip_right.flexion": 30, "hip_left.flexion": 30, "knee_left.flexion": 90}
    closed = build_body(bent, POSTURES["on_right_side"])
    opened = build_body({**bent, "hip_left.opening": 45}, POSTURES["on_right_side"])
    assert math.dist(opened.points["ankle_left"], closed.points["ankle_left"]) < 1e-9
    assert opened.points["knee_left"][1] > closed.points["knee_left"][1] + 0.05  # up
    hinge = closed.points["hinge_left"]
    before = sub(closed.points["knee_left"], hinge)
    after = sub(opened.points["knee_left"], hinge)
    cosine = dot(before, after) / math.sqrt(dot(before, before) * dot(after, after))
    assert math.degrees(math.acos(cosine)) == pytest.approx(45)


def test_a_body_standing_on_one_spot_is_balanced_over_its_feet() -> None:
    hinge = {"hip_left.flexion": 80.0, "hip_right.flexion": 80.0, "shoulder_left.flexion": 80.0}
    pose = Resolved("hinge", 0, "standing", ("sole_left", "sole_right"), None, hinge, ())
    placed, problems = place(pose)
    assert problems == []
    assert placed is not None
    feet = [p for s in ("left", "right") for p in placed.body.parts[f"sole_{s}"][0]]
    middle = sum(p[0] for p in feet) / len(feet)
    assert placed.body.centre_of_mass()[0] == pytest.approx(middle, abs=1e-6)
    assert placed.tilt < -40  # the trunk leans forward, the legs stay under the body
