"""The content the site reads beyond the engine's, handed to the content loader: the figures and
the words of the guide's pages.

The content loader knows only the engine's kinds; whoever needs figures (the plugin, the
catalog export, the tests, the benchmarks) loads with ``SITE_KINDS``, or calls
``load_site_content``.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from pathlib import Path

from site_plugins.content import Content, load_content
from site_plugins.content.kinds import Kind
from site_plugins.figures import Figure, check_figures
from site_plugins.hipguide.kept import kept_checks
from site_plugins.render.pagewords import PageWords, page_word_problems

__all__ = ["FIGURES", "PAGES", "SITE_KINDS", "load_site_content"]

FIGURES = Kind(
    "figures",
    Figure,
    "figures/*.yaml",
    False,
    "figure",
    in_catalog=False,
    check=check_figures,
)
PAGES = Kind(
    "pages",
    PageWords,
    "pages.yaml",
    False,
    "pages",
    in_catalog=False,
    required=True,
    check=page_word_problems,
)
SITE_KINDS: tuple[Kind, ...] = (FIGURES, PAGES)


def load_site_content(root: Path, kept: Path | None = None) -> Content:
    """The content of ``root`` (a content folder), figures included. ``kept``: the build's
    cache folder, where the validators' schemas and the figures' checks are kept."""
    if kept is None:
        return load_content(root, SITE_KINDS)
    check = functools.partial(check_figures, check=kept_checks(kept / "figures"))
    return load_content(root, (replace(FIGURES, check=check), PAGES), kept / "schemas")
