"""Figures as HTML blocks for the pages, and the contact sheet of them all.

A block is one ``<figure>``: the panels side by side (each an inline ``<svg>`` with its
``<title>`` and ``<desc>``, captioned), and under them the text alternative in words. Inline,
so that the page's palette (the ``--hf-*`` custom properties that ``theme`` sets from
mkdocs-material's colours) reaches the drawing. Blocks are single lines of HTML, safe inside
Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from html import escape

from hipcore.model import Catalog
from site_plugins.figures.catalog import panels_of
from site_plugins.figures.model import Figure
from site_plugins.figures.panels import Panel
from site_plugins.figures.scene import scene_of
from site_plugins.figures.subjects import Subject, subjects
from site_plugins.figures.svg import render_svg
from site_plugins.figures.theme import STYLE
from site_plugins.render.escape import text as markdown_text

__all__ = ["CONTACT_SHEET_MARKER", "FigureError", "contact_sheet", "figure_blocks"]

CONTACT_SHEET_MARKER = "<!-- hipguide:figures -->"
"""Where in ``docs/figures.md`` the contact sheet goes."""

_SCALE = {"motion": 2.2, "detail": 1.6, "fault": 1.6}
"""Pixels per drawing unit (a 175 cm body is 100 units): the motion is drawn larger."""


class FigureError(ValueError):
    """A figure cannot be drawn; the content checks report the same problems, located."""


def figure_blocks(
    catalog: Catalog,
    figures: Iterable[Figure],
    draw: Callable[[Figure, Subject], str] | None = None,
) -> dict[str, str]:
    """Each assessment's and exercise's figure block, by id; ``draw`` makes one
    (``figure_block``, or a caller's that keeps what it drew)."""
    known = subjects(catalog)
    blocks: dict[str, str] = {}
    for figure in figures:
        subject = known.get(figure.id)
        if subject is not None:
            blocks[figure.id] = (draw or figure_block)(figure, subject)
    return blocks


@cache
def figure_block(figure: Figure, subject: Subject) -> str:
    """One figure's block: its panels and the text alternative (cached, like the panels: the
    pages and the contact sheet show the same blocks, drawn once)."""
    panels, problems = panels_of(figure, subject)
    if problems:
        listed = "; ".join(str(p) for p in problems)
        raise FigureError(f"the figure of '{figure.id}' cannot be drawn: {listed}")
    parts = "".join(_panel(p) for p in panels)
    text = escape(figure.description)
    faults = [p for p in panels if p.kind == "fault"]
    if faults:
        text += (
            " Beside it, what to watch for: "
            + "; ".join(escape(p.caption.removeprefix("✗ ")) for p in faults)
            + "."
        )
    return (
        f'<figure class="hipfig" id="figure-{figure.id}"><style>{STYLE}</style>'
        f'<div class="hipfig-panels">{parts}</div><figcaption>{text}</figcaption></figure>'
    )


_MIN_HEIGHT = 130
"""Pixels: a small panel (seen end-on, say) is drawn larger, up to 3 pixels a unit."""


def _panel(panel: Panel) -> str:
    kind = f" hipfig-{panel.kind}"
    caption = f"<figcaption>{escape(panel.caption)}</figcaption>" if panel.caption else ""
    scene = scene_of(panel)
    scale = min(max(_SCALE[panel.kind], _MIN_HEIGHT / scene.box[3]), 3.0)
    svg = render_svg(panel, scale, scene)
    return f'<figure class="hipfig-panel{kind}">{svg}{caption}</figure>'


def contact_sheet(
    catalog: Catalog, blocks: Mapping[str, str], page_of: Callable[[str], str]
) -> str:
    """Markdown: every assessment (in the article's order) and every exercise (by name), each
    under a heading that links to its page, with its figure block (``figure_blocks``).
    ``page_of`` gives the Markdown path of an assessment's or exercise's page, relative to the
    contact sheet."""
    out: list[str] = []
    groups = (
        ("Assessments", list(catalog.assessments)),
        ("Exercises", sorted(catalog.exercises, key=lambda e: e.name.casefold())),
    )
    for title, items in groups:
        out.append(f"## {title}\n")
        for item in items:
            out.append(f"### [{markdown_text(item.name)}]({page_of(item.id)})\n")
            out.append(blocks.get(item.id, "*No figure yet.*") + "\n")
    return "\n".join(out)
