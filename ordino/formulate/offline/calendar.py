"""Working hours, holidays and dated times as people write them ('the oven works Monday to Friday, 8:00-12:00 and
13:00-17:00', 'lunch break 12:00-13:00', '24 December is a holiday', 'we start on Monday 7 December 2026 at 8:00',
'due Tuesday at 10:00'): read into a calendar, and every dated time rewritten as minutes after the start, so that
the other readers see amounts ('due 1560 min')."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ordino.formulate.offline.text import JOB_NOUN, Rewriting

_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY = r"(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)s?\b\.?"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|" \
         r"october|oct|november|nov|december|dec)\b\.?"
DATE = (rf"(?:(?:{DAY}\s*,?\s+)?(?:\d{{4}}-\d{{2}}-\d{{2}}|"
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?|"
        rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?))")
CLOCK = r"(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\b\.?)?|\d{1,2}\s*[ap]\.?m\b\.?|noon|midday|midnight)"
_WINDOW = rf"(?:from\s+|between\s+)?(?P<a>{CLOCK})\s*(?:-|–|—|to|until|till|and)\s*(?P<b>{CLOCK})"
_DAYS = (rf"(?:(?:on\s+|from\s+|every\s+)?{DAY}(?:\s+nights?)?\s*(?:-|–|to|through|thru|until|till)\s*{DAY}"
         rf"(?:\s+nights?)?|"
         rf"(?:on\s+)?{DAY}(?:\s*(?:,|and|&|or)\s*{DAY})+|"
         rf"(?:on\s+)?(?:week\s?days|every\s+weekday|working\s+days|business\s+days)|"
         rf"every\s+day|daily|each\s+day|all\s+week|(?:seven|7)\s+days\s+a\s+week|"
         rf"(?:on\s+|at\s+)?(?:week-?ends?|saturdays?\s+and\s+sundays?)|(?:on\s+|every\s+)?{DAY})")
_WORKS = (r"\b(?:works?|working|is\s+open|are\s+open|opens?|open|operates?|operating|runs?|running|staffed|"
          r"hours|shifts?|available|in\s+use|manned|attended)\b")
_BREAK = r"\b(?:break|lunch|pause|closed|down|maintenance|stops?)\b"
_HOURS_LABEL = r"[^:]*\b(?:hours?|open\w*|shifts?|working|availab\w*|calendar|schedule|times?|days?)\b[^:]*:(?!\d)"
"""A label that says working hours follow ('Oven hours:', 'Opening times:')."""
_IDLE = (r"\b(?:nothing\s+can|no\s+\w+\s+(?:can|may)|can't\s+be\s+used|cannot\s+be\s+used|empty|inspect\w*|"
         r"clean(?:ing|ed)?|certification|calibration|servic(?:e|ing)|repairs?)\b")
"""Words of a window when nothing runs: never working hours ('the engineer is inspecting the oven from 07:00 to
07:30, and nothing can bake in that window')."""
_HOLIDAY = r"\b(?:holidays?|closed|shut|off|no\s+work|not\s+work\w*|day\s+off)\b"
_OFF = r"\b(?:closed|off|shut|no\s+work|not\s+work\w*|except|no\s+\w*\s*operation)\b"
_GENERIC = (r"^(?:we|shop|plant|factory|workshop|everything|everyone|all|machines?|line|site|team|crew|staff|it|they|"
            r"opening|working|work|operating|planning|the\s+\w+\s+and\s+.*)$")
_START = (rf"(?i)\b(?:(?:we\s+|planning\s+|the\s+schedule\s+|work\s+)?(?:start\w*|begin\w*|commenc\w*)|it'?s|it\s+is|"
          rf"today\s+is|now\s+is)\s*:?\s*(?:on\s+|at\s+)?(?:(?P<d>{DATE})|(?P<w>{DAY}))(?:\s*,?\s*(?:at\s+)?"
          rf"(?P<c>{CLOCK}))?")


@dataclass
class WrittenHours:
    """The working hours of one thing (`subject`, None: every machine) and its own holidays and closures."""

    subject: str | None
    week: dict[str, list[str]] = field(default_factory=dict)
    holidays: list[date] = field(default_factory=list)
    closed: list[tuple[datetime, datetime]] = field(default_factory=list)
    breaks: list[tuple[list[int], int, int]] = field(default_factory=list)  # (weekdays, from, to) every week
    one_off: list[tuple[int, int, int]] = field(default_factory=list)  # (weekday, from, to): 'down on Tuesday 9-11'


@dataclass
class WrittenCalendar:
    """Working hours read from text, the start, and the words read (quoted back in the notes)."""

    hours: list[WrittenHours] = field(default_factory=list)
    start: datetime | None = None
    quotes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    missing: str | None = None  # the question to ask when the start cannot be placed


def clock_minutes(text: str) -> int:
    """Minutes after midnight of a written clock time."""
    t = text.lower().replace(".", "").strip()
    if t in ("noon", "midday"):
        return 12 * 60
    if t == "midnight":
        return 24 * 60
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?\s*([ap]m)?", t)
    if m is None:
        raise ValueError(text)
    h, minutes = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3):
        h = h % 12 + (12 if m.group(3) == "pm" else 0)
    return h * 60 + minutes


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _day_index(text: str) -> int:
    return _DAY_NAMES.index(text.strip().lower()[:3])


def _days(text: str | None) -> list[int]:
    """Weekday numbers a days phrase names (every day when none is given)."""
    if not text:
        return list(range(7))
    t = text.lower()
    if re.search(r"weekend|saturdays?\s+and\s+sundays?", t):
        return [5, 6]
    if re.search(r"week\s?day|working days|business days", t):
        return list(range(5))
    if re.search(r"every day|daily|each day|all week|days a week", t):
        return list(range(7))
    named = re.findall(DAY, t)
    if re.search(rf"{DAY}(?:\s+nights?)?\s*(?:-|–|to|through|thru|until|till)\s*{DAY}", t) and len(named) == 2:
        a, b = _day_index(named[0]), _day_index(named[1])
        return [(a + k) % 7 for k in range((b - a) % 7 + 1)]
    return sorted({_day_index(d) for d in named})


def parse_date(text: str, after: date | None = None) -> date | None:
    """The date a phrase names ('7 December 2026', 'Dec 7', '2026-12-07'); a date without a year takes the year
    of `after` (or the next one when it would fall before it); None without a year and `after`."""
    t = re.sub(rf"^\s*{DAY}\s*,?\s*", "", text.strip().lower())
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})(?:,?\s+(\d{{4}}))?", t) or \
        re.fullmatch(rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?", t)
    if m is None:
        return None
    day_text, month_text = (m.group(1), m.group(2)) if m.group(1)[0].isdigit() else (m.group(2), m.group(1))
    month = _MONTHS.index(month_text[:3]) + 1
    if m.group(3):
        return date(int(m.group(3)), month, int(day_text))
    if after is None:
        return None
    found = date(after.year, month, int(day_text))
    return found if found >= after else date(after.year + 1, month, int(day_text))


def read_calendar(rw: Rewriting) -> WrittenCalendar | None:
    """The working hours and the dated start the text states, their words taken out of the text and every dated
    or clock time left rewritten as minutes after the start; None (and the text untouched) when the text states
    neither working hours nor a dated start."""
    cal = WrittenCalendar()
    taken: list[tuple[int, int]] = []
    shared = WrittenHours(subject=None)  # holidays and breaks said of no one in particular
    for s in re.finditer(r"[^.\n]+(?:\.(?!\d)|\n|$)", rw.text):
        subject = _subject(s.group(0))
        hours = None
        for part in re.finditer(r"[^;]+", s.group(0)):
            span = (s.start() + part.start(), s.start() + part.end())
            kind = _read_part(part.group(0), subject, hours, cal, shared)
            if kind == "hours":
                hours = cal.hours[-1]
            if kind is not None:
                taken.append(span)
    start = re.search(_START, rw.text)
    if not cal.hours and (start is None or not start.group("d")):
        return None
    if start is not None:
        taken.append(start.span())
        _place_start(cal, start)
    for a, b in sorted(taken, reverse=True):
        if not any(x <= a and b <= y and (x, y) != (a, b) for x, y in taken):
            cal.quotes.insert(0, " ".join(rw.text[a:b].strip(" ;,").split()))
            rw.splice(a, b, " ")
    for h in cal.hours:
        h.holidays += shared.holidays
        h.breaks += shared.breaks
        h.one_off += shared.one_off
        for days, a, b in h.breaks:
            _cut(h, days, a, b)
    weekday_only = start is not None and not start.group("d")
    if cal.start is None:
        _no_start(cal)
    undated = cal.start is not None and start is None or weekday_only  # the date was never given
    placed_by_date = re.search(DATE, rw.text, re.IGNORECASE) or any(h.holidays or h.closed for h in cal.hours) or \
        (start is None and re.search(rf"\b{DAY}", rw.text, re.IGNORECASE))
    if undated and placed_by_date:  # a date, a holiday or a weekday it cannot place is asked, never put in an
        cal.start = None            # example week
        cal.missing = ("On which date, and at what time, does the schedule start? The text gives dates or weekdays "
                       "that depend on it.")
    if cal.start is not None:
        for h in cal.hours:
            for weekday, a, b in h.one_off:
                day = datetime.combine(cal.start.date() + timedelta(days=(weekday - cal.start.weekday()) % 7), time())
                h.closed.append((day + timedelta(minutes=a), day + timedelta(minutes=b)))
            h.holidays = [d if d.year > 1 else _next(d, cal.start.date()) for d in h.holidays]
        _rewrite_times(rw, cal.start)
    return cal


def _subject(sentence: str) -> str | None:
    """What a sentence gives the hours of: 'Paint booth hours: ...', 'Welding bay: ...', 'The kiln is staffed ...'
    (None when it speaks of everything: 'we', 'the shop', 'opening hours')."""
    m = re.match(r"\s*(?:[-*•]\s*)?(?:the\s+|our\s+)?([a-z][\w -]{0,30}?)\s*(?:'s\s+)?(?:working\s+|opening\s+)?"
                 r"(?:hours|times|schedule|shifts?|calendar)?\s*:(?!\d)", sentence, re.IGNORECASE) or \
        re.match(r"\s*(?:the\s+|our\s+|its\s+)?([a-z][\w -]{0,30}?)\s+(?:works?|is|are|operates?|runs?|opens?|"
                 r"can\s+be\s+used)\b", sentence, re.IGNORECASE)
    if m is None:
        return None
    name = m.group(1).strip().lower()
    if re.fullmatch(_GENERIC, name) or re.search(rf"\b{DAY}|\d|\b{JOB_NOUN}\b", name) or len(name.split()) > 3:
        return None
    return name


def _read_part(text: str, subject: str | None, hours: WrittenHours | None, cal: WrittenCalendar,
               shared: WrittenHours) -> str | None:
    """Read one clause of a sentence: working hours, a break, holidays or closed days (the kind read, or None)."""
    windows = list(re.finditer(_WINDOW, text, re.IGNORECASE))
    dates = list(re.finditer(DATE, text, re.IGNORECASE))
    due = re.search(r"\b(?:due|deadline|needed|ready|by)\b", text, re.IGNORECASE)
    owner = hours or (next((h for h in cal.hours if h.subject == subject), None) if subject else None) or shared
    if windows and not dates and not due:
        pauses = [w for k, w in enumerate(windows)  # 'works 8:00-16:00 with a lunch break 12:00-12:30'
                  if re.search(_BREAK, text[windows[k - 1].end() if k else 0:w.start()], re.IGNORECASE)]
        work = [w for w in windows if w not in pauses]
        labelled = subject is not None and re.match(_HOURS_LABEL, text, re.IGNORECASE) is not None  # 'Oven hours:
        # 9:00-17:00', never 'The catch: the engineer is inspecting the oven from 07:00 to 07:30'
        idle = re.search(_IDLE, text, re.IGNORECASE)
        if work and not idle and (re.search(_WORKS, text, re.IGNORECASE) or hours is not None or
                                  labelled and not re.search(_BREAK, text, re.IGNORECASE)):
            target = hours or WrittenHours(subject=subject)
            if hours is None:
                cal.hours.append(target)
            _add_windows(target, text, work)
            target.breaks += [(list(range(7)), clock_minutes(w.group("a")), clock_minutes(w.group("b")))
                              for w in pauses]
            return "hours"
        if re.search(_BREAK, text, re.IGNORECASE):
            days = re.search(_DAYS, text, re.IGNORECASE)
            once = days is not None and not re.search(r"every|each|daily|s\.?$", days.group(0).strip(), re.I) \
                and len(_days(days.group(0))) == 1  # 'on Tuesday', not 'Tuesdays'
            for w in windows:
                a, b = clock_minutes(w.group("a")), clock_minutes(w.group("b"))
                if once and days is not None:
                    owner.one_off.append((_days(days.group(0))[0], a, b))
                else:
                    owner.breaks.append((_days(days.group(0) if days else None), a, b))
            return "break"
        return None
    if dates and not due and re.search(_HOLIDAY, text, re.IGNORECASE):
        found = [parse_date(d.group(0)) or _yearless(d.group(0)) for d in dates]
        if not all(found):
            return None
        if windows and len(found) == 1 and found[0] is not None:  # closed on one day for some hours
            day = datetime.combine(found[0], time())
            owner.closed += [(day + timedelta(minutes=clock_minutes(w.group("a"))),
                              day + timedelta(minutes=clock_minutes(w.group("b")))) for w in windows]
        else:
            owner.holidays += [d for d in found if d is not None]
        return "holidays"
    if not windows and not dates and re.search(_OFF, text, re.IGNORECASE) and \
            re.search(rf"{_DAYS}|\bnights?\b|\bovernight\b", text, re.IGNORECASE) and \
            (hours is not None or cal.hours) and not re.search(r"\d", text):
        return "off"  # 'closed at weekends', 'Nights and weekends off': outside the hours already
    return None


def _yearless(text: str) -> date | None:
    """A date written without its year, kept with year 1 until the start gives the year."""
    m = re.search(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})|({_MONTH})\s+(\d{{1,2}})", text, re.I)
    if m is None:
        return None
    day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return date(1, _MONTHS.index(month.lower()[:3]) + 1, int(day))


def _next(d: date, after: date) -> date:
    """The first date on or after `after` with the month and day of `d`."""
    found = date(after.year, d.month, d.day)
    return found if found >= after else date(after.year + 1, d.month, d.day)


def _add_windows(hours: WrittenHours, text: str, windows: list[re.Match[str]]) -> None:
    """Windows onto the days each days phrase names ('Mon-Fri 8-16, Sat 8-12'); phrases of days off are
    skipped ('closed at weekends'); with no days named, every day."""
    named = [d for d in re.finditer(_DAYS, text, re.IGNORECASE)
             if not re.search(rf"{_OFF}\W*(?:\w+\W+)?$", text[max(0, d.start() - 25):d.start()], re.IGNORECASE)
             and not re.match(rf"\W*{_OFF}", text[d.end():], re.IGNORECASE)]
    if len(named) <= 1:
        _add(hours, _days(named[0].group(0) if named else None), windows)
        return
    for k, d in enumerate(named):
        end = named[k + 1].start() if k + 1 < len(named) else len(text)
        mine = [w for w in windows if d.end() <= w.start() < end] or \
            [w for w in windows if w.end() <= d.start() and (k == 0 or w.start() >= named[k - 1].end())]
        _add(hours, _days(d.group(0)), mine)


def _add(hours: WrittenHours, days: list[int], windows: list[re.Match[str]]) -> None:
    for day in days:
        for w in windows:
            hours.week.setdefault(_DAY_NAMES[day], []).append(f"{_hhmm(clock_minutes(w.group('a')))}-"
                                                              f"{_hhmm(clock_minutes(w.group('b')))}")


def _cut(hours: WrittenHours, days: list[int], a: int, b: int) -> None:
    """A break [a, b) taken out of the windows of `days`."""
    for day in days:
        key = _DAY_NAMES[day]
        if key not in hours.week:
            continue
        out = []
        for window in hours.week[key]:
            x, y = (clock_minutes(v) for v in window.split("-"))
            y = y if y > x else y + 24 * 60
            pieces = ((x, min(y, a)), (max(x, b), y))
            out += [f"{_hhmm(p)}-{_hhmm(q % (24 * 60) if q > 24 * 60 else q)}" for p, q in pieces if p < q]
        hours.week[key] = out


def _place_start(cal: WrittenCalendar, m: re.Match[str]) -> None:
    """The start a phrase states: a date (or a weekday alone: dates are then those of an example week) and a
    clock time (else the first opening of that day)."""
    day = parse_date(m.group("d")) if m.group("d") else None
    if day is None and m.group("w"):
        day = date(2026, 1, 5) + timedelta(days=_day_index(m.group("w")))
        cal.notes.append(f"the start is on a {day:%A}; no date is given, so the dates shown are those of an example "
                         f"week")
    if day is None:
        return
    opening = [clock_minutes(w.split("-")[0]) for h in cal.hours for w in h.week.get(_DAY_NAMES[day.weekday()], [])]
    at = clock_minutes(m.group("c")) if m.group("c") else min(opening, default=0)
    cal.start = datetime.combine(day, time()) + timedelta(minutes=at)


def _no_start(cal: WrittenCalendar) -> None:
    """No dated start: hours that are the same every day start at the first opening; others ask."""
    daily = all(set(h.week) == set(_DAY_NAMES) and len({tuple(w) for w in h.week.values()}) == 1 for h in cal.hours)
    if not daily or any(h.holidays or h.one_off or h.closed for h in cal.hours):
        cal.missing = ("On which date, and at what time, does the schedule start? The working hours depend on the "
                       "weekday.")
        return
    opening = min((clock_minutes(w.split("-")[0]) for h in cal.hours for w in h.week["mon"]), default=None)
    if opening is None:  # hours read without a window on any day: when work starts is asked
        cal.missing = "At what time does the schedule start?"
        return
    cal.start = datetime.combine(date(2026, 1, 5), time()) + timedelta(minutes=opening)
    cal.notes.append(f"the schedule starts when work first opens, at {_hhmm(opening)} (the hours are the same every "
                     f"day, so the date does not matter)")


def _rewrite_times(rw: Rewriting, start: datetime) -> None:
    """Dated and clock times ('Tuesday at 10:00', '8 December 14:00', '8:00 tomorrow', 'by 11:30') as minutes after
    `start`."""
    def minutes(day: date, at: int) -> str:
        value = int((datetime.combine(day, time()) + timedelta(minutes=at) - start).total_seconds() // 60)
        return f"{value} min"

    def on_day(m: re.Match[str]) -> date | None:
        if m.group("d"):
            return parse_date(m.group("d"), start.date())
        if m.group("t"):
            return start.date() + timedelta(days=1 if m.group("t").lower() == "tomorrow" else 0)
        return start.date() + timedelta(days=(_day_index(m.group("w")) - start.weekday()) % 7)

    def dated(m: re.Match[str]) -> str:
        day = on_day(m)
        return m.group(0) if day is None else minutes(day, clock_minutes(m.group("c")))

    when = rf"(?:(?P<d>{DATE})|(?P<t>today|tomorrow)|(?:on\s+)?(?P<w>{DAY}))"
    rw.sub(rf"(?i)\b{when}\s*,?\s*(?:at\s+|by\s+)?(?P<c>{CLOCK})", dated)
    rw.sub(rf"(?i)(?<![\d:])(?P<c>{CLOCK})\s*,?\s*(?:on\s+)?{when}(?:\s*\(\s*{DAY}\s*\))?", dated)
    rw.sub(rf"(?i)(?<![\d:])(?P<c>{CLOCK})(?![\d:])(?<=\d|m|\.)",
           lambda m: minutes(start.date(), clock_minutes(m.group("c"))))
    rw.sub(r"(?i)\b(?P<p>at|by|until|till|before|after)\s+(?P<c>noon|midday|midnight)\b",
           lambda m: f"{m.group('p')} {minutes(start.date(), clock_minutes(m.group('c')))}")
