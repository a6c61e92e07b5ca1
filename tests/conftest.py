from __future__ import annotations

from pathlib import Path

import pytest

from bench.server import build_site
from site_plugins.bundle import current_bundle

ROOT = Path(__file__).resolve().parent.parent
ASSETS = "assets/hipguide"
"""The plugin's assets_dir (its default)."""
__all__ = ["ASSETS", "ROOT", "build_site", "bundle_of", "bundle_path"]


def bundle_of(site: Path) -> Path:
    """The widget bundle's versioned folder in a built site (site_plugins/bundle/version.py):
    the one place the tests learn where the catalog, the worker and the runtime are."""
    return current_bundle(site / ASSETS)


def bundle_path(site: Path) -> str:
    """The same folder as a URL path from the site's root: '/assets/hipguide/<version>/'."""
    return f"/{bundle_of(site).relative_to(site).as_posix()}/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(site)
    assert result.returncode == 0, result.stderr
    return site
