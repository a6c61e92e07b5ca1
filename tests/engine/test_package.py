"""The package's shape: standard library only, an ``__all__`` in every module, and the top
level re-exporting the whole public API."""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest

import hipcore

PACKAGE = Path(hipcore.__file__).parent
MODULES = sorted(
    ".".join(("hipcore", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
        ".__init__"
    )
    for path in PACKAGE.rglob("*.py")
)
PUBLIC = [m for m in MODULES if not m.rsplit(".", 1)[-1].startswith("_") and m != "hipcore"]
NOT_RE_EXPORTED = {"hipcore.cli"}
"""The command line's ``main`` is an entry point, not API."""


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_hipcore_imports_only_the_standard_library(path: Path) -> None:
    foreign = {
        name
        for name in imported_modules(path)
        if name.split(".")[0] not in sys.stdlib_module_names | {"hipcore", "__future__"}
    }
    assert not foreign, f"{path.name} imports {sorted(foreign)}"


@pytest.mark.parametrize("module", [m for m in MODULES if m != "hipcore.__main__"])
def test_every_module_declares_its_public_names(module: str) -> None:
    loaded = importlib.import_module(module)
    names = getattr(loaded, "__all__", None)
    assert names is not None, f"{module} has no __all__"
    missing = [name for name in names if not hasattr(loaded, name)]
    assert not missing, f"{module}.__all__ names what it does not define: {missing}"


def test_the_package_re_exports_every_public_name() -> None:
    expected: dict[str, object] = {}
    for module in PUBLIC:
        if module in NOT_RE_EXPORTED or module == "hipcore.__main__":
            continue
        loaded = importlib.import_module(module)
        for name in loaded.__all__:
            assert name not in expected or expected[name] is getattr(loaded, name), (
                f"two public things are called {name}"
            )
            expected[name] = getattr(loaded, name)
    assert sorted(hipcore.__all__) == sorted(expected)
    for name, value in expected.items():
        assert getattr(hipcore, name) is value, name


def test_the_import_check_sees_a_foreign_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import os\nfrom pydantic import BaseModel\nfrom . import sibling\n")
    assert imported_modules(module) == {"os", "pydantic"}
