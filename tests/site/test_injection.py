"""Content is text: a content file carrying HTML, a script address or an attribute list never
makes anything live in the built site.

The loader refuses each of these (tests/content/cases_safety.py); here that check is switched
off, so that the escaping in the templates, the navigation, the search index and the figures is
what is tested."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.content.cases import BRIDGE, TEST
from tests.content.conftest import site_config
from tests.content.edits import Edit, Replace
from tests.site.htmltree import Element, parse, parse_file

INJECTIONS: tuple[Edit, ...] = (
    Replace(BRIDGE, r"^cues:", "cues:\n  - \"<script>alert('cue')</script>\""),
    Replace(BRIDGE, r"^name:", 'name: "Hip Bridge <img src=x onerror=alert(1)>"'),
    Replace(BRIDGE, r"^purpose:", 'purpose: "See [this](javascript:alert(2)) now."'),
    Replace("exercises/hip_thrust.yaml", r"^name:", 'name: "Hip Thrust {: onclick=alert(3) }"'),
    Replace("prescreen.yaml", r"^  question:", "  question: \"<script>alert('flag')</script>\""),
    # '</title>' would end the page's <title> if the theme unescaped the name there
    Replace(TEST, r"^name:", "name: \"Single Leg Hip Bridge </title><script>alert('t')</script>\""),
    Replace(TEST, r"^    label: Pelvis", '    label: "Pelvis drops <img src=z onerror=alert(7)>"'),
    Replace(
        "figures/single_leg_bridge.yaml",
        r"^description:",
        'description: "Seen from the side. <img src=w onerror=alert(8)>"',
    ),
    Replace("article.yaml", r"^  title:", '  title: "Running {: onclick=alert(4) }"'),
    Replace(
        "article.yaml",
        r"^  paragraphs:",
        '  paragraphs:\n    - "A [link](javascript:alert(5)) and <img src=y onerror=alert(6)>."',
    ),
)

INJECTED_CALL = re.compile(r"alert\((?:'\w+'|\d)\)")
"""A call the injections above would make (the theme's own scripts hold other alerts)."""

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
    """Every element of every page, as a browser builds them, and of every figure block the
    widget draws (its one use of innerHTML: figures.json)."""
    pages = [(page, parse_file(page)) for page in site.rglob("*.html")]
    blocks = [
        (figures, parse(block))
        for figures in site.glob("assets/hipguide/*/figures.json")
        for block in json.loads(figures.read_text("utf-8"))["blocks"].values()
    ]
    return [(where, e) for where, tree in (*pages, *blocks) for e in tree.iter()]


def _script(site: Path, page: Path, script: Element) -> str:
    """What a script runs: its text, or the file it loads from the site (the pages' inline
    scripts are moved into files: site_plugins/render/inline.py)."""
    src = script.attrs.get("src", "")
    loaded = (page.parent / src.split("?")[0]).resolve()
    local = src and "://" not in src and loaded.is_relative_to(site) and loaded.is_file()
    return script.text + (loaded.read_text("utf-8") if local else "")


def test_no_script_from_content_is_live(injected_site: Path) -> None:
    live = [
        page
        for page, e in _elements(injected_site)
        if e.tag == "script" and INJECTED_CALL.search(_script(injected_site, page, e))
    ]
    assert live == []


def test_no_event_handler_or_image_from_content_is_live(injected_site: Path) -> None:
    live = [
        (page.name, e.tag, name)
        for page, e in _elements(injected_site)
        for name, value in e.attrs.items()
        if name.startswith("on") or (e.tag == "img" and value in ("x", "y", "z", "w"))
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
    test = parse_file(injected_site / "assessments/single-leg-bridge/index.html")
    assert "Single Leg Hip Bridge </title><script>alert('t')</script>" in test.text
    assert "Pelvis drops <img src=z onerror=alert(7)>" in test.text


def test_the_page_title_holds_the_name_as_text(injected_site: Path) -> None:
    page = injected_site / "assessments/single-leg-bridge/index.html"
    title = parse_file(page).find("title")
    assert title.text == "Single Leg Hip Bridge </title><script>alert('t')</script> - hipguide test"
    assert [e.tag for e in title.iter() if e is not title] == []


def test_the_widget_figures_hold_the_text_escaped(injected_site: Path) -> None:
    (figures,) = injected_site.glob("assets/hipguide/*/figures.json")
    block = parse(json.loads(figures.read_text("utf-8"))["blocks"]["single_leg_bridge"])
    assert "Pelvis drops <img src=z onerror=alert(7)>" in block.text
    assert "Seen from the side. <img src=w onerror=alert(8)>" in block.text


def test_the_search_index_holds_the_text_escaped(injected_site: Path) -> None:
    index = (injected_site / "search/search_index.json").read_text("utf-8")
    assert "<script" not in index
    assert "<img" not in index
    assert "onerror=alert(1)" in index
