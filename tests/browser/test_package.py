"""The widget as an npm package a site self-hosts: `npm pack` in the built bundle's folder (as
`make package` does), the tarball unpacked elsewhere and served by a plain static server on its
own origin, under a strict CSP, with no request to the guide (docs/embedding.md)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from bench.server import serve
from hipcore import __version__
from site_plugins.bundle import ICONS, PACKAGE_NAME
from tests.browser.test_strict_csp import every_path
from tests.browser.widget import run_to_a_program, widget_of
from tests.conftest import bundle_of

SELF_HOSTED_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:"
)
"""The policy the package's README gives a self-hosting site: its own origin only."""


@pytest.fixture(scope="module")
def tarball(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    bundle = bundle_of(built_site)
    result = subprocess.run(
        ["npm", "pack", "--ignore-scripts", "--json", "--pack-destination", str(out)],
        cwd=bundle,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    (packed,) = json.loads(result.stdout)
    return out / packed["filename"]


@pytest.fixture(scope="module")
def unpacked(tarball: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(tarball) as archive:
        archive.extractall(root, filter="data")
    return root / "package"


def test_the_tarball_is_named_by_the_engines_version(tarball: Path) -> None:
    assert tarball.name == f"{PACKAGE_NAME}-{__version__}.tgz"


def test_the_package_holds_the_widget_and_its_runtime_and_not_the_guides_files(
    unpacked: Path,
) -> None:
    files = {p.relative_to(unpacked).as_posix() for p in unpacked.rglob("*") if p.is_file()}
    needed = {
        "package.json",
        "README.md",
        "widget/index.js",
        "widget/hip-assessment-element.js",
        "widget/worker.js",
        "widget/startup.js",
        "widget/hip-assessment.css",
        "catalog.json",
        "figures.json",
        "manifest.json",
        f"hipcore-{__version__}-py3-none-any.whl",
        "pyodide/pyodide.mjs",
        "pyodide/pyodide.asm.wasm",
        "pyodide/python_stdlib.zip",
    }
    assert needed <= files
    manifest = json.loads((unpacked / "manifest.json").read_text("utf-8"))
    assert manifest["snapshot"]["file"] in files
    guide_only = {"hipguide.css", *(icon.name for icon in ICONS)}
    assert [f for f in files if f in guide_only or f.startswith(("inline/", "page-"))] == []
    assert [f for f in files if f.endswith((".gz", ".br"))] == [], "the host compresses"
    package = json.loads((unpacked / "package.json").read_text("utf-8"))
    assert (package["name"], package["version"]) == (PACKAGE_NAME, __version__)
    assert package["exports"]["."] == "./widget/index.js"
    assert package["hipguide"]["pyodide"] == manifest["pyodide"]
    readme = (unpacked / "README.md").read_text("utf-8")
    assert SELF_HOSTED_CSP in readme
    assert f"{PACKAGE_NAME}-{__version__}.tgz" in readme


@pytest.fixture(scope="module")
def self_host(unpacked: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A running club's own static site on localhost, the package copied to /hipguide/."""
    site = tmp_path_factory.mktemp("club")
    shutil.copytree(unpacked, site / "hipguide")
    (site / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A running club'
        '</title><link rel="icon" href="data:,">'
        '<script type="module" src="/hipguide/widget/index.js"></script></head><body><main>'
        '<h1>Our hip check</h1><hip-assessment tests="single_leg_bridge"></hip-assessment>'
        "</main></body></html>",
        "utf-8",
    )
    headers = {path: {"Content-Security-Policy": SELF_HOSTED_CSP} for path in every_path(site)}
    with serve(site, host="localhost", headers=headers) as url:
        yield url


def test_a_site_self_hosting_the_package_completes_an_assessment(
    page: Page, self_host: str
) -> None:
    requests: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Security Policy" in m.text else None)
    page.goto(self_host + "/")
    widget = widget_of(page)
    run_to_a_program(widget)
    host = urlsplit(self_host).netloc
    assert [
        u for u in requests if urlsplit(u).scheme != "data" and urlsplit(u).netloc != host
    ] == []
    assert any(re.search(r"/hipguide/snapshot-\w+\.bin$", u) for u in requests)
    assert violations == []
