"""The package's shape: standard library only, an ``__all__`` in every module, and the top
level re-exporting the whole public API."""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

import hipcore
from tests.conftest import ROOT

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


def used_names(root: Path) -> set[str]:
    """Every name the project's code (not its tests) uses: a Python name or attribute, or in the
    templates and the widget's JavaScript, a name called or read as a property."""
    names: set[str] = set()
    listed = subprocess.run(
        ["git", "ls-files"], cwd=root, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in listed:
        if name.startswith("tests/") or not (root / name).is_file():
            continue
        if name.endswith(".py"):
            for node in ast.walk(ast.parse((root / name).read_text("utf-8"))):
                if isinstance(node, ast.Name):
                    names.add(node.id)
                elif isinstance(node, ast.Attribute):
                    names.add(node.attr)
        elif name.endswith((".j2", ".js", ".mjs", ".html")):
            text = (root / name).read_text("utf-8")
            names |= set(re.findall(r"(\w+)\s*\(", text)) | set(re.findall(r"\.(\w+)", text))
    return names


def uncalled(package: Path, used: set[str]) -> list[str]:
    """Functions, methods and properties defined in ``package`` that nothing names (the public
    API, ``hipcore.__all__``, is for callers outside the project)."""
    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            name = node.name
            dunder = name.startswith("__") and name.endswith("__")
            if not dunder and name not in used and name not in hipcore.__all__:
                found.append(f"{path.name}:{node.lineno} {name}")
    return found


def test_the_engine_ships_no_code_nothing_calls() -> None:
    """The engine is shipped to every runner's browser: a function nothing calls (a test alone
    does not count) is weight and a second place to keep right."""
    assert uncalled(PACKAGE, used_names(ROOT)) == []


def test_the_dead_code_check_sees_an_uncalled_method(tmp_path: Path) -> None:
    (tmp_path / "m.py").write_text(
        "class P:\n    @property\n    def corrective(self):\n        return 1\n"
        "    def used(self):\n        return 2\n"
        "def _helper():\n    return P().used()\n"
        "def __getattr__(name):\n    return _helper\n"
    )
    assert uncalled(tmp_path, {"used", "_helper"}) == ["m.py:3 corrective"]
