"""The shapes of the types the models are written in, read in one place.

The decoder (``hipcore._decode``), the schema writer (``hipcore.schema``) and the build's content
messages all walk the same types: ``Annotated`` with the constraints of ``hipcore.constraints``,
``T | None``, ``Literal``, ``tuple[T, ...]``, ``dict[str, T]``, dataclasses, and
``bool``/``int``/``float``/``str``. ``shape`` says which one a type is, one level at a time;
each reader recurses into the types a shape holds. Standard library only.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any, Union

from hipcore.constraints import Length, Pattern, Range

__all__ = [
    "Choice",
    "Constrained",
    "DictOf",
    "FieldShape",
    "ListOf",
    "Nullable",
    "Record",
    "Scalar",
    "Shape",
    "bare",
    "nested_types",
    "shape",
]

Constraint = Range | Pattern | Length


@dataclass(frozen=True)
class Constrained:
    """``Annotated[base, ...]``: ``base`` with the constraints among its metadata."""

    base: Any
    constraints: tuple[Constraint, ...]


@dataclass(frozen=True)
class Nullable:
    """A union: ``T | None`` (``nullable``), or of several types."""

    options: tuple[Any, ...]
    """The types other than None."""
    nullable: bool


@dataclass(frozen=True)
class Choice:
    """``Literal[...]``: one of ``values``."""

    values: tuple[Any, ...]


@dataclass(frozen=True)
class ListOf:
    """``tuple[item, ...]``: a JSON list."""

    item: Any


@dataclass(frozen=True)
class DictOf:
    """``dict[key, item]``: a JSON object; its keys are text (``key`` is ``str``, or a
    ``Literal`` of the keys it may have)."""

    item: Any
    key: Any = str


@dataclass(frozen=True)
class FieldShape:
    """One field of a dataclass."""

    name: str
    type: Any
    """With its ``Annotated`` metadata."""
    default: Callable[[], Any] | None
    """Gives the default (a fresh one each time); None when the field is required."""


@dataclass(frozen=True)
class Record:
    """A dataclass: a JSON object with known fields."""

    cls: type

    @property
    def fields(self) -> tuple[FieldShape, ...]:
        """In the order the class declares them."""
        return _fields(self.cls)


@dataclass(frozen=True)
class Scalar:
    """``bool``, ``int``, ``float`` or ``str``."""

    type: type


Shape = Constrained | Nullable | Choice | ListOf | DictOf | Record | Scalar

_SCALARS = (bool, int, float, str)


@cache
def shape(tp: Any) -> Shape:
    """What ``tp`` is, one level deep; a ``TypeError`` for a type the models do not use."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Annotated:
        base, *metadata = args
        return Constrained(base, tuple(m for m in metadata if isinstance(m, Constraint)))
    if origin is Union or origin is types.UnionType:
        none = type(None)
        return Nullable(tuple(a for a in args if a is not none), none in args)
    if origin is typing.Literal:
        return Choice(args)
    if origin is tuple:
        return ListOf(args[0])
    if origin is dict:
        return DictOf(args[1], args[0])
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return Record(tp)
    if tp in _SCALARS:
        return Scalar(tp)
    raise TypeError(f"hipcore.shapes does not know {tp!r}")


def bare(tp: Any) -> Any:
    """``tp`` without ``Annotated`` and ``| None`` (a union of several types is kept)."""
    while True:
        node = shape(tp)
        if isinstance(node, Constrained):
            tp = node.base
        elif isinstance(node, Nullable) and len(node.options) == 1:
            tp = node.options[0]
        else:
            return tp


def nested_types(tp: Any) -> Iterator[Any]:
    """``tp`` and every type it is built from, depth first; a dataclass's fields once only."""
    seen: set[type] = set()
    stack = [tp]
    while stack:
        current = stack.pop()
        node = shape(current)
        if isinstance(node, Record):
            if node.cls in seen:
                continue
            seen.add(node.cls)
            inner = [f.type for f in node.fields]
        elif isinstance(node, Constrained):
            inner = [node.base]
        elif isinstance(node, Nullable):
            inner = list(node.options)
        elif isinstance(node, ListOf | DictOf):
            inner = [node.item]
        else:
            inner = []
        yield current
        stack.extend(reversed(inner))


@cache
def _fields(cls: type) -> tuple[FieldShape, ...]:
    hints = typing.get_type_hints(cls, include_extras=True)
    return tuple(FieldShape(f.name, hints[f.name], _default(f)) for f in dataclasses.fields(cls))


def _default(field: dataclasses.Field[Any]) -> Callable[[], Any] | None:
    if field.default is not dataclasses.MISSING:
        value = field.default
        return lambda: value
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory
    return None
