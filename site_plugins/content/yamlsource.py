"""YAML parsing that remembers the line of every value, so errors can point at it.

A file is read in one pass: the parser builds the node tree once, the lines are indexed from it,
and the Python values are constructed from the same tree. libyaml's parser is used when PyYAML
has it (it is several times faster); the results are the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

__all__ = ["DuplicateKey", "YamlDocument", "YamlSyntaxError", "parse_yaml"]

Location = tuple[str | int, ...]


class YamlSyntaxError(Exception):
    """The file cannot be read as YAML; ``line`` is 1-based, when known."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        super().__init__(message)


@dataclass(frozen=True)
class DuplicateKey:
    """A key written twice in one mapping (YAML would silently keep the last)."""

    path: Location
    line: int
    first_line: int


@dataclass
class YamlDocument:
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    duplicates: list[DuplicateKey] = field(default_factory=list)

    def line_of(self, path: Location) -> int | None:
        """The line of the deepest part of ``path`` the file has (1-based)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    pass


# YAML 1.1 reads 'no', 'off', 'y' as booleans; editors write them as words. Keep only true/false.
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def parse_yaml(path: Path) -> YamlDocument:
    """Read ``path``; raises ``YamlSyntaxError`` with the line where the parser stopped."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        raise YamlSyntaxError(
            line, f"is not UTF-8 text (byte 0x{byte} on this line); save the file as UTF-8"
        ) from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        document = YamlDocument(None)
        if node is not None:
            document.data = _Builder(loader, document).value(node, ())
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, text) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(None, f"is not valid YAML: {error}") from None
    finally:
        loader.dispose()
    return document


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"


class _Builder:
    """Python values from the node tree, noting each value's line as it goes.

    Strings, lists and mappings (nearly every node) are built here directly; other scalars
    (numbers, true/false, null, dates) are left to PyYAML's constructor. A key written twice
    is noted, and its first value kept.
    """

    def __init__(self, loader: Any, document: YamlDocument) -> None:
        self.loader = loader
        self.document = document
        self.open: set[int] = set()

    def value(self, node: yaml.Node, path: Location) -> Any:
        lines = self.document.lines
        if path not in lines:
            lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return node.value if node.tag == _STR else self.loader.construct_object(node)
        if id(node) in self.open:
            line = node.start_mark.line + 1
            raise YamlSyntaxError(line, "is not valid YAML: an alias ('*name') contains itself")
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
            return self.mapping(node, path)
        finally:
            self.open.discard(id(node))

    def mapping(self, node: yaml.Node, path: Location) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key, value in node.value:
            if key.tag == _MERGE:
                for part in value.value if isinstance(value, yaml.SequenceNode) else [value]:
                    base = self.value(part, path)
                    if isinstance(base, dict):
                        merged = {**base, **merged}
                continue
            if not isinstance(key, yaml.ScalarNode):
                line = key.start_mark.line + 1
                raise YamlSyntaxError(line, "is not valid YAML: a field name must be a word")
            name = str(key.value)
            line = key.start_mark.line + 1
            child = (*path, name)
            if name in first:
                self.document.duplicates.append(DuplicateKey(child, line, first[name]))
                continue
            first[name] = line
            self.document.lines[child] = line
            result[name] = self.value(value, child)
        return {**merged, **result} if merged else result


# PyYAML's and libyaml's wording for the usual slips, said so an editor knows what to change.
_PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    ("tab character", "a tab character; indent with spaces, not tabs"),
    ("cannot start any token", "a character YAML does not allow here (a tab?); indent with spaces"),
    (
        "mapping values are not allowed",
        "a ':' where YAML does not expect one; check the indentation, and put text that "
        "contains ': ' in quotes",
    ),
    ("could not find expected ':'", "a line is missing its ':' (fields are written 'name: value')"),
    ("expected ',' or ']'", "a '[' list is not closed with ']'"),
    ("expected ',' or '}'", "a '{' group is not closed with '}'"),
    ("expected <block end>", "the indentation does not line up with the lines above"),
    ("did not find expected key", "the indentation does not line up with the lines above"),
    ("did not find expected '-' indicator", "the indentation of the list does not line up"),
    ("another document", "holds more than one YAML document ('---'); keep one per file"),
    ("end of stream", "a quote on this line is not closed"),
    ("undefined alias", "uses an alias ('*name') that no anchor ('&name') defines"),
)

# Where the parser gives up is not always where the slip is: for an unclosed quote or bracket, or
# a key without its ':', the line that opened it is the one to fix.
_OPENED_AT = ("quoted scalar", "simple key", "flow sequence", "flow mapping")


def _syntax_error(error: yaml.MarkedYAMLError, text: str) -> YamlSyntaxError:
    problem = error.problem or str(error)
    mark = error.problem_mark or error.context_mark
    if error.context_mark is not None and any(w in (error.context or "") for w in _OPENED_AT):
        mark = error.context_mark
    if mark is None:
        return YamlSyntaxError(None, f"is not valid YAML: {problem}")
    lines = text.splitlines()
    # A quote left open swallows the lines after it, and the parser stops far below; the line
    # that opened it is the one to fix.
    unclosed = next((n for n in range(mark.line + 1) if _open_until(lines, n, mark.line)), None)
    if unclosed is not None:
        return YamlSyntaxError(
            unclosed + 1, "is not valid YAML: a quote on this line is not closed"
        )
    if mark.line < len(lines) and "\t" in lines[mark.line][: max(mark.column, 1)]:
        problem = "tab character"
    plain = next((words for key, words in _PLAIN_WORDS if key in problem), problem)
    return YamlSyntaxError(mark.line + 1, f"is not valid YAML: {plain}")


_QUOTED_VALUE = re.compile(r"""^\s*(?:- )?(?:[\w-]+:\s+)?(["'])(.*)$""")


def _open_until(lines: list[str], start: int, end: int) -> bool:
    """Line ``start`` opens a quote that is still open at line ``end``, or that is only "closed"
    by a later line's own opening quote (``section: "...``)."""
    match = _QUOTED_VALUE.match(lines[start]) if start < len(lines) else None
    if match is None:
        return False
    quote = match[1]
    if quote in _unescaped(match[2], quote):
        return False
    for line in lines[start + 1 : end + 1]:
        if quote in _unescaped(line, quote):
            later = _QUOTED_VALUE.match(line)
            return later is not None and later.start(1) == _unescaped(line, quote).index(quote)
    return True


def _unescaped(text: str, quote: str) -> str:
    return text.replace('\\"', "  ") if quote == '"' else text.replace("''", "  ")
