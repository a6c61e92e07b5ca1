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


def site_config(folder: Path, content: Path) -> Path:
    """A mkdocs.yml in ``folder`` that builds the real docs with ``content``."""
    config = folder / "mkdocs.yml"
    config.write_text(
        f"""\
site_name: hipguide test
docs_dir: {ROOT / "docs"}
strict: true
theme:
  name: material
plugins:
  - search
  - hipguide:
      content_dir: {content}
      node_modules: {ROOT / "node_modules"}
""",
        encoding="utf-8",
    )
    return config
