"""Checked content, and what is drawn from it, kept between builds.

A build whose content and code are the same as an earlier build's reads that build's checked
content and figures back instead of making them again; pydantic is then not even imported
(about 0.5 s of CPU a build: importing it, building its validators, reading and checking every
file, posing every figure). The key
is the bytes of every file in the content folder, of the code that reads and checks it (every
module of ``site_plugins`` and ``hipcore``), the kinds asked for, the folder's place, and the
versions of Python, pydantic and PyYAML: any change is a new key, so what is read back is what a
fresh load would give. Only content that loads cleanly is kept; broken content is read afresh
every time, for its messages. A damaged or unreadable entry is ignored and written again.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import TypeVar

import hipcore
import site_plugins

__all__ = ["Derived", "code_key", "content_key"]

T = TypeVar("T")

KEEP = 24
"""Entries kept (the most recently used): a few content versions' worth under `mkdocs serve`."""
CODE = (Path(site_plugins.__file__).parent, Path(hipcore.__file__).parent)
LIBRARIES = ("pydantic", "pydantic-core", "PyYAML")


@dataclass(frozen=True)
class Derived:
    """What a build derives from one version of the content (``key``, ``content_key``), kept in
    ``folder`` by name: the checked content itself, the figures drawn from it."""

    folder: Path
    key: str
    keep: int = KEEP
    """Entries kept in ``folder`` (the most recently used)."""

    def get(self, name: str, make: Callable[[], T]) -> T:
        """The value kept under ``name``, or ``make()``'s, kept. ``make`` may raise: nothing is
        kept then."""
        entry = self.folder / f"{self.key}-{name}.pickle"
        try:
            with entry.open("rb") as file:
                kept: T = pickle.load(file)
            os.utime(entry)
            return kept
        except Exception:  # any damage to the entry (or none): made afresh, below
            pass
        value = make()
        self._keep(entry, value)
        return value

    def _keep(self, entry: Path, value: object) -> None:
        """Write the entry whole or not at all (builds may run side by side), and keep the
        ``keep`` most recently used."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = entry.with_name(f"{entry.name}.{os.getpid()}.tmp")
            partial.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(partial, entry)
            entries = sorted(
                self.folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True
            )
            for old in entries[self.keep :]:
                old.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be written costs the next build its time, nothing else


def content_key(root: Path, kinds: Iterable[str]) -> str:
    """A key for the content in ``root`` read as ``kinds`` (their names), and the code that
    reads it."""
    digest = hashlib.sha256()
    digest.update(f"{code_key()}\0{Path(root).resolve()}\0{','.join(kinds)}\0".encode())
    _digest_files(digest, Path(root), "*")
    return digest.hexdigest()[:32]


@functools.cache
def code_key() -> str:
    """A key for the code that reads and checks content: every module of ``site_plugins`` and
    ``hipcore``, and the versions of Python, pydantic and PyYAML (once per process: a build's
    code does not change while it runs, and ``mkdocs serve`` reloads no module)."""
    digest = hashlib.sha256(f"{sys.version}\0".encode())
    for name in LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}\0".encode())
    for code in CODE:
        _digest_files(digest, code, "*.py")
    return digest.hexdigest()[:32]


def _digest_files(digest: hashlib._Hash, folder: Path, pattern: str) -> None:
    files = (p for p in folder.rglob(pattern) if "__pycache__" not in p.parts and p.is_file())
    for path in sorted(files):
        digest.update(f"{path.relative_to(folder).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
