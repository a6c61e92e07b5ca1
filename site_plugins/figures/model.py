"""The figure content model: poses of a simple human skeleton, and how to picture them.

One file per assessment or exercise, ``content/figures/<id>.yaml``, validated by the same loader
as the rest of the content (pydantic ``TypeAdapter``, strict, unknown fields refused). Joint
angles are in degrees from the anatomical position (standing, arms by the sides, palms
forward); each joint allows its own motions, each within a human range of motion (after the
AAOS norms, widened a little for stretches), so a misspelt joint or an impossible angle stops
the build with the file, line and field.

Field documentation is the string under each field; the JSON Schema for editors is generated
from these classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from hipcore.constraints import Length, Range
from hipcore.model import Id, Text

__all__ = [
    "Angle",
    "AngleMotion",
    "Ankle",
    "Detail",
    "Elbow",
    "Fault",
    "Figure",
    "Guide",
    "Hip",
    "JointName",
    "Joints",
    "Knee",
    "Mirror",
    "Motion",
    "Neck",
    "Part",
    "Pelvis",
    "Point",
    "Pose",
    "Posture",
    "Prop",
    "PropKind",
    "Shoulder",
    "Spine",
    "View",
]

View = Literal["side", "front", "top"]
"""Where the camera is. ``side``: level with the floor, at the body's right when standing
(lying figures have the head to the left); ``front``: level with the floor, facing a standing
body; ``top``: looking down at the floor."""

Posture = Literal["standing", "supine", "prone", "on_right_side", "on_left_side"]
"""How the pelvis sits before any joint angle: upright facing right, or lying head to the left
on the back, on the front, or on the right side (facing the camera); on the left side the head
is to the right, so that the body still faces the camera."""

Part = Literal[
    "head", "neck", "thorax", "pelvis",
    "upper_arm_left", "upper_arm_right", "forearm_left", "forearm_right",
    "thigh_left", "thigh_right", "shank_left", "shank_right",
    "foot_left", "foot_right", "sole_left", "sole_right", "toes_left", "toes_right",
]  # fmt: skip
"""A body part that can rest on the floor or a prop. ``foot_*``: some of the foot touches
(the heel, lying on the back); ``sole_*``: the sole lies flat on the floor, which sets the
ankle's angle; ``toes_*``: only the toes touch."""

Point = Literal[
    "head", "neck", "chest", "waist", "pelvis", "belly", "upper_back",
    "shoulder_left", "shoulder_right", "elbow_left", "elbow_right",
    "wrist_left", "wrist_right", "hand_left", "hand_right",
    "hip_left", "hip_right", "buttock_left", "buttock_right",
    "knee_left", "knee_right", "ankle_left", "ankle_right",
    "heel_left", "heel_right", "toe_left", "toe_right",
    "thorax", "upper_arm_left", "upper_arm_right", "forearm_left", "forearm_right",
    "thigh_left", "thigh_right", "shank_left", "shank_right", "foot_left", "foot_right",
]  # fmt: skip
"""A landmark: a joint centre, a surface point (``buttock_*``: the back of the pelvis on that
side; ``belly``: the front of the lower trunk; ``upper_back``: between the shoulder blades), or
a segment's midpoint (``thigh_left``)."""

PropKind = Literal["mat", "bench", "exercise_ball", "kettlebell", "stick", "band", "chair", "glass"]
"""Props: the floor is always drawn; ``glass`` is the glass of water on the stomach."""

JointName = Literal[
    "pelvis", "lumbar", "neck",
    "shoulder_left", "shoulder_right", "elbow_left", "elbow_right",
    "hip_left", "hip_right", "knee_left", "knee_right", "ankle_left", "ankle_right",
]  # fmt: skip

AngleMotion = Literal[
    "flexion",
    "abduction",
    "rotation",
    "opening",
    "dorsiflexion",
    "tilt",
    "obliquity",
    "side_bend",
]

# Each motion has its own inclusive range in degrees: its human range of motion.
HipFlexion = Annotated[float, Range(ge=-30, le=140)]
HipAbduction = Annotated[float, Range(ge=-30, le=50)]
HipRotation = Annotated[float, Range(ge=-60, le=50)]
HipOpening = Annotated[float, Range(ge=0, le=90)]
KneeFlexion = Annotated[float, Range(ge=0, le=160)]
AnkleDorsiflexion = Annotated[float, Range(ge=-55, le=35)]
ShoulderFlexion = Annotated[float, Range(ge=-60, le=180)]
ShoulderAbduction = Annotated[float, Range(ge=-30, le=180)]
ShoulderRotation = Annotated[float, Range(ge=-90, le=90)]
ElbowFlexion = Annotated[float, Range(ge=0, le=150)]
SpineFlexion = Annotated[float, Range(ge=-35, le=80)]
SpineSideBend = Annotated[float, Range(ge=-40, le=40)]
SpineRotation = Annotated[float, Range(ge=-45, le=45)]
NeckFlexion = Annotated[float, Range(ge=-60, le=70)]
PelvisTilt = Annotated[float, Range(ge=-30, le=30)]
PelvisRotation = Annotated[float, Range(ge=-45, le=45)]


@dataclass(frozen=True)
class Hip:
    """The thigh relative to the pelvis."""

    flexion: HipFlexion | None = None
    """Thigh forward (+) or, as extension, behind the body (−)."""
    abduction: HipAbduction | None = None
    """Thigh out to the side (+) or across the midline (−)."""
    rotation: HipRotation | None = None
    """Internal (+) or external (−) rotation about the thigh's long axis."""
    opening: HipOpening | None = None
    """The clamshell: the whole leg turns about the line from the hip joint to the ankle, so
    the foot stays where it is and the knee swings away from the midline (+). 0 is knees
    together; 90 points the knee straight up when lying on the side."""


@dataclass(frozen=True)
class Knee:
    flexion: KneeFlexion | None = None
    """Bending (0 is straight)."""


@dataclass(frozen=True)
class Ankle:
    dorsiflexion: AnkleDorsiflexion | None = None
    """Toes up (+) or pointed (−, plantarflexion). A foot flat on the floor sets its own."""


@dataclass(frozen=True)
class Shoulder:
    """The upper arm relative to the chest."""

    flexion: ShoulderFlexion | None = None
    """Arm forward and up (+; 180 is overhead) or behind the body (−)."""
    abduction: ShoulderAbduction | None = None
    """Arm out to the side (+)."""
    rotation: ShoulderRotation | None = None
    """Internal (+) or external (−) rotation about the upper arm's long axis."""


@dataclass(frozen=True)
class Elbow:
    flexion: ElbowFlexion | None = None
    """Bending (0 is straight)."""


@dataclass(frozen=True)
class Spine:
    """The chest relative to the pelvis, bending at the waist."""

    flexion: SpineFlexion | None = None
    """Bending forward (+) or arching back (−, extension)."""
    side_bend: SpineSideBend | None = None
    """Bending towards the right (+) or left (−)."""
    rotation: SpineRotation | None = None
    """Turning the chest to the right (+) or left (−)."""


@dataclass(frozen=True)
class Neck:
    flexion: NeckFlexion | None = None
    """Chin towards the chest (+) or head back (−)."""


@dataclass(frozen=True)
class Pelvis:
    """The pelvis relative to its posture."""

    tilt: PelvisTilt | None = None
    """Anterior (+, the top of the pelvis forward) or posterior (−, 'tucking the tail')."""
    obliquity: PelvisTilt | None = None
    """The right hip higher (+) or lower (−) than the left, in the body's frame."""
    rotation: PelvisRotation | None = None
    """Turning to the right (+) or left (−) about the body's long axis."""


@dataclass(frozen=True)
class Joints:
    """Joint angles of one pose; a joint not given keeps the value of the pose it is ``like``
    (or 0). The plural names set both sides; a named side wins over the plural."""

    pelvis: Pelvis | None = None
    """The pelvis, turned from its posture."""
    lumbar: Spine | None = None
    """The chest on the pelvis (the waist)."""
    neck: Neck | None = None
    """The head on the chest."""
    shoulders: Shoulder | None = None
    """Both shoulders."""
    shoulder_left: Shoulder | None = None
    """The left shoulder."""
    shoulder_right: Shoulder | None = None
    """The right shoulder."""
    elbows: Elbow | None = None
    """Both elbows."""
    elbow_left: Elbow | None = None
    """The left elbow."""
    elbow_right: Elbow | None = None
    """The right elbow."""
    hips: Hip | None = None
    """Both hips."""
    hip_left: Hip | None = None
    """The left hip."""
    hip_right: Hip | None = None
    """The right hip."""
    knees: Knee | None = None
    """Both knees."""
    knee_left: Knee | None = None
    """The left knee."""
    knee_right: Knee | None = None
    """The right knee."""
    ankles: Ankle | None = None
    """Both ankles."""
    ankle_left: Ankle | None = None
    """The left ankle."""
    ankle_right: Ankle | None = None
    """The right ankle."""


@dataclass(frozen=True)
class Prop:
    """Equipment in the picture, placed from body landmarks."""

    kind: PropKind
    """What it is."""
    at: tuple[Point, ...] = ()
    """Where: ``bench`` and ``exercise_ball``: the part resting on it (one; or 'upper_back',
    the shoulder blades on a bench); ``kettlebell``:
    the hand or hands holding it; ``stick``: two points it runs along, behind the back;
    ``band``: the two points it loops around; ``chair``: the hand on its back; ``glass``: the
    point of the trunk it stands on; ``mat``: nothing (it lies under the body)."""


@dataclass(frozen=True)
class Pose:
    """A keyframe: the posture, the joint angles, and what rests on the floor."""

    id: Id
    """The pose's name within the figure, e.g. 'start', 'end', 'back_arches'."""
    like: Id | None = None
    """Start from this pose of the same figure; fields given here replace its values."""
    posture: Posture | None = None
    """How the body lies or stands before any joint angle."""
    ground: tuple[Part, ...] | None = None
    """Parts resting on the floor. The body is placed so that they touch it and nothing goes
    below it."""
    tilt: Annotated[float, Range(ge=-90, le=90)] | None = None
    """Turn the whole body in the picture plane (degrees, counter-clockwise). Left out, it is
    worked out from the ground: the body rocks until every grounded part touches."""
    joints: Joints = Joints()
    """The joint angles (degrees)."""
    props: tuple[Prop, ...] | None = None
    """Equipment in the picture; a bench or ball carries the part placed on it."""


@dataclass(frozen=True)
class Angle:
    """An arc at a joint, labelled with the angle the content gives, drawn to scale. The
    motion must lie in the picture's plane (the build checks it)."""

    joint: JointName
    """The joint whose angle is labelled."""
    motion: AngleMotion
    """Which of its motions (e.g. 'flexion'); the label is the pose's value."""
    pose: Id | None = None
    """The pose it is measured on; by default the one the panel shows still."""
    range_from: Annotated[float, Range(ge=0, le=180)] | None = None
    """Where the text gives a range ('15–20°'), its low end: the arc is drawn to the pose's
    angle (the high end), a tick marks the low end, and the label names both."""


@dataclass(frozen=True)
class Guide:
    """A dashed construction line that makes a rule of the text visible, checked by the build:
    ``plumb``: the first point is straight above the second ('the knee over the ankle');
    ``line``: the points lie on one straight line ('knees, hips and shoulders');
    ``distance``: the gap between two points, labelled with a measure's pass mark."""

    kind: Literal["plumb", "line", "distance"]
    """Which rule: 'plumb', 'line' or 'distance'."""
    points: Annotated[tuple[Point, ...], Length(2)]
    """The landmarks it joins, in order."""
    measure: Id | None = None
    """``distance`` only: the assessment's measure whose pass mark labels the gap."""
    pose: Id | None = None
    """The pose it is drawn on; by default the one the panel shows still."""


@dataclass(frozen=True)
class Motion:
    """The main picture: the body moves from one pose to another (and back), with the first
    pose drawn faintly behind it; the last pose is what prints and what shows with reduced
    motion."""

    start: Id
    """The pose it moves from (drawn faintly behind)."""
    end: Id
    """The pose it moves to: the position to hold or reach."""
    view: View | None = None
    """By default the figure's view."""
    turn: Annotated[float, Range(ge=-90, le=90)] | None = None
    """Turn the camera about the vertical (degrees); by default the figure's."""
    elevation: Annotated[float, Range(ge=0, le=90)] | None = None
    """Raise the camera (degrees above the floor, looking down); by default the figure's."""
    angles: tuple[Angle, ...] = ()
    """Angles labelled with their degrees, drawn to scale."""
    arrows: tuple[Point, ...] = ()
    """Landmarks whose path from start to end is drawn as an arrow."""
    guides: tuple[Guide, ...] = ()
    """Construction lines that show a rule of the text."""


@dataclass(frozen=True)
class Detail:
    """A still picture beside the motion: another view, or a variant with other props."""

    pose: Id
    """The pose shown."""
    caption: Text
    """What it shows, under the picture, e.g. 'Set-up, seen from above'."""
    view: View | None = None
    """By default the figure's view."""
    turn: Annotated[float, Range(ge=-90, le=90)] | None = None
    """Turn the camera about the vertical (degrees); by default the figure's."""
    elevation: Annotated[float, Range(ge=0, le=90)] | None = None
    """Raise the camera (degrees above the floor, looking down); by default the figure's."""
    angles: tuple[Angle, ...] = ()
    """Angles labelled with their degrees, drawn to scale."""
    guides: tuple[Guide, ...] = ()
    """Construction lines that show a rule of the text."""


@dataclass(frozen=True)
class Fault:
    """A compensation of the assessment, drawn over the correct position (shown faintly)."""

    compensation: Id
    """The id of one of the assessment's compensations; its label is the caption."""
    pose: Id
    """The pose with the fault."""
    correct: Id | None = None
    """The correct pose drawn faintly behind; by default the motion's end."""
    marks: Annotated[tuple[Point, ...], Length(1)] = ("pelvis",)
    """Where to look: each is ringed."""
    view: View | None = None
    """By default the figure's view."""
    turn: Annotated[float, Range(ge=-90, le=90)] | None = None
    """Turn the camera about the vertical (degrees); by default the figure's."""
    elevation: Annotated[float, Range(ge=0, le=90)] | None = None
    """Raise the camera (degrees above the floor, looking down); by default the figure's."""


@dataclass(frozen=True)
class Mirror:
    """Left and right versions, where the text says R or L: the picture as drawn and its mirror
    image, each with a caption."""

    drawn: Text
    """Caption of the pose as drawn, e.g. 'Right foot in front'."""
    mirrored: Text
    """Caption of the mirror image, e.g. 'Left foot in front'."""


@dataclass(frozen=True)
class Figure:
    """The pictures of one assessment or exercise."""

    id: Id
    """The assessment or exercise drawn; the file is named after it."""
    description: Text
    """The text alternative: what the motion shows, in words, for people who cannot see it."""
    poses: Annotated[tuple[Pose, ...], Length(2)]
    """The keyframes: at least a start and an end, and one per fault shown."""
    motion: Motion
    """The main picture, moving from start to end."""
    view: View = "side"
    """Where the camera is, unless a picture says otherwise."""
    turn: Annotated[float, Range(ge=-90, le=90)] = 0
    """Turn the camera about the vertical (degrees), for a movement not square to the view."""
    elevation: Annotated[float, Range(ge=0, le=90)] = 0
    """Raise the camera above the floor (degrees, looking down): a body lying on its side is
    easier to read from a little above."""
    details: tuple[Detail, ...] = ()
    """Still pictures beside the motion."""
    faults: tuple[Fault, ...] = ()
    """One per compensation the assessment checks (exercises may show none)."""
    mirror: Mirror | None = None
    """Also draw the mirror image, where the text says R or L."""
