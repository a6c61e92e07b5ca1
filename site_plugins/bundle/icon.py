"""The guide's icon, a runner on the theme's indigo, written as PNG images: the favicon and the
web app manifest's icons.

PNG, not SVG: Chromium draws an SVG icon (the favicon, the manifest's icon it checks the guide's
installability with) as a document of its own on the page's main thread, 10–30 ms per icon
during the load on the development machine, four times that on Lighthouse's simulated phone
(traced, docs/performance.md); a PNG of this size decodes in well under a millisecond.

The icon is drawn from its shapes (in a 96 × 96 square), each pixel covered by how far its
centre lies inside a shape (signed distance, anti-aliased over one pixel), and written as an
8-bit RGBA PNG with the standard library alone: the same bytes on every build. Drawing a 512 px
one takes ~0.5 s, so the plugin keeps the images between builds (``hipguide/kept.py``)."""

from __future__ import annotations

import itertools
import math
import struct
import zlib
from dataclasses import dataclass

__all__ = ["COLOR", "FAVICON", "ICONS", "Icon", "icon_png"]

COLOR = (0x3F, 0x51, 0xB5)
"""The square's colour: the theme's indigo (mkdocs.yml's primary colour, the manifest's
theme colour)."""

_MASKABLE_SHRINK = 0.85
"""How much smaller the runner is drawn on the maskable icon: its farthest point (the top of the
head) is 41 units from the centre, the kept circle's radius 38.4."""

_SIDE = 96.0
_CORNER = 20.0
_STROKE = 3.5
"""Half the width of the runner's strokes (white, round caps and joins)."""

_HEAD = ((56.0, 18.0), 7.0)
_LIMBS = (
    ((52.0, 30.0), (40.0, 52.0), (56.0, 62.0), (50.0, 84.0)),  # back and leg
    ((40.0, 52.0), (28.0, 64.0)),  # other leg
    ((50.0, 32.0), (66.0, 42.0), (76.0, 38.0)),  # arm
)


@dataclass(frozen=True)
class _Segment:
    """A stroke from (ax, ay) along (dx, dy), with round ends."""

    ax: float
    ay: float
    dx: float
    dy: float
    box: tuple[float, float, float, float]
    """Where a pixel's centre may be covered by it (left, top, right, bottom)."""

    def distance(self, x: float, y: float) -> float:
        along = ((x - self.ax) * self.dx + (y - self.ay) * self.dy) / (self.dx**2 + self.dy**2)
        t = min(max(along, 0.0), 1.0)
        return math.hypot(x - self.ax - t * self.dx, y - self.ay - t * self.dy)


@dataclass(frozen=True)
class _Ring:
    """A stroke round a circle."""

    cx: float
    cy: float
    r: float
    box: tuple[float, float, float, float]

    def distance(self, x: float, y: float) -> float:
        return abs(math.hypot(x - self.cx, y - self.cy) - self.r)


@dataclass(frozen=True)
class Icon:
    """One image of the icon."""

    size: int
    """Its width and height in pixels."""
    maskable: bool = False
    """The whole square indigo and the runner within its middle 80%, which a phone's launcher
    keeps whatever shape it cuts (a circle, a squircle); the other icons are the rounded square,
    which a launcher would shrink onto a white disc."""

    @property
    def name(self) -> str:
        return f"icon-{self.size}{'-maskable' if self.maskable else ''}.png"

    @property
    def purpose(self) -> str:
        """As the web app manifest says it."""
        return "maskable" if self.maskable else "any"


ICONS = (Icon(192), Icon(512), Icon(512, maskable=True))
"""The images written: the sizes browsers ask of an installable app's icons, and a maskable
one."""

FAVICON = ICONS[0]
"""The one pages link as their icon (mkdocs.yml's ``theme.favicon``)."""


def icon_png(size: int, *, maskable: bool = False) -> bytes:
    """The icon as a ``size`` × ``size`` PNG (``Icon.maskable`` for ``maskable``)."""
    if size < 16:
        raise ValueError(f"an icon of {size} px is too small to draw")
    scale = size / _SIDE
    pixel = 1.0 / scale
    corner = 0.0 if maskable else _CORNER
    shrink = _MASKABLE_SHRINK if maskable else 1.0
    half_width = _STROKE * shrink
    strokes = _strokes(pixel, shrink, half_width)
    blue = bytes((*COLOR, 255))
    rows = []
    for j in range(size):
        y = (j + 0.5) * pixel
        row = bytearray(blue * size)
        near = [s for s in strokes if s.box[1] <= y <= s.box[3]]
        for i in _columns_to_draw(y, near, pixel, size, corner):
            x = (i + 0.5) * pixel
            square = _coverage(_square_distance(x, y, corner), scale)
            white = _coverage(_stroke_distance(x, y, near) - half_width, scale)
            row[4 * i : 4 * i + 4] = bytes(
                (*(round(c + (255 - c) * white) for c in COLOR), round(255 * square))
            )
        rows.append(b"\0" + bytes(row))  # filter type 0 (none) for every row
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", header),
            _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)),
            _chunk(b"IEND", b""),
        )
    )


def _strokes(pixel: float, shrink: float, half_width: float) -> list[_Segment | _Ring]:
    """The runner's strokes, drawn ``shrink`` times its size about the square's centre."""

    def place(point: tuple[float, float]) -> tuple[float, float]:
        middle = _SIDE / 2
        return (middle + (point[0] - middle) * shrink, middle + (point[1] - middle) * shrink)

    reach = half_width + pixel
    strokes: list[_Segment | _Ring] = []
    for limb in _LIMBS:
        for (ax, ay), (bx, by) in itertools.pairwise(map(place, limb)):
            box = (
                min(ax, bx) - reach,
                min(ay, by) - reach,
                max(ax, bx) + reach,
                max(ay, by) + reach,
            )
            strokes.append(_Segment(ax, ay, bx - ax, by - ay, box))
    (cx, cy), r = place(_HEAD[0]), _HEAD[1] * shrink
    out = r + reach
    strokes.append(_Ring(cx, cy, r, (cx - out, cy - out, cx + out, cy + out)))
    return strokes


def _columns_to_draw(
    y: float, near: list[_Segment | _Ring], pixel: float, size: int, corner: float
) -> set[int]:
    """The pixels of a row that are not plain indigo: near a rounded corner or a stroke."""
    columns: set[int] = set()
    corner += pixel
    if y < corner or y > _SIDE - corner:
        columns.update(range(math.ceil(corner / pixel)))
        columns.update(range(size - math.ceil(corner / pixel), size))
    if y < pixel or y > _SIDE - pixel:
        columns.update(range(size))
    columns.update((0, size - 1))
    for s in near:
        columns.update(range(max(0, int(s.box[0] / pixel)), min(size, math.ceil(s.box[2] / pixel))))
    return columns


def _square_distance(x: float, y: float, corner: float) -> float:
    """Signed distance from the rounded square's edge (negative inside)."""
    half = _SIDE / 2 - corner
    qx = abs(x - _SIDE / 2) - half
    qy = abs(y - _SIDE / 2) - half
    return math.hypot(max(qx, 0.0), max(qy, 0.0)) + min(max(qx, qy), 0.0) - corner


def _stroke_distance(x: float, y: float, near: list[_Segment | _Ring]) -> float:
    """Distance from the nearest stroke's middle line."""
    return min((s.distance(x, y) for s in near if s.box[0] <= x <= s.box[2]), default=math.inf)


def _coverage(distance: float, scale: float) -> float:
    return min(max(0.5 - distance * scale, 0.0), 1.0)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
