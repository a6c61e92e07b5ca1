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


def imported_modules(source: str, module: str = "") -> set[str]:
    """Every module an import statement names, anywhere in the file (in a function too). A
    relative import is resolved against ``module``, the file's dotted name (a package's is
    ``package.__init__``): in ``site_plugins.content.load``, ``from ..figures import model``
    names ``site_plugins.figures`` and ``site_plugins.figures.model``."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module.split(".")[: -node.level] if module else []
                base = ".".join([*package, *([node.module] if node.module else [])])
            if base:
                names.add(base)
                names |= {f"{base}.{alias.name}" for alias in node.names}
    return names


def module_name(path: Path) -> str:
    """``site_plugins/content/load.py`` -> ``site_plugins.content.load``."""
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def forbidden(package: str, source: str, module: str = "") -> list[str]:
    return sorted(
        name
        for name in imported_modules(source, module)
        for never in NEVER[package]
        if name == never or name.startswith(f"{never}.")
    )


@pytest.mark.parametrize(
    ("package", "path"),
    SOURCES,
    ids=lambda v: str(v.relative_to(ROOT)) if isinstance(v, Path) else "",
)
def test_no_package_imports_what_its_rule_forbids(package: str, path: Path) -> None:
    assert forbidden(package, path.read_text("utf-8"), module_name(path)) == []


@pytest.mark.parametrize(
    ("package", "module", "source", "caught"),
    [
        (
            "site_plugins/figures",
            "site_plugins.figures.svg",
            "from mkdocs.plugins import BasePlugin\n",
            ["mkdocs.plugins"],
        ),
        (
            "site_plugins/render",
            "site_plugins.render.pages",
            "def f():\n    import pydantic\n",
            ["pydantic"],
        ),
        (
            "site_plugins/content",
            "site_plugins.content.load",
            "from site_plugins import figures\n",
            ["site_plugins.figures"],
        ),
        (
            "site_plugins/content",
            "site_plugins.content.load",
            "from ..figures import model\n",
            ["site_plugins.figures"],
        ),
        (
            "site_plugins/content",
            "site_plugins.content.__init__",
            "from .. import hipguide\n",
            ["site_plugins.hipguide"],
        ),
        (
            "hipcore",
            "hipcore.engine",
            "import site_plugins.render.pages\n",
            ["site_plugins.render.pages"],
        ),
        ("bench", "bench.engine", "from tests.engine import golden\n", ["tests.engine"]),
        (
            "site_plugins/bundle",
            "site_plugins.bundle.wheel",
            "import mkdocsx\nfrom . import mkdocs\n",
            [],
        ),
    ],
)
def test_the_guard_sees_a_forbidden_import(
    package: str, module: str, source: str, caught: list[str]
) -> None:
    found = forbidden(package, source, module)
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
