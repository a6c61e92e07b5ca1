"""The prescription as readable text, for the command line."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from hipcore.model import Dose
from hipcore.prescription import Prescription, ProgramItem

__all__ = ["dose_text", "render_text"]

_WIDTH = 96

_HEADLINES = {
    "program": "Your program",
    "maintenance": "Every test you did passed: a maintenance program",
    "refer": "See a clinician before you go on",
    "not_assessed": "No test was done yet: do at least one test to get a program",
    "invalid": "The results have problems; nothing was assessed",
}


def dose_text(dose: Dose) -> str:
    """``3 × 12 reps each side, rest 60 s, 3× a week``."""
    work = f"{dose.reps} reps" if dose.reps is not None else f"{dose.hold_seconds} s hold"
    side = " each side" if dose.per_side else ""
    return (
        f"{dose.sets} × {work}{side}, rest {dose.rest_seconds} s, {dose.sessions_per_week}× a week"
    )


def render_text(p: Prescription) -> str:
    """The prescription in plain text, in the order a runner needs it."""
    out: list[str] = [_HEADLINES[p.status], "=" * len(_HEADLINES[p.status])]
    if p.errors:
        out += _bullets(f"{e.path}: {e.message}" for e in p.errors)
        return "\n".join(out) + "\n"
    if p.referrals:
        out += _section("See a clinician")
        for r in p.referrals:
            out += _bullet(("URGENT: " if r.urgent else "") + r.reason)
    if p.findings:
        out += _section("What your results show")
        for f in p.findings:
            out += _bullet(f"{f.name} ({', '.join(f.sides)}; {f.severity})")
            out += _indent(e.text for e in f.evidence)
    if p.asymmetries:
        out += _section("Left and right differ (recheck, not a diagnosis)")
        for a in p.asymmetries:
            out += _bullet(a.text)
    if p.program:
        out += _section("This session, in this order")
        for n, item in enumerate(p.program, 1):
            out += _item(n, item)
    if p.later:
        out += _section("Later")
        for later in p.later:
            out += _bullet(f"{later.name}: {later.text}")
    if p.withheld:
        out += _section("Not prescribed because a test hurt")
        for w in p.withheld:
            out += _bullet(w.text)
    if p.reassess is not None:
        out += _section("Test again")
        for check in p.reassess.checks:
            when = (
                "right after stretching" if check.when == "after_stretching" else "at the rescreen"
            )
            out += _bullet(f"{check.name}, {when}: {check.text}")
        out += _wrap(p.reassess.text, "")
    if p.not_done:
        names = {t.assessment: t.name for t in p.tests}
        out += _section("Not done")
        out += _wrap(", ".join(names.get(i, i) for i in p.not_done) + ".", "")
    out += ["", *_wrap(p.disclaimer, "")]
    return "\n".join(out) + "\n"


def _item(n: int, item: ProgramItem) -> list[str]:
    lines = _wrap(f"{n}. {item.name}: {dose_text(item.dose)}.", "", "   ")
    if item.worse_side:
        lines += _wrap(
            f"Start with the {item.worse_side} side and do {item.worse_side_sets} sets on it.",
            "   ",
        )
    if item.dose.note:
        lines += _wrap(item.dose.note, "   ")
    lines += _wrap(f"Why: {item.why.text}", "   ")
    quotes = [ref.quote for ref in item.why.sources if ref.quote and ref.source == "article"]
    if quotes:
        lines += _wrap(f'The article: "{quotes[0]}"', "   ")
    lines += _wrap(f"Move up: {item.advance}", "   ")
    lines += _wrap(f"Move down: {item.regress}", "   ")
    return lines


def _section(title: str) -> list[str]:
    return ["", title, "-" * len(title)]


def _bullet(text: str) -> list[str]:
    return _wrap(text, "- ", "  ")


def _bullets(texts: Iterable[str]) -> list[str]:
    return [line for text in texts for line in _bullet(text)]


def _indent(texts: Iterable[str]) -> list[str]:
    return [line for text in texts for line in _wrap(text, "    ")]


def _wrap(text: str, first: str, rest: str | None = None) -> list[str]:
    indent = first if rest is None else rest
    lines = textwrap.wrap(
        text, _WIDTH, initial_indent=first, subsequent_indent=indent, break_on_hyphens=False
    )
    return lines or [first.rstrip()]
