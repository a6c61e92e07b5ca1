"""The self-assessment page carries the plain decision table, rule by rule, in the HTML
itself: it needs no JavaScript."""

from __future__ import annotations

from hipcore.model import Catalog
from tests.site.builtsite import BuiltSite
from tests.site.expect import assessment_url, exercise_url
from tests.site.htmltree import Element


def rows(site: BuiltSite) -> list[Element]:
    return site.page("self-assessment/").find("div", class_="hip-decisions").find_all("tr")[1:]


def cells(row: Element) -> list[Element]:
    return row.find_all("td")


def targets(site: BuiltSite, element: Element) -> list[str]:
    out = []
    for href in element.hrefs():
        resolved = site.resolve("self-assessment/", href)
        assert resolved is not None, href
        out.append(site.url_of(resolved[0]))
    return out


def test_the_table_has_one_row_per_rule(site: BuiltSite, catalog: Catalog) -> None:
    assert sorted(row.attrs["data-rule"] for row in rows(site)) == sorted(
        r.id for r in catalog.rules
    )


def test_each_row_names_its_test_finding_and_the_findings_exercises_in_order(
    site: BuiltSite, catalog: Catalog
) -> None:
    rules = {r.id: r for r in catalog.rules}
    findings = {f.id: f for f in catalog.findings}
    for row in rows(site):
        rule = rules[row.attrs["data-rule"]]
        finding = findings[rule.finding]
        test, _how, found, work_on = cells(row)
        assert targets(site, test) == [assessment_url(rule.assessment)]
        assert found.text == finding.name
        assert targets(site, work_on) == [exercise_url(e) for e in finding.exercises]


def test_each_row_says_which_part_of_the_test_fires_it(site: BuiltSite, catalog: Catalog) -> None:
    rules = {r.id: r for r in catalog.rules}
    assessments = {a.id: a for a in catalog.assessments}
    for row in rows(site):
        rule = rules[row.attrs["data-rule"]]
        a = assessments[rule.assessment]
        labels = {p.id: p.label for p in (*a.criteria, *a.measures, *a.compensations)}
        how = cells(row)[1].text.casefold()
        if not rule.when:
            assert how == "any fail"
        for part in rule.when:
            label = labels.get(part, "could not do the test")  # the one outcome every test has
            assert label.casefold() in how, (rule.id, part)


def test_the_table_is_in_the_page_itself_not_made_by_script(site: BuiltSite) -> None:
    page = site.page("self-assessment/")
    table = page.find("div", class_="hip-decisions")
    for container in ("hip-assessment", "noscript", "template", "script"):
        assert all(table not in list(c.iter()) for c in page.iter(container)), container


def test_the_self_assessment_page_has_the_widget_red_flags_and_disclaimer(
    site: BuiltSite, catalog: Catalog
) -> None:
    page = site.page("self-assessment/")
    assert page.find("hip-assessment").attrs.get("tests", "") == ""
    text = page.find("article").text
    assert all(" ".join(f.question.split()) in text for f in catalog.red_flags)
    assert " ".join(catalog.policy.disclaimer.split()) in text
