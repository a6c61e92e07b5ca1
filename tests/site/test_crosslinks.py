"""Pages link both ways: a test to the exercises its fails lead to, an exercise back to the
tests that call for it, and an exercise to its easier and harder versions."""

from __future__ import annotations

from hipcore.model import Catalog
from tests.site.builtsite import BuiltSite
from tests.site.expect import (
    assessment_url,
    assessments_before,
    exercise_url,
    exercises_after,
)


def linked_from(site: BuiltSite, url: str, heading_id: str, prefix: str) -> set[str]:
    """Pages under ``prefix`` linked from one section of a page."""
    found = set()
    for href in site.page(url).find("article").section(heading_id).hrefs():
        resolved = site.resolve(url, href)
        if resolved is not None and site.url_of(resolved[0]).startswith(prefix):
            found.add(site.url_of(resolved[0]))
    return found


def test_an_assessment_links_to_every_exercise_its_fails_lead_to(
    site: BuiltSite, catalog: Catalog
) -> None:
    for a in catalog.assessments:
        expected = {exercise_url(e) for e in exercises_after(catalog, a)}
        assert linked_from(site, assessment_url(a.id), "if-it-fails", "exercises/") == expected


def test_an_exercise_links_back_to_every_assessment_that_calls_for_it(
    site: BuiltSite, catalog: Catalog
) -> None:
    for e in catalog.exercises:
        expected = {assessment_url(a) for a in assessments_before(catalog, e)}
        assert linked_from(site, exercise_url(e.id), "called-for-by", "assessments/") == expected


def test_an_exercise_links_to_its_regression_and_progression(
    site: BuiltSite, catalog: Catalog
) -> None:
    laddered = [e for e in catalog.exercises if e.regression or e.progression]
    assert laddered or not catalog.exercises, "no exercise has a ladder, so nothing is checked"
    for e in laddered:
        expected = {exercise_url(s.exercise) for s in (e.regression, e.progression) if s}
        assert expected <= linked_from(site, exercise_url(e.id), "ladder", "exercises/"), e.id


def test_the_criterion_to_move_is_shown_beside_each_ladder_link(
    site: BuiltSite, catalog: Catalog
) -> None:
    for e in catalog.exercises:
        text = (
            site.page(exercise_url(e.id)).find("article").section("ladder").text
            if (e.regression or e.progression)
            else ""
        )
        for step in (e.regression, e.progression):
            if step is not None:
                assert " ".join(step.when.split()) in text, e.id
