"""Errors and problems.

``hipcore`` never raises out of its public API for bad input: it returns ``Problem`` records,
each with a field path and a message a runner or editor understands. Exceptions exist for
programming errors and for callers who prefer them:

    HipcoreError (ValueError)
    └── InvalidDocument   -- a document (results, catalog) failed validation; ``.problems``
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "MAX_PROBLEMS",
    "FieldPath",
    "HipcoreError",
    "InvalidDocument",
    "Problem",
    "format_message",
    "format_path",
    "limit_problems",
]

FieldPath = tuple[str | int, ...]
"""Where in a document: its keys and list indexes from the root, e.g. ``("assessments", 0,
"left")``; ``()`` is the document itself. Written for people by ``format_path``."""

MAX_PROBLEMS = 50
"""At most this many problems are reported for one document, followed by one saying how many
more there are: a runner fixes the first ones and tries again, and a huge broken document
does not get a huge reply."""

_LONGEST_KEY = 80
_LONGEST_MESSAGE = 1000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a document."""

    path: FieldPath
    """Where: keys and list indexes from the document's root."""
    message: str
    """What is wrong, kept printable whatever the input held (see ``format_message``)."""

    def __post_init__(self) -> None:
        if len(self.message) > _LONGEST_MESSAGE or not self.message.isascii():
            object.__setattr__(self, "message", format_message(self.message))

    def __str__(self) -> str:
        return f"{format_path(self.path)}: {self.message}"

    def under(self, *prefix: str | int) -> Problem:
        """The same problem, its path starting at ``prefix`` (in an enclosing document)."""
        return Problem((*prefix, *self.path), self.message)


def format_path(path: FieldPath) -> str:
    """``('assessments', 0, 'left')`` -> ``assessments[0].left``; the root is ``(document)``.

    Keys are shown as ``format_message`` shows text, cut at 80 characters."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            key = _readable(part, _LONGEST_KEY)
            text += f".{key}" if text else key
    return text or "(document)"


def format_message(message: str) -> str:
    """``message`` as it can always be shown and sent: valid Unicode (a lone surrogate from the
    input is written as its escape, ``\\ud800``) and at most 1000 characters."""
    return _readable(message, _LONGEST_MESSAGE)


def _readable(text: str, longest: int) -> str:
    if len(text) > longest:
        text = text[: longest - 1] + "…"
    if not text.isascii():
        text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def limit_problems(problems: list[Problem], limit: int = MAX_PROBLEMS) -> list[Problem]:
    """The first ``limit`` problems, and one more at the document's root counting the rest."""
    if len(problems) <= limit:
        return problems
    rest = len(problems) - limit
    more = "1 more problem" if rest == 1 else f"{rest} more problems"
    return [*problems[:limit], Problem((), f"has {more}, not listed: fix these and try again")]


class HipcoreError(ValueError):
    """Base of all hipcore errors."""


class InvalidDocument(HipcoreError):
    """A document failed validation; every problem found is in ``problems``."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))
