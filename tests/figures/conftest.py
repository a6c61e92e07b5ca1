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
