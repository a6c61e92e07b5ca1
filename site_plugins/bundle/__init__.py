"""What the build ships for the browser: the Pyodide runtime, the hipcore wheel, the catalog."""

from site_plugins.bundle.runtime import PYODIDE_FILES, RuntimeMissing, copy_pyodide
from site_plugins.bundle.wheel import build_hipcore_wheel

__all__ = ["PYODIDE_FILES", "RuntimeMissing", "build_hipcore_wheel", "copy_pyodide"]
