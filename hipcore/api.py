"""The public entry points: a typed Python API and one JSON-in / JSON-out bridge.

Neither raises for bad input. ``assess`` answers a prescription whose status is ``invalid`` and
whose ``errors`` list every problem with its field path; ``assess_json`` answers
``{"ok": false, "errors": [...]}`` for the same, and for text that is not JSON at all.
"""

from __future__ import annotations

import json

from hipcore._decode import decode
from hipcore._json import dumps
from hipcore.catalog import default_catalog
from hipcore.engine import evaluate
from hipcore.errors import Problem, format_path
from hipcore.model import Catalog
from hipcore.prescription import PRESCRIPTION_VERSION, InputProblem, Prescription
from hipcore.results import Results
from hipcore.validate import check_results

__all__ = ["assess", "assess_json", "parse_results"]


def parse_results(
    data: object, catalog: Catalog | None = None
) -> tuple[Results | None, list[Problem]]:
    """Read a results document (already parsed from JSON) and check it against the catalog.

    Returns the results, or None with every problem found.
    """
    results, problems = decode(Results, data)
    if results is None:
        return None, problems
    problems = check_results(results, catalog or default_catalog())
    return (None, problems) if problems else (results, [])


def assess(results: Results | object, catalog: Catalog | None = None) -> Prescription:
    """The prescription for a results document: a ``Results``, or JSON-shaped data.

    Uses the catalog packaged with hipcore unless one is given.
    """
    catalog = catalog or default_catalog()
    if isinstance(results, Results):
        problems = check_results(results, catalog)
        checked: Results | None = None if problems else results
    else:
        checked, problems = parse_results(results, catalog)
    if checked is None:
        return _rejected(problems, catalog)
    return evaluate(checked, catalog)


def assess_json(text: str, catalog: Catalog | None = None) -> str:
    """JSON in, canonical JSON out: ``{"ok": true, "prescription": {...}}`` or
    ``{"ok": false, "errors": [{"path": ..., "message": ...}]}``."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError, RecursionError) as error:
        problem = Problem((), f"is not valid JSON: {error}")
        return dumps({"ok": False, "errors": [problem.to_json()]})
    prescription = assess(data, catalog)
    if prescription.status == "invalid":
        return dumps({"ok": False, "errors": prescription.errors})
    return dumps({"ok": True, "prescription": prescription})


def _rejected(problems: list[Problem], catalog: Catalog) -> Prescription:
    """The answer to results that could not be read: the problems, and nothing else."""
    errors = tuple(InputProblem(format_path(p.path), p.message) for p in problems)
    return Prescription(
        PRESCRIPTION_VERSION, "invalid", (), (), (), (), catalog.policy.disclaimer, errors=errors
    )
