"""The offline bundle: a service worker generated from a content-addressed manifest (every file
of the built site with its sha256), and a web app manifest that makes the guide installable."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from site_plugins.bundle.digest import file_sha256
from site_plugins.bundle.icon import COLOR, Icon

__all__ = ["REGISTER_SCRIPT", "write_service_worker", "write_web_manifest"]

_HERE = Path(__file__).parent
REGISTER_SCRIPT = _HERE / "register-sw.js"
"""The page script that registers the service worker."""

_SKIP = {"sw.js", "sitemap.xml", "sitemap.xml.gz"}
"""Not precached: the worker itself, and the sitemap (served as is to instant navigation)."""

LAZY_SUFFIXES = (".map", ".png", ".jpg", ".jpeg", ".gif", ".webp")
LAZY_DIRS = ("assets/javascripts/lunr/",)
"""Listed but not fetched at install: kept when a page first asks for them (checked against their
hash). Source maps (read only by developer tools), raster images (the guide draws its figures as
inline SVG; the only pictures are the developer pages' screenshots) and the theme's search
language packs (the search worker loads one only for a language the site is set to). A first
visit would otherwise download about 1 MB nobody looks at offline."""


def _sha256(path: Path) -> str:
    return base64.b64encode(file_sha256(path)).decode()


def write_service_worker(
    site: Path,
    runtime_dirs: tuple[str, ...],
    skip_suffixes: tuple[str, ...] = (),
    start_only: Mapping[str, tuple[str, ...]] | None = None,
) -> str:
    """Write ``site/sw.js``; returns the build id (a hash of the manifest). Files under
    ``runtime_dirs`` (relative paths) are cached when the engine first starts, not at install,
    so a reader who never reaches a widget downloads no runtime; the LAZY ones when a page
    first asks for them. Files ending in ``skip_suffixes`` (precompressed copies, served by the
    host in place of the file) are not listed. ``start_only`` names, by the engine's start path
    ("snapshot", "plain"), the runtime files (path prefixes) only that path reads: the worker
    keeps the files of the path the engine took, not the other's."""
    precache: dict[str, str] = {}
    runtime: dict[str, str] = {}
    lazy: dict[str, str] = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel in _SKIP or rel.endswith(skip_suffixes):
            continue
        if rel.startswith(runtime_dirs):
            target = runtime
        elif rel.endswith(LAZY_SUFFIXES) or rel.startswith(LAZY_DIRS):
            target = lazy
        else:
            target = precache
        target[rel] = _sha256(path)
    only = {
        start: sorted(rel for rel in runtime if rel.startswith(prefixes))
        for start, prefixes in sorted((start_only or {}).items())
    }
    everything = json.dumps([precache, runtime, lazy, only], sort_keys=True).encode()
    build = hashlib.sha256(everything).hexdigest()[:16]
    source = (_HERE / "sw.js").read_text("utf-8")
    source = source.replace('/*BUILD*/ ""', json.dumps(build))
    source = source.replace("/*PRECACHE*/ {}", json.dumps(precache, separators=(",", ":")))
    source = source.replace("/*RUNTIME*/ {}", json.dumps(runtime, separators=(",", ":")))
    source = source.replace("/*LAZY*/ {}", json.dumps(lazy, separators=(",", ":")))
    source = source.replace("/*START_ONLY*/ {}", json.dumps(only, separators=(",", ":")))
    (site / "sw.js").write_text(source, encoding="utf-8")
    return build


def write_web_manifest(site: Path, name: str, description: str, icons: Mapping[Icon, str]) -> None:
    """Write ``site/manifest.webmanifest`` (start page: the site's root); ``icons``: each icon's
    URL, relative to the site's root."""
    manifest = {
        "name": name,
        "short_name": name,
        "description": description,
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#{:02x}{:02x}{:02x}".format(*COLOR),
        "icons": [
            {"src": src, "sizes": f"{i.size}x{i.size}", "type": "image/png", "purpose": i.purpose}
            for i, src in icons.items()
        ],
    }
    (site / "manifest.webmanifest").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
