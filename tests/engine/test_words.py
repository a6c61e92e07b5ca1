"""The engine's sentences are the content's (``content/words.yaml``), not written in its code: with
every sentence of the catalog's words marked, every sentence the engine makes carries a mark."""

from __future__ import annotations

import dataclasses
import re
import typing
from typing import Any

import pytest

from hipcore import Problem, assess, default_catalog
from hipcore.model import Catalog, Dose, Region, RegionWords, Words
from hipcore.words import count, dose_line, missing_words, series, template_problems
from tests.engine.golden import load_scenarios

MARK = "\u00a7"


def marked(value: Any) -> Any:
    """``value`` with a mark before every sentence it holds (dataclasses and dicts included)."""
    if isinstance(value, str):
        return MARK + value
    if isinstance(value, dict):
        return {key: marked(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: marked(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "sources"
        }
        return dataclasses.replace(value, **changes)
    return value


def shouted(value: Any) -> Any:
    """``value`` with every letter of its sentences in capitals, the {names} they fill in aside."""
    if isinstance(value, str):
        return re.sub(r"[^{}]+(?=\{|$)", lambda m: m.group().upper(), value)
    if isinstance(value, dict):
        return {key: shouted(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: shouted(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def marked_catalog() -> Catalog:
    catalog = default_catalog()
    words: Words = marked(catalog.words)
    return dataclasses.replace(catalog, words=words)


CATALOG = marked_catalog()
SCENARIOS = [s for s in load_scenarios() if "status" in s.expect]


def sentences(results: dict[str, Any]) -> dict[str, list[str]]:
    """The sentences of a prescription that the engine puts together from its words."""
    p = assess(results, CATALOG)
    return {
        "findings": [f.text for f in p.findings],
        "evidence": [e.text for f in p.findings for e in f.evidence],
        "test reports": [t for test in p.tests for side in test.sides for t in side.text],
        "asymmetries": [a.text for a in p.asymmetries],
        "why": [i.why.text for i in p.program],
        "dose lines": [i.dose_line for i in p.program],
        "worse side": [i.side_line for i in p.program if i.side_line],
        "later": [later.text for later in p.later],
        "withheld": [w.text for w in p.withheld],
        "pain referrals": [r.reason for r in p.referrals if r.kind == "pain" and not r.urgent],
    }


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_every_sentence_the_engine_makes_comes_from_the_content_s_words(scenario: Any) -> None:
    for kind, texts in sentences(scenario.results).items():
        for text in texts:
            assert text.startswith(MARK), f"{kind}: {text!r} is not worded in words.yaml"
            if "pass mark" in text:  # the side ("Left") and the mark ("at least 10 s") too
                assert text.count(MARK) == 3, text


def test_the_scenarios_make_every_kind_of_sentence() -> None:
    """Otherwise the test above could pass for want of a sentence to look at."""
    made = {kind for s in SCENARIOS for kind, texts in sentences(s.results).items() if texts}
    assert made == set(sentences(SCENARIOS[0].results))


def test_the_mark_reaches_the_words_nested_in_a_sentence() -> None:
    evidence = CATALOG.words.evidence
    assert evidence.at_least.startswith(MARK)
    assert CATALOG.words.upkeep["mobility"].startswith(MARK)
    p = assess(next(s for s in SCENARIOS if s.name == "21_pain_quad_test").results, CATALOG)
    pain = next(r.reason for r in p.referrals if r.kind == "pain")
    assert MARK + "the front of the thigh" in pain  # the region, in words.yaml's words
    assert MARK + " on the " in pain  # and the side


def test_every_region_has_its_words() -> None:
    fields = tuple(f.name for f in dataclasses.fields(RegionWords))
    assert fields == typing.get_args(Region)


def test_an_evidence_sentence_may_fill_in_only_its_own_names() -> None:
    words = default_catalog().words
    evidence = dataclasses.replace(words.evidence, fault="{side}: {fault} at {seconds}")
    problems = template_problems(dataclasses.replace(words, evidence=evidence))
    assert problems == [
        Problem(
            ("evidence", "fault"),
            "names {seconds}, which it cannot fill in (it can: {fault}, {side})",
        )
    ]


DOSES = [
    (Dose(3, 60, 3, reps=12),
     "3 sets of 12 reps on each side. Rest 60 seconds between sets. 3 sessions a week."),
    (Dose(1, 0, 1, reps=1, per_side=False), "1 set of 1 rep. 1 session a week."),
    (Dose(2, 0, 7, reps=10),
     "2 sets of 10 reps on each side. No rest needed between sets. Every day."),
    (Dose(3, 30, 7, hold_seconds=30),
     "Hold for 30 seconds, 3 times on each side. Rest 30 seconds between holds. Every day."),
    (Dose(1, 0, 14, hold_seconds=1, per_side=False), "Hold for 1 second, 1 time. Twice a day."),
    (Dose(4, 0, 2, hold_seconds=120),
     "Hold for 2 minutes, 4 times on each side. No rest needed between holds. 2 sessions a week."),
    (Dose(2, 180, 3, reps=5, note="Slowly."),
     "2 sets of 5 reps on each side. Rest 3 minutes between sets. 3 sessions a week. Slowly."),
]  # fmt: skip


@pytest.mark.parametrize(("dose", "line"), DOSES)
def test_a_dose_line_is_put_together_from_the_dose_words(dose: Dose, line: str) -> None:
    assert dose_line(dose, default_catalog().words.dose) == line


@pytest.mark.parametrize(("dose", "line"), DOSES)
def test_a_dose_line_holds_no_word_of_the_engine_s_own(dose: Dose, line: str) -> None:
    """With every dose word in capitals, a dose line (its note aside) has no small letter."""
    words = shouted(default_catalog().words.dose)
    made = dose_line(dose, words, note=False)
    assert not re.search("[a-z]", made), made


def test_what_an_exercise_works_on_names_its_sides_and_severity_in_the_content_s_words() -> None:
    scenario = next(s for s in SCENARIOS if s.name == "18_everything_fails")
    p = assess(scenario.results, CATALOG)
    why = " ".join(i.why.text for i in p.program)
    assert f"({MARK}both sides, {MARK}moderate)" in why
    assert f", {MARK}marked)" in why
    one_sided = next(s for s in SCENARIOS if s.name == "11_bridge_fails_left")
    why = " ".join(i.why.text for i in assess(one_sided.results, CATALOG).program)
    assert f"({MARK}left, {MARK}mild)" in why


@pytest.mark.parametrize(
    ("tests", "words"),
    [
        (["Side Plank"], "the Side Plank test"),
        (
            ["Single Leg Hip Bridge", "Split Squat"],
            "the Single Leg Hip Bridge and Split Squat tests",
        ),
    ],
)
def test_the_tests_a_sentence_names_are_one_test_or_several(tests: list[str], words: str) -> None:
    words_ = default_catalog().words
    assert count(words_.the_tests, len(tests), tests=series(tests, words_.list_and)) == words


def test_upkeep_for_two_tests_says_tests() -> None:
    scenario = next(s for s in SCENARIOS if s.name == "01_all_pass")
    texts = [i.why.text for i in assess(scenario.results).program]
    assert "Upkeep: the Single Leg Hip Bridge and Split Squat tests passed." in " ".join(texts)
    assert "Upkeep: the Quad Length test passed." in " ".join(texts)


def test_a_dose_sentence_may_fill_in_only_its_own_names() -> None:
    words = default_catalog().words
    dose = dataclasses.replace(
        words.dose, sets=dataclasses.replace(words.dose.sets, many="{n} sets of {reps}")
    )
    problems = template_problems(dataclasses.replace(words, dose=dose))
    assert problems == [
        Problem(("dose", "sets", "many"), "names {reps}, which it cannot fill in (it can: {n})")
    ]


def test_every_value_of_a_closed_set_has_its_words() -> None:
    words = default_catalog().words
    assert missing_words(words) == []
    units = {k: v for k, v in words.names.units.items() if k != "in"}
    names = dataclasses.replace(words.names, units=units)
    upkeep = {k: v for k, v in words.upkeep.items() if k != "pattern"}
    broken = dataclasses.replace(words, names=names, upkeep=upkeep)
    assert missing_words(broken) == [
        Problem(("names", "units"), "has no words for 'in'"),
        Problem(("upkeep",), "has no words for 'pattern'"),
    ]
