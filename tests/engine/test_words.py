"""The engine's sentences are the content's (``content/words.yaml``), not written in its code: with
every sentence of the catalog's words marked, every sentence the engine makes carries a mark."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any

import pytest

from hipcore import Problem, assess, default_catalog
from hipcore.model import Catalog, Region, RegionWords, Words
from hipcore.words import template_problems
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
        "evidence": [e.text for f in p.findings for e in f.evidence],
        "test reports": [t for test in p.tests for side in test.sides for t in side.text],
        "asymmetries": [a.text for a in p.asymmetries],
        "why": [i.why.text for i in p.program],
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
