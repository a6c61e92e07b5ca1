"""Each package's never-rule, read from its source: what it must not import, directly.

The engine knows no site, MkDocs or pydantic; the rendering core (figures, content, render,
bundle) knows no MkDocs, so it outlives the plugin; render and figures know no pydantic; the
content loader knows none of the site (the plugin hands it the figure kind); the benchmarks
import no test module. And nothing sets
configuration on another package's classes when it is imported.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

MKDOCS = ("mkdocs", "material")
NEVER: dict[str, tuple[str, ...]] = {
    "hipcore": ("site_plugins", *MKDOCS, "pydantic"),
    "site_plugins/figures": (*MKDOCS, "pydantic"),
    "site_plugins/content": (*MKDOCS, "site_plugins.figures", "site_plugins.hipguide"),
    "site_plugins/render": (*MKDOCS, "pydantic"),
    "site_plugins/bundle": MKDOCS,
    "bench": ("tests",),
}
"""Package folder -> the modules (and their submodules) it must not import."""

SOURCES = [(package, path) for package in NEVER for path in sorted((ROOT / package).rglob("*.py"))]


def imported_modules(source: str) -> set[str]:
    """Every module an import statement names, anywhere in the file (in a function too)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def forbidden(package: str, source: str) -> list[str]:
    return sorted(
        name
        for name in imported_modules(source)
        for never in NEVER[package]
        if name == never or name.startswith(f"{never}.")
    )


@pytest.mark.parametrize(
    ("package", "path"),
    SOURCES,
    ids=lambda v: str(v.relative_to(ROOT)) if isinstance(v, Path) else "",
)
def test_no_package_imports_what_its_rule_forbids(package: str, path: Path) -> None:
    assert forbidden(package, path.read_text("utf-8")) == []


@pytest.mark.parametrize(
    ("package", "source", "caught"),
    [
        ("site_plugins/figures", "from mkdocs.plugins import BasePlugin\n", ["mkdocs.plugins"]),
        ("site_plugins/render", "def f():\n    import pydantic\n", ["pydantic"]),
        ("site_plugins/content", "from site_plugins import figures\n", ["site_plugins.figures"]),
        ("hipcore", "import site_plugins.render.pages\n", ["site_plugins.render.pages"]),
        ("site_plugins/bundle", "import mkdocsx\nfrom . import mkdocs\n", []),
    ],
)
def test_the_guard_sees_a_forbidden_import(package: str, source: str, caught: list[str]) -> None:
    found = forbidden(package, source)
    assert set(caught) <= set(found)
    assert bool(found) == bool(caught)


def test_importing_the_site_sets_no_configuration_on_the_engines_classes() -> None:
    """The content loader configures pydantic while it builds each adapter, and no longer:
    the engine's dataclasses (and the figure model) are left as they are written."""
    code = """
import dataclasses, importlib, inspect, pkgutil, sys
from pathlib import Path
import site_plugins
for info in pkgutil.walk_packages(site_plugins.__path__, "site_plugins."):
    importlib.import_module(info.name)
from site_plugins.content.export import catalog_schema
from site_plugins.hipguide.kinds import FIGURES, load_site_content
load_site_content(Path("content"))
catalog_schema()
FIGURES.json_schema()
import hipcore.model, site_plugins.figures.model
configured = [
    f"{module.__name__}.{name}"
    for module in (hipcore.model, site_plugins.figures.model)
    for name, cls in inspect.getmembers(module, inspect.isclass)
    if dataclasses.is_dataclass(cls) and "__pydantic_config__" in vars(cls)
]
print(*configured, sep="\\n")
sys.exit(1 if configured else 0)
"""
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stdout + run.stderr
