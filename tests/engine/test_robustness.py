"""Hostile or broken input: the engine answers quickly, in valid UTF-8, and never raises."""

from __future__ import annotations

import json
import random
import time

import pytest

from hipcore import MAX_DEPTH, assess_json
from hipcore.api import _too_deep

MB = 1_000_000


def _random_mix(size: int) -> str:
    rng = random.Random(12)
    pieces = ['"', '\\"', "\\\\", "\\", "[", "]", "{", "}", "[]", "{}", '"a"', ",", ":", "é"]
    return "".join(rng.choice(pieces) for _ in range(size // 2))[:size]


ADVERSARIAL = {
    "an unterminated string of escaped quotes": '"' + '\\"' * (MB // 2),
    "opening brackets": "[" * MB,
    "empty lists side by side": "[]" * (MB // 2),
    "quotes": '"' * MB,
    "backslashes": "\\" * MB,
    "brackets inside an unterminated string": '"' + "{[" * (MB // 2),
    "closing brackets": "]}" * (MB // 2),
    "nested exactly to the limit, again and again": ("[" * 32 + "]" * 32) * (MB // 64),
    "one level short of the limit, then many siblings": "[" * 31 + "[]" * (MB // 2),
    "strings of brackets": '"[{",' * (MB // 5),
    "escapes and brackets": ('[{"\\\\\\"' + "]}[") * (MB // 10),
    "a random mix": _random_mix(MB),
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_the_depth_check_takes_linear_time_on_a_megabyte_of_adversarial_text(text: str) -> None:
    # The benchmark target is 50 ms (bench/engine.py prints the measured figure); the bound here
    # is loose so that a loaded test machine does not fail it.
    _too_deep(text)
    started = time.perf_counter()
    _too_deep(text)
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=ADVERSARIAL.keys())
def test_adversarial_text_gets_an_error_reply(text: str) -> None:
    reply = json.loads(assess_json(text))
    assert reply["ok"] is False
    assert len(reply["errors"]) == 1


DEPTHS = [
    ("[]", False),
    ("[" * MAX_DEPTH + "]" * MAX_DEPTH, False),
    ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), True),
    ("[" * MAX_DEPTH, False),
    ("[" * (MAX_DEPTH + 1), True),
    ("{" * 20 + "[" * 13 + "]" * 13, True),
    ("{" * 20 + "[" * 12 + "]" * 12, False),
    ("]" * 40 + "[" * MAX_DEPTH, False),
    ('"' + "[" * 40 + '"', False),
    ('"' + "[" * 40, False),
    ('"\\"' + "[" * 40, False),
    ('"\\\\"' + "[" * 40, True),
    ('"\\\\\\"' + "[" * 40, False),
    ('["a", "b\\"]", ' + "[" * 31 + "]" * 31 + "]", False),
    ('["a", "b\\\\", ' + "[" * 32 + "]" * 32 + "]", True),
]


@pytest.mark.parametrize(("text", "too_deep"), DEPTHS)
def test_only_brackets_outside_strings_count_towards_the_depth(text: str, too_deep: bool) -> None:
    assert _too_deep(text) is too_deep
