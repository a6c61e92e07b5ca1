"""Other packages use ``hipcore`` by its public names only: no module outside ``hipcore``
imports a private ``hipcore._*`` module (or a private name of a public one), so the engine's
internals can change without breaking the site, the benchmarks or the tests."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.foundation.test_never_rules import imported_modules

WHITE_BOX: dict[str, set[str]] = {
    "tests/engine/test_input_contract.py": {"hipcore._decode"},
    "tests/engine/test_properties.py": {"hipcore._judge"},
    "tests/engine/test_robustness.py": {"hipcore.api._too_deep"},
}
"""Tests of the engine's internals, allowed the private things they test."""

OUTSIDE = sorted(
    ROOT / name
    for name in subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    if not name.startswith("hipcore/")
)


def private_imports(source: str) -> set[str]:
    """The private ``hipcore`` modules the source imports (``from hipcore._decode import
    salvage`` names ``hipcore._decode``)."""
    found = set()
    for name in imported_modules(source):
        parts = name.split(".")
        private = [
            i for i, part in enumerate(parts) if part.startswith("_") and not part.endswith("__")
        ]
        if parts[0] == "hipcore" and private:
            found.add(".".join(parts[: private[0] + 1]))
    return found


@pytest.mark.parametrize("path", OUTSIDE, ids=lambda p: str(p.relative_to(ROOT)))
def test_nothing_outside_hipcore_imports_a_private_module(path: Path) -> None:
    allowed = WHITE_BOX.get(str(path.relative_to(ROOT)), set())
    assert private_imports(path.read_text("utf-8")) <= allowed


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ("from hipcore._decode import salvage\n", {"hipcore._decode"}),
        ("from hipcore import _json\n", {"hipcore._json"}),
        ("def f():\n    import hipcore._units\n", {"hipcore._units"}),
        ("from hipcore.api import _too_deep\n", {"hipcore.api._too_deep"}),
        ("from hipcore import __version__, canonical_json\nimport hipcore.constraints\n", set()),
    ],
)
def test_the_guard_sees_a_private_import(source: str, caught: set[str]) -> None:
    assert private_imports(source) == caught


def test_the_white_box_tests_still_need_their_exception() -> None:
    for name, allowed in WHITE_BOX.items():
        assert private_imports((ROOT / name).read_text("utf-8")) == allowed, name
