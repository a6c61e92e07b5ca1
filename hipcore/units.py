"""Unit conversion between the units a measure accepts (inches and centimetres), and how values
are written."""

from __future__ import annotations

from decimal import Decimal

from hipcore.model import Unit

__all__ = ["UNIT_TEXT", "convert_value", "exact_value", "show_value"]

_FACTORS: dict[tuple[Unit, Unit], float] = {("in", "cm"): 2.54, ("cm", "in"): 1 / 2.54}

UNIT_TEXT: dict[Unit, str] = {"s": " s", "deg": "°", "cm": " cm", "in": " in"}
"""How a value's unit is written after it."""


def convert_value(value: float, unit: Unit, to: Unit) -> float | None:
    """``value`` in ``to``, rounded to 6 decimals so that 6 in is exactly 15.24 cm; None if the
    units do not convert (seconds to degrees)."""
    if unit == to:
        return value
    factor = _FACTORS.get((unit, to))
    return None if factor is None else round(value * factor, 6)


def show_value(value: float, unit: Unit) -> str:
    """``6.0, 's'`` -> ``'6 s'``; at most two decimals, and never ``-0``."""
    return f"{round(value, 2) + 0.0:g}{UNIT_TEXT[unit]}"


def exact_value(value: float, unit: Unit) -> str:
    """``600.0001, 's'`` -> ``'600.0001 s'``: the value exactly (the shortest decimal that reads
    back as the same number, never ``-0``), for messages about what the runner typed."""
    number = float(value) + 0.0
    if number.is_integer() and abs(number) < 1e16:
        text = str(int(number))
    else:
        text = repr(number)
        if "e" in text and 1e-9 <= abs(number) < 1e16:
            text = format(Decimal(text), "f")
    return f"{text}{UNIT_TEXT[unit]}"
