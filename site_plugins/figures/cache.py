"""Bodies remembered while one figure's panels are built: each pose placed once per anchor,
each in-between body solved once (the frames fall on the trail's steps, to within rounding:
the eased 1/4 is 0.2499..., and a mirrored panel shows the same bodies).

The other caches, for a newcomer chasing stale output: the floor solver's (``floor._solve``,
bodies shared by figures that show the same pose), each figure's panels
(``catalog.panels_of``: the build checks them, then draws them) and each page block
(``blocks.figure_block``). All live for one process.
"""

from __future__ import annotations

from hipcore.errors import Problem
from site_plugins.figures.floor import Placed, interpolate, place
from site_plugins.figures.poses import Resolved

__all__ = ["Bodies"]


class Bodies:
    def __init__(self) -> None:
        self._placed: dict[tuple[str, str | None], tuple[Placed | None, list[Problem]]] = {}
        self._between: dict[tuple[str, str, float, str | None], Placed] = {}

    def place(self, pose: Resolved, anchor: str | None) -> tuple[Placed | None, list[Problem]]:
        """The pose at rest (``None`` if it cannot rest as written), and its problems with
        paths within the figure file."""
        key = (pose.id, anchor)
        if key not in self._placed:
            placed, found = place(pose, anchor)
            problems = [p.under("poses", pose.index) for p in found]
            self._placed[key] = (None if problems else placed, problems)
        return self._placed[key]

    def between(self, first: Placed, last: Placed, t: float, anchor: str | None) -> Placed:
        key = (first.pose.id, last.pose.id, round(t, 9), anchor)
        if key not in self._between:
            self._between[key] = interpolate(first, last, t, anchor)
        return self._between[key]
