"""The figures' colours and styles: the palette a page gives the figures (light, dark, print)
and the CSS rules each SVG carries, written only where used.

Colours are CSS custom properties with fallbacks (``--hf-near`` and friends), so the page's
light or dark palette reaches the inline SVG, and a theme can set them too.
"""

from __future__ import annotations

import re

__all__ = ["STYLE", "WIDGET_STYLE", "svg_rules"]

_COLOURS = (
    "--hf-near:#3949ab;--hf-far:#9fa8da;--hf-ghost:#9e9e9e;--hf-accent:#d84315;"
    "--hf-fault:#c62828;--hf-floor:#9e9e9e;--hf-prop:#e0e0e0;--hf-prop-line:#757575;"
)
_PALETTE = (
    f"{_COLOURS}--hf-paper:var(--md-default-bg-color,#fff);"
    "--hf-ink:var(--md-default-fg-color,#212121)"
)
_DARK = (
    "--hf-near:#9fa8da;--hf-far:#4f5b93;--hf-ghost:#8a8f98;--hf-accent:#ffab40;"
    "--hf-fault:#ff8a80;--hf-floor:#757575;--hf-prop:#3a3f4b;--hf-prop-line:#a0a4ab"
)
_PRINT = (
    "--hf-near:#333;--hf-far:#999;--hf-ghost:#aaa;--hf-accent:#000;--hf-fault:#000;"
    "--hf-floor:#666;--hf-prop:#eee;--hf-prop-line:#555;--hf-paper:#fff;--hf-ink:#000"
)


def _layout(unit: str) -> str:
    """The panels' layout, sized in ``unit``: rem on the guide's pages, em in the widget."""
    return (
        f"@media print{{.hipfig{{{_PRINT}}}.hipfig-panel{{break-inside:avoid}}}}"
        f".hipfig-panels{{display:flex;flex-wrap:wrap;gap:.5{unit} 1{unit};align-items:flex-end}}"
        ".hipfig-panel{margin:0;max-width:100%}"
        ".hipfig-panel svg{display:block;max-width:100%;height:auto}"
        f".hipfig-panel figcaption{{font-size:.75{unit};margin-top:.2{unit}}}"
        ".hipfig-fault figcaption{color:var(--hf-fault);font-weight:600}"
        f".hipfig>figcaption{{font-size:.75{unit};margin-top:.4{unit}}}"
    )


STYLE = (
    f".hipfig{{margin:1em 0;{_PALETTE}}}"
    f"[data-md-color-scheme=slate] .hipfig{{{_DARK}}}"
    f"@media (prefers-color-scheme:dark){{body:not([data-md-color-scheme]) .hipfig{{{_DARK}}}}}"
    + _layout("rem")
)
"""Layout and palette: light (mkdocs-material's default scheme), dark (its 'slate', or the
system's dark mode outside the theme), and print (greys; faults keep their dashed rings)."""

WIDGET_STYLE = (
    f".hipfig{{margin:1em 0;{_COLOURS}"
    "--hf-paper:var(--hip-bg,#fff);--hf-ink:var(--hip-fg,#212121)}"
    f":host([data-scheme=dark]) .hipfig{{{_DARK}}}" + _layout("em")
)
"""The same, inside the widget's shadow root: the page's selectors cannot reach in, so the
palette follows the widget's own scheme (its data-scheme, from its theme attribute) and its
colours; sizes in em, as no host's root font size may change the widget."""

_SCALE = {"motion": 2.2, "detail": 1.6, "fault": 1.6}
"""Pixels per drawing unit (a 175 cm body is 100 units): the motion is drawn larger."""


MOTION = "2.4s linear 2 alternate-reverse"
"""How a figure moves once it is seen: from its end position (the picture it shows when still)
back to its start and forward again, 4.8 s in all, resting where it began. Under five seconds,
so the motion needs no pause control (WCAG 2.2.2, Pause, Stop, Hide); a figure moves again each
time it comes back into view (the page's script and the widget give it ``hf-play``)."""


_BASE = (
    ".hf{--n:var(--hf-near,#3949ab);--bg:var(--hf-paper,#fff);--a:var(--hf-accent,#d84315);"
    "--q:var(--hf-prop-line,#757575)}"
    ".hf path{fill:none;stroke-linecap:round;stroke-linejoin:round}"
    ".hf .h{stroke:var(--bg)}.hf .n{stroke:var(--n)}.hf .t.n{fill:var(--n)}.hf .t.h{fill:var(--bg)}"
    f".hf .b path{{animation:var(--m,none) {MOTION}}}"
    ".hf:not(.hf-play) *{animation:none!important}"
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


def svg_rules(markup: str) -> str:
    """The rules an SVG's markup uses: the shared base, then each class's (or element's)."""
    used = {c for value in re.findall(r'class="([^"]*)"', markup) for c in value.split()}
    if "<text" in markup:
        used.add("text")
    return "".join([_BASE, *(rule for name, rule in _RULES.items() if name in used)])
