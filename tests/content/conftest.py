from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A fresh copy of the real content folder, to patch."""
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def site_config(folder: Path, content: Path, *, as_served: bool = False) -> Path:
    """A mkdocs.yml in ``folder`` that builds the real docs with ``content``: a plain Material
    site, or with ``as_served`` the real mkdocs.yml (its site_url, instant navigation, theme
    overrides) with only the content replaced."""
    config = folder / "mkdocs.yml"
    if as_served:
        site = f"INHERIT: {ROOT / 'mkdocs.yml'}\ntheme:\n  custom_dir: {ROOT / 'overrides'}\n"
    else:
        site = "site_name: hipguide test\nstrict: true\ntheme:\n  name: material\n"
    config.write_text(
        f"""\
{site}docs_dir: {ROOT / "docs"}
plugins:
  - search
  - hipguide:
      content_dir: {content}
      node_modules: {ROOT / "node_modules"}
""",
        encoding="utf-8",
    )
    return config
