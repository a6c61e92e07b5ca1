"""Unit conversion between the units a measure accepts (inches and centimetres)."""

from __future__ import annotations

from hipcore.model import Unit

__all__ = ["UNIT_TEXT", "convert", "show"]

_FACTORS: dict[tuple[Unit, Unit], float] = {("in", "cm"): 2.54, ("cm", "in"): 1 / 2.54}

UNIT_TEXT: dict[Unit, str] = {"s": " s", "deg": "°", "cm": " cm", "in": " in"}
"""How a value's unit is written after it."""


def convert(value: float, unit: Unit, to: Unit) -> float | None:
    """``value`` in ``to``, rounded to 6 decimals so that 6 in is exactly 15.24 cm; None if the
    units do not convert (seconds to degrees)."""
    if unit == to:
        return value
    factor = _FACTORS.get((unit, to))
    return None if factor is None else round(value * factor, 6)


def show(value: float, unit: Unit) -> str:
    """``6.0, 's'`` -> ``'6 s'``; at most two decimals."""
    return f"{round(value, 2):g}{UNIT_TEXT[unit]}"
