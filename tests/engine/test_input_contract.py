"""The results document's contract: a key is given once, and every problem of a document comes
back in one reply (types, ranges, ids and keys together), in document order, capped at
``MAX_PROBLEMS``. Nothing from a document with a problem is ever assessed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hipcore import (
    MAX_PROBLEMS,
    RESULTS_VERSION,
    assess_json,
    format_path,
    parse_json,
    parse_results,
)
from hipcore._decode import salvage
from hipcore.cli import main
from hipcore.results import AssessmentResult, Results
from tests.engine.build import entry, held, prescreen, results
from tests.engine.test_properties import json_values, valid_results

Errors = list[tuple[str, str]]


def errors(text: str) -> Errors:
    reply = json.loads(assess_json(text))
    assert reply["ok"] is False
    return [(e["path"], e["message"]) for e in reply["errors"]]


def paths(text: str) -> list[str]:
    return [path for path, _ in errors(text)]


ANSWERS = ", ".join(f'"{question}": false' for question in prescreen())
HEAD = f'{{"version": {RESULTS_VERSION}, '
"""The start of a results document, in this version."""
VALID = HEAD + '"prescreen": {' + ANSWERS + "}, "
BRIDGE = '"assessment": "single_leg_bridge"'
HOLD = '"hold_time": {"value": 12, "unit": "s"}'


def doc(assessments: str) -> str:
    """A results document with every question answered 'no', and the given assessments."""
    return VALID + '"assessments": [' + assessments + "]}"


# --- keys given twice -------------------------------------------------------------------------

YES_THEN_NO = (
    HEAD
    + '"prescreen": {'
    + ANSWERS.replace(
        '"heart_or_pregnancy": false', '"heart_or_pregnancy": true, "heart_or_pregnancy": false'
    )
    + "}}"
)
"""A red flag answered yes, then no: read last-wins, the flag would be lost."""

TWICE = [
    pytest.param(
        YES_THEN_NO,
        "prescreen.heart_or_pregnancy",
        "is given twice",
        id="a red flag answered yes, then no",
    ),
    pytest.param(
        HEAD + f'"version": {RESULTS_VERSION}, "prescreen": {{' + ANSWERS + "}}",
        "version",
        "is given twice",
        id="a field of the document",
    ),
    pytest.param(
        doc('{"assessment": "single_leg_bridge", "assessment": "quad_length"}'),
        "assessments[0].assessment",
        "is given twice",
        id="the assessment of an entry",
    ),
    pytest.param(
        doc("{" + BRIDGE + ', "left": {"could_not_perform": true, "could_not_perform": false}}'),
        "assessments[0].left.could_not_perform",
        "is given twice",
        id="a field of a side",
    ),
    pytest.param(
        doc("{" + BRIDGE + ', "left": {"measures": {' + HOLD + ", " + HOLD + "}}}"),
        "assessments[0].left.measures.hold_time",
        "is given twice",
        id="a measure",
    ),
    pytest.param(
        doc("{" + BRIDGE + ', "left": {"measures": {"hold_time": '
            '{"value": 12, "unit": "s", "value": 6, "value": 30}}}}'),
        "assessments[0].left.measures.hold_time.value",
        "is given 3 times",
        id="a value, three times",
    ),
    pytest.param(
        doc("{" + BRIDGE + ', "left": {"pain": {"present": false, "present": true}}}'),
        "assessments[0].left.pain.present",
        "is given twice",
        id="pain",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "path", "message"), TWICE)
def test_a_key_given_twice_is_refused_at_its_path(text: str, path: str, message: str) -> None:
    assert (path, message) in errors(text)


def test_a_key_given_twice_is_refused_even_with_the_same_value() -> None:
    text = HEAD + '"prescreen": {' + ANSWERS + ', "heart_or_pregnancy": false}}'
    assert errors(text) == [("prescreen.heart_or_pregnancy", "is given twice")]


def test_the_command_line_refuses_a_key_given_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "results.json"
    path.write_text(YES_THEN_NO, encoding="utf-8")
    assert main(["assess", str(path)]) == 2
    assert "  prescreen.heart_or_pregnancy: is given twice\n" in capsys.readouterr().err


def test_parse_json_keeps_the_last_value_but_remembers_the_key() -> None:
    data, problems = parse_json('{"a": 1, "a": 2, "b": {"c": 3, "c": 3}}')
    assert problems == []
    assert data == {"a": 2, "b": {"c": 3}}
    _, found = parse_results(data)
    assert [str(p) for p in found[:2]] == ["a: is given twice", "a: is not a known field"]


class _Twice(dict[str, Any]):
    """An object that, written as JSON, gives ``key`` once more, with ``extra``."""

    def __init__(self, items: dict[str, Any], key: str, extra: Any) -> None:
        super().__init__(items)
        self.key, self.extra = key, extra


def as_text(value: Any) -> str:
    if isinstance(value, dict):
        pairs = [(k, v) for k, v in value.items()]
        if isinstance(value, _Twice):
            pairs.append((value.key, value.extra))
        return "{" + ", ".join(f"{json.dumps(k)}: {as_text(v)}" for k, v in pairs) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(as_text(v) for v in value) + "]"
    return json.dumps(value)


def objects(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The path of every non-empty object in ``value``."""
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in objects(item, (*path, i))]
    if not isinstance(value, dict):
        return []
    inner = [p for key, item in value.items() for p in objects(item, (*path, key))]
    return [path, *inner] if value else inner


def at(value: Any, path: tuple[str | int, ...]) -> Any:
    for part in path:
        value = value[part]
    return value


@settings(max_examples=150, deadline=None)
@given(valid_results(), st.data())
def test_any_document_with_a_key_given_twice_is_invalid(doc: dict[str, Any], data: Any) -> None:
    where = data.draw(st.sampled_from(objects(doc)))
    target = at(doc, where)
    key = data.draw(st.sampled_from(sorted(target)))
    extra = data.draw(st.just(target[key]) | json_values)
    twice = _Twice(target, key, extra)
    if where:
        at(doc, where[:-1])[where[-1]] = twice
    else:
        doc = twice
    assert (format_path((*where, key)), "is given twice") in errors(as_text(doc))


# --- every problem at once --------------------------------------------------------------------

ALL_AT_ONCE = [
    pytest.param(
        doc(
            '{"assessment": "hip_flexor_lenght"}, '
            "{" + BRIDGE + ', "left": {"measures": {"hold_time": {"value": "12", "unit": "s"}}}, '
            '"right": {"measures": {"hold_time": {"value": 900, "unit": "s"}}}}'
        ),
        [
            ("assessments[0].assessment", "'hip_flexor_lenght' is not an assessment"),
            ("assessments[1].left.measures.hold_time.value", "must be a number, got text '12'"),
            (
                "assessments[1].right.measures.hold_time.value",
                "900 s is outside the plausible range 0 s to 600 s",
            ),
        ],
        id="an unknown id, a type and a range: the runner's three mistakes",
    ),
    pytest.param(
        doc(
            "{" + BRIDGE + ', "left": {"measures": {"hold_time": {"value": true, "unit": "s"}}, '
            '"compensations": ["wobbles", 3]}}'
        ),
        [
            ("assessments[0].left.measures.hold_time.value", "must be a number, got true"),
            ("assessments[0].left.compensations[0]", "is not a compensation of"),
            ("assessments[0].left.compensations[1]", "must be text, got int 3"),
        ],
        id="a list keeps its indexes when an item is wrong",
    ),
    pytest.param(
        doc('{"assessment": "Bridge", "both": {}}, ' "{" + BRIDGE + ', "both": {}}'),
        [
            (
                "assessments[0].assessment",
                "must be a lower-case id such as 'hip_bridge' (a-z, 0-9, _), got 'Bridge'",
            ),
            ("assessments[1].both", "this test is done on each side: give 'left' and 'right'"),
        ],
        id="an entry whose test cannot be read is not checked further, the next one is",
    ),
    pytest.param(
        HEAD + '"prescreen": {' + ANSWERS.replace(
            '"nerve_symptoms": false', '"nerve_symptoms": "no"'
        ) + '}, "assessments": [{"assessment": "nope"}]}',
        [
            ("prescreen.nerve_symptoms", "must be true or false, got text 'no'"),
            ("assessments[0].assessment", "'nope' is not an assessment"),
        ],
        id="a wrong answer is not also reported as missing",
    ),
    pytest.param(
        doc("{" + BRIDGE + ', "left": {"pain": {"present": "yes", "score": 4}}}'),
        [("assessments[0].left.pain.present", "must be true or false, got text 'yes'")],
        id="a check of a part that could not be read is left out",
    ),
    pytest.param(
        HEAD + '"prescreen": [], "assessments": [{"assessment": "nope"}]}',
        [
            ("prescreen", "must be an object, got a list"),
            ("assessments[0].assessment", "'nope' is not an assessment"),
        ],
        id="a wrong pre-screen does not hide the tests",
    ),
    pytest.param(
        f'{{"assessments": [{{"assessment": "nope", "extra": 1}}], "prescreen": {{}}, '
        f'"version": {RESULTS_VERSION + 1}}}',
        [
            ("version", f"must be one of {RESULTS_VERSION}, got int {RESULTS_VERSION + 1}"),
            ("assessments[0].extra", "is not a known field"),
        ],
        id="another version is not checked against this catalog",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ALL_AT_ONCE)
def test_every_problem_is_reported_in_one_reply(text: str, expected: Errors) -> None:
    found = errors(text)
    assert [path for path, _ in found] == [path for path, _ in expected]
    for (_, message), (_, start) in zip(found, expected, strict=True):
        assert message.startswith(start)


def leaves(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """The path of every value in ``value`` that is not an object or a list."""
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in leaves(item, (*path, key))]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in leaves(item, (*path, i))]
    return [path]


@settings(max_examples=150, deadline=None)
@given(valid_results(), st.data())
def test_a_wrong_type_anywhere_does_not_hide_an_unknown_test(
    doc: dict[str, Any], data: Any
) -> None:
    # The version is the one exception: a document whose version cannot be read is not checked
    # against this catalog.
    where = data.draw(st.sampled_from([p for p in leaves(doc) if p != ("version",)]))
    at(doc, where[:-1])[where[-1]] = {}
    doc["assessments"].append({"assessment": "no_such_test"})
    found = errors(json.dumps(doc))
    assert any(path == format_path(where) and m.startswith("must be") for path, m in found)
    unknown = f"assessments[{len(doc['assessments']) - 1}].assessment"
    assert (unknown, "'no_such_test' is not an assessment") in found


def test_what_cannot_be_read_is_left_out_of_the_checks_not_guessed() -> None:
    side = {"measures": {"hold_time": {"value": "12", "unit": "s"}, "other": {"value": 3,
            "unit": "s"}}, "pain": {"present": "yes"}, "could_not_perform": "no"}  # fmt: skip
    doc = results(entry("single_leg_bridge", side), 7, entry("quad_length"))
    doc["prescreen"]["nerve_symptoms"] = None
    salvaged = salvage(Results, doc)
    assert salvaged.value is not None
    first, second, third = salvaged.value.assessments
    assert first.left is not None
    assert list(first.left.measures) == ["other"]
    assert (first.left.pain, first.left.could_not_perform) == (None, False)
    assert second == AssessmentResult("")
    assert third.assessment == "quad_length"
    assert "nerve_symptoms" not in salvaged.value.prescreen
    assert salvaged.covers(("assessments", 1, "assessment"))
    assert salvaged.covers(("prescreen", "nerve_symptoms"))
    assert not salvaged.covers(("assessments", 0, "left", "measures", "other"))


def test_problems_come_in_document_order_whatever_finds_them() -> None:
    # The order of an object's fields is the order its type declares them (the schema's), not
    # the order they are typed in, so that the same document always gives the same reply.
    text = doc(
        "{" + BRIDGE + ', "right": {"measures": {"hold_time": {"value": 900, "unit": "s"}}}, '
        '"left": {"compensations": [1]}}, '
        '{"left": {"measures": {"hold_time": {"value": -1, "unit": "s", "unit": "s"}}}, '
        '"assessment": "side_plank_test", "bogus": 1}'
    ).replace('"prescreen": {', '"prescreen": {"dizzy": true, ')
    assert paths(text) == [
        "prescreen.dizzy",
        "assessments[0].left.compensations[0]",
        "assessments[0].right.measures.hold_time.value",
        "assessments[1].bogus",
        "assessments[1].left.measures.hold_time.value",
        "assessments[1].left.measures.hold_time.unit",
    ]


def test_the_reply_is_the_same_bytes_every_time() -> None:
    text = doc('{"assessment": "x"}, {"assessment": 3}, {"assessment": "single_leg_bridge"}')
    assert len({assess_json(text) for _ in range(5)}) == 1


# --- the cap ----------------------------------------------------------------------------------


def with_unknown_questions(n: int) -> str:
    return json.dumps({"version": RESULTS_VERSION, "prescreen": {**prescreen(), **dict.fromkeys(
        (f"q{i}" for i in range(n)), False)}})  # fmt: skip


@pytest.mark.parametrize(
    ("n", "listed", "last"),
    [
        (MAX_PROBLEMS, MAX_PROBLEMS, "prescreen.q49"),
        (MAX_PROBLEMS + 1, MAX_PROBLEMS + 1, "(document): has 1 more problem, not listed"),
        (1000, MAX_PROBLEMS + 1, "(document): has 950 more problems, not listed"),
    ],
)
def test_at_most_max_problems_are_listed_and_one_more_counts_the_rest(
    n: int, listed: int, last: str
) -> None:
    found = errors(with_unknown_questions(n))
    assert len(found) == listed
    assert ": ".join(found[-1]).startswith(last)


def test_a_huge_broken_document_gets_a_small_reply() -> None:
    bad = [entry("single_leg_bridge", held(900, "wobbles"), held(-3)) for _ in range(20_000)]
    text = json.dumps(results(*bad))
    reply = assess_json(text)
    assert len(text) > 4_000_000
    assert len(reply) < 20_000
    assert re.match(r"has \d+ more problems", json.loads(reply)["errors"][-1]["message"])
