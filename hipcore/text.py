"""The prescription as readable text, for the command line."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from hipcore.model import Titles
from hipcore.prescription import Prescription, ProgramItem

__all__ = ["render_text"]

_WIDTH = 96


def render_text(p: Prescription) -> str:
    """The prescription in plain text, in the order a runner needs it, in its own words."""
    t = p.titles
    out: list[str] = [p.headline, "=" * len(p.headline)]
    if p.errors:
        out += _bullets(f"{e.path}: {e.message}" for e in p.errors)
        return "\n".join(out) + "\n"
    if p.referrals:
        out += _section(t.referrals)
        for r in p.referrals:
            out += _bullet(f"{r.label}: {r.reason}" if r.label else r.reason)
    if p.findings:
        out += _section(t.findings)
        for f in p.findings:
            out += _bullet(f.text)
            out += _indent(e.text for e in f.evidence)
    if p.asymmetries:
        out += _section(t.asymmetries)
        for a in p.asymmetries:
            out += _bullet(a.text)
    if p.program:
        out += _section(t.program)
        for n, item in enumerate(p.program, 1):
            out += _item(n, item, t)
    if p.later:
        out += _section(t.later)
        for later in p.later:
            out += _bullet(f"{later.name}: {later.text}")
    if p.withheld:
        out += _section(t.withheld)
        for w in p.withheld:
            out += _bullet(w.text)
    if p.reassess is not None:
        out += _section(t.reassess)
        for check in p.reassess.checks:
            out += _bullet(f"{check.name}: {check.text}")
        out += _wrap(p.reassess.text, "")
    names = {test.assessment: test.name for test in p.tests}
    for title, ids in ((t.incomplete, p.incomplete), (t.not_done, p.not_done)):
        if ids:
            out += _section(title)
            out += _wrap(", ".join(names.get(i, i) for i in ids) + ".", "")
    out += ["", *_wrap(p.disclaimer, "")]
    return "\n".join(out) + "\n"


def _item(n: int, item: ProgramItem, t: Titles) -> list[str]:
    lines = _wrap(f"{n}. {item.name}: {item.dose_line}", "", "   ")
    if item.side_line:
        lines += _wrap(item.side_line, "   ")
    lines += _wrap(item.why.text, "   ")
    quotes = [ref.quote for ref in item.why.sources if ref.quote and ref.source == "article"]
    if quotes:
        lines += _wrap(f'"{quotes[0]}" (the article)', "   ")
    lines += _wrap(f"{t.advance}: {item.advance}", "   ")
    lines += _wrap(f"{t.regress}: {item.regress}", "   ")
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
