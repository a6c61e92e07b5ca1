"""SVG for one panel: a self-contained, themeable, animated picture.

Colours are CSS custom properties with fallbacks (``--hf-near`` and friends, see
``blocks.STYLE``), so the page's light or dark palette applies to the inline SVG. The motion
is a CSS animation of each part's path (``d: path(...)``) through poses computed evenly in
joint-angle space; without animation (``prefers-reduced-motion``, print, a browser without
CSS ``d``) each path shows its own attribute: the end position. Every id and keyframe name
starts with the panel's id, so many figures can share a page.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

from site_plugins.figures.camera import P2, Camera
from site_plugins.figures.drawing import (
    Arc,
    Arrow,
    Line,
    Mark,
    PropShape,
    Stroke,
    arrow_for,
    body_strokes,
    edge_on,
    floor_quad,
    fmt,
    mark_for,
    prop_shapes,
)
from site_plugins.figures.panels import Panel
from site_plugins.figures.posing import Placed

__all__ = ["DURATION", "HALO", "Scene", "render_svg", "scene_of"]

DURATION = 2.4
"""Seconds from start to end; the animation then plays back to the start."""
HALO = 1.0
"""Drawing units of background drawn around each part, so overlapping parts stay apart."""
_HOLD = (12, 88)
"""Keyframe percentages where the motion leaves the start and reaches the end."""


@dataclass(frozen=True)
class Scene:
    """A panel as geometry, in drawing units (y down, floor at 0)."""

    strokes: list[Stroke]
    ghost: list[Stroke]
    frames: list[list[Stroke]]
    props: list[PropShape]
    arcs: tuple[Arc, ...]
    lines: tuple[Line, ...]
    arrows: list[Arrow]
    marks: list[Mark]
    floor: bool
    """A floor line is drawn at y = 0 (in level views)."""
    ground: tuple[P2, ...]
    """In views from above, the patch of floor under the body."""
    box: tuple[float, float, float, float]
    """x, y, width, height of the viewBox."""


def scene_of(panel: Panel) -> Scene:
    camera = panel.camera
    bodies = [b for b in (panel.still, panel.ghost, *panel.frames) if b is not None]
    flat = all(edge_on(b, camera) for b in bodies)
    strokes = body_strokes(panel.still, camera, flat)
    ghost = body_strokes(panel.ghost, camera, flat) if panel.ghost is not None else []
    frames = [body_strokes(f, camera, flat) for f in panel.frames]
    props = prop_shapes(panel.still, camera, fmt)
    arrows = [a for a in (arrow_for(panel.trail, camera, n) for n in panel.arrows) if a]
    marks = [mark_for(panel.still, camera, n) for n in panel.marks]
    floor = camera.view != "top" and not camera.elevation
    ground = () if floor else floor_quad([f for f in (panel.still, panel.ghost) if f], camera)
    extent: list[P2] = []
    for s in (*strokes, *ghost, *(s for f in frames for s in f)):
        r = s.width / 2 + HALO
        extent += [(x + dx, y + dy) for x, y in s.points for dx, dy in ((-r, -r), (r, r))]
    for p in props:
        extent += p.extent
    for arc in panel.arcs:
        extent += [arc.reference, _pad(arc.label_at, 7)[0], _pad(arc.label_at, 7)[1]]
    for line in panel.lines:
        extent += list(line.points)
        if line.label:
            extent += list(_pad(line.label_at, 10))
    for arrow in arrows:
        extent += [(x + dx, y + dy) for x, y in arrow.points for dx in (-3, 3) for dy in (-3, 3)]
    for mark in marks:
        extent += list(_pad(mark.centre, mark.radius + 1))
    if floor:
        extent.append((extent[0][0], 3.0))
    extent += list(ground)
    pad = 3.0
    x0 = min(p[0] for p in extent) - pad
    x1 = max(p[0] for p in extent) + pad
    y0 = min(p[1] for p in extent) - pad
    y1 = max(p[1] for p in extent) + pad
    return Scene(
        strokes, ghost, frames, props, panel.arcs, panel.lines, arrows, marks, floor, ground,
        (x0, y0, x1 - x0, y1 - y0),
    )  # fmt: skip


def _pad(p: P2, r: float) -> tuple[P2, P2]:
    return ((p[0] - r, p[1] - r), (p[0] + r, p[1] + r))


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
    body += [p.svg for p in scene.props if p.behind]
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
                f"#{pid} .e{{animation:{pid}-e {DURATION}s linear infinite alternate}}"
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
        f"<style>{_style(markup, widths)}{''.join(css)}</style>{markup}</svg>"
    )


_BASE = (
    ".hf{--n:var(--hf-near,#3949ab);--bg:var(--hf-paper,#fff);--a:var(--hf-accent,#d84315);"
    "--q:var(--hf-prop-line,#757575)}"
    ".hf path{fill:none;stroke-linecap:round;stroke-linejoin:round}"
    ".hf .h{stroke:var(--bg)}.hf .n{stroke:var(--n)}.hf .t.n{fill:var(--n)}.hf .t.h{fill:var(--bg)}"
    ".hf .b path{animation:var(--m,none) 2.4s linear infinite alternate}"
    "@media (prefers-reduced-motion:reduce){.hf *{animation:none!important}}"
    "@media print{.hf *{animation:none!important}}"
)
_RULES = {
    "f": ".hf .f{stroke:var(--hf-far,#9fa8da)}.hf .t.f{fill:var(--hf-far,#9fa8da)}",
    "g": ".hf .g{opacity:.35}.hf .g path{stroke:var(--hf-ghost,#9e9e9e)}"
    ".hf .g .t{fill:var(--hf-ghost,#9e9e9e)}",
    "fl": ".hf .fl{stroke:var(--hf-floor,#9e9e9e);stroke-width:1.2}",
    "mt": ".hf .mt{fill:var(--hf-prop,#e0e0e0)}",
    "p": ".hf .p{fill:var(--hf-prop,#e0e0e0);stroke:var(--q);stroke-width:1}",
    "q": ".hf .q{stroke:var(--q);stroke-width:2}",
    "k": ".hf .k{fill:var(--q)}",
    "s": ".hf .s{stroke:var(--q);stroke-width:2.2}",
    "w": ".hf .w{stroke:var(--a);stroke-width:1.6}",
    "gl": ".hf .gl{fill:var(--bg);stroke:var(--q);stroke-width:.8}",
    "wl": ".hf .wl{stroke:var(--a);stroke-width:.8}",
    "a": ".hf .a{stroke:var(--a);stroke-width:1.2}",
    "d": ".hf .d{stroke-dasharray:2.5 2;stroke-width:.9}",
    "ah": ".hf .ah{fill:var(--a)}",
    "x": ".hf .x{stroke:var(--hf-fault,#c62828);stroke-width:1.6;stroke-dasharray:3.5 2.5}",
    "text": ".hf text{font:600 7px system-ui,sans-serif;fill:var(--hf-ink,#212121);"
    "text-anchor:middle;dominant-baseline:central;paint-order:stroke;stroke:var(--bg);"
    "stroke-width:2.2px}",
}
"""Rules shared by every figure (scoped to ``.hf``), each written only where its class (or
element) is used. Identical rules from several figures on one page are harmless."""


def _style(markup: str, widths: _Widths) -> str:
    used = {c for value in re.findall(r'class="([^"]*)"', markup) for c in value.split()}
    if "<text" in markup:
        used.add("text")
    rules = [_BASE, *(rule for name, rule in _RULES.items() if name in used), widths.css()]
    return "".join(rules)


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
    boxes = [{s.part: _box(s.points) for s in frame} for frame in (scene.strokes, *scene.frames)]
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
            _touching(stroke, earlier, by_part, boxes) for earlier in drawn
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


_Box = tuple[float, float, float, float]


def _touching(
    a: Stroke,
    b: Stroke,
    frames: Sequence[dict[str, Stroke]],
    boxes: Sequence[dict[str, _Box]],
) -> bool:
    """Do two parts overlap (or nearly) in the still pose or any frame of the motion?
    ``boxes``: each part's bounding box in the still pose, then in each frame."""
    reach = (a.width + b.width) / 2 + HALO
    for k, box in enumerate(boxes):
        (ax0, ay0, ax1, ay1), (bx0, by0, bx1, by1) = box[a.part], box[b.part]
        if max(bx0 - ax1, ax0 - bx1, by0 - ay1, ay0 - by1) > reach + 1e-6:
            continue  # the gap between their bounding boxes alone keeps them apart
        x, y = (a, b) if k == 0 else (frames[k - 1][a.part], frames[k - 1][b.part])
        if _distance(x.points, x.closed, y.points, y.closed) < reach:
            return True
    return False


def _box(points: Sequence[P2]) -> _Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _distance(a: Sequence[P2], a_closed: bool, b: Sequence[P2], b_closed: bool) -> float:
    def segments(points: Sequence[P2], closed: bool) -> list[tuple[P2, P2]]:
        if len(points) == 1:
            return [(points[0], points[0])]
        pairs = list(itertools.pairwise(points))
        return [*pairs, (points[-1], points[0])] if closed else pairs

    return min(
        _segment_distance(p, q) for p in segments(a, a_closed) for q in segments(b, b_closed)
    )


def _segment_distance(s: tuple[P2, P2], t: tuple[P2, P2]) -> float:
    def point(p: P2, seg: tuple[P2, P2]) -> float:
        (ax, ay), (bx, by) = seg
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        k = (
            0.0
            if length == 0
            else max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length))
        )
        return math.hypot(p[0] - ax - k * dx, p[1] - ay - k * dy)

    def crosses() -> bool:
        def side(p: P2, seg: tuple[P2, P2]) -> float:
            (ax, ay), (bx, by) = seg
            return (bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)

        return side(s[0], t) * side(s[1], t) < 0 and side(t[0], s) * side(t[1], s) < 0

    if crosses():
        return 0.0
    return min(point(s[0], t), point(s[1], t), point(t[0], s), point(t[1], s))


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
        return prop.svg
    anchors = _anchor_path(panel.frames, panel, prop)
    if anchors is None or all(abs(a[0]) < 0.05 and abs(a[1]) < 0.05 for a in anchors):
        return prop.svg
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
    css.append(f"#{pid} .m-{prop.kind}{{animation:{name} {DURATION}s linear infinite alternate}}")
    return f'<g class="m-{prop.kind}">{prop.svg}</g>'


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
