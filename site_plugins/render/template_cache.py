"""Compiled templates kept between builds, as Python keeps ``.pyc`` files.

Every ``mkdocs build`` is a fresh process, and compiling the guide's templates took it about
50 ms, each time. Jinja keys a compiled template by its path and checks it against a checksum
of its source, so an edited template is compiled again; it does not key by the environment's
syntax settings (``trim_blocks`` and the like), so the file names here carry a fingerprint of
them, and of the Jinja version. The cache lives in Jinja's per-user temporary folder. It is
only ever a shortcut: if it cannot be read or written, the template is compiled as before.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping
from contextlib import suppress
from typing import Any

import jinja2
from jinja2.bccache import Bucket

__all__ = ["bytecode_cache"]

_UNREADABLE = (OSError, EOFError, ValueError, pickle.UnpicklingError)


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache that never fails a build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with suppress(*_UNREADABLE):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


def bytecode_cache(syntax: Mapping[str, Any]) -> jinja2.BytecodeCache | None:
    """A cache for templates compiled with these ``jinja2.Environment`` settings, or None
    where there is no safe place for one."""
    settings = repr((jinja2.__version__, sorted(syntax.items())))
    fingerprint = hashlib.sha256(settings.encode()).hexdigest()[:16]
    try:
        return _TemplateCache(pattern=f"__hipguide_%s.{fingerprint}.cache")
    except (OSError, RuntimeError):  # no temporary folder, or one others could write to
        return None
