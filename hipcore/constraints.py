"""Constraints attached to types with ``typing.Annotated``.

They are plain standard-library objects so that ``hipcore`` stays importable in Pyodide. Two
readers understand them: ``hipcore._decode`` (which validates JSON in the engine) and pydantic
(which validates content files at build time) through the duck-typed
``__get_pydantic_core_schema__`` hook, so pydantic is never imported here; ``hipcore.schema``
writes them into the results JSON Schema. Public: the site's figure model uses them too.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

__all__ = ["Length", "Pattern", "Range"]


@dataclass(frozen=True)
class Range:
    """An inclusive numeric range; a float in it is also finite (never nan or infinite)."""

    ge: float | None = None
    le: float | None = None

    def check(self, value: float) -> str | None:
        if not math.isfinite(value):
            return "must be a finite number"
        if self.ge is not None and value < self.ge:
            return f"must be at least {_num(self.ge)}, got {_num(value)}"
        if self.le is not None and value > self.le:
            return f"must be at most {_num(self.le)}, got {_num(value)}"
        return None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        if schema.get("type") == "float":
            schema["allow_inf_nan"] = False
        if self.ge is not None:
            schema["ge"] = self.ge
        if self.le is not None:
            schema["le"] = self.le
        return schema


@dataclass(frozen=True)
class Pattern:
    """A regular expression the whole string must match; ``meaning`` is said in errors."""

    regex: str
    meaning: str

    def check(self, value: str) -> str | None:
        if re.fullmatch(self.regex, value) is None:
            return f"must be {self.meaning}, got {value!r}"
        return None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["pattern"] = self.regex
        return schema


@dataclass(frozen=True)
class Length:
    """A minimum length for strings and sequences."""

    min: int

    def check(self, value: str | tuple[object, ...]) -> str | None:
        if len(value) < self.min:
            return "must not be empty" if self.min == 1 else f"needs at least {self.min} items"
        return None

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        schema = handler(source)
        schema["min_length"] = self.min
        return schema


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)
