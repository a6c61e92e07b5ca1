"""Where each kind of content lives, and the pydantic adapters that validate it.

The types are ``hipcore.model``'s dataclasses (the one content model); this module only tells
pydantic to refuse unknown fields and to read each file strictly.
"""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from pydantic import ConfigDict, TypeAdapter

from hipcore import model

__all__ = ["KINDS", "Kind", "forbid_unknown_fields"]


def forbid_unknown_fields(module: Any) -> None:
    """A misspelt field name must be an error, not silently ignored."""
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if dataclasses.is_dataclass(cls) and "__pydantic_config__" not in vars(cls):
            cls.__pydantic_config__ = ConfigDict(  # type: ignore[attr-defined]
                extra="forbid", strict=True, use_attribute_docstrings=True
            )


forbid_unknown_fields(model)


@dataclass(frozen=True)
class Kind:
    """A kind of content file."""

    name: str
    """The catalog field it fills, e.g. 'assessments'."""
    type: type
    glob: str
    """Relative to the content folder."""
    many: bool
    """The file holds a list of items (otherwise one item, named after the file)."""
    schema: str
    """The JSON Schema file name (without '.schema.json')."""
    in_catalog: bool = True

    @cached_property
    def adapter_type(self) -> Any:
        """What one file holds: the type, or a tuple of it."""
        return tuple[self.type, ...] if self.many else self.type  # type: ignore[name-defined]

    @cached_property
    def adapter(self) -> TypeAdapter[Any]:
        return TypeAdapter(self.adapter_type)


KINDS: tuple[Kind, ...] = (
    Kind("sources", model.Source, "sources.yaml", True, "sources"),
    Kind("sections", model.Section, "article.yaml", True, "article"),
    Kind("red_flags", model.RedFlag, "prescreen.yaml", True, "prescreen"),
    Kind("policy", model.Policy, "policy.yaml", False, "policy"),
    Kind("assessments", model.Assessment, "assessments/*.yaml", False, "assessment"),
    Kind("findings", model.Finding, "findings.yaml", True, "findings"),
    Kind("rules", model.Rule, "rules.yaml", True, "rules"),
    Kind("exercises", model.Exercise, "exercises/*.yaml", False, "exercise"),
)
