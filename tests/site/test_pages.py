"""Every catalog item has its page in the built site, showing what the content says."""

from __future__ import annotations

from hipcore.model import Catalog
from tests.site.builtsite import BuiltSite
from tests.site.expect import assessment_url, exercise_url, generated_urls


def test_every_generated_page_exists(site: BuiltSite, catalog: Catalog) -> None:
    missing = [url for url in generated_urls(catalog) if url not in site.pages]
    assert missing == []


def test_each_assessment_page_is_titled_with_its_name(site: BuiltSite, catalog: Catalog) -> None:
    titles = {a.id: site.page(assessment_url(a.id)).find("h1").heading for a in catalog.assessments}
    assert titles == {a.id: a.name for a in catalog.assessments}


def test_each_exercise_page_is_titled_with_its_name(site: BuiltSite, catalog: Catalog) -> None:
    titles = {e.id: site.page(exercise_url(e.id)).find("h1").heading for e in catalog.exercises}
    assert titles == {e.id: e.name for e in catalog.exercises}


def test_the_index_pages_list_every_assessment_and_every_exercise(
    site: BuiltSite, catalog: Catalog
) -> None:
    assessments = _targets(site, "assessments/")
    exercises = _targets(site, "exercises/")
    assert {assessment_url(a.id) for a in catalog.assessments} <= assessments
    assert {exercise_url(e.id) for e in catalog.exercises} <= exercises


def test_the_article_page_has_every_section_in_order(site: BuiltSite, catalog: Catalog) -> None:
    content = site.page("article/").find("article")
    headings = [h.heading for h in content.iter("h2")]
    assert headings[: len(catalog.sections)] == [s.title for s in catalog.sections]
    assert len(headings) <= len(catalog.sections) + 1  # and the pointer to tests and exercises
    for section in catalog.sections:
        text = content.section(section.id.replace("_", "-")).text
        origin = "From the article" if section.origin == "article" else "Written for this guide"
        assert origin in text, section.id


def test_the_article_leads_on_to_every_test(site: BuiltSite, catalog: Catalog) -> None:
    assert {assessment_url(a.id) for a in catalog.assessments} <= _targets(site, "article/")


def test_the_article_shows_each_evidence_note_as_an_admonition_with_its_sources(
    site: BuiltSite, catalog: Catalog
) -> None:
    content = site.page("article/").find("article")
    notes = content.find_all("div", class_="admonition")
    for section in catalog.sections:
        for note in section.notes:
            boxes = [n for n in notes if _words(note.text) in n.text]
            assert len(boxes) == 1, f"{section.id}: {note.text[:40]}"
            linked = {href.partition("#")[2] for href in boxes[0].hrefs()}
            assert {f"source-{r.source.replace('_', '-')}" for r in note.sources} <= linked
            assert "Written for this guide" in boxes[0].text


def test_an_assessment_page_shows_what_to_record_and_the_widget_for_that_test(
    site: BuiltSite, catalog: Catalog
) -> None:
    for a in catalog.assessments:
        page = site.page(assessment_url(a.id))
        record = page.find("article").section("record").text
        labels = [c.label for c in a.criteria] + [m.label for m in a.measures]
        labels += [c.label for c in a.compensations] + [c.looks_like for c in a.compensations]
        assert [label for label in labels if _words(label) not in record] == [], a.id
        widget = page.find("hip-assessment")
        assert widget.attrs["tests"] == a.id


def test_an_assessment_page_shows_its_norms_as_context_only(
    site: BuiltSite, catalog: Catalog
) -> None:
    with_norms = [a for a in catalog.assessments if a.norms]
    assert with_norms, "published norms exist for several tests"
    for a in with_norms:
        norms = site.page(assessment_url(a.id)).find("article").section("norms").text
        assert "Context only" in norms
        assert all(_words(n.text) in norms for n in a.norms), a.id


def test_a_readers_page_cites_published_sources_only(site: BuiltSite, catalog: Catalog) -> None:
    kinds = {source.kind for source in catalog.sources}
    assert kinds <= {"article", "publication"}, "readers can open only these"
    for url in ["", *generated_urls(catalog)]:
        text = site.page(url).find("article").text.casefold()
        assert "domain notes" not in text, url


def test_an_exercise_page_shows_steps_cues_faults_muscles_and_dose(
    site: BuiltSite, catalog: Catalog
) -> None:
    for e in catalog.exercises:
        text = site.page(exercise_url(e.id)).find("article").text
        wanted = [*e.steps, *e.cues, *e.faults, *e.muscles, "Dose:"]
        assert [w for w in wanted if _words(w) not in text] == [], e.id


def _targets(site: BuiltSite, url: str) -> set[str]:
    found = set()
    for href in site.page(url).find("article").hrefs():
        resolved = site.resolve(url, href)
        if resolved is not None:
            found.add(site.url_of(resolved[0]))
    return found


def _words(markdown: str) -> str:
    """Text as it reads on the page: whitespace collapsed, Markdown emphasis gone."""
    return " ".join(markdown.replace("**", "").replace("*", "").split())
