"""Working calendars: when a resource works, as a weekly pattern with holidays and closures.

A calendar is turned into down times in model time (`off_times`); the back ends only ever see those, through
`Problem.down_times`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from pydantic import Field, model_validator

from ordino.models.base import Id, OntologyModel
from ordino.models.clock import parse_clock, unit_seconds
from ordino.models.downtime import merged

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEK = 7 * 86400
_DAY_RANGE = re.compile(r"^([a-z]{3})\w*\s*(?:-|to|\.\.)\s*([a-z]{3})\w*$")


def day_numbers(key: str) -> list[int]:
    """Weekday numbers (Monday 0) a `week` key names: 'mon', 'monday', 'mon-fri', 'fri-mon', 'daily',
    'weekdays', 'weekend'."""
    k = key.strip().lower()
    named = {"daily": range(7), "every day": range(7), "weekdays": range(5), "weekend": (5, 6)}
    if k in named:
        return list(named[k])
    m = _DAY_RANGE.match(k)
    if m and m.group(1) in DAYS and m.group(2) in DAYS:
        a, b = DAYS.index(m.group(1)), DAYS.index(m.group(2))
        return [(a + i) % 7 for i in range((b - a) % 7 + 1)]
    if k[:3] in DAYS and (len(k) == 3 or k.startswith(("monday", "tuesday", "wednesday", "thursday", "friday",
                                                           "saturday", "sunday")[DAYS.index(k[:3])])):
        return [DAYS.index(k[:3])]
    raise ValueError(f"week key {key!r} is not a day; use mon..sun, a range like mon-fri, daily, weekdays "
                     f"or weekend")


def window_seconds(text: str) -> tuple[int, int]:
    """A working window 'HH:MM-HH:MM' in seconds after the day's midnight; one that ends at or before its start
    runs past midnight ('22:00-06:00' ends at 30 h)."""
    parts = re.split(r"\s*(?:-|–|to)\s*", text.strip())
    if len(parts) != 2:
        raise ValueError(f"window {text!r}: write it as HH:MM-HH:MM, e.g. 08:00-16:30")
    a, b = parse_clock(parts[0]), parse_clock(parts[1])
    if a == 24 * 3600:
        raise ValueError(f"window {text!r} starts at 24:00; start it at 00:00 of the next day")
    return (a, b) if b > a else (a, b + 86400)


class Calendar(OntologyModel):
    """When a resource works; all other time is down time, and the tasks that use the resource treat it as
    they treat its `unavailable` intervals (a resumable task pauses over it, any other runs wholly outside it).

    `week` maps days to working windows and repeats every week: keys `mon`..`sun`, ranges such as `mon-fri`,
    `daily`, `weekdays`, `weekend`; values are lists of `HH:MM-HH:MM` windows (`22:00-06:00` runs past
    midnight, `00:00-24:00` is the whole day). A day that no key names is off. `holidays` are dates off all day;
    `closed` lists further periods off, each `[from, to)` as two date-times. Times are those of the problem's
    `start` (a problem with calendars must give one).
    """

    id: Id
    week: dict[str, list[str]] = Field(min_length=1)
    holidays: list[date] = Field(default_factory=list)
    closed: list[tuple[datetime, datetime]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check(self) -> Calendar:
        try:
            windows = self.weekly_windows()
        except ValueError as e:
            raise ValueError(f"calendar {self.id!r}: {e}") from None
        if not windows:
            raise ValueError(f"calendar {self.id!r} has no working time; give `week` windows such as "
                             f"{{\"mon-fri\": [\"08:00-16:00\"]}}")
        for a, b in self.closed:
            if b <= a:
                raise ValueError(f"calendar {self.id!r}: closed period {a} - {b} ends before it starts")
        return self

    def weekly_windows(self) -> list[tuple[int, int]]:
        """Working windows in seconds after Monday 00:00, merged, within [0, 2 weeks) (a window of Sunday night
        runs into the next Monday)."""
        out = []
        for key, windows in self.week.items():
            for day in day_numbers(key):
                out += [(day * 86400 + a, day * 86400 + b) for a, b in map(window_seconds, windows)]
        return merged(out)

    def exceptions_end(self, start: datetime, time_unit: str) -> int:
        """Model time after which the calendar only repeats its week (0 when it has no holiday or closure)."""
        ends = [datetime.combine(d + timedelta(days=1), time()) for d in self.holidays] + [b for _, b in self.closed]
        unit = unit_seconds(time_unit)
        return max([0] + [-(-int((e - start).total_seconds()) // unit) for e in ends])

    def alignment_error(self, start: datetime, time_unit: str) -> str | None:
        """Why this calendar cannot be written in whole units of `time_unit` from `start`, or None."""
        unit = unit_seconds(time_unit)
        offset = _week_offset(start)
        edges = [(f"window edge {s // 3600:02d}:{s % 3600 // 60:02d}", s - offset)
                 for w in self.weekly_windows() for s in w]
        edges += [(f"holiday {d}", int((datetime.combine(d, time()) - start).total_seconds())) for d in self.holidays]
        edges += [(f"closed from {a}", int((a - start).total_seconds())) for a, _ in self.closed]
        edges += [(f"closed until {b}", int((b - start).total_seconds())) for _, b in self.closed]
        for what, seconds in edges:
            if seconds % unit:
                return (f"calendar {self.id!r}: {what} is not a whole number of {time_unit} after the start "
                        f"{start:%Y-%m-%d %H:%M}; use a smaller time_unit or move the edge")
        return None


def _week_offset(start: datetime) -> int:
    """Seconds from the Monday 00:00 before `start` to `start`."""
    monday = datetime.combine(start.date() - timedelta(days=start.weekday()), time())
    return int((start - monday).total_seconds())


def off_times(calendar: Calendar, start: datetime, time_unit: str, until: int) -> list[tuple[int, int]]:
    """The calendar's down time in model time that begins before `until`, merged, each interval whole (the last
    one may end after `until`)."""
    unit = unit_seconds(time_unit)
    offset = _week_offset(start)

    def since(when: datetime) -> int:
        return int((when - start).total_seconds())

    closed = [(since(datetime.combine(d, time())), since(datetime.combine(d + timedelta(days=1), time())))
              for d in calendar.holidays]
    closed += [(since(a), since(b)) for a, b in calendar.closed]
    limit = until * unit
    reach = max([limit, *(b for _, b in closed)]) + 2 * WEEK  # past every closure, a week with working time
    windows = calendar.weekly_windows()
    working = [(week * WEEK + a - offset, week * WEEK + b - offset) for week in range(reach // WEEK + 2)
               for a, b in windows]
    off, now = [], 0
    for a, b in _minus(merged(working), merged(closed)):
        if b <= now:
            continue
        if now >= limit:
            break
        if a > now:
            off.append((now, a))
        now = b
    return [(a // unit, b // unit) for a, b in off]


def _minus(intervals: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merged `intervals` with the merged `holes` cut out."""
    out = []
    for a, b in intervals:
        pieces = [(a, b)]
        for h0, h1 in holes:
            pieces = [p for x, y in pieces for p in ((x, min(y, h0)), (max(x, h1), y)) if p[0] < p[1]]
        out += pieces
    return out
