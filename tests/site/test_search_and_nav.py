"""Generated pages are in Material's search index and in the nav, in reading order."""

from __future__ import annotations

import json

from hipcore.model import Catalog
from tests.conftest import ROOT
from tests.site.builtsite import BuiltSite
from tests.site.expect import generated_urls
from tests.site.htmltree import Element


def test_every_generated_page_is_in_the_search_index(site: BuiltSite, catalog: Catalog) -> None:
    index = json.loads((site.root / "search/search_index.json").read_text("utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert [url for url in generated_urls(catalog) if url not in locations] == []


def test_the_search_index_holds_each_pages_words(site: BuiltSite, catalog: Catalog) -> None:
    index = json.loads((site.root / "search/search_index.json").read_text("utf-8"))
    text = {doc["location"]: doc["text"] for doc in index["docs"]}
    for e in catalog.exercises:
        assert e.purpose.split()[0] in text[f"exercises/{e.id.replace('_', '-')}/"]


def test_the_runners_search_finds_the_guide_not_the_project_documents(site: BuiltSite) -> None:
    index = json.loads((site.root / "search/search_index.json").read_text("utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    documents = {f"{p.stem}/" for p in (ROOT / "docs").glob("*.md") if p.stem != "index"}
    assert documents, "the project has documents"
    assert pages & documents == set()
    assert "" in pages, "the home page is found"
    assert all((site.root / url / "index.html").is_file() for url in documents)


def test_the_nav_lists_the_guide_in_reading_order(site: BuiltSite) -> None:
    nav = site.page("").find("nav", class_="md-nav--primary").find("ul")
    top = [
        item.find_all(None, class_="md-nav__link")[0].text
        for item in nav.children
        if isinstance(item, type(nav)) and item.tag == "li"
    ]
    guide = [
        "Home",
        "Why the hip matters",
        "Self-assessment",
        "Assessments",
        "Exercises",
        "Sources",
    ]
    assert top[: len(guide)] == guide
    assert top[len(guide) :] in ([], ["For developers and site owners"])


def test_every_generated_page_is_in_the_nav(site: BuiltSite, catalog: Catalog) -> None:
    nav = site.page("").find("nav", class_="md-nav--primary")
    linked = set()
    for href in nav.hrefs():
        resolved = site.resolve("", href)
        if resolved is not None:
            linked.add(site.url_of(resolved[0]))
    assert [url for url in generated_urls(catalog) if url not in linked] == []


def test_the_project_documents_sit_only_in_the_developers_section(site: BuiltSite) -> None:
    nav = site.page("").find("nav", class_="md-nav--primary").find("ul")
    *guide, developers = [
        item for item in nav.children if isinstance(item, type(nav)) and item.tag == "li"
    ]

    def pages_linked(items: list[Element]) -> set[str]:
        linked = set()
        for item in items:
            for href in item.hrefs():
                resolved = site.resolve("", href)
                if resolved is not None:
                    linked.add(site.url_of(resolved[0]))
        return linked

    documents = {f"{p.stem}/" for p in (ROOT / "docs").glob("*.md") if p.stem != "index"}
    assert (
        developers.find_all(None, class_="md-nav__link")[0].text == "For developers and site owners"
    )
    assert pages_linked([developers]) == documents
    assert pages_linked(guide) & documents == set()
