"""Shift cover read by its structure rather than by phrasings: a run of periods (clock spans '04-06 06-08 ...' or
weekdays 'Mon ... Sun'), the demand of each period (as many numbers, in a row or beside each period), and the kinds
of shift that cover them (a clock span each, a length with the starts allowed, or the days a pattern works), each with
its cost and its cap. Every number of the text must be one of these: otherwise nothing is read, and the other
readers ask about what is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from ordino.formulate.offline.calendar import clock_minutes
from ordino.formulate.offline.staff import DAY_IDS, day_index
from ordino.models.linear import LinearModel

_CLOCK = r"(?P<{0}h>[01]?\d|2[0-4])(?::(?P<{0}m>[0-5]\d))?(?:\s*(?P<{0}p>[ap]\.?m\.?))?"
_SPAN = re.compile(rf"(?<![\d:./])(?<!\d-){_CLOCK.format('a')}\s*(?:-|to|until|till)\s*{_CLOCK.format('b')}"
                   r"(?!\d|:\d|-\d|\s+to\s+\d|[ \t]*(?:h\b|hours?\b|hrs?\b|%|people|staff|nurses|officers))",
                   re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.]*\d)")
_RUN = re.compile(r"(?<![\w.:-])\d+(?:(?:\s*[,;|]\s*|[ \t]+)\d+)+(?![\w:-]|\.\d)")
_DEMAND_CUE = re.compile(r"\b(?:need\w*|requir\w*|demand|min(?:imum)?|staff|nurses|officers|agents|workers|people|"
                         r"cover|dispatchers|guards|employees|headcount|on\s+duty)\b", re.IGNORECASE)
_PERIOD_NOUN = r"(?:periods?|blocks?|slots?|windows?|intervals?)"
_COST = re.compile(r"(?:[$\u00a3\u20ac]|\b(?:eur|gbp|usd|chf)\b)\s*(?P<a>\d+(?:\.\d+)?)|"
                   r"(?P<b>\d+(?:\.\d+)?)\s*(?:[$\u00a3\u20ac]|\b(?:eur|gbp|usd|euros?|pounds?|dollars?)\b)|"
                   r"\bcost(?:s|ing)?\s*(?:of\s+|=\s*|:\s*)?(?P<c>\d+(?:\.\d+)?)", re.IGNORECASE)
_CYCLIC = re.compile(r"\b24\s*/\s*7\b|\b(?:wrap\w*|cyclic\w*|repeats?|cycle|past\s+midnight|every\s+week|each\s+week|"
                     r"same\s+days\s+every)\b|\u2192|->", re.IGNORECASE)
_GOAL_COST = re.compile(r"\bcheapest\b|\b(?:cheapest|lowest|least|min(?:imum|imi[sz]e)?|smallest)\b[^.\n?]{0,60}?"
                        r"(?:\b(?:cost|wage|bill|pay|spend|labou?r|eur|gbp|usd|euros?|pounds?|dollars?)\b|[$\u00a3\u20ac])",
                        re.IGNORECASE)
_GOAL_SUM = re.compile(r"\bmin(?:imi[sz]e)?\s+(?:\u03a3|\u2211|sum)_?\{?\w*\}?\s*c_?\w*\s*(?:\*|\u00b7)?\s*x",
                       re.IGNORECASE)
"""A cost goal in notation: 'min sum_s c_s x_s'."""
_PEOPLE = r"(?:people|staff|workers|employees|nurses|officers|agents|guards|dispatchers|bakers|loaders|persons)"
_GOAL_PEOPLE = re.compile(rf"\b(?:fewest|minimi[sz]e|min(?:imum)?|smallest|(?<!at )least|lowest)\s+(?:the\s+|total\s+)?"
                          rf"(?:number\s+of\s+(?!(?:\w+\s+)?(?:hours?|minutes?|costs?|euros|pounds|dollars|pay)\b)"
                          rf"(?:\w+\s+)?\w+|head\s*-?\s*count)\b|"
                          rf"\b(?:fewest|minimi[sz]e)\s+(?:the\s+)?(?:\w+\s+)?{_PEOPLE}\b|"
                          r"\bmin\s*(?:\u03a3|\u2211|sum)_?\w?\s*x_?\w\b", re.IGNORECASE)
"""A goal of the fewest people ('minimise the number of staff', 'the smallest number of different guards', 'fewest
agents'), never a demand's label ('Minimum staff d_t')."""


@dataclass
class _Type:
    """A kind of shift: the periods one person on it covers (each start is a variable), its cost and its cap."""

    name: str
    covers: list[list[int]]  # per start: the periods covered
    cost: float | None = None
    cap: int | None = None


@dataclass
class _Plan:
    text: str
    used: list[tuple[int, int]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # the periods, as the text names them
    spans: list[tuple[int, int]] = field(default_factory=list)  # clock periods: (start, end) in minutes
    days: bool = False
    length: int = 0  # minutes of one clock period
    marks: list[int] = field(default_factory=list)  # where each period's name ends in the text
    base: int | None = None  # periods named by index: the first index (0 or 1)

    def use(self, a: int, b: int) -> None:
        self.used.append((a, b))

    def unused_numbers(self) -> list[str]:
        return [m.group(0) for m in _NUMBER.finditer(self.text)
                if not any(a <= m.start() and m.end() <= b for a, b in self.used)]


def read_cover_plan(text: str) -> LinearModel | None:
    """The cover model of a text of periods, demands and shift kinds, or None when any number of it is not read."""
    p = _Plan(_normal(text))
    if re.search(r"\bexactly\s+(?:this\s+many|these|the)\b|\bexactly\s+(?!(?:one|1)\s+(?:shift|pattern|contract|"
                 r"block|type|start))\w+|\bat\s+most\b[^.\n]{0,30}\b(?:on\s+duty|per\s+(?:period|block|hour))", p.text,
                 re.IGNORECASE):
        return None  # covers with an upper bound: not this reader's
    if not (_clock_periods(p) or _counted_periods(p) or _hour_rows(p) or _indexed_periods(p) or _day_periods(p)):
        return None
    demand = _demand(p)
    if demand is None:
        return None
    _said_again(p)
    types = _types(p)
    _length_again(p, types)
    shared = _prose_caps(p, types)
    goal = _goal(p, types)
    if not types or goal is None or p.unused_numbers():
        return None
    n = len(p.labels)
    if any(not any(k in c for t in types for c in t.covers) for k in range(n)):
        return None  # a period no shift covers
    variables, terms, caps, of_type = [], {}, [], {}
    for t in types:
        names = [t.name if len(t.covers) == 1 else f"{t.name} from {p.labels[c[0]]}" for c in t.covers]
        of_type[t.name] = names
        variables += [{"name": v, "kind": "integer", "lower": 0} for v in names]
        terms.update({v: (t.cost or 0.0) if goal == "cost" else 1.0 for v in names})
        if t.cap is not None:
            caps.append({"name": f"at most {t.cap} on {t.name}", "terms": dict.fromkeys(names, 1.0), "sense": "<=",
                         "rhs": float(t.cap)})
    for group, cap in shared:  # 'at most 4 officers in total on the 6-hour S shifts'
        on = {v: 1.0 for name in group for v in of_type[name]}
        caps.append({"name": f"at most {cap} on {', '.join(group)}", "terms": on, "sense": "<=", "rhs": float(cap)})
    cover = []
    for k, need in enumerate(demand):
        on = {(t.name if len(t.covers) == 1 else f"{t.name} from {p.labels[c[0]]}"): 1.0
              for t in types for c in t.covers if k in c}
        cover.append({"name": f"cover {p.labels[k]}", "terms": on, "sense": ">=", "rhs": float(need)})
    try:
        return LinearModel.model_validate({"family": "linear", "variables": variables, "constraints": cover + caps,
                                           "objective": {"sense": "min", "terms": terms}})
    except ValidationError:
        return None


def _said_again(p: _Plan) -> None:
    """Numbers that say nothing new: the periods' length ('per 2-hour window', '6 blocks of 4h'), a count of
    them, 'x >= 0', and a number in the title on the first line ('Terminal 1 - officers per window')."""
    hours = p.length // 60 if p.length % 60 == 0 else None
    for m in re.finditer(rf"\b(?P<k>\d+)\s+{_PERIOD_NOUN}\b(?:\s+of\s+(?P<h>\d+)\s*-?\s*h(?:ours?|rs?)?\b)?|"
                         rf"\b(?P<h2>\d+)\s*-?\s*h(?:ours?|rs?)?\s+{_PERIOD_NOUN}\b", p.text, re.IGNORECASE):
        if (m["k"] is None or int(m["k"]) == len(p.labels)) and \
                (m["h"] or m["h2"]) in (None, str(hours)) and not (p.days and m["k"] is None):
            p.use(*m.span())
    if p.spans:  # the hours the periods fill, said as opening hours or a horizon ('open 08:00-20:00'), never on a
        # row of its own ('- Long, 06:00-14:00': a shift whose cost is missing)
        first, last = p.spans[0][0] % 1440, p.spans[-1][1] % 1440
        for m in _SPAN.finditer(p.text):
            if (_minutes(m, "a") % 1440, _minutes(m, "b") % 1440) == (first, last) and \
                    not _ROW_START.match(_line_of(p.text, m.start())) and \
                    not any(a <= m.start() < b for a, b in p.used):
                p.use(*m.span())
    for m in re.finditer(r"\b24\s*-?\s*h(?:ours?|rs?)?\s+day\b|\b24\s*/\s*7\b", p.text, re.IGNORECASE):
        p.use(*m.span())
    for m in re.finditer(r"(?:>=|\u2265|\u2208\s*\u2124\s*\u2265|\u2124\s*\u2265)\s*0\b", p.text):
        p.use(*m.span())
    title = re.match(r"[^\n]*", p.text)
    if title is not None and not re.search(r"(?<!\d)[:=]\s*\d|\d\s*,\s*\d", title.group(0)):
        for m in re.finditer(r"(?-i:\b[A-Z][a-z]+)\s+\d{1,3}\b(?!\s*(?:-\s*\d|h\b|hours?|%|[:.]\d))", title.group(0)):
            p.use(*m.span())


def _normal(text: str) -> str:
    """Dashes as '-', 'midnight' and 'noon' as clock times, a start and an end in two cells as one span
    ('A,06:00,14:00,8,120' -> 'A,06:00-14:00,8,120')."""
    t = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2026", "...")
    t = re.sub(r"(?i)(?:(?<=\d)-|\b(?:to|till|until)\s+)midnight\b", lambda m: m.group(0)[:-8] + "24:00", t)
    for word, clock in (("midnight", "00:00"), ("noon", "12:00")):  # as a span's start, or in a list of times
        t = re.sub(rf"(?i)\b{word}\b(?=\s*(?:-|to\b|till\b|until\b|,|or\b))|(?<=[(,]){word}\b|(?<=[(,] ){word}\b|"
                   rf"(?<=\bor ){word}\b|(?<=\bto ){word}\b", clock, t)
    return re.sub(r"[^\n]+", _two_cells, t)


def _two_cells(line: re.Match[str]) -> str:
    """A row with exactly two clock times, in two cells: one span ('A,06:00,14:00,8,120', '| B | 08:00 | 14:00 |');
    never a list of start times ('| Long | 6 h | 08:00, 10:00 | $100 |')."""
    times = re.findall(r"(?<![\d:])\d{1,2}:\d\d(?![\d:])", line.group(0))
    if len(times) != 2:
        return line.group(0)
    cell = r"\|" if "|" in line.group(0) else ","  # (the row's own separator: '| 08:00, 10:00 |' lists two starts)
    return re.sub(rf"(?<![\d:])(\d{{1,2}}:\d\d)[ \t]*{cell}[ \t]*(\d{{1,2}}:\d\d)(?![\d:])", r"\1-\2", line.group(0))


_CAP_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
              "ten": 10}
_PROSE_CAP = re.compile(rf"\b(?:at\s+most|no\s+more\s+than|up\s+to|only|a\s+maximum\s+of|max\.?)\s+"
                        rf"(?:give\s+us\s+)?(?P<k>\d+|{'|'.join(_CAP_WORDS)})\b", re.IGNORECASE)


def _prose_caps(p: _Plan, types: list[_Type]) -> list[tuple[list[str], int]]:
    """Caps said in a sentence on a group of the kinds of shift, named by their names ('part-time shifts'), their
    length ('the 6-hour shifts') or the letter their names share ('the S shifts'): (the kinds, the cap). A sentence
    that names no group, or two, is left (its number unread)."""
    out = []
    for sentence in re.finditer(r"[^.;\n]+", p.text):
        cap = _PROSE_CAP.search(sentence.group(0))
        if cap is None or any(a <= sentence.start() + cap.start("k") < b for a, b in p.used):
            continue
        said = sentence.group(0)
        groups = []
        named = [t.name for t in types if re.search(rf"(?i)(?<![\w-]){re.escape(t.name)}(?![\w-])", said)]
        if named:
            groups.append(set(named))
        length = re.search(r"(?<![\w.])(?P<h>\d+)\s*-?\s*h(?:ours?|rs?)?\b", said, re.IGNORECASE)
        if length and p.length:
            groups.append({t.name for t in types if all(len(c) * p.length == int(length["h"]) * 60 for c in t.covers)})
        letter = re.search(r"\b(?:the\s+)?(?P<l>[A-Z])\s+shifts\b", said)
        if letter:
            groups.append({t.name for t in types if re.fullmatch(rf"{letter['l']}\d+", t.name)})
        if not groups or any(g != groups[0] for g in groups) or not groups[0] or len(groups[0]) == len(types):
            continue
        k = cap["k"].lower()
        out.append((sorted(groups[0]), int(k) if k.isdigit() else _CAP_WORDS[k]))
        p.use(sentence.start() + cap.start(), sentence.start() + cap.end())
        if length:
            p.use(sentence.start() + length.start(), sentence.start() + length.end())
    return out


def _length_again(p: _Plan, types: list[_Type]) -> None:
    """'Each operative works one 8-hour shift' beside shift kinds all of 8 hours: their length said again."""
    lengths = {len(c) * p.length for t in types for c in t.covers}
    if len(lengths) != 1 or not p.length:
        return
    hours = lengths.pop() / 60
    for m in re.finditer(r"(?<![\w.])(?P<h>\d+)\s*-?\s*h(?:ours?|rs?)?\s+shifts?\b", p.text, re.IGNORECASE):
        if float(m["h"]) == hours and not any(a <= m.start() < b for a, b in p.used):
            p.use(*m.span())


_ROW_START = re.compile(r"\s*(?:[-*|]|[A-Za-z][\w-]{0,15}\s*[,|:])")
"""The start of a row or list item ('- Long, ...', 'Long | ...', 'A: ...'): a shift's line, never a horizon."""


def _minutes(m: re.Match[str], end: str) -> int:
    """Minutes after midnight of a span's start ('a') or end ('b'); a start without 'am' or 'pm' takes the end's
    'pm' when that keeps it before the end ('5 to 8pm' is 17:00 to 20:00)."""
    h, mins, half = int(m[f"{end}h"]), int(m[f"{end}m"] or 0), (m[f"{end}p"] or "").lower().replace(".", "")
    if half == "pm" and h < 12:
        h += 12
    elif half == "am" and h == 12:
        h = 0
    elif end == "a" and not half and (m["bp"] or "").lower().startswith("p") and h < 12 and \
            h + 12 < _minutes(m, "b") // 60:
        h += 12
    return h * 60 + mins


def _clock_periods(p: _Plan) -> bool:
    """The longest chain of clock spans one after the other, each starting where the one before ends ('04-06 06-08',
    '23-03 03-07'), of one length, three or more and a day at most."""
    spans = list(_SPAN.finditer(p.text))
    best: list[re.Match[str]] = []
    for k, first in enumerate(spans):
        chain = [first]
        size = (_minutes(first, "b") - _minutes(first, "a")) % 1440
        for m in spans[k + 1:]:  # the spans that follow it, each where the one before ends, of its length, within a day
            if _minutes(m, "a") % 1440 != _minutes(chain[-1], "b") % 1440 or size * (len(chain) + 1) > 1440 or \
                    (_minutes(m, "b") - _minutes(m, "a")) % 1440 != size:
                break
            chain.append(m)
        if len(chain) > len(best):
            best = chain
    if len(best) < 3:
        return False
    lengths = {(_minutes(m, "b") - _minutes(m, "a")) % 1440 for m in best}
    if len(lengths) != 1 or 0 in lengths:
        return False
    p.length = lengths.pop()
    p.spans = [(_minutes(m, "a"), _minutes(m, "a") + p.length) for m in best]
    p.labels = [re.sub(r"\s+", "", m.group(0)) for m in best]
    for m in best:
        p.use(*m.span())
    p.marks = [m.end() for m in best]
    return True


_WORD_HOURS = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "eight": 8, "twelve": 12}
_COUNTED = re.compile(rf"\b(?P<n>\d+)\s+(?:(?P<w>{'|'.join(_WORD_HOURS)})[\s-]hours?\s+|"
                      rf"(?P<h>\d+)\s*-?\s*h(?:ours?|rs?)?\s+)?{_PERIOD_NOUN}"
                      r"(?:\s+of\s+(?P<h2>\d+)\s*-?\s*h(?:ours?|rs?)?\b)?", re.IGNORECASE)
"""A count of periods and their length: '8 two-hour periods', '9 periods of 2 h', '6 4-hour blocks'."""


def _counted_periods(p: _Plan) -> bool:
    """Periods said by their count and length, placed by a span on the same line: the first period's ('t=1: 07-09')
    or the whole horizon's ('07:00-23:00 split into 8 two-hour periods')."""
    for m in _COUNTED.finditer(p.text):
        n, hours = int(m["n"]), _WORD_HOURS.get((m["w"] or "").lower()) or int(m["h"] or m["h2"] or 0)
        if not hours or n < 2 or n * hours > 24:
            continue
        line_start = p.text.rfind("\n", 0, m.start()) + 1
        line_end = p.text.find("\n", m.end()) % (len(p.text) + 1) or len(p.text)
        spans = list(_SPAN.finditer(p.text, line_start, line_end))
        length = hours * 60
        first = next((x for x in spans if (_minutes(x, "b") - _minutes(x, "a")) % 1440 in (length, n * length % 1440)),
                     None)
        if first is None:
            continue
        start = _minutes(first, "a")
        p.length = length
        p.spans = [(start + k * length, start + (k + 1) * length) for k in range(n)]
        p.labels = [f"{a // 60 % 24:02d}-{b // 60 % 24:02d}" for a, b in p.spans]
        p.use(*m.span())
        for x in spans:  # the periods said on that line ('..., t=8: 21-23'), and the horizon
            a, b = _minutes(x, "a") % 1440, _minutes(x, "b") % 1440
            if any((a, b) == (s % 1440, e % 1440) for s, e in p.spans) or (a, b) == (start % 1440,
                                                                                     (start + n * length) % 1440):
                p.use(*x.span())
        for x in re.finditer(r"\b[a-z]\s*=\s*(?P<a>\d+)(?:\s*\.\.\s*(?P<b>\d+))?", p.text[line_start:line_end]):
            if 1 <= int(x["a"]) <= n and (x["b"] is None or int(x["b"]) == n):  # 't = 1..8', 't=1'
                p.use(line_start + x.start(), line_start + x.end())
        return True
    return False


_INDEXED = re.compile(r"(?im)^[^\n]*?\b(?:periods?|hours?|blocks?|slots?)\s+(?P<i>[a-z])\s*=\s*(?P<a>[01])\s*"
                      r"(?:\.\.|-|to)\s*(?P<b>\d+)\b(?P<rest>[^\n]*)")
"""Periods by index: 'Periods t = 1..10 (one hour each)', 'Hours t = 1..10 (08:00-18:00)', 'Blocks t = 0..5 of 4 h'."""


def _indexed_periods(p: _Plan) -> bool:
    """Periods named by their index ('t1', 't2', ...), an hour each when the line says so, or placed by the span of
    all of them said on that line."""
    m = _INDEXED.search(p.text)
    if m is None:
        return False
    first, last = int(m["a"]), int(m["b"])
    n = last - first + 1
    if not 2 <= n <= 48:
        return False
    p.labels = [f"{m['i']}{k}" for k in range(first, last + 1)]
    p.base = first
    p.use(m.start("a"), m.end("b"))
    span = next(iter(_SPAN.finditer(m["rest"])), None)
    hourly = re.search(r"\(\s*one\s+hour\s+each\s*\)|^\s*hours\b", m.group(0), re.IGNORECASE)
    if span is not None and ((_minutes(span, "b") - _minutes(span, "a")) % 1440 or 1440) % n == 0:
        p.length = ((_minutes(span, "b") - _minutes(span, "a")) % 1440 or 1440) // n
        start = _minutes(span, "a")
        p.spans = [(start + k * p.length, start + (k + 1) * p.length) for k in range(n)]
    elif hourly:
        p.length = 60
        p.use(*(m.start() + x for x in hourly.span()))
    return True


_HOUR = r"(?:[01]?\d|2[0-3])(?::[0-5]\d)?(?:\s*[ap]m)?"
_HOUR_ROW = re.compile(rf"(?im)^[ \t|]*(?:hours?|time|start|from|slot)s?\b[ \t|:,]*"
                       rf"(?P<l>(?:{_HOUR}[ \t|,]+){{2,}}{_HOUR})[ \t|]*$")
"""A row of the hours periods start at, under a heading ('hour  07 08 09 10', '| Hour | 08:00 | 09:00 |')."""
_HOUR_LINE = re.compile(r"(?im)^[ \t|]*(?P<h>(?:[01]?\d|2[0-3]):[0-5]\d|(?:[01]?\d)\s*[ap]m)[ \t]*[|:,][ \t]*"
                        r"(?P<v>\d+)[ \t|]*$")
"""A line of a period's start and its demand ('| 08:00 | 3 |', '8am: 2')."""


def _hour_rows(p: _Plan) -> bool:
    """Periods named by the hour they start at, evenly spaced: in a row under a heading, or one per line with the
    demand beside it; each lasts until the next starts (the last as long as the others)."""
    row = _HOUR_ROW.search(p.text)
    if row is not None:
        starts = list(re.finditer(_HOUR, row["l"], re.IGNORECASE))
        at = [row.start("l") + m.start() for m in starts]
        ends = [row.start("l") + m.end() for m in starts]
        times = [clock_minutes(m.group(0)) for m in starts]
        p.marks = []  # (the demands are in a row of their own)
    else:
        lines = list(_HOUR_LINE.finditer(p.text))
        if len(lines) < 3:
            return False
        at, ends = [m.start("h") for m in lines], [m.start("v") for m in lines]
        times = [clock_minutes(m["h"]) for m in lines]
    steps = {(b - a) % 1440 for a, b in zip(times, times[1:], strict=False)}
    if len(times) < 3 or len(steps) != 1 or 0 in steps:
        return False
    p.length = steps.pop()
    if p.length * len(times) > 1440:
        return False
    p.spans = [(t, t + p.length) for t in times]
    p.labels = [f"{t // 60:02d}:{t % 60:02d}" for t in times]
    for a, b in zip(at, ends, strict=True):
        p.use(a, b)
    if row is None:
        p.marks = ends
    return True


def _day_periods(p: _Plan) -> bool:
    """Weekdays in order, three or more on one line ('Mon Tue Wed ...', '| Mon | Tue |', '{Mon,...,Sun}')."""
    for line in re.finditer(r"[^\n]+", p.text):
        found = list(_WEEKDAY.finditer(line.group(0)))
        days = [day_index(m.group(0)) for m in found]
        between = line.group(0)[found[0].end():found[-1].start()] if found else ""
        if len(days) == 2 and re.search(r"\.\.|-|\bto\b|\bthrough\b", between):
            days = list(range(days[0], days[1] + 1)) if days[0] < days[1] else []  # 'Mon,...,Sun', 'Mon-Sun'
        elif len(days) < 3 or days != list(range(days[0], days[0] + len(days))):
            continue
        p.labels = [DAY_IDS[d] for d in days]
        p.days = True
        for m in found:
            p.use(line.start() + m.start(), line.start() + m.end())
        p.marks = [line.start() + m.end() for m in found] if len(found) == len(days) else []
        return True
    return False


def _demand(p: _Plan) -> list[int] | None:
    """The demand of each period: a number beside each period's name ('10-11: 2', 'Mon 6', '| Mon | 4 |'), or one run
    of as many numbers (on a line that says what they are when there are more such runs)."""
    n = len(p.labels)
    pairs = [_VALUE_AFTER.match(p.text, at) for at in p.marks]
    if p.marks and all(pairs):
        for m in pairs:
            p.use(*m.span()) if m else None
        return [int(m["v"]) for m in pairs if m]
    runs = [m for m in _RUN.finditer(p.text) if len(re.findall(r"\d+", m.group(0))) == n and
            not any(a < m.end() and m.start() < b for a, b in p.used)]
    if len(runs) > 1:
        runs = [m for m in runs if _DEMAND_CUE.search(_line_of(p.text, m.start()))]
    if len(runs) != 1:
        return None
    p.use(*runs[0].span())
    return [int(v) for v in re.findall(r"\d+", runs[0].group(0))]


_VALUE_AFTER = re.compile(r"[ \t]*(?:[:=,|]|-(?=[ \t]))?[ \t]*(?P<v>\d+)(?![\d:-]|\.\d)(?![ \t]*(?:h\b|hours?|[-:]\d))")
"""The demand said right after a period's name ('10-11: 2', 'Mon 6')."""


def _line_of(text: str, at: int) -> str:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:end if end >= 0 else len(text)]


def _types(p: _Plan) -> list[_Type]:
    """The kinds of shift: one per line that gives a clock span or the days worked (a table's row), else the
    lengths said ('8-hour shifts', '8h = 2 consecutive blocks', '5 consecutive days then 2 days off')."""
    out: list[_Type] = []
    for line in re.finditer(r"[^\n]+", p.text):
        t = _marked_type(p, line) or _started_type(p, line) or _kind_of_line(p, line)
        if t is not None:
            out.append(t)
    if out:
        return out
    return _length_types(p)


_INDEXED_TYPE = re.compile(r"^\s*[-|]?\s*(?P<n>[A-Za-z][\w-]{0,15})\s*[:=]\s*(?:\{(?P<set>\d+(?:\s*,\s*\d+)*)\}|"
                           r"(?P<a>\d+)\s*(?:-|\.\.|to)\s*(?P<b>\d+))\s*[,;|]\s*(?:c\s*=\s*|cost\s*:?\s*)?"
                           r"(?P<c>\d+(?:\.\d+)?)\s*[|.]?\s*$", re.IGNORECASE)
"""A kind of shift by the indexes of its periods: 'S2 = {1,2,3,5,6}, c = 72', 'A: 1-4; 50'."""


_MARK_ON, _MARK_OFF = {"1", "x", "y", "yes", "\u2713", "\u2714"}, {"0", "-", "n", "no", "", "\u2717"}


def _marked_type(p: _Plan, line: re.Match[str]) -> _Type | None:
    """A row of a table that marks the periods a kind of shift works, one cell per period, then its cost:
    '| P1 | 1 | 1 | 1 | 1 | 1 | 0 | 0 | 600 |'."""
    cells = [c.strip() for c in re.split(r"\s*[|,]\s*|\s{2,}|\t", line.group(0).strip().strip("|"))]
    n = len(p.labels)
    if len(cells) != n + 2 or not re.fullmatch(r"[A-Za-z][\w-]{0,15}", cells[0]) or \
            not re.fullmatch(r"\d+(?:\.\d+)?", cells[-1]) or \
            any(c.lower() not in _MARK_ON | _MARK_OFF for c in cells[1:-1]):
        return None
    covered = [k for k, c in enumerate(cells[1:-1]) if c.lower() in _MARK_ON]
    if not covered or any(a <= line.start() < b for a, b in p.used):
        return None
    p.use(*line.span())
    for legend in re.finditer(r"\b1\s*=\s*(?:works?|on|working|yes)\b", p.text, re.IGNORECASE):
        p.use(*legend.span())  # '(1 = works that day)'
    return _Type(cells[0], [covered], float(cells[-1]))


def _kind_of_line(p: _Plan, line: re.Match[str]) -> _Type | None:
    """A kind of shift on a line by the indexes, the clock span or the days of its periods."""
    if p.base is not None:
        return _indexed_type(p, line)
    return _spanned_type(p, line) if not p.days else _day_type(p, line)


def _started_type(p: _Plan, line: re.Match[str]) -> _Type | None:
    """A row of a table of shift kinds with a length, the start times allowed and a cost, between bars:
    '| Full-time | 8 h | 08:00, 10:00, 12:00 | $160 |'."""
    cells = [c.strip() for c in line.group(0).strip().strip("|").split("|")]
    if len(cells) != 4 or not p.spans or not re.fullmatch(r"[A-Za-z][\w -]{0,20}", cells[0]) or \
            any(a <= line.start() < b for a, b in p.used):
        return None
    length = re.fullmatch(r"(\d+)\s*-?\s*h(?:ours?|rs?)?", cells[1], re.IGNORECASE)
    starts = re.fullmatch(rf"{_HOUR}(?:\s*(?:,|\bor\b)\s*{_HOUR})*", cells[2], re.IGNORECASE)
    cost = re.fullmatch(r"(?:[$\u00a3\u20ac]|(?:eur|gbp|usd)\s)?\s*(\d+(?:\.\d+)?)\s*(?:[$\u00a3\u20ac]|eur|gbp|usd)?",
                        cells[3], re.IGNORECASE)
    if not (length and starts and cost) or int(length.group(1)) * 60 % p.length:
        return None
    size, n, cyclic = int(length.group(1)) * 60 // p.length, len(p.labels), _wraps(p)
    firsts = [a % 1440 for a, _ in p.spans]
    covers = []
    for h in re.finditer(_HOUR, cells[2], re.IGNORECASE):
        t = clock_minutes(h.group(0))
        if t not in firsts or firsts.index(t) + size > n and not cyclic:
            return None  # a start that is no period's, or too late to fit
        covers.append([(firsts.index(t) + k) % n for k in range(size)])
    p.use(*line.span())
    return _Type(cells[0], covers, float(cost.group(1)))


def _indexed_type(p: _Plan, line: re.Match[str]) -> _Type | None:
    m = _INDEXED_TYPE.match(line.group(0))
    if m is None or p.base is None:
        return None
    said = [int(k) for k in re.findall(r"\d+", m["set"])] if m["set"] else list(range(int(m["a"]), int(m["b"]) + 1))
    covered = [k - p.base for k in said]
    if not covered or any(not 0 <= k < len(p.labels) for k in covered) or len(set(covered)) != len(covered):
        return None
    p.use(line.start() + m.start("n"), line.end())
    return _Type(m["n"], [covered], float(m["c"]))


def _spanned_type(p: _Plan, line: re.Match[str]) -> _Type | None:
    """'A      04:00-12:00  200  no limit', 'P1 06:00-10:00 110 4': a name, a clock span, a cost and a cap."""
    spans = [m for m in _SPAN.finditer(line.group(0))
             if not any(a <= line.start() + m.start() < b for a, b in p.used)]
    if len(spans) != 1:
        return None
    m = spans[0]
    name = re.match(r"\s*[|-]?\s*(?P<n>[A-Za-z][\w-]{0,15})\s*[|,:]?\s*$", line.group(0)[:m.start()])
    if name is None:
        return None
    a, b = _minutes(m, "a"), _minutes(m, "b")
    if b <= a:
        b += 1440
    covered = [k for k, (s, e) in enumerate(p.spans) if _inside(s, e, a, b)]
    if not covered or sum(p.spans[k][1] - p.spans[k][0] for k in covered) != b - a:
        return None  # a span that does not fall on the periods' edges
    rest = line.group(0)[m.end():]
    numbers = list(re.finditer(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", rest))
    if len(numbers) >= 2 and float(numbers[0].group(0)) * 60 == b - a and \
            _LENGTH_HEADER.search(p.text, 0, line.start()):  # a column of each shift's length: its span said again
        p.use(line.start() + m.end() + numbers[0].start(), line.start() + m.end() + numbers[0].end())
        numbers = numbers[1:]
    if len(numbers) > 2 or not numbers or len(numbers) == 2 and _CAP_HEADER.search(p.text, 0, line.start()) is None:
        return None  # (a second number, and no column heading saying it is a cap)
    p.use(line.start() + name.start("n"), line.start() + m.end())
    for k in numbers:
        p.use(line.start() + m.end() + k.start(), line.start() + m.end() + k.end())
    cost = float(numbers[0].group(0))
    cap = int(float(numbers[1].group(0))) if len(numbers) == 2 else None
    return _Type(name["n"], [covered], cost, cap)


_LENGTH_HEADER = re.compile(r"(?im)^[^\d\n]*\b(?:length\w*|duration|hours)\b[^\d\n]*\b(?:cost|pay|rate|price)\w*"
                            r"[^\d\n]*$")
"""A table's heading naming a column of lengths before one of costs ('shift,start,end,length_h,cost_per_operative')."""
_CAP_HEADER = re.compile(r"(?im)^[^\d\n]*\b(?:cost|pay|rate|price)\w*\b[^\d\n]*\b(?:max\w*|limit|cap\w*|available)\b"
                         r"[^\d\n]*$")
"""A table's heading naming a column of costs and, after it, one of caps ('Shift | Hours | Cost | Max officers')."""


def _inside(s: int, e: int, a: int, b: int) -> bool:
    """Whether the period [s, e) lies inside the span [a, b) of a day, or of the day after (a span past midnight)."""
    return any(a <= s + shift and e + shift <= b for shift in (0, 1440))


def _day_type(p: _Plan, line: re.Match[str]) -> _Type | None:
    """'| FT-A | Mon, Tue, Wed, Thu, Fri | 520 |', '| WK | Mon-Fri | 500 |': a pattern's name, the days it works
    (spans read whole, round the week where the week repeats) and its cost, the one number after its name."""
    text = line.group(0)
    name = re.match(r"\s*[|-]?\s*(?P<n>[A-Za-z][\w-]{0,15})\s*[|,:]", text)
    if name is None or _WEEKDAY.fullmatch(name["n"]) or any(a <= line.start() < b for a, b in p.used):
        return None
    rest = text[name.end():]
    found = list(_WEEKDAY.finditer(rest))
    numbers = list(re.finditer(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", rest))
    if not found or len(numbers) != 1 or any(_day_id(m.group(0)) not in p.labels for m in found):
        return None
    days: list[int] = []
    k = 0
    while k < len(found):
        first = p.labels.index(_day_id(found[k].group(0)))
        if k + 1 < len(found) and re.fullmatch(r"\s*(?:-|to|through|until|till)\s*",
                                               rest[found[k].end():found[k + 1].start()], re.IGNORECASE):
            last = p.labels.index(_day_id(found[k + 1].group(0)))
            if last < first and not (len(p.labels) == 7 and _wraps(p)):
                return None
            days += [(first + j) % len(p.labels) for j in range((last - first) % len(p.labels) + 1)]
            k += 2
        else:
            days.append(first)
            k += 1
    if len(set(days)) != len(days):
        return None
    p.use(line.start() + name.start("n"), line.end())
    return _Type(name["n"], [days], float(numbers[0].group(0)))


def _day_id(word: str) -> str:
    return DAY_IDS[day_index(word)]


_LENGTH = re.compile(rf"(?P<h>\d+)\s*-?\s*h(?:ours?|rs?)?\b(?:\s*(?:=|:)?\s*\(?(?P<k>\d+)\s+consecutive\s+"
                     rf"{_PERIOD_NOUN}\)?)?", re.IGNORECASE)
"""A shift's length: '8-hour', '8 h', '8h = 2 consecutive blocks'."""


def _length_types(p: _Plan) -> list[_Type]:
    """Shifts said by their length: '8-hour shifts', '8h = 2 consecutive blocks, cost 240', '5 consecutive days then
    2 days off'; each may start at any period (wrapping when the text says the day or week repeats), or within the
    periods when the text says they must fit."""
    n = len(p.labels)
    cyclic = _wraps(p)
    if cyclic is None:
        return []  # a whole day or week of periods, and not said whether a shift may run on into the next
    if p.days:
        m = re.search(r"\b(?P<on>[1-6])\s+(?:consecutive\s+)?(?:working\s+|work\s+)?days?\b[^.\n]{0,40}?"
                      r"\b(?P<off>[1-6])\s+(?:consecutive\s+)?days?\s+off\b|"
                      r"\b(?P<on2>[1-6])\s*-?\s*on\s*/\s*(?P<off2>[1-6])\s*-?\s*off\b", p.text, re.IGNORECASE)
        if m is None or n != 7 or not cyclic:
            return []  # (a pattern of days on and off that does not wrap round the week: not read, asked)
        on, off = int(m["on"] or m["on2"]), int(m["off"] or m["off2"])
        if on + off != 7:
            return []
        p.use(*m.span())
        for again in re.finditer(rf"\b{on}\s+(?:consecutive\s+)?(?:working\s+)?days\b|\b{on}-day\b", p.text):
            p.use(*again.span())  # 'x_i = employees whose 5-day block starts on day i'
        cost = _cost_near(p, 0, len(p.text))
        return [_Type(f"{on} days on", [[(s + k) % 7 for k in range(on)] for s in range(7)], cost)]
    out = []
    for m in _LENGTH.finditer(p.text):
        hours = int(m["h"])
        if p.length == 0 or hours * 60 % p.length or hours * 60 == p.length or \
                m["k"] and int(m["k"]) * p.length != hours * 60:
            continue
        if any(a <= m.start() < b for a, b in p.used):
            continue
        size = hours * 60 // p.length
        clause_start = max(p.text.rfind(c, 0, m.start()) for c in ";.\n") + 1
        clause_end = min([e for e in (p.text.find(c, m.end()) for c in ";.\n") if e >= 0] or [len(p.text)])
        if size >= n or not re.search(r"\bshifts?\b|\blasts?\b|\bconsecutive\b|\bstart",
                                      p.text[clause_start:clause_end], re.IGNORECASE):
            continue  # 'a 24 h day', '4 h periods': no shift
        line_end = p.text.find("\n", m.end()) % (len(p.text) + 1) or len(p.text)
        following = next((x.start() for x in _LENGTH.finditer(p.text, m.end(), line_end)), line_end)
        cost = _cost_near(p, m.end(), min(clause_end, following)) or _cost_near(p, m.end(), following)
        starts = _starts(p, p.text[m.end():clause_end], m.end())
        if starts is None:
            starts = list(range(n)) if cyclic else list(range(n - size + 1))
        elif not starts or any(s + size > n and not cyclic for s in starts):
            return []  # a start that is no period's, or too late for the shift to fit
        covers = [[(s + k) % n for k in range(size)] for s in starts]
        p.use(*m.span())
        restated = re.search(rf"\bcovers?\s+(?:periods?\s+)?(?P<i>[a-z])\s*(?:\.\.|,)\s*(?P=i)\s*\+\s*{size - 1}\b",
                             p.text[m.end():line_end])
        if restated:  # 'covers periods k..k+3': the length said again
            p.use(m.end() + restated.start(), m.end() + restated.end())
        label = re.fullmatch(r"[ \t]*[-*][ \t]*(?P<n>[A-Z][\w-]*(?: [a-z][\w-]*)?)[ \t]*[,:(][ \t]*",
                             p.text[p.text.rfind("\n", 0, m.start()) + 1:m.start()])  # ('- Part-time, 4 hours')
        out.append(_Type(label["n"] if label else f"{hours}h", covers, cost))
    names = [t.name for t in out]
    return out if len(set(names)) == len(names) else []


def _wraps(p: _Plan) -> bool | None:
    """Whether a shift may run past the last period into the first: said so ('the day repeats', 'wrapping past
    midnight allowed'), said not ('shifts have to fit inside opening hours'), or, for periods that do not fill a
    day or a week, never; None when they fill one and the text does not say."""
    end = f"{p.spans[-1][1] // 60 % 24:02d}:{p.spans[-1][1] % 60:02d}" if p.spans else "--"
    if (past := re.search(rf"\b(?:no\s+shift\s+(?:may|can)|shifts?\s+(?:may|can)\s*(?:not|n't))\s+(?:run|go|end)\s+"
                          rf"(?:past|beyond|after)\s+(?:{end}|{end.lstrip('0')})\b", p.text, re.IGNORECASE)):
        p.use(*past.span())  # 'No shift may run past 23:00', the end of the last period
        return False
    if re.search(r"\bfit\s+(?:inside|within|into)\b|\b(?:lie|lies|stay|stays|be)\s+(?:entirely\s+|wholly\s+)?"
                 r"(?:inside|within)\b|\bno\s+wrap|\bnot\s+cyclic|\b(?:doesn't|don't|does\s+not|do\s+not|"
                 r"cannot|can't)\s+wrap", p.text, re.IGNORECASE):
        return False
    whole = len(p.labels) == 7 if p.days else p.length * len(p.labels) == 1440
    if _CYCLIC.search(p.text):
        return True if whole else None  # ('24/7' over periods that leave part of the day out: asked)
    return None if whole else False


def _starts(p: _Plan, clause: str, at: int) -> list[int] | None:
    """The periods a shift may start at, when its clause lists them by the hour ('starts at 07, 09 or 11', 'can start
    at 8, 9, 10, 11 or 12'); None when it lists none, [] (never read) when one is not a period's start."""
    if not p.spans:
        return None
    m = re.search(rf"\bstart(?:s|ing)?\s+(?:at|on)\s+(?P<l>{_HOUR}(?:\s*(?:,|\bor\b|\band\b)\s*{_HOUR})+)", clause,
                  re.IGNORECASE)
    if m is None:
        return None
    firsts = [a % 1440 for a, _ in p.spans]
    out = []
    for h in re.finditer(_HOUR, m["l"], re.IGNORECASE):
        t = clock_minutes(h.group(0))
        if t not in firsts and t + 720 in firsts and not re.search(r"[ap]m", h.group(0), re.IGNORECASE):
            t += 720  # 'start at 8, 12 or 4' in a day of 8 to 8: 4 is 16:00
        if t not in firsts:
            return []
        out.append(firsts.index(t))
    p.use(at + m.start(), at + m.end())
    return out


def _cost_near(p: _Plan, a: int, b: int) -> float | None:
    """The one cost said between a and b ('cost 240', 'EUR 128 per shift', '£600 for the week')."""
    found = [m for m in _COST.finditer(p.text, a, b) if not any(x <= m.start() < y for x, y in p.used)]
    if len(found) != 1:
        return None
    p.use(*found[0].span())
    return float(found[0]["a"] or found[0]["b"] or found[0]["c"])


def _goal(p: _Plan, types: list[_Type]) -> str | None:
    """'cost' when the text asks for the cheapest cover and every kind has a cost; 'people' for the fewest."""
    cost, people = _GOAL_COST.search(p.text) or _GOAL_SUM.search(p.text), _GOAL_PEOPLE.search(p.text)
    if cost and people:
        return None  # both said: which one is the goal is not this reader's to guess
    if cost:
        return "cost" if types and all(t.cost is not None for t in types) else None
    return "people" if people else None
