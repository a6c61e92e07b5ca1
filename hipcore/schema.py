"""The JSON Schema of the results document, generated from its dataclasses.

Standard library only: the types (``hipcore.results``), their ``Annotated`` constraints and the
docstrings under each field become a draft 2020-12 schema. It states the document's shape;
what needs the catalog (known ids, units, plausible ranges, every pre-screen question
answered) is checked by ``hipcore.validate`` and said in the descriptions.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import textwrap
import typing
from typing import Any

from hipcore.constraints import Length, Pattern, Range
from hipcore.results import RESULTS_VERSION, Results
from hipcore.shapes import Choice, Constrained, DictOf, ListOf, Nullable, Record, shape

__all__ = ["results_schema", "schema_for"]

_SCALARS: dict[type, str] = {bool: "boolean", int: "integer", float: "number", str: "string"}


def results_schema() -> dict[str, Any]:
    """The schema of ``Results``, the input of ``hipcore.assess``."""
    schema = schema_for(Results)
    schema["$id"] = f"https://hipguide.invalid/schema/results-v{RESULTS_VERSION}.json"
    schema["title"] = f"hipguide results, version {RESULTS_VERSION}"
    schema["description"] += (
        " Ids, units, value ranges and answers to every pre-screen question are checked "
        "against the content catalog when the results are assessed."
    )
    return schema


def schema_for(root: type) -> dict[str, Any]:
    """A draft 2020-12 schema for a dataclass; nested dataclasses go under ``$defs``."""
    defs: dict[str, Any] = {}
    body = _dataclass(root, defs)
    schema: dict[str, Any] = {"$schema": "https://json-schema.org/draft/2020-12/schema"}
    schema.update(body)
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return schema


def _dataclass(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    docs = _field_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in Record(cls).fields:
        prop = _type(field.type, defs)
        if field.name in docs:
            prop = {"description": docs[field.name], **prop}
        if field.default is not None:
            prop["default"] = _json_default(field.default())
        else:
            required.append(field.name)
        properties[field.name] = prop
    out: dict[str, Any] = {"type": "object"}
    if cls.__doc__:
        out["description"] = inspect.cleandoc(cls.__doc__)
    out["properties"] = properties
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    return out


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    node = shape(tp)
    if isinstance(node, Constrained):
        out = _type(node.base, defs)
        for c in node.constraints:
            if isinstance(c, Range):
                if c.ge is not None:
                    out["minimum"] = c.ge
                if c.le is not None:
                    out["maximum"] = c.le
            elif isinstance(c, Pattern):
                out["pattern"] = c.regex
            elif isinstance(c, Length):
                out["minItems" if out.get("type") == "array" else "minLength"] = c.min
        return out
    if isinstance(node, Nullable):
        options = [_type(a, defs) for a in node.options]
        if len(options) == 1 and not node.nullable:
            return options[0]
        return {"anyOf": [*options, *([{"type": "null"}] if node.nullable else [])]}
    if isinstance(node, Choice):
        values = list(node.values)
        kind = _SCALARS[type(values[0])]
        return (
            {"type": kind, "const": values[0]}
            if len(values) == 1
            else {
                "type": kind,
                "enum": values,
            }
        )
    if isinstance(node, ListOf):
        return {"type": "array", "items": _type(node.item, defs)}
    if isinstance(node, DictOf):
        return {"type": "object", "additionalProperties": _type(node.item, defs)}
    if isinstance(node, Record):
        cls = node.cls
        if cls.__name__ not in defs:
            defs[cls.__name__] = {}  # reserve the name first: a class may refer to itself
            defs[cls.__name__] = _dataclass(cls, defs)
        return {"$ref": f"#/$defs/{cls.__name__}"}
    return {"type": _SCALARS[node.type]}


def _json_default(value: object) -> object:
    if isinstance(value, tuple):
        return list(value)
    return value


def _field_docs(cls: type) -> dict[str, str]:
    """The string under each field, read from the class's source (none when it is missing)."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    tree = ast.parse(source)
    body = typing.cast(ast.ClassDef, tree.body[0]).body
    docs: dict[str, str] = {}
    for node, following in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[node.target.id] = inspect.cleandoc(following.value.value)
    return docs
