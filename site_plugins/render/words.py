"""Model values in the words a runner reads: doses, pass marks, units and names of kinds."""

from __future__ import annotations

from hipcore.model import Threshold
from hipcore.words import series
from site_plugins.render.relations import Decision

__all__ = [
    "EQUIPMENT",
    "ORIGINS",
    "QUALITIES",
    "REGIONS",
    "UNITS",
    "cell",
    "number",
    "origin_words",
    "quantity",
    "threshold_words",
    "when_words",
]

QUALITIES = {
    "mobility": "Mobility",
    "motor_control": "Motor control",
    "strength": "Strength",
    "pattern": "Movement pattern",
}
"""In the order of the corrective hierarchy."""

REGIONS = {
    "lumbar": "lower back",
    "hip_front": "front of the hip",
    "hip_back": "back of the hip",
    "hip_side": "side of the hip",
    "thigh_front": "front of the thigh",
    "knee": "knee",
}

UNITS = {"s": "seconds", "deg": "degrees", "cm": "cm", "in": "inches"}
_SYMBOLS = {"s": " s", "deg": "°", "cm": " cm", "in": " in"}

EQUIPMENT = {
    "mat": "a mat",
    "bench": "a bench",
    "exercise_ball": "an exercise ball",
    "kettlebell": "a kettlebell",
    "barbell": "a barbell",
    "dumbbell": "a dumbbell",
    "stick": "a stick",
    "band": "a resistance band",
    "cable": "a cable machine",
    "chair": "a chair",
    "ruler": "a ruler or tape measure",
}

ORIGINS = {
    "article": "From the article",
    "domain_notes": "Written for this guide",
}

SHORT_ORIGINS = {"article": "Article", "domain_notes": "This guide"}


def origin_words(origin: str, short: bool = False) -> str:
    return (SHORT_ORIGINS if short else ORIGINS)[origin]


_COMPARATORS = {">=": "at least {}", "<=": "{} or less", ">": "more than {}", "<": "less than {}"}


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, no column breaks."""
    return " ".join(text.split()).replace("|", "\\|")


def number(value: float) -> str:
    """10.0 -> '10', 2.5 -> '2.5'."""
    return f"{value:g}"


def quantity(value: float, unit: str) -> str:
    """10, 's' -> '10 s'; 45, 'deg' -> '45°'."""
    return f"{number(value)}{_SYMBOLS[unit]}"


def threshold_words(threshold: Threshold) -> str:
    """'>=' 10 s -> 'at least 10 s'."""
    return _COMPARATORS[threshold.comparator].format(quantity(threshold.value, threshold.unit))


def when_words(decision: Decision) -> str:
    """What makes the rule fire, e.g. 'Pelvis drops or rotates, or seconds held below ...'."""
    if not decision.triggers:
        return "Any fail"
    measures = {m.id: m for m in decision.assessment.measures}
    parts = []
    for trigger in decision.triggers:
        if trigger.kind == "criterion":
            parts.append(f"“{trigger.label}”: no")
        elif trigger.kind == "measure" and (mark := measures[trigger.id].pass_when):
            parts.append(f"{trigger.label}: not {threshold_words(mark)}")
        else:
            parts.append(trigger.label)
    return series([parts[0], *map(_lower_first, parts[1:])], "or")


def _lower_first(text: str) -> str:
    """'The leg moves' -> 'the leg moves', in the middle of a sentence; 'ASIS' stays."""
    return text[0].lower() + text[1:] if text[1:2].islower() else text
