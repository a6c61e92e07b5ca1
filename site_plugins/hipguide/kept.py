"""What the build keeps between builds that depends on the code and one small input: each
figure's check and page block, the icon's images.

Posing a figure (the body on the floor, every frame of its motion) is most of what a build
spends on figures (~0.1 s of CPU for the real site's 18), and the content check poses each one
before the pages draw it. Both results depend only on the figure, its subject and the code, so
each is kept under a hash of the figure and subject (their repr) and the code's key
(``content/cache.py: code_key``): a build after an edit to the content poses only the figures the
edit changed. A figure that cannot be drawn has problems, which are kept as any other result;
its block is never drawn (``figure_block`` raises), so never kept.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from hipcore.errors import Problem
from site_plugins.bundle import icon as icon_module
from site_plugins.bundle.icon import ICONS, Icon, icon_png
from site_plugins.content.cache import Derived, code_key
from site_plugins.figures import Figure, Subject, figure_block
from site_plugins.figures.catalog import problems_of

__all__ = ["FIGURES_KEPT", "kept_checks", "kept_figures", "kept_icons"]

T = TypeVar("T")

FIGURES_KEPT = 256
"""Entries kept (the most recently used): blocks and checks, several versions of 18 figures."""


def kept_figures(folder: Path) -> Callable[[Figure, Subject], str]:
    """Draws a figure's block (``figure_block``), or reads it back from ``folder``."""
    return _kept(folder, "block", lambda f, s: figure_block(f, s))  # noqa: PLW0108 - late bound


def kept_checks(folder: Path) -> Callable[[Figure, Subject], tuple[Problem, ...]]:
    """Checks a figure (``problems_of``), or reads the result back from ``folder``."""
    return _kept(folder, "check", lambda f, s: problems_of(f, s))  # noqa: PLW0108 - late bound


def kept_icons(folder: Path) -> Callable[[Icon], bytes]:
    """Draws an image of the icon (``icon_png``, ~1.2 s for all of them), or reads it back from
    ``folder``. Keyed by the drawing's own module, not the whole code (``code_key``): an edit
    elsewhere in the plugin does not draw them again."""
    drawn_by = hashlib.sha256(Path(icon_module.__file__).read_bytes()).hexdigest()[:32]
    kept = Derived(folder, drawn_by, keep=2 * len(ICONS))
    return lambda icon: kept.get(icon.name, lambda: icon_png(icon.size, maskable=icon.maskable))


def _kept(
    folder: Path, what: str, make: Callable[[Figure, Subject], T]
) -> Callable[[Figure, Subject], T]:
    kept = Derived(folder, code_key(), keep=FIGURES_KEPT)

    def get(figure: Figure, subject: Subject) -> T:
        # Named by their repr, not their pickle: equal values pickle differently when one holds
        # the same string twice and the other two equal strings (content read through pydantic's
        # own validator, or one made from a kept schema). Every field is in the repr.
        drawn_from = hashlib.sha256(repr((figure, subject)).encode()).hexdigest()[:24]
        return kept.get(f"{figure.id}-{drawn_from}-{what}", lambda: make(figure, subject))

    return get
