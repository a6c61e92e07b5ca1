"""The command line: ``python -m hipcore assess RESULTS.json`` and ``python -m hipcore schema``.

Exit status: 0 with a prescription (whatever its status, a referral included), 2 when the
input cannot be assessed (unreadable file, not JSON, or problems in the results), with every
problem listed as ``path: message`` (at most ``MAX_PROBLEMS``, then a count of the rest).
It never ends in a traceback: a reader that stops reading (``| head``) ends it quietly with 1,
and an unexpected error is one line on standard error, with 1.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import typing
from collections.abc import Sequence
from pathlib import Path

from hipcore.api import assess, parse_json
from hipcore.canonical import canonical_json
from hipcore.catalog import default_catalog, load_catalog
from hipcore.errors import InvalidDocument, Problem, format_message, limit_problems
from hipcore.model import Catalog
from hipcore.prescription import InputProblem
from hipcore.schema import results_schema
from hipcore.text import render_text

__all__ = ["main"]

EXIT_FAILED = 1
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

    try:
        if args.command == "schema":
            print(json.dumps(results_schema(), indent=2, ensure_ascii=False))
            status = 0
        else:
            status = _assess(args.results, args.catalog, as_json=args.json)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader has gone (``| head``). As the Python documentation advises, standard output
        # now points at devnull, so that flushing it at exit does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a command line answers in words, never with a traceback
        print(f"hipcore: stopped by an unexpected error: {error!r}", file=sys.stderr)
        return EXIT_FAILED
    return status


def _assess(source: str, catalog_path: str | None, *, as_json: bool) -> int:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text("utf-8")
    except (OSError, ValueError) as error:
        return _fail(
            [InputProblem.of(Problem((), f"cannot read {source}: {error}"), "(file)")], as_json
        )
    catalog = default_catalog()
    if catalog_path is not None:
        read = _read_catalog(catalog_path)
        if not isinstance(read, Catalog):
            return _fail(read, as_json, "the catalog cannot be read")
        catalog = read
    data, problems = parse_json(text)
    if problems:
        return _fail([InputProblem.of(p) for p in problems], as_json)
    prescription = assess(data, catalog)
    if prescription.status == "invalid":
        return _fail(list(prescription.errors), as_json)
    print(
        canonical_json(prescription, indent=2) if as_json else render_text(prescription),
        end="\n" if as_json else "",
    )
    return 0


def _read_catalog(path: str) -> Catalog | list[InputProblem]:
    try:
        text = Path(path).read_text("utf-8")
    except (OSError, ValueError) as error:
        return [InputProblem.of(Problem((), f"cannot read {path}: {error}"), "(catalog)")]
    data, problems = parse_json(text, "a catalog")
    if not problems:
        try:
            return load_catalog(typing.cast(dict[str, object], data))
        except InvalidDocument as error:
            problems = error.problems
    return [InputProblem.of(p, "(catalog)") for p in limit_problems(problems)]


def _fail(
    problems: list[InputProblem], as_json: bool, heading: str = "the results cannot be assessed"
) -> int:
    shown = [dataclasses.replace(p, path=format_message(p.path)) for p in problems]
    if as_json:
        print(canonical_json({"ok": False, "errors": shown}, indent=2))
    else:
        print(f"hipcore: {heading}:", file=sys.stderr)
        for p in shown:
            print(f"  {p.path}: {p.message}", file=sys.stderr)
    return EXIT_BAD_INPUT
