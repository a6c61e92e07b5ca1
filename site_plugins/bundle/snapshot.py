"""The engine's start-up snapshot, taken at build time (issue 16).

Node runs ``snapshot.mjs`` with the npm ``pyodide`` and the widget's own ``startup.js``: Pyodide
starts, the hipcore wheel the site ships is imported and its catalog loaded, and the memory is
saved, its memory's first pages encoded against the wasm's own (startup.js: Delta) so it ships
smaller. The worker decodes and restores it in a fraction of a plain start, and falls back to the
plain start when it cannot.

The file is named by a hash of everything it depends on (the Pyodide version and runtime files,
the wheel's bytes, which carry the catalog, and the start-up code), and kept in a cache folder
under that name with its decoding (``<name>.json``): an unchanged build links it from there
(``bundle/place.py``) without running Node."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from site_plugins.bundle.digest import file_sha256
from site_plugins.bundle.place import place_file

__all__ = [
    "SnapshotError",
    "SnapshotInfo",
    "SnapshotNotKept",
    "lock_info",
    "snapshot_key",
    "write_snapshot",
]

_HERE = Path(__file__).parent
SCRIPT = _HERE / "snapshot.mjs"
STARTUP = _HERE.parent / "widget" / "startup.js"
_RUNTIME_INPUTS = ("package.json", "pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip")


_KEEP = 4
"""Snapshots kept in the cache folder, the most recently used."""


class SnapshotError(Exception):
    pass


class SnapshotNotKept(SnapshotError):
    """No snapshot is kept for these inputs, and the caller asked for none to be taken."""


@dataclass(frozen=True)
class SnapshotInfo:
    file: str
    bytes: int
    sha256: str
    delta: dict[str, object]
    """How the worker decodes it (startup.js: Delta)."""
    reused: bool
    """True when the cached file was copied and Node did not run."""

    def manifest_entry(self, lock_info: object) -> dict[str, object]:
        return {
            "file": self.file,
            "bytes": self.bytes,
            "sha256": self.sha256,
            "delta": self.delta,
            "lock_info": lock_info,
        }


def snapshot_key(pyodide_dir: Path, wheel: Path) -> str:
    """The hash naming the snapshot: Pyodide's runtime files, the wheel (engine and catalog),
    and the code that takes and restores it."""
    digest = hashlib.sha256()
    for path in [*(pyodide_dir / n for n in _RUNTIME_INPUTS), wheel, STARTUP, SCRIPT]:
        digest.update(f"{path.name}\0{path.stat().st_size}\0".encode())
        digest.update(file_sha256(path))
    return digest.hexdigest()[:16]


def write_snapshot(
    assets: Path,
    pyodide_dir: Path,
    wheel: Path,
    cache: Path,
    node: str | None = "node",
    *,
    take: bool = True,
) -> SnapshotInfo:
    """Write ``assets/snapshot-<key>.bin`` (``assets/manifest.json`` must already name the
    wheel); reuse ``cache/snapshot-<key>.bin`` when it is there. ``node``: the Node.js command,
    resolved on PATH. ``take``: take a new one when none is kept (otherwise
    ``SnapshotNotKept``)."""
    name = f"snapshot-{snapshot_key(pyodide_dir, wheel)}.bin"
    cached = cache / name
    decoding = cache / f"{name}.json"
    reused = cached.is_file() and decoding.is_file()
    if not reused and not take:
        raise SnapshotNotKept(f"none kept for these inputs ({name})")
    if not reused:
        command = shutil.which(node) if node else None
        if command is None:
            raise SnapshotError("Node.js is not installed: the start-up snapshot needs it")
        cache.mkdir(parents=True, exist_ok=True)
        partial = cache / f"{name}.partial"
        done = subprocess.run(
            [command, str(SCRIPT), str(pyodide_dir.resolve()), str(assets.resolve()), str(partial)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        partial_decoding = cache / f"{name}.partial.json"
        if done.returncode != 0:
            partial.unlink(missing_ok=True)
            partial_decoding.unlink(missing_ok=True)
            raise SnapshotError(
                f"taking the start-up snapshot failed: {done.stderr.strip()[-800:]}"
            )
        partial_decoding.replace(decoding)
        partial.replace(cached)
        # the newest few kept (test sites with other content share the cache): it does not grow
        kept = sorted(cache.glob("snapshot-*.bin"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[_KEEP:]:
            old.unlink()
            Path(f"{old}.json").unlink(missing_ok=True)
    else:
        cached.touch()
    target = assets / name
    place_file(cached, target)
    for old in assets.glob("snapshot-*.bin"):
        if old != target:
            old.unlink()
    delta = json.loads(decoding.read_text("utf-8"))
    return SnapshotInfo(name, target.stat().st_size, file_sha256(target).hex(), delta, reused)


def lock_info(pyodide_dir: Path) -> object:
    """The ``info`` of the runtime's pyodide-lock.json, which a restored runtime is given."""
    return json.loads((pyodide_dir / "pyodide-lock.json").read_text("utf-8"))["info"]
