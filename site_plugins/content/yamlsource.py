"""YAML parsing that remembers the line of every value, so errors can point at it.

A file is read in one pass: the node tree is built from the parser's events, the lines are
indexed from it, and the Python values are constructed from the same tree. libyaml's parser is
used when PyYAML has it (it is several times faster); the results are the same. Values are read
by YAML 1.2's rules (see ``_CORE_SCHEMA``), and a file that is too big, nested too deep, tagged,
or that expands aliases without bound is refused with its line (docs/architecture.md says why
this and not ruamel.yaml).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hipcore.errors import FieldPath

__all__ = ["DuplicateKey", "YamlDocument", "YamlSyntaxError", "parse_yaml"]


class YamlSyntaxError(Exception):
    """The file cannot be read as YAML; ``line`` is 1-based, when known."""

    def __init__(self, line: int | None, message: str) -> None:
        self.line = line
        super().__init__(message)


@dataclass(frozen=True)
class DuplicateKey:
    """A key written twice in one mapping (YAML would silently keep the last)."""

    path: FieldPath
    line: int
    first_line: int


@dataclass
class YamlDocument:
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    duplicates: list[DuplicateKey] = field(default_factory=list)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of the deepest part of ``path`` the file has (1-based)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return None


_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc]
    pass


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGE = "tag:yaml.org,2002:merge"
_MERGE_NOT_FIELDS = (
    "is not valid YAML: '<<' merges fields (a mapping, or an '*alias' of one), not a plain value"
    " or a list"
)

# YAML 1.2's core schema, in place of PyYAML's YAML 1.1 one: '1:30' is text (not 90), '010' is
# ten (not eight), 'yes', 'no', 'on' and 'off' are words, and '2024-05-01' is text, not a date.
_CORE_SCHEMA: tuple[tuple[str, str, str], ...] = (
    (_BOOL, r"true|True|TRUE|false|False|FALSE", "tTfF"),
    (_NULL, r"~|null|Null|NULL|", "~nN"),
    (_INT, r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    (
        _FLOAT,
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+.0123456789",
    ),
    (_MERGE, r"<<", "<"),
)
_Loader.yaml_implicit_resolvers = {}
for _tag, _regex, _first in _CORE_SCHEMA:
    # '' stands for the empty value, which is null
    _starts = [*_first, ""] if _tag == _NULL else list(_first)
    _Loader.add_implicit_resolver(_tag, re.compile(f"^(?:{_regex})$"), _starts)

MAX_BYTES = 1_000_000
"""A content file is a few kilobytes; a megabyte is a mistake (or a pasted image)."""
MAX_DEPTH = 32
"""Groups and lists nested deeper than this are a mistake; the real content needs 7."""
_TOO_DEEP = (
    f"nests groups and lists more than {MAX_DEPTH} deep; content never needs that:"
    " check the indentation"
)
MAX_ALIAS_VALUES = 10_000
"""Values that aliases ('*name') may add to a file: enough for any real use, not for a bomb.
The text they add is limited to MAX_BYTES, as the file's own is."""
MAX_DIGITS = 30
"""No field takes a whole number longer than this."""


def parse_yaml(path: Path) -> YamlDocument:
    """Read ``path``; raises ``YamlSyntaxError`` with the line where the parser stopped."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise YamlSyntaxError(
            None,
            f"is {size // 1000} kB, more than the {MAX_BYTES // 1000} kB a content file may be;"
            " is it the right file?",
        )
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
        node = _Composer(loader).document()
        document = YamlDocument(None)
        if node is not None:
            document.data = _Builder(document).value(node, ())
    except yaml.reader.ReaderError as error:
        raise _control_character(error, text) from None
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, text) from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(None, f"is not valid YAML: {error}") from None
    finally:
        loader.dispose()
    return document


def _line(mark: Any) -> int:
    return int(mark.line) + 1


class _Composer:
    """The node tree from the parser's events, built without recursion (so nesting cannot
    overflow the stack), refusing what content never needs: deep nesting, tags, aliases that
    expand without bound, and a second document."""

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self.anchors: dict[str, yaml.Node] = {}
        self.sizes: dict[int, tuple[int, int]] = {}
        """Each finished node's expanded size: its number of values, and their characters."""
        self.alias_values = 0
        self.alias_chars = 0

    def document(self) -> yaml.Node | None:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # document start
        root = self.node()
        loader.get_event()  # document end
        if loader.check_event(yaml.DocumentStartEvent):
            line = _line(loader.peek_event().start_mark)
            raise YamlSyntaxError(line, f"is not valid YAML: {_words('another document')}")
        return root

    def node(self) -> yaml.Node:
        stack: list[tuple[yaml.Node, list[int]]] = []
        """Open collections, each with the running size of its values (number, characters)."""
        while True:
            event = self.loader.get_event()
            if isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                done, size = stack.pop()
                finished: yaml.Node = done
                self.sizes[id(done)] = (size[0], size[1])
            elif isinstance(event, yaml.AliasEvent):
                finished = self.alias(event, stack)
            elif isinstance(event, yaml.ScalarEvent):
                finished = self.scalar(event)
            else:
                self.start(event, stack)
                continue
            if not stack:
                return finished
            parent, size = stack[-1]
            values, chars = self.sizes[id(finished)]
            size[0] += values
            size[1] += chars
            if isinstance(parent, yaml.SequenceNode):
                parent.value.append(finished)
            elif len(parent.value) and len(parent.value[-1]) == 1:
                parent.value[-1] = (parent.value[-1][0], finished)
            else:
                parent.value.append((finished,))

    def start(self, event: Any, stack: list[tuple[yaml.Node, list[int]]]) -> None:
        line = _line(event.start_mark)
        if len(stack) >= MAX_DEPTH:
            raise YamlSyntaxError(line, _TOO_DEEP)
        sequence = isinstance(event, yaml.SequenceStartEvent)
        tag = self.tag(event, _SEQ if sequence else _MAP)
        cls = yaml.SequenceNode if sequence else yaml.MappingNode
        node = cls(tag, [], event.start_mark, event.end_mark, flow_style=event.flow_style)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        stack.append((node, [1, 0]))

    def scalar(self, event: Any) -> yaml.Node:
        if event.tag in (None, "!"):
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        else:
            tag = self.tag(event, _STR)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        if event.anchor is not None:
            self.anchors[event.anchor] = node
        self.sizes[id(node)] = (1, len(event.value))
        return node

    def alias(self, event: Any, stack: list[tuple[yaml.Node, list[int]]]) -> yaml.Node:
        line = _line(event.start_mark)
        node = self.anchors.get(event.anchor)
        if node is None:
            raise YamlSyntaxError(line, f"is not valid YAML: {_words('undefined alias')}")
        if id(node) not in self.sizes:
            raise YamlSyntaxError(line, "is not valid YAML: an alias ('*name') contains itself")
        values, chars = self.sizes[id(node)]
        self.alias_values += values
        self.alias_chars += chars
        if self.alias_values > MAX_ALIAS_VALUES:
            raise YamlSyntaxError(
                line,
                f"its aliases ('*name') expand to more than {MAX_ALIAS_VALUES} values;"
                " write the values out instead",
            )
        if self.alias_chars > MAX_BYTES:
            # a few values can be long: 4,400 aliases of a 10 kB text made a 44 MB page
            raise YamlSyntaxError(
                line,
                f"its aliases ('*name') expand to more than {MAX_BYTES // 1000} kB of text,"
                " more than a content file may hold; write the text once",
            )
        return node

    @staticmethod
    def tag(event: Any, plain: str) -> str:
        if event.tag in (None, "!", plain):
            return plain
        line = _line(event.start_mark)
        written = str(event.tag).replace("tag:yaml.org,2002:", "!!")
        raise YamlSyntaxError(
            line, f"uses the tag '{written}', which content files do not use; remove it"
        )


class _Builder:
    """Python values from the node tree, noting each value's line as it goes.

    A key written twice is noted, and its first value kept.
    """

    def __init__(self, document: YamlDocument) -> None:
        self.document = document

    def value(self, node: yaml.Node, path: FieldPath) -> Any:
        lines = self.document.lines
        if path not in lines:
            lines[path] = _line(node.start_mark)
        if isinstance(node, yaml.ScalarNode):
            return _scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        return self.mapping(node, path)

    def mapping(self, node: yaml.Node, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        merged: dict[str, Any] = {}
        first: dict[str, int] = {}
        for key, value in node.value:
            if key.tag == _MERGE:
                for part in value.value if isinstance(value, yaml.SequenceNode) else [value]:
                    base = self.value(part, path)
                    if not isinstance(base, dict):
                        raise YamlSyntaxError(_line(part.start_mark), _MERGE_NOT_FIELDS)
                    merged = {**base, **merged}
                continue
            line = _line(key.start_mark)
            if not isinstance(key, yaml.ScalarNode):
                raise YamlSyntaxError(line, "is not valid YAML: a field name must be a word")
            name = str(key.value)
            child = (*path, name)
            if name in first:
                self.document.duplicates.append(DuplicateKey(child, line, first[name]))
                continue
            first[name] = line
            self.document.lines[child] = line
            result[name] = self.value(value, child)
        return {**merged, **result} if merged else result


def _scalar(node: yaml.ScalarNode) -> Any:
    text = str(node.value)
    if node.tag in (_STR, _MERGE):
        return text
    if node.tag == _NULL:
        return None
    if node.tag == _BOOL:
        return text.lower() == "true"
    if node.tag == _INT:
        if len(text) > MAX_DIGITS:
            raise YamlSyntaxError(
                _line(node.start_mark),
                f"holds a number {len(text)} digits long; no field takes one",
            )
        base = {"0o": 8, "0x": 16}.get(text[:2], 10)
        return int(text[2:] if base != 10 else text, base)
    lower = text.lower()
    if lower.endswith(".inf"):
        return -math.inf if lower.startswith("-") else math.inf
    if lower == ".nan":
        return math.nan
    return float(text)


def _control_character(error: Any, text: str) -> YamlSyntaxError:
    line = text[: error.position].count("\n") + 1
    char = error.character
    code = f"U+{ord(char) if isinstance(char, str) else int(char):04X}"
    name = "a NUL character" if code == "U+0000" else "a control character"
    return YamlSyntaxError(
        line, f"holds {name} ({code}) on this line, which a text file never has; delete it"
    )


def _words(problem: str) -> str:
    return next((words for key, words in _PLAIN_WORDS if key in problem), problem)


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
    if "maximum nesting depth" in problem:
        # libyaml's own limit (1000), met while it looks ahead on a line of '[[[['
        return YamlSyntaxError(mark.line + 1, _TOO_DEEP)
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
    return YamlSyntaxError(mark.line + 1, f"is not valid YAML: {_words(problem)}")


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
