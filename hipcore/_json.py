"""Canonical JSON: the same document always gives the same bytes, in CPython and in Pyodide."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

__all__ = ["dumps", "to_data"]


def to_data(value: Any) -> Any:
    """Dataclasses to dicts and tuples to lists, recursively; fields left at None are kept."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


def dumps(value: Any, *, indent: int | None = None) -> str:
    return json.dumps(
        to_data(value),
        ensure_ascii=False,
        sort_keys=True,
        indent=indent,
        separators=(",", ": ") if indent else (",", ":"),
        allow_nan=False,
    )
