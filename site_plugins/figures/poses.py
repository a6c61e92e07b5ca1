"""A pose as the content gives it, made whole: what it leaves out taken from the pose it is
``like``, every joint angle filled in (a named side wins over the plural), and the parts it
rests on listed with the height of what they rest on. Problems (an unknown pose, a loop, a
pose with no posture) are located within the figure file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from hipcore.errors import FieldPath, Problem
from site_plugins.figures import model
from site_plugins.figures.skeleton import DOFS

__all__ = [
    "ALL_ANGLES",
    "BALL_DIAMETER",
    "BENCH_HEIGHT",
    "HEIGHT_CM",
    "SUPPORT_HEIGHTS",
    "Resolved",
    "dofs_of",
    "resolve_poses",
]

HEIGHT_CM = 175.0
"""The body height the figures are drawn for; centimetres in messages and labels use it."""
BENCH_HEIGHT = 0.25
"""A training bench, about 44 cm."""
BALL_DIAMETER = 0.37
"""A 65 cm exercise ball."""

SUPPORT_HEIGHTS = {"bench": BENCH_HEIGHT, "exercise_ball": BALL_DIAMETER}


@dataclass(frozen=True)
class Resolved:
    """A pose with everything inherited filled in."""

    id: str
    index: int
    """Its position in the file's ``poses``, for error locations."""
    posture: model.Posture
    ground: tuple[model.Part, ...]
    tilt: float | None
    angles: dict[str, float]
    """'hip_left.flexion' -> degrees; every motion of every joint, 0 if never given."""
    props: tuple[model.Prop, ...]
    own: dict[str, FieldPath] = field(default_factory=dict)
    """Angles this pose sets itself -> where, within the pose ('joints', 'hips', 'flexion')."""

    @property
    def flat_feet(self) -> tuple[str, ...]:
        return tuple(p.removeprefix("sole_") for p in self.ground if p.startswith("sole_"))

    def contacts(self) -> list[tuple[str, float, FieldPath]]:
        """(part, height of what it rests on, where it is said) for every resting part."""
        found: list[tuple[str, float, FieldPath]] = [
            (part, 0.0, ("ground", i)) for i, part in enumerate(self.ground)
        ]
        for i, prop in enumerate(self.props):
            if prop.kind in SUPPORT_HEIGHTS and prop.at:
                found.append((prop.at[0], SUPPORT_HEIGHTS[prop.kind], ("props", i, "at", 0)))
        return found


JOINT_NAMES: tuple[str, ...] = (
    "pelvis", "lumbar", "neck",
    "shoulder_left", "shoulder_right", "elbow_left", "elbow_right",
    "hip_left", "hip_right", "knee_left", "knee_right", "ankle_left", "ankle_right",
)  # fmt: skip
ALL_ANGLES: tuple[str, ...] = tuple(
    f"{joint}.{motion}" for joint in JOINT_NAMES for motion in DOFS[joint.split("_")[0]]
)
_PLURAL = {
    "shoulders": "shoulder", "elbows": "elbow", "hips": "hip", "knees": "knee", "ankles": "ankle",
}  # fmt: skip


def dofs_of(joint: str) -> tuple[str, ...]:
    return DOFS[joint.split("_", maxsplit=1)[0]]


def resolve_poses(figure: model.Figure) -> tuple[dict[str, Resolved], list[Problem]]:
    """Every pose of the figure with its inheritance resolved; problems are located within
    the figure file (paths start with 'poses')."""
    problems: list[Problem] = []
    by_id: dict[str, tuple[int, model.Pose]] = {}
    for i, pose in enumerate(figure.poses):
        if pose.id in by_id:
            first = by_id[pose.id][0]
            problems.append(
                Problem(("poses", i, "id"), f"'{pose.id}' is already a pose (poses[{first}])")
            )
        else:
            by_id[pose.id] = (i, pose)
    resolved: dict[str, Resolved] = {}

    def get(pose_id: str, chain: tuple[str, ...]) -> Resolved | None:
        if pose_id in resolved:
            return resolved[pose_id]
        index, pose = by_id[pose_id]
        parent: Resolved | None = None
        if pose.like is not None:
            if pose.like not in by_id:
                problems.append(Problem(("poses", index, "like"), _unknown_pose(pose.like, by_id)))
                return None
            if pose.like in chain:
                loop = " -> ".join((*chain, pose_id, pose.like))
                problems.append(Problem(("poses", index, "like"), f"poses form a loop: {loop}"))
                return None
            parent = get(pose.like, (*chain, pose_id))
            if parent is None:
                return None
        posture = pose.posture or (parent.posture if parent else None)
        ground = pose.ground if pose.ground is not None else (parent.ground if parent else None)
        if posture is None or ground is None:
            missing = "posture" if posture is None else "ground"
            problems.append(
                Problem(("poses", index), f"needs '{missing}' (or 'like' a pose that has it)")
            )
            return None
        if not ground and not any(p.kind in SUPPORT_HEIGHTS for p in pose.props or ()):
            problems.append(Problem(("poses", index, "ground"), "needs at least one part"))
            return None
        tilt = pose.tilt if pose.tilt is not None else (parent.tilt if parent else None)
        props = pose.props if pose.props is not None else (parent.props if parent else ())
        angles = dict(parent.angles) if parent else dict.fromkeys(ALL_ANGLES, 0.0)
        own = _own_angles(pose.joints)
        angles.update({name: value for name, (value, _) in own.items()})
        result = Resolved(
            id=pose_id,
            index=index,
            posture=posture,
            ground=ground,
            tilt=tilt,
            angles=angles,
            props=props,
            own={name: loc for name, (_, loc) in own.items()},
        )
        resolved[pose_id] = result
        return result

    for pose_id in by_id:
        get(pose_id, ())
    return resolved, problems


def _own_angles(joints: model.Joints) -> dict[str, tuple[float, FieldPath]]:
    """The angles a pose gives itself; a named side wins over the plural."""
    own: dict[str, tuple[float, FieldPath]] = {}
    for f in fields(joints):
        value = getattr(joints, f.name)
        if value is None or f.name not in _PLURAL:
            continue
        for side in ("left", "right"):
            _take(own, f"{_PLURAL[f.name]}_{side}", value, ("joints", f.name))
    for f in fields(joints):
        value = getattr(joints, f.name)
        if value is not None and f.name not in _PLURAL:
            _take(own, f.name, value, ("joints", f.name))
    return own


def _take(
    into: dict[str, tuple[float, FieldPath]], joint: str, value: object, loc: FieldPath
) -> None:
    for f in fields(value):  # type: ignore[arg-type]
        degrees = getattr(value, f.name)
        if degrees is not None:
            into[f"{joint}.{f.name}"] = (float(degrees), (*loc, f.name))


def _unknown_pose(name: str, known: Mapping[str, object]) -> str:
    return f"names the pose '{name}', which this figure does not have ({', '.join(known)})"
