"""The props a pose holds or rests on, as plain geometry: where each is drawn and what it
covers. The mat is drawn with the floor (by ``svg``), so it has no shape here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from site_plugins.figures.camera import P2, SCALE, Camera
from site_plugins.figures.floor import Placed
from site_plugins.figures.geometry import mean, sub2, unit
from site_plugins.figures.poses import BALL_DIAMETER, BENCH_HEIGHT
from site_plugins.figures.skeleton import SEGMENT_RADIUS, Body, Vec, add, scale
from site_plugins.figures.strokes import SIDES

__all__ = ["PropShape", "prop_shapes"]


@dataclass(frozen=True)
class PropShape:
    """A prop in drawing units. ``points`` by kind: a ball its centre (and ``radius``); a
    kettlebell the hand and the bell's centre (and the bell's ``radius``); a band or a stick
    its two ends; a bench its seat's top left and the right end of its legs on the floor; a
    chair the top of its back and the far edge of its seat; a glass its four corners (bottom
    first), then the two ends of the water line."""

    kind: str
    points: tuple[P2, ...]
    extent: tuple[P2, ...]
    """The points it covers, for the picture's bounds."""
    behind: bool
    """Drawn behind the body (what it rests on) rather than over it (what it holds)."""
    radius: float = 0.0


def prop_shapes(placed: Placed, camera: Camera) -> list[PropShape]:
    shapes: list[PropShape] = []
    body = placed.body
    for prop in placed.pose.props:
        pts = [body.points[p] for p in prop.at]
        drawn = [camera.project(p) for p in pts]
        if prop.kind == "mat":
            continue  # drawn with the floor
        if prop.kind == "bench":
            shapes.append(_bench(placed, camera))
        elif prop.kind == "exercise_ball":
            radius = BALL_DIAMETER / 2 * SCALE
            part = prop.at[0]
            low = _lowest_point(body, part)
            centre = camera.project((low[0], BALL_DIAMETER / 2, low[2]))
            shapes.append(PropShape("exercise_ball", (centre,), _box(centre, radius), True, radius))
        elif prop.kind == "kettlebell":
            hand = mean(drawn)
            r = 5.5
            cy = hand[1] + 1 + 4 + r
            bell = (hand[0], cy)
            shapes.append(PropShape("kettlebell", (hand, bell), _box(bell, r + 1), False, r))
        elif prop.kind == "stick":
            shapes.append(_stick(placed, camera, prop.at))
        elif prop.kind == "band":
            a, b = drawn[0], drawn[-1]
            shapes.append(PropShape("band", (a, b), (a, b), False))
        elif prop.kind == "chair":
            shapes.append(_chair(drawn[0]))
        elif prop.kind == "glass":
            shapes.append(_glass(placed, camera, prop.at[0]))
    return shapes


def _bench(placed: Placed, camera: Camera) -> PropShape:
    body = placed.body
    part = next(p.at[0] for p in placed.pose.props if p.kind == "bench")
    low = _lowest_point(body, part)  # the bench runs on from there, away from the feet
    feet = mean([camera.project(body.points[f"ankle_{s}"]) for s in SIDES])
    x = camera.project(low)[0]
    away = -1.0 if feet[0] > x else 1.0
    near_end, far_end = x - away * 6, x + away * 38
    top = -BENCH_HEIGHT * SCALE
    left, right = min(near_end, far_end), max(near_end, far_end)
    corners = ((left, top), (right, 0.0))
    return PropShape("bench", corners, corners, True)


def _stick(placed: Placed, camera: Camera, names: Sequence[str]) -> PropShape:
    body = placed.body
    back = scale(body.bases["thorax"].f, -(SEGMENT_RADIUS["trunk"] + 0.012))
    a = camera.project(add(body.points[names[0]], back))
    b = camera.project(add(body.points[names[-1]], back))
    d = unit(sub2(b, a))
    a = (a[0] - d[0] * 12, a[1] - d[1] * 12)
    b = (b[0] + d[0] * 10, b[1] + d[1] * 10)
    return PropShape("stick", (a, b), (a, b), False)


def _chair(hand: P2) -> PropShape:
    x, top = hand[0] + 2, hand[1] + 1.5
    seat = -26.0
    depth = 24.0
    return PropShape("chair", ((x, top), (x + depth, seat)), ((x, top), (x + depth, 0.0)), True)


def _glass(placed: Placed, camera: Camera, name: str) -> PropShape:
    body = placed.body
    up = body.bases["pelvis"].f
    across = body.bases["pelvis"].u
    base = body.points[name]

    def at(h: float, w: float) -> P2:
        return camera.project(add(base, add(scale(up, h), scale(across, w))))

    corners = (at(0.0, -0.018), at(0.0, 0.018), at(0.06, 0.024), at(0.06, -0.024))
    water = (at(0.04, -0.0227), at(0.04, 0.0227))
    return PropShape("glass", (*corners, *water), corners, False)


def _lowest_point(body: Body, part: str) -> Vec:
    points, radius = body.rests_on(part)
    low = min(points, key=lambda p: p[1])
    return (low[0], low[1] - radius, low[2])


def _box(centre: P2, r: float) -> tuple[P2, ...]:
    return ((centre[0] - r, centre[1] - r), (centre[0] + r, centre[1] + r))
