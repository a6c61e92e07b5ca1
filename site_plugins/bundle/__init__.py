"""What the build ships for the browser: the Pyodide runtime, the hipcore wheel, the catalog,
and the offline bundle (service worker, web app manifest)."""

from site_plugins.bundle.offline import REGISTER_SCRIPT, write_service_worker, write_web_manifest
from site_plugins.bundle.runtime import PYODIDE_FILES, RuntimeMissing, copy_pyodide
from site_plugins.bundle.wheel import build_hipcore_wheel

__all__ = [
    "PYODIDE_FILES",
    "REGISTER_SCRIPT",
    "RuntimeMissing",
    "build_hipcore_wheel",
    "copy_pyodide",
    "write_service_worker",
    "write_web_manifest",
]
