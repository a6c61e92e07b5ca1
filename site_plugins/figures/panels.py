"""What a figure shows: its panels, each a posed body seen by a camera, with its labels.

A figure has a motion panel (start -> end, animated), a mirrored copy where the text says R or
L, still detail panels, and for an assessment one panel per compensation it checks: the fault
drawn over the correct position. Building the panels checks the figure against the catalog and
against its own drawing (an angle labelled must be seen at true size; a guide must hold), and
reports problems located in the figure's file.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from hipcore.errors import Problem
from hipcore.model import Assessment, Exercise, Measure
from site_plugins.figures import model
from site_plugins.figures.camera import SCALE, Camera
from site_plugins.figures.drawing import Arc, Line, arc_for, guide_lines
from site_plugins.figures.posing import (
    HEIGHT_CM,
    Placed,
    Resolved,
    dofs_of,
    interpolate,
    place,
    resolve_poses,
)

__all__ = ["ANGLE_TOLERANCE", "FRAMES", "TRAIL", "Panel", "Subject", "build_panels"]

Subject = Assessment | Exercise
Loc = tuple[str | int, ...]

ANGLE_TOLERANCE = 0.5
"""Degrees: a labelled angle must be drawn within this of the content's value."""
FRAMES = 4
"""Poses computed for the animation, evenly eased from start to end."""
TRAIL = 9
"""Poses an arrow follows, evenly from start to end."""
PLUMB_TOLERANCE = 1.0
"""Drawing units (1.75 cm) a plumb guide's points may stand apart."""
LINE_TOLERANCE = 1.5

_PARTS = frozenset(
    {"head", "neck", "thorax", "pelvis"}
    | {
        f"{p}_{s}"
        for p in ("upper_arm", "forearm", "thigh", "shank", "foot")
        for s in ("left", "right")
    }
)
_HANDS = frozenset({"hand_left", "hand_right", "wrist_left", "wrist_right"})
_PROP_POINTS: dict[str, tuple[int, int, frozenset[str] | None]] = {
    "mat": (0, 0, None),
    "bench": (1, 1, _PARTS | {"upper_back"}),
    "exercise_ball": (1, 1, _PARTS | {"upper_back"}),
    "kettlebell": (1, 2, _HANDS),
    "stick": (2, 2, None),
    "band": (2, 2, None),
    "chair": (1, 1, _HANDS),
    "glass": (1, 1, None),
}
"""How many points each prop is placed by (at least, at most), and which are allowed."""
_COMPARATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


@dataclass(frozen=True)
class Panel:
    """One picture."""

    id: str
    """The SVG element's id, unique on a page: 'hf-<subject>' and a suffix."""
    kind: Literal["motion", "detail", "fault"]
    title: str
    description: str
    caption: str
    camera: Camera
    still: Placed
    """The pose drawn solid, and shown when nothing moves (print, reduced motion)."""
    ghost: Placed | None
    """Drawn faintly behind: the start of a motion, or the correct position behind a fault."""
    frames: tuple[Placed, ...]
    """The animation, start to end (empty for a still panel)."""
    trail: tuple[Placed, ...]
    """Finer steps of the same movement, which the arrows follow."""
    arcs: tuple[Arc, ...]
    lines: tuple[Line, ...]
    arrows: tuple[str, ...]
    marks: tuple[str, ...]


def build_panels(
    figure: model.Figure, subject: Subject | None
) -> tuple[list[Panel], list[Problem]]:
    """The figure's panels; problems have paths within the figure file."""
    poses, problems = resolve_poses(figure)
    if problems:
        return [], problems
    builder = _Builder(figure, subject, poses)
    return builder.panels(), builder.problems


class _Builder:
    def __init__(
        self, figure: model.Figure, subject: Subject | None, poses: dict[str, Resolved]
    ) -> None:
        self.figure = figure
        self.subject = subject
        self.poses = poses
        self.problems: list[Problem] = []
        self.placed: dict[tuple[str, str | None], Placed | None] = {}
        self.between: dict[tuple[str, str, float, str | None], Placed] = {}
        self.name = subject.name if subject else figure.id

    # -- the panels --------------------------------------------------------------------------

    def panels(self) -> list[Panel]:
        figure = self.figure
        self._check_props()
        found: list[Panel] = []
        motion = self._motion(figure.motion, mirror=False)
        if motion is None:
            return []
        found.append(motion)
        if figure.mirror is not None:
            mirrored = self._motion(figure.motion, mirror=True)
            if mirrored is not None:
                found.append(mirrored)
        for i, detail in enumerate(figure.details):
            panel = self._detail(i, detail)
            if panel is not None:
                found.append(panel)
        found += self._faults()
        return found

    def _motion(self, motion: model.Motion, mirror: bool) -> Panel | None:
        where: Loc = ("motion",)
        start = self._pose(motion.start, (*where, "start"))
        end = self._pose(motion.end, (*where, "end"))
        if start is None or end is None:
            return None
        if start.posture != end.posture:
            self._add(
                (*where, "end"),
                f"'{end.id}' is {end.posture} but '{start.id}' is {start.posture}: a motion keeps "
                "its posture",
            )
            return None
        anchor = _shared_anchor(start, end)
        first = self._place(start, anchor)
        last = self._place(end, anchor)
        if first is None or last is None:
            return None
        camera = self._camera(motion.view, motion.turn, motion.elevation, mirror)
        frames = tuple(
            first if k == 0 else last if k == FRAMES - 1 else self._between(first, last, t, anchor)
            for k, t in enumerate(_eased(FRAMES))
        )
        steps = TRAIL if motion.arrows else 0
        trail = tuple(self._between(first, last, k / (steps - 1), anchor) for k in range(steps))
        arcs = self._arcs(motion.angles, (*where, "angles"), camera, last, {start.id: first})
        lines = self._guides(motion.guides, (*where, "guides"), camera, last, {start.id: first})
        mirror_text = self.figure.mirror
        caption = ""
        if mirror_text is not None:
            caption = mirror_text.mirrored if mirror else mirror_text.drawn
        elif isinstance(self.subject, Assessment):
            caption = "✓ Correct"
        suffix = "-mirror" if mirror else ""
        title = (
            f"{self.name}: {'the movement' if isinstance(self.subject, Exercise) else 'the test'}"
        )
        if caption and mirror_text is not None:
            title += f" ({caption.lower()})"
        return Panel(
            id=f"hf-{self.figure.id}{suffix}",
            kind="motion",
            title=title,
            description=self.figure.description,
            caption=caption,
            camera=camera,
            still=last,
            ghost=first,
            frames=frames,
            trail=trail,
            arcs=tuple(arcs),
            lines=tuple(lines),
            arrows=motion.arrows,
            marks=(),
        )

    def _detail(self, i: int, detail: model.Detail) -> Panel | None:
        where: Loc = ("details", i)
        pose = self._pose(detail.pose, (*where, "pose"))
        if pose is None:
            return None
        placed = self._place(pose, None)
        if placed is None:
            return None
        camera = self._camera(detail.view, detail.turn, detail.elevation, False)
        arcs = self._arcs(detail.angles, (*where, "angles"), camera, placed, {})
        lines = self._guides(detail.guides, (*where, "guides"), camera, placed, {})
        return Panel(
            id=f"hf-{self.figure.id}-d{i}",
            kind="detail",
            title=f"{self.name}: {detail.caption}",
            description=detail.caption,
            caption=detail.caption,
            camera=camera,
            still=placed,
            ghost=None,
            frames=(),
            trail=(),
            arcs=tuple(arcs),
            lines=tuple(lines),
            arrows=(),
            marks=(),
        )

    def _faults(self) -> list[Panel]:
        figure, subject = self.figure, self.subject
        compensations = (
            {c.id: c for c in subject.compensations} if isinstance(subject, Assessment) else {}
        )
        panels: list[Panel] = []
        shown: set[str] = set()
        for i, fault in enumerate(figure.faults):
            where: Loc = ("faults", i)
            compensation = compensations.get(fault.compensation)
            if compensation is None:
                known = ", ".join(compensations) or "none"
                what = "the assessment" if isinstance(subject, Assessment) else "an exercise"
                self._add(
                    (*where, "compensation"),
                    f"'{fault.compensation}' is not a compensation of {what} "
                    f"'{figure.id}' (its compensations: {known})",
                )
                continue
            if fault.compensation in shown:
                self._add((*where, "compensation"), f"'{fault.compensation}' is shown twice")
                continue
            shown.add(fault.compensation)
            pose = self._pose(fault.pose, (*where, "pose"))
            correct_id = fault.correct or figure.motion.end
            correct = self._pose(correct_id, (*where, "correct"))
            if pose is None or correct is None:
                continue
            anchor = _shared_anchor(correct, pose)
            placed = self._place(pose, anchor)
            ghost = self._place(correct, anchor)
            if placed is None or ghost is None:
                continue
            camera = self._camera(fault.view, fault.turn, fault.elevation, False)
            panels.append(
                Panel(
                    id=f"hf-{figure.id}-{fault.compensation}",
                    kind="fault",
                    title=f"{self.name}, fault: {compensation.label}",
                    description=compensation.looks_like,
                    caption=f"✗ {compensation.label}",
                    camera=camera,
                    still=placed,
                    ghost=ghost,
                    frames=(),
                    trail=(),
                    arcs=(),
                    lines=(),
                    arrows=(),
                    marks=fault.marks,
                )
            )
        for compensation_id, compensation in compensations.items():
            if compensation_id not in shown and not any(
                f.compensation == compensation_id for f in figure.faults
            ):
                self._add(
                    ("faults",),
                    f"draws no fault for the compensation '{compensation_id}' "
                    f"({compensation.label}); every compensation the test checks is shown",
                )
        return panels

    # -- labels ------------------------------------------------------------------------------

    def _arcs(
        self,
        angles: Sequence[model.Angle],
        where: Loc,
        camera: Camera,
        still: Placed,
        others: dict[str, Placed],
    ) -> list[Arc]:
        arcs: list[Arc] = []
        for i, angle in enumerate(angles):
            if angle.motion not in dofs_of(angle.joint):
                allowed = ", ".join(dofs_of(angle.joint))
                self._add(
                    (*where, i, "motion"),
                    f"'{angle.joint}' has no '{angle.motion}' (it allows: {allowed})",
                )
                continue
            placed = self._on(angle.pose, still, others, (*where, i, "pose"))
            if placed is None:
                continue
            arc = arc_for(placed, camera, angle.joint, angle.motion, angle.range_from)
            if angle.range_from is not None and not 0 <= angle.range_from < abs(arc.degrees):
                self._add(
                    (*where, i, "range_from"),
                    f"must be below the pose's angle ({abs(arc.degrees):g}°), the range's high end",
                )
                continue
            if abs(arc.degrees) < 1:
                self._add(
                    (*where, i),
                    f"'{angle.joint}' {angle.motion} is 0° in '{placed.pose.id}': nothing to label",
                )
                continue
            if abs(arc.drawn - abs(arc.degrees)) > ANGLE_TOLERANCE:
                self._add(
                    (*where, i),
                    f"'{angle.joint}' {angle.motion} is {abs(arc.degrees):g}° in "
                    f"'{placed.pose.id}' but would be drawn as {arc.drawn:.1f}° in this view: "
                    "label an angle only where the movement faces the camera (try another view "
                    "or 'turn')",
                )
                continue
            arcs.append(arc)
        return arcs

    def _guides(
        self,
        guides: Sequence[model.Guide],
        where: Loc,
        camera: Camera,
        still: Placed,
        others: dict[str, Placed],
    ) -> list[Line]:
        lines: list[Line] = []
        for i, guide in enumerate(guides):
            placed = self._on(guide.pose, still, others, (*where, i, "pose"))
            if placed is None:
                continue
            drawn = [camera.project(placed.body.points[p]) for p in guide.points]
            label = ""
            if guide.kind == "plumb":
                apart = abs(drawn[0][0] - drawn[-1][0])
                if apart > PLUMB_TOLERANCE or drawn[0][1] >= drawn[-1][1]:
                    self._add(
                        (*where, i, "points"),
                        f"'{guide.points[0]}' is not straight above '{guide.points[-1]}' in "
                        f"'{placed.pose.id}': they are {apart / SCALE * HEIGHT_CM:.1f} cm apart",
                    )
                    continue
            elif guide.kind == "line":
                off = max(_off_line(p, drawn[0], drawn[-1]) for p in drawn)
                if off > LINE_TOLERANCE:
                    self._add(
                        (*where, i, "points"),
                        f"{', '.join(guide.points)} are not in a straight line in "
                        f"'{placed.pose.id}': one is {off / SCALE * HEIGHT_CM:.1f} cm off it",
                    )
                    continue
            else:
                text = self._distance_label(guide, (*where, i), drawn)
                if text is None:
                    continue
                label = text
            lines.append(guide_lines(guide.kind, placed, camera, guide.points, label))
        return lines

    def _distance_label(
        self, guide: model.Guide, where: Loc, drawn: list[tuple[float, float]]
    ) -> str | None:
        measure = self._measure(guide.measure)
        if measure is None or measure.pass_when is None:
            self._add(
                (*where, "measure"),
                "a distance guide names a measure of the assessment with a pass mark",
            )
            return None
        gap = math.dist(drawn[0], drawn[1]) / SCALE * HEIGHT_CM
        mark = measure.pass_when
        value = mark.value * (2.54 if mark.unit == "in" else 1.0)
        if mark.unit not in ("cm", "in"):
            self._add((*where, "measure"), f"'{measure.id}' is not a distance")
            return None
        holds = {
            ">=": gap >= value,
            "<=": gap <= value,
            ">": gap > value,
            "<": gap < value,
        }[mark.comparator]
        label = f"{_COMPARATORS[mark.comparator]} {mark.value:g} {mark.unit}"
        if not holds:
            in_cm = f" ({value:.0f} cm)" if mark.unit == "in" else ""
            self._add(
                (*where, "points"),
                f"the gap drawn is {gap:.0f} cm, which fails the pass mark {label}{in_cm}: "
                "draw a pose that passes",
            )
            return None
        return label

    def _measure(self, measure_id: str | None) -> Measure | None:
        if not isinstance(self.subject, Assessment) or measure_id is None:
            return None
        return next((m for m in self.subject.measures if m.id == measure_id), None)

    # -- poses -------------------------------------------------------------------------------

    def _check_props(self) -> None:
        for pose in self.figure.poses:
            for j, prop in enumerate(pose.props or ()):
                low, high, allowed = _PROP_POINTS[prop.kind]
                where: Loc = ("poses", self.poses[pose.id].index, "props", j, "at")
                if not low <= len(prop.at) <= high:
                    count = str(low) if low == high else f"{low} or {high}"
                    noun = "point" if high == 1 else "points"
                    self._add(where, f"a {prop.kind} is placed by {count} {noun}")
                for k, name in enumerate(prop.at):
                    if allowed is not None and name not in allowed:
                        self._add(
                            (*where, k),
                            f"a {prop.kind} goes at one of: {', '.join(sorted(allowed))}",
                        )

    def _pose(self, pose_id: str, where: Loc) -> Resolved | None:
        pose = self.poses.get(pose_id)
        if pose is None:
            self._add(
                where,
                f"names the pose '{pose_id}', which this figure does not have "
                f"({', '.join(self.poses)})",
            )
        return pose

    def _on(
        self, pose_id: str | None, still: Placed, others: dict[str, Placed], where: Loc
    ) -> Placed | None:
        if pose_id is None or pose_id == still.pose.id:
            return still
        if pose_id in others:
            return others[pose_id]
        pose = self._pose(pose_id, where)
        return None if pose is None else self._place(pose, None)

    def _place(self, pose: Resolved, anchor: str | None) -> Placed | None:
        key = (pose.id, anchor)
        if key not in self.placed:
            placed, problems = place(pose, anchor)
            for loc, message in problems:
                self._add(("poses", pose.index, *loc), message)
            self.placed[key] = None if problems else placed
        return self.placed[key]

    def _between(self, first: Placed, last: Placed, t: float, anchor: str | None) -> Placed:
        """An in-between body, solved once: the frames fall on the trail's steps (to within
        rounding: the eased 1/4 is 0.2499...), and a mirrored panel shows the same bodies."""
        key = (first.pose.id, last.pose.id, round(t, 9), anchor)
        if key not in self.between:
            self.between[key] = interpolate(first, last, t, anchor)
        return self.between[key]

    def _camera(
        self,
        view: model.View | None,
        turn: float | None,
        elevation: float | None,
        mirror: bool,
    ) -> Camera:
        return Camera(
            view=view or self.figure.view,
            turn=self.figure.turn if turn is None else turn,
            elevation=self.figure.elevation if elevation is None else elevation,
            mirror=mirror,
        )

    def _add(self, where: Loc, message: str) -> None:
        problem = Problem(where, message)
        if problem not in self.problems:
            self.problems.append(problem)


def _shared_anchor(a: Resolved, b: Resolved) -> str | None:
    """The first part resting in both poses: it stays put when the body moves."""
    other = {c[0] for c in a.contacts()}
    return next((c[0] for c in b.contacts() if c[0] in other), None)


def _eased(n: int) -> list[float]:
    return [(1 - math.cos(math.pi * k / (n - 1))) / 2 for k in range(n)]


def _off_line(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    return abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / length
