"""What the build ships for the browser: the Pyodide runtime, the hipcore wheel, the catalog,
and the offline bundle (service worker, web app manifest)."""

from site_plugins.bundle.compress import COMPRESSED_SUFFIXES, precompress
from site_plugins.bundle.embed import EMBED_PAGE, FRAME_SCRIPT, HOST_SCRIPT, embed_page
from site_plugins.bundle.offline import REGISTER_SCRIPT, write_service_worker, write_web_manifest
from site_plugins.bundle.runtime import PYODIDE_FILES, RuntimeMissing, copy_pyodide
from site_plugins.bundle.snapshot import SnapshotError, lock_info, write_snapshot
from site_plugins.bundle.wheel import build_hipcore_wheel

__all__ = [
    "COMPRESSED_SUFFIXES",
    "EMBED_PAGE",
    "FRAME_SCRIPT",
    "HOST_SCRIPT",
    "PYODIDE_FILES",
    "REGISTER_SCRIPT",
    "RuntimeMissing",
    "SnapshotError",
    "build_hipcore_wheel",
    "copy_pyodide",
    "embed_page",
    "lock_info",
    "precompress",
    "write_service_worker",
    "write_snapshot",
    "write_web_manifest",
]
