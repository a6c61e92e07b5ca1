"""No link in the built site leads nowhere: every internal link and anchor resolves."""

from __future__ import annotations

from tests.site.builtsite import BuiltSite


def test_every_internal_link_points_at_a_file_of_the_site(site: BuiltSite) -> None:
    broken = [f"/{link.page}: {link.url}" for link in site.links() if not link.target.is_file()]
    assert broken == []


def test_every_anchor_points_at_an_element_of_its_page(site: BuiltSite) -> None:
    links = [link for link in site.links() if link.fragment and link.target.suffix == ".html"]
    broken = [
        f"/{link.page}: {link.url}"
        for link in links
        if link.target.is_file() and link.fragment not in site.ids(site.url_of(link.target))
    ]
    assert links, "the site has no links with anchors, so this test checks nothing"
    assert broken == []


def test_the_link_check_sees_every_page_and_link_kind(site: BuiltSite) -> None:
    # Guards the two tests above against passing because the parser found nothing to check
    links = site.links()
    assert {"", "self-assessment/", "sources/"} <= set(site.pages)
    assert any(link.url.endswith(".css") for link in links)
    assert any(link.url.endswith(".js") for link in links)
    assert sum(1 for link in links if link.page == "sources/") > 10
