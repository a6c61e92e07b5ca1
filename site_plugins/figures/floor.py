"""A whole pose resting on the floor: the floor and tilt solver.

The pose's joint angles are run through the skeleton, and the body is placed: turned in the
picture plane (unless the pose fixes ``tilt``) until every grounded part touches the floor (or
the top of the bench or ball it rests on), then lifted so that they do and nothing goes below
it. A standing body on one spot is turned until its centre of mass is over the feet. Feet
grounded flat get the ankle angle that lays the sole on the floor. When that cannot be done,
the problem is reported against the pose's field, in words an editor can act on.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from hipcore.errors import FieldPath, Problem
from site_plugins.figures import model
from site_plugins.figures.poses import HEIGHT_CM, Resolved
from site_plugins.figures.skeleton import (
    POSTURES,
    Basis,
    Body,
    Vec,
    build_body,
    rotate,
    with_ankles,
)

__all__ = ["CONTACT_TOLERANCE", "Placed", "interpolate", "place"]

CONTACT_TOLERANCE = 0.005
"""How close (in body heights, about 9 mm) a grounded part must come to the floor."""
_BELOW_TOLERANCE = 0.002


@dataclass(frozen=True)
class Placed:
    """A body at rest, in world coordinates."""

    pose: Resolved
    body: Body
    angles: dict[str, float]
    """The angles drawn: the pose's, with the ankles of flat feet solved."""
    tilt: float


def place(pose: Resolved, anchor: str | None = None) -> tuple[Placed | None, list[Problem]]:
    """Rest the pose on the floor. ``anchor``: the part kept at x = 0 (by default the first
    grounded part), so that what rests on the floor stays put from one pose to the next.
    Problems have paths within the pose."""
    return _place(
        pose, pose.angles, pose.contacts(), flat=pose.flat_feet, tilt=pose.tilt, anchor=anchor
    )


def interpolate(start: Placed, end: Placed, t: float, anchor: str | None = None) -> Placed:
    """The body a fraction ``t`` of the way from ``start`` to ``end``: joint angles move
    evenly; the parts grounded in both stay on the floor."""
    angles = {k: (1 - t) * start.angles[k] + t * end.angles[k] for k in end.angles}
    shared = {p for p, _, _ in start.pose.contacts()}
    contacts = [c for c in end.pose.contacts() if c[0] in shared]
    flat = tuple(f for f in end.pose.flat_feet if f in start.pose.flat_feet)
    fixed = start.pose.tilt is not None and end.pose.tilt is not None
    between = (1 - t) * start.tilt + t * end.tilt
    tilt = between if fixed or not contacts else None
    if not contacts:
        contacts = end.pose.contacts()[:1]
    placed, _ = _place(
        end.pose, angles, contacts, flat=flat, tilt=tilt, anchor=anchor, near=between
    )
    assert placed is not None
    return placed


def _place(
    pose: Resolved,
    angles: Mapping[str, float],
    contacts: list[tuple[str, float, FieldPath]],
    *,
    flat: Iterable[str],
    tilt: float | None,
    anchor: str | None,
    near: float | None = None,
) -> tuple[Placed | None, list[Problem]]:
    """``near``: a tilt the answer is close to (between a motion's start and end), which
    narrows the search."""
    flat = tuple(flat)
    rests = tuple((part, height) for part, height, _ in contacts)
    solved = _solve(
        pose.posture, tuple(angles.items()), rests, flat=flat, tilt=tilt, anchor=anchor, near=near
    )
    problems = _flat_foot_problems(pose, solved.angles, flat)
    for (part, _, loc), gap in zip(contacts, solved.gaps, strict=True):
        if gap > CONTACT_TOLERANCE:
            problems.append(Problem(loc, _floating(part, gap, contacts, tilt)))
    problems += [Problem((), _sunk(part, depth)) for part, depth in solved.sunk]
    return Placed(pose, solved.body, dict(solved.angles), solved.tilt), problems


@dataclass(frozen=True)
class _Solved:
    body: Body
    angles: dict[str, float]
    tilt: float
    gaps: tuple[float, ...]
    """How far above what it rests on each resting part stays."""
    sunk: tuple[tuple[str, float], ...]
    """The parts below the floor, and by how much."""


@lru_cache(maxsize=1024)
def _solve(
    posture: model.Posture,
    pose_angles: tuple[tuple[str, float], ...],
    contacts: tuple[tuple[str, float], ...],
    *,
    flat: tuple[str, ...],
    tilt: float | None,
    anchor: str | None,
    near: float | None,
) -> _Solved:
    """The body at rest: a function of the numbers alone, so that the same body (a pose
    shared by two figures, an exercise and the test it trains) is solved once."""
    root = POSTURES[posture]
    angles = dict(pose_angles)
    solved_tilt = tilt if tilt is not None else (near or 0.0)
    body = build_body(angles, root)
    for step in range(12):
        if tilt is None:
            if posture == "standing" and not _spread_out(body, contacts):
                solved_tilt = _balanced_tilt(body, contacts, solved_tilt)
            else:
                guess = near if step == 0 else solved_tilt
                solved_tilt = _best_tilt(body, contacts, guess)
        changed = []
        for side in flat:
            shank = _turn_basis(body.bases[f"shank_{side}"], solved_tilt)
            want = _flat_ankle(shank)
            key = f"ankle_{side}.dorsiflexion"
            if abs(want - angles.get(key, 0.0)) > 1e-4:
                angles[key] = want
                changed.append(side)
        if not changed:
            break
        body = with_ankles(body, angles, root, changed)
    turned = _turn_body(body, solved_tilt)
    errors = [turned.lowest(part) - height for part, height in contacts]
    lift = -min(errors)
    sunk = []
    for part in turned.parts:
        depth = turned.lowest(part) + lift
        if depth < -_BELOW_TOLERANCE:
            sunk.append((part, -depth))
    reference = anchor if anchor in turned.parts else contacts[0][0]
    points = turned.rests_on(reference)[0]
    shift = -sum(p[0] for p in points) / len(points)
    placed = _move_body(turned, (shift, lift, 0.0))
    return _Solved(placed, angles, solved_tilt, tuple(e + lift for e in errors), tuple(sunk))


def _flat_ankle(shank: Basis) -> float:
    """The dorsiflexion that lays the foot's heel-to-toe line level, sole down."""
    alpha = math.degrees(math.atan2(-shank.f[1], shank.u[1]))
    for candidate in (alpha, alpha + 180, alpha - 180):
        t = math.radians(candidate)
        if -math.sin(t) * shank.f[1] + math.cos(t) * shank.u[1] > 0:
            return (candidate + 180) % 360 - 180
    return alpha


def _flat_foot_problems(
    pose: Resolved, angles: Mapping[str, float], flat: Iterable[str]
) -> list[Problem]:
    problems: list[Problem] = []
    low, high = -55.0, 35.0
    for side in flat:
        key = f"ankle_{side}.dorsiflexion"
        if key in pose.own:
            problems.append(
                Problem(
                    pose.own[key],
                    f"the {side} sole is flat on the floor in this pose, which sets the ankle: "
                    f"leave this out, or ground 'foot_{side}' or 'toes_{side}' instead",
                )
            )
        value = angles.get(key, 0.0)
        if not low <= value <= high:
            where = ("ground", pose.ground.index(f"sole_{side}"))
            problems.append(
                Problem(
                    where,
                    f"the {side} foot cannot lie flat: the ankle would need {value:.0f}° "
                    f"(a human ankle goes from {low:.0f}° to {high:.0f}°)",
                )
            )
    return problems


def _best_tilt(
    body: Body, contacts: Sequence[tuple[str, float]], near: float | None = None
) -> float:
    """The turn about the line of sight that lets every resting part touch (the smallest
    spread of their heights), with nothing below the floor; of equals, the smallest turn.
    Searched over every turn, or only around ``near`` when a close guess is known."""
    # Seen along the line of sight, a point drawn twice (a joint shared by two parts, the
    # left and right limbs of a symmetric pose) counts once, at its larger thickness.
    thickest: dict[tuple[float, float], float] = {}
    for pts, r in body.parts.values():
        for p in pts:
            xy = (p[0], p[1])
            if thickest.get(xy, -1.0) < r:
                thickest[xy] = r
    every = [(x, y, r) for (x, y), r in thickest.items()]
    resting = []
    for part, height in contacts:
        pts, r = body.rests_on(part)
        resting.append(([(p[0], p[1]) for p in pts], r + height))

    def cost(tilt: float) -> float:
        # Plain loops: this runs some 70 times a body, and beats min() over comprehensions.
        t = math.radians(tilt)
        c, s = math.cos(t), math.sin(t)
        errors = []
        for pts, r in resting:
            height = math.inf
            for x, y in pts:
                v = x * s + y * c
                if v < height:  # noqa: PLR1730 (min() costs a call)
                    height = v
            errors.append(height - r)
        lowest = math.inf
        for x, y, r in every:
            v = x * s + y * c - r
            if v < lowest:  # noqa: PLR1730
                lowest = v
        lift = -min(errors)
        return max(errors) - min(errors) + max(0.0, -lowest - lift) + 1e-6 * abs(tilt)

    if near is None:
        best = min((cost(float(t)), float(t)) for t in range(-90, 91, 3))[1]
        low, high = best - 3.0, best + 3.0
    else:
        best = min((cost(near + d), near + d) for d in range(-10, 11, 2))[1]
        low, high = best - 2.0, best + 2.0
    ratio = (math.sqrt(5) - 1) / 2
    a = high - ratio * (high - low)
    b = low + ratio * (high - low)
    cost_a, cost_b = cost(a), cost(b)
    for _ in range(30):
        if cost_a < cost_b:
            high, b, cost_b = b, a, cost_a
            a = high - ratio * (high - low)
            cost_a = cost(a)
        else:
            low, a, cost_a = a, b, cost_b
            b = low + ratio * (high - low)
            cost_b = cost(b)
    return round((low + high) / 2, 4)


def _spread_out(body: Body, contacts: Sequence[tuple[str, float]]) -> bool:
    """Do the resting parts stand apart (so that they decide how the body lies), or are they
    all at one spot (feet together, one foot), so that balance decides?"""
    xs = [p[0] for part, _ in contacts for p in body.rests_on(part)[0]]
    return max(xs) - min(xs) > _ONE_SPOT


_ONE_SPOT = 0.2


def _balanced_tilt(body: Body, contacts: Sequence[tuple[str, float]], near: float) -> float:
    """The tilt that puts the centre of mass straight above the middle of the support (of
    the two, the one nearer ``near``). Both turn with the body, so it is exact."""
    com = body.centre_of_mass()
    points = [p for part, _ in contacts for p in body.rests_on(part)[0]]
    support = (sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points))
    dx, dy = com[0] - support[0], com[1] - support[1]
    # turned by t, the offset's x is dx cos t - dy sin t: zero at t = atan2(dx, dy)
    root = math.degrees(math.atan2(dx, dy))
    roots = [root, root - 180.0 if root > 0 else root + 180.0]
    best: float = min(roots, key=lambda r: abs(r - near))
    return round(best, 4)


def _floating(
    part: str, gap: float, contacts: list[tuple[str, float, FieldPath]], tilt: float | None
) -> str:
    others = ", ".join(sorted({c[0] for c in contacts if c[0] != part}))
    hint = "change the angles" + (" or the tilt" if tilt is not None else "")
    return (
        f"'{part}' does not reach what it rests on: it stays {gap * HEIGHT_CM:.1f} cm above it "
        f"while {others or 'the rest'} touch; {hint}"
    )


def _sunk(part: str, depth: float) -> str:
    return (
        f"'{part}' goes {depth * HEIGHT_CM:.1f} cm below the floor; change the angles, "
        "or say it rests on the floor in 'ground'"
    )


def _turn_body(body: Body, tilt: float) -> Body:
    """Turn the whole body about the world Z axis (the side view's line of sight)."""
    if tilt == 0:
        return body
    c, s = math.cos(math.radians(tilt)), math.sin(math.radians(tilt))

    def t(p: Vec) -> Vec:
        return (c * p[0] - s * p[1], s * p[0] + c * p[1], p[2])

    return Body(
        {k: t(p) for k, p in body.points.items()},
        {k: (tuple(map(t, pts)), r) for k, (pts, r) in body.parts.items()},
        tuple(map(t, body.trunk)),
        _TurnedBases(body.bases, tilt),
    )


class _TurnedBases(Mapping[str, Basis]):
    """A turned body's segment frames, each turned when first asked for: few are (the props
    that follow a segment), and a body is turned for every frame of every motion."""

    def __init__(self, bases: Mapping[str, Basis], tilt: float) -> None:
        self._bases = bases
        self._tilt = tilt
        self._turned: dict[str, Basis] = {}

    def __getitem__(self, key: str) -> Basis:
        if key not in self._turned:
            self._turned[key] = _turn_basis(self._bases[key], self._tilt)
        return self._turned[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._bases)

    def __len__(self) -> int:
        return len(self._bases)


def _turn_basis(basis: Basis, tilt: float) -> Basis:
    """A segment's frame turned with the body (see ``_turn_body``)."""
    if tilt == 0:
        return basis
    axis = (0.0, 0.0, 1.0)
    return Basis(*(rotate(v, axis, tilt) for v in (basis.f, basis.u, basis.r)))


def _move_body(body: Body, by: Vec) -> Body:
    def m(p: Vec) -> Vec:
        return (p[0] + by[0], p[1] + by[1], p[2] + by[2])

    return Body(
        {k: m(p) for k, p in body.points.items()},
        {k: (tuple(map(m, pts)), r) for k, (pts, r) in body.parts.items()},
        tuple(map(m, body.trunk)),
        body.bases,
    )
