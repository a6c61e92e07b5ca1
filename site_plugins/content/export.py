"""Regenerate what is derived from ``content/``: the packaged catalog and the JSON Schemas.

``main(argv, extra_kinds)``: ``--check`` changes nothing and exits 1 if a file is out of
date (the tests run it). The site's entry point, which adds the figures, is
``python -m site_plugins.hipguide.export`` (``make catalog``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from hipcore.canonical import canonical_json
from hipcore.model import Catalog
from site_plugins.content.errors import ContentError
from site_plugins.content.kinds import KINDS, Kind
from site_plugins.content.load import load_content

__all__ = [
    "catalog_schema",
    "derived_files",
    "main",
    "schema_files",
    "schema_for",
    "schema_reference",
]

ROOT = Path(__file__).resolve().parents[2]


def schema_for(kind: Kind) -> dict[str, object]:
    """The JSON Schema of one kind of file, with the model's field docs as descriptions."""
    schema = kind.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"hipguide content: {kind.glob}"
    if kind.many:
        schema["description"] = f"A list of {kind.type.__name__} items. {kind.type.__doc__}"
    defs = schema.get("$defs")
    if isinstance(defs, dict) and "Dose" in defs:
        # The one rule the types cannot say: a dose counts reps or holds, never both.
        defs["Dose"]["oneOf"] = [{"required": ["reps"]}, {"required": ["hold_seconds"]}]
    return schema


def schema_files(root: Path = ROOT, extra_kinds: tuple[Kind, ...] = ()) -> dict[Path, str]:
    """``content/schema/<kind>.schema.json`` for every kind of content file."""
    return {
        root / "content" / "schema" / f"{kind.schema}.schema.json": json.dumps(
            schema_for(kind), indent=2, ensure_ascii=False
        )
        + "\n"
        for kind in (*KINDS, *extra_kinds)
    }


def schema_reference(kind: Kind) -> str:
    """The first line of every file of this kind: where an editor finds its schema."""
    up = "../" * kind.glob.count("/")
    return f"# yaml-language-server: $schema={up}schema/{kind.schema}.schema.json"


CATALOG = Kind("catalog", Catalog, "(compiled by the build)", False, "catalog", in_catalog=False)
"""Not a content file: the catalog the build emits for the engine and the widget."""


def catalog_schema() -> dict[str, object]:
    """The JSON Schema of ``catalog.json``, the contract with the widget and embedding sites."""
    schema = CATALOG.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "hipguide catalog.json"
    return schema


def derived_files(root: Path = ROOT, extra_kinds: tuple[Kind, ...] = ()) -> dict[Path, str]:
    content = load_content(root / "content", extra_kinds)
    files = {
        root / "hipcore" / "data" / "catalog.json": canonical_json(content.catalog, indent=1) + "\n"
    }
    files.update(schema_files(root, extra_kinds))
    text = json.dumps(catalog_schema(), indent=2, ensure_ascii=False) + "\n"
    files[root / "content" / "schema" / "catalog.schema.json"] = text
    return files


def main(argv: list[str] | None = None, extra_kinds: tuple[Kind, ...] = ()) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    try:
        files = derived_files(extra_kinds=extra_kinds)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    stale = []
    for path, text in files.items():
        current = path.read_text("utf-8") if path.exists() else None
        if current != text:
            stale.append(path)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    for path in stale:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(ROOT)}")
    return 1 if (stale and args.check) else 0
