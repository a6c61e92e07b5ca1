"""The built site: every assessment and exercise page shows its figure, and the contact sheet
shows them all."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from site_plugins.render.paths import slug
from tests.figures import real

CATALOG = real.content().catalog
PAGES = [("assessments", a.id) for a in CATALOG.assessments] + [
    ("exercises", e.id) for e in CATALOG.exercises
]


def _page(site: Path, kind: str, item_id: str) -> str:
    return (site / kind / slug(item_id) / "index.html").read_text("utf-8")


def _svgs(html: str) -> list[str]:
    return re.findall(r'<svg xmlns="http://www.w3.org/2000/svg" id="hf-.*?</svg>', html)


@pytest.mark.parametrize(("kind", "item_id"), PAGES, ids=str)
def test_every_assessment_and_exercise_page_has_its_figure(
    built_site: Path, kind: str, item_id: str
) -> None:
    html = _page(built_site, kind, item_id)
    block = re.search(
        rf'<figure class="hipfig" id="figure-{item_id}">.*?</div>\s*<figcaption>[^<]+'
        r"</figcaption>\s*</figure>",
        html,
        re.DOTALL,
    )
    assert block, "the figure block is on the page"
    svgs = _svgs(html)
    assert svgs
    for svg in svgs:
        assert re.search(r'<title id="hf-[\w-]+-t">[^<]+</title>', svg)
        assert re.search(r'<desc id="hf-[\w-]+-d">[^<]+</desc>', svg)
        assert len(svg.encode()) < 10_000
    ids = Counter(re.findall(r' id="([^"]+)"', html))
    assert [i for i, n in ids.items() if n > 1] == [], "ids are unique on the page"
    text = re.search(r"</div>\s*<figcaption>([^<]+)</figcaption>\s*</figure>$", block.group(0))
    assert text, "a text alternative in words under the pictures"
    assert len(text.group(1)) > 40


@pytest.mark.parametrize("assessment", CATALOG.assessments, ids=lambda a: a.id)
def test_each_compensation_is_drawn_beside_the_correct_position_in_the_protocols_words(
    built_site: Path, assessment: object
) -> None:
    html = _page(built_site, "assessments", assessment.id)  # type: ignore[attr-defined]
    captions = re.findall(
        r'<figure class="hipfig-panel hipfig-(motion|fault)">.*?<figcaption>([^<]+)</figcaption>',
        html,
        re.DOTALL,
    )
    assert captions[0] == ("motion", "✓ Correct")
    labels = [c.label for c in assessment.compensations]  # type: ignore[attr-defined]
    faults = [text for kind, text in captions if kind == "fault"]
    assert faults == [f"✗ {label}" for label in labels]


def test_the_contact_sheet_shows_every_figure(built_site: Path) -> None:
    html = (built_site / "figures" / "index.html").read_text("utf-8")
    shown = {re.search(r'id="(hf-[\w-]+)"', svg).group(1) for svg in _svgs(html)}  # type: ignore[union-attr]
    assert shown == {panel.id for panel in real.panels()}
    for kind, item_id in PAGES:
        assert f'href="../{kind}/{slug(item_id)}/"' in html, "each figure links to its page"
