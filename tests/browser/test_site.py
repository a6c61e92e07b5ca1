"""The guide in a real browser: accessible in both palettes, instant navigation that keeps
the widget working, a decision table that needs no JavaScript, and exercise cards that print
on one page."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import pytest
from playwright.sync_api import Browser, Page, expect

from hipcore import load_catalog
from hipcore.model import Catalog
from tests.browser.conftest import axe_violations
from tests.conftest import bundle_of

Scheme = Literal["light", "dark"]
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def catalog(built_site: Path) -> Catalog:
    return load_catalog((bundle_of(built_site) / "catalog.json").read_text("utf-8"))


def url_of(catalog: Catalog, kind: str) -> str:
    """A page of each kind, taken from the catalog (the first test, the first exercise)."""
    if kind == "assessment":
        return f"assessments/{catalog.assessments[0].id.replace('_', '-')}/"
    if kind == "exercise":
        return f"exercises/{catalog.exercises[0].id.replace('_', '-')}/"
    fixed = {"home": "", "article": "article/", "self-assessment": "self-assessment/"}
    return fixed.get(kind, f"{kind}/")  # else an index page: "assessments/", "sources/"


def open_in(page: Page, url: str, scheme: Scheme) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(url)
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", MATERIAL_SCHEME[scheme])


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "article",
        "self-assessment",
        "assessments",
        "assessment",
        "exercises",
        "exercise",
        "sources",
    ],
)
def test_a_page_has_no_accessibility_violations(
    page: Page, site_url: str, catalog: Catalog, kind: str, scheme: Scheme
) -> None:
    open_in(page, f"{site_url}/{url_of(catalog, kind)}", scheme)
    if page.locator("hip-assessment").count():
        expect(page.locator("hip-assessment .step")).to_be_visible()  # the widget has rendered
    violations = axe_violations(page)
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []


def serve_sitemap_for(page: Page, site_url: str, built_site: Path) -> None:
    """Material swaps pages only for URLs in sitemap.xml, whose entries carry the port of
    mkdocs.yml's site_url; this test server runs on another port. Answer the sitemap as the
    site deployed at this origin would."""
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    home = min(re.findall(r"<loc>(.*?)</loc>", sitemap), key=len)  # the configured site_url
    rewritten = sitemap.replace(home, f"{site_url}/")
    page.route("**/sitemap.xml", lambda route: route.fulfill(body=rewritten))


def test_instant_navigation_swaps_pages_and_the_widget_still_upgrades(
    page: Page, site_url: str, catalog: Catalog, built_site: Path
) -> None:
    serve_sitemap_for(page, site_url, built_site)
    page.goto(f"{site_url}/article/")
    page.wait_for_load_state("networkidle")  # Material has read the sitemap
    page.evaluate("window.__sameDocument = true")
    first = catalog.assessments[0]

    page.locator(".md-sidebar--primary").get_by_role("link", name=first.name, exact=True).click()
    expect(page).to_have_url(re.compile(re.escape(url_of(catalog, "assessment")) + "$"))
    expect(page.locator("h1")).to_contain_text(first.name)
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded, not swapped"
    widget = page.locator("hip-assessment")
    expect(widget).to_have_attribute("data-step", "prescreen")
    expect(widget.locator("[role=progressbar]")).to_have_attribute("aria-valuemax", "1")

    page.locator(".md-sidebar--primary").get_by_role(
        "link", name="Self-assessment", exact=True
    ).click()
    expect(page.locator("h1")).to_contain_text("Self-assessment")
    assert page.evaluate("window.__sameDocument") is True
    widget = page.locator("hip-assessment")
    expect(widget.locator("[role=progressbar]")).to_have_attribute(
        "aria-valuemax", str(len(catalog.assessments))
    )
    widget.scroll_into_view_if_needed()
    expect(widget).to_have_attribute("data-state", "ready", timeout=60_000)


def test_the_decision_table_works_with_javascript_off(
    browser: Browser, site_url: str, catalog: Catalog
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/self-assessment/")
    table = page.locator(".hip-decisions table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(len(catalog.rules))
    rule = catalog.rules[0]
    finding = next(f for f in catalog.findings if f.id == rule.finding)
    exercise = next(e for e in catalog.exercises if e.id == finding.exercises[0])
    row = table.locator(f'tr[data-rule="{rule.id}"]')
    row.get_by_role("link", name=exercise.name, exact=True).click()
    expect(page.locator("h1")).to_contain_text(exercise.name)
    context.close()


def test_print_leaves_out_the_header_the_nav_and_the_widget_form(
    page: Page, site_url: str, catalog: Catalog
) -> None:
    page.goto(f"{site_url}/{url_of(catalog, 'assessment')}")
    expect(page.locator("hip-assessment .step")).to_be_visible()
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "hip-assessment"):
        expect(page.locator(hidden).first).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()


def test_every_exercise_prints_on_one_page(page: Page, site_url: str, catalog: Catalog) -> None:
    pages = {}
    for exercise in catalog.exercises:
        page.goto(f"{site_url}/exercises/{exercise.id.replace('_', '-')}/")
        pages[exercise.id] = pdf_pages(page.pdf(format="A4"))
    assert {k: n for k, n in pages.items() if n != 1} == {}


def pdf_pages(pdf: bytes) -> int:
    """The page count in the PDF's page tree (Chromium writes it uncompressed)."""
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    assert counts, "no page tree found in the PDF"
    return max(counts)


def test_the_pdf_page_count_is_read_from_the_page_tree(page: Page) -> None:
    page.set_content("<p>one</p><p style='break-before: page'>two</p>")
    assert pdf_pages(page.pdf()) == 2
