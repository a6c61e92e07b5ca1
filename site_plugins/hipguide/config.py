from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

__all__ = ["HipguideConfig"]


class HipguideConfig(Config):
    enabled = c.Type(bool, default=True)
    content_dir = c.Type(str, default="content")
    """Structured content, relative to mkdocs.yml."""
    node_modules = c.Type(str, default="node_modules")
    """Where npm installed the Pyodide runtime, relative to mkdocs.yml."""
    snapshot = c.Type(bool, default=True)
    """Take the engine's start-up snapshot with Node.js (site_plugins/bundle/snapshot.py)."""
    cache_dir = c.Type(str, default="")
    """Where the snapshot, the compressed runtime files and the compiled templates are kept
    between builds, relative to mkdocs.yml; empty: ``.cache/hipguide`` in ``node_modules``
    (shared by every build that uses that runtime, test sites included)."""
    assets_dir = c.Type(str, default="assets/hipguide")
    """Where the widget, the runtime, the wheel and the catalog go in the built site."""
