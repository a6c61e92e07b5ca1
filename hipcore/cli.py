"""The command line: ``python -m hipcore assess RESULTS.json`` and ``python -m hipcore schema``.

Exit status: 0 with a prescription (whatever its status, a referral included), 2 when the
input cannot be assessed (unreadable file, not JSON, or problems in the results), with every
problem listed as ``path: message``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from hipcore._json import dumps
from hipcore.api import assess
from hipcore.catalog import default_catalog, load_catalog
from hipcore.errors import InvalidDocument, Problem, format_path
from hipcore.prescription import InputProblem
from hipcore.schema import results_schema
from hipcore.text import render_text

__all__ = ["main"]

EXIT_BAD_INPUT = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="hipcore", description="From a runner's hip self-assessment to a program."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("assess", help="assess a results document")
    run.add_argument("results", help="the results document (JSON); '-' reads standard input")
    run.add_argument("--json", action="store_true", help="print the prescription document")
    run.add_argument("--catalog", help="a catalog.json to use instead of the packaged one")
    commands.add_parser("schema", help="print the JSON Schema of the results document")
    args = parser.parse_args(argv)

    if args.command == "schema":
        print(json.dumps(results_schema(), indent=2, ensure_ascii=False))
        return 0
    return _assess(args.results, args.catalog, as_json=args.json)


def _assess(source: str, catalog_path: str | None, *, as_json: bool) -> int:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return _fail([InputProblem("(file)", f"cannot read {source}: {error}")], as_json)
    catalog = default_catalog()
    if catalog_path is not None:
        try:
            catalog = load_catalog(Path(catalog_path).read_text("utf-8"))
        except InvalidDocument as error:
            return _fail([_catalog_problem(p) for p in error.problems], as_json)
        except (OSError, ValueError) as error:
            return _fail([InputProblem("(catalog)", str(error))], as_json)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        return _fail([InputProblem("(document)", f"is not valid JSON: {error}")], as_json)
    prescription = assess(data, catalog)
    if prescription.status == "invalid":
        return _fail(list(prescription.errors), as_json)
    print(
        dumps(prescription, indent=2) if as_json else render_text(prescription),
        end="\n" if as_json else "",
    )
    return 0


def _catalog_problem(problem: Problem) -> InputProblem:
    return InputProblem(f"(catalog) {format_path(problem.path)}", problem.message)


def _fail(problems: list[InputProblem], as_json: bool) -> int:
    if as_json:
        print(dumps({"ok": False, "errors": problems}, indent=2))
    else:
        print("hipcore: the results cannot be assessed:", file=sys.stderr)
        for p in problems:
            print(f"  {p.path}: {p.message}", file=sys.stderr)
    return EXIT_BAD_INPUT
