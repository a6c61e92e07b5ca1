"""Turn JSON-shaped data into typed frozen dataclasses, collecting every problem with its path.

A small, standard-library stand-in for pydantic, so the engine validates its inputs the same
way in CPython and in Pyodide. It understands exactly the types the models use: dataclasses,
``tuple[T, ...]``, ``dict[str, T]``, ``Literal``, ``T | None``, ``Annotated`` with the
constraints of ``hipcore._constraints``, and ``str``/``int``/``float``/``bool``.

Each type is compiled once into a decoding function (``_compile``, cached), so reading a
results document does no type introspection: it is on the path of every assessment.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, Union

from hipcore._constraints import Length, Pattern, Range
from hipcore.errors import Path, Problem

__all__ = ["decode"]

T = TypeVar("T")

Decoder = Callable[[object, Path, list[Problem]], Any]
"""Decodes data found at a path, appending problems; raises ``_Invalid`` when it cannot."""


class _Invalid(Exception):
    pass


def decode(cls: type[T], data: object) -> tuple[T | None, list[Problem]]:
    """Decode ``data`` into ``cls``; returns the value, or None with the problems found."""
    problems: list[Problem] = []
    try:
        value = _compile(typing.cast(Any, cls))(data, (), problems)
    except _Invalid:
        return None, problems
    if problems:
        return None, problems
    return typing.cast(T, value), []


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
    return f"{type(value).__name__} {value!r}"


def _fail(problems: list[Problem], path: Path, message: str) -> typing.NoReturn:
    problems.append(Problem(path, message))
    raise _Invalid


@cache
def _compile(tp: Any) -> Decoder:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return _annotated(tp)
    if origin is Union or origin is types.UnionType:
        return _optional(tp)
    if origin is typing.Literal:
        return _literal(tp)
    if origin is tuple:
        return _tuple(tp)
    if origin is dict:
        return _dict(tp)
    if dataclasses.is_dataclass(tp):
        return _dataclass(typing.cast(type, tp))
    scalar = _SCALARS.get(tp)
    if scalar is None:
        raise TypeError(f"hipcore._decode cannot decode {tp!r}")  # a programming error
    return scalar


def _annotated(tp: Any) -> Decoder:
    base, *constraints = typing.get_args(tp)
    inner = _compile(base)
    checks = [c for c in constraints if isinstance(c, Range | Pattern | Length)]

    def run(data: object, path: Path, problems: list[Problem]) -> Any:
        value = inner(data, path, problems)
        for check in checks:
            message = check.check(value)
            if message:
                _fail(problems, path, message)
        return value

    return run


def _optional(tp: Any) -> Decoder:
    args = typing.get_args(tp)
    nullable = type(None) in args
    (inner_type,) = [a for a in args if a is not type(None)]
    inner = _compile(inner_type)

    def run(data: object, path: Path, problems: list[Problem]) -> Any:
        if data is None and nullable:
            return None
        return inner(data, path, problems)

    return run


def _literal(tp: Any) -> Decoder:
    allowed = typing.get_args(tp)
    is_bool = isinstance(allowed[0], bool)
    choices = ", ".join(repr(a) for a in allowed)

    def run(data: object, path: Path, problems: list[Problem]) -> Any:
        if data not in allowed or isinstance(data, bool) != is_bool:
            _fail(problems, path, f"must be one of {choices}, got {_describe(data)}")
        return data

    return run


def _tuple(tp: Any) -> Decoder:
    item_type, _ellipsis = typing.get_args(tp)
    item = _compile(item_type)

    def run(data: object, path: Path, problems: list[Problem]) -> Any:
        if not isinstance(data, list | tuple):
            _fail(problems, path, f"must be a list, got {_describe(data)}")
        out = []
        bad = False
        for index, value in enumerate(data):
            try:
                out.append(item(value, (*path, index), problems))
            except _Invalid:
                bad = True
        if bad:
            raise _Invalid
        return tuple(out)

    return run


def _dict(tp: Any) -> Decoder:
    _key, item_type = typing.get_args(tp)
    item = _compile(item_type)

    def run(data: object, path: Path, problems: list[Problem]) -> Any:
        if not isinstance(data, dict):
            _fail(problems, path, f"must be an object, got {_describe(data)}")
        out = {}
        bad = False
        for key, value in data.items():
            try:
                out[str(key)] = item(value, (*path, str(key)), problems)
            except _Invalid:
                bad = True
        if bad:
            raise _Invalid
        return out

    return run


def _dataclass(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls, include_extras=True)
    fields = [
        (
            f.name,
            f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING,
            hints[f.name],
        )
        for f in dataclasses.fields(cls)
    ]
    known = {name for name, _, _ in fields}
    decoders: dict[str, Decoder] = {}

    def field_decoder(name: str, tp: Any) -> Decoder:
        # compiled on first use: a dataclass may refer to itself
        decoder = decoders.get(name)
        if decoder is None:
            decoder = decoders[name] = _compile(tp)
        return decoder

    def run(data: object, path: Path, problems: list[Problem]) -> Any:
        if not isinstance(data, dict):
            _fail(problems, path, f"must be an object, got {_describe(data)}")
        kwargs: dict[str, Any] = {}
        bad = False
        for key in data:
            if key not in known:
                problems.append(Problem((*path, str(key)), "is not a known field"))
                bad = True
        for name, has_default, tp in fields:
            if name not in data:
                if not has_default:
                    problems.append(Problem((*path, name), "is required"))
                    bad = True
                continue
            try:
                kwargs[name] = field_decoder(name, tp)(data[name], (*path, name), problems)
            except _Invalid:
                bad = True
        if bad:
            raise _Invalid
        try:
            return cls(**kwargs)
        except ValueError as error:  # __post_init__ cross-field checks
            _fail(problems, path, str(error))

    return run


def _bool(data: object, path: Path, problems: list[Problem]) -> Any:
    if not isinstance(data, bool):
        _fail(problems, path, f"must be true or false, got {_describe(data)}")
    return data


def _int(data: object, path: Path, problems: list[Problem]) -> Any:
    if isinstance(data, bool) or not isinstance(data, int):
        if isinstance(data, float) and data.is_integer():
            return int(data)
        _fail(problems, path, f"must be a whole number, got {_describe(data)}")
    return data


def _float(data: object, path: Path, problems: list[Problem]) -> Any:
    if isinstance(data, bool) or not isinstance(data, int | float):
        _fail(problems, path, f"must be a number, got {_describe(data)}")
    try:
        value = float(data)
    except OverflowError:
        _fail(problems, path, "is too large a number")
    if not math.isfinite(value):
        _fail(problems, path, "must be a finite number")
    return value


def _str(data: object, path: Path, problems: list[Problem]) -> Any:
    if not isinstance(data, str):
        _fail(problems, path, f"must be text, got {_describe(data)}")
    return data


_SCALARS: dict[Any, Decoder] = {bool: _bool, int: _int, float: _float, str: _str}
