"""Load ``content/`` into a checked catalog, or fail with every problem, located.

Two passes. First each file on its own: YAML syntax, then the content model (types, required
and unknown fields, ranges, allowed words). Every file is read and every problem collected.
Only when all files are sound do the checks that need the whole catalog run (ids that must
exist, duplicate ids, ladders that loop): before that, an id could look missing merely because
the file that defines it has a typo.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hipcore.catalog import CATALOG_VERSION, check_references
from hipcore.errors import FieldPath, Problem
from hipcore.model import Catalog
from hipcore.results import RESULTS_VERSION
from site_plugins.content.completeness import check_completeness
from site_plugins.content.errors import ContentError, ContentProblem
from site_plugins.content.kinds import KINDS, Kind
from site_plugins.content.markup import markup_problems
from site_plugins.content.messages import describe_all
from site_plugins.content.yamlsource import YamlDocument, YamlSyntaxError, parse_yaml

__all__ = ["Content", "load_content"]


@dataclass(frozen=True)
class _Origin:
    file: Path
    """As shown in messages (relative to the folder that holds the content folder)."""
    document: YamlDocument
    prefix: FieldPath
    """Where the item sits in its file: () for a one-item file, (i,) in a list."""


@dataclass
class Content:
    """The validated content: the catalog, plus kinds that only the site uses."""

    root: Path
    catalog: Catalog
    extras: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    files: dict[tuple[str, str], Path] = field(default_factory=dict)
    """(kind, id) -> the file that defines it."""


def load_content(
    root: Path, extra_kinds: tuple[Kind, ...] = (), kept: Path | None = None
) -> Content:
    """Read every content file; raise ``ContentError`` listing all problems found. ``kept``: a
    cache folder for the validators' schemas (``Kind.validator``)."""
    root = Path(root)
    if not root.is_dir():
        missing = Problem((), "the content folder does not exist")
        raise ContentError([ContentProblem.at(root, missing)])
    kinds = (*KINDS, *extra_kinds)
    problems: list[ContentProblem] = []
    items: dict[str, list[Any]] = {kind.name: [] for kind in kinds}
    origins: dict[tuple[str, str], list[_Origin]] = {}
    known: set[Path] = set()
    for kind in kinds:
        paths = sorted(p for p in root.glob(kind.glob) if p.is_file())
        known.update(paths)
        if not paths and (kind.in_catalog or kind.required):
            problems.append(_missing(kind, root))
        for path in paths:
            rel = _rel(path, root)
            read = _read(kind, path, rel, problems, kept)
            if read is None:
                continue
            document, found = read
            for prefix, item in found:
                items[kind.name].append(item)
                key = (kind.name, getattr(item, "id", kind.name))
                origins.setdefault(key, []).append(_Origin(rel, document, prefix))
    problems += _strays(root, known)
    problems += _duplicate_ids(origins)
    if problems:
        raise ContentError(_in_file_order(problems))

    catalog = Catalog(
        version=CATALOG_VERSION,
        results_version=RESULTS_VERSION,
        policy=items["policy"][0],
        sources=tuple(items["sources"]),
        sections=tuple(sorted(items["sections"], key=lambda s: s.order)),
        red_flags=tuple(items["red_flags"]),
        assessments=tuple(sorted(items["assessments"], key=lambda a: (a.order, a.id))),
        findings=tuple(items["findings"]),
        rules=tuple(items["rules"]),
        exercises=tuple(sorted(items["exercises"], key=lambda e: e.id)),
        pain=items["pain"][0],
        words=items["words"][0],
    )
    refs = check_references(catalog)
    if not refs:
        # Completeness, and kinds the catalog does not hold (figures), need a sound catalog.
        refs = check_completeness(catalog)
        refs += [p for k in kinds if k.check for p in k.check(catalog, tuple(items[k.name]))]
    for ref in refs:
        kind_name, item_id, *rest = ref.path
        found_at = origins.get((str(kind_name), str(item_id)))
        if not found_at:
            problems.append(ContentProblem.at(root, ref))
            continue
        origin = found_at[0]
        problems.append(
            ContentProblem.at(
                origin.file, Problem((*origin.prefix, *rest), ref.message), origin.document
            )
        )
    if problems:
        raise ContentError(_in_file_order(problems))
    extras = {k.name: tuple(items[k.name]) for k in kinds if k in extra_kinds or not k.in_catalog}
    files = {key: root.parent / found[0].file for key, found in origins.items()}
    return Content(root, catalog, extras, files)


def _read(
    kind: Kind, path: Path, rel: Path, problems: list[ContentProblem], kept: Path | None
) -> tuple[YamlDocument, list[tuple[FieldPath, Any]]] | None:
    """One file's items, or None after adding its problems."""
    try:
        document = parse_yaml(path)
    except YamlSyntaxError as error:
        problems.append(ContentProblem.at(rel, Problem((), str(error)), line=error.line))
        return None
    except OSError as error:
        problems.append(ContentProblem.at(rel, Problem((), f"cannot be read ({error.strerror})")))
        return None
    if document.data is None:
        problems.append(ContentProblem.at(rel, Problem((), "is empty")))
        return None
    found = len(problems)
    for dup in document.duplicates:
        message = f"is written twice (first at line {dup.first_line}); keep one"
        problems.append(ContentProblem.at(rel, Problem(dup.path, message), document, line=dup.line))
    from pydantic_core import ValidationError  # noqa: PLC0415 - only when content is checked

    try:
        value = kind.validator(kept).validate_json(
            json.dumps(document.data, default=str), strict=True
        )
    except ValidationError as error:
        errors = error.errors(include_url=False)
        for e in errors:
            e["loc"] = tuple(part for part in e["loc"] if not _is_tag(part))
        problems += [
            ContentProblem.at(rel, p, document) for p in describe_all(errors, kind.adapter_type)
        ]
        return None
    if len(problems) > found:
        return None
    problems += [ContentProblem.at(rel, p, document) for p in markup_problems(value)]
    if len(problems) > found:
        return None
    if kind.many and not value:
        problems.append(
            ContentProblem.at(rel, Problem((), f"holds no {_NOUNS[kind.name]}; {_NEEDS}"))
        )
        return None
    if not kind.many:
        if hasattr(value, "id") and value.id != path.stem:
            message = f"is '{value.id}' but the file is named '{path.name}'; they must match"
            problems.append(ContentProblem.at(rel, Problem(("id",), message), document))
            return None
        return document, [((), value)]
    return document, [((i,), item) for i, item in enumerate(value)]


def _is_tag(part: str | int) -> bool:
    # pydantic adds the branch of a union ('function-after[...]', class names) to locations
    return isinstance(part, str) and (part[:1].isupper() or "[" in part)


def _duplicate_ids(origins: dict[tuple[str, str], list[_Origin]]) -> list[ContentProblem]:
    """An id used twice makes every reference to it ambiguous, so it is reported on its own.
    Ids are unique across kinds too: pages, rules and saved results name items by id alone."""
    problems = []
    first_of: dict[str, tuple[str, _Origin]] = {}
    for (kind, item_id), found_at in origins.items():
        if kind not in _ONE_NAMESPACE:
            continue
        if item_id in first_of:
            other_kind, other = first_of[item_id]
            problems.append(
                _clash(item_id, other, found_at[0], f" by {_ONE_NAMESPACE[other_kind]}")
            )
        else:
            first_of[item_id] = (kind, found_at[0])
        for again in found_at[1:]:
            problems.append(_clash(item_id, found_at[0], again, ""))
    return problems


def _clash(item_id: str, first: _Origin, again: _Origin, by: str) -> ContentProblem:
    first_line = first.document.line_of((*first.prefix, "id"))
    where = f"line {first_line}" if again.file == first.file else f"{first.file}:{first_line}"
    message = f"the id '{item_id}' is already used{by} (at {where}); ids must be unique"
    return ContentProblem.at(again.file, Problem((*again.prefix, "id"), message), again.document)


_ONE_NAMESPACE = {
    "sources": "a source",
    "sections": "an article section",
    "red_flags": "a red-flag question",
    "assessments": "an assessment",
    "findings": "a finding",
    "rules": "a rule",
    "exercises": "an exercise",
}
"""The kinds whose ids share one namespace, and how each is named in messages."""

_NOUNS = {
    "sources": "sources",
    "sections": "article sections",
    "red_flags": "red-flag questions",
    "findings": "findings",
    "rules": "rules",
    "assessments": "assessments",
    "exercises": "exercises",
}
_NEEDS = "the guide cannot give a safe program without at least one (see docs/content.md)"
_NEEDS_FILE = "the guide cannot give a safe program without it (see docs/content.md)"


def _missing(kind: Kind, root: Path) -> ContentProblem:
    if "*" not in kind.glob:
        if kind.many:  # 'rules.yaml: is missing; it holds the rules, and ... at least one'
            message = f"is missing; it holds the {_NOUNS[kind.name]}, and {_NEEDS}"
        else:
            message = f"is missing; {_NEEDS_FILE}"
        return ContentProblem.at(_rel(root / kind.glob, root), Problem((), message))
    folder = _rel(root / kind.glob, root).parent
    noun = _NOUNS.get(kind.name, kind.name)
    return ContentProblem.at(folder, Problem((), f"holds no {noun}; {_NEEDS}"))


def _in_file_order(problems: list[ContentProblem]) -> list[ContentProblem]:
    return sorted(problems, key=lambda p: (str(p.file), p.line or 0))


def _strays(root: Path, known: set[Path]) -> list[ContentProblem]:
    """Every file in the content folder is read, or reported: nothing is skipped silently."""
    problems = []
    for path in sorted(root.rglob("*")):
        inside = path.relative_to(root)
        if path in known or _ignored(inside) or (path.is_dir() and not path.is_symlink()):
            continue
        message = _stray_message(path, inside)
        problems.append(ContentProblem.at(_rel(path, root), Problem((), message)))
    return problems


def _ignored(inside: Path) -> bool:
    """Hidden files (.git, editors' swap files), editors' backups, and the generated schemas."""
    name = inside.name
    hidden = any(part.startswith(".") for part in inside.parts)
    backup = name.endswith("~") or (name.startswith("#") and name.endswith("#"))
    schema = inside.parts[0] == "schema" and name.endswith(".schema.json")
    return hidden or backup or schema


def _stray_message(path: Path, inside: Path) -> str:
    if path.is_symlink() and not path.exists():
        return f"is a link to '{path.readlink()}', which does not exist; remove the link"
    if path.is_dir():
        return "is a link to a folder; content is read only from the folders docs/content.md lists"
    suffix = path.suffix
    if suffix.lower() in (".yaml", ".yml") and suffix != ".yaml":
        rename = f"rename it to '{path.stem}.yaml'"
        return f"ends in '{suffix}'; content files end in '.yaml' (lower case): {rename}"
    if suffix == ".yaml":
        return "is not in a place content is read from (see docs/content.md)"
    return (
        "is not a content file; the content folder holds only '.yaml' files (see docs/content.md)"
    )


def _rel(path: Path, root: Path) -> Path:
    try:
        return path.relative_to(root.parent)
    except ValueError:
        return path
