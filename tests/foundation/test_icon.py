"""The guide's icon (site_plugins.bundle.icon): PNG images a browser decodes off the page's
critical work, drawn from the icon's shapes, named by the favicon and the web app manifest."""

from __future__ import annotations

import json
import re
import struct
import zlib
from pathlib import Path

import pytest

from site_plugins.bundle.icon import COLOR, SIZES, icon_png

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


@pytest.mark.parametrize("size", SIZES)
def test_the_icon_is_a_white_runner_on_a_rounded_indigo_square(size: int) -> None:
    width, rows = read_png(icon_png(size))
    assert width == size

    def at(x: float, y: float) -> Pixel:  # in the icon's own 96 × 96 units
        return rows[int(y * size / 96)][int(x * size / 96)]

    indigo, white = (*COLOR, 255), (255, 255, 255, 255)
    assert at(0.2, 0.2)[3] == 0, "the corners are rounded off, transparent"
    assert [at(48, 1), at(1, 48), at(20, 80)] == [indigo] * 3
    assert at(56 + 7, 18) == white, "the head is a ring..."
    assert at(56, 18) == indigo, "...not a disc"
    assert at(46, 41) == white, "the back, from the shoulders to the hip"
    assert at(53, 73) == white, "the front leg"
    reds = {pixel[0] for row in rows for pixel in row if pixel[3] == 255}
    assert len(reds) > 20, "the strokes' edges are anti-aliased (indigo to white)"


def test_an_icon_too_small_to_draw_is_refused() -> None:
    with pytest.raises(ValueError, match="8 px is too small"):
        icon_png(8)


def test_the_guide_names_its_icons_as_png_and_never_svg(built_site: Path) -> None:
    manifest = json.loads((built_site / "manifest.webmanifest").read_text("utf-8"))
    icons = manifest["icons"]
    assert [icon["sizes"] for icon in icons] == [f"{s}x{s}" for s in SIZES]
    for icon in icons:
        assert icon["type"] == "image/png"
        width, _ = read_png((built_site / icon["src"]).read_bytes())
        assert icon["sizes"] == f"{width}x{width}"
    for page in ("index.html", "article/index.html", "exercises/hip-bridge/index.html"):
        html = (built_site / page).read_text("utf-8")
        links = re.findall(r'<link rel="icon" href="([^"]+)"[^>]*>', html)
        assert len(links) == 1, f"{page}: one icon, not the theme's beside the guide's"
        (href,) = links
        assert (built_site / page).parent.joinpath(href).resolve().read_bytes() == icon_png(
            min(SIZES)
        )
        # Chromium draws an SVG icon as a document on the page's main thread (bundle/icon.py)
        assert ".svg" not in " ".join(re.findall(r"<link[^>]*>", html))
