"""The figures' output, pinned: a change of structure must not change a byte of any drawing.

The hash covers every figure block of the real content (each panel's SVG, its caption, the
text alternative and the block's style) and the contact sheet. When a drawing is meant to
change, record the new value from the test's failure message in the same commit.
"""

from __future__ import annotations

import hashlib

from site_plugins.figures import contact_sheet, figure_blocks
from tests.figures import real

OUTPUT_SHA256 = "e21176f8a0e2ac0081526c2de4dc9ab3ffd50c59e915dc9df290724e6ab9334f"


def test_every_figure_renders_byte_for_byte_as_recorded() -> None:
    catalog, figures = real.content().catalog, list(real.figures().values())
    blocks = figure_blocks(catalog, figures)
    sheet = contact_sheet(catalog, blocks, lambda subject: f"{subject}.md")
    digest = hashlib.sha256()
    for figure_id in sorted(blocks):
        digest.update(f"{figure_id}\n{blocks[figure_id]}\n".encode())
    digest.update(sheet.encode())
    assert digest.hexdigest() == OUTPUT_SHA256
