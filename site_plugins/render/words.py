"""Model values in the words a runner reads, all from the catalog's words (``content/words.yaml``,
typed by ``hipcore.model.Words``): doses, pass marks, units and the names of kinds.

Nothing here is worded: each function looks its words up, or puts them together with
``hipcore.words`` as the engine does, so a page and a prescription say a thing the same way.
Quantities are written by ``hipcore.units.show_value`` ('10 s', '45°').
"""

from __future__ import annotations

import typing

from hipcore.model import Dose, Equipment, Origin, Quality, Region, Threshold, Unit, Words
from hipcore.units import show_value
from hipcore.words import dose_line, fill, pass_mark, series
from site_plugins.render.relations import Decision

__all__ = [
    "QUALITIES",
    "cell",
    "dose_words",
    "equipment_words",
    "number",
    "origin_words",
    "quality_words",
    "quantity",
    "region_words",
    "threshold_words",
    "unit_words",
    "when_words",
]

QUALITIES: tuple[Quality, ...] = typing.get_args(Quality)
"""The qualities in the order of the corrective hierarchy: the model's order (``Quality``)."""


def quality_words(words: Words, quality: Quality) -> str:
    """'motor_control' -> 'Motor control'."""
    return words.names.qualities[quality]


def region_words(words: Words, region: Region) -> str:
    """'hip_front' -> 'the front of the hip'."""
    return str(getattr(words.regions, region))


def unit_words(words: Words, unit: Unit) -> str:
    """'deg' -> 'degrees'."""
    return words.names.units[unit]


def equipment_words(words: Words, equipment: Equipment) -> str:
    """'band' -> 'a resistance band'."""
    return words.names.equipment[equipment]


def origin_words(words: Words, origin: Origin, short: bool = False) -> str:
    """'article' -> 'From the article' ('Article' when ``short``)."""
    return (words.names.origin_tags if short else words.names.origins)[origin]


def dose_words(words: Words, dose: Dose, note: bool = True) -> str:
    """The dose line, as the engine's prescription gives it."""
    return dose_line(dose, words.dose, note)


def threshold_words(words: Words, threshold: Threshold) -> str:
    """'>=' 10 s -> 'at least 10 s', as a test's evidence says it."""
    return pass_mark(threshold, words.evidence)


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, no column breaks."""
    return " ".join(text.split()).replace("|", "\\|")


def number(value: float) -> str:
    """10.0 -> '10', 2.5 -> '2.5'."""
    return f"{value:g}"


def quantity(value: float, unit: Unit) -> str:
    """10, 's' -> '10 s'; 45, 'deg' -> '45°'."""
    return show_value(value, unit)


def when_words(words: Words, decision: Decision) -> str:
    """What makes the rule fire, e.g. 'Pelvis drops or rotates, or seconds held: not ...'."""
    when = words.decisions
    if not decision.triggers:
        return when.any_fail
    measures = {m.id: m for m in decision.assessment.measures}
    parts = []
    for trigger in decision.triggers:
        if trigger.kind == "criterion":
            parts.append(fill(when.answered_no, question=trigger.label))
        elif trigger.kind == "measure" and (mark := measures[trigger.id].pass_when):
            said = threshold_words(words, mark)
            parts.append(fill(when.mark_missed, measure=trigger.label, mark=said))
        else:
            parts.append(trigger.label)
    return series([parts[0], *map(_lower_first, parts[1:])], words.list_or)


def _lower_first(text: str) -> str:
    """'The leg moves' -> 'the leg moves', in the middle of a sentence; 'ASIS' stays."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text
