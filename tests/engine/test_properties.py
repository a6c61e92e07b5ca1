"""Properties that hold for every input, checked with generated results (hypothesis)."""

from __future__ import annotations

import json
import math
import random
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from hipcore import assess, assess_json, default_catalog
from hipcore._judge import meets
from hipcore.model import Assessment, Measure

CATALOG = default_catalog()
EXERCISES = {e.id: e for e in CATALOG.exercises}
ASSESSMENTS = {a.id: a for a in CATALOG.assessments}
PRESCREEN = [f.id for f in CATALOG.red_flags]
RANK = {"mobility": 0, "motor_control": 1, "strength": 2, "pattern": 3}
CM_PER_IN = 2.54

# --- strategies -------------------------------------------------------------------------------

json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def measurement(draw: st.DrawFn, measure: Measure) -> dict[str, Any]:
    unit = draw(st.sampled_from((measure.unit, *measure.units)))
    low, high = measure.minimum, measure.maximum
    if unit != measure.unit:  # the only conversions are between cm and in
        factor = 1 / CM_PER_IN if unit == "in" else CM_PER_IN
        low, high = low * factor, high * factor
    value = draw(st.floats(min_value=low, max_value=high, allow_nan=False) | st.integers(0, 30))
    return {"value": min(max(value, low), high), "unit": unit}


@st.composite
def side(draw: st.DrawFn, assessment: Assessment) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    criteria = {c.id: draw(st.booleans()) for c in assessment.criteria if draw(st.booleans())}
    if criteria:
        doc["criteria"] = criteria
    measures = {m.id: draw(measurement(m)) for m in assessment.measures if draw(st.booleans())}
    if measures:
        doc["measures"] = measures
    faults = [c.id for c in assessment.compensations]
    doc["compensations"] = draw(st.lists(st.sampled_from(faults), unique=True)) if faults else []
    if draw(st.integers(0, 5)) == 0:
        where = draw(st.lists(st.sampled_from(assessment.pain_sites), unique=True, max_size=2))
        doc["pain"] = {"present": True, "score": draw(st.integers(0, 10)), "where": where}
    if draw(st.integers(0, 4)) == 0:
        doc["could_not_perform"] = True
        doc.pop("measures", None)
    return agreeing(doc, assessment)


def agreeing(doc: dict[str, Any], assessment: Assessment) -> dict[str, Any]:
    """``doc`` (one side) with each stand-in answer agreeing with its measure."""
    stand_ins = [
        c
        for c in assessment.criteria
        if c.instead_of in doc.get("measures", {}) and c.id in doc.get("criteria", {})
    ]
    for criterion in stand_ins:
        value = doc["measures"][criterion.instead_of]
        measure = next(m for m in assessment.measures if m.id == criterion.instead_of)
        doc["criteria"][criterion.id] = meets(measure, value["value"], value["unit"])
    return doc


@st.composite
def valid_results(draw: st.DrawFn, red_flags: bool = True) -> dict[str, Any]:
    prescreen = {f.id: red_flags and draw(st.integers(0, 9)) == 0 for f in CATALOG.red_flags}
    entries = []
    for a in CATALOG.assessments:
        if not draw(st.integers(0, 3)):
            continue
        entry: dict[str, Any] = {"assessment": a.id}
        for key in ("left", "right") if a.sided else ("both",):
            if draw(st.integers(0, 5)):
                entry[key] = draw(side(a))
        entries.append(entry)
    draw(st.randoms()).shuffle(entries)
    return {"version": 2, "prescreen": prescreen, "assessments": entries}


IN_CM = [a for a in CATALOG.assessments if any(m.unit == "cm" for m in a.measures)]


@st.composite
def centimetres(draw: st.DrawFn, measure: Measure) -> float:
    """A distance in cm that is a whole number of hundredths of an inch, within the
    measure's range: the same value can be written in inches exactly."""
    low = math.ceil(measure.minimum / CM_PER_IN * 100)
    high = math.floor(measure.maximum / CM_PER_IN * 100)
    return round(draw(st.integers(low, high)) / 100 * CM_PER_IN, 6)


@st.composite
def results_in_centimetres(draw: st.DrawFn) -> dict[str, Any]:
    """Valid results in which each test measured in cm is done on every side, its distance
    given in cm; the other tests as ``valid_results`` draws them."""
    doc = draw(valid_results(red_flags=False))
    for a in IN_CM:
        entry = next((e for e in doc["assessments"] if e["assessment"] == a.id), None)
        if entry is None:
            entry = {"assessment": a.id}
            doc["assessments"].append(entry)
        for key in ("left", "right") if a.sided else ("both",):
            one = entry.get(key) or draw(side(a))
            one.pop("could_not_perform", None)
            measures = one.setdefault("measures", {})
            for m in a.measures:
                if m.unit == "cm":
                    measures[m.id] = {"value": draw(centimetres(m)), "unit": "cm"}
            entry[key] = agreeing(one, a)
    return doc


@st.composite
def passing_side(draw: st.DrawFn, assessment: Assessment) -> dict[str, Any]:
    """A side answered in full that passes: every answer yes, every value past its mark."""
    measures = {}
    for m in assessment.measures:
        unit = draw(st.sampled_from((m.unit, *m.units)))
        factor = {m.unit: 1.0, "in": 1 / CM_PER_IN, "cm": CM_PER_IN}[unit]
        values = st.floats(min_value=m.minimum * factor, max_value=m.maximum * factor)
        value = draw(values.filter(lambda v, m=m, unit=unit: meets(m, v, unit) is not False))
        measures[m.id] = {"value": value, "unit": unit}
    doc: dict[str, Any] = {"criteria": {c.id: True for c in assessment.criteria}}
    if measures:
        doc["measures"] = measures
    doc["compensations"] = []
    return doc


@st.composite
def passing_results(draw: st.DrawFn) -> dict[str, Any]:
    """Results in which every test done passed on every side, and nothing hurt: the one case
    where the prescription is upkeep. At least one test is done."""
    chosen = draw(st.lists(st.sampled_from(CATALOG.assessments), min_size=1, unique=True))
    entries = []
    for a in chosen:
        entry: dict[str, Any] = {"assessment": a.id}
        for key in ("left", "right") if a.sided else ("both",):
            entry[key] = draw(passing_side(a))
        entries.append(entry)
    return {"version": 2, "prescreen": dict.fromkeys(PRESCREEN, False), "assessments": entries}


@st.composite
def damaged_results(draw: st.DrawFn) -> Any:
    """A valid document with one value somewhere replaced by any JSON."""
    doc = draw(valid_results())
    paths: list[list[Any]] = []

    def walk(node: Any, path: list[Any]) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for key, child in node.items():
                walk(child, [*path, key])
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, [*path, index])

    walk(doc, [])
    path = draw(st.sampled_from(paths))
    junk = draw(json_values)
    if not path:
        return junk
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = junk
    return doc


def hurt_regions(doc: dict[str, Any]) -> set[str]:
    """Every region where a test hurt: the test's own, and each place the runner named."""
    sites = {s.id: s.region for s in CATALOG.pain.sites}
    regions: set[str] = set()
    for entry in doc["assessments"]:
        for key in ("left", "right", "both"):
            pain = entry.get(key, {}).get("pain")
            if pain and pain["present"]:
                regions.add(ASSESSMENTS[entry["assessment"]].region)
                regions |= {sites[w] for w in pain.get("where", [])}
    return regions


def hurt_movements(doc: dict[str, Any]) -> set[str]:
    return {
        m
        for entry in doc["assessments"]
        for key in ("left", "right", "both")
        if entry.get(key, {}).get("pain", {}).get("present")
        for m in ASSESSMENTS[entry["assessment"]].movements
    }


def top_pain_score(doc: dict[str, Any]) -> int:
    scores = [
        entry.get(key, {}).get("pain", {}).get("score") or 0
        for entry in doc["assessments"]
        for key in ("left", "right", "both")
        if entry.get(key, {}).get("pain", {}).get("present")
    ]
    return max(scores, default=0)


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(json_values | damaged_results())
def test_any_json_gives_a_prescription_or_structured_errors_never_an_exception(data: Any) -> None:
    p = assess(data)
    assert (p.status == "invalid") == bool(p.errors)
    for error in p.errors:
        assert error.path
        assert error.message
    reply = json.loads(assess_json(json.dumps(data)))
    assert reply["ok"] == (p.status != "invalid")


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_any_text_gives_a_json_reply(text: str) -> None:
    assert json.loads(assess_json(text))["ok"] in (True, False)


@settings(max_examples=200, deadline=None)
@given(valid_results())
def test_valid_results_always_give_a_sound_prescription(doc: dict[str, Any]) -> None:
    p = assess(doc)
    assert p.status != "invalid", p.errors
    items = [*p.program, *p.later]

    # every prescribed exercise exists
    for exercise in (*(i.exercise for i in items), *(w.exercise for w in p.withheld)):
        assert exercise in EXERCISES

    # a red flag means no program at all
    if any(doc["prescreen"].values()):
        assert (p.status, p.program, p.findings) == ("refer", (), ())

    # pain: never "passed"; no loading exercise for a region where it hurt, no exercise of the
    # movement of a test that hurt, nothing loading at all from the score limit; the painful
    # test gives no finding and no side of it passes
    regions, movements = hurt_regions(doc), hurt_movements(doc)
    if regions and p.status != "refer":
        assert p.status == "pain"
        assert p.headline in (
            CATALOG.words.headlines.pain,
            CATALOG.words.headlines.pain_nothing_safe,
        )
    steps = [s.exercise for i in p.program for s in (i.progression, i.regression) if s]
    for exercise_id in [i.exercise for i in items] + steps:  # nor a rung it sends you to
        exercise = EXERCISES[exercise_id]
        loads = exercise.load != "stretch"
        assert not (loads and regions & set(exercise.regions)), exercise_id
        assert not movements & set(exercise.movements), exercise_id
        assert not (loads and top_pain_score(doc) >= CATALOG.pain.withhold_all_loading_from)
    for item in p.program:  # a rung it may not send you to is said, and listed as left out
        if item.progression is None and EXERCISES[item.exercise].progression is not None:
            harder = EXERCISES[item.exercise].progression
            assert harder is not None
            assert harder.exercise in {w.exercise for w in p.withheld}
            assert EXERCISES[harder.exercise].name in item.advance
    for item in p.program:  # no pain score to reach on an exercise of a referred region
        if regions & set(EXERCISES[item.exercise].regions):
            assert "/10" not in item.advance + item.regress, item.exercise
    hurt = {r.source for r in p.referrals if r.kind == "pain"}
    assert not {e.assessment for f in p.findings for e in f.evidence} & hurt

    # the program follows the corrective hierarchy, and the pattern waits for mobility
    ranks = [RANK[i.quality] for i in p.program]
    assert ranks == sorted(ranks)
    if any(f.quality == "mobility" for f in p.findings):
        assert all(i.quality != "pattern" for i in p.program)

    # a bounded session
    assert len(p.program) <= CATALOG.policy.session_max_exercises

    # each exercise left out is named in its own reason, so the runner sees what was left out
    for withheld in p.withheld:
        assert withheld.name in withheld.text, withheld

    # each item is explained
    for item in p.program:
        assert item.why.text
        assert item.advance
        assert item.regress


@settings(max_examples=150, deadline=None)
@given(valid_results(), st.randoms())
def test_the_same_results_give_the_same_bytes_whatever_the_order(
    doc: dict[str, Any], rnd: random.Random
) -> None:
    text = json.dumps(doc)
    shuffled = {**doc, "assessments": rnd.sample(doc["assessments"], len(doc["assessments"]))}
    assert assess_json(text) == assess_json(text)
    assert assess_json(text) == assess_json(json.dumps(shuffled))


@settings(max_examples=150, deadline=None)
@given(valid_results(red_flags=False))
def test_a_failed_side_without_pain_always_leads_to_a_finding(doc: dict[str, Any]) -> None:
    p = assess(doc)
    if p.status == "refer":  # pain as urgent as a red flag: nothing is drawn from any test
        return
    found = {(e.assessment, e.side) for f in p.findings for e in f.evidence}
    for test in p.tests:
        if any(s.outcome == "pain" for s in test.sides):
            continue
        for s in test.sides:
            assert (s.outcome == "fail") == ((test.assessment, s.side) in found)


@settings(max_examples=150, deadline=None)
@given(passing_results())
def test_nothing_failed_and_something_passed_is_maintenance(doc: dict[str, Any]) -> None:
    p = assess(doc)
    outcomes = {s.outcome for t in p.tests for s in t.sides}
    assert "pass" in outcomes
    assert not outcomes & {"fail", "pain"}
    assert p.status == "maintenance"
    passed = {t.assessment for t in p.tests if "pass" in {s.outcome for s in t.sides}}
    expected = {u.exercise for u in CATALOG.policy.maintenance if passed & set(u.keeps)}
    assert {i.exercise for i in p.program} == expected
    for item in p.program:  # upkeep covers only tests that were done and passed
        entry = next(u for u in CATALOG.policy.maintenance if u.exercise == item.exercise)
        assert passed & set(entry.keeps)


@settings(max_examples=150, deadline=None)
@given(valid_results(red_flags=False))
def test_a_test_that_hurt_is_never_passed_and_never_says_passed(doc: dict[str, Any]) -> None:
    p = assess(doc)
    if not hurt_regions(doc):
        return
    assert p.status in ("pain", "refer")
    assert "passed" not in p.headline
    for test in p.tests:
        sides = {s.side: s.outcome for s in test.sides}
        entry = next((e for e in doc["assessments"] if e["assessment"] == test.assessment), {})
        for side, outcome in sides.items():
            if entry.get(side, {}).get("pain", {}).get("present"):
                assert outcome == "pain"


@settings(max_examples=150, deadline=None)
@given(results_in_centimetres())
def test_equal_values_in_cm_and_in_inches_give_the_same_bytes(doc: dict[str, Any]) -> None:
    converted = json.loads(json.dumps(doc))
    written_in_inches = 0
    for entry in converted["assessments"]:
        for key in ("left", "right", "both"):
            for m in entry.get(key, {}).get("measures", {}).values():
                if m["unit"] == "cm":
                    inches = round(m["value"] / CM_PER_IN, 6)
                    assert round(inches * CM_PER_IN, 6) == m["value"]  # the same distance
                    m.update(value=inches, unit="in")
                    written_in_inches += 1
    assert written_in_inches  # every example compares two spellings, never a document twice
    assert assess_json(json.dumps(doc)) == assess_json(json.dumps(converted))
