"""The labels drawn over a body, as plain geometry: arcs for angles, dashed guides, arrows
along a landmark's path, and rings where a fault shows.

In drawing units, like the strokes; tests measure them (the angle between an arc's two rays as
drawn). Whether a label may be drawn at all is for ``checks``; how it is written, ``svg``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from site_plugins.figures.camera import P2, Camera
from site_plugins.figures.floor import Placed
from site_plugins.figures.geometry import angle_between, norm, sub2, unit
from site_plugins.figures.skeleton import POSTURES, Vec, build_body, sub

__all__ = [
    "ARC_RADIUS",
    "Arc",
    "Arrow",
    "Line",
    "Mark",
    "arc_for",
    "arrow_for",
    "guide_lines",
    "mark_for",
]

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
        return angle_between(sub2(self.reference, self.centre), sub2(self.moved, self.centre))


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
    ref2 = unit(camera.direction(zero_dir))
    mov2 = unit(camera.direction(moved_dir))
    length = max(
        ARC_RADIUS * 1.9,
        norm(
            sub2(
                camera.project(placed.body.points[end_name]),
                camera.project(placed.body.points[start_name]),
            )
        ),
    )
    reference = (centre[0] + ref2[0] * length, centre[1] + ref2[1] * length)
    moved = (centre[0] + mov2[0] * ARC_RADIUS, centre[1] + mov2[1] * ARC_RADIUS)
    bisector = unit((ref2[0] + mov2[0], ref2[1] + mov2[1])) if abs(degrees) < 179 else ref2
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
        d = unit(sub2(last, first))
        return Line(
            kind,
            ((first[0] - d[0] * 8, first[1] - d[1] * 8), (last[0] + d[0] * 8, last[1] + d[1] * 8)),
        )
    a, b = at[0], at[1]
    normal = unit((-(b[1] - a[1]), b[0] - a[0]))
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
    total = sum(norm(sub2(b, a)) for a, b in itertools.pairwise(path))
    if total < 6:
        return None
    chord = unit(sub2(path[-1], path[0]))
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
    a = unit(sub2(path[1], path[0]))
    b = unit(sub2(path[-1], path[-2]))
    first = (path[0][0] + a[0] * by, path[0][1] + a[1] * by)
    last = (path[-1][0] - b[0] * by, path[-1][1] - b[1] * by)
    return [first, *path[1:-1], last]


@dataclass(frozen=True)
class Mark:
    centre: P2
    radius: float


def mark_for(placed: Placed, camera: Camera, name: str) -> Mark:
    return Mark(camera.project(placed.body.points[name]), 13.0)
