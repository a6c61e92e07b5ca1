"""Errors and problems.

``hipcore`` never raises out of its public API for bad input: it returns ``Problem`` records,
each with a field path and a message a runner or editor understands. Exceptions exist for
programming errors and for callers who prefer them:

    HipcoreError (ValueError)
    └── InvalidDocument   -- a document (results, catalog) failed validation; ``.problems``
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["HipcoreError", "InvalidDocument", "Path", "Problem", "format_path"]

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document."""

    path: Path
    """Where: keys and list indexes from the document's root."""
    message: str

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.message}"

    def to_json(self) -> dict[str, object]:
        return {"path": format_path(self.path), "message": self.message}


def format_path(path: Path) -> str:
    """``('assessments', 0, 'left')`` -> ``assessments[0].left``; the root is ``(document)``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text or "(document)"


class HipcoreError(ValueError):
    """Base of all hipcore errors."""


class InvalidDocument(HipcoreError):
    """A document failed validation; every problem found is in ``problems``."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))
