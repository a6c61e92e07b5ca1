"""The skeleton: segment proportions and forward kinematics in three dimensions.

Segment lengths and widths are fractions of body height H, from the anthropometric table of
Drillis and Contini as given by D. A. Winter, *Biomechanics and Motor Control of Human
Movement*, 4th ed. (Wiley, 2009), Figure 4.1: upper arm 0.186 H, forearm 0.146 H, hand
0.108 H, thigh 0.245 H, shank 0.246 H, foot length 0.152 H, ankle height 0.039 H, shoulder
width 0.259 H, hip width 0.191 H, head (chin to crown) 0.130 H, with the hip (greater
trochanter) at 0.530 H and the shoulder at 0.818 H, so the trunk is 0.288 H. The waist bend sits
at the elbow's height in that figure (0.630 H). Thicknesses are drawing choices, sized so that
the outline matches Winter's widths (hips 0.19 H, shoulders 0.26 H).

World axes: X to the right of the side view, Y up (the floor is Y = 0), Z towards the side-view
camera. A body's own axes are f (forward), u (up) and r (its right); f x u = r.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "DOFS",
    "MASS",
    "POSTURES",
    "SEGMENT_RADIUS",
    "WINTER",
    "Basis",
    "Body",
    "Vec",
    "build_body",
    "with_ankles",
]

Vec = tuple[float, float, float]

WINTER: Mapping[str, float] = {
    "upper_arm": 0.186,
    "forearm": 0.146,
    "hand": 0.108,
    "thigh": 0.245,
    "shank": 0.246,
    "foot": 0.152,
    "ankle_height": 0.039,
    "shoulder_width": 0.259,
    "hip_width": 0.191,
    "head": 0.130,
    "hip_height": 0.530,
    "waist_height": 0.630,
    "shoulder_height": 0.818,
}
"""Winter (2009), Figure 4.1: lengths and heights as fractions of body height."""

PELVIS = WINTER["waist_height"] - WINTER["hip_height"]  # hip joints to the waist bend
THORAX = WINTER["shoulder_height"] - WINTER["waist_height"]  # waist bend to the shoulders
NECK = 0.935 - WINTER["shoulder_height"]  # shoulders to the centre of the head
HIP_SPACING = 0.05  # hip joint centres either side of the midline
SHOULDER_SPACING = 0.10  # shoulder joint centres either side of the midline
HAND_DRAWN = 0.07  # the hand as drawn beyond the wrist (a fist; the capsule cap adds the rest)

MASS: Mapping[str, float] = {
    "head": 0.081,
    "thorax": 0.497 * 0.6,
    "pelvis": 0.497 * 0.4,
    "upper_arm": 0.028,
    "forearm": 0.022,
    "thigh": 0.100,
    "shank": 0.0465,
    "foot": 0.0145,
}
"""Segment masses as fractions of body mass (Winter 2009, Table 4.1, after Dempster): head and
neck 0.081, trunk 0.497 (split here 60:40 between chest and pelvis), forearm with hand 0.022.
Each mass sits at the middle of its part, which is close enough to balance a figure."""

SEGMENT_RADIUS: Mapping[str, float] = {
    "head": 0.062,
    "nose": 0.014,
    "neck": 0.025,
    "trunk": 0.055,
    "upper_arm": 0.026,
    "forearm": 0.021,
    "thigh": 0.041,
    "shank": 0.031,
    "foot": 0.015,
}
"""Half-thickness of each drawn part: the trunk is 0.11 H deep; the outline of the hips is
2 x (0.05 + 0.044) = 0.19 H wide, Winter's hip width."""

# Trunk outline corners, across (r) and along (u) the trunk: shoulders, waist, hips.
_SHOULDER_CORNER = (0.075, THORAX - 0.03)
_WAIST_CORNER = 0.028
_HIP_CORNER = 0.04

DOFS: Mapping[str, tuple[str, ...]] = {
    "pelvis": ("tilt", "obliquity", "rotation"),
    "lumbar": ("flexion", "side_bend", "rotation"),
    "neck": ("flexion",),
    "shoulder": ("flexion", "abduction", "rotation"),
    "elbow": ("flexion",),
    "hip": ("flexion", "abduction", "rotation", "opening"),
    "knee": ("flexion",),
    "ankle": ("dorsiflexion",),
}
"""The motions each joint allows, in the order they are applied (intrinsic rotations)."""


@dataclass(frozen=True)
class Basis:
    """An orthonormal frame in world coordinates."""

    f: Vec
    u: Vec
    r: Vec

    def turn(self, axis: str, degrees: float) -> Basis:
        """Rotate about one of the frame's own axes (right-handed)."""
        if degrees == 0:
            return self
        k = getattr(self, axis)
        return Basis(*(v if v is k else rotate(v, k, degrees) for v in (self.f, self.u, self.r)))

    def at(self, origin: Vec, f: float = 0, u: float = 0, r: float = 0) -> Vec:
        return add(origin, add(scale(self.f, f), add(scale(self.u, u), scale(self.r, r))))


X: Vec = (1.0, 0.0, 0.0)
Y: Vec = (0.0, 1.0, 0.0)
Z: Vec = (0.0, 0.0, 1.0)


def neg(v: Vec) -> Vec:
    return (-v[0], -v[1], -v[2])


POSTURES: Mapping[str, Basis] = {
    "standing": Basis(f=X, u=Y, r=Z),
    "supine": Basis(f=Y, u=neg(X), r=Z),
    "prone": Basis(f=neg(Y), u=neg(X), r=neg(Z)),
    "on_right_side": Basis(f=Z, u=neg(X), r=neg(Y)),
    "on_left_side": Basis(f=Z, u=X, r=Y),
}
"""The pelvis frame of each posture, before any joint angle."""


@dataclass(frozen=True)
class Body:
    """A posed body in world coordinates (units of body height)."""

    points: dict[str, Vec]
    """Landmarks by name (see ``model.Point``)."""
    parts: dict[str, tuple[tuple[Vec, ...], float]]
    """Each part as a polyline (or, for the trunk's halves, corners) and its half-thickness:
    the part is every point within that distance of the polyline."""
    trunk: tuple[Vec, ...]
    """The trunk's outline corners, in drawing order."""
    bases: Mapping[str, Basis]
    """The frame of each segment (for props that follow it)."""

    def centre_of_mass(self) -> Vec:
        total, x, y, z = 0.0, 0.0, 0.0, 0.0
        for part, (points, _) in self.parts.items():
            kind = part.removesuffix("_left").removesuffix("_right")
            mass = MASS.get(kind, 0.0)
            total += mass
            x += mass * sum(p[0] for p in points) / len(points)
            y += mass * sum(p[1] for p in points) / len(points)
            z += mass * sum(p[2] for p in points) / len(points)
        return (x / total, y / total, z / total)

    def lowest(self, part: str) -> float:
        """The height of the part's lowest surface point (a surface landmark's own height)."""
        points, radius = self.rests_on(part)
        return min(p[1] for p in points) - radius

    def rests_on(self, name: str) -> tuple[tuple[Vec, ...], float]:
        """What touches when ``name`` rests on something: a part (its points and thickness),
        or a surface landmark such as 'upper_back' (the point itself)."""
        if name in self.parts:
            return self.parts[name]
        return ((self.points[name],), 0.0)


def build_body(angles: Mapping[str, float], root: Basis, origin: Vec = (0.0, 0.0, 0.0)) -> Body:
    """Forward kinematics: ``angles`` maps 'joint.motion' (e.g. 'hip_left.flexion', sides
    spelled out) to degrees; missing ones are 0. ``root`` is the pelvis frame of the posture,
    ``origin`` the point midway between the hip joints."""

    def a(name: str) -> float:
        return angles.get(name, 0.0)

    pelvis = (
        root.turn("r", -a("pelvis.tilt"))
        .turn("f", -a("pelvis.obliquity"))
        .turn("u", -a("pelvis.rotation"))
    )
    waist = pelvis.at(origin, u=PELVIS)
    thorax = (
        pelvis.turn("r", -a("lumbar.flexion"))
        .turn("f", a("lumbar.side_bend"))
        .turn("u", -a("lumbar.rotation"))
    )
    neck_base = thorax.at(waist, u=THORAX)
    neck = thorax.turn("r", -a("neck.flexion"))
    head = neck.at(neck_base, u=NECK, f=0.007)

    points: dict[str, Vec] = {
        "pelvis": origin,
        "waist": waist,
        "chest": thorax.at(waist, u=THORAX * 0.55),
        "thorax": thorax.at(waist, u=THORAX * 0.55),
        "neck": neck_base,
        "head": head,
        "belly": pelvis.at(origin, u=PELVIS * 0.7, f=SEGMENT_RADIUS["trunk"]),
        "upper_back": thorax.at(waist, u=THORAX * 0.7, f=-SEGMENT_RADIUS["trunk"]),
    }
    bases = {"pelvis": pelvis, "thorax": thorax, "neck": neck}
    nose = neck.at(head, f=SEGMENT_RADIUS["head"], u=-0.012)  # which way the face is
    parts: dict[str, tuple[tuple[Vec, ...], float]] = {
        "head": ((head,), SEGMENT_RADIUS["head"]),
        "nose": ((nose,), SEGMENT_RADIUS["nose"]),
        "neck": ((neck_base, head), SEGMENT_RADIUS["neck"]),
    }
    corners: dict[str, Vec] = {}
    for side, s in (("left", -1.0), ("right", 1.0)):
        across, along = _SHOULDER_CORNER
        corners[f"shoulder_{side}"] = thorax.at(waist, u=along, r=s * across)
        corners[f"waist_{side}"] = thorax.at(waist, r=s * _WAIST_CORNER)
        corners[f"hip_{side}"] = pelvis.at(origin, r=s * _HIP_CORNER)

        hip = pelvis.at(origin, r=s * HIP_SPACING)
        thigh = _limb(pelvis, a, f"hip_{side}", s)
        knee = thigh.at(hip, u=-WINTER["thigh"])
        shank = thigh.turn("r", -a(f"knee_{side}.flexion"))
        ankle = shank.at(knee, u=-WINTER["shank"])
        foot, heel, toe = _foot(shank, ankle, a(f"ankle_{side}.dorsiflexion"))
        hinge = _nearest_on_line(knee, hip, ankle)
        opening = a(f"hip_{side}.opening")
        if opening:
            # The clamshell: the leg turns about the line from the hip to the ankle, the foot
            # stays put, and the knee swings away from the midline (positive).
            axis = _unit(sub(ankle, hip))
            away = scale(pelvis.r, s)
            if dot(cross(axis, sub(knee, hinge)), away) < 0:
                opening = -opening

            def swing(p: Vec) -> Vec:
                return add(hip, rotate(sub(p, hip), axis, opening))  # noqa: B023

            def swing_basis(b: Basis) -> Basis:
                return Basis(*(rotate(v, axis, opening) for v in (b.f, b.u, b.r)))  # noqa: B023

            knee, heel, toe = swing(knee), swing(heel), swing(toe)
            thigh, shank, foot = swing_basis(thigh), swing_basis(shank), swing_basis(foot)

        shoulder = thorax.at(waist, u=THORAX - 0.02, r=s * SHOULDER_SPACING)
        upper_arm = _limb(thorax, a, f"shoulder_{side}", s)
        elbow = upper_arm.at(shoulder, u=-WINTER["upper_arm"])
        forearm = upper_arm.turn("r", a(f"elbow_{side}.flexion"))
        wrist = forearm.at(elbow, u=-WINTER["forearm"])
        hand = forearm.at(wrist, u=-HAND_DRAWN)

        points.update({
            f"shoulder_{side}": shoulder, f"elbow_{side}": elbow, f"wrist_{side}": wrist,
            f"hand_{side}": hand, f"hip_{side}": hip, f"knee_{side}": knee,
            f"ankle_{side}": ankle, f"heel_{side}": heel, f"toe_{side}": toe,
            f"buttock_{side}": pelvis.at(hip, f=-SEGMENT_RADIUS["trunk"]),
            f"upper_arm_{side}": mid(shoulder, elbow), f"forearm_{side}": mid(elbow, wrist),
            f"thigh_{side}": mid(hip, knee), f"shank_{side}": mid(knee, ankle),
            f"foot_{side}": mid(heel, toe), f"hinge_{side}": hinge,
        })  # fmt: skip
        parts.update({
            f"upper_arm_{side}": ((shoulder, elbow), SEGMENT_RADIUS["upper_arm"]),
            f"forearm_{side}": ((elbow, wrist, hand), SEGMENT_RADIUS["forearm"]),
            f"thigh_{side}": ((hip, knee), SEGMENT_RADIUS["thigh"]),
            f"shank_{side}": ((knee, ankle), SEGMENT_RADIUS["shank"]),
            f"foot_{side}": ((heel, toe), SEGMENT_RADIUS["foot"]),
            f"sole_{side}": ((heel, toe), SEGMENT_RADIUS["foot"]),
            f"toes_{side}": ((toe,), SEGMENT_RADIUS["foot"]),
        })  # fmt: skip
        bases.update({
            f"thigh_{side}": thigh, f"shank_{side}": shank, f"foot_{side}": foot,
            f"upper_arm_{side}": upper_arm, f"forearm_{side}": forearm,
        })  # fmt: skip
    r = SEGMENT_RADIUS["trunk"]
    upper = ("shoulder_left", "shoulder_right", "waist_left", "waist_right")
    lower = ("waist_left", "waist_right", "hip_left", "hip_right")
    parts["thorax"] = (tuple(corners[c] for c in upper), r)
    parts["pelvis"] = (tuple(corners[c] for c in lower), r)
    order = ("shoulder_left", "waist_left", "hip_left", "hip_right", "waist_right")
    trunk = (*(corners[c] for c in order), corners["shoulder_right"])
    return Body(points, parts, trunk, bases)


def _foot(shank: Basis, ankle: Vec, dorsiflexion: float) -> tuple[Basis, Vec, Vec]:
    """The foot's frame, heel and toe."""
    foot = shank.turn("r", dorsiflexion)
    sole = -WINTER["ankle_height"] + SEGMENT_RADIUS["foot"]
    heel = foot.at(ankle, f=-0.04 + SEGMENT_RADIUS["foot"], u=sole)
    toe = foot.at(ankle, f=WINTER["foot"] - 0.04 - SEGMENT_RADIUS["foot"], u=sole)
    return foot, heel, toe


def with_ankles(body: Body, angles: Mapping[str, float], root: Basis, sides: Iterable[str]) -> Body:
    """``body`` with the ankles of ``sides`` set to ``angles``'s: exactly what ``build_body``
    would give, redoing only the feet (unless a hip's clamshell opening swings them)."""
    if any(angles.get(f"hip_{side}.opening", 0.0) for side in ("left", "right")):
        return build_body(angles, root)
    points = dict(body.points)
    parts = dict(body.parts)
    bases = dict(body.bases)
    for side in sides:
        foot, heel, toe = _foot(
            bases[f"shank_{side}"],
            points[f"ankle_{side}"],
            angles.get(f"ankle_{side}.dorsiflexion", 0.0),
        )
        points.update({f"heel_{side}": heel, f"toe_{side}": toe, f"foot_{side}": mid(heel, toe)})
        parts.update({
            f"foot_{side}": ((heel, toe), SEGMENT_RADIUS["foot"]),
            f"sole_{side}": ((heel, toe), SEGMENT_RADIUS["foot"]),
            f"toes_{side}": ((toe,), SEGMENT_RADIUS["foot"]),
        })  # fmt: skip
        bases[f"foot_{side}"] = foot
    return Body(points, parts, body.trunk, bases)


def _limb(parent: Basis, a: Callable[[str], float], joint: str, s: float) -> Basis:
    """Flexion about the lateral axis, then abduction, then rotation about the long axis; the
    signs make abduction 'away from the midline' and rotation 'internal' on both sides."""
    return (
        parent.turn("r", a(f"{joint}.flexion"))
        .turn("f", -s * a(f"{joint}.abduction"))
        .turn("u", s * a(f"{joint}.rotation"))
    )


# --- vectors ---------------------------------------------------------------------------------


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def scale(v: Vec, k: float) -> Vec:
    return (v[0] * k, v[1] * k, v[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def _unit(v: Vec) -> Vec:
    n = math.sqrt(dot(v, v)) or 1.0
    return (v[0] / n, v[1] / n, v[2] / n)


def _nearest_on_line(p: Vec, a: Vec, b: Vec) -> Vec:
    """The point of the line through ``a`` and ``b`` nearest to ``p``."""
    ab = sub(b, a)
    t = dot(sub(p, a), ab) / (dot(ab, ab) or 1.0)
    return add(a, scale(ab, t))


def mid(a: Vec, b: Vec) -> Vec:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)


def rotate(v: Vec, k: Vec, degrees: float) -> Vec:
    """Rodrigues' rotation of ``v`` about the unit axis ``k``."""
    t = math.radians(degrees)
    c, s = math.cos(t), math.sin(t)
    kv = cross(k, v)
    return add(add(scale(v, c), scale(kv, s)), scale(k, dot(k, v) * (1 - c)))
