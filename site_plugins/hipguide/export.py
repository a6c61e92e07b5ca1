"""Regenerate what is derived from ``content/``, figures included: the packaged catalog and
the JSON Schemas (``make catalog``).

    python -m site_plugins.hipguide.export [--check]
"""

from __future__ import annotations

import sys

from site_plugins.content import export
from site_plugins.hipguide.kinds import SITE_KINDS

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """``export.main`` with the site's kinds; ``--check`` exits 1 if a file is out of date."""
    return export.main(argv, SITE_KINDS)


if __name__ == "__main__":
    sys.exit(main())
