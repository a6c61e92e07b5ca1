"""Where each kind of content lives, and the pydantic adapters that validate it.

The types are ``hipcore.model``'s dataclasses (the one content model); this module only tells
pydantic, while it builds each adapter, to refuse unknown fields and to read each file
strictly. Kinds the engine does not know (the site's figures) are passed to the loader by
its caller (``load_content(root, extra_kinds)``): the loader imports no part of the site.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hipcore import model
from hipcore.errors import Problem
from hipcore.shapes import Record, nested_types, shape
from site_plugins.content.cache import Derived, code_key

if TYPE_CHECKING:
    from pydantic import ConfigDict, TypeAdapter
    from pydantic_core import SchemaValidator

__all__ = ["KINDS", "Kind"]

# pydantic is imported where an adapter is built, not with this module: a build that reads its
# checked content from the cache (content/cache.py) never needs it.

_READING: ConfigDict = {"extra": "forbid", "strict": True}
_DOCUMENTING: ConfigDict = {"extra": "forbid", "strict": True, "use_attribute_docstrings": True}
"""For the JSON Schema only: reading the field docstrings takes pydantic longer than building
the validators themselves, and every build would pay for it."""


@contextmanager
def _configured(tp: Any, config: ConfigDict) -> Iterator[None]:
    """Pydantic reads a plain dataclass's configuration from the class itself, and refuses a
    ``TypeAdapter(config=...)`` for one; so every dataclass ``tp`` is built from (that has no
    configuration of its own) carries ``config`` while an adapter is built, and no longer."""
    classes = [c for c in _dataclasses_in(tp) if "__pydantic_config__" not in vars(c)]
    for cls in classes:
        cls.__pydantic_config__ = config
    try:
        yield
    finally:
        for cls in classes:
            del cls.__pydantic_config__


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
    """Compiled into the catalog; otherwise only the site uses it (``Content.extras``)."""
    required: bool = False
    """A kind only the site uses whose file (or, for a folder of files, one of them) must exist,
    as every kind of the catalog's must."""
    check: Callable[[model.Catalog, tuple[Any, ...]], list[Problem]] | None = field(
        default=None, compare=False
    )
    """Checks that need the whole catalog (run once it holds together); paths start with the
    kind and id, as in ``hipcore.catalog.check_references``. Not part of a kind's identity: a
    kind given a caller's check (one that keeps its results) shares its validator."""

    @cached_property
    def adapter_type(self) -> Any:
        """What one file holds: the type, or a tuple of it."""
        return tuple[self.type, ...] if self.many else self.type  # type: ignore[name-defined]

    @cached_property
    def adapter(self) -> TypeAdapter[Any]:
        """Validates one file: strictly, refusing unknown fields (a misspelt field name must be
        an error, not silently ignored)."""
        from pydantic import TypeAdapter  # noqa: PLC0415 - see above

        with _configured(self.adapter_type, _READING):
            return _built(TypeAdapter(self.adapter_type))

    def validator(self, kept: Path | None = None) -> SchemaValidator:
        """The adapter's validator. With ``kept`` (a cache folder), made from the core schema
        kept there for this code (``content/cache.py: code_key``): pydantic's schema building,
        which imports most of pydantic on first use (~0.2 s of a build's CPU), then runs once per
        version of the code, not once per edit to the content."""
        return _validator(self, kept)

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema of one file, with each field's docstring as its description."""
        from pydantic import TypeAdapter  # noqa: PLC0415 - see above

        with _configured(self.adapter_type, _DOCUMENTING):
            adapter = _built(TypeAdapter(self.adapter_type))
        return adapter.json_schema()


@functools.cache
def _validator(kind: Kind, kept: Path | None) -> SchemaValidator:
    if kept is None:
        return kind.adapter.validator  # type: ignore[return-value]
    from pydantic_core import SchemaValidator  # noqa: PLC0415 - see above

    schema = Derived(kept, code_key()).get(f"schema-{kind.name}", lambda: kind.adapter.core_schema)
    return SchemaValidator(schema)


def _built(adapter: TypeAdapter[Any]) -> TypeAdapter[Any]:
    """The adapter's validator is built now, while the configuration is in place."""
    if not adapter.pydantic_complete:
        adapter.rebuild(raise_errors=True)
    return adapter


def _dataclasses_in(tp: Any) -> list[Any]:
    """Every dataclass ``tp`` is built from, itself included."""
    return [node.cls for t in nested_types(tp) if isinstance(node := shape(t), Record)]


KINDS: tuple[Kind, ...] = (
    Kind("sources", model.Source, "sources.yaml", True, "sources"),
    Kind("sections", model.Section, "article.yaml", True, "article"),
    Kind("red_flags", model.RedFlag, "prescreen.yaml", True, "prescreen"),
    Kind("policy", model.Policy, "policy.yaml", False, "policy"),
    Kind("pain", model.PainRules, "pain.yaml", False, "pain"),
    Kind("words", model.Words, "words.yaml", False, "words"),
    Kind("assessments", model.Assessment, "assessments/*.yaml", False, "assessment"),
    Kind("findings", model.Finding, "findings.yaml", True, "findings"),
    Kind("rules", model.Rule, "rules.yaml", True, "rules"),
    Kind("exercises", model.Exercise, "exercises/*.yaml", False, "exercise"),
)
