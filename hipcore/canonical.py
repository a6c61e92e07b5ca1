"""Canonical JSON: the same document always gives the same bytes, in CPython and in Pyodide.

This is the byte-for-byte contract between the build and the browser: the catalog the site
ships, the engine's replies (``assess_json``), the command line's ``--json`` and the golden
files are all written by ``canonical_json``, so a reply computed in Pyodide can be compared
with one computed in CPython as text. Keys are sorted, the text is UTF-8 (never ``\\u``
escapes), NaN and infinities are refused, and dataclass instances are written as objects of
their fields.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

__all__ = ["canonical_json"]

_FIELDS: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _shallow(value: Any) -> Any:
    # Called by the encoder only for what JSON cannot hold natively: dataclass instances. The
    # encoder itself walks the dicts, lists and tuples, which is several times faster than
    # building the whole tree first, and gives the very same text.
    cls = type(value)
    names = _FIELDS.get(cls)
    if names is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            raise TypeError(f"{cls.__name__} is not JSON")
        names = _field_names(cls)
    attributes = getattr(value, "__dict__", None)
    if attributes is not None and len(attributes) == len(names):
        return attributes  # exactly the fields: no copy needed
    return {name: getattr(value, name) for name in names}


def canonical_json(value: Any, *, indent: int | None = None) -> str:
    """``value`` (JSON data and dataclass instances) as canonical JSON text; ``indent`` only
    for people to read (the bytes differ, the data does not)."""
    return json.dumps(
        value,
        default=_shallow,
        ensure_ascii=False,
        sort_keys=True,
        indent=indent,
        separators=(",", ": ") if indent else (",", ":"),
        allow_nan=False,
    )
