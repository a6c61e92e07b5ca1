"""Orthographic views of the world: side, front and top, optionally turned and mirrored."""

from __future__ import annotations

import math
from dataclasses import dataclass

from site_plugins.figures.model import Figure, View
from site_plugins.figures.skeleton import Vec

__all__ = ["P2", "SCALE", "Camera", "camera_for"]

SCALE = 100.0
"""Drawing units per body height: a 175 cm body is 100 units tall."""

P2 = tuple[float, float]


@dataclass(frozen=True)
class Camera:
    view: View = "side"
    turn: float = 0.0
    """Degrees about the vertical; positive swings the camera towards the body's front."""
    elevation: float = 0.0
    """Degrees the camera is raised above the floor, looking down (side and front views)."""
    mirror: bool = False
    """Draw the mirror image (left and right swapped), for the other side's version."""

    def project(self, p: Vec) -> P2:
        """Drawing coordinates: x to the right, y down (SVG), in ``SCALE`` units."""
        x, y, _ = self.view_space(p)
        return (x * SCALE, -y * SCALE)

    def depth(self, p: Vec) -> float:
        """Distance towards the camera: larger is nearer."""
        return self.view_space(p)[2]

    def direction(self, v: Vec) -> P2:
        """A world direction as drawn (not scaled to length)."""
        x, y, _ = self.view_space(v)
        return (x, -y)

    def view_space(self, p: Vec) -> Vec:
        x, y, z = p
        if self.turn:
            t = math.radians(self.turn)
            x, z = x * math.cos(t) - z * math.sin(t), x * math.sin(t) + z * math.cos(t)
        if self.elevation and self.view != "top":
            e = math.radians(self.elevation)
            if self.view == "side":
                y, z = y * math.cos(e) - z * math.sin(e), y * math.sin(e) + z * math.cos(e)
            else:
                y, x = y * math.cos(e) - x * math.sin(e), y * math.sin(e) + x * math.cos(e)
        if self.view == "side":
            out = (x, y, z)
        elif self.view == "front":
            out = (-z, y, x)
        else:  # top: image up is away from the side view's camera
            out = (x, z, y)
            out = (out[0], -out[1], out[2])
        if self.mirror:
            out = (-out[0], out[1], out[2])
        return out


def camera_for(
    figure: Figure, view: View | None, turn: float | None, elevation: float | None, mirror: bool
) -> Camera:
    """A panel's camera: what the panel gives, else the figure's defaults."""
    return Camera(
        view=view or figure.view,
        turn=figure.turn if turn is None else turn,
        elevation=figure.elevation if elevation is None else elevation,
        mirror=mirror,
    )
