"""Plain 2D geometry in drawing units: vectors, boxes, and distances between polylines."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

from site_plugins.figures.camera import P2

__all__ = [
    "Box",
    "angle_between",
    "box",
    "mean",
    "norm",
    "off_line",
    "polyline_distance",
    "segment_distance",
    "sub2",
    "unit",
]

Box = tuple[float, float, float, float]
"""x0, y0, x1, y1."""


def sub2(a: P2, b: P2) -> P2:
    return (a[0] - b[0], a[1] - b[1])


def norm(v: P2) -> float:
    return math.hypot(v[0], v[1])


def unit(v: P2) -> P2:
    n = math.hypot(v[0], v[1]) or 1.0
    return (v[0] / n, v[1] / n)


def mean(points: Iterable[P2]) -> P2:
    pts = list(points)
    return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))


def angle_between(a: P2, b: P2) -> float:
    dot = a[0] * b[0] + a[1] * b[1]
    cross = a[0] * b[1] - a[1] * b[0]
    return abs(math.degrees(math.atan2(cross, dot)))


def box(points: Sequence[P2]) -> Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def off_line(p: P2, a: P2, b: P2) -> float:
    """How far ``p`` lies from the line through ``a`` and ``b``."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    size = math.hypot(dx, dy) or 1.0
    return abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / size


def polyline_distance(a: Sequence[P2], a_closed: bool, b: Sequence[P2], b_closed: bool) -> float:
    """The least distance between two polylines (closed: the last point joins the first)."""

    def segments(points: Sequence[P2], closed: bool) -> list[tuple[P2, P2]]:
        if len(points) == 1:
            return [(points[0], points[0])]
        pairs = list(itertools.pairwise(points))
        return [*pairs, (points[-1], points[0])] if closed else pairs

    return min(segment_distance(p, q) for p in segments(a, a_closed) for q in segments(b, b_closed))


def segment_distance(s: tuple[P2, P2], t: tuple[P2, P2]) -> float:
    def point(p: P2, seg: tuple[P2, P2]) -> float:
        (ax, ay), (bx, by) = seg
        dx, dy = bx - ax, by - ay
        size = dx * dx + dy * dy
        k = 0.0 if size == 0 else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / size))
        return math.hypot(p[0] - ax - k * dx, p[1] - ay - k * dy)

    def crosses() -> bool:
        def side(p: P2, seg: tuple[P2, P2]) -> float:
            (ax, ay), (bx, by) = seg
            return (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)

        return side(s[0], t) * side(s[1], t) < 0 and side(t[0], s) * side(t[1], s) < 0

    if crosses():
        return 0.0
    return min(point(s[0], t), point(s[1], t), point(t[0], s), point(t[1], s))
