"""Content errors: file, line, field and a message an editor understands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["ContentError", "ContentProblem"]


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

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"


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
