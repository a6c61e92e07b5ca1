"""Results are checked against the catalog: every problem comes back with its field path,
all at once, and nothing is raised or assessed."""

from __future__ import annotations

from typing import Any

import pytest

from hipcore import Results, assess, assess_json, check_results, default_catalog, parse_results
from tests.engine.build import ALL_PASS, both_sides, entry, heel, held, prescreen, results


def problems(doc: Any) -> list[tuple[str, str]]:
    prescription = assess(doc)
    assert prescription.status == "invalid"
    assert prescription.program == ()
    assert prescription.findings == ()
    return [(e.path, e.message) for e in prescription.errors]


def first_problem(doc: Any) -> tuple[str, str]:
    found = problems(doc)
    assert len(found) == 1, found
    return found[0]


def left(test: str, side: dict[str, Any]) -> dict[str, Any]:
    """Results with one test done on the left only."""
    return results(entry(test, side))


def measured(measure: str, value: Any, unit: str) -> dict[str, Any]:
    return {"measures": {measure: {"value": value, "unit": unit}}}


def without(question: str) -> dict[str, Any]:
    answers = {k: v for k, v in prescreen().items() if k != question}
    return {"version": 2, "prescreen": answers}


def case(name: str, doc: Any, path: str, message: str) -> Any:
    return pytest.param(doc, path, message, id=name)


CASES = [
    case(
        "an unknown assessment",
        left("hip_bridge_test", held(12)),
        "assessments[0].assessment",
        "'hip_bridge_test' is not an assessment",
    ),
    case(
        "the same assessment twice",
        results(entry("single_leg_bridge", held(12)), entry("single_leg_bridge", held(9))),
        "assessments[1].assessment",
        "given twice (first at assessments[0])",
    ),
    case(
        "an unknown criterion",
        left("hip_flexor_length", {"criteria": {"back_flat": True}}),
        "assessments[0].left.criteria.back_flat",
        "is not a criterion of 'hip_flexor_length'",
    ),
    case(
        "an unknown measure",
        left("single_leg_bridge", measured("reps", 3, "s")),
        "assessments[0].left.measures.reps",
        "is not a measure of 'single_leg_bridge'",
    ),
    case(
        "an unknown compensation",
        left("side_plank_test", held(12, "wobbles")),
        "assessments[0].left.compensations[0]",
        "is not a compensation of 'side_plank_test'",
    ),
    case(
        "a compensation listed twice",
        left("side_plank_test", held(12, "hips_sag", "hips_sag")),
        "assessments[0].left.compensations[1]",
        "'hips_sag' is listed twice",
    ),
    case(
        "a unit the measure does not take",
        left("single_leg_bridge", measured("hold_time", 12, "deg")),
        "assessments[0].left.measures.hold_time.unit",
        "'deg' is not a unit of this measure (use 's')",
    ),
    case(
        "a value above the plausible range",
        left("single_leg_bridge", held(900)),
        "assessments[0].left.measures.hold_time.value",
        "900 s is outside the plausible range 0 s to 600 s",
    ),
    case(
        "a value above the range once converted from inches",
        left("quad_length", heel(30, "in")),
        "assessments[0].left.measures.heel_to_buttock.value",
        "30 in (76.2 cm) is outside the plausible range 0 cm to 60 cm",
    ),
    case(
        "a negative value",
        left("hip_rotation_control", measured("knee_opening", -5, "deg")),
        "assessments[0].left.measures.knee_opening.value",
        "-5° is outside the plausible range",
    ),
    case(
        "'both' for a test done on each side",
        results({"assessment": "single_leg_bridge", "both": held(12)}),
        "assessments[0].both",
        "this test is done on each side: give 'left' and 'right'",
    ),
    case(
        "an unanswered pre-screen question",
        without("recent_fall_or_injury"),
        "prescreen.recent_fall_or_injury",
        "is not answered: Have you recently had a fall or an injury?",
    ),
    case(
        "an unknown pre-screen question",
        {"version": 2, "prescreen": {**prescreen(), "dizzy": False}},
        "prescreen.dizzy",
        "is not a pre-screen question",
    ),
    case(
        "a pain score without pain",
        left("single_leg_bridge", {**held(12), "pain": {"present": False, "score": 4}}),
        "assessments[0].left.pain.score",
        "is given but 'present' is false",
    ),
    case(
        "a pain score out of 0-10",
        left("single_leg_bridge", {"pain": {"present": True, "score": 11}}),
        "assessments[0].left.pain.score",
        "must be at most 10, got 11",
    ),
    case(
        "a misspelt field",
        left("single_leg_bridge", {"could_not_preform": True}),
        "assessments[0].left.could_not_preform",
        "is not a known field",
    ),
    case(
        "a text where a number belongs",
        left("single_leg_bridge", measured("hold_time", "12", "s")),
        "assessments[0].left.measures.hold_time.value",
        "must be a number, got text '12'",
    ),
    case(
        "another version",
        {"version": 1, "prescreen": prescreen()},
        "version",
        "must be one of 2, got int 1",
    ),
]


@pytest.mark.parametrize(("doc", "path", "message"), CASES)
def test_a_problem_is_reported_at_its_field(doc: Any, path: str, message: str) -> None:
    got_path, got_message = first_problem(doc)
    assert got_path == path
    assert message in got_message


def test_every_problem_is_reported_at_once_in_document_order() -> None:
    doc = results(
        entry("hip_flexor_lenght", {}),
        entry("single_leg_bridge", held(900, "wobbles")),
        {"assessment": "quad_length", "both": heel(10)},
    )
    del doc["prescreen"]["nerve_symptoms"]
    assert [path for path, _ in problems(doc)] == [
        "prescreen.nerve_symptoms",
        "assessments[0].assessment",
        "assessments[1].left.measures.hold_time.value",
        "assessments[1].left.compensations[0]",
        "assessments[2].both",
    ]


def test_parse_results_returns_typed_results_or_the_problems() -> None:
    typed, none = parse_results(results(*ALL_PASS))
    assert isinstance(typed, Results)
    assert none == []
    missing, found = parse_results({"version": 2})
    assert missing is None
    assert [str(p) for p in found] == ["prescreen: is required"]


def test_typed_results_are_checked_against_the_catalog_too() -> None:
    typed, _ = parse_results(results(both_sides("single_leg_bridge", held(12))))
    assert typed is not None
    other = Results(1, {}, typed.assessments)
    assert check_results(other, default_catalog())
    assert assess(other).status == "invalid"


def test_the_json_bridge_answers_problems_as_ok_false() -> None:
    reply = assess_json('{"version": 2, "prescreen": {}, "assessments": [{"assessment": "x"}]}')
    assert reply.startswith('{"errors":[{"message":')
    assert '"ok":false' in reply
    assert '"path":"assessments[0].assessment"' in reply


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is not valid JSON (line 1, column 1)"),
        ('{"version": 2,\n  oops}', "is not valid JSON (line 2, column 3)"),
        ("[" * 40, "is nested more than 32 levels deep"),
        ("null", "must be an object, got null"),
    ],
)
def test_text_that_is_not_a_results_document_is_an_error_not_an_exception(
    text: str, message: str
) -> None:
    reply = assess_json(text)
    assert '"ok":false' in reply
    assert message in reply
