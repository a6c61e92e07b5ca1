"""The public entry points: a typed Python API and one JSON-in / JSON-out bridge.

Neither raises for bad input. ``assess`` answers a prescription whose status is ``invalid`` and
whose ``errors`` list every problem with its field path; ``assess_json`` answers
``{"ok": false, "errors": [...]}`` for the same, and for text that is not JSON at all.

Every problem of a document comes back at once (types, ranges, ids and keys given twice), in
document order, at most ``MAX_PROBLEMS`` of them and then one counting the rest.
"""

from __future__ import annotations

import json
import re
from functools import cache

from hipcore._decode import document_order, loads, salvage
from hipcore.canonical import canonical_json
from hipcore.catalog import default_catalog
from hipcore.engine import evaluate
from hipcore.errors import Problem, limit_problems
from hipcore.model import Catalog
from hipcore.prescription import PRESCRIPTION_VERSION, InputProblem, Prescription
from hipcore.results import Results
from hipcore.validate import check_results

__all__ = ["MAX_DEPTH", "assess", "assess_json", "parse_json", "parse_results"]

MAX_DEPTH = 32
"""Deeper JSON is refused before parsing: a results document is about 7 levels deep, and very
deep nesting overflows the JavaScript stack under Pyodide, which no Python code can catch."""


def _group(depth: int) -> bytes:
    """A regular expression for one bracketed group nested at most ``depth`` deep. Possessive
    repeats never backtrack, so matching is linear in the text."""
    inner = b"" if depth == 1 else b"(?:" + _group(depth - 1) + b")*+"
    return rb"\[" + inner + rb"\]"


@cache
def _within(depth: int) -> re.Pattern[bytes]:
    """Closing brackets and groups nested at most ``depth`` deep."""
    return re.compile(rb"(?:\]++|" + _group(depth) + rb")*+")


_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{}')
_ONE_BRACKET = bytes.maketrans(b"{}", b"[]")
_TOO_MANY_OPEN = b"[" * (MAX_DEPTH + 1)


def parse_results(
    data: object, catalog: Catalog | None = None
) -> tuple[Results | None, list[Problem]]:
    """Read a results document (already parsed from JSON) and check it against the catalog.

    Returns the results, or None with every problem found: what is wrong in one part does not
    hide what is wrong in another (see ``hipcore._decode``).
    """
    salvaged = salvage(Results, data)
    problems = salvaged.problems
    if salvaged.value is not None:
        checked = check_results(salvaged.value, catalog or default_catalog())
        problems = problems + [p for p in checked if not salvaged.covers(p.path)]
    if not problems:
        return salvaged.value, []
    return None, limit_problems(document_order(Results, data, problems))


def assess(results: Results | object, catalog: Catalog | None = None) -> Prescription:
    """The prescription for a results document: a ``Results``, or JSON-shaped data.

    Uses the catalog packaged with hipcore unless one is given.
    """
    catalog = catalog or default_catalog()
    if isinstance(results, Results):
        problems = limit_problems(check_results(results, catalog))
        checked: Results | None = None if problems else results
    else:
        checked, problems = parse_results(results, catalog)
    if checked is None:
        return _rejected(problems, catalog)
    return evaluate(checked, catalog)


def assess_json(text: str, catalog: Catalog | None = None) -> str:
    """JSON in, canonical JSON out: ``{"ok": true, "prescription": {...}}`` or
    ``{"ok": false, "errors": [{"path": ..., "message": ...}]}``."""
    data, problems = parse_json(text)
    if problems:
        return canonical_json({"ok": False, "errors": [InputProblem.of(p) for p in problems]})
    prescription = assess(data, catalog)
    if prescription.status == "invalid":
        return canonical_json({"ok": False, "errors": prescription.errors})
    return canonical_json({"ok": True, "prescription": prescription})


def parse_json(text: str, document: str = "a results document") -> tuple[object, list[Problem]]:
    """The data of a JSON document, or None with the reason it cannot be read: not JSON, or
    nested more than ``MAX_DEPTH`` levels deep (checked first, in time linear in the text), so
    not ``document`` ('a results document', 'a catalog').

    Keys an object gives twice are remembered, so that ``parse_results`` refuses them."""
    if isinstance(text, bytes | bytearray):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            return None, [Problem((), f"is not UTF-8 text (byte {error.start + 1})")]
    if isinstance(text, str) and _too_deep(text):
        message = f"is nested more than {MAX_DEPTH} levels deep: not {document}"
        return None, [Problem((), message)]
    try:
        return loads(text), []
    except (ValueError, TypeError, RecursionError) as error:
        return None, [_not_json(error)]


def _rejected(problems: list[Problem], catalog: Catalog) -> Prescription:
    """The answer to results that could not be read: the problems, and nothing else."""
    errors = tuple(InputProblem.of(p) for p in problems)
    words = catalog.words
    return Prescription(
        PRESCRIPTION_VERSION,
        "invalid",
        words.headlines.invalid,
        words.titles,
        (),
        (),
        (),
        (),
        catalog.policy.disclaimer,
        errors=errors,
    )


def _not_json(error: Exception) -> Problem:
    # Worded from the position only: the decoder's own messages differ between Python versions,
    # and the reply must be the same bytes in CPython and in Pyodide.
    if isinstance(error, json.JSONDecodeError):
        return Problem((), f"is not valid JSON (line {error.lineno}, column {error.colno})")
    if isinstance(error, RecursionError):
        return Problem((), "is not valid JSON here: it is nested too deeply")
    return Problem((), "is not valid JSON text")


def _too_deep(text: str) -> bool:
    """Whether brackets outside strings nest deeper than ``MAX_DEPTH``, in time linear in the
    text: every step is one pass of a C loop, whatever the text."""
    data = text.encode("utf-8", "surrogatepass")
    # Runs of backslashes only occur inside strings in valid JSON, and pair up from the left:
    # once the escapes are gone, every quote left opens or closes a string.
    data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    data = data.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    brackets = b"".join(data.split(b'"')[::2]).translate(_ONE_BRACKET)
    if _TOO_MANY_OPEN in brackets:
        return True
    # Closed at the end, every group is whole and the depth reached is the same. Then each
    # removal of the innermost pairs ("[]") takes exactly one level off every group: cheap
    # passes while they halve the text, and the regular expression for what is left.
    closed = brackets + b"]" * brackets.count(b"[")
    budget = MAX_DEPTH
    while budget and b"[" in closed:
        fewer = closed.replace(b"[]", b"")
        if len(fewer) * 2 > len(closed):
            break
        closed, budget = fewer, budget - 1
    if b"[" not in closed:
        return False
    return budget == 0 or _within(budget).fullmatch(closed) is None
