"""The SVG of every panel: accessible, small, themeable, still when asked, safe in Markdown."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from site_plugins.figures.blocks import figure_blocks
from site_plugins.figures.panels import Panel
from site_plugins.figures.scene import scene_of
from site_plugins.figures.svg import render_svg
from tests.figures import real

SVG = "{http://www.w3.org/2000/svg}"
PANELS = real.panels()
MOTIONS = [p for p in PANELS if p.kind == "motion"]


@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.id)
def test_each_panel_has_a_title_and_a_description_it_is_labelled_by(panel: Panel) -> None:
    root = ET.fromstring(render_svg(panel))
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{panel.id}-t {panel.id}-d"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None
    assert title.get("id") == f"{panel.id}-t"
    assert title.text
    assert desc is not None
    assert desc.get("id") == f"{panel.id}-d"
    assert desc.text


@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.id)
def test_each_panel_is_under_ten_kilobytes(panel: Panel) -> None:
    assert len(render_svg(panel).encode()) < 10_000


@pytest.mark.parametrize("panel", PANELS, ids=lambda p: p.id)
def test_colours_come_from_custom_properties_with_fallbacks(panel: Panel) -> None:
    svg = render_svg(panel)
    assert "<script" not in svg
    assert not re.search(r'(fill|stroke)="#', svg), "no colour is fixed in an attribute"
    colours = re.findall(r"#[0-9a-fA-F]{3,6}\b", re.sub(r"#hf-[\w-]+|#k\w+", "", svg))
    uses = re.findall(r"var\(--hf-[\w-]+,([^)]+)\)", svg)
    assert len(colours) == len([u for u in uses if u.startswith("#")]), "every colour a fallback"


@pytest.mark.parametrize("panel", MOTIONS, ids=lambda p: p.id)
def test_the_motion_stops_on_the_end_position_for_reduced_motion_and_print(panel: Panel) -> None:
    svg = render_svg(panel)
    assert "@keyframes" in svg
    assert "@media (prefers-reduced-motion:reduce){.hf *{animation:none!important}}" in svg
    assert "@media print{.hf *{animation:none!important}}" in svg
    scene = scene_of(panel)
    body = svg[svg.index('<g class="b">') :]
    still = re.findall(r'<path class="[nf] [^"]*" d="([^"]+)"', body)
    end = [_d(s.points, s.closed) for s in scene.strokes]
    assert still == end, "without animation each part shows the end pose"


def _d(points: tuple[tuple[float, float], ...], closed: bool) -> str:
    def n(v: float) -> str:
        text = f"{v:.1f}".removesuffix(".0")
        return "0" if text == "-0" else text

    if len(points) == 1:
        return f"M{n(points[0][0])} {n(points[0][1])}h0"
    return "M" + "L".join(f"{n(x)} {n(y)}" for x, y in points) + ("Z" if closed else "")


def test_ids_and_animation_names_are_unique_across_every_figure() -> None:
    svgs = [render_svg(p) for p in PANELS]
    ids = Counter(i for svg in svgs for i in re.findall(r' id="([^"]+)"', svg))
    assert [i for i, n in ids.items() if n > 1] == []
    names = Counter(n for svg in svgs for n in set(re.findall(r"@keyframes ([\w-]+)", svg)))
    assert [n for n, count in names.items() if count > 1] == []


def test_figure_blocks_are_single_lines_of_html_safe_in_markdown() -> None:
    content = real.content()
    blocks = figure_blocks(content.catalog, content.extras["figures"])
    assert set(blocks) == {a.id for a in content.catalog.assessments} | {
        e.id for e in content.catalog.exercises
    }
    for block in blocks.values():
        assert "\n" not in block
        assert block.startswith('<figure class="hipfig"')
        assert block.endswith("</figure>")
