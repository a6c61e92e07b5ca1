"""Pictures of every test and exercise, drawn from pose data in the content.

The figure content model (``model``) is validated by the content loader like any content; the
skeleton (``skeleton``: Winter's segment proportions, forward kinematics), the placing of a
pose on the floor (``posing``), the views (``camera``), the panels a figure shows
(``panels``) and the SVG writer (``svg``) make the pictures; ``blocks`` puts them in pages.
No MkDocs here: the plugin only calls ``figure_blocks`` and ``contact_sheet``.
"""

from site_plugins.figures.blocks import (
    CONTACT_SHEET_MARKER,
    FigureError,
    contact_sheet,
    figure_blocks,
)
from site_plugins.figures.checks import check_figures
from site_plugins.figures.model import Figure

__all__ = [
    "CONTACT_SHEET_MARKER",
    "Figure",
    "FigureError",
    "check_figures",
    "contact_sheet",
    "figure_blocks",
]
