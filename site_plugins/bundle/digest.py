"""The sha256 of a file, computed once per build for each version of it.

The bundle hashes its large files more than once: the snapshot's name hashes the Pyodide
runtime it was taken from, its manifest entry hashes the snapshot, and the service worker's
manifest hashes every file of the site, those included (about 45 MB read and hashed twice).
``file_sha256`` keeps each digest for the life of the process, keyed by the file's path, size
and modification time, so an edited or rewritten file is hashed again (docs/architecture.md,
"Build caches")."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

__all__ = ["file_sha256"]


def file_sha256(path: Path) -> bytes:
    """The raw sha256 digest of the file's bytes."""
    stat = path.stat()
    return _digest(str(path.resolve()), stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=256)
def _digest(path: str, size: int, mtime_ns: int) -> bytes:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.digest()
