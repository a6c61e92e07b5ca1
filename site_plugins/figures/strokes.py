"""A placed body as drawn: one stroke per part, back to front, and when two parts touch.

Strokes are in drawing units (``camera.SCALE`` per body height, y down, the floor at y = 0),
and kept, so that tests can measure the picture: the height of a grounded part above the drawn
floor, the parts that overlap and get a rim of the page's background between them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from site_plugins.figures.camera import P2, SCALE, Camera
from site_plugins.figures.floor import Placed
from site_plugins.figures.geometry import Box, polyline_distance
from site_plugins.figures.skeleton import SEGMENT_RADIUS, Body, Vec

__all__ = ["HALO", "SIDES", "Stroke", "body_strokes", "edge_on", "touching"]

HALO = 1.0
"""Drawing units of background drawn around each part, so overlapping parts stay apart."""
SIDES = ("left", "right")
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
    for side in SIDES:
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


def touching(
    a: Stroke,
    b: Stroke,
    frames: Sequence[dict[str, Stroke]],
    boxes: Sequence[dict[str, Box]],
) -> bool:
    """Do two parts overlap (or nearly) in the still pose or any frame of the motion?
    ``boxes``: each part's bounding box in the still pose, then in each frame."""
    reach = (a.width + b.width) / 2 + HALO
    for k, box in enumerate(boxes):
        (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = box[a.part], box[b.part]
        if max(bx0 - ax1, ax0 - bx1, by0 - ay1, ay0 - by1) > reach + 1e-6:
            continue  # the gap between their bounding boxes alone keeps them apart
        x, y = (a, b) if k == 0 else (frames[k - 1][a.part], frames[k - 1][b.part])
        if polyline_distance(x.points, x.closed, y.points, y.closed) < reach:
            return True
    return False
