"""The runner's words, made once: the content's sentences filled in, and the dose line.

Every sentence a runner reads about a prescription is put together here or in the engine's
steps, from the catalog's ``Words`` and items. The command line, the widget and the site render
these strings as they are and word nothing of their own.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Iterator, Mapping, Set
from typing import Any

from hipcore.errors import FieldPath, Problem
from hipcore.model import Comparator, Dose, DoseWords, EvidenceWords, Plural, Threshold, Words
from hipcore.shapes import Choice, DictOf, Record, bare, shape
from hipcore.units import show_value

__all__ = [
    "DECISION_TEMPLATE_NAMES",
    "DOSE_TEMPLATE_NAMES",
    "EVIDENCE_TEMPLATE_NAMES",
    "TEMPLATE_NAMES",
    "WIDGET_TEMPLATE_NAMES",
    "count",
    "dose_line",
    "fill",
    "lower_first",
    "missing_words",
    "name_problems",
    "pass_mark",
    "sentences",
    "series",
    "template_problems",
    "upper_first",
]

TEMPLATE_NAMES: Mapping[str, frozenset[str]] = {
    "pain_referral": frozenset({"test", "where", "regions"}),
    "pain_on_side": frozenset({"side"}),
    "pain_sites": frozenset({"sites"}),
    "pain_score": frozenset({"score", "limit"}),
    "asymmetry_pass_fail": frozenset({"test", "weaker", "stronger"}),
    "asymmetry_measure": frozenset(
        {"test", "measure", "left", "right", "index", "threshold", "weaker"}
    ),
    "works_on": frozenset({"findings", "why"}),
    "withheld_region": frozenset({"tests", "exercise", "regions"}),
    "withheld_movement": frozenset({"tests", "exercise", "movement"}),
    "withheld_all": frozenset({"tests", "exercise", "score"}),
    "after_mobility": frozenset({"findings"}),
    "upkeep": frozenset({"tests"}),
    "one_sided": frozenset({"exercise", "side"}),
    "worse_side": frozenset({"side", "work", "other"}),
    "advance_at_top": frozenset({"score"}),
    "advance_withheld": frozenset({"exercise"}),
    "regress_at_bottom": frozenset({"score"}),
    "recheck_after_stretching": frozenset({"test"}),
    "recheck_at_rescreen": frozenset({"test"}),
    "rescreen": frozenset({"when"}),
    "rescreen_in": frozenset({"weeks"}),
    "rescreen_between": frozenset({"weeks", "from_date", "by_date"}),
    "rescreen_on": frozenset({"weeks", "from_date"}),
    "rescreen_not_done": frozenset({"tests"}),
    "works_on_finding": frozenset({"finding", "sides", "severity"}),
    "the_tests": frozenset({"tests"}),
    "number_range": frozenset({"low", "high"}),
}
"""The names each ``Words`` sentence may fill in; the other sentences fill in none."""

EVIDENCE_TEMPLATE_NAMES: Mapping[str, frozenset[str]] = {
    "answered_no": frozenset({"side", "question"}),
    "answered_yes": frozenset({"side", "question"}),
    "value": frozenset({"side", "measure", "value"}),
    "value_met": frozenset({"side", "measure", "value", "mark"}),
    "value_missed": frozenset({"side", "measure", "value", "mark"}),
    "at_least": frozenset({"value"}),
    "at_most": frozenset({"value"}),
    "more_than": frozenset({"value"}),
    "less_than": frozenset({"value"}),
    "fault": frozenset({"side", "fault"}),
    "no_fault": frozenset({"side"}),
    "could_not_perform": frozenset({"side"}),
}
"""The names each ``Words.evidence`` sentence may fill in; the others fill in none."""

WIDGET_TEMPLATE_NAMES: Mapping[str, frozenset[str]] = {
    "progress_test": frozenset({"n", "total"}),
    "progress_tests": frozenset({"total"}),
    "progress_done": frozenset({"total"}),
    "engine_could_not_start": frozenset({"reason"}),
    "program_failed": frozenset({"reason"}),
    "less_than": frozenset({"min", "unit"}),
    "more_than": frozenset({"max", "unit"}),
    "unit_of": frozenset({"measure"}),
    "import_summary": frozenset({"added", "same"}),
    "import_refused": frozenset({"added", "same", "refused", "reasons"}),
    "record_set_aside": frozenset({"reason"}),
    "draft_set_aside": frozenset({"reason"}),
    "seconds_to_go": frozenset({"seconds"}),
    "past_mark": frozenset({"seconds", "mark"}),
    "at_mark": frozenset({"mark"}),
    "seconds": frozenset({"seconds"}),
    "stopped_at": frozenset({"seconds"}),
}
"""The names each of the widget's sentences may fill in (the widget fills them)."""

DOSE_TEMPLATE_NAMES: Mapping[str, frozenset[str]] = {
    "sets_of_reps": frozenset({"sets", "reps", "each_side"}),
    "hold_for": frozenset({"seconds", "times", "each_side"}),
    "rest_between_sets": frozenset({"seconds"}),
    "rest_between_holds": frozenset({"seconds"}),
    "sessions_a_week": frozenset({"sessions"}),
    "sets": frozenset({"n"}),
    "reps": frozenset({"n"}),
    "times": frozenset({"n"}),
    "holds": frozenset({"n"}),
    "sessions": frozenset({"n"}),
    "seconds": frozenset({"n"}),
    "minutes": frozenset({"n"}),
}
"""The names each ``Words.dose`` sentence may fill in (both forms of a ``Plural``)."""

DECISION_TEMPLATE_NAMES: Mapping[str, frozenset[str]] = {
    "answered_no": frozenset({"question"}),
    "mark_missed": frozenset({"measure", "mark"}),
}
"""The names each ``Words.decisions`` sentence may fill in."""

_SECTIONS: Mapping[str, Mapping[str, frozenset[str]]] = {
    "decisions": DECISION_TEMPLATE_NAMES,
    "evidence": EVIDENCE_TEMPLATE_NAMES,
    "widget": WIDGET_TEMPLATE_NAMES,
    "dose": DOSE_TEMPLATE_NAMES,
}
"""The sections of ``Words`` whose fields have names tables of their own."""

_COMPARATOR_WORDS: Mapping[Comparator, str] = {
    ">=": "at_least",
    "<=": "at_most",
    ">": "more_than",
    "<": "less_than",
}
"""The ``EvidenceWords`` field that words each comparator."""


def fill(template: str, **names: object) -> str:
    """``template`` with each ``{name}`` replaced (the catalog check has vetted the names)."""
    return template.format_map(names)


def template_problems(words: Words) -> list[Problem]:
    """A problem for each sentence that names what it may not fill in, or is badly braced; its
    path is the sentence's field in ``words``, e.g. ``("evidence", "fault")``."""
    problems: list[Problem] = []
    for path, text in sentences(words, Words):
        if path[0] == "sources":  # ids, not sentences
            continue
        table = _SECTIONS.get(str(path[0]), TEMPLATE_NAMES)
        key = path[1] if path[0] in _SECTIONS and len(path) > 1 else path[0]
        problems += name_problems(path, text, table.get(str(key), frozenset()))
    return problems


def name_problems(path: FieldPath, text: str, allowed: Set[str]) -> list[Problem]:
    """A problem, at ``path``, for each ``{name}`` in ``text`` that is not ``allowed``, or for a
    stray brace: the check of every sentence with names to fill in (the catalog's words, the
    site's page words)."""
    try:
        used = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as error:
        return [Problem(path, f"has a stray brace ({error}); write names as {{name}}")]
    can = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "no names"
    return [
        Problem(path, f"names {{{name}}}, which it cannot fill in (it can: {can})")
        for name in sorted(used - set(allowed))
    ]


def missing_words(words: Words) -> list[Problem]:
    """A problem for each value of a closed set that a table of words leaves out, e.g. a unit
    with no name in ``names.units``; its path is the table's field in ``words``."""
    return list(_missing(words, Words, ()))


def _missing(value: object, tp: Any, path: FieldPath) -> Iterator[Problem]:
    node = shape(bare(tp))
    if isinstance(node, Record):
        for field in node.fields:
            yield from _missing(getattr(value, field.name), field.type, (*path, field.name))
    elif isinstance(node, DictOf) and isinstance(value, dict):
        keys = shape(bare(node.key))
        if isinstance(keys, Choice):
            for wanted in keys.values:
                if wanted not in value:
                    yield Problem(path, f"has no words for '{wanted}'")


def sentences(value: object, tp: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, str]]:
    """Every string of a record of words of type ``tp`` (``Words``, the site's page words),
    with its field path."""
    node = shape(bare(tp))
    if isinstance(value, str):
        yield path, value
    elif isinstance(node, Record):
        for field in node.fields:
            yield from sentences(getattr(value, field.name), field.type, (*path, field.name))
    elif isinstance(node, DictOf) and isinstance(value, dict):
        for key, item in value.items():
            yield from sentences(item, node.item, (*path, str(key)))


def lower_first(text: str) -> str:
    """A name from content as it reads within a sentence ('Weak hip extension' -> 'weak ...')."""
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """A name from content as it reads at the start of a line ('both sides' -> 'Both sides')."""
    return text[:1].upper() + text[1:]


def series(items: Iterable[str], last: str) -> str:
    """['a', 'b', 'c'], 'and' -> 'a, b and c' (``last``: the content's ``Words.list_and`` or
    ``list_or``)."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def count(plural: Plural, n: int, **names: object) -> str:
    """``plural`` for ``n`` (its ``one`` or its ``many``), with ``{n}`` and ``names`` filled in."""
    return fill(plural.one if n == 1 else plural.many, n=n, **names)


def dose_line(dose: Dose, words: DoseWords, note: bool = True) -> str:
    """'3 sets of 12 reps on each side. Rest 60 seconds between sets. 3 sessions a week.'"""
    each_side = words.each_side if dose.per_side else ""
    if dose.hold_seconds is not None:
        seconds = _seconds(dose.hold_seconds, words)
        times = count(words.times, dose.sets)
        work = fill(words.hold_for, seconds=seconds, times=times, each_side=each_side)
    else:
        sets, reps = count(words.sets, dose.sets), count(words.reps, dose.reps or 0)
        work = fill(words.sets_of_reps, sets=sets, reps=reps, each_side=each_side)
    sentences = [work]
    if dose.sets > 1:
        holds = dose.reps is None
        if dose.rest_seconds == 0:
            sentences.append(words.no_rest_between_holds if holds else words.no_rest_between_sets)
        else:
            rest = words.rest_between_holds if holds else words.rest_between_sets
            sentences.append(fill(rest, seconds=_seconds(dose.rest_seconds, words)))
    if dose.sessions_per_week == 7:
        sentences.append(words.every_day)
    elif dose.sessions_per_week == 14:
        sentences.append(words.twice_a_day)
    else:
        sessions = count(words.sessions, dose.sessions_per_week)
        sentences.append(fill(words.sessions_a_week, sessions=sessions))
    if note and dose.note:
        sentences.append(dose.note)
    return " ".join(sentences)


def pass_mark(mark: Threshold, words: EvidenceWords, value: str | None = None) -> str:
    """'at least 10 s': a pass mark in the content's words; ``value`` is the mark's value as
    written (``show_value`` of it unless given, e.g. with its other units)."""
    said = value if value is not None else show_value(mark.value, mark.unit)
    return fill(str(getattr(words, _COMPARATOR_WORDS[mark.comparator])), value=said)


def _seconds(value: int, words: DoseWords) -> str:
    if value >= 120 and value % 60 == 0:
        return count(words.minutes, value // 60)
    return count(words.seconds, value)
