"""Every figure, measured: labelled angles are drawn to scale, grounded parts touch the floor,
nothing goes below it, and the mirror image is a mirror image."""

from __future__ import annotations

import math
import re

import pytest

from site_plugins.figures.checks import ANGLE_TOLERANCE
from site_plugins.figures.floor import CONTACT_TOLERANCE, place
from site_plugins.figures.panels import Panel
from site_plugins.figures.poses import SUPPORT_HEIGHTS, resolve_poses
from site_plugins.figures.scene import scene_of
from site_plugins.figures.strokes import Stroke
from site_plugins.figures.svg import render_svg
from tests.figures import real

ARCS = [(panel, i) for panel in real.panels() for i in range(len(panel.arcs))]
LEVEL = [p for p in real.panels() if p.camera.view != "top" and not p.camera.elevation]
MIRRORED = [p for p in real.panels() if p.id.endswith("-mirror")]

_NUMBER = r"(-?[\d.]+)"
_DRAWN_ARC = re.compile(
    rf'<path class="a d" d="M{_NUMBER} {_NUMBER}L{_NUMBER} {_NUMBER}"/>'
    rf'<path class="a" d="M{_NUMBER} {_NUMBER}A[\d.]+ [\d.]+ 0 0 [01] {_NUMBER} {_NUMBER}"/>'
    r'(?:<path class="a" d="[^"]*"/>)?'  # the tick at the low end of a range
    r'<text x="[^"]*" y="[^"]*">(?:[\d.]+–)?([\d.]+)°</text>'
)
_SEGMENT = {"hip": "thigh", "knee": "shank", "shoulder": "upper_arm", "elbow": "forearm"}


def _angle(a: tuple[float, float], b: tuple[float, float]) -> float:
    cross = a[0] * b[1] - a[1] * b[0]
    return abs(math.degrees(math.atan2(cross, a[0] * b[0] + a[1] * b[1])))


def _content_degrees(panel: Panel, index: int) -> float:
    """The angle as the content file gives it (after 'like' and plural joints)."""
    arc = panel.arcs[index]
    figure = real.figures()[panel.id.removeprefix("hf-").split("-")[0]]
    resolved, _ = resolve_poses(figure)
    pose_ids = [p.pose.id for p in (panel.still, panel.ghost) if p is not None]
    values = {resolved[p].angles[f"{arc.joint}.{arc.motion}"] for p in pose_ids}
    assert abs(arc.degrees) in {abs(v) for v in values}
    return abs(arc.degrees)


def test_the_article_angles_are_labelled() -> None:
    labels = {(p.id, a.label) for p in real.panels() for a in p.arcs}
    assert {("hf-hip_rotation_control-d0", "30°"), ("hf-hip_rotation_control-d0", "90°")} <= labels
    assert ("hf-hip_rotation_control-d1", "45°") in labels
    assert {("hf-clamshell-d0", "30°"), ("hf-clamshell-d1", "45°")} <= labels
    assert ("hf-hip_thrust", "90°") in labels
    assert ("hf-hip_flexor_stretch", "90°") in labels
    assert ("hf-hip_flexor_length-d0", "15–20°") in labels  # hip extension at toe-off


@pytest.mark.parametrize(
    ("panel", "index"), ARCS, ids=lambda v: v.id if isinstance(v, Panel) else str(v)
)
def test_each_labelled_angle_is_drawn_to_scale(panel: Panel, index: int) -> None:
    expected = _content_degrees(panel, index)
    drawn = _DRAWN_ARC.findall(render_svg(panel))[index]
    cx, cy, _, _, ax, ay, bx, by, label = map(float, drawn)
    assert label == expected
    assert _angle((ax - cx, ay - cy), (bx - cx, by - cy)) == pytest.approx(
        expected, abs=ANGLE_TOLERANCE
    )
    arc = panel.arcs[index]
    joint, _, side = arc.joint.partition("_")
    if joint in _SEGMENT and arc.motion != "opening":
        scene = scene_of(panel)
        limb = _stroke_from(scene.strokes + scene.ghost, f"{_SEGMENT[joint]}_{side}", (cx, cy))
        along = (limb.points[1][0] - limb.points[0][0], limb.points[1][1] - limb.points[0][1])
        assert _angle(along, (bx - cx, by - cy)) < 0.5, "the arc ends on the limb as drawn"


def _stroke_from(strokes: list[Stroke], part: str, start: tuple[float, float]) -> Stroke:
    return next(s for s in strokes if s.part == part and math.dist(s.points[0], start) < 0.2)


@pytest.mark.parametrize(("figure_id", "pose"), real.poses(), ids=lambda v: getattr(v, "id", v))
def test_grounded_parts_touch_what_they_rest_on(figure_id: str, pose: object) -> None:
    placed, problems = place(pose)  # type: ignore[arg-type]
    assert problems == []
    assert placed is not None
    for part, height, _ in placed.pose.contacts():
        assert placed.body.lowest(part) == pytest.approx(height, abs=CONTACT_TOLERANCE), part


@pytest.mark.parametrize("panel", LEVEL, ids=lambda p: p.id)
def test_grounded_parts_are_drawn_on_the_floor_line(panel: Panel) -> None:
    scene = scene_of(panel)
    drawn = {s.part: s for s in scene.strokes}
    floor_parts = [p for p in panel.still.pose.ground]
    for part in floor_parts:
        stroke = drawn[_drawn_part(part)]
        if part in ("thorax", "pelvis", "toes_left", "toes_right", "sole_left", "sole_right"):
            assert stroke.lowest() >= -0.6
        else:
            assert stroke.lowest() == pytest.approx(0.0, abs=0.6), part
    assert max(s.lowest() for s in scene.strokes) == pytest.approx(0.0, abs=0.6)


def _drawn_part(part: str) -> str:
    if part in ("thorax", "pelvis"):
        return "trunk"
    for prefix in ("sole_", "toes_"):
        if part.startswith(prefix):
            return "foot_" + part.removeprefix(prefix)
    return part


@pytest.mark.parametrize("panel", real.panels(), ids=lambda p: p.id)
def test_nothing_goes_below_the_floor_at_any_moment(panel: Panel) -> None:
    bodies = [b for b in (panel.still, panel.ghost, *panel.frames) if b is not None]
    supports = set(SUPPORT_HEIGHTS)
    assert supports  # benches and balls lift a part; the floor still bounds everything
    for body in bodies:
        lowest = min(body.body.lowest(part) for part in body.body.parts)
        assert lowest >= -0.002, (body.pose.id, lowest)


@pytest.mark.parametrize("mirrored", MIRRORED, ids=lambda p: p.id)
def test_the_other_side_is_the_mirror_image(mirrored: Panel) -> None:
    drawn = next(p for p in real.panels() if p.id == mirrored.id.removesuffix("-mirror"))
    left, right = scene_of(drawn), scene_of(mirrored)
    assert [s.part for s in left.strokes] == [s.part for s in right.strokes]
    for a, b in zip(left.strokes, right.strokes, strict=True):
        mirrored_points = [c for x, y in a.points for c in (-x, y)]
        assert mirrored_points == pytest.approx([c for p in b.points for c in p], abs=1e-9)
    assert [a.label for a in left.arcs] == [a.label for a in right.arcs]
    assert drawn.caption != mirrored.caption
    x, _, w, _ = left.box
    assert right.box[0] == pytest.approx(-(x + w))
