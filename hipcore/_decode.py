"""Turn JSON-shaped data into typed frozen dataclasses, collecting every problem with its path.

A small, standard-library stand-in for pydantic, so the engine validates its inputs the same
way in CPython and in Pyodide. It understands exactly the types the models use, as
``hipcore.shapes`` reads them: dataclasses, ``tuple[T, ...]``, ``dict[str, T]``, ``Literal``,
``T | None``, ``Annotated`` with the constraints of ``hipcore.constraints``, and
``str``/``int``/``float``/``bool``.

Decoding never stops at the first problem. What cannot be read is *salvaged* so that the rest
of the document can still be checked: a field falls back to its default (or to an empty list,
dictionary or object when it has none); an object lacking a required answer (text, a number,
a choice) cannot be read as a whole, so its own container falls back in turn; a dictionary
entry that cannot be read is left out; a list item is kept as an empty value so that later
indexes still point at the right item. Each such place is a *hole*: checks made on the
salvaged value say nothing reliable under a hole, and the salvaged value is never used for
anything but checking.

JSON text is read with ``loads``, which keeps track of keys given twice in an object; the
decoder reports them at their path (``prescreen.heart_or_pregnancy: is given twice``).

Each type is compiled once into a decoding function (``_compile``, cached), so reading a
results document does no type introspection: it is on the path of every assessment.
"""

from __future__ import annotations

import dataclasses
import json
import math
import typing
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, Generic, TypeVar

from hipcore.errors import FieldPath, Problem
from hipcore.shapes import (
    Choice,
    Constrained,
    DictOf,
    FieldShape,
    ListOf,
    Nullable,
    Record,
    Scalar,
    bare,
    shape,
)

__all__ = ["Salvaged", "decode", "document_order", "loads", "salvage"]

T = TypeVar("T")


class _Duplicated(dict[str, Any]):
    """A JSON object in which some keys are given more than once (the last value is kept)."""

    __slots__ = ("counts",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        counts = Counter(key for key, _ in pairs)
        self.counts = {key: n for key, n in counts.items() if n > 1}


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data = dict(pairs)
    return data if len(data) == len(pairs) else _Duplicated(pairs)


def loads(text: str | bytes) -> Any:
    """``json.loads``, remembering the keys an object gives twice so that the decoder can
    refuse them. Raises what ``json.loads`` raises."""
    return json.loads(text, object_pairs_hook=_object)


class _Bad:
    """What a decoder returns when it cannot give a value (its problem is already recorded)."""


_BAD = _Bad()


class _Found:
    __slots__ = ("holes", "problems")

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.holes: set[FieldPath] = set()

    def fail(self, path: FieldPath, message: str) -> _Bad:
        self.problems.append(Problem(path, message))
        return _BAD


Decoder = Callable[[object, FieldPath, _Found], Any]
"""Decodes data found at a path; records problems and holes in ``_Found``, returns ``_BAD``
when it has no value to give."""


@dataclasses.dataclass(frozen=True)
class Salvaged(Generic[T]):
    """Everything ``salvage`` could read from a document."""

    value: T | None
    """The document, with holes where a part could not be read; None when the document itself
    is unusable (not an object, or a required value of its own is wrong). For checking only."""
    problems: list[Problem]
    """Every problem found, in the order found (``document_order`` sorts them)."""
    holes: frozenset[FieldPath]
    """Where the value was filled in or left out."""

    def covers(self, path: FieldPath) -> bool:
        """Whether ``path`` is at or under a hole, so that a check there proves nothing."""
        holes = self.holes
        return bool(holes) and any(path[:i] in holes for i in range(len(path) + 1))


def salvage(cls: type[T], data: object) -> Salvaged[T]:
    """Decode ``data`` into ``cls``, reading all of it whatever is wrong (see the module)."""
    found = _Found()
    value = _compile(typing.cast(Any, cls))(data, (), found)
    if value is _BAD:
        return Salvaged(None, found.problems, frozenset(found.holes))
    return Salvaged(typing.cast(T, value), found.problems, frozenset(found.holes))


def decode(cls: type[T], data: object) -> tuple[T | None, list[Problem]]:
    """Decode ``data`` into ``cls``; returns the value, or None with every problem found."""
    salvaged = salvage(cls, data)
    if salvaged.problems:
        return None, salvaged.problems
    return salvaged.value, []


def _describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, str):
        return f"text {value!r}" if len(value) < 40 else "text"
    if isinstance(value, int) and abs(value) >= 10**40:
        return "a very large number"
    return f"{type(value).__name__} {value!r}"


def _lone_surrogate(text: str) -> str | None:
    """The first lone surrogate in ``text``, written as an escape (``\\ud800``), if any."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return f"\\u{ord(text[error.start]):04x}"
    return None


def _not_unicode(escape: str) -> str:
    return f"is not valid Unicode text: it holds a lone surrogate ({escape})"


@cache
def _compile(tp: Any) -> Decoder:
    node = shape(tp)
    if isinstance(node, Scalar):
        return _SCALARS[node.type]
    return _COMPILERS[type(node)](node)


def _annotated(node: Constrained) -> Decoder:
    inner = _compile(node.base)
    checks = node.constraints

    def run(data: object, path: FieldPath, found: _Found) -> Any:
        value = inner(data, path, found)
        if value is _BAD:
            return _BAD
        for check in checks:
            message = check.check(value)
            if message:
                return found.fail(path, message)
        return value

    return run


def _optional(node: Nullable) -> Decoder:
    nullable = node.nullable
    (inner_type,) = node.options
    inner = _compile(inner_type)

    def run(data: object, path: FieldPath, found: _Found) -> Any:
        if data is None and nullable:
            return None
        return inner(data, path, found)

    return run


def _literal(node: Choice) -> Decoder:
    allowed = node.values
    is_bool = isinstance(allowed[0], bool)
    choices = ", ".join(repr(a) for a in allowed)

    def run(data: object, path: FieldPath, found: _Found) -> Any:
        if data not in allowed or isinstance(data, bool) != is_bool:
            return found.fail(path, f"must be one of {choices}, got {_describe(data)}")
        return data

    return run


def _tuple(node: ListOf) -> Decoder:
    item_type = node.item
    item = _compile(item_type)

    def run(data: object, path: FieldPath, found: _Found) -> Any:
        if not isinstance(data, list | tuple):
            return found.fail(path, f"must be a list, got {_describe(data)}")
        out = []
        for index, value in enumerate(data):
            where = (*path, index)
            decoded = item(value, where, found)
            if decoded is _BAD:
                decoded = _empty(item_type)
                found.holes.add(where)
            out.append(decoded)
        return tuple(out)

    return run


def _given_twice(data: _Duplicated, path: FieldPath, found: _Found) -> None:
    for key, n in data.counts.items():
        found.fail((*path, key), "is given twice" if n == 2 else f"is given {n} times")


def _dict(node: DictOf) -> Decoder:
    item = _compile(node.item)

    def run(data: object, path: FieldPath, found: _Found) -> Any:
        if not isinstance(data, dict):
            return found.fail(path, f"must be an object, got {_describe(data)}")
        if type(data) is _Duplicated:
            _given_twice(data, path, found)
        out = {}
        for raw_key, value in data.items():
            key = str(raw_key)
            where = (*path, key)
            surrogate = None if key.isascii() else _lone_surrogate(key)
            if surrogate:
                decoded = found.fail(where, _not_unicode(surrogate))
            else:
                decoded = item(value, where, found)
            if decoded is _BAD:
                found.holes.add(where)
            else:
                out[key] = decoded
        return out

    return run


def _dataclass(node: Record) -> Decoder:
    cls = node.cls
    fields = node.fields
    known = {f.name for f in fields}
    decoders: dict[str, Decoder] = {}

    def field_decoder(name: str, tp: Any) -> Decoder:
        # compiled on first use: a dataclass may refer to itself
        decoder = decoders.get(name)
        if decoder is None:
            decoder = decoders[name] = _compile(tp)
        return decoder

    def run(data: object, path: FieldPath, found: _Found) -> Any:
        if not isinstance(data, dict):
            return found.fail(path, f"must be an object, got {_describe(data)}")
        problems_before = len(found.problems)
        if type(data) is _Duplicated:
            _given_twice(data, path, found)
        for key in data:
            if key not in known:
                found.fail((*path, str(key)), "is not a known field")
        kwargs: dict[str, Any] = {}
        unreadable = False
        for field in fields:
            name, tp, default = field.name, field.type, field.default
            if name in data:
                value = field_decoder(name, tp)(data[name], (*path, name), found)
                if value is not _BAD:
                    kwargs[name] = value
                    continue
            elif default is not None:
                continue
            else:
                found.fail((*path, name), "is required")
            if default is None and not _is_container(tp):
                # Nothing can stand in for a required answer: the object is unreadable, and
                # is left out or replaced by its container (its problems are recorded).
                unreadable = True
                continue
            kwargs[name] = default() if default is not None else _empty(tp)
            found.holes.add((*path, name))
        if unreadable:
            return _BAD
        if len(found.problems) == problems_before:
            try:
                return cls(**kwargs)
            except ValueError as error:  # __post_init__ cross-field checks
                found.fail(path, str(error))
        # Cross-field checks are left out when a field is wrong: they would judge a stand-in.
        return _build(cls, fields, kwargs)

    return run


def _build(cls: type, fields: Iterable[FieldShape], values: dict[str, Any]) -> Any:
    """An instance of ``cls`` from ``values`` (defaults for the rest), without its checks."""
    instance: Any = object.__new__(cls)
    for field in fields:
        name, tp, default = field.name, field.type, field.default
        if name not in values:
            values[name] = default() if default is not None else _empty(tp)
        object.__setattr__(instance, name, values[name])
    return instance


def _is_container(tp: Any) -> bool:
    return isinstance(shape(bare(tp)), ListOf | DictOf | Record)


def _empty(tp: Any) -> Any:
    """A stand-in for a value that could not be read: empty, zero, or the first choice."""
    node = shape(tp)
    if isinstance(node, Constrained):
        return _empty(node.base)
    if isinstance(node, Nullable):
        return None
    if isinstance(node, Choice):
        return node.values[0]
    if isinstance(node, ListOf):
        return ()
    if isinstance(node, DictOf):
        return {}
    if isinstance(node, Record):
        return _build(node.cls, node.fields, {})
    return {bool: False, int: 0, float: 0.0, str: ""}[node.type]


def _bool(data: object, path: FieldPath, found: _Found) -> Any:
    if not isinstance(data, bool):
        return found.fail(path, f"must be true or false, got {_describe(data)}")
    return data


def _int(data: object, path: FieldPath, found: _Found) -> Any:
    if isinstance(data, bool) or not isinstance(data, int):
        if isinstance(data, float) and data.is_integer():
            return int(data)
        return found.fail(path, f"must be a whole number, got {_describe(data)}")
    return data


def _float(data: object, path: FieldPath, found: _Found) -> Any:
    if isinstance(data, bool) or not isinstance(data, int | float):
        return found.fail(path, f"must be a number, got {_describe(data)}")
    try:
        value = float(data)
    except OverflowError:
        return found.fail(path, "is too large a number")
    if not math.isfinite(value):
        return found.fail(path, "must be a finite number")
    return value + 0.0  # -0.0 becomes 0.0: a runner never reads "-0 s"


def _str(data: object, path: FieldPath, found: _Found) -> Any:
    if not isinstance(data, str):
        return found.fail(path, f"must be text, got {_describe(data)}")
    surrogate = None if data.isascii() else _lone_surrogate(data)
    if surrogate:
        return found.fail(path, _not_unicode(surrogate))
    return data


_SCALARS: dict[Any, Decoder] = {bool: _bool, int: _int, float: _float, str: _str}

_COMPILERS: dict[type, Callable[[Any], Decoder]] = {
    Constrained: _annotated,
    Nullable: _optional,
    Choice: _literal,
    ListOf: _tuple,
    DictOf: _dict,
    Record: _dataclass,
}


# --- document order ---------------------------------------------------------------------------


def document_order(cls: type, data: object, problems: Iterable[Problem]) -> list[Problem]:
    """``problems`` sorted as the document reads: the fields of an object in the order its type
    declares them (unknown fields first), the entries of a dictionary in the order given (those
    it lacks after them), list items by index. Problems at the same place keep their order."""
    positions: dict[int, dict[str, int]] = {}

    def key(problem: Problem) -> tuple[int, ...]:
        return _position(cls, data, problem.path, positions)

    return sorted(problems, key=key)


def _position(
    tp: Any, data: object, path: FieldPath, positions: dict[int, dict[str, int]]
) -> tuple[int, ...]:
    key: list[int] = []
    for part in path:
        node = shape(bare(tp))
        if isinstance(node, Record):
            order = _field_order(node.cls)
            if part not in order:
                key.append(0)
                break
            index, tp = order[part]
            key.append(index + 1)
        elif isinstance(node, DictOf):
            if not isinstance(data, dict):
                break
            seen = positions.get(id(data))
            if seen is None:
                seen = positions[id(data)] = {k: i for i, k in enumerate(data)}
            if part not in seen:
                key.append(len(seen))
                break
            key.append(seen[part])
            tp = node.item
        elif isinstance(node, ListOf) and isinstance(part, int):
            key.append(part)
            tp = node.item
        else:
            break
        if isinstance(data, dict):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            data = None
    return tuple(key)


@cache
def _field_order(cls: type) -> dict[str, tuple[int, Any]]:
    return {f.name: (i, f.type) for i, f in enumerate(Record(cls).fields)}
