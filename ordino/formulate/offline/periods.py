"""Staffing by periods: demands per period of the day ('00-04: 3, 04-08: 5', '0:00 - 5, 4:00 - 3', 'six 4-hour
periods: 3, 5, 8'), shifts that cover several consecutive periods ('8-hour shifts'), fewest people. Read into a
linear model: x_s people start at period s and work its k periods; every period's demand is covered."""

from __future__ import annotations

import re

from ordino.formulate.offline.staff import MONEY, amounts
from ordino.formulate.offline.text import count_value, quote_around, sentence_bounds
from ordino.formulate.questions import Question
from ordino.models.linear import LinearModel

DAY = 24 * 60
_CLOCK = r"(\d{1,2})(?::(\d{2}))?"
_RANGE = re.compile(rf"(?<![\d:]){_CLOCK}\s*(?:-|to)\s*(\d{{1,2}})(?::(\d{{2}})|(?!:\d))\s*(?:h\b|hrs?\b)?\s*"
                    r"(?:\(\s*(?:needs?|requires?|demand)\s*:?|[:=|]|needs?|requires?)\s*(?:needs?\s+|requires?\s+)?(\d+)\b"
                    r"(?!\s*(?::\d|-\s*\d|h\b))")
_LINE_RANGE = re.compile(r"(?m)^[ \t|]*(\d{1,2})(?::(\d{2}))?\s*(?:-|to)\s*\d{1,2}(?::\d{2})?[ \t|,]+(\d+)[ \t|]*$")
_START = re.compile(r"(?<![\d:-])(\d{1,2}):(\d{2})\s*(?:-|:|=|\|)\s*(\d+)\b(?!\s*:\d)")
_START_RUN = re.compile(r"(?<![\d:])(?:\d{1,2}:\d{2}[ \t]+\d+[ \t]*,[ \t]*){2,}\d{1,2}:\d{2}[ \t]+\d+\b(?![:.]\d)")
"""Demands after the start of each period, in a run apart by commas: '11:00 2, 12:00 5, 13:00 5'."""
_LIST = re.compile(r"(\d+)[- ]hours?\s+(?:periods?|blocks?|slots?)[^.:\d]{0,60}:\s*((?:\d+\s*,\s*)+(?:and\s+)?\d+)")
_SHIFT = re.compile(r"(\d+)[- ]?(?:hours?|hrs?|h)\s+shifts?|"
                    r"shifts?\s+(?:last|lasting|of|are|is|run for|runs for|cover)\s+(?:\w+\s+)?(\d+)\s*"
                    r"(?:hours?|hrs?|h\b)|"
                    r"works?\s+an?\s+(\d+)[- ]?(?:hours?|hrs?|h)\s+(?:shift|block|stint|slot)|"
                    r"works?\s+(\d+)\s+(?:consecutive\s+)?(?:hours?|hrs?|h)\b")
_SPAN = re.compile(r"(?:covers?|\()\s*(two|three|four|2|3|4)\s+consecutive\s+(?:periods?|blocks?|slots?)|"
                   r"\((two|three|four|2|3|4)\s+(?:periods?|blocks?|slots?)\)")
_ONE_RANGE = r"(?<![\d:])(\d{1,2})(?::(\d{2}))?\s*-\s*\d{1,2}(?::\d{2})?(?![\d:])"
_RANGES = re.compile(rf"{_ONE_RANGE}(?:\s*,\s*(?:and\s+)?{_ONE_RANGE}){{2,}}")
"""A run of at least three periods written as ranges ('00-04, 04-08, 08-12')."""
_VECTOR = re.compile(r"(?:\(|\[|[:=]\s*|\b(?:staffing|demands?|needs?|requirements?|required)\s+(?:of\s+)?)\s*"
                     r"((?:\d+\s*,\s*){2,}\d+|(?:\d+[ \t]+){2,}\d+)\s*[)\]]?(?:\s*respectively\b)?")
_MIN_COST = re.compile(r"\b(?:minimi[sz]e|min|minimum|minimal|lowest|cheapest|least|smallest)\b[^.?]{0,40}\b(?:costs?|"
                       r"pay|wages?|bill|spend\w*|budget)\b|\bcheapest\b")
_COST_LIST = re.compile(r"\bcosts?\b[^.:=\d]{0,30}[:=]?\s*[$\u20ac\u00a3]?\s*((?:\d+(?:\.\d+)?\s*,\s*)+(?:and\s+)?"
                        r"\d+(?:\.\d+)?)")
_COSTED = re.compile(r"\b(?:costs?|pay|paid|wages?|budget|price)\b|[$\u20ac\u00a3]")
_FEWEST = re.compile(r"\b(?:minimi[sz]e|minimum|min|fewest|smallest|(?<!at )least)\b[^.?]{0,50}\b"
                     r"(?:number|people|workers?|staff|employees?|agents?|nurses?|persons?)\b|"
                     r"\bhow many (?:people|workers|staff|employees)\b(?=[^.?:\n]{0,80}\?)")
"""The goal of fewest people ('how many people do we need at minimum?'; never 'this is how many people I need
each hour:', which gives the demands)."""
_OPEN = re.compile(rf"\bopen(?:s|ing hours)?\s+(?:from\s+)?{_CLOCK}\s*(?:to|-|until|till)\s*(?:{_CLOCK}|(midnight))")
"""Opening hours: 'open 06:00 to midnight', 'opens 8:00-20:00'."""
_WORDS = {"two": 2, "three": 3, "four": 4}
_NEED_FIRST = re.compile(rf"(?<![\d:.$])(\d+)\s+(?:[a-z]+\s+)?(?:for|during|from|in|between)\s+(?:the\s+)?{_CLOCK}\s*"
                         r"(?:-|to)\s*\d{1,2}(?::\d{2})?\b(?!\s*(?:h\b|hours?))")
_SHIFT_TYPE = re.compile(rf"(?m)^[ \t|*\u2022-]*(?P<name>[a-z][\w'&/ -]{{0,30}}?)[ \t]*(?:\bshift\b)?[ \t,:|(]*"
                         rf"(?:from\s+)?{_CLOCK}(?:[ \t]*(?:-|to|\|)[ \t]*|[ \t]+){_CLOCK}[ \t)]*,?[ \t]*"
                         r"(?:\bcosts?\b(?:[ \t]+(?:us|me|them))?)?"
                         r"[ \t,:;=|]*(?:[$\u20ac\u00a3][ \t]*)?(?P<cost>\d+(?:\.\d+)?)?[ \t]*"
                         r"(?:\$|dollars?|euros?|pounds?)?[ \t]*(?:(?:per|a|an|each|/)[ \t]*[a-z]+(?: [a-z]+)?)?"
                         r"[ \t]*(?:\([^()\d\n]*\))?[ \t,;|]*"
                         r"(?:(?:max(?:imum)?\.?|at\s+most|up\s+to)[ \t:|]*(?P<cap>\d+))?"
                         r"[ \t.;|]*$")
"""One shift type on a line: its name, start and end, its cost and the most people it may have ('- Early, 8am-2pm:
$120 per agent', 'Early 06:00 14:00 120', '| A | 06:00 | 10:00 | 60 |', 'Early  06:00-14:00  max 4')."""
_SPLIT_TYPE = re.compile(r"(?m)^[ \t|*\u2022-]*(?P<name>[a-z][\w'&/ -]{0,30}?)[ \t]*(?:\bshift\b)?[ \t,:|(]*"
                         r"(?P<a>\d{1,2}(?::\d{2})?)[ \t]*-[ \t]*(?P<b>\d{1,2}(?::\d{2})?)[ \t]*"
                         r"(?:(?:,|\+|&)[ \t]*(?:and[ \t]+)?|and[ \t]+)(?:then[ \t]+)?(?:again[ \t]+)?"
                         r"(?P<c>\d{1,2}(?::\d{2})?)[ \t]*-[ \t]*(?P<d>\d{1,2}(?::\d{2})?)[ \t).;|]*$")
"""A split shift on a line of its own, two stretches of hours: 'Split: 11:00-14:00 and then again 18:00-23:00'."""
_CAP = re.compile(r"\b(?:at\s+most|no\s+more\s+than|up\s+to|max(?:imum)?(?:\s+of)?)\s+(?P<n>\d+)\s+(?:[a-z]+\s+)?"
                  r"(?:on|in|for)\s+(?:the\s+|each\s+)?(?P<name>[a-z][\w -]{0,20}?)\s+(?:shift|template)s?\b")
"""The most people one shift type may have, said in a sentence: 'at most 2 people on the split shift'."""


_HOURS_GOAL = re.compile(r"\b(?:minimi[sz]e|minimum|lowest|fewest|least)\s+(?:the\s+)?(?:total\s+)?(?:number\s+of\s+)?"
                         r"(?:paid|staff|person[- ]?|man[- ]?|worked|working|labou?r)\s*hours\b")
"""A goal that counts hours ('minimize the total paid hours'): neither a head count nor a cost per shift."""
_HOURS_SPAN = re.compile(r"(?<![\d:])(\d{1,2})(?::(\d{2}))?\s*(?:-|to|until)\s*(\d{1,2})(?::(\d{2}))?(?![\d:])")


def _range_of(m: re.Match[str]) -> tuple[int, int] | None:
    """(start, end) in minutes of a span of clock hours with minutes at both ends ('6:00-14:00', '22:00-06:00'); None
    for one without ('6-8' may be a count, '0:00 - 5' a demand)."""
    if m.group(2) is None or m.group(4) is None:
        return None
    a, b = int(m.group(1)) * 60 + int(m.group(2)), int(m.group(3)) * 60 + int(m.group(4))
    return (a, b) if b > a else (a, b + DAY)


_TWELVE = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*(am|pm)\b")


def _cost_said(t: str) -> bool:
    """Whether the text asks for a cost or gives amounts of money: a count of people is then never the answer."""
    return _MIN_COST.search(t) is not None or MONEY.search(t) is not None


def _twenty_four(m: re.Match[str]) -> str:
    """'9am' -> '9:00', '1pm' -> '13:00', '12am' -> '0:00' (a start without its own am/pm runs on as written)."""
    hour = int(m.group(1)) % 12 + (12 if m.group(3) == "pm" else 0)
    return f"{hour}:{m.group(2) or '00'}"


def _clock_text(text: str) -> str:
    """Lower case, dashes as '-', 'noon' and 'midnight' as clock times, 12-hour times on the 24-hour clock."""
    t = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    t = re.sub(r"\bnoon\b|\bmidday\b(?=\s*(?:-|to\b))|(?<=-)\s*midday\b", "12:00", t)
    t = re.sub(r"(?<=-)\s*midnight\b", "24:00", re.sub(r"\bmidnight\b(?=\s*(?:-|to\b))", "0:00", t))
    t = re.sub(r"(?m)(\d(?:\s*[ap]m)?[ \t]*:[ \t]*)(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
               r"(?=[ \t]*(?:[,;.]|$))", lambda m: m.group(1) + str(count_value(m.group(2))), t)  # '7-8: two'
    return _TWELVE.sub(_twenty_four, t)


_INDEXED = re.compile(r"\bperiods?\s+1\s*(?:-|\.\.|to)\s*(\d+)\b[^\n]*?\b(?:demands?|needs?|required|requirements?)\b"
                      r"[^\n(=:\d]{0,20}[=:]?\s*[(\[]?\s*(\d+(?:\s*,\s*\d+)+)")
"""Periods by number and their demands: 'periods 1-6, demand d = (3, 5, 7, 6, 4, 2)'."""
_INDEXED_TYPE = re.compile(r"(?im)^[ \t*-]*(?P<name>[a-z][\w'-]*(?: [\w'-]+){0,2})\s*[:=]\s*(?:periods?\s+)?"
                           r"(?P<a>\d+)\s*(?:-|\u2013|\.\.|to)\s*(?P<b>\d+)\s*[,;]\s*(?:cost\s*)?[$\u20ac\u00a3]?\s*"
                           r"(?P<cost>\d+(?:\.\d+)?)[ \t.]*$")
"""A shift type over numbered periods, both ends included, and its cost: 'A: 1-3, 30'."""


def _indexed_periods(text: str) -> list[tuple[int, int]] | None:
    """The demands of numbered periods, period k starting at (k - 1) hours; None when the text has none."""
    m = _INDEXED.search(_clock_text(text))
    if m is None:
        return None
    demands = [int(d) for d in re.findall(r"\d+", m.group(2))]
    return [(k * 60, d) for k, d in enumerate(demands)] if len(demands) == int(m.group(1)) else None


def read_periods(text: str) -> list[tuple[int, int]] | None:
    """(start in minutes, demand) of each period in order, when the text lists at least three; else None.
    Starts on a 12-hour clock ('7-9: 2, 9-11: 3, 11-1: 5, 1-3: 4') run on past noon; numbered periods start an
    hour apart."""
    if (indexed := _indexed_periods(text)) is not None:
        return indexed
    t = "\n".join("" if _is_type_line(line, text) else line for line in _clock_text(text).split("\n"))
    found = _across(t)  # a table across: 'Slot 07-09 09-11 11-13' over 'Nurses needed 4 5 6' (before the ranges of
    if len(found) < 3:  # shift types in rows below it are taken for periods)
        found = [(int(h1) * 60 + int(m1 or 0), int(d)) for h1, m1, _, _, d in _RANGE.findall(t)]
    if len(found) < 3:  # the demand first: '4 for 8-10am, 7 for 10am-noon'
        found = [(int(h) * 60 + int(m or 0), int(d)) for d, h, m in _NEED_FIRST.findall(t)]
    if len(found) < 3:  # one period a line: '06:00-08:00 2'
        found = [(int(h1) * 60 + int(m1 or 0), int(d)) for h1, m1, d in _LINE_RANGE.findall(t)]
    if len(found) < 3:
        found = [(int(h) * 60 + int(m), int(d)) for h, m, d in _START.findall(t)]
    if len(found) < 3 and (run := _START_RUN.search(t)) is not None:  # '11:00 2, 12:00 5, 13:00 5'
        found = [(int(h) * 60 + int(m), int(d))
                 for h, m, d in re.findall(r"(\d{1,2}):(\d{2})[ \t]+(\d+)", run.group(0))]
    if len(found) < 3 and (listed := _LIST.search(t)) is not None:
        length = int(listed.group(1)) * 60
        found = [(k * length, int(d)) for k, d in enumerate(re.findall(r"\d+", listed.group(2)))]
    if len(found) < 3:  # 'periods: 00-04, 04-08, 08-12 ... staff b = (4, 6, 10)': ranges, then their demands
        run = _RANGES.search(t)
        vector = _VECTOR.search(t, run.end()) if run else None
        demands = [int(d) for d in re.findall(r"\d+", vector.group(1))] if vector else []
        ranges = re.findall(_ONE_RANGE, run.group(0)) if run else []
        if len(demands) == len(ranges):
            found = [(int(h) * 60 + int(m or 0), d) for (h, m), d in zip(ranges, demands, strict=True)]
    if len(found) < 3:  # '6 periods of 4 h (starting 00:00, ...)' and then 'b = (3, 5, 9, 12, 8, 6)'
        found = _counted_periods(t)
    for k in range(1, len(found)):  # a 12-hour clock: '11-1' after '9-11' is 11:00-13:00
        if found[k][0] <= found[k - 1][0] and found[k][0] + 12 * 60 > found[k - 1][0]:
            found[k:] = [(s + 12 * 60, d) for s, d in found[k:]]
        elif found[k][0] <= found[k - 1][0]:  # past midnight: '23:00-03:00' then '03:00-07:00'
            found[k:] = [(s + DAY, d) for s, d in found[k:]]
    return found if len(found) >= 3 else None


_COUNTED = re.compile(r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:periods?|blocks?|"
                      r"slots?|intervals?)\s+of\s+(?P<k>\d+)\s*(?:hours?|hrs?|h)\b(?P<rest>[^\n]*)")
"""'6 periods of 4 h': that many periods, each that long, back to back (from the first clock time after it)."""


def _counted_periods(t: str) -> list[tuple[int, int]]:
    """(start, demand) of 'N periods of K h' whose demands are the next vector of exactly N numbers."""
    m = _COUNTED.search(t)
    if m is None:
        return []
    n, length = count_value(m.group("n")), int(m.group("k")) * 60
    first = re.search(r"\b(\d{1,2}):(\d{2})\b", m.group("rest"))
    origin = int(first.group(1)) * 60 + int(first.group(2)) if first else 0
    for vector in _VECTOR.finditer(t, m.end()):
        demands = [int(d) for d in re.findall(r"\d+", vector.group(1))]
        if len(demands) == n:
            return [(origin + k * length, d) for k, d in enumerate(demands)]
    return []


def _clock_span(m: re.Match[str]) -> tuple[int, int]:
    """Start and end in minutes of the two clock times in groups 2-5 of a shift's match (an end at or before the
    start runs on into the next day)."""
    start, end = (int(h) * 60 + int(mm or 0) for h, mm in ((m.group(2), m.group(3)), (m.group(4), m.group(5))))
    return start, end + (DAY if end <= start else 0)


def _across(t: str) -> list[tuple[int, int]]:
    """Periods as the columns of a table: a line of ranges, and under it a line of the demands."""
    lines = [line for line in t.split("\n") if not re.fullmatch(r"[\s|:+-]*", line) or not line.strip()]
    for above, below in zip(lines, lines[1:], strict=False):
        ranges = re.findall(_ONE_RANGE, above)
        head = re.fullmatch(rf"[\s|]*[a-z][a-z ]*(?:[\s|]+{_ONE_RANGE})+[\s|]*", above)
        needs = re.fullmatch(r"[\s|]*[a-z][a-z ]*(?P<l>(?:[\s|]+\d+)+)[\s|]*", below)
        if head and needs and len(ranges) >= 3:
            demands = [int(d) for d in re.findall(r"\d+", needs.group("l"))]
            if len(demands) == len(ranges):
                return [(int(h) * 60 + int(m or 0), d) for (h, m), d in zip(ranges, demands, strict=True)]
    return []


def _type_table(text: str) -> list[tuple[str, int, int, float | None]] | None:
    """Shift types as rows under a header 'Shift Start End [Hours] Rate (per hour) | Cost', or with the span in one
    column ('Shift | Hours | Length | Cost ($)' over 'A | 00:00-08:00 | 8 h | 240'): a rate per hour is multiplied
    by the shift's hours, and a length said must agree with the clock."""
    lines = [ln for ln in _clock_text(text).split("\n") if not re.fullmatch(r"[\s|:+-]*", ln)]
    for k, head in enumerate(lines):
        cells = [c for c in re.split(r"\s*\|\s*|\s{2,}|\t|\s*,\s*", head.strip(" |")) if c]
        low = [c.lower() for c in cells]
        if len(low) < 3 or not re.match(r"shift|name|type", low[0]):
            continue
        if low[1:3] == ["start", "end"]:
            clocks, between = 2, r"[\s|,]+"
        elif re.fullmatch(r"hours|times?|span|window|from\s*[-\u2013]\s*to", low[1]):
            clocks, between = 1, r"\s*(?:-|to)\s*"
        else:
            continue
        rest = low[1 + clocks:]  # the columns after the clock times
        money = next((i for i, c in enumerate(rest) if re.match(r"rate|cost|pay|wage", c)), None)
        if money is None:
            return None
        length = next((i for i, c in enumerate(rest) if re.fullmatch(r"hours?|hrs?|length|duration", c)), None)
        hourly = re.search(r"/\s*h\b|per\s+hour|hourly|/hr", rest[money]) is not None or \
            rest[money].startswith("rate") and length is not None
        found: list[tuple[str, int, int, float | None]] = []
        for row in lines[k + 1:]:
            m = re.fullmatch(rf"[\s|]*(?P<name>[a-z][\w' -]*?)[\s|,]+{_CLOCK}{between}{_CLOCK}"
                             r"(?P<rest>(?:[\s|,]+\d+(?:\.\d+)?(?:\s*h\b)?)+)[\s|]*", row)
            if m is None and re.search(r"\d:\d\d", row):
                return None  # a row of hours not read ('P1,10:00,14:00,70'): the whole table asked, none dropped
            if m is None:
                break
            numbers = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", m.group("rest"))]
            if len(numbers) != len(rest):
                return None
            start, end = _clock_span(m)
            rate = numbers[money]
            if length is not None and numbers[length] != (end - start) / 60:
                return None  # hours that disagree with the clock: asked
            name = m.group("name").strip()
            written = re.search(rf"(?im)^[ \t|*\u2022-]*({re.escape(name)})(?!\w)", text)
            found.append((written.group(1) if written else name, start, end,
                          rate * (end - start) / 60 if hourly else rate))
        return found if len(found) >= 2 else None
    return None


_ROUND_THE_CLOCK = re.compile(r"24\s*/\s*7|(?:a)?round[- ]the[- ]clock|24 hours a day|\b(?:run|open|operate|work|staff)"
                              r"\w*\s+(?:for\s+|all\s+)?24\s*(?:hours|hrs|h)\b")
"""Work that goes on all day: its periods must fill the day ('we run 24 hours', '24/7')."""


def looks_like_period_cover(text: str) -> bool:
    """Demands per period of the day and shifts longer than one period."""
    t = text.lower()
    return read_periods(text) is not None and bool(_SHIFT.search(t) or _SPAN.search(t) or read_shift_types(text)) \
        and re.search(r"\b(?:jobs?|machines?|processing)\b", t) is None


def read_period_cover(text: str) -> tuple[LinearModel | None, list[Question], list[str]]:
    """The period cover model of a staffing text, or the questions that would complete it."""
    t = text.lower()
    periods = read_periods(text) or []  # (a partial day, even 'every day', does not wrap)
    starts = [s for s, _ in periods]
    steps = {b - a for a, b in zip(starts, starts[1:], strict=False)}
    if len(steps) != 1 or steps.pop() <= 0:
        return None, [Question(key="periods", text="The periods must follow each other with one length; give each "
                               "period's start and its demand in order (e.g. '0:00 - 5, 4:00 - 3, ...')")], []
    length = starts[1] - starts[0]
    opening = _OPEN.search(_clock_text(text))
    if opening is not None:  # 'open 06:00 to midnight': the periods span the opening hours, none left out
        opens_at = int(opening.group(1)) * 60 + int(opening.group(2) or 0)
        closes = DAY if opening.group(5) else int(opening.group(3)) * 60 + int(opening.group(4) or 0)
        if (opens_at, closes) != (starts[0], starts[-1] + length):
            return None, [Question(key="periods", text="The periods given do not span the opening hours "
                                   f"({opening.group(0).strip()}); how many are needed in the rest of them?")], []
    if _ROUND_THE_CLOCK.search(t) and len(periods) * length != DAY:
        return None, [Question(key="periods", text=f"The text says the work runs round the clock, but the periods "
                               f"given cover {len(periods) * length // 60} hours; how many are needed in the rest of "
                               "the day?")], []
    if (in_hours := _HOURS_GOAL.search(t)) is not None:
        return None, [Question(key="objective", text=f"The goal counts hours ('{in_hours.group(0)}'); minimise the "
                               "number of people, or a cost per shift (give it per start time)?",
                               choices=["people"])], []
    types = read_shift_types(text)
    if types is not None and (unread := _unread_type_lines(text)):
        return None, [Question(key="shifts", text="I could not read these shift types: " + "; ".join(
            f"'{line}'" for line in unread) + ". Write each as 'name, 08:00-16:00, cost 100'.")], []
    if types is not None:
        return _typed_cover(periods, length, types, t, read_split_types(text) if _indexed_periods(t) is None else {})
    span = _SPAN.search(t)
    shift = _SHIFT.search(t)
    if span is not None:
        said = span.group(1) or span.group(2)
        k = _WORDS.get(said) or int(said)
    else:
        assert shift is not None  # looks_like_period_cover saw one of the two
        minutes = int(next(g for g in shift.groups() if g)) * 60
        if minutes % length:
            return None, [Question(key="shift", text=f"A shift of {minutes // 60} hours is not a whole number of "
                                   f"{length // 60}-hour periods; how many periods does a shift cover?")], []
        k = minutes // length
    lengths = {int(h) for h in re.findall(r"\b(\d{1,2})[- ]?(?:hours?|hrs?|h)\b", t)} - {
        length // 60, k * length // 60, (starts[-1] + length - starts[0]) // 60}
    if lengths:  # 'either 4 hours or 6 hours': shifts of several lengths, never one of them alone
        return None, [Question(key="shift", text=f"The text names shifts of {k * length // 60} hours and of "
                               f"{', '.join(map(str, sorted(lengths)))} hours; write each kind of shift with its "
                               "length, its start times and its cost (e.g. 'a 4-hour shift starting at 8, 10 or 12 "
                               "costs $60').")], []
    n = len(periods)
    cyclic = n * length == DAY  # only periods that fill the day wrap round midnight into the next one
    labels = [f"{s // 60 % 24:02d}:{s % 60:02d}" for s in starts]
    opens: list[int] = list(range(n) if cyclic else range(n - k + 1))  # a shift must fit before closing
    allowed = _allowed_starts(t)
    if allowed is not None:  # 'shifts can start at 8, 10 or 12': only those (on a 12-hour clock '1' may be 13:00)
        hours = {s // 60 % 24 for s in starts}
        allowed = [h if h in hours or (h + 12) % 24 not in hours else (h + 12) % 24 for h in allowed]
        unknown = [h for h in allowed if h not in hours]
        if unknown:
            return None, [Question(key="starts", text=f"Shifts are said to start at {', '.join(map(str, unknown))}, "
                                   "which is not the start of a period. When can a shift start?")], []
        opens = [s for s in opens if starts[s] // 60 % 24 in allowed]
    costs = _shift_costs(t, [labels[s] for s in opens]) if _COSTED.search(t) else None
    if costs is None and _cost_said(t):  # never the head count in place of a cost
        return None, [Question(key="costs", text="What does a shift cost? Give the cost of each start time (e.g. "
                               "'08:00 - 60, 10:00 - 64, ...').")], []
    if costs is not None and (unplaced := [at for v, at in amounts(text).items() if v not in costs.values()]):
        return None, [Question(key="costs", text="I could not place the amounts in these parts: " + "; ".join(
            repr(quote_around(text, *sentence_bounds(text, at), at)) for at in unplaced[:5])
            + ". Give the cost of each start time (e.g. '08:00 - 60, 10:00 - 64').")], []
    if costs is None and not _FEWEST.search(t):
        return None, [Question(key="objective", text="What should be minimised? (the number of people, or a cost "
                               "per shift: give it per start time)", choices=["people"])], []
    known = {(s, s + length) for s in starts} | {(starts[0], starts[-1] + length)} | (
        {(opens_at, closes)} if opening is not None else set())
    said = {m.group(0): _range_of(m) for m in _HOURS_SPAN.finditer(_clock_text(text))}
    shifts = {starts[s]: (starts[s], starts[s] + k * length) for s in opens}
    spans = set(shifts.values())
    listed = {span for span in said.values() if span in spans}
    other = [o for o, span in said.items() if span not in known | spans | {None}]
    if other or listed and listed != spans:  # spans of hours that are no period, or shifts listed
        # by their hours but not every one that may start: shift types this reader does not read
        return None, [Question(key="shifts", text="I could not read these hours: " + ", ".join(
            f"'{o}'" for o in (other or [o for o, span in said.items() if span in listed])[:5])
            + ". Write each shift type on its own line: 'name, 08:00-16:00, cost 100'.")], []
    bare = [labels[p] for p in range(n) if not any(((p - s) % n < k) if cyclic else (0 <= p - s < k) for s in opens)]
    if bare:  # a period no allowed shift covers
        return None, [Question(key="starts", text=f"No allowed shift start covers {', '.join(bare)}. When can a shift "
                               "start?")], []
    names = [f"start {labels[s]}" for s in opens]
    variables = [{"name": name, "kind": "integer", "lower": 0} for name in names]
    constraints = []
    for p, (label, (_, need)) in enumerate(zip(labels, periods, strict=True)):
        on = [s for s in opens if (p - s) % n < k] if cyclic else [s for s in opens if 0 <= p - s < k]
        constraints.append({"name": f"cover {label}", "terms": {f"start {labels[s]}": 1.0 for s in on},
                            "sense": ">=", "rhs": float(need)})
    notes = [f"each shift covers {k} consecutive periods of {length // 60} hours"
             + ("; the day wraps round midnight" if cyclic else "; every shift ends by the last period's end")]
    terms = {name: (costs or {}).get(name, 1.0) for name in names}
    model = LinearModel.model_validate({"family": "linear", "variables": variables, "constraints": constraints,
                                        "objective": {"sense": "min", "terms": terms}})
    return model, [], notes


def read_split_types(text: str) -> dict[str, list[tuple[int, int]]]:
    """Each split shift's stretches of hours (start, end in minutes), by its name as written."""
    out: dict[str, list[tuple[int, int]]] = {}
    for m in _SPLIT_TYPE.finditer(_clock_text(text)):
        name = re.sub(r"\s+shift$", "", m.group("name").strip())
        written = re.search(rf"(?im)^[ \t|*\u2022-]*({re.escape(name)})(?!\w)", text)
        minutes = [int(h) * 60 + int(mm or 0) for h, _, mm in (m.group(k).partition(":") for k in "abcd")]
        a, b, c, d = minutes
        if a < b <= c < d:
            out[written.group(1) if written else name] = [(a, b), (c, d)]
    return out


def _type_caps(t: str, names: list[str]) -> dict[str, int] | None:
    """The most people each shift type may have, from its own line ('Early 06:00-14:00 max 4') or a sentence ('at
    most 2 people on the split shift'), by type name; None when a limit names no type or one twice."""
    lowered = {n.lower(): n for n in names}
    caps: dict[str, int] = {}
    for m in _SHIFT_TYPE.finditer(_clock_text(t)):
        name = re.sub(r"\s+shift$", "", m.group("name").strip())
        if m.group("cap") and name in lowered:
            caps[lowered[name]] = int(m.group("cap"))
    for m in _CAP.finditer(t):
        said = lowered.get(m.group("name").strip())
        if said is None or said in caps:
            return None
        caps[said] = int(m.group("n"))
    return caps


def _allowed_starts(t: str) -> list[int] | None:
    """The hours at which shifts may start, when the text lists them ('start at 8, 10 or 12', 'can begin at 07:00,
    11:00 or 15:00')."""
    m = re.search(r"\b(?:(?:shifts?|blocks?|stints?)\b[^.;?]{0,40}?|(?:can|may|could)\s+)(?:start|begin)s?\s+"
                  r"(?:only\s+)?(?:at\s+|on\s+(?:the\s+)?(?:\w+\s+){0,2}hours?\s*:?\s*)?"
                  r"(?P<l>\d{1,2}(?::\d{2})?\s*(?:am|pm)?(?:\s*(?:,|or|and)\s*\d{1,2}(?::\d{2})?\s*(?:am|pm)?)+)"
                  r"(?!\s*(?:->|\u2192|=|:|costs?))", t)
    if m is None:
        return None
    hours = []
    for h, minutes, ap in re.findall(r"(\d{1,2})(?::(\d{2}))?\s*(am|pm)?", m.group("l")):
        if minutes not in ("", "00"):
            return None  # a start between hours: not read here
        hours.append(int(h) % 12 + 12 if ap == "pm" else int(h) % 24)
    return hours


def _shift_costs(t: str, starts: list[str]) -> dict[str, float] | None:
    """The cost of one shift by its start ('| 08:00 | 200 |'), or in the order of the starts ('cost per shift =
    60, 60, 64, 70, 80 respectively'), when the text gives one for every start."""
    found = {f"start {int(h) % 24:02d}:{m}": float(c) for h, m, c in
             re.findall(r"(?<![\d:-])(?<!-\s)(?<!\bto\s)(\d{1,2}):(\d{2})\s*(?:(?:-|:|=|\||->|\u2192)\s*[$\u20ac\u00a3]?|[$\u20ac\u00a3])\s*"
                        r"(\d+(?:\.\d+)?)\b(?!\s*:\d|\s*,\s*\d+(?!\d*:))", t)}  # (not '| 00:00 | 1, 2 |': periods)
    wanted = [f"start {s}" for s in starts]
    if set(wanted) <= set(found):
        return {k: found[k] for k in wanted}
    by_start = {f"start {int(h) % 24:02d}:00": float(c) for h, c in re.findall(  # 'starting at 8 costs 80, at 10 ...'
        r"\bat\s+(\d{1,2})(?::00)?\s*(?:am|pm)?\s+costs?\s+[$\u20ac\u00a3]?\s*(\d+(?:\.\d+)?)\b", t)}
    by_start.update({f"start {int(h) % 24:02d}:00": float(c) for c, h in re.findall(  # '$300 for a 7:00 start'
        r"[$\u20ac\u00a3]\s*(\d+(?:\.\d+)?)\s+for\s+(?:an?\s+)?(\d{1,2})(?::00)?\b(?:\s+starts?)?", t)})
    # 'start 06 -> 150; start 08, 10, 12 -> 140'
    for hours, cost in re.findall(r"\bstarts?\s+(?:at\s+)?((?:\d{1,2}(?::00)?\s*(?:,|\bor\b|\band\b)?\s*)+?)\s*"
                                  r"(?:->|\u2192|=|:(?!\d{2}\b)|costs?)\s*[$\u20ac\u00a3]?\s*(\d+(?:\.\d+)?)\b", t):
        for h in re.findall(r"\d{1,2}(?=(?::00)?\b)", hours):
            by_start[f"start {int(h) % 24:02d}:00"] = float(cost)
    if by_start and set(wanted) <= set(by_start):
        return {k: by_start[k] for k in wanted}
    listed = _COST_LIST.search(t)
    values = [float(v) for v in re.findall(r"\d+(?:\.\d+)?", listed.group(1))] if listed else []
    return dict(zip(wanted, values, strict=True)) if len(values) == len(wanted) else None


def read_shift_types(text: str) -> list[tuple[str, int, int, float | None]] | None:
    """(name, start, end in minutes, cost or None) of each shift type the text defines on its own line, when it
    defines at least two ('- Early, 8am-2pm: $120 per agent'; table rows 'Early 06:00 14:00 120'); ends past
    midnight run on into the next day."""
    if (indexed := _indexed_periods(text)) is not None:  # 'A: 1-3, 30' over numbered periods
        typed: list[tuple[str, int, int, float | None]] = [
            (m.group("name"), (int(m.group("a")) - 1) * 60, int(m.group("b")) * 60, float(m.group("cost")))
            for m in _INDEXED_TYPE.finditer(text)]  # names as written
        fits = all(0 <= a < b <= len(indexed) * 60 for _, a, b, _ in typed)
        return typed if len(typed) >= 2 and fits and len({n for n, *_ in typed}) == len(typed) else None
    found = []
    for m in _SHIFT_TYPE.finditer(_clock_text(text)):
        name = _type_name(m, text)
        if name is None:
            continue
        start, end = _clock_span(m)
        said = re.search(r"(\d{1,2})\s?h$", name)
        if said and int(said.group(1)) * 60 != end - start:
            return None  # 'Early 8h 07:00-13:00': the name and the hours disagree
        found.append((name, start, end, float(m.group("cost")) if m.group("cost") else None))
    if len(found) < 2:
        found = _type_table(text) or _shift_items(_clock_text(text))
    return _told_apart(found) if len(found) >= 2 else None


def _is_type_line(line: str, text: str) -> bool:
    """Whether a line defines a shift type ('F1 | 09:00-13:00 | 88'): its hours are no period of demand."""
    if not re.search(r"\d\s*(?:-|to)\s*\d", line):
        return False
    m = _SHIFT_TYPE.fullmatch(re.sub(r"[ \t]+", " ", line))  # one blank apart: no run of blanks to try splits of
    return m is not None and _type_name(m, text) is not None


def _type_name(m: re.Match[str], text: str) -> str | None:
    """The name of the shift type a line of `_SHIFT_TYPE` defines, as the user wrote it; None for a line that is no
    shift type: opening hours, a header, or two numbers apart by a blank ('Nurses needed 4 5 3')."""
    name = re.sub(r"\s+shift$", "", m.group("name").strip())
    written = re.search(rf"(?im)^[ \t|*\u2022-]*({re.escape(name)})(?!\w)", text)
    name = written.group(1) if written else name
    if re.search(r"(?i)\b(?:open|opens|opening|hours?|from|we|our|is|are|period)\b", name) or \
            re.search(r"\d", name) and not re.fullmatch(r"[a-z]{1,3}\d{1,3}|[a-z]+-\d{1,2}|[a-z][a-z ]*\s\d{1,2}\s?h",
                                                         name, re.IGNORECASE):
        return None  # a code such as 'F1' or 'Mid-2' names a shift
    if not re.search(r":|-|\bto\b|\|", m.string[m.start(2):m.start(4)]):
        return None
    return name


def _told_apart(found: list[tuple[str, int, int, float | None]]) -> list[tuple[str, int, int, float | None]] | None:
    """Shift types of one name told apart by their hours ('Twilight 4h' 15:00-19:00 and 19:00-23:00); None when two
    share name and hours."""
    names = [n for n, *_ in found]
    out = [(f"{n} {a // 60 % 24:02d}:{a % 60:02d}-{b // 60 % 24:02d}:{b % 60:02d}" if names.count(n) > 1 else n,
            a, b, c) for n, a, b, c in found]
    return out if len({n for n, *_ in out}) == len(out) else None


_CLOCK_RANGE = re.compile(r"\b\d{1,2}:\d{2}\s*(?:-|to)\s*\d{1,2}:\d{2}\b")


def _unread_type_lines(text: str) -> list[str]:
    """The lines beside the shift types read from lines of their own that hold hours but are no shift type read
    ('- Full-time early, 08:00-16:00, costs us 100 pounds per shift' in a list of types): never a type dropped."""
    lines = _clock_text(text).split("\n")
    read = [k for k, line in enumerate(lines) if (m := _SHIFT_TYPE.fullmatch(line)) and _type_name(m, text) or
            _SPLIT_TYPE.fullmatch(line)]
    if len(read) < 2:
        return []
    marks = {_list_mark(lines[k]) for k in read} - {""}  # a line next to the list is of it when marked alike
    block = [k for k in range(min(read) - 1, max(read) + 2) if 0 <= k < len(lines) and k not in read]
    return [text.split("\n")[k].strip(" -*|\t") for k in block if _CLOCK_RANGE.search(lines[k]) and (
        min(read) < k < max(read) or _list_mark(lines[k]) in marks)]


def _list_mark(line: str) -> str:
    """The mark a list's line starts with ('-', '*', '|', a bullet), or ''."""
    first = line.lstrip(" \t")[:1]
    return first if first in {"-", "*", "|", "\u2022"} else ""


_SHIFT_ITEM = re.compile(rf"(?:\b(?:an?|one|two|three)\s+)?(?:\d+-hours?\s+)?"
                         rf"(?P<name>[a-z][a-z-]*(?: [a-z-]+){{0,2}}?)?\s*(?:shifts?\s*)?,?\s*(?:from\s+)?"
                         rf"{_CLOCK}\s*-\s*{_CLOCK}(?![:\d])\s*"
                         r"(?:(?:for|at|costs?|:|=)\s*[$\u20ac\u00a3]?|,?\s*[$\u20ac\u00a3])\s*(?P<cost>\d+(?:\.\d+)?)")
"""One shift type of a sentence, priced: 'an 8-hour day shift 06:00-14:00 for \u00a3120', '... and 22:00-02:00 for
\u00a380' (named as the one before it)."""


def _shift_items(t: str) -> list[tuple[str, int, int, float | None]]:
    """The priced shift types listed in sentences; a type with no name of its own takes the name before it, and
    types of one name are told apart by their hours."""
    found: list[tuple[str, int, int, float | None]] = []
    for m in _SHIFT_ITEM.finditer(t):
        name = re.sub(r"^(?:and|or|plus|then)\b\s*", "", (m.group("name") or "").strip())
        name = re.sub(r"\s+shifts?$", "", name) or (found[-1][0] if found else "")
        if not name:
            return []
        start, end = _clock_span(m)
        found.append((name, start, end, float(m.group("cost"))))
    return _told_apart(found) or []


_HOURLY = re.compile(r"[$\u20ac\u00a3]\s*(\d+(?:\.\d+)?)\s*(?:per|an|a|/)\s*h(?:ou)?r\b|"
                     r"\b(\d+(?:\.\d+)?)\s*(?:dollars|euros?|pounds)\s*(?:per|an|a)\s*hour\b", re.IGNORECASE)
"""One pay per hour for everyone ('paid $18 per hour'): a shift costs it times its hours."""


def _typed_cover(periods: list[tuple[int, int]], length: int, types: list[tuple[str, int, int, float | None]],
                 t: str, splits: dict[str, list[tuple[int, int]]]
                 ) -> tuple[LinearModel | None, list[Question], list[str]]:
    """The cover model of periods of `length` minutes and named shift types (a split type works each of its
    stretches of hours): x_s people on type s cover every period inside its hours; the cost of each type, or the
    number of people, is minimised."""
    labels = [f"{s // 60 % 24:02d}:{s % 60:02d}" for s, _ in periods] if _indexed_periods(t) is None else \
        [f"period {k}" for k in range(1, len(periods) + 1)]
    types = types + [(name, a, b, None) for name, spans in splits.items() for a, b in spans]
    inside: dict[str, list[int]] = {}
    for name, a, b, _ in types:
        inside.setdefault(name, [])
        for p, (s, _) in enumerate(periods):
            overlap = max(max(0, min(b, s + o + length) - max(a, s + o)) for o in (-DAY, 0, DAY))
            if 0 < overlap < length:
                return None, [Question(key="shifts", text=f"The {name} shift covers only part of the period from "
                                       f"{labels[p]}; does it count for that period? Give the shift's hours in whole "
                                       "periods.")], []
            if overlap == length:
                inside[name].append(p)
    bare = [labels[p] for p in range(len(periods)) if not any(p in on for on in inside.values())]
    if bare:
        return None, [Question(key="shifts", text=f"No shift covers {', '.join(bare)}; which shift works then?")], []
    types = [kind for k, kind in enumerate(types) if kind[0] not in [n for n, *_ in types[:k]]]  # a split type once
    unpriced = [name for name, *_, cost in types if cost is None]
    rates = {float(a or b) for a, b in _HOURLY.findall(t)}
    if len(unpriced) == len(types) and len(rates) == 1:  # 'everyone is paid $18 per hour': by each shift's length
        rate = rates.pop()
        types = [(name, a, b, rate * (b - a) / 60) for name, a, b, _ in types]
        unpriced = []
    if _cost_said(t) and unpriced:  # never the head count in place of a cost
        return None, [Question(key="costs", text=f"What does one person on the {', '.join(unpriced)} shift cost?")], []
    if unpriced and not _FEWEST.search(t):
        return None, [Question(key="objective", text="What should be minimised? (the number of people, or the cost "
                               "of each shift)", choices=["people"])], []
    by_cost = not unpriced and not (_FEWEST.search(t) and not _MIN_COST.search(t))
    caps = _type_caps(t, [name for name, *_ in types])
    if caps is None:
        return None, [Question(key="shifts", text="A limit on the people of a shift names no shift type, or one type "
                               "twice; say it as 'at most 2 people on the Split shift'.")], []
    variables = [{"name": name, "kind": "integer", "lower": 0, **({"upper": caps[name]} if name in caps else {})}
                 for name, *_ in types]
    constraints = [{"name": f"cover {label}", "terms": {n: 1.0 for n, on in inside.items() if p in on},
                    "sense": ">=", "rhs": float(need)} for p, (label, (_, need)) in enumerate(zip(labels, periods,
                                                                                                   strict=True))]
    terms = {name: (cost or 0.0) if by_cost else 1.0 for name, *_, cost in types}
    model = LinearModel.model_validate({"family": "linear", "variables": variables, "constraints": constraints,
                                        "objective": {"sense": "min", "terms": terms}})
    note = f"{len(types)} shift types over {len(periods)} periods of {length // 60} h; " + \
        ("their costs are minimised" if by_cost else "the number of people is minimised")
    return model, [], [note]
