"""The sha256 of a file, computed once per build for each file on disk.

The bundle hashes its large files more than once: the snapshot's name hashes the Pyodide
runtime it was taken from, its manifest entry hashes the snapshot, the precompressed copies are
kept under their input's hash, the bundle's version hashes every file of the bundle and the
service worker's manifest every file of the site (about 40 MB, four times over). ``file_sha256``
keeps each digest for the life of the process, keyed by what identifies a file's bytes on disk,
as git's index does: its device and inode, size, modification and change times. A hard link
(``bundle/place.py``) and the rename of the folder holding it keep all five, so the runtime
linked from ``node_modules`` is hashed once, not once per path; a file rewritten, replaced or
linked again has a new change time and is hashed again (docs/architecture.md, "Build caches")."""

from __future__ import annotations

import hashlib
from pathlib import Path

__all__ = ["file_sha256"]

_Identity = tuple[int, int, int, int, int]
_KEEP = 4096
"""Digests remembered: a few builds' worth of files (the real site has about 170)."""
_digests: dict[_Identity, bytes] = {}


def file_sha256(path: Path) -> bytes:
    """The raw sha256 digest of the file's bytes."""
    stat = path.stat()
    identity = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    digest = _digests.get(identity)
    if digest is None:
        with path.open("rb") as file:
            digest = hashlib.file_digest(file, "sha256").digest()
        if len(_digests) >= _KEEP:
            _digests.clear()
        _digests[identity] = digest
    return digest
