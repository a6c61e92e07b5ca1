"""What the build ships for the browser: the Pyodide runtime, the hipcore wheel, the catalog,
and the offline bundle (service worker, web app manifest)."""

from site_plugins.bundle.compress import COMPRESSED_SUFFIXES, precompress
from site_plugins.bundle.embed import EMBED_PAGE, FRAME_SCRIPT, HOST_SCRIPT, embed_page
from site_plugins.bundle.icon import FAVICON, ICONS, Icon, icon_png
from site_plugins.bundle.offline import REGISTER_SCRIPT, write_service_worker, write_web_manifest
from site_plugins.bundle.package import PACKAGE_NAME, write_package
from site_plugins.bundle.runtime import (
    COMPILE_HINT,
    EMPTY_STDLIB,
    PLAIN_START_ONLY,
    PYODIDE_FILES,
    RuntimeMissing,
    copy_pyodide,
)
from site_plugins.bundle.snapshot import (
    SnapshotError,
    SnapshotNotKept,
    lock_info,
    write_snapshot,
)
from site_plugins.bundle.version import (
    ENTRIES,
    ENTRY,
    VERSION_FILE,
    bundle_version,
    current_bundle,
    place_bundle,
)
from site_plugins.bundle.wheel import build_hipcore_wheel

__all__ = [
    "COMPILE_HINT",
    "COMPRESSED_SUFFIXES",
    "EMBED_PAGE",
    "EMPTY_STDLIB",
    "ENTRIES",
    "ENTRY",
    "FAVICON",
    "FRAME_SCRIPT",
    "HOST_SCRIPT",
    "ICONS",
    "PACKAGE_NAME",
    "PLAIN_START_ONLY",
    "PYODIDE_FILES",
    "REGISTER_SCRIPT",
    "VERSION_FILE",
    "Icon",
    "RuntimeMissing",
    "SnapshotError",
    "SnapshotNotKept",
    "build_hipcore_wheel",
    "bundle_version",
    "copy_pyodide",
    "current_bundle",
    "embed_page",
    "icon_png",
    "lock_info",
    "place_bundle",
    "precompress",
    "write_package",
    "write_service_worker",
    "write_snapshot",
    "write_web_manifest",
]
