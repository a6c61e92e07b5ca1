"""The widget's bundle under a versioned path named by its content, so a host may cache it
forever: ``assets/hipguide/<version>/`` (immutable), with two small files beside it that name
the current one and are revalidated (docs/embedding.md, "Caching"):

- ``widget/index.js``, the stable entry a host page imports, whose one line re-exports
  ``../<version>/widget/index.js``; the element then finds everything else relative to its own
  module, inside the versioned folder; and ``widget/embed-host.js`` the same way, the iframe
  embed's script for the host page;
- ``version.json``, ``{"version", "path"}``, for tools (and tests) that want the folder.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from site_plugins.bundle.digest import file_sha256

__all__ = ["ENTRIES", "ENTRY", "VERSION_FILE", "bundle_version", "current_bundle", "place_bundle"]

ENTRY = "widget/index.js"
"""The stable entry, relative to the assets folder: the same path as the module it imports."""
ENTRIES = (ENTRY, "widget/embed-host.js")
"""Every stable entry: the element's, and the iframe embed's host script."""
VERSION_FILE = "version.json"


def bundle_version(folder: Path) -> str:
    """12 hex digits of the sha256 over every file's path and bytes in ``folder``."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix().encode()
        digest.update(len(rel).to_bytes(4, "big") + rel)
        digest.update(file_sha256(path))
    return digest.hexdigest()[:12]


def place_bundle(staging: Path) -> str:
    """Rename ``staging`` to its version, beside it; write the stable entry and
    ``version.json`` there. Returns the version."""
    version = bundle_version(staging)
    final = staging.parent / version
    if final.exists():
        shutil.rmtree(final)
    staging.rename(final)
    assets = staging.parent
    for name in ENTRIES:
        if not (final / name).is_file():
            continue
        entry = assets / name
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_text(
            "// hipguide's stable entry (revalidated): the widget itself is in a folder named by\n"
            "// its content, which a host may cache forever.\n"
            f'export * from "../{version}/{name}";\n',
            encoding="utf-8",
        )
    (assets / VERSION_FILE).write_text(
        json.dumps({"version": version, "path": f"{version}/"}) + "\n", encoding="utf-8"
    )
    return version


def current_bundle(assets: Path) -> Path:
    """The versioned folder ``assets/version.json`` names."""
    document = json.loads((assets / VERSION_FILE).read_text("utf-8"))
    return assets / str(document["path"])
