"""A panel as plain geometry: every stroke of the still pose, the faint pose and each frame
of the motion, the props, labels, arrows and rings, and the picture's bounds (the viewBox).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from site_plugins.figures.camera import P2, Camera
from site_plugins.figures.floor import Placed
from site_plugins.figures.labels import Arc, Arrow, Line, Mark, arrow_for, mark_for
from site_plugins.figures.panels import Panel
from site_plugins.figures.props import PropShape, prop_shapes
from site_plugins.figures.strokes import HALO, Stroke, body_strokes, edge_on

__all__ = ["Scene", "floor_quad", "scene_of"]


@dataclass(frozen=True)
class Scene:
    """A panel as geometry, in drawing units (y down, floor at 0)."""

    strokes: list[Stroke]
    ghost: list[Stroke]
    frames: list[list[Stroke]]
    props: list[PropShape]
    arcs: tuple[Arc, ...]
    lines: tuple[Line, ...]
    arrows: list[Arrow]
    marks: list[Mark]
    floor: bool
    """A floor line is drawn at y = 0 (in level views)."""
    ground: tuple[P2, ...]
    """In views from above, the patch of floor under the body."""
    box: tuple[float, float, float, float]
    """x, y, width, height of the viewBox."""


def scene_of(panel: Panel) -> Scene:
    camera = panel.camera
    bodies = [b for b in (panel.still, panel.ghost, *panel.frames) if b is not None]
    flat = all(edge_on(b, camera) for b in bodies)
    strokes = body_strokes(panel.still, camera, flat)
    ghost = body_strokes(panel.ghost, camera, flat) if panel.ghost is not None else []
    frames = [body_strokes(f, camera, flat) for f in panel.frames]
    props = prop_shapes(panel.still, camera)
    arrows = [a for a in (arrow_for(panel.trail, camera, n) for n in panel.arrows) if a]
    marks = [mark_for(panel.still, camera, n) for n in panel.marks]
    floor = camera.view != "top" and not camera.elevation
    ground = () if floor else floor_quad([f for f in (panel.still, panel.ghost) if f], camera)
    extent: list[P2] = []
    for s in (*strokes, *ghost, *(s for f in frames for s in f)):
        r = s.width / 2 + HALO
        extent += [(x + dx, y + dy) for x, y in s.points for dx, dy in ((-r, -r), (r, r))]
    for p in props:
        extent += p.extent
    for arc in panel.arcs:
        extent += [arc.reference, _pad(arc.label_at, 7)[0], _pad(arc.label_at, 7)[1]]
    for line in panel.lines:
        extent += list(line.points)
        if line.label:
            extent += list(_pad(line.label_at, 10))
    for arrow in arrows:
        extent += [(x + dx, y + dy) for x, y in arrow.points for dx in (-3, 3) for dy in (-3, 3)]
    for mark in marks:
        extent += list(_pad(mark.centre, mark.radius + 1))
    if floor:
        extent.append((extent[0][0], 3.0))
    extent += list(ground)
    pad = 3.0
    x0 = min(p[0] for p in extent) - pad
    x1 = max(p[0] for p in extent) + pad
    y0 = min(p[1] for p in extent) - pad
    y1 = max(p[1] for p in extent) + pad
    return Scene(
        strokes, ghost, frames, props, panel.arcs, panel.lines, arrows, marks, floor, ground,
        (x0, y0, x1 - x0, y1 - y0),
    )  # fmt: skip


def _pad(p: P2, r: float) -> tuple[P2, P2]:
    return ((p[0] - r, p[1] - r), (p[0] + r, p[1] + r))


def floor_quad(bodies: Sequence[Placed], camera: Camera) -> tuple[P2, ...]:
    """The patch of floor under the bodies, as seen from above: a rectangle round their
    footprint, a little larger."""
    points = [p for b in bodies for pts, _ in b.body.parts.values() for p in pts]
    margin = 0.08
    x0, x1 = min(p[0] for p in points) - margin, max(p[0] for p in points) + margin
    z0, z1 = min(p[2] for p in points) - margin, max(p[2] for p in points) + margin
    corners = ((x0, 0.0, z0), (x1, 0.0, z0), (x1, 0.0, z1), (x0, 0.0, z1))
    return tuple(camera.project(c) for c in corners)
