"""The guide's icon (site_plugins.bundle.icon): PNG images a browser decodes off the page's
critical work, drawn from the icon's shapes, named by the favicon and the web app manifest."""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import pytest

from site_plugins.bundle.icon import COLOR, FAVICON, ICONS, icon_png
from site_plugins.hipguide import kept
from site_plugins.hipguide.kept import kept_icons

Pixel = tuple[int, int, int, int]


def read_png(data: bytes) -> tuple[int, list[list[Pixel]]]:
    """A strict reader for what icon_png writes: every chunk's CRC checked, 8-bit RGBA, rows
    unfiltered."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks = 8, []
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body), f"{kind!r}: bad CRC"
        chunks.append((kind, body))
        at += 12 + length
    kinds = [kind for kind, _ in chunks]
    assert (kinds[0], kinds[-1]) == (b"IHDR", b"IEND")
    width, height, depth, colour, *_ = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (width, depth, colour) == (height, 8, 6)
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    stride = 1 + 4 * width
    assert len(raw) == stride * height
    rows = []
    for y in range(height):
        line = raw[y * stride : (y + 1) * stride]
        assert line[0] == 0
        rows.append([tuple(line[1 + 4 * x : 5 + 4 * x]) for x in range(width)])
    return width, rows  # type: ignore[return-value]


INDIGO, WHITE = (*COLOR, 255), (255, 255, 255, 255)


@pytest.mark.parametrize("size", sorted({icon.size for icon in ICONS}))
def test_the_icon_is_a_white_runner_on_a_rounded_indigo_square(size: int) -> None:
    width, rows = read_png(icon_png(size))
    assert width == size

    def at(x: float, y: float) -> Pixel:  # in the icon's own 96 × 96 units
        return rows[int(y * size / 96)][int(x * size / 96)]

    indigo, white = INDIGO, WHITE
    assert at(0.2, 0.2)[3] == 0, "the corners are rounded off, transparent"
    assert [at(48, 1), at(1, 48), at(20, 80)] == [indigo] * 3
    assert at(56 + 7, 18) == white, "the head is a ring..."
    assert at(56, 18) == indigo, "...not a disc"
    assert at(46, 41) == white, "the back, from the shoulders to the hip"
    assert at(53, 73) == white, "the front leg"
    reds = {pixel[0] for row in rows for pixel in row if pixel[3] == 255}
    assert len(reds) > 20, "the strokes' edges are anti-aliased (indigo to white)"


def test_the_maskable_icon_keeps_the_runner_inside_the_circle_a_launcher_keeps() -> None:
    size = 512
    _, rows = read_png(icon_png(size, maskable=True))
    assert rows[0][0] == INDIGO, "full bleed: the launcher cuts the shape"
    assert rows[-1][-1] == INDIGO
    white = [
        (x, y) for y, row in enumerate(rows) for x, pixel in enumerate(row) if pixel[0] > COLOR[0]
    ]
    assert white, "the runner is drawn"
    middle, kept = size / 2, 0.4 * size  # the safe zone: a circle 80% of the icon across
    farthest = max(((x + 0.5 - middle) ** 2 + (y + 0.5 - middle) ** 2) ** 0.5 for x, y in white)
    assert farthest <= kept
    assert farthest > 0.9 * kept, "and no smaller than it needs to be"


def test_an_icon_too_small_to_draw_is_refused() -> None:
    with pytest.raises(ValueError, match="8 px is too small"):
        icon_png(8)


def test_the_guide_names_its_icons_as_png_and_never_svg(built_site: Path) -> None:
    manifest = json.loads((built_site / "manifest.webmanifest").read_text("utf-8"))
    icons = manifest["icons"]
    assert [(i["sizes"], i["purpose"]) for i in icons] == [
        (f"{i.size}x{i.size}", i.purpose) for i in ICONS
    ]
    for icon in icons:
        assert icon["type"] == "image/png"
        width, _ = read_png((built_site / icon["src"]).read_bytes())
        assert icon["sizes"] == f"{width}x{width}"
    for page in ("index.html", "article/index.html", "exercises/hip-bridge/index.html"):
        html = (built_site / page).read_text("utf-8")
        links = re.findall(r'<link rel="icon" href="([^"]+)"[^>]*>', html)
        assert len(links) == 1, f"{page}: one icon, not the theme's beside the guide's"
        (href,) = links
        favicon = (built_site / page).parent.joinpath(href).resolve()
        assert favicon.read_bytes() == icon_png(FAVICON.size)
        # Chromium draws an SVG icon as a document on the page's main thread (bundle/icon.py)
        assert ".svg" not in " ".join(re.findall(r"<link[^>]*>", html))


def test_the_build_draws_each_icon_once_and_then_reads_it_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = kept_icons(tmp_path)(FAVICON)
    assert drawn == icon_png(FAVICON.size)

    def draw_again(size: int, *, maskable: bool = False) -> bytes:
        raise AssertionError("drawn again")

    monkeypatch.setattr(kept, "icon_png", draw_again)
    assert kept_icons(tmp_path)(FAVICON) == drawn
