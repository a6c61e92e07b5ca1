"""Pictures of every test and exercise, drawn from pose data in the content.

The figure content model (``model``) is validated by the content loader like any content. A
figure is drawn in steps, one module each: ``poses`` (inheritance), ``skeleton`` (Winter's
proportions, forward kinematics), ``floor`` (the body at rest), ``camera`` (the views),
``checks`` and ``panels`` (what each panel shows), ``strokes``, ``labels``, ``props`` and
``scene`` (plain 2D geometry, on ``geometry``), ``svg`` and ``theme`` (the writing);
``catalog`` checks a catalog's figures, ``blocks`` puts them in pages. ``docs/figures.md``
maps them. No MkDocs here: the plugin only calls ``figure_blocks`` (with ``figure_block``,
kept by figure) and ``contact_sheet``.
"""

from site_plugins.figures.blocks import (
    CONTACT_SHEET_MARKER,
    FigureError,
    contact_sheet,
    figure_block,
    figure_blocks,
)
from site_plugins.figures.catalog import check_figures
from site_plugins.figures.model import Figure
from site_plugins.figures.subjects import Subject

__all__ = [
    "CONTACT_SHEET_MARKER",
    "Figure",
    "FigureError",
    "Subject",
    "check_figures",
    "contact_sheet",
    "figure_block",
    "figure_blocks",
]
