"""Put the Pyodide runtime from ``node_modules/pyodide`` (npm) into the built site."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from site_plugins.bundle.digest import file_sha256
from site_plugins.bundle.place import place_file

__all__ = [
    "COMPILE_HINT",
    "EMPTY_STDLIB",
    "PLAIN_START_ONLY",
    "PYODIDE_FILES",
    "RuntimeMissing",
    "copy_pyodide",
]

PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "package.json",
)
"""The files a worker needs to start Python; no package from Pyodide's repository is used."""

PLAIN_START_ONLY = ("python_stdlib.zip", "pyodide-lock.json")
"""The runtime files only the plain start reads (startup.js): a start from the snapshot fetches
neither (nor the hipcore wheel)."""

EMPTY_STDLIB = "empty-stdlib.zip"
"""The standard library archive a restored snapshot is given (startup.js): an empty zip."""
_EMPTY_ZIP = b"PK\x05\x06" + bytes(18)

COMPILE_HINT = b"//# allFunctionsCalledOnLoad\n"
"""Put before ``pyodide.asm.mjs`` (V8's explicit compile hint; other engines read a comment):
V8 compiles all its functions when the module is first compiled, not each on its first call.
The widget has the module compiled once from the service worker's copy after the first visit
(widget/compile-runtime.js), and the browser keeps the code beside that copy: with the hint that
code holds every function, so a repeat visit compiles none (without it, only the top level)."""
_HINTED = "pyodide.asm.mjs"


class RuntimeMissing(Exception):
    pass


def copy_pyodide(node_modules: Path, destination: Path, made: Path) -> str:
    """Link (or copy) the runtime files, ``pyodide.asm.mjs`` with the compile hint (written
    once into ``made``, a cache folder); returns the Pyodide version."""
    source = node_modules / "pyodide"
    missing = [name for name in PYODIDE_FILES if not (source / name).is_file()]
    if missing:
        raise RuntimeMissing(
            f"The Pyodide runtime is missing from {source} ({', '.join(missing)}). "
            "Run 'make serve' or 'npm ci' to install it from package-lock.json."
        )
    destination.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        place_file(source / name, destination / name)
    key = hashlib.sha256(COMPILE_HINT + file_sha256(source / _HINTED)).hexdigest()[:16]
    hinted = made / f"{key}-{_HINTED}"
    if not hinted.is_file():
        made.mkdir(parents=True, exist_ok=True)
        partial = hinted.with_suffix(".partial")
        partial.write_bytes(COMPILE_HINT + (source / _HINTED).read_bytes())
        partial.replace(hinted)
    place_file(hinted, destination / _HINTED)
    empty = destination / EMPTY_STDLIB
    if not empty.is_file() or empty.read_bytes() != _EMPTY_ZIP:
        empty.write_bytes(_EMPTY_ZIP)
    return str(json.loads((source / "package.json").read_text("utf-8"))["version"])
