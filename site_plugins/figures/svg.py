"""SVG for one panel: a self-contained, themeable, animated picture, written from its scene.

The motion is a CSS animation of each part's path (``d: path(...)``) through poses computed
evenly in joint-angle space; without animation (``prefers-reduced-motion``, print, a browser
without CSS ``d``, and a figure without the class ``hf-play``, which the page's script and the
widget give a figure only while it is on screen, once the page has loaded: the motion is drawn
by the main thread every frame) each path shows its own attribute: the end position, where
the motion (``theme.MOTION``) also begins and ends. Every id and keyframe name starts with the
panel's id, so many figures can share a page. Colours and rules come from ``theme``; numbers are
written to one decimal (``fmt``).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from site_plugins.figures.camera import P2, Camera
from site_plugins.figures.floor import Placed
from site_plugins.figures.geometry import box
from site_plugins.figures.labels import Arc, Arrow, Line, Mark
from site_plugins.figures.panels import Panel
from site_plugins.figures.props import PropShape
from site_plugins.figures.scene import Scene, scene_of
from site_plugins.figures.strokes import HALO, Stroke, touching
from site_plugins.figures.theme import MOTION, svg_rules

__all__ = ["fmt", "render_svg"]

_HOLD = (12, 88)
"""Keyframe percentages where the motion leaves the start and reaches the end."""


def fmt(value: float) -> str:
    """A number for SVG: one decimal, no trailing '.0'."""
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def render_svg(panel: Panel, scale: float = 2.2, scene: Scene | None = None) -> str:
    """The panel as an ``<svg>`` element (no XML declaration), to inline in HTML. ``scale``:
    its natural size, in pixels per drawing unit (CSS may shrink it to fit); ``scene``: the
    panel's, if already computed."""
    if scene is None:
        scene = scene_of(panel)
    pid = panel.id
    x, y, w, h = scene.box
    css: list[str] = []
    body: list[str] = []
    if scene.floor:
        body.append(f'<path class="fl" d="M{fmt(x)} 0H{fmt(x + w)}"/>')
        if any(p.kind == "mat" for p in panel.still.pose.props):
            body.append(_mat(scene))
    elif scene.ground:
        corners = "L".join(f"{fmt(px)} {fmt(py)}" for px, py in scene.ground)
        body.append(f'<path class="mt" d="M{corners}Z"/>')
    body += [_prop(p) for p in scene.props if p.behind]
    widths = _Widths()
    if scene.ghost:
        body.append(f'<g class="g">{_merged(scene.ghost, widths)}</g>')
    animated = _animations(pid, scene, widths)
    css += animated.css
    body.append(f'<g class="b">{"".join(animated.paths)}</g>')
    body += [_held(pid, panel, p, css) for p in scene.props if not p.behind]
    body += [_mark(m) for m in scene.marks]
    body += [_arrow(a) for a in scene.arrows]
    labels = [_arc(a) for a in scene.arcs] + [_line(line) for line in scene.lines]
    if labels:
        moving = bool(panel.frames) and animated.moves
        cls = ' class="e"' if moving else ""
        body.append(f"<g{cls}>{''.join(labels)}</g>")
        if moving:
            css.append(
                f"@keyframes {pid}-e{{0%,{_HOLD[1] - 8}%{{opacity:0}}"
                f"{_HOLD[1]}%,100%{{opacity:1}}}}"
                f"#{pid} .e{{animation:{pid}-e {MOTION}}}"
            )
    markup = "".join(body)
    title = escape(panel.title)
    desc = escape(panel.description)
    size = f'width="{round(w * scale)}" height="{round(h * scale)}"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{pid}" class="hf" '
        f'viewBox="{fmt(x)} {fmt(y)} {fmt(w)} {fmt(h)}" {size} role="img" '
        f'aria-labelledby="{pid}-t {pid}-d" data-search-exclude="">'
        f'<title id="{pid}-t">{title}</title><desc id="{pid}-d">{desc}</desc>'
        f"<style>{svg_rules(markup)}{widths.css()}{''.join(css)}</style>{markup}</svg>"
    )


class _Widths:
    """Stroke widths as classes: parts of one thickness share a rule. The class is named
    after the width, so that the rules of several figures on a page agree."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def __call__(self, width: float) -> str:
        key = fmt(width)
        if key not in self.names:
            self.names[key] = "w" + key.replace(".", "_")
        return self.names[key]

    def css(self) -> str:
        out = []
        for width, name in self.names.items():
            halo = fmt(float(width) + 2 * HALO)
            out.append(f".hf .{name}{{stroke-width:{width}}}.hf .h.{name}{{stroke-width:{halo}}}")
        return "".join(out)


@dataclass(frozen=True)
class _Animated:
    paths: list[str]
    css: list[str]
    moves: bool


def _animations(pid: str, scene: Scene, widths: _Widths) -> _Animated:
    paths: list[str] = []
    css: list[str] = []
    moves = False
    by_part = [{s.part: s for s in frame} for frame in scene.frames]
    boxes = [{s.part: box(s.points) for s in frame} for frame in (scene.strokes, *scene.frames)]
    names: dict[str, str] = {}
    drawn: list[Stroke] = []
    for stroke in scene.strokes:
        d = _d(stroke)
        moving = any(_d(f[stroke.part]) != d for f in by_part)
        # Animated poses only pass by: whole units are precise enough.
        frames = [_d(f[stroke.part], 0) for f in by_part]
        trunk = " t" if stroke.closed else ""
        w = widths(stroke.width)
        pair = f'<path class="{stroke.tone} {w}{trunk}" d="{d}"/>'
        # A rim keeps it apart from the parts it lies on (a nose needs none).
        if stroke.part != "nose" and any(
            touching(stroke, earlier, by_part, boxes) for earlier in drawn
        ):
            pair = f'<path class="h {w}{trunk}" d="{d}"/>' + pair
        drawn.append(stroke)
        if moving:
            moves = True
            keyframes = _keyframes(frames)
            if keyframes not in names:  # parts that move alike (left and right) share one
                names[keyframes] = f"{_short(pid)}{len(names)}"
                css.append(f"@keyframes {names[keyframes]}{{{keyframes}}}")
            pair = f'<g style="--m:{names[keyframes]}">{pair}</g>'
        paths.append(pair)
    return _Animated(paths, css, moves)


def _short(pid: str) -> str:
    """A short name, unique to the panel, for its keyframes."""
    return f"k{zlib.crc32(pid.encode()):08x}"


def _keyframes(frames: Sequence[str]) -> str:
    n = len(frames)
    start, end = _HOLD
    parts = []
    for k, d in enumerate(frames):
        if k == 0:
            at = f"0%,{start}%"
        elif k == n - 1:
            at = f"{end}%,100%"
        else:
            at = f"{round(start + (end - start) * k / (n - 1))}%"
        parts.append(f'{at}{{d:path("{d}")}}')
    return "".join(parts)


def _d(stroke: Stroke, digits: int = 1) -> str:
    def n(v: float) -> str:
        return fmt(v) if digits else str(round(v))

    points = stroke.points
    if len(points) == 1:
        x, y = points[0]
        return f"M{n(x)} {n(y)}h0"
    text = "M" + "L".join(f"{n(x)} {n(y)}" for x, y in points)
    return text + ("Z" if stroke.closed else "")


def _merged(strokes: Iterable[Stroke], widths: _Widths) -> str:
    """The faint pose: parts of one thickness share a path."""
    by_width: dict[tuple[str, bool], list[str]] = {}
    for s in strokes:
        paths = by_width.setdefault((fmt(s.width), s.closed), [])
        if _d(s) not in paths:
            paths.append(_d(s))
    return "".join(
        f'<path class="{widths(float(w))}{" t" if closed else ""}" d="{"".join(ds)}"/>'
        for (w, closed), ds in by_width.items()
    )


def _mat(scene: Scene) -> str:
    xs = [x for s in scene.strokes if s.lowest() > -12 for x, _ in s.points]
    if not xs:
        return ""
    x0, x1 = min(xs) - 8, max(xs) + 8
    return f'<rect class="mt" x="{fmt(x0)}" y="-1.4" width="{fmt(x1 - x0)}" height="1.4" rx=".7"/>'


def _held(pid: str, panel: Panel, prop: PropShape, css: list[str]) -> str:
    """A prop held by the body (a kettlebell, a glass) moves with the landmarks it is held at,
    by a CSS transform keyframed like the body's parts."""
    if not panel.frames:
        return _prop(prop)
    anchors = _anchor_path(panel.frames, panel, prop)
    if anchors is None or all(abs(a[0]) < 0.05 and abs(a[1]) < 0.05 for a in anchors):
        return _prop(prop)
    name = f"{pid}-{prop.kind}"
    start, end = _HOLD
    frames = []
    for k, (dx, dy) in enumerate(anchors):
        if k == 0:
            at = f"0%,{start}%"
        elif k == len(anchors) - 1:
            at = f"{end}%,100%"
        else:
            at = f"{fmt(start + (end - start) * k / (len(anchors) - 1))}%"
        frames.append(f"{at}{{transform:translate({fmt(dx)}px,{fmt(dy)}px)}}")
    css.append(f"@keyframes {name}{{{''.join(frames)}}}")
    css.append(f"#{pid} .m-{prop.kind}{{animation:{name} {MOTION}}}")
    return f'<g class="m-{prop.kind}">{_prop(prop)}</g>'


def _anchor_path(frames: Sequence[Placed], panel: Panel, prop: PropShape) -> list[P2] | None:
    held = [p for p in panel.still.pose.props if p.kind == prop.kind]
    if not held or not held[0].at:
        return None
    names = held[0].at
    camera: Camera = panel.camera

    def where(placed: Placed) -> P2:
        pts = [camera.project(placed.body.points[n]) for n in names]
        return (sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts))

    end = where(panel.still)
    return [(where(f)[0] - end[0], where(f)[1] - end[1]) for f in frames]


def _arc(arc: Arc) -> str:
    c, ref, mov, r = arc.centre, arc.reference, arc.moved, arc.radius
    ux, uy = ref[0] - c[0], ref[1] - c[1]
    n = (ux * ux + uy * uy) ** 0.5 or 1.0
    a = (c[0] + ux / n * r, c[1] + uy / n * r)
    cross = ux * (mov[1] - c[1]) - uy * (mov[0] - c[0])
    sweep = 1 if cross > 0 else 0

    def f2(v: float) -> str:  # the arc's ends to 0.01: its angle is then true to 0.1°
        return f"{v:.2f}".rstrip("0").rstrip(".")

    tick = ""
    if arc.low is not None:  # the low end of a range: a short mark across the arc
        turn = math.radians(arc.low) * (1 if sweep else -1)
        dx, dy = ux / n, uy / n
        tx, ty = (
            dx * math.cos(turn) - dy * math.sin(turn),
            dx * math.sin(turn) + dy * math.cos(turn),
        )
        inner, outer = r - 2.5, r + 2.5
        tick = (
            f'<path class="a" d="M{fmt(c[0] + tx * inner)} {fmt(c[1] + ty * inner)}'
            f'L{fmt(c[0] + tx * outer)} {fmt(c[1] + ty * outer)}"/>'
        )
    return (
        f'<path class="a d" d="M{f2(c[0])} {f2(c[1])}L{f2(ref[0])} {f2(ref[1])}"/>'
        f'<path class="a" d="M{f2(a[0])} {f2(a[1])}A{fmt(r)} {fmt(r)} 0 0 {sweep} '
        f'{f2(mov[0])} {f2(mov[1])}"/>'
        + tick
        + f'<text x="{fmt(arc.label_at[0])}" y="{fmt(arc.label_at[1])}">{escape(arc.label)}</text>'
    )


def _line(line: Line) -> str:
    d = "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in line.points)
    out = f'<path class="a d" d="{d}"/>'
    if line.kind == "distance":
        (ax, ay), (bx, by) = line.points[0], line.points[-1]
        out = f'<path class="a" d="{d}"/>' + "".join(
            f'<circle class="ah" cx="{fmt(px)}" cy="{fmt(py)}" r="1.4"/>'
            for px, py in ((ax, ay), (bx, by))
        )
    if line.label:
        out += (
            f'<text x="{fmt(line.label_at[0])}" y="{fmt(line.label_at[1])}">'
            f"{escape(line.label)}</text>"
        )
    return out


def _arrow(arrow: Arrow) -> str:
    pts = arrow.points
    d = "M" + "L".join(f"{fmt(x)} {fmt(y)}" for x, y in pts)
    (x1, y1), (x2, y2) = pts[-2], pts[-1]
    dx, dy = x2 - x1, y2 - y1
    n = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / n, dy / n
    size = 4.0
    left = (x2 - ux * size - uy * size * 0.6, y2 - uy * size + ux * size * 0.6)
    right = (x2 - ux * size + uy * size * 0.6, y2 - uy * size - ux * size * 0.6)
    head = (
        f"M{fmt(x2 + ux * 1.5)} {fmt(y2 + uy * 1.5)}L{fmt(left[0])} {fmt(left[1])}"
        f"L{fmt(right[0])} {fmt(right[1])}Z"
    )
    return f'<path class="a" d="{d}"/><path class="ah" d="{head}"/>'


def _mark(mark: Mark) -> str:
    c, r = mark.centre, mark.radius
    return (
        f'<path class="x" d="M{fmt(c[0] - r)} {fmt(c[1])}a{fmt(r)} {fmt(r)} 0 1 0 {fmt(2 * r)} 0'
        f'a{fmt(r)} {fmt(r)} 0 1 0 {fmt(-2 * r)} 0"/>'
    )


def _prop(prop: PropShape) -> str:
    """A prop's elements (see ``PropShape`` for its points)."""
    pts = prop.points
    if prop.kind == "exercise_ball":
        (cx, cy), r = pts[0], prop.radius
        return f'<circle class="p" cx="{fmt(cx)}" cy="{fmt(cy)}" r="{fmt(r)}"/>'
    if prop.kind == "kettlebell":
        (hx, hy), (_, cy), r = pts[0], pts[1], prop.radius
        return (
            f'<path class="q" d="M{fmt(hx - 3.5)} {fmt(cy - r + 1)}'
            f'V{fmt(hy - 1)}H{fmt(hx + 3.5)}V{fmt(cy - r + 1)}"/>'
            f'<circle class="k" cx="{fmt(hx)}" cy="{fmt(cy)}" r="{fmt(r)}"/>'
        )
    if prop.kind == "bench":
        (left, top), (right, _) = pts
        return (
            f'<rect class="p" x="{fmt(left)}" y="{fmt(top)}" width="{fmt(right - left)}" '
            f'height="5" rx="1.5"/>'
            + "".join(
                f'<path class="q" d="M{fmt(lx)} {fmt(top + 5)}V0"/>' for lx in (left + 5, right - 5)
            )
        )
    if prop.kind == "chair":
        (x, top), (far, seat) = pts
        return f'<path class="q" d="M{fmt(x)} {fmt(top)}V0M{fmt(x)} {fmt(seat)}H{fmt(far)}V0"/>'
    if prop.kind == "glass":
        corners, water = pts[:4], pts[4:]
        d = "M" + "L".join(f"{fmt(p[0])} {fmt(p[1])}" for p in corners) + "Z"
        w = f"M{fmt(water[0][0])} {fmt(water[0][1])}L{fmt(water[1][0])} {fmt(water[1][1])}"
        return f'<path class="gl" d="{d}"/><path class="wl" d="{w}"/>'
    (ax, ay), (bx, by) = pts
    line = "s" if prop.kind == "stick" else "w"
    return f'<path class="{line}" d="M{fmt(ax)} {fmt(ay)}L{fmt(bx)} {fmt(by)}"/>'
