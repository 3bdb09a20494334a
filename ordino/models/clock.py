"""Clock times and dates against the problem's start: the one conversion between wall time and model time.

A problem with a `start` (the date and time that model time 0 stands for) and a `time_unit` of seconds,
minutes, hours or days may give its times as text: `"2026-12-07 10:30"` (or `T` between date and time), a date
alone (its midnight), or a clock time alone `"10:30"` (on the start's date). Model time stays an integer count
of units since `start`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

UNIT_SECONDS = {"s": 1, "sec": 1, "second": 1, "seconds": 1, "min": 60, "minute": 60, "minutes": 60,
                "h": 3600, "hour": 3600, "hours": 3600, "day": 86400, "days": 86400, "d": 86400}
"""Time units that wall-clock times can be converted to, by name, in seconds."""

_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


def unit_seconds(time_unit: str) -> int:
    """Seconds in one unit of `time_unit`; a clear error for units that are not a clock unit."""
    seconds = UNIT_SECONDS.get(time_unit.strip().lower())
    if seconds is None:
        raise ValueError(f"time_unit {time_unit!r} is not a clock unit; clock times and calendars need one of "
                         f"s, min, h, day")
    return seconds


def parse_clock(text: str) -> int:
    """Seconds after midnight of a clock time 'HH:MM' (24:00 is the end of the day)."""
    m = _CLOCK.match(text.strip())
    if m is None or int(m.group(2)) > 59 or int(m.group(1)) * 60 + int(m.group(2)) > 24 * 60:
        raise ValueError(f"{text!r} is not a clock time; write HH:MM, e.g. 08:30")
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60


def parse_when(text: str, start: datetime) -> datetime:
    """The moment a text names: a date and time, a date (its midnight), or a clock time on the start's date."""
    text = text.strip()
    if _CLOCK.match(text):
        return datetime.combine(start.date(), time()) + timedelta(seconds=parse_clock(text))
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date or time; write 2026-12-07, 2026-12-07 10:30 or 10:30") from None


def to_model_time(when: datetime | date | str, start: datetime, time_unit: str) -> int:
    """Units from `start` to `when` (which must fall on a whole unit)."""
    if isinstance(when, str):
        when = parse_when(when, start)
    elif not isinstance(when, datetime):
        when = datetime.combine(when, time())
    seconds = (when - start).total_seconds()
    unit = unit_seconds(time_unit)
    if seconds % unit:
        raise ValueError(f"{when:%Y-%m-%d %H:%M} is not a whole number of {time_unit} after the start "
                         f"{start:%Y-%m-%d %H:%M}")
    return int(seconds // unit)


def to_wall_time(value: int, start: datetime, time_unit: str) -> datetime:
    """The moment that model time `value` stands for."""
    return start + timedelta(seconds=value * unit_seconds(time_unit))


def wall_label(value: int, start: datetime, time_unit: str) -> str:
    """A short label of model time `value`: 'Mon 07 Dec 10:30' (the date alone for whole days)."""
    when = to_wall_time(value, start, time_unit)
    return f"{when:%a %d %b}" if unit_seconds(time_unit) >= 86400 else f"{when:%a %d %b %H:%M}"
