"""The model's types are read in one place, ``hipcore.shapes``: the decoder, the schema writer,
the content messages and the pydantic configuration all walk them through it, so no other
module takes a type apart itself (``typing.get_origin``, ``get_type_hints``, ``__origin__``,
``__args__``, ``__metadata__``). ``typing.get_args`` on a ``Literal`` constant (``SIDES``) is
reading a value, and allowed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

READER = ROOT / "hipcore" / "shapes.py"
SOURCES = sorted(p for folder in ("hipcore", "site_plugins") for p in (ROOT / folder).rglob("*.py"))
TAKING_APART = {"get_origin", "get_type_hints", "__origin__", "__args__", "__metadata__"}


def types_taken_apart(source: str) -> list[str]:
    """Each use of a name that takes a type apart (``typing.get_origin(tp)``, ``tp.__args__``,
    ``from typing import get_type_hints``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in TAKING_APART:
            found.append(node.attr)
        elif isinstance(node, ast.Name) and node.id in TAKING_APART:
            found.append(node.id)
        elif isinstance(node, ast.ImportFrom):
            found += [alias.name for alias in node.names if alias.name in TAKING_APART]
    return found


@pytest.mark.parametrize(
    "path", [p for p in SOURCES if p != READER], ids=lambda p: str(p.relative_to(ROOT))
)
def test_only_hipcore_shapes_takes_a_type_apart(path: Path) -> None:
    assert types_taken_apart(path.read_text("utf-8")) == []


def test_the_reader_itself_is_seen() -> None:
    assert "get_origin" in types_taken_apart(READER.read_text("utf-8"))


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("import typing\ntyping.get_origin(t)\n", ["get_origin"]),
        ("from typing import get_type_hints as hints\n", ["get_type_hints"]),
        ("def f(t):\n    return t.__args__\n", ["__args__"]),
        ("import typing\nSIDES = typing.get_args(Side)\n", []),
    ],
)
def test_the_check_sees_a_type_taken_apart(source: str, found: list[str]) -> None:
    assert types_taken_apart(source) == found
