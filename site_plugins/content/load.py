"""Load ``content/`` into a checked catalog, or fail with every problem, located."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from hipcore.catalog import CATALOG_VERSION, check_references
from hipcore.model import Catalog
from site_plugins.content.errors import ContentError, ContentProblem
from site_plugins.content.kinds import KINDS, Kind
from site_plugins.content.yamlsource import YamlDocument, YamlSyntaxError, parse_yaml

__all__ = ["Content", "load_content"]


@dataclass(frozen=True)
class _Origin:
    file: Path
    document: YamlDocument
    prefix: tuple[str | int, ...]


@dataclass
class Content:
    """The validated content: the catalog, plus kinds that only the site uses."""

    root: Path
    catalog: Catalog
    extras: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    """(kind, id) -> the file that defines it."""


def load_content(root: Path, extra_kinds: tuple[Kind, ...] = ()) -> Content:
    """Read every content file; raise ``ContentError`` listing all problems found."""
    root = Path(root)
    problems: list[ContentProblem] = []
    items: dict[str, list[Any]] = {}
    origins: dict[tuple[str, str], _Origin] = {}
    if not root.is_dir():
        raise ContentError([ContentProblem(root, None, "", "the content folder does not exist")])
    for kind in (*KINDS, *extra_kinds):
        paths = sorted(root.glob(kind.glob))
        if not paths and not kind.many and "*" not in kind.glob:
            problems.append(ContentProblem(_rel(root / kind.glob, root), None, "", "is missing"))
        for path in paths:
            for prefix, item in _read(kind, path, root, problems):
                items.setdefault(kind.name, []).append(item)
                key = (kind.name, getattr(item, "id", kind.name))
                origins[key] = _Origin(_rel(path, root), _doc_cache[path], prefix)
    _check_strays(root, problems, extra_kinds)
    if problems:
        raise ContentError(problems)

    policy = items.get("policy", [None])[0]
    catalog = Catalog(
        version=CATALOG_VERSION,
        policy=policy,
        sources=tuple(items.get("sources", [])),
        sections=tuple(sorted(items.get("sections", []), key=lambda s: s.order)),
        red_flags=tuple(items.get("red_flags", [])),
        assessments=tuple(sorted(items.get("assessments", []), key=lambda a: (a.order, a.id))),
        findings=tuple(items.get("findings", [])),
        rules=tuple(items.get("rules", [])),
        exercises=tuple(sorted(items.get("exercises", []), key=lambda e: e.id)),
    )
    for ref in check_references(catalog):
        kind_name, item_id, *rest = ref.path
        origin = origins.get((str(kind_name), str(item_id)))
        if origin is None:
            problems.append(ContentProblem(root, None, ".".join(map(str, ref.path)), ref.message))
            continue
        loc = (*origin.prefix, *rest)
        line = origin.document.line_of(loc)
        problems.append(ContentProblem(origin.file, line, _field(loc), ref.message))
    if problems:
        raise ContentError(problems)
    extras = {k.name: tuple(items.get(k.name, [])) for k in extra_kinds}
    files = {key: root / o.file for key, o in origins.items()}
    return Content(root, catalog, extras, files)


_doc_cache: dict[Path, YamlDocument] = {}


def _read(
    kind: Kind, path: Path, root: Path, problems: list[ContentProblem]
) -> list[tuple[tuple[str | int, ...], Any]]:
    rel = _rel(path, root)
    try:
        document = parse_yaml(path)
    except YamlSyntaxError as error:
        problems.append(ContentProblem(rel, error.line, "", str(error)))
        return []
    _doc_cache[path] = document
    if document.data is None:
        problems.append(ContentProblem(rel, None, "", "is empty"))
        return []
    try:
        value = kind.adapter.validate_json(json.dumps(document.data, default=str), strict=True)
    except ValidationError as error:
        for e in error.errors():
            loc = tuple(part for part in e["loc"] if not _is_tag(part))
            problems.append(ContentProblem(rel, document.line_of(loc), _field(loc), _message(e)))
        return []
    if not kind.many:
        if hasattr(value, "id") and value.id != path.stem:
            message = f"is '{value.id}' but the file is named '{path.name}'; they must match"
            problems.append(ContentProblem(rel, document.line_of(("id",)), "id", message))
            return []
        return [((), value)]
    return [((i,), item) for i, item in enumerate(value)]


def _is_tag(part: str | int) -> bool:
    # pydantic adds the branch of a union ('function-after[...]', class names) to locations
    return isinstance(part, str) and (part[:1].isupper() or "[" in part)


def _field(loc: tuple[str | int, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "is not a known field (check the spelling)",
}


def _message(error: Any) -> str:
    kind = error["type"]
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    message = str(error["msg"])
    if message.startswith("Input should be "):
        message = "should be " + message[len("Input should be ") :]
    elif message.startswith("String should "):
        message = "should " + message[len("String should ") :]
    elif message.startswith("Tuple should "):
        message = "should " + message[len("Tuple should ") :]
    got = error.get("input")
    if kind not in ("missing",) and not isinstance(got, dict | list):
        message += f", got {json.dumps(got, ensure_ascii=False)}"
    return message


def _check_strays(
    root: Path, problems: list[ContentProblem], extra_kinds: tuple[Kind, ...]
) -> None:
    known = {p for kind in (*KINDS, *extra_kinds) for p in root.glob(kind.glob)}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".yaml", ".yml") and path not in known:
            message = "is not in a place content is read from (see docs/content.md)"
            problems.append(ContentProblem(_rel(path, root), None, "", message))


def _rel(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root.parent)
    except ValueError:
        return path
