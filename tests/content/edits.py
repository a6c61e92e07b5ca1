"""Small patches applied to a copy of the real ``content/`` folder, and what they must produce.

A patch names the lines it touches by a pattern, never by number, so it stays valid while the
real content grows. Where a problem is expected is also given by a pattern (``at``): the line of
the first line that matches it in the patched file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from site_plugins.content import ContentProblem

__all__ = ["Append", "Case", "Delete", "Edit", "Expect", "Link", "Remove", "Replace", "Write"]


class Edit:
    file: str
    """Relative to the content folder."""

    def apply(self, content: Path) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Write(Edit):
    """Create or overwrite a whole file."""

    file: str
    text: str | bytes

    def apply(self, content: Path) -> None:
        path = content / self.file
        path.parent.mkdir(parents=True, exist_ok=True)
        data = self.text.encode("utf-8") if isinstance(self.text, str) else self.text
        path.write_bytes(data)


@dataclass(frozen=True)
class Delete(Edit):
    """Delete a whole file."""

    file: str

    def apply(self, content: Path) -> None:
        (content / self.file).unlink()


@dataclass(frozen=True)
class Link(Edit):
    """Create a symbolic link to ``target`` (relative to the link's folder; may not exist)."""

    file: str
    target: str

    def apply(self, content: Path) -> None:
        (content / self.file).symlink_to(self.target)


@dataclass(frozen=True)
class Append(Edit):
    """Add lines at the end of a file."""

    file: str
    text: str

    def apply(self, content: Path) -> None:
        path = content / self.file
        text = path.read_text("utf-8")
        path.write_text(text + ("" if text.endswith("\n") else "\n") + self.text, "utf-8")


@dataclass(frozen=True)
class Replace(Edit):
    """Replace the first line matching ``pattern`` together with the lines that continue it
    (more indented ones, and a list written at the same indentation under a key) with ``new``.
    ``new`` may use the pattern's groups (``\\1``). ``encoding`` writes the file in another
    encoding, to make a file that is not UTF-8."""

    file: str
    pattern: str
    new: str
    encoding: str = "utf-8"

    def apply(self, content: Path) -> None:
        path = content / self.file
        lines = path.read_text("utf-8").split("\n")
        start, end = _block(lines, self.pattern, self.file)
        match = re.search(self.pattern, lines[start])
        assert match is not None
        lines[start:end] = match.expand(self.new).split("\n")
        path.write_bytes("\n".join(lines).encode(self.encoding, errors="replace"))


@dataclass(frozen=True)
class Remove(Edit):
    """Remove the first line matching ``pattern`` and the lines that continue it."""

    file: str
    pattern: str

    def apply(self, content: Path) -> None:
        path = content / self.file
        lines = path.read_text("utf-8").split("\n")
        start, end = _block(lines, self.pattern, self.file)
        del lines[start:end]
        path.write_text("\n".join(lines), "utf-8")


def _block(lines: list[str], pattern: str, file: str) -> tuple[int, int]:
    start = next((i for i, line in enumerate(lines) if re.search(pattern, line)), None)
    assert start is not None, f"no line of {file} matches {pattern!r}"
    indent = len(lines[start]) - len(lines[start].lstrip(" "))
    is_key = not lines[start].lstrip().startswith("- ")
    end = start + 1
    while end < len(lines):
        line = lines[end]
        depth = len(line) - len(line.lstrip(" "))
        continues = depth > indent or (
            is_key and depth == indent and line.lstrip().startswith("- ")
        )
        if line.strip() and not continues:
            break
        end += 1
    # Trailing blank lines belong to what follows.
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


@dataclass(frozen=True)
class Expect:
    """A problem the patched content must produce."""

    file: str
    """Relative to the content folder."""
    at: str | None
    """A pattern for the line (the first matching line of the patched file); None: no line."""
    field: str
    message: str
    """Exact; '{line of PATTERN}' stands for the line of the first line matching PATTERN."""
    nth: int = 1
    """Which matching line ``at`` means, counting from 1."""

    def resolve(self, content: Path) -> ContentProblem:
        def line_of(pattern: str, nth: int = 1) -> int:
            text = (content / self.file).read_bytes().decode("utf-8", errors="replace")
            lines = text.split("\n")
            found = [n for n, line in enumerate(lines, 1) if re.search(pattern, line)]
            assert len(found) >= nth, f"no line {nth} of {self.file} matches {pattern!r}"
            return found[nth - 1]

        line = None if self.at is None else line_of(self.at, self.nth)
        message = re.sub(r"\{line of (.+?)\}", lambda m: str(line_of(m[1])), self.message)
        return ContentProblem(Path(content.name, self.file), line, self.field, message)


@dataclass(frozen=True)
class Case:
    """A malformed-content fixture: the edits, and every problem they must produce."""

    id: str
    edits: tuple[Edit, ...]
    expect: tuple[Expect, ...]
