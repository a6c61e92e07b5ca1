"""What a figure shows: its panels, each a posed body seen by a camera, with its labels.

A figure has a motion panel (start -> end, animated), a mirrored copy where the text says R or
L, still detail panels, and for an assessment one panel per compensation it checks: the fault
drawn over the correct position. Assembling them runs the figure's ``checks`` and collects
their problems, located in the figure's file; a panel that fails a check is left out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from hipcore.errors import FieldPath, Problem
from hipcore.model import Assessment, Exercise, Measure
from site_plugins.figures import checks, model
from site_plugins.figures.cache import Bodies
from site_plugins.figures.camera import Camera, camera_for
from site_plugins.figures.floor import Placed
from site_plugins.figures.labels import Arc, Line, arc_for, guide_lines
from site_plugins.figures.poses import Resolved, resolve_poses
from site_plugins.figures.subjects import Subject

__all__ = ["FRAMES", "TRAIL", "Panel", "build_panels"]

FRAMES = 4
"""Poses computed for the animation, evenly eased from start to end."""
TRAIL = 9
"""Poses an arrow follows, evenly from start to end."""


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
        self.bodies = Bodies()
        self.name = subject.name if subject else figure.id

    def panels(self) -> list[Panel]:
        figure = self.figure
        self._report(checks.prop_problems(figure, self.poses))
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
        where: FieldPath = ("motion",)
        start = self._pose(motion.start, (*where, "start"))
        end = self._pose(motion.end, (*where, "end"))
        if start is None or end is None:
            return None
        if self._report(checks.posture_problems(start, end, (*where, "end"))):
            return None
        anchor = _shared_anchor(start, end)
        first = self._place(start, anchor)
        last = self._place(end, anchor)
        if first is None or last is None:
            return None
        camera = camera_for(self.figure, motion.view, motion.turn, motion.elevation, mirror)
        between = self.bodies.between
        frames = tuple(
            first if k == 0 else last if k == FRAMES - 1 else between(first, last, t, anchor)
            for k, t in enumerate(_eased(FRAMES))
        )
        steps = TRAIL if motion.arrows else 0
        trail = tuple(between(first, last, k / (steps - 1), anchor) for k in range(steps))
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
        where: FieldPath = ("details", i)
        pose = self._pose(detail.pose, (*where, "pose"))
        if pose is None:
            return None
        placed = self._place(pose, None)
        if placed is None:
            return None
        camera = camera_for(self.figure, detail.view, detail.turn, detail.elevation, False)
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
            where: FieldPath = ("faults", i)
            found = checks.fault_problems(
                fault,
                figure.id,
                subject=subject,
                compensations=compensations,
                shown=shown,
                where=where,
            )
            if self._report(found):
                continue
            compensation = compensations[fault.compensation]
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
            camera = camera_for(figure, fault.view, fault.turn, fault.elevation, False)
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
        self._report(checks.missing_faults(figure, compensations, shown))
        return panels

    def _arcs(
        self,
        angles: Sequence[model.Angle],
        where: FieldPath,
        camera: Camera,
        still: Placed,
        others: dict[str, Placed],
    ) -> list[Arc]:
        arcs: list[Arc] = []
        for i, angle in enumerate(angles):
            if self._report(checks.motion_problems(angle, (*where, i))):
                continue
            placed = self._on(angle.pose, still, others, (*where, i, "pose"))
            if placed is None:
                continue
            arc = arc_for(placed, camera, angle.joint, angle.motion, angle.range_from)
            if not self._report(checks.arc_problems(angle, arc, placed.pose.id, (*where, i))):
                arcs.append(arc)
        return arcs

    def _guides(
        self,
        guides: Sequence[model.Guide],
        where: FieldPath,
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
            if self._report(checks.guide_problems(guide, drawn, placed.pose.id, (*where, i))):
                continue
            label = ""
            if guide.kind == "distance":
                measure = self._measure(guide.measure)
                label, found = checks.distance_label(measure, drawn, (*where, i))
                if self._report(found):
                    continue
            lines.append(guide_lines(guide.kind, placed, camera, guide.points, label))
        return lines

    def _measure(self, measure_id: str | None) -> Measure | None:
        if not isinstance(self.subject, Assessment) or measure_id is None:
            return None
        return next((m for m in self.subject.measures if m.id == measure_id), None)

    def _pose(self, pose_id: str, where: FieldPath) -> Resolved | None:
        pose = self.poses.get(pose_id)
        if pose is None:
            self._add(
                where,
                f"names the pose '{pose_id}', which this figure does not have "
                f"({', '.join(self.poses)})",
            )
        return pose

    def _on(
        self, pose_id: str | None, still: Placed, others: dict[str, Placed], where: FieldPath
    ) -> Placed | None:
        if pose_id is None or pose_id == still.pose.id:
            return still
        if pose_id in others:
            return others[pose_id]
        pose = self._pose(pose_id, where)
        return None if pose is None else self._place(pose, None)

    def _place(self, pose: Resolved, anchor: str | None) -> Placed | None:
        placed, problems = self.bodies.place(pose, anchor)
        self._report(problems)
        return placed

    def _report(self, problems: Sequence[Problem]) -> bool:
        """Collect the problems of a check; true if there were any."""
        for problem in problems:
            self._add(problem.path, problem.message)
        return bool(problems)

    def _add(self, where: FieldPath, message: str) -> None:
        problem = Problem(where, message)
        if problem not in self.problems:
            self.problems.append(problem)


def _shared_anchor(a: Resolved, b: Resolved) -> str | None:
    """The first part resting in both poses: it stays put when the body moves."""
    other = {c[0] for c in a.contacts()}
    return next((c[0] for c in b.contacts() if c[0] in other), None)


def _eased(n: int) -> list[float]:
    return [(1 - math.cos(math.pi * k / (n - 1))) / 2 for k in range(n)]
