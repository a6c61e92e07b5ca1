"""Precompressed copies of the large runtime files (``name.gz`` and ``name.br`` beside
``name``), for a static host that serves them with ``Content-Encoding`` (docs/architecture.md
lists the headers).
Compressing is slow for the 10.7 MB snapshot, so each result is kept in a cache folder under the
sha256 of its input and linked from there (``bundle/place.py``) while the input is unchanged;
the folder keeps the most recently used copies only (``_KEEP``)."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import brotli

from site_plugins.bundle.digest import file_sha256
from site_plugins.bundle.place import place_file

__all__ = ["COMPRESSED_SUFFIXES", "precompress"]

COMPRESSED_SUFFIXES = (".gz", ".br")
"""Suffixes of the precompressed copies: not files of the site in their own right (the service
worker does not list them)."""


_QUALITY = {True: 11, False: 9}
"""Brotli's quality for a file that is the same in every build (the runtime, fixed by the
Pyodide version: its slowest and smallest, paid once, as copies are kept by the input's hash)
and for one that changes with the engine or the content (the snapshot, compressed again on such
a build). Measured: the runtime's WebAssembly 3.13 MB at 9 in about 3 s, 2.77 MB at 11 in about
27 s; the snapshot 3.27 MB at 9, 2.90 MB at 11 in about 24 s."""


def _encoders(quality: int) -> dict[str, Callable[[bytes], bytes]]:
    return {
        ".gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
        f".q{quality}.br": lambda data: bytes(brotli.compress(data, quality=quality, lgwin=24)),
    }


_KEEP = 24
"""Copies kept in the cache folder, the most recently used: a few builds' worth (the runtime's
large files and the snapshot, two encodings each), as test sites with other content share it."""


def precompress(paths: list[Path], cache: Path, *, fixed: bool) -> list[Path]:
    """Write ``path.gz`` (gzip level 9, no timestamp: reproducible bytes) and ``path.br`` for
    each path, where it saves at least a tenth (not for python_stdlib.zip, already compressed);
    returns those written. ``fixed``: the files are the same in every build (``_QUALITY``)."""
    written = []
    cache.mkdir(parents=True, exist_ok=True)
    for path in paths:
        key = file_sha256(path).hex()[:32]  # read only to encode, on a cache miss
        for kind, encode in _encoders(_QUALITY[fixed]).items():
            target = path.with_name(path.name + kind[kind.rindex(".") :])  # .gz, .br
            if _write(path, cache / f"{key}{kind}", target, encode):
                written.append(target)
    kept = sorted(
        (p for p in cache.iterdir() if p.suffix in COMPRESSED_SUFFIXES),
        key=lambda p: p.stat().st_mtime_ns,
        reverse=True,
    )
    for old in kept[_KEEP:]:
        old.unlink(missing_ok=True)
    return written


def _write(source: Path, cached: Path, target: Path, encode: Callable[[bytes], bytes]) -> bool:
    if cached.is_file():
        cached.touch()  # recently used: kept by the pruning above
    else:
        partial = cached.with_name(cached.name + ".partial")
        partial.write_bytes(encode(source.read_bytes()))
        partial.replace(cached)
    if cached.stat().st_size > 0.9 * source.stat().st_size:
        target.unlink(missing_ok=True)
        return False
    place_file(cached, target)  # always: a file of the same size is not the same file
    return True
