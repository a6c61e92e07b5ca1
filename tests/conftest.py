from __future__ import annotations

from pathlib import Path

import pytest

from bench.server import build_site

ROOT = Path(__file__).resolve().parent.parent
__all__ = ["ROOT", "build_site"]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session."""
    site = tmp_path_factory.mktemp("site")
    result = build_site(site)
    assert result.returncode == 0, result.stderr
    return site
