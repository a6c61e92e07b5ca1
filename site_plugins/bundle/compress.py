"""Precompressed copies of the large runtime files (``name.gz`` beside ``name``), for a static
host that serves them with ``Content-Encoding: gzip`` (docs/architecture.md lists the headers).
Compressing is slow for the 31 MB snapshot, so each result is kept in a cache folder under the
sha256 of its input and copied from there while the input is unchanged."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from pathlib import Path

__all__ = ["COMPRESSED_SUFFIXES", "precompress"]

COMPRESSED_SUFFIXES = (".gz",)
"""Suffixes of the precompressed copies: not files of the site in their own right (the service
worker does not list them)."""


def precompress(paths: list[Path], cache: Path) -> list[Path]:
    """Write ``path.gz`` for each path (gzip level 9, no timestamp: reproducible bytes) where it
    saves at least a tenth (not python_stdlib.zip, already compressed); returns those written."""
    written = []
    cache.mkdir(parents=True, exist_ok=True)
    for path in paths:
        data = path.read_bytes()
        cached = cache / f"{hashlib.sha256(data).hexdigest()[:32]}.gz"
        if not cached.is_file():
            partial = cached.with_suffix(".partial")
            partial.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
            partial.replace(cached)
        target = path.with_name(path.name + ".gz")
        if cached.stat().st_size > 0.9 * len(data):
            target.unlink(missing_ok=True)
            continue
        if not target.is_file() or target.stat().st_size != cached.stat().st_size:
            shutil.copyfile(cached, target)
        written.append(target)
    return written
