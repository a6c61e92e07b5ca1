"""The public entry points: a typed Python API and one JSON-in / JSON-out bridge."""

from __future__ import annotations

import json

from hipcore._decode import decode
from hipcore._json import dumps
from hipcore.catalog import default_catalog
from hipcore.engine import evaluate
from hipcore.errors import Problem
from hipcore.model import Catalog
from hipcore.prescription import Prescription
from hipcore.results import Results

__all__ = ["assess", "assess_json", "parse_results"]


def parse_results(data: object) -> tuple[Results | None, list[Problem]]:
    """Validate a results document (already parsed from JSON)."""
    return decode(Results, data)


def assess(results: Results, catalog: Catalog | None = None) -> Prescription:
    """Evaluate validated results against the catalog (the packaged one by default)."""
    return evaluate(results, catalog or default_catalog())


def assess_json(text: str, catalog: Catalog | None = None) -> str:
    """JSON in, JSON out; never raises for bad input.

    Returns ``{"ok": true, "prescription": {...}}`` or ``{"ok": false, "errors": [...]}``.
    """
    try:
        data = json.loads(text)
    except (ValueError, TypeError) as error:
        return dumps(
            {"ok": False, "errors": [Problem((), f"is not valid JSON: {error}").to_json()]}
        )
    results, problems = parse_results(data)
    if results is None:
        return dumps({"ok": False, "errors": [p.to_json() for p in problems]})
    return dumps({"ok": True, "prescription": assess(results, catalog)})
