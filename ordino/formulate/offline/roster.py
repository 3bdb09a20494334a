"""Offline reading of staff rostering and shift cover texts into a RosterProblem (patterns only).

Two shapes are read: (1) demands per day with a days-on/days-off pattern ("each works 5 consecutive days then
2 off; minimise the number of workers"), one shift a day; (2) named shifts with demands, a staff count and work
rules ("8 nurses; the day shift needs 3 nurses and the night shift 2; each nurse works at most 5 shifts; no day
shift right after a night shift"). What is not readable is reported as a question, never guessed.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from ordino.formulate.offline.staff import (
    DAY_IDS,
    MONEY,
    PEOPLE,
    SHIFT_WORDS,
    WEEK,
    day_index,
    named_people,
    read_named_staff,
)
from ordino.formulate.offline.text import QUALIFIED, quote_around, title_numbers
from ordino.formulate.questions import Question
from ordino.models.assignment import RosterProblem

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "twenty": 20, "thirty": 30}
N = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|twenty|thirty)"
_WEEKDAY = r"(mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?\b"
_NOT_MONEY = r"(?<![$\u20ac\u00a3\d.])"
"""Before a count of people: not a sum of money ('$150 a day')."""


def _num(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token]


class _Marks:
    """The text as the roster reader reads it, and which of its characters a reader used: `low` (lower case, lines
    kept, positions of the original) and `t` (blanks squeezed, for the sentence patterns)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = text.lower().replace("*", " ")
        self.at = [m.start() for m in re.finditer(r"\s+|\S", self.low)]  # where each character of `t` starts
        self.t = "".join(" " if m.group(0).isspace() else m.group(0) for m in re.finditer(r"\s+|\S", self.low))
        self.used = [False] * (len(self.low) + 1)
        for a, b in title_numbers(text):  # 'Kiosk 4 rota': a name
            self.used[a:b] = [True] * (b - a)

    def mark(self, m: re.Match[str] | None, squeezed: bool = True, offset: int = 0) -> None:
        """Mark a match (in `t`, else in `low`; at `offset` when it was found in a piece of it) as read."""
        if m is None or m.end() == m.start():
            return
        a, b = offset + m.start(), offset + m.end()
        if squeezed:
            a, b = self.at[a], self.at[b - 1] + 1
        self.used[a:b] = [True] * (b - a)

    def search(self, pattern: str) -> re.Match[str] | None:
        """The first match in `t`, marked as read."""
        m = re.search(pattern, self.t)
        self.mark(m)
        return m

    def explains(self, left: str) -> bool:
        """Whether what is left of a sentence only explains values read elsewhere ('so someone whose 5-day stint
        starts on Friday works Fri-Tue')."""
        known = {int(n.group(0)) for n in re.finditer(r"\d+", self.low) if all(self.used[n.start():n.end()])}
        return bool(re.search(r"\b(?:so|e\.g|i\.e|for example|for instance|that is|meaning)\b", left)) and all(
            int(n) in known for n in re.findall(r"\d+", left))

    def unread(self) -> list[str]:
        """Lines and sentences with a number or a word of a rule that no reader used."""
        out = []
        for m in re.finditer(r"(?:[^.;!?\n]|(?<=\d)\.(?=\d)|(?<=\be)\.(?=g)|(?<=\bi)\.(?=e))+", self.low):
            left = "".join(" " if self.used[m.start() + k] else c for k, c in enumerate(m.group(0)))
            if not _UNREAD_CUE.search(left) or self.explains(left):
                continue
            first = next(k for k, c in enumerate(left) if c != " ")
            out.append(quote_around(self.text, m.start(), m.end(), m.start() + first))
        return out


_UNREAD_CUE = re.compile(r"\d|\b(?:at most|at least|more than|fewer than|less than|no more|"
                         r"in a row|consecutive|never|only|cannot|can't|not|unavailable|prefer\w*|fair\w*|balanc\w*|"
                         r"spread|evenly|largest|exactly|except|unless|both|same|"
                         rf"{QUALIFIED})\b")
"""What makes a line left unread worth a question: a number, or a word that limits or ranks."""


def looks_like_roster(text: str) -> bool:
    """Shift cover / rostering vocabulary and no machines or jobs."""
    t = text.lower()
    if re.search(r"\b(machines?|jobs?|processing times?|operations?|makespan|tasks?|activit(?:y|ies)|projects?|"
                 r"predecessors?)\b", t):
        return False
    pattern = re.search(r"consecutive days|days? off|\bshifts?\b|\broster|\brota\b|needed (?:per|each|a) day|"
                        r"\bworking (?:each|every) day\b|\b(?:pay|paid|wages?)\b[^.]{0,40}\bper day\b|"
                        r"\bwork (?:more than|over|at most|no more than) \w+ days\b|"
                        r"[$\u20ac\u00a3]\s*\d+(?:\.\d+)?\s*(?:/|per |a )\s*(?:day|shift)\b", t)
    people = re.search(rf"\b{PEOPLE}\b", t) or named_people(text)
    per_day = re.search(_WEEKDAY, t) or re.search(r"\b(each|every|per) day\b|\bdays?\b", t)
    if re.search(r"\bhow many of each\b|\bprofit\b|\bbudget\b", t):
        return False  # an allocation LP worded with shifts, not a roster
    return bool(pattern and people and per_day)


def _weekday_span(t: str) -> list[int] | None:
    """The weekdays of 'Monday to Wednesday' / 'Mon-Fri' (in order), when the text names such a span."""
    m = re.search(rf"\b{_WEEKDAY}\s*(?:to|through|until|-|\u2013)\s*{_WEEKDAY}", t)
    if m is None:
        return None
    first, last = (day_index(g) for g in (m.group(1), m.group(2)))
    return list(range(first, last + 1)) if first <= last else None


def _weekday_demands(rd: _Marks) -> dict[int, int]:
    """Demand per weekday: 'Monday 15', 'Monday requires 17 employees', '| Monday | 15 |', 'Mon: 15' (on one line:
    a table's last day over its rows is no 'Sun 8'); read on the lines of the text."""
    t = rd.low
    found: dict[int, int] = {}

    def put(day: int, value: int, m: re.Match[str]) -> None:
        if day not in found:
            found[day] = value
            rd.mark(m, squeezed=False)
    one_day = _WEEKDAY.replace("(", "(?:", 1)
    for m in re.finditer(rf"\b(?P<s>{one_day}\s*(?:-|\u2013|to|through)\s*{one_day})\s*(?:=|:|are|is)?\s*"
                         r"(?P<l>\d+(?:\s*,\s*\d+)+)\b(?!\s*[:.]\d)", t):  # 'Mon-Sun = 5, 4, 4, 5, 6, 3, 2'
        spanned = _weekday_span(m.group("s"))
        values = [int(v) for v in re.findall(r"\d+", m.group("l"))]
        if spanned is not None and len(spanned) == len(values):
            for day, value in zip(spanned, values, strict=True):
                put(day, value, m)
    for m in re.finditer(rf"(?m)^\s*{_WEEKDAY}\s*,\s*(\d+)\s*$", t):  # a CSV line 'Mon,5'
        put(day_index(m.group(1)), int(m.group(2)), m)
    for m in re.finditer(rf"\b{_WEEKDAY}[ \t|:=-]*(?:requires?|needs?|has|must have)?[ \t|:=-]*(\d+)\b"
                         r"(?!\s*(?:h\b|hrs?\b|hours?\b|am\b|pm\b|[:.]\d))", t):  # not the 8 h of 'Mon-Fri 8 h'
        put(day_index(m.group(1)), int(m.group(2)), m)
    for m in re.finditer(rf"\b(\d+)\s+{PEOPLE}?\s*(?:are\s+)?(?:needed|required)?\s*on\s+{_WEEKDAY}", t):
        put(day_index(m.group(2)), int(m.group(1)), m)
    for m in re.finditer(rf"\b(\d+)\s+on\s+{_WEEKDAY}", t):
        put(day_index(m.group(2)), int(m.group(1)), m)
    days = rf"{one_day}(?:\s*(?:,\s*and|,|and|&)\s*{one_day})+"
    for m in re.finditer(rf"{_NOT_MONEY}\b{N}\s+(?:{PEOPLE}\s+)?(?:in\s+|working\s+|at work\s+)?on\s+(?P<l>{days})",
                         t):  # '2 people in on Mon, Tue, Thu and Fri'
        for d in re.finditer(_WEEKDAY, m.group("l")):
            put(day_index(d.group(1)), _num(m.group(1)), m)
    for m in re.finditer(rf"{_NOT_MONEY}\b{N}\s+(?:{PEOPLE}\s+)?(?:in\s+|working\s+|at work\s+|on duty\s+)?on\s+"
                         r"(?:(?:each|every|a|any|all)\s+)?(?P<w>week\s*days?|weekend\s+days?|weekends?)\b", t):
        for day in range(5) if m.group("w").startswith("week") and "end" not in m.group("w") else (5, 6):
            put(day, _num(m.group(1)), m)  # 'at least 2 baristas on each weekday'
    span = rf"{one_day}\s*(?:-|\u2013|to|through|thru)\s*{one_day}"
    for m in re.finditer(rf"{_NOT_MONEY}\b{N}\s+(?:{PEOPLE}\s+)?(?:working\s+|in\s+|on duty\s+|at work\s+)?"
                         rf"(?:(?:each|every|per|a)\s+day\s+)?(?:on\s+|from\s+)?(?P<s>{span})", t):
        ends = [day_index(d.group(1)) for d in re.finditer(_WEEKDAY, m.group("s"))]
        for day in range(ends[0], ends[1] + 1):  # '2 people working each day Monday to Friday' (named days win)
            put(day, _num(m.group(1)), m)
    lines = [line for line in re.finditer(r"[^\n]+", t) if not re.fullmatch(r"[\s|:+-]*", line.group(0))]
    for k, head in enumerate(lines):  # '| Day | Mon | Tue |' over '| Min | 2 | 2 |' (or a 'Needed' row further down)
        heads = [c.strip() for c in head.group(0).strip(" |").split("|")]
        if sum(re.fullmatch(_WEEKDAY, h) is not None for h in heads) < 3:
            continue
        rows = [(row, [c.strip() for c in row.group(0).strip(" |").split("|")]) for row in lines[k + 1:k + 30]
                if "|" in row.group(0)]
        for row, cells in rows[:1] + [r for r in rows if re.fullmatch(r"needed|min(?:imum)?|required|demand|need|"
                                                                       r"staff needed|cover", r[1][0])]:
            if len(cells) == len(heads):
                for h, c in zip(heads, cells, strict=True):
                    if (named := re.fullmatch(_WEEKDAY, h)) and c.isdigit():
                        put(day_index(named.group(1)), int(c), row)
                        rd.mark(head, squeezed=False)
    return found


def _list_demands(rd: _Marks) -> list[int] | None:
    """'each day needs at least 15, 13, 15, 18, 14, 16, 10 workers' / 'daily requirements are 5, 6, 4'."""
    for part in re.finditer(r"(?:[^.;?!]|\.{2,})+(?:[.;?!]|$)", rd.t):  # 'Mon..Sun' ends no sentence
        sentence = part.group(0)
        m = re.search(r"\b((?:\d+\s*,\s*){2,}(?:and\s+)?\d+)\b", sentence)
        need = re.search(r"\b(?:needs?|needed|requires?|required|requirements?|demands?|minimum|at least|staff\w*|"
                         r"need_d|req_d|b_d)\b", sentence)
        if m and need and re.search(r"\b(?:day|days|daily|week|weekly|mon\s*(?:\.\.|-)\s*sun)\b|_d\b", sentence) and \
                not re.search(r"\b0\d", m.group(1)):
            # ('00, 04, 08' are hours, no demands)
            rd.mark(m, offset=part.start())
            rd.mark(re.search(r"\b(?:at least|minimum(?: of)?|exactly)\s+(?=\d)", sentence), offset=part.start())
            rd.mark(need, offset=part.start())
            return [int(x) for x in re.findall(r"\d+", m.group(1))]
    return None


def _pattern(rd: _Marks) -> tuple[int, int] | None:
    m = rd.search(rf"\b(?:exactly\s+)?{N}\s+consecutive\s+(?:working\s+)?days?\b[^.]{{0,60}}?\b{N}\s+"
                  rf"(?:consecutive\s+)?(?:days?\s+)?off\b")
    if m:
        return _num(m.group(1)), _num(m.group(2))
    m = rd.search(rf"\b{N}\s+days?\s+on\b[^.]{{0,20}}?\b{N}\s+(?:days?\s+)?off\b")
    return (_num(m.group(1)), _num(m.group(2))) if m else None


def _shift_demands(rd: _Marks) -> dict[str, list[int] | int]:
    """'the day shift needs 3 nurses', 'the night shift needs 2, 2, 3, 2, 2 nurses' (per day)."""
    t = rd.t
    out: dict[str, list[int] | int] = {}
    for m in re.finditer(rf"\b(?:the\s+)?({SHIFT_WORDS})\s+shift\s+(?:needs?|requires?|must have|has)\s+"
                         rf"(?:at least\s+)?((?:\d+\s*,\s*)*(?:\d+\s+and\s+)?{N})\b", t):
        values = [_num(x) for x in re.findall(rf"\b{N}\b", m.group(2))]
        out[m.group(1)] = values if len(values) > 1 else values[0]
        rd.mark(m)
    for m in re.finditer(rf"\bthe\s+({SHIFT_WORDS})\s+shift\s+{N}\b", t):  # "... and the night shift 2"
        if m.group(1) not in out:
            out[m.group(1)] = _num(m.group(2))
            rd.mark(m)
    named = re.search(rf"\b(?:an?\s+)?({SHIFT_WORDS})(?:\s+shift)?\s*(?:,|and|&)\s*(?:an?\s+)?({SHIFT_WORDS})\s+"
                      rf"shifts?\b", t)  # 'a morning and an evening shift each day' ...
    each = re.search(rf"\b(?:each|every|per)\s+shift\s+(?:needs?|requires?|must have|has)\s+(?:at least\s+)?{N}\b", t)
    if named and each and not out:  # ... 'each shift needs 1 person'
        out = {named.group(1): _num(each.group(1)), named.group(2): _num(each.group(1))}
        rd.mark(named)
        rd.mark(each)
    return out


def _day_count(rd: _Marks) -> int | None:
    m = rd.search(rf"\b(?:over|for|during|across|in)\s+(?:the\s+next\s+|a\s+period\s+of\s+)?{N}\s+days\b")
    if m:
        return _num(m.group(1))
    if rd.search(r"\b(?:a|one|the)\s+week\b|\bweekly\b|\beach day of the week\b"):
        return 7
    return None


def _staff_count(rd: _Marks) -> int | None:
    m = rd.search(rf"\b(?:there are|we have|has|employs|with|a team of|a pool of)\s+{N}\s+{PEOPLE}")
    return _num(m.group(1)) if m else None


def read_roster(text: str) -> tuple[RosterProblem | None, list[Question], list[str]]:
    """A RosterProblem from a shift cover / rostering text, or the questions that would complete it."""
    rd = _Marks(text)
    t = rd.t
    notes: list[str] = []
    missing: list[Question] = []
    pattern = _pattern(rd)
    shift_demands = _shift_demands(rd)
    weekday = _weekday_demands(rd)  # with its lines: a table may hold the days
    listed = _list_demands(rd) if not weekday else None
    counted = re.search(rf"\b(?P<x>[a-z])_?[a-z]?\s*=\s*(?:the\s+)?number\s+of\s+{PEOPLE}\b", t)
    sigma = r"(?:\u03c3|\u2211|sum\s+of)"  # ('Σ' is 'σ' in lower case)
    if counted is not None:  # 'x_s = number of workers whose 5-day block starts on day s': the model's variable, and
        said = re.compile(r"[^.;\n]*").match(t, counted.start())  # 'min Σ_s x_s s.t. coverage on each day ≥ b_t,
        rest = t[:counted.start()] + t[said.end():] if said else t
        if said and all(re.search(rf"\b{k}\b", rest) for k in re.findall(r"\d+", said.group(0))):
            rd.mark(said)  # (a number of its own would be data: left unread, so asked)
        rd.search(rf"\bmin(?:imi[sz]e)?\s*{sigma}\s*(?:_?[a-z]\s+)?{counted['x']}_?[a-z]?\b"  # x_s ∈ ℤ≥0'
                  rf"(?:\s*,?\s*s\.\s?t\.\s*coverage\s+on\s+(?:each|every)\s+day\s*(?:>=|\u2265)\s*b_?t)?"
                  rf"(?:\s*,\s*{counted['x']}_?[a-z]?\s*(?:\u2208|in)\s*(?:\u2124|z)\s*(?:_?\{{?(?:>=|\u2265)\s*0\}}?|\+))?")
    minimise_staff = bool(rd.search(rf"\b(minimi[sz]e|min|minimum|fewest|smallest|least)\b[^.]{{0,40}}\bnumber\b|"
                                    rf"\bmin(?:imi[sz]e)?\s*{sigma}\s*(?:_?[a-z]\s+)?"
                                    rf"{counted['x'] if counted else '(?!)'}_?[a-z]?\b|"
                                    rf"\bhow many\b[^.?]{{0,40}}\b(hired|employed|needed|required|employ|hire)\b|"
                                    rf"\bminimum number of\b|\bfewest {PEOPLE}|\b(?:smallest|minimum|minimal|least)\s+"
                                    rf"(?:possible\s+)?(?:crew|team|workforce|head\s*count|staff)(?:\s+size)?\b"))
    minimise_cost = bool(rd.search(r"\b(minimi[sz]e|minimum|minimal|lowest|least|cheapest)\b[^.]{0,30}\b"
                                   r"(?:cost|wage|pay|bill)"))
    staff_given = _staff_count(rd)
    if shift_demands:
        span = _weekday_span(t)
        n_days = _day_count(rd) or (7 if weekday else len(span) if span else None)
        if n_days is None:
            lengths = {len(v) for v in shift_demands.values() if isinstance(v, list)}
            n_days = lengths.pop() if len(lengths) == 1 else None
        if n_days is None:
            missing.append(Question(key="days", text="Over how many days is the roster made? (e.g. 'over 7 days')"))
            return None, missing, notes
        days = DAY_IDS if n_days == 7 else [DAY_IDS[k] for k in span] if span and len(span) == n_days else \
            [f"D{k}" for k in range(1, n_days + 1)]
        shifts = list(shift_demands)
        cover: list[dict[str, Any]] = []
        for s, need in shift_demands.items():
            if isinstance(need, list):
                if len(need) != n_days:
                    missing.append(Question(key="cover", text=f"The {s} shift lists {len(need)} demands for "
                                            f"{n_days} days; give one per day"))
                    continue
                cover += [{"shift": s, "day": d, "min": v} for d, v in zip(days, need, strict=True)]
            else:
                cover.append({"shift": s, "min": need})
        top = max(sum(c["min"] for c in cover if c.get("day") in (d, None)) for d in days)
        total = sum(c["min"] * (1 if c.get("day") else n_days) for c in cover)
    else:
        span = _weekday_span(t)
        if weekday:
            wanted = list(range(7)) if len(weekday) == 7 or span is None else span
            said_days = {day_index(m.group(1)) for m in re.finditer(_WEEKDAY, t)} | set(weekday)
            if span is None and sorted(weekday) == list(range(len(weekday))) and said_days == set(weekday) and not \
                    re.search(r"\b(?:seven|7)\s+days\b|\bevery day of the week\b|\bweekends?\b", t):
                wanted = sorted(weekday)  # 'Mon .. Fri' in a table, no other day named: the days of the roster
            if set(weekday) != set(wanted):
                absent = [WEEK[k] for k in wanted if k not in weekday]
                missing.append(Question(key="cover", text=f"How many are needed on {', '.join(absent)}?"
                                        if absent else "Which days does the roster cover?"))
                return None, missing, notes
            demands = [weekday[k] for k in wanted]
        elif listed:
            demands = listed
        elif span is not None and (same := rd.search(
                rf"{_NOT_MONEY}\b{N}\s+(?:{PEOPLE}\s+(?:are\s+)?(?:(?:needed|required|working|on duty|in|"
                rf"(?:on|at|in)\s+(?:the\s+)?[a-z]+)\s+)?|"
                rf"(?:are\s+)?(?:needed|required|on duty)\s+)(?:on\s+)?(?:each|every|per|a)\s+day\b"
        )) is not None:  # 'Mon-Fri ... 2 people needed each day'
            weekday = {k: _num(same.group(1)) for k in span}
            wanted, demands = span, [weekday[k] for k in span]
        else:
            missing.append(Question(key="cover", text="How many people are needed on each day? "
                                    "(e.g. 'Monday 15, Tuesday 13, ...')"))
            return None, missing, notes
        days = DAY_IDS if len(demands) == 7 else [DAY_IDS[k] for k in wanted] if weekday else \
            [f"D{k}" for k in range(1, len(demands) + 1)]
        shifts = ["day"]
        cover = [{"day": d, "min": v} for d, v in zip(days, demands, strict=True)]
        top, total = max(demands), sum(demands)
    rules: list[dict] = []
    cyclic = False
    if pattern is not None:
        on, off = pattern
        if on + off != len(days):
            missing.append(Question(key="pattern", text=f"The pattern {on} on / {off} off does not fit the "
                                    f"{len(days)} days; over how many days does it repeat?"))
        rules.append({"type": "cyclic_pattern", "on": on, "off": off})
        cyclic = True
        rd.search(r"\b(?:(?:the\s+)?same\s+(?:pattern\s+|plan\s+|rota\s+)?(?:repeats\s+)?(?:every|each)\s+week|"
                  r"repeat\w*\s+(?:every\s+week|weekly)|(?:on\s+)?a\s+repeating\s+weekly\s+cycle)\b")  # the cycle,
        # said again
        rd.search(rf"\bany\s+of\s+the\s+(?:{len(days)}|seven)\s+(?:possible\s+)?(?:off-day\s+pairs|start(?:ing)?\s+days|"
                  r"patterns|rotations)\s+(?:is|are|can\s+be)\s+(?:allowed|possible|fine|ok|used)\b(?:\s*,?\s*by\s+as\s+"
                  r"many\s+\w+\s+as\s+(?:we|you|i)\s+(?:like|want|need))?")  # so is every start day
    named = read_named_staff(text, days)
    for bound in ("most", "least") if named is None else ():  # named people: their rules are read per sentence
        m = rd.search(rf"\bat {bound}\s+{N}\s+(?:shifts|days)(?: in total| per week| a week| each week)?\b")
        if m:
            rules.append({"type": "count", "per": ["staff"], "max" if bound == "most" else "min": _num(m.group(1))})
    m = re.search(rf"\b(?:no more than|at most)\s+{N}\s+consecutive\s+(?:working\s+)?days\b", t)
    if m and pattern is None:
        rd.mark(m)
        rules.append({"type": "max_consecutive_days", "max_on": _num(m.group(1))})
    for m in re.finditer(rf"\bno\s+({SHIFT_WORDS})\s+shifts?\s+(?:right\s+|directly\s+|immediately\s+)?"
                         rf"(?:after|following)\s+an?\s+({SHIFT_WORDS})\s+shift", t):
        rd.mark(m)
        rules.append({"type": "forbidden_sequence", "first": m.group(2), "then": m.group(1)})
    for m in re.finditer(rf"\bafter\s+an?\s+({SHIFT_WORDS})\s+shift[^.]{{0,30}}?\bno\s+({SHIFT_WORDS})\s+shift", t):
        rd.mark(m)
        rules.append({"type": "forbidden_sequence", "first": m.group(1), "then": m.group(2)})
    for r in rules:
        if r["type"] == "forbidden_sequence" and not {r["first"], r["then"]} <= set(shifts):
            missing.append(Question(key="shifts", text=f"The rule about the {r['first']} and {r['then']} shifts "
                                    "names a shift without a demand; how many people does each shift need?"))
    cost = rd.search(rf"\b(?:each|every|a|one)\s+{PEOPLE}\s+costs?\s+\$?\s*(\d+)\s+(?:per|a|each)\s+(shift|day)")
    objective: list[dict] = []
    if minimise_cost and not cost and named is None:  # never the head count in place of the cost asked for
        missing.append(Question(key="costs", text="What does a shift cost? (e.g. 'each worker costs $120 per "
                                "shift', or each person's pay: 'Ana - $120/day')"))
    elif minimise_staff and not minimise_cost and MONEY.search(t):
        missing.append(Question(key="objective", text="The text gives costs: minimise the number of staff or the "
                                "total cost?", choices=["staff_count", "total_cost"]))
    elif minimise_staff and not minimise_cost:
        objective = [{"term": "staff_count"}]
    elif minimise_cost and cost:
        objective = [{"term": "total_cost"}]
    elif re.search(r"\b(minimi[sz]e|maximi[sz]e|as few|as many|lowest|cheapest)\b", t):
        missing.append(Question(key="objective", text="What should be minimised? (the number of staff, or the "
                                "total cost with a cost per shift)", choices=["staff_count", "total_cost"]))
    else:
        notes.append("no objective stated: any roster that meets every rule is a solution")
    if named is not None:  # people named with their pay: their own rules and costs
        staff, costs, named_rules, unread = named
        rules += named_rules
        missing += unread
        if minimise_cost:
            objective = [{"term": "total_cost"}]
            missing = [q for q in missing if q.key != "objective"]
    elif staff_given is not None:
        staff = [{"id": "S", "copies": staff_given}] if staff_given > 1 else [{"id": "S"}]
    elif minimise_staff:
        bound = max(total, top, 1)
        if pattern is not None:  # `top` people starting on each of ceil(days/on) spread days cover every day
            bound = min(bound, top * -(-len(days) // pattern[0]))
        staff = [{"id": "W", "copies": bound}] if bound > 1 else [{"id": "W"}]
        notes.append(f"staff pool of {bound} (enough to meet every demand) to choose the hired ones from")
    else:
        missing.append(Question(key="staff", text="How many staff are available?"))
    rd.search(rf"\b(?:(?:at most|no more than|only|more than)\s+(?:one|1|a single)\s+shifts?|"
              rf"(?:one|1|a single)\s+shifts?)\s+(?:a|per|each|in\s+a|on\s+any)\s+(?:{PEOPLE}\s+(?:per\s+|a\s+)?)?"
              rf"(?:person\s+(?:per\s+|a\s+)?)?day(?:\s+at\s+most)?\b")  # the model's own rule, said again
    if not missing and named is None and (left := rd.unread()):  # every number and rule word accounted for
        # (the reader of named staff asks about their sentences itself)
        missing.append(Question(key="unread", text="I could not read these parts of the roster: "
                                + "; ".join(repr(u) for u in left[:5]) + ". Rephrase them."))
    if missing:
        return None, missing, notes
    data = {"schema": "ordino/1", "family": "assignment", "staff": staff, "shifts": [{"id": s} for s in shifts],
            "days": days, "cyclic": cyclic, "cover": cover, "rules": rules, "objective": objective}
    if named is not None:
        data["costs"] = costs
    elif cost and objective == [{"term": "total_cost"}]:
        data["costs"] = [{"cost": int(cost.group(1))}]
    try:
        return RosterProblem.model_validate(data), [], notes
    except ValidationError as exc:
        from ordino.models.io import describe_validation_error

        return None, [Question(key="fix", text="the roster read from the text is inconsistent: "
                               + describe_validation_error(exc, data))], notes
