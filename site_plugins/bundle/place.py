"""Put a file the build does not change into the site: a hard link where the filesystem allows
one, else a copy.

The bundle's large files are made once and never written again: the Pyodide runtime npm
installed, and the snapshot and compressed copies in the build cache (about 40 MB). A link
copies no bytes, and keeps the file's identity, so its sha256 is not computed again
(``bundle/digest.py``). Every writer in the bundle replaces a file rather than writing into it,
as this module does: a write into a linked file would change the original too."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

__all__ = ["place_file"]


def place_file(source: Path, target: Path) -> None:
    """``target`` holds ``source``'s bytes: linked (or copied, with its times, where a link
    cannot be made: another filesystem, or one without links). A file already at ``target``
    is replaced, never written into."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
