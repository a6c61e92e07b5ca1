"""Texts made to be slow to read: a megabyte each of what can make a JSON scanner or a regular
expression take quadratic time. Used by ``test_robustness.py`` and ``bench/engine.py``."""

from __future__ import annotations

import random

MB = 1_000_000
"""The size of each text."""


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
