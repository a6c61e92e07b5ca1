"""Content errors: file, line, field and a message an editor understands.

A problem is found as a ``hipcore.errors.Problem`` (a field path and a message), by pydantic's
messages, the markup check, the catalog checks or the figures; ``ContentProblem.at`` locates it
in its file, once, for every one of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hipcore.errors import FieldPath, Problem
from site_plugins.content.yamlsource import YamlDocument

__all__ = ["ContentError", "ContentProblem", "field_name"]


@dataclass(frozen=True)
class ContentProblem:
    """One problem: where it is and what to do about it."""

    file: Path
    """Relative to the folder that holds the content folder, e.g. content/rules.yaml."""
    line: int | None
    """1-based; None when the problem is with the whole file."""
    field: str
    """Where in the file, e.g. 'dose.sets' or 'weak_hip_extension.exercises[0]'; '' for the file."""
    message: str

    @classmethod
    def at(
        cls,
        file: Path,
        problem: Problem,
        document: YamlDocument | None = None,
        *,
        line: int | None = None,
    ) -> ContentProblem:
        """``problem`` located in ``file``: on ``line``, or else on the line ``document`` holds
        its path at; its field named as an editor reads it (see ``field_name``)."""
        data = None
        if document is not None:
            data = document.data
            if line is None:
                line = document.line_of(problem.path)
        return cls(file, line, field_name(problem.path, data), problem.message)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


def field_name(path: FieldPath, data: Any = None) -> str:
    """A field path as an editor reads it: ``dose.sets``, ``steps[2]``; in a file that holds a
    list (``data``), the item is named by its id: ``weak_hip_extension.exercises[0]``."""
    text = ""
    for n, part in enumerate(path):
        if n == 0 and isinstance(part, int) and isinstance(data, list) and part < len(data):
            item = data[part]
            item_id = item.get("id") if isinstance(item, dict) else None
            text = item_id if isinstance(item_id, str) and item_id else f"[{part}]"
        elif isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class ContentError(Exception):
    """The content has problems; all of them are listed, one per line."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(
            f"The content has {len(problems)} {noun}:\n{lines}\n"
            "Each line reads file:line: field: message. docs/content.md explains every field."
        )
