"""The guide's own pages under the strict Content Security Policy of docs/embedding.md: no
'unsafe-inline', no 'unsafe-eval', on every response (a worker's scripts are checked against
the policy sent with the worker). Every page type works, the theme's scripts too (palette,
search, instant navigation), and the browser reports no violation."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bench.server import serve
from hipcore import load_catalog
from hipcore.model import Catalog
from tests.browser.widget import run_to_a_program, widget_of
from tests.conftest import bundle_of, bundle_path

GUIDE_CSP = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'self'"
)
"""The guide's own policy, exactly as docs/embedding.md gives it."""

VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`));
"""


def every_path(site: Path) -> Iterator[str]:
    """Every URL path of the built site, directory URLs included."""
    for path in site.rglob("*"):
        if path.is_file():
            rel = path.relative_to(site).as_posix()
            yield f"/{rel}"
            if path.name == "index.html":
                yield f"/{rel.removesuffix('index.html')}"


@pytest.fixture(scope="module")
def strict_site(built_site: Path) -> Iterator[str]:
    headers = {path: {"Content-Security-Policy": GUIDE_CSP} for path in every_path(built_site)}
    with serve(built_site, headers=headers) as url:
        yield url


@pytest.fixture(scope="module")
def catalog(built_site: Path) -> Catalog:
    return load_catalog((bundle_of(built_site) / "catalog.json").read_text("utf-8"))


@pytest.fixture
def reported(page: Page) -> Iterator[list[str]]:
    """CSP violations, from the page's events and the console (workers report there); the test
    ends by checking there were none."""
    console: list[str] = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(VIOLATIONS)
    yield console
    events = page.evaluate("window.__violations") if not page.is_closed() else []
    assert (events, console) == ([], [])


def test_every_response_carries_the_policy(strict_site: str, page: Page, built_site: Path) -> None:
    for path in ("/", "/article/", f"{bundle_path(built_site)}widget/worker.js", "/sw.js"):
        response = page.request.get(strict_site + path)
        assert response.headers["content-security-policy"] == GUIDE_CSP, path


def test_no_built_page_keeps_an_inline_script_or_style(built_site: Path) -> None:
    inline_script = re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")[^>]*>")
    found = {}
    for path in sorted(built_site.rglob("*.html")):
        text = path.read_text("utf-8")
        left = (
            inline_script.findall(text)
            + re.findall(r"<style[\s>]", text)
            + re.findall(r"<[a-zA-Z][^>]*\sstyle=\"", text)
            + re.findall(r"<[a-zA-Z][^>]*\son[a-z]+=\"", text)
        )
        if left:
            found[path.relative_to(built_site).as_posix()] = left[:3]
    assert found == {}


@pytest.mark.parametrize(
    "path", ["", "article/", "sources/", "exercises/", "figures/", "performance/", "404.html"]
)
def test_a_page_shows_styled_under_the_policy(
    page: Page, strict_site: str, reported: list[str], path: str
) -> None:
    page.goto(f"{strict_site}/{path}")
    # The theme's head script ran (it defines the palette's storage helpers) and its body
    # script applied the palette.
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", re.compile("."))
    assert page.evaluate("typeof __md_get") == "function"
    page.wait_for_load_state("networkidle")


def test_figures_are_drawn_with_their_moved_styles(
    page: Page, strict_site: str, reported: list[str], catalog: Catalog
) -> None:
    exercise = catalog.exercises[0].id.replace("_", "-")
    page.goto(f"{strict_site}/exercises/{exercise}/")
    path = page.locator(".hipfig svg.hf .b path:not(.t)").first
    expect(path).to_have_css("fill", "none")  # the figure's own <style>, moved
    moving = page.locator(".hipfig svg.hf g[class^='hs-']").first
    assert page.evaluate(  # a style="--m:…" attribute, moved to a class
        "(g) => getComputedStyle(g).getPropertyValue('--m')", moving.element_handle()
    ).startswith("k")
    page.goto(f"{strict_site}/performance/")
    right = page.locator("td[class*='hs-']").first  # Markdown's right-aligned table cells
    expect(right).to_have_css("text-align", "right")


def test_no_page_stops_its_parser_before_the_themes_own_script(built_site: Path) -> None:
    """A script file in the body is waited for before the rest is parsed: the browser paints
    what came before it alone, the rest later (issue 17: Lighthouse counts that later paint, and
    the theme's start-up after the first one as blocking time). The theme's own bundle, at the
    end of the body, is the one script that stops the parser, as on a plain mkdocs-material
    page."""
    stopping = {}
    for path in sorted(built_site.rglob("*.html")):
        body = path.read_text("utf-8").partition("</head>")[2]
        scripts = [
            tag
            for tag in re.findall(r"<script\b[^>]*>", body)
            if not re.search(r'type="(module|application/json)"|\b(async|defer)\b', tag)
            and not re.search(r'src="[^"]*assets/javascripts/bundle\.\w+\.min\.js"', tag)
        ]
        if scripts:
            stopping[path.relative_to(built_site).as_posix()] = scripts
    assert stopping == {}


CONTENT_SCRIPT_RUNS = """
window.__contentScriptRuns = 0;
const byId = Document.prototype.getElementById;
Document.prototype.getElementById = function (id) {
  if (/\\/assets\\/hipguide\\/inline\\//.test(new Error().stack)) window.__contentScriptRuns += 1;
  return byId.call(this, id);
};
"""
"""Counts the runs of the theme's script after the content (it opens the content tab that the
address names, by getElementById), from the guide's moved scripts."""


def test_the_contents_script_runs_at_its_place_and_again_in_a_swapped_page(
    page: Page, strict_site: str, reported: list[str], catalog: Catalog
) -> None:
    page.add_init_script(CONTENT_SCRIPT_RUNS)
    page.goto(f"{strict_site}/article/")
    assert page.evaluate("window.__contentScriptRuns") == 1
    page.wait_for_load_state("networkidle")  # Material has read the sitemap
    page.evaluate("window.__sameDocument = true")
    nav = page.locator(".md-sidebar--primary")
    nav.get_by_role("link", name=catalog.exercises[0].name, exact=True).click()
    expect(page.locator("h1")).to_contain_text(catalog.exercises[0].name)
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded, not swapped"
    page.wait_for_function("() => window.__contentScriptRuns === 2")
    # A script the first page's head did not hold is loaded from its file.
    page.evaluate(
        """() => {
            const known = document.querySelector(".md-content ~ hs-run, .md-main hs-run");
            const unknown = document.createElement("hs-run");
            unknown.hidden = true;
            unknown.dataset.s = "not-in-this-head";
            unknown.dataset.src = known.dataset.src;
            document.querySelector(".md-content").append(unknown);
        }"""
    )
    page.wait_for_function("() => window.__contentScriptRuns === 3")


FIRST_FRAMES = """
window.__schemes = [];
const look = () => {
  if (document.querySelector(".md-header")) {
    window.__schemes.push(document.body.getAttribute("data-md-color-scheme"));
  }
  if (!document.querySelector(".md-footer")) requestAnimationFrame(look);
};
requestAnimationFrame(look);
"""


def test_a_remembered_palette_is_there_from_the_first_frame(
    page: Page, strict_site: str, reported: list[str]
) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(f"{strict_site}/article/")
    page.locator('label.md-header__button[title="Switch to dark mode"]').click()
    page.add_init_script(FIRST_FRAMES)
    page.goto(f"{strict_site}/sources/")
    expect(page.locator(".md-footer")).to_be_attached()
    schemes = page.evaluate("window.__schemes")
    assert schemes, "no frame with the header"
    assert set(schemes) == {"slate"}


def test_the_palette_toggle_switches_and_is_remembered(
    page: Page, strict_site: str, reported: list[str]
) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(f"{strict_site}/article/")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator('label.md-header__button[title="Switch to dark mode"]').click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()  # the palette script, now a file, reads the choice back before the paint
    expect(body).to_have_attribute("data-md-color-scheme", "slate")


def test_search_finds_an_exercise(
    page: Page, strict_site: str, reported: list[str], catalog: Catalog
) -> None:
    name = catalog.exercises[0].name
    page.goto(f"{strict_site}/")
    query = page.locator(".md-search__input")
    query.click()
    query.press_sequentially(name.split()[0])  # typed: the theme searches on key presses
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(page.locator(".md-search-result")).to_contain_text(name)


def test_instant_navigation_swaps_pages_with_their_styles_and_scripts(
    page: Page, strict_site: str, reported: list[str], catalog: Catalog
) -> None:
    page.goto(f"{strict_site}/article/")
    page.wait_for_load_state("networkidle")  # Material has read the sitemap
    page.evaluate("window.__sameDocument = true")
    exercise = catalog.exercises[0]
    nav = page.locator(".md-sidebar--primary")
    nav.get_by_role("link", name=exercise.name, exact=True).click()
    expect(page.locator("h1")).to_contain_text(exercise.name)
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded, not swapped"
    # The new page's stylesheet arrived with it.
    expect(page.locator(".hipfig svg.hf .b path:not(.t)").first).to_have_css("fill", "none")
    page.go_back()
    expect(page).to_have_url(re.compile(r"/article/$"))
    assert page.evaluate("window.__sameDocument") is True


def test_an_assessment_page_runs_the_widget_to_a_program(
    page: Page, strict_site: str, reported: list[str]
) -> None:
    page.goto(f"{strict_site}/assessments/single-leg-bridge/")
    widget = widget_of(page)
    run_to_a_program(widget)


def test_the_embedding_doc_gives_the_guides_policy() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "embedding.md").read_text("utf-8")
    assert GUIDE_CSP in doc
