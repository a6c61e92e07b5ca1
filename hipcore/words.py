"""The runner's words, made once: the content's sentences filled in, and the dose line.

Every sentence a runner reads about a prescription is put together here or in the engine's
steps, from the catalog's ``Words`` and items. The command line, the widget and the site render
these strings as they are and word nothing of their own.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping

from hipcore.errors import FieldPath, Problem
from hipcore.model import Dose, Words

__all__ = [
    "EVIDENCE_TEMPLATE_NAMES",
    "TEMPLATE_NAMES",
    "WIDGET_TEMPLATE_NAMES",
    "dose_line",
    "fill",
    "series",
    "template_problems",
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
    "after_mobility": frozenset({"findings", "verb"}),
    "upkeep": frozenset({"tests"}),
    "one_sided": frozenset({"exercise", "side"}),
    "worse_side": frozenset({"side", "sets", "other_sets"}),
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


def fill(template: str, **names: object) -> str:
    """``template`` with each ``{name}`` replaced (the catalog check has vetted the names)."""
    return template.format_map(names)


def template_problems(words: Words) -> list[Problem]:
    """A problem for each sentence that names what it may not fill in, or is badly braced; its
    path is the sentence's field in ``words``, e.g. ``("evidence", "fault")``."""
    problems: list[Problem] = []
    sentences: list[tuple[FieldPath, str, frozenset[str]]] = []
    for field, value in vars(words).items():
        if isinstance(value, str):
            sentences.append(((field,), value, TEMPLATE_NAMES.get(field, frozenset())))
    for quality, value in words.upkeep.items():
        sentences.append((("upkeep", quality), value, TEMPLATE_NAMES["upkeep"]))
    for field, value in vars(words.evidence).items():
        names = EVIDENCE_TEMPLATE_NAMES.get(field, frozenset())
        sentences.append((("evidence", field), value, names))
    for field, value in vars(words.widget).items():
        names = WIDGET_TEMPLATE_NAMES.get(field, frozenset())
        sentences.append((("widget", field), value, names))
    for path, text, allowed in sentences:
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError as error:
            message = f"has a stray brace ({error}); write names as {{name}}"
            problems.append(Problem(path, message))
            continue
        for name in sorted(used - allowed):
            can = ", ".join(f"{{{n}}}" for n in sorted(allowed)) or "no names"
            message = f"names {{{name}}}, which it cannot fill in (it can: {can})"
            problems.append(Problem(path, message))
    return problems


def series(items: Iterable[str], last: str = "and") -> str:
    """['a', 'b', 'c'] -> 'a, b and c'."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def dose_line(dose: Dose, note: bool = True) -> str:
    """'3 sets of 12 reps on each side. Rest 60 seconds between sets. 3 sessions a week.'"""
    side = " on each side" if dose.per_side else ""
    if dose.hold_seconds is not None:
        work = (
            f"Hold for {_seconds(dose.hold_seconds)}, {_times(dose.sets, 'time', 'times')}{side}."
        )
    else:
        reps = _times(dose.reps or 0, "rep", "reps")
        work = f"{_times(dose.sets, 'set', 'sets')} of {reps}{side}."
    if dose.sets == 1:
        rest = ""
    elif dose.rest_seconds == 0:
        rest = " No rest needed between sets." if dose.reps else " No rest needed between holds."
    else:
        between = "sets" if dose.reps else "holds"
        rest = f" Rest {_seconds(dose.rest_seconds)} between {between}."
    sessions = {7: "Every day.", 14: "Twice a day."}.get(
        dose.sessions_per_week, f"{_times(dose.sessions_per_week, 'session', 'sessions')} a week."
    )
    extra = f" {dose.note}" if note and dose.note else ""
    return f"{work}{rest} {sessions}{extra}"


def _seconds(value: int) -> str:
    if value >= 120 and value % 60 == 0:
        return f"{value // 60} minutes"
    return "1 second" if value == 1 else f"{value} seconds"


def _times(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
