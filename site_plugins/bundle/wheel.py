"""Pack ``hipcore`` as a pure-Python ``py3-none-any`` wheel for Pyodide to install.

Written with ``zipfile`` so the build needs no subprocess and the bytes are reproducible
(fixed timestamps, sorted entries). The catalog compiled from ``content/`` replaces the
packaged one, so the browser always judges with the content the site shows.
"""

from __future__ import annotations

import base64
import hashlib
import zipfile
from pathlib import Path

import hipcore

__all__ = ["build_hipcore_wheel"]

_EPOCH = (1980, 1, 1, 0, 0, 0)


def build_hipcore_wheel(destination: Path, catalog_json: str) -> Path:
    package = Path(hipcore.__file__).parent
    version = hipcore.__version__
    name = f"hipcore-{version}-py3-none-any.whl"
    dist_info = f"hipcore-{version}.dist-info"
    entries: list[tuple[str, bytes]] = []
    for path in sorted(package.rglob("*.py")):
        if "__pycache__" not in path.parts:
            entries.append((f"hipcore/{path.relative_to(package).as_posix()}", path.read_bytes()))
    entries.append(("hipcore/data/catalog.json", catalog_json.encode("utf-8")))
    entries.append(("hipcore/py.typed", b""))
    metadata = f"Metadata-Version: 2.1\nName: hipcore\nVersion: {version}\n"
    wheel = "Wheel-Version: 1.0\nGenerator: hipguide\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    entries.append((f"{dist_info}/METADATA", metadata.encode()))
    entries.append((f"{dist_info}/WHEEL", wheel.encode()))
    record = [f"{arc},sha256={_digest(data)},{len(data)}" for arc, data in entries]
    record.append(f"{dist_info}/RECORD,,")
    entries.append((f"{dist_info}/RECORD", ("\n".join(record) + "\n").encode()))

    destination.mkdir(parents=True, exist_ok=True)
    target = destination / name
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for arc, data in entries:
            info = zipfile.ZipInfo(arc, _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return target


def _digest(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
