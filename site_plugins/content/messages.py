"""pydantic's validation errors, reworded for the people who write the content.

pydantic says "Input should be a valid integer" or "String should match pattern '^[a-z]...'";
an editor needs "should be a whole number, got 'ten'" or "must be a lower-case id such as
'hip_bridge'". The content model (``hipcore.model``) is walked along the error's location to
find what was expected there: the allowed words of a ``Literal``, the fields of a dataclass, the
meaning of a ``Pattern``, so that a slip can be answered with "did you mean ...?".
"""

from __future__ import annotations

import dataclasses
import difflib
import json
import math
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from hipcore import model
from hipcore.constraints import Pattern
from hipcore.errors import FieldPath, Problem
from hipcore.shapes import Choice, Constrained, ListOf, Record, bare, nested_types, shape

__all__ = ["closest", "describe", "describe_all", "quote"]

UNIT_NAMES = {"s": "seconds", "deg": "degrees", "cm": "centimetres", "in": "inches"}
"""Said beside a unit in errors, so 'sec' or 'degrees' is easy to correct."""


def describe(error: Any, root: Any) -> str:
    """An editor's message for one pydantic error dict; ``root`` is the type of the file."""
    kind = str(error["type"])
    loc = tuple(error["loc"])
    got = error.get("input")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "is required"
    if kind in _UNKNOWN_FIELD:
        return _unknown_field(str(loc[-1]), _fields(_type_at(root, loc[:-1])))
    if kind == "literal_error":
        allowed = _literal_values(_type_at(root, loc))
        return _not_one_of(got, allowed) if allowed else _fallback(error)
    if kind == "finite_number":
        hint = "" if isinstance(got, float) and math.isnan(got) else _INFINITE_HINT
        return f"must be a finite number, got {quote(got)}{hint}"
    if kind in _WANTED:
        return f"{_WANTED[kind]}, {_got(got)}"
    if kind in _BOUNDS:
        word, key = _BOUNDS[kind]
        return f"must be {word} {_number(ctx[key])}, got {_number(got)}"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        n = int(ctx.get("min_length", 1))
        return "needs at least one item" if n == 1 else f"needs at least {n} items"
    if kind == "string_pattern_mismatch":
        meaning = _pattern_meanings().get(str(ctx.get("pattern")))
        if meaning:
            return f"must be {meaning}, got {quote(got)}"
    return _fallback(error)


def describe_all(errors: Sequence[Any], root: Any) -> list[Problem]:
    """Messages for all of one file's errors, told once each:

    - a misspelt field is reported as unknown ("did you mean 'purpose'?"), not also as missing;
    - several required fields missing from one place make one message;
    - "needs at least one item" is left out when the list's items are themselves wrong (pydantic
      counts only the valid ones), as the real problem is already reported.
    """
    locs = [tuple(e["loc"]) for e in errors]
    meant: set[FieldPath] = set()
    for e, loc in zip(errors, locs, strict=True):
        if e["type"] in _UNKNOWN_FIELD:
            guess = closest(str(loc[-1]), _fields(_type_at(root, loc[:-1])))
            if guess is not None:
                meant.add((*loc[:-1], guess))
    missing: dict[FieldPath, list[str]] = {}
    out: list[Problem] = []
    for e, loc in zip(errors, locs, strict=True):
        if e["type"] == "missing":
            if loc not in meant:
                missing.setdefault(loc[:-1], []).append(str(loc[-1]))
            continue
        if e["type"] == "too_short" and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in locs
        ):
            continue
        out.append(Problem(loc, describe(e, root)))
    for parent, names in missing.items():
        if len(names) == 1:
            out.append(Problem((*parent, names[0]), "is required"))
        else:
            listed = ", ".join(f"'{n}'" for n in names)
            out.append(Problem(parent, f"is missing the required fields {listed}"))
    return out


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice an editor most likely meant, if one is close enough."""
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def quote(value: object) -> str:
    """A value as it would appear in the file; text holding characters that print as nothing
    (a zero-width space, a line break) in YAML's double quotes, with those escaped."""
    if isinstance(value, str):
        if not value.isprintable():
            return '"' + "".join(map(_escaped, value)) + '"'
        return "'" + value.replace("'", "''") + "'" if value else "''"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, float) and not math.isfinite(value):
        return ".nan" if math.isnan(value) else ("-.inf" if value < 0 else ".inf")
    return json.dumps(value)


_INFINITE_HINT = " (YAML reads a number beyond 1e308 as .inf)"

_UNKNOWN_FIELD = ("unexpected_keyword_argument", "extra_forbidden")

_WANTED = {
    "int_type": "should be a whole number",
    "int_from_float": "should be a whole number",
    "float_type": "should be a number",
    "string_type": "should be text",
    "bool_type": "should be true or false",
    "tuple_type": "should be a list (one '- item' per line, or [a, b])",
    "list_type": "should be a list (one '- item' per line, or [a, b])",
    "dataclass_type": "should be a group of fields (indented 'name: value' lines)",
    "model_type": "should be a group of fields (indented 'name: value' lines)",
    "dict_type": "should be a group of fields (indented 'name: value' lines)",
}

_BOUNDS = {
    "greater_than_equal": ("at least", "ge"),
    "less_than_equal": ("at most", "le"),
    "greater_than": ("more than", "gt"),
    "less_than": ("less than", "lt"),
}


def _escaped(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    if char.isprintable():
        return char
    return f"\\u{ord(char):04x}" if ord(char) <= 0xFFFF else f"\\U{ord(char):08x}"


def _got(value: object) -> str:
    if value is None:
        return "but it is empty"
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        hint = " (numbers are written without quotes)" if _is_number(value) else ""
        return f"got {quote(value)}{hint}"
    return f"got {quote(value)}"


def _is_number(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        float(value)
    except ValueError:
        return False
    return True


def _unknown_field(name: str, known: tuple[str, ...]) -> str:
    message = "is not a known field"
    guess = closest(name, known)
    if guess:
        return f"{message}; did you mean '{guess}'?"
    if known:
        return f"{message}; the fields here are: {', '.join(known)}"
    return message


def _not_one_of(got: object, allowed: tuple[str, ...]) -> str:
    unit = set(allowed) <= set(UNIT_NAMES)
    words = ", ".join(f"'{a}' ({UNIT_NAMES[a]})" if unit else f"'{a}'" for a in allowed)
    message = f"should be one of {words}, got {quote(got)}"
    guess = closest(got, allowed) if isinstance(got, str) else None
    if guess is None and unit and isinstance(got, str):
        guess = closest(got, [UNIT_NAMES[a] for a in allowed])
        guess = next((a for a in allowed if UNIT_NAMES[a] == guess), None)
    return f"{message}; did you mean '{guess}'?" if guess else message


def _fallback(error: Any) -> str:
    message = str(error["msg"])
    for prefix in ("Input should ", "String should ", "Tuple should ", "Value should "):
        if message.startswith(prefix):
            message = "should " + message[len(prefix) :]
            break
    got = error.get("input")
    if not isinstance(got, dict | list):
        message += f", got {quote(got)}"
    return message


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- walking the content model along a location ---------------------------------------------


def _type_at(root: Any, loc: FieldPath) -> Any:
    """The type expected at ``loc`` in a value of type ``root`` (None if unknown)."""
    current = bare(root)
    for part in loc:
        node = shape(current)
        if isinstance(part, int):
            current = bare(node.item) if isinstance(node, ListOf) else None
        elif isinstance(node, Record):
            field = next((f for f in node.fields if f.name == part), None)
            current = None if field is None else bare(field.type)
        else:
            return None
        if current is None:
            return None
    return current


def _fields(tp: Any) -> tuple[str, ...]:
    node = None if tp is None else shape(tp)
    return tuple(f.name for f in node.fields) if isinstance(node, Record) else ()


def _literal_values(tp: Any) -> tuple[str, ...]:
    node = None if tp is None else shape(tp)
    return tuple(str(a) for a in node.values) if isinstance(node, Choice) else ()


@cache
def _pattern_meanings() -> dict[str, str]:
    """Every ``Pattern`` the content model uses, by its regex."""
    meanings: dict[str, str] = {}
    for value in vars(model).values():
        if isinstance(value, type) and dataclasses.is_dataclass(value):
            for tp in nested_types(value):
                node = shape(tp)
                if isinstance(node, Constrained):
                    for c in node.constraints:
                        if isinstance(c, Pattern):
                            meanings[c.regex] = c.meaning
    return meanings
