from __future__ import annotations

import re
from pathlib import Path

import pytest

from hipcore import load_catalog
from hipcore.model import Catalog
from tests.conftest import ROOT, bundle_of
from tests.site.builtsite import BuiltSite


def _site_url() -> str:
    match = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text("utf-8"), re.M)
    assert match, "mkdocs.yml sets no site_url"
    return match.group(1).rstrip("/") + "/"


@pytest.fixture(scope="session")
def site(built_site: Path) -> BuiltSite:
    return BuiltSite(built_site, _site_url())


@pytest.fixture(scope="session")
def catalog(built_site: Path) -> Catalog:
    """The catalog the site was built from (the copy it ships to the widget)."""
    return load_catalog((bundle_of(built_site) / "catalog.json").read_text("utf-8"))
