"""The checks a figure must pass to be drawn, each returning the problems it finds (empty
when the figure passes), located within the figure file.

Against the catalog: a fault names one of the assessment's compensations, every compensation
is shown once, a distance guide names a measure with a pass mark in centimetres or inches.
Against its own drawing: a labelled angle is seen at its true size, a plumb line is plumb, a
line is straight, a drawn distance passes its mark, a prop is placed by the points it allows.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from hipcore.errors import FieldPath, Problem
from hipcore.model import Assessment, Compensation, Measure
from site_plugins.figures import model
from site_plugins.figures.camera import P2, SCALE
from site_plugins.figures.geometry import off_line
from site_plugins.figures.labels import Arc
from site_plugins.figures.poses import HEIGHT_CM, Resolved, dofs_of
from site_plugins.figures.subjects import Subject

__all__ = [
    "ANGLE_TOLERANCE",
    "LINE_TOLERANCE",
    "PLUMB_TOLERANCE",
    "arc_problems",
    "distance_label",
    "fault_problems",
    "guide_problems",
    "missing_faults",
    "motion_problems",
    "posture_problems",
    "prop_problems",
]

ANGLE_TOLERANCE = 0.5
"""Degrees: a labelled angle must be drawn within this of the content's value."""
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


def prop_problems(figure: model.Figure, poses: Mapping[str, Resolved]) -> list[Problem]:
    problems: list[Problem] = []
    for pose in figure.poses:
        for j, prop in enumerate(pose.props or ()):
            low, high, allowed = _PROP_POINTS[prop.kind]
            where: FieldPath = ("poses", poses[pose.id].index, "props", j, "at")
            if not low <= len(prop.at) <= high:
                count = str(low) if low == high else f"{low} or {high}"
                noun = "point" if high == 1 else "points"
                problems.append(Problem(where, f"a {prop.kind} is placed by {count} {noun}"))
            for k, name in enumerate(prop.at):
                if allowed is not None and name not in allowed:
                    problems.append(
                        Problem(
                            (*where, k),
                            f"a {prop.kind} goes at one of: {', '.join(sorted(allowed))}",
                        )
                    )
    return problems


def posture_problems(start: Resolved, end: Resolved, where: FieldPath) -> list[Problem]:
    if start.posture == end.posture:
        return []
    return [
        Problem(
            where,
            f"'{end.id}' is {end.posture} but '{start.id}' is {start.posture}: a motion keeps "
            "its posture",
        )
    ]


def motion_problems(angle: model.Angle, where: FieldPath) -> list[Problem]:
    if angle.motion in dofs_of(angle.joint):
        return []
    allowed = ", ".join(dofs_of(angle.joint))
    return [
        Problem(
            (*where, "motion"), f"'{angle.joint}' has no '{angle.motion}' (it allows: {allowed})"
        )
    ]


def arc_problems(angle: model.Angle, arc: Arc, pose_id: str, where: FieldPath) -> list[Problem]:
    """A labelled angle is drawn only at its true size."""
    if angle.range_from is not None and not 0 <= angle.range_from < abs(arc.degrees):
        return [
            Problem(
                (*where, "range_from"),
                f"must be below the pose's angle ({abs(arc.degrees):g}°), the range's high end",
            )
        ]
    if abs(arc.degrees) < 1:
        return [
            Problem(where, f"'{angle.joint}' {angle.motion} is 0° in '{pose_id}': nothing to label")
        ]
    if abs(arc.drawn - abs(arc.degrees)) > ANGLE_TOLERANCE:
        return [
            Problem(
                where,
                f"'{angle.joint}' {angle.motion} is {abs(arc.degrees):g}° in "
                f"'{pose_id}' but would be drawn as {arc.drawn:.1f}° in this view: "
                "label an angle only where the movement faces the camera (try another view "
                "or 'turn')",
            )
        ]
    return []


def guide_problems(
    guide: model.Guide, drawn: Sequence[P2], pose_id: str, where: FieldPath
) -> list[Problem]:
    """A plumb line is plumb, a line is straight (a distance has its own check)."""
    if guide.kind == "plumb":
        apart = abs(drawn[0][0] - drawn[-1][0])
        if apart > PLUMB_TOLERANCE or drawn[0][1] >= drawn[-1][1]:
            return [
                Problem(
                    (*where, "points"),
                    f"'{guide.points[0]}' is not straight above '{guide.points[-1]}' in "
                    f"'{pose_id}': they are {apart / SCALE * HEIGHT_CM:.1f} cm apart",
                )
            ]
    elif guide.kind == "line":
        off = max(off_line(p, drawn[0], drawn[-1]) for p in drawn)
        if off > LINE_TOLERANCE:
            return [
                Problem(
                    (*where, "points"),
                    f"{', '.join(guide.points)} are not in a straight line in "
                    f"'{pose_id}': one is {off / SCALE * HEIGHT_CM:.1f} cm off it",
                )
            ]
    return []


def distance_label(
    measure: Measure | None, drawn: Sequence[P2], where: FieldPath
) -> tuple[str, list[Problem]]:
    """A distance guide's label (its measure's pass mark), and its problems: the measure must
    have a pass mark in centimetres or inches, and the gap drawn must pass it."""
    if measure is None or measure.pass_when is None:
        return "", [
            Problem(
                (*where, "measure"),
                "a distance guide names a measure of the assessment with a pass mark",
            )
        ]
    gap = math.dist(drawn[0], drawn[1]) / SCALE * HEIGHT_CM
    mark = measure.pass_when
    value = mark.value * (2.54 if mark.unit == "in" else 1.0)
    if mark.unit not in ("cm", "in"):
        return "", [Problem((*where, "measure"), f"'{measure.id}' is not a distance")]
    holds = {
        ">=": gap >= value,
        "<=": gap <= value,
        ">": gap > value,
        "<": gap < value,
    }[mark.comparator]
    label = f"{_COMPARATORS[mark.comparator]} {mark.value:g} {mark.unit}"
    if not holds:
        in_cm = f" ({value:.0f} cm)" if mark.unit == "in" else ""
        return "", [
            Problem(
                (*where, "points"),
                f"the gap drawn is {gap:.0f} cm, which fails the pass mark {label}{in_cm}: "
                "draw a pose that passes",
            )
        ]
    return label, []


def fault_problems(
    fault: model.Fault,
    figure_id: str,
    *,
    subject: Subject | None,
    compensations: Mapping[str, Compensation],
    shown: set[str],
    where: FieldPath,
) -> list[Problem]:
    """A fault shows one of the assessment's compensations, once."""
    if fault.compensation not in compensations:
        known = ", ".join(compensations) or "none"
        what = "the assessment" if isinstance(subject, Assessment) else "an exercise"
        return [
            Problem(
                (*where, "compensation"),
                f"'{fault.compensation}' is not a compensation of {what} "
                f"'{figure_id}' (its compensations: {known})",
            )
        ]
    if fault.compensation in shown:
        return [Problem((*where, "compensation"), f"'{fault.compensation}' is shown twice")]
    return []


def missing_faults(
    figure: model.Figure, compensations: Mapping[str, Compensation], shown: set[str]
) -> list[Problem]:
    """Every compensation the assessment checks is drawn."""
    return [
        Problem(
            ("faults",),
            f"draws no fault for the compensation '{compensation_id}' "
            f"({compensation.label}); every compensation the test checks is shown",
        )
        for compensation_id, compensation in compensations.items()
        if compensation_id not in shown
        and not any(f.compensation == compensation_id for f in figure.faults)
    ]
