"""Time quantities with units, and their explicit conversion to one integer time unit."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

# seconds per unit; the canonical unit names are the keys
SECONDS = {"s": 1, "min": 60, "h": 3600, "day": 86400, "week": 604800}
FINER = {"week": "day", "day": "h", "h": "min", "min": "s"}
UNIT_WORDS = {
    "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
    "min": "min", "mins": "min", "minute": "min", "minutes": "min", "m": "min",
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    "d": "day", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "wk": "week",
}
UNIT_PATTERN = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|wk|h|s|d|m)\b(?!\s*[=:]\s*[-\d])"


@dataclass(frozen=True)
class TimeVal:
    """A time quantity as read: an exact rational value and the unit it was written in (None = bare)."""

    value: Fraction
    unit: str | None = None

    def __str__(self) -> str:
        """As the text said it: '40 min', '3'."""
        return f"{self.value} {self.unit}" if self.unit else str(self.value)


def whole_units(value: TimeVal) -> int | None:
    """A bare whole number ('2'), as what a job needs of a resource; None for '1.5' or '2 h' (never rounded)."""
    return int(value.value) if value.value.denominator == 1 and value.unit is None else None


@dataclass(frozen=True)
class TimeScale:
    """How read quantities become integers: the chosen unit name and the factor from seconds or bare values."""

    unit: str
    base: str | None  # canonical unit the integers count, None when the text had no units
    factor: int  # integers count 1/factor of `base`
    note: str | None = None

    def convert(self, tv: TimeVal, default_unit: str | None) -> int:
        """The integer this quantity becomes; exact by construction of the scale."""
        unit = tv.unit or default_unit
        value = tv.value
        if unit is not None and self.base is not None:
            value = value * SECONDS[unit] / SECONDS[self.base]
        value *= self.factor
        if value.denominator != 1:  # cannot happen when the scale was chosen from the same values
            raise ValueError(f"time value {tv.value} {unit or ''} is not integral in {self.unit}")
        return int(value)


def choose_scale(values: list[TimeVal], default_unit: str | None) -> TimeScale:
    """The coarsest unit in which every value is an integer, going finer (h -> min -> s) when needed.

    Bare values take `default_unit`. When even the finest unit leaves fractions (or the text has no unit at
    all), the values are multiplied by the smallest integer that makes them whole and a note says so.
    """
    units = {unit for v in values if (unit := v.unit or default_unit) is not None}
    if not units:
        factor = _lcm_denominators([v.value for v in values])
        if factor == 1:
            return TimeScale("unit", None, 1)
        return TimeScale(f"1/{factor} unit", None, factor,
                         f"decimal times scaled by {factor}: one time unit is 1/{factor} of the unit in the text")
    said = default_unit in SECONDS and all(x.denominator == 1 for x in _in_unit(values, default_unit, default_unit))
    base = default_unit if said and default_unit is not None else min(units, key=lambda u: SECONDS[u])
    coarse = base  # the unit the text states when every value is whole in it, else the finest one it uses
    while True:
        in_base = _in_unit(values, base, default_unit)
        if all(x.denominator == 1 for x in in_base) or base not in FINER:
            break
        base = FINER[base]
    factor = _lcm_denominators(in_base)
    note = None
    if base != coarse:
        note = f"times converted from {coarse} to {base} so that every value is a whole number"
    if factor != 1:
        note = f"times scaled by {factor}: one time unit is 1/{factor} {base}"
        return TimeScale(f"1/{factor} {base}", base, factor, note)
    return TimeScale(base, base, 1, note)


def _in_unit(values: list[TimeVal], unit: str, default_unit: str | None) -> list[Fraction]:
    """Each value in `unit` (a bare value in `default_unit`, or in `unit` when there is none)."""
    return [v.value * SECONDS[v.unit or default_unit or unit] / SECONDS[unit] for v in values]


def _lcm_denominators(values: list[Fraction]) -> int:
    out = 1
    for v in values:
        out = math.lcm(out, v.denominator)
    return out
