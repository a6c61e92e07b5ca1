"""Content is text: a content file carrying HTML, a script address or an attribute list never
makes anything live in the built site.

The loader refuses each of these (tests/content/cases_safety.py); here that check is switched
off, so that the escaping in the templates, the navigation, the search index and the figures is
what is tested."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.content.cases import BRIDGE
from tests.content.conftest import site_config
from tests.content.edits import Edit, Replace
from tests.site.htmltree import Element, parse_file

INJECTIONS: tuple[Edit, ...] = (
    Replace(BRIDGE, r"^cues:", "cues:\n  - \"<script>alert('cue')</script>\""),
    Replace(BRIDGE, r"^name:", 'name: "Hip Bridge <img src=x onerror=alert(1)>"'),
    Replace(BRIDGE, r"^purpose:", 'purpose: "See [this](javascript:alert(2)) now."'),
    Replace(
        "exercises/hip_thrust.yaml", r"^name:", 'name: "Hip Thrust {: onclick=alert(3) }"'
    ),
    Replace("prescreen.yaml", r"^  question:", "  question: \"<script>alert('flag')</script>\""),
    Replace("article.yaml", r"^  title:", '  title: "Running {: onclick=alert(4) }"'),
    Replace(
        "article.yaml",
        r"^  paragraphs:",
        '  paragraphs:\n    - "A [link](javascript:alert(5)) and <img src=y onerror=alert(6)>."',
    ),
)

UNCHECKED_BUILD = """\
import sys
import site_plugins.content.load as load
load.markup_problems = lambda *args, **kwargs: iter(())
from mkdocs.__main__ import cli
cli(sys.argv[1:])
"""


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("injected")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    for edit in INJECTIONS:
        edit.apply(content)
    site = folder / "site"
    config = site_config(folder, content)
    result = subprocess.run(
        [sys.executable, "-c", UNCHECKED_BUILD, "build", "-q", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        cwd=folder,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def _elements(site: Path) -> list[tuple[Path, Element]]:
    """Every element of every page, as a browser builds them: what a <title> holds is text to a
    browser (Material's template unescapes the page title there), so it is left out."""
    return [
        (page, e)
        for page in site.rglob("*.html")
        for e in parse_file(page).iter()
        if not _in_title(e)
    ]


def _in_title(element: Element | None) -> bool:
    while element is not None:
        if element.tag == "title":
            return True
        element = element.parent
    return False


def test_no_script_from_content_is_live(injected_site: Path) -> None:
    live = [
        page
        for page, e in _elements(injected_site)
        if e.tag == "script" and "alert" in e.text
    ]
    assert live == []


def test_no_event_handler_or_image_from_content_is_live(injected_site: Path) -> None:
    live = [
        (page.name, e.tag, name)
        for page, e in _elements(injected_site)
        for name, value in e.attrs.items()
        if name.startswith("on") or (e.tag == "img" and value in ("x", "y"))
    ]
    assert live == []


def test_no_javascript_address_from_content_is_live(injected_site: Path) -> None:
    live = [
        (page.name, e.tag)
        for page, e in _elements(injected_site)
        for value in e.attrs.values()
        if value and value.replace(" ", "").lower().startswith("javascript:")
    ]
    assert live == []


def test_the_injected_text_is_shown_as_written(injected_site: Path) -> None:
    page = parse_file(injected_site / "exercises/hip-bridge/index.html")
    assert "Hip Bridge <img src=x onerror=alert(1)>" in page.text
    assert "<script>alert('cue')</script>" in page.text


def test_the_search_index_holds_the_text_escaped(injected_site: Path) -> None:
    index = (injected_site / "search/search_index.json").read_text("utf-8")
    assert "<script" not in index
    assert "<img" not in index
    assert "onerror=alert(1)" in index
