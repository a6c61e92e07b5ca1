"""A posed body as plain 2D geometry: strokes, props, arcs, guides, arrows and marks.

Everything the SVG writer draws is computed here first, in drawing units (``camera.SCALE`` per
body height, y down, the floor at y = 0), and kept, so that tests can measure the picture:
the angle between two drawn rays, the height of a grounded part above the drawn floor.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from site_plugins.figures.camera import P2, SCALE, Camera
from site_plugins.figures.posing import BALL_DIAMETER, BENCH_HEIGHT, Placed
from site_plugins.figures.skeleton import (
    POSTURES,
    SEGMENT_RADIUS,
    Body,
    Vec,
    add,
    build_body,
    scale,
    sub,
)

__all__ = [
    "Arc",
    "Arrow",
    "Line",
    "Mark",
    "PropShape",
    "Stroke",
    "arc_for",
    "arrow_for",
    "body_strokes",
    "edge_on",
    "floor_quad",
    "guide_lines",
    "mark_for",
    "prop_shapes",
]

_SIDES = ("left", "right")
_LIMBS = (
    ("upper_arm", "shoulder", "upper_arm"),
    ("forearm", "shoulder", "forearm"),
    ("thigh", "hip", "thigh"),
    ("shank", "hip", "shank"),
    ("foot", "hip", "foot"),
)


@dataclass(frozen=True)
class Stroke:
    """A body part as drawn: a thick line (or, for the trunk, a filled outline) with round
    ends, whose half-width is the part's thickness."""

    part: str
    points: tuple[P2, ...]
    width: float
    closed: bool
    tone: str
    """'n' near the camera (or level with the trunk), 'f' on the far side."""
    depth: float

    def lowest(self) -> float:
        """The drawn bottom edge (largest y)."""
        return max(p[1] for p in self.points) + self.width / 2


def body_strokes(placed: Placed, camera: Camera, flat_trunk: bool = False) -> list[Stroke]:
    """The body's parts, back to front; ``flat_trunk``: see ``edge_on``."""
    body = placed.body
    centre = camera.depth(body.points["pelvis"])
    # Seen along the body (from the feet), the trunk and head lie far behind the hips.
    core = "f" if camera.depth(body.points["chest"]) - centre < -0.1 else "n"
    strokes = [
        _trunk(body, core, camera, flat_trunk),
        _stroke("neck", body.parts["neck"][0], SEGMENT_RADIUS["neck"], camera, tone=core),
        _stroke("head", body.parts["head"][0], SEGMENT_RADIUS["head"], camera, tone=core),
        _stroke("nose", body.parts["nose"][0], SEGMENT_RADIUS["nose"], camera, tone=core),
    ]
    for side in _SIDES:
        for part, root, size in _LIMBS:
            name = f"{part}_{side}"
            nearness = camera.depth(body.points[f"{root}_{side}"]) - centre
            tone = "f" if nearness < -0.02 else "n"
            points = body.parts[name][0]
            strokes.append(_stroke(name, points, SEGMENT_RADIUS[size], camera, tone=tone))
    order = {s.part: i for i, s in enumerate(strokes)}
    head = next(s for s in strokes if s.part == "head")

    def key(s: Stroke) -> tuple[float, int]:
        # The neck and the nose go with the head (the nose, drawn on it without a rim, is a
        # bump on its outline); the trunk first among equals, so that a limb level with it (a
        # side plank seen from the front) is drawn over it.
        depth = head.depth if s.part in ("neck", "nose") else s.depth
        core = ("trunk", "neck", "head", "nose")  # drawn in this order
        return (round(depth, 2), order[s.part] if s.part in core else 100 + order[s.part])

    return sorted(strokes, key=key)


def edge_on(placed: Placed, camera: Camera) -> bool:
    """Is the trunk seen edge-on (its two sides drawn on top of each other)?"""
    points = [camera.project(p) for p in placed.body.trunk]
    half = len(points) // 2
    return all(
        math.dist(p, q) < 0.3 for p, q in zip(points[:half], points[half:][::-1], strict=True)
    )


def _trunk(body: Body, tone: str, camera: Camera, flat: bool) -> Stroke:
    """The trunk's outline, or, when ``flat`` (seen edge-on in every pose of the panel), the
    line of one side, which looks the same and takes half the bytes."""
    stroke = _stroke("trunk", body.trunk, SEGMENT_RADIUS["trunk"], camera, tone=tone, closed=True)
    if flat:
        one_side = stroke.points[: len(stroke.points) // 2]
        return Stroke("trunk", one_side, stroke.width, False, tone, stroke.depth)
    return stroke


def _stroke(
    part: str,
    points: Sequence[Vec],
    radius: float,
    camera: Camera,
    *,
    tone: str,
    closed: bool = False,
) -> Stroke:
    drawn = tuple(camera.project(p) for p in points)
    depth = sum(camera.depth(p) for p in points) / len(points)
    return Stroke(part, drawn, 2 * radius * SCALE, closed, tone, depth)


# --- angles ----------------------------------------------------------------------------------

_ANGLE_RAYS = {
    "hip": ("hip_{s}", "knee_{s}"),
    "knee": ("knee_{s}", "ankle_{s}"),
    "ankle": ("heel_{s}", "toe_{s}"),
    "shoulder": ("shoulder_{s}", "elbow_{s}"),
    "elbow": ("elbow_{s}", "wrist_{s}"),
    "lumbar": ("waist", "neck"),
    "neck": ("neck", "head"),
    "pelvis": ("pelvis", "waist"),
    "hip.opening": ("hinge_{s}", "knee_{s}"),
}
"""For each joint: the point the arc is centred on... and the far end of the moving ray."""

_CENTRES = {
    "ankle": "ankle_{s}",
}
ARC_RADIUS = 11.0


@dataclass(frozen=True)
class Arc:
    """A labelled angle: the reference ray (where the joint's motion is 0) and the moved ray,
    both from ``centre``, with the arc between them at ``radius``."""

    joint: str
    motion: str
    degrees: float
    """The angle the content gives."""
    centre: P2
    reference: P2
    """A point on the reference ray (the dashed line)."""
    moved: P2
    """A point on the moved ray (the limb as drawn)."""
    radius: float
    label: str
    label_at: P2
    low: float | None = None
    """The low end of a range, ticked on the arc."""

    @property
    def drawn(self) -> float:
        """The angle between the two rays as drawn, in degrees."""
        return _angle_between(sub2(self.reference, self.centre), sub2(self.moved, self.centre))


def arc_for(
    placed: Placed, camera: Camera, joint: str, motion: str, low: float | None = None
) -> Arc:
    """The arc for ``joint``'s ``motion`` on this body: the ray the limb would take with that
    motion at 0 (all else equal), and the ray it takes."""
    kind, _, side = joint.partition("_")
    rays = _ANGLE_RAYS.get(f"{kind}.{motion}", _ANGLE_RAYS[kind])
    start_name, end_name = (n.format(s=side) for n in rays)
    centre_name = _CENTRES.get(kind, start_name).format(s=side)
    if motion == "opening":
        centre_name = start_name
    key = f"{joint}.{motion}"
    degrees = placed.angles[key]
    zeroed = dict(placed.angles)
    zeroed[key] = 0.0
    moved_dir = _direction(placed, placed.angles, start_name, end_name)
    zero_dir = _direction(placed, zeroed, start_name, end_name)
    centre = camera.project(placed.body.points[centre_name])
    ref2 = _unit(camera.direction(zero_dir))
    mov2 = _unit(camera.direction(moved_dir))
    length = max(
        ARC_RADIUS * 1.9,
        _length2(
            sub2(
                camera.project(placed.body.points[end_name]),
                camera.project(placed.body.points[start_name]),
            )
        ),
    )
    reference = (centre[0] + ref2[0] * length, centre[1] + ref2[1] * length)
    moved = (centre[0] + mov2[0] * ARC_RADIUS, centre[1] + mov2[1] * ARC_RADIUS)
    bisector = _unit((ref2[0] + mov2[0], ref2[1] + mov2[1])) if abs(degrees) < 179 else ref2
    label_radius = ARC_RADIUS + 8
    if abs(degrees) < 35:
        # A narrow angle has no room inside for its label (the limb covers it): put it just
        # outside, past the reference line.
        away = 1.0 if ref2[0] * mov2[1] - ref2[1] * mov2[0] < 0 else -1.0
        turn = math.radians(28) * away
        bisector = (
            ref2[0] * math.cos(turn) - ref2[1] * math.sin(turn),
            ref2[0] * math.sin(turn) + ref2[1] * math.cos(turn),
        )
        label_radius = ARC_RADIUS + 11
    label_at = (centre[0] + bisector[0] * label_radius, centre[1] + bisector[1] * label_radius)
    label = f"{abs(degrees):g}°" if low is None else f"{low:g}–{abs(degrees):g}°"
    return Arc(
        joint, motion, degrees, centre, reference, moved, ARC_RADIUS, label, label_at, low,
    )  # fmt: skip


def _direction(placed: Placed, angles: dict[str, float], start: str, end: str) -> Vec:
    body = build_body(angles, POSTURES[placed.pose.posture])
    vector = sub(body.points[end], body.points[start])
    t = math.radians(placed.tilt)
    c, s = math.cos(t), math.sin(t)
    return (c * vector[0] - s * vector[1], s * vector[0] + c * vector[1], vector[2])


# --- guides, arrows, marks -------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A dashed construction line (a guide); ``label`` is drawn at ``label_at``."""

    kind: str
    points: tuple[P2, ...]
    label: str = ""
    label_at: P2 = (0.0, 0.0)


def guide_lines(
    kind: str, placed: Placed, camera: Camera, names: Sequence[str], label: str = ""
) -> Line:
    at = [camera.project(placed.body.points[n]) for n in names]
    if kind == "plumb":
        x = at[0][0]
        return Line(kind, ((x, min(p[1] for p in at) - 9), (x, 0.0)))
    if kind == "line":
        first, last = at[0], at[-1]
        d = _unit(sub2(last, first))
        return Line(
            kind,
            ((first[0] - d[0] * 8, first[1] - d[1] * 8), (last[0] + d[0] * 8, last[1] + d[1] * 8)),
        )
    a, b = at[0], at[1]
    normal = _unit((-(b[1] - a[1]), b[0] - a[0]))
    if normal[1] > 0:
        normal = (-normal[0], -normal[1])
    off = 9.0
    a2 = (a[0] + normal[0] * off, a[1] + normal[1] * off)
    b2 = (b[0] + normal[0] * off, b[1] + normal[1] * off)
    label_at = ((a2[0] + b2[0]) / 2 + normal[0] * 8, (a2[1] + b2[1]) / 2 + normal[1] * 8)
    return Line(kind, (a2, b2), label, label_at)


@dataclass(frozen=True)
class Arrow:
    points: tuple[P2, ...]
    """The path, from the start of the movement to its end (the head)."""


def arrow_for(frames: Sequence[Placed], camera: Camera, name: str) -> Arrow | None:
    """The path of a landmark through the frames, set off the body a little to the side its
    path bends away from, shortened at both ends."""
    path = [camera.project(f.body.points[name]) for f in frames]
    total = sum(_length2(sub2(b, a)) for a, b in itertools.pairwise(path))
    if total < 6:
        return None
    chord = _unit(sub2(path[-1], path[0]))
    normal = (-chord[1], chord[0])
    middle = path[len(path) // 2]
    bulge = (middle[0] - path[0][0]) * normal[0] + (middle[1] - path[0][1]) * normal[1]
    if abs(bulge) < 1:  # a straight path: set it off away from the body's centre
        centre = camera.project(frames[-1].body.points["pelvis"])
        side = (path[0][0] - centre[0]) * normal[0] + (path[0][1] - centre[1]) * normal[1]
        bulge = side or 1.0
    offset = 9.0 if bulge > 0 else -9.0
    shifted = [(p[0] + normal[0] * offset, p[1] + normal[1] * offset) for p in path]
    return Arrow(tuple(_trim(shifted, 3.0)))


def _trim(path: list[P2], by: float) -> list[P2]:
    if len(path) < 2:
        return path
    a = _unit(sub2(path[1], path[0]))
    b = _unit(sub2(path[-1], path[-2]))
    first = (path[0][0] + a[0] * by, path[0][1] + a[1] * by)
    last = (path[-1][0] - b[0] * by, path[-1][1] - b[1] * by)
    return [first, *path[1:-1], last]


def floor_quad(bodies: Sequence[Placed], camera: Camera) -> tuple[P2, ...]:
    """The patch of floor under the bodies, as seen from above: a rectangle round their
    footprint, a little larger."""
    points = [p for b in bodies for pts, _ in b.body.parts.values() for p in pts]
    margin = 0.08
    x0, x1 = min(p[0] for p in points) - margin, max(p[0] for p in points) + margin
    z0, z1 = min(p[2] for p in points) - margin, max(p[2] for p in points) + margin
    corners = ((x0, 0.0, z0), (x1, 0.0, z0), (x1, 0.0, z1), (x0, 0.0, z1))
    return tuple(camera.project(c) for c in corners)


@dataclass(frozen=True)
class Mark:
    centre: P2
    radius: float


def mark_for(placed: Placed, camera: Camera, name: str) -> Mark:
    return Mark(camera.project(placed.body.points[name]), 13.0)


# --- props ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PropShape:
    """A prop as SVG elements (already in drawing units) and the points it covers."""

    kind: str
    svg: str
    extent: tuple[P2, ...]
    behind: bool


def prop_shapes(placed: Placed, camera: Camera, fmt: _Fmt) -> list[PropShape]:
    shapes: list[PropShape] = []
    body = placed.body
    for prop in placed.pose.props:
        pts = [body.points[p] for p in prop.at]
        drawn = [camera.project(p) for p in pts]
        if prop.kind == "mat":
            continue  # drawn with the floor
        if prop.kind == "bench":
            shapes.append(_bench(placed, camera, fmt))
        elif prop.kind == "exercise_ball":
            radius = BALL_DIAMETER / 2 * SCALE
            part = prop.at[0]
            low = _lowest_point(body, part)
            centre = camera.project((low[0], BALL_DIAMETER / 2, low[2]))
            shapes.append(
                PropShape(
                    "exercise_ball",
                    f'<circle class="p" cx="{fmt(centre[0])}" cy="{fmt(centre[1])}" '
                    f'r="{fmt(radius)}"/>',
                    _box(centre, radius),
                    True,
                )
            )
        elif prop.kind == "kettlebell":
            hand = _mean(drawn)
            r = 5.5
            cy = hand[1] + 1 + 4 + r
            svg = (
                f'<path class="q" d="M{fmt(hand[0] - 3.5)} {fmt(cy - r + 1)}'
                f'V{fmt(hand[1] - 1)}H{fmt(hand[0] + 3.5)}V{fmt(cy - r + 1)}"/>'
                f'<circle class="k" cx="{fmt(hand[0])}" cy="{fmt(cy)}" r="{fmt(r)}"/>'
            )
            shapes.append(PropShape("kettlebell", svg, _box((hand[0], cy), r + 1), False))
        elif prop.kind == "stick":
            shapes.append(_stick(placed, camera, prop.at, fmt))
        elif prop.kind == "band":
            a, b = drawn[0], drawn[-1]
            svg = f'<path class="w" d="M{fmt(a[0])} {fmt(a[1])}L{fmt(b[0])} {fmt(b[1])}"/>'
            shapes.append(PropShape("band", svg, (a, b), False))
        elif prop.kind == "chair":
            shapes.append(_chair(drawn[0], fmt))
        elif prop.kind == "glass":
            shapes.append(_glass(placed, camera, prop.at[0], fmt))
    return shapes


def _bench(placed: Placed, camera: Camera, fmt: _Fmt) -> PropShape:
    body = placed.body
    part = next(p.at[0] for p in placed.pose.props if p.kind == "bench")
    low = _lowest_point(body, part)  # the bench runs on from there, away from the feet
    feet = _mean([camera.project(body.points[f"ankle_{s}"]) for s in _SIDES])
    x = camera.project(low)[0]
    away = -1.0 if feet[0] > x else 1.0
    near_end, far_end = x - away * 6, x + away * 38
    top = -BENCH_HEIGHT * SCALE
    left, right = min(near_end, far_end), max(near_end, far_end)
    legs = [left + 5, right - 5]
    svg = (
        f'<rect class="p" x="{fmt(left)}" y="{fmt(top)}" width="{fmt(right - left)}" '
        f'height="5" rx="1.5"/>'
        + "".join(f'<path class="q" d="M{fmt(lx)} {fmt(top + 5)}V0"/>' for lx in legs)
    )
    return PropShape("bench", svg, ((left, top), (right, 0.0)), True)


def _stick(placed: Placed, camera: Camera, names: Sequence[str], fmt: _Fmt) -> PropShape:
    body = placed.body
    back = scale(body.bases["thorax"].f, -(SEGMENT_RADIUS["trunk"] + 0.012))
    a = camera.project(add(body.points[names[0]], back))
    b = camera.project(add(body.points[names[-1]], back))
    d = _unit(sub2(b, a))
    a = (a[0] - d[0] * 12, a[1] - d[1] * 12)
    b = (b[0] + d[0] * 10, b[1] + d[1] * 10)
    svg = f'<path class="s" d="M{fmt(a[0])} {fmt(a[1])}L{fmt(b[0])} {fmt(b[1])}"/>'
    return PropShape("stick", svg, (a, b), False)


def _chair(hand: P2, fmt: _Fmt) -> PropShape:
    x, top = hand[0] + 2, hand[1] + 1.5
    seat = -26.0
    depth = 24.0
    svg = f'<path class="q" d="M{fmt(x)} {fmt(top)}V0M{fmt(x)} {fmt(seat)}H{fmt(x + depth)}V0"/>'
    return PropShape("chair", svg, ((x, top), (x + depth, 0.0)), True)


def _glass(placed: Placed, camera: Camera, name: str, fmt: _Fmt) -> PropShape:
    body = placed.body
    up = body.bases["pelvis"].f
    across = body.bases["pelvis"].u
    base = body.points[name]

    def at(h: float, w: float) -> P2:
        return camera.project(add(base, add(scale(up, h), scale(across, w))))

    corners = [at(0.0, -0.018), at(0.0, 0.018), at(0.06, 0.024), at(0.06, -0.024)]
    water = [at(0.04, -0.0227), at(0.04, 0.0227)]
    d = "M" + "L".join(f"{fmt(p[0])} {fmt(p[1])}" for p in corners) + "Z"
    w = f"M{fmt(water[0][0])} {fmt(water[0][1])}L{fmt(water[1][0])} {fmt(water[1][1])}"
    svg = f'<path class="gl" d="{d}"/><path class="wl" d="{w}"/>'
    return PropShape("glass", svg, tuple(corners), False)


def _lowest_point(body: Body, part: str) -> Vec:
    points, radius = body.rests_on(part)
    low = min(points, key=lambda p: p[1])
    return (low[0], low[1] - radius, low[2])


def _box(centre: P2, r: float) -> tuple[P2, ...]:
    return ((centre[0] - r, centre[1] - r), (centre[0] + r, centre[1] + r))


# --- 2D helpers --------------------------------------------------------------------------------


class _Fmt:
    """Formats numbers for SVG: one decimal, no trailing '.0'."""

    def __call__(self, value: float) -> str:
        text = f"{value:.1f}"
        if text.endswith(".0"):
            text = text[:-2]
        return "0" if text == "-0" else text


fmt = _Fmt()


def sub2(a: P2, b: P2) -> P2:
    return (a[0] - b[0], a[1] - b[1])


def _length2(v: P2) -> float:
    return math.hypot(v[0], v[1])


def _unit(v: P2) -> P2:
    n = math.hypot(v[0], v[1]) or 1.0
    return (v[0] / n, v[1] / n)


def _mean(points: Iterable[P2]) -> P2:
    pts = list(points)
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def _angle_between(a: P2, b: P2) -> float:
    dot = a[0] * b[0] + a[1] * b[1]
    cross = a[0] * b[1] - a[1] * b[0]
    return abs(math.degrees(math.atan2(cross, dot)))
