"""Turn JSON-shaped data into typed frozen dataclasses, collecting every problem with its path.

A small, standard-library stand-in for pydantic, so the engine validates its inputs the same
way in CPython and in Pyodide. It understands exactly the types the models use: dataclasses,
``tuple[T, ...]``, ``dict[str, T]``, ``Literal``, ``T | None``, ``Annotated`` with the
constraints of ``hipcore._constraints``, and ``str``/``int``/``float``/``bool``.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from functools import cache
from typing import Any, TypeVar, Union

from hipcore._constraints import Length, Pattern, Range
from hipcore.errors import Path, Problem

__all__ = ["decode"]

T = TypeVar("T")
_MISSING = object()


class _Invalid(Exception):
    pass


def decode(cls: type[T], data: object) -> tuple[T | None, list[Problem]]:
    """Decode ``data`` into ``cls``; returns the value, or None with the problems found."""
    problems: list[Problem] = []
    try:
        value = _decode(cls, data, (), problems)
    except _Invalid:
        return None, problems
    if problems:
        return None, problems
    return typing.cast(T, value), []


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


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


def _decode(tp: Any, data: object, path: Path, problems: list[Problem]) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        base, *constraints = typing.get_args(tp)
        value = _decode(base, data, path, problems)
        for constraint in constraints:
            if isinstance(constraint, Range | Pattern | Length):
                message = constraint.check(value)
                if message:
                    _fail(problems, path, message)
        return value
    if origin is Union or origin is types.UnionType:
        args = typing.get_args(tp)
        if data is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _decode(inner, data, path, problems)
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        if data not in allowed or isinstance(data, bool) != isinstance(allowed[0], bool):
            choices = ", ".join(repr(a) for a in allowed)
            _fail(problems, path, f"must be one of {choices}, got {_describe(data)}")
        return data
    if origin is tuple:
        (item, _ellipsis) = typing.get_args(tp)
        if not isinstance(data, list | tuple):
            _fail(problems, path, f"must be a list, got {_describe(data)}")
        return tuple(_collect(item, data, path, problems))
    if origin is dict:
        _key, item = typing.get_args(tp)
        if not isinstance(data, dict):
            _fail(problems, path, f"must be an object, got {_describe(data)}")
        out = {}
        bad = False
        for key, value in data.items():
            try:
                out[str(key)] = _decode(item, value, (*path, str(key)), problems)
            except _Invalid:
                bad = True
        if bad:
            raise _Invalid
        return out
    if dataclasses.is_dataclass(tp):
        return _decode_dataclass(typing.cast(type, tp), data, path, problems)
    return _decode_scalar(tp, data, path, problems)


def _collect(
    item: Any, data: list[Any] | tuple[Any, ...], path: Path, problems: list[Problem]
) -> list[Any]:
    out = []
    bad = False
    for index, value in enumerate(data):
        try:
            out.append(_decode(item, value, (*path, index), problems))
        except _Invalid:
            bad = True
    if bad:
        raise _Invalid
    return out


def _decode_dataclass(cls: type, data: object, path: Path, problems: list[Problem]) -> Any:
    if not isinstance(data, dict):
        _fail(problems, path, f"must be an object, got {_describe(data)}")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = _hints(cls)
    kwargs: dict[str, Any] = {}
    bad = False
    for key in data:
        if key not in fields:
            problems.append(Problem((*path, str(key)), "is not a known field"))
            bad = True
    for name, field in fields.items():
        if name not in data:
            has_default = (
                field.default is not dataclasses.MISSING
                or field.default_factory is not dataclasses.MISSING
            )
            if not has_default:
                problems.append(Problem((*path, name), "is required"))
                bad = True
            continue
        try:
            kwargs[name] = _decode(hints[name], data[name], (*path, name), problems)
        except _Invalid:
            bad = True
    if bad:
        raise _Invalid
    try:
        return cls(**kwargs)
    except ValueError as error:  # __post_init__ cross-field checks
        _fail(problems, path, str(error))


def _decode_scalar(tp: Any, data: object, path: Path, problems: list[Problem]) -> Any:
    if tp is bool:
        if not isinstance(data, bool):
            _fail(problems, path, f"must be true or false, got {_describe(data)}")
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            if isinstance(data, float) and data.is_integer():
                return int(data)
            _fail(problems, path, f"must be a whole number, got {_describe(data)}")
        return data
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, int | float):
            _fail(problems, path, f"must be a number, got {_describe(data)}")
        try:
            value = float(data)
        except OverflowError:
            _fail(problems, path, "is too large a number")
        if not math.isfinite(value):
            _fail(problems, path, "must be a finite number")
        return value
    if tp is str:
        if not isinstance(data, str):
            _fail(problems, path, f"must be text, got {_describe(data)}")
        return data
    raise TypeError(f"hipcore._decode cannot decode {tp!r}")  # a programming error
