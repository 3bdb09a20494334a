"""Shift cover with kinds of shifts, each of a length, with the times it may start and a cost: 'Full-timers work 8
straight hours and can start at 8:00, 9:00 or 10:00; they cost $20/hour ($160 per shift)', 'a 4-hour shift
starting at 08:00, 10:00 or 12:00 (paid £60 each)', over demands per clock period ('8-9: 4, 9-10: 6, ...').
Read into a linear model: people per kind and start, every period covered, the least cost (or the fewest people).

Every number in the text must be a period's bounds or demand, a kind's length, start or cost, or the opening hours
or period length said again; otherwise nothing is read and the other readers (which ask) take the text."""

from __future__ import annotations

import re

from ordino.formulate.offline.periods import read_periods
from ordino.formulate.offline.staff import CURRENCY
from ordino.formulate.offline.text import count_value
from ordino.models.linear import LinearModel

_CLOCK = r"\d{1,2}(?::\d\d)?(?:\s*[ap]m\b|\s*noon\b)?"
_CURRENCY = r"(?:eur|usd|gbp|euros?|dollars?|pounds?)"
_LENGTH = re.compile(r"\b(?P<h>\d{1,2})[- ](?:(?:straight|consecutive|continuous)[- ])?(?:hours?|hrs?|h)\b(?![-:])|"
                     r"\bstraight\s+(?P<h2>\d{1,2})-hour\b", re.IGNORECASE)
_STARTS = re.compile(rf"\bstart(?:s|ing)?(?:\s+at)?\s+(?P<l>{_CLOCK}(?:\s*,\s*{_CLOCK})*"
                     rf"(?:\s*,?\s*(?:or|and)\s+{_CLOCK})?)|"
                     rf"\bstart(?:s|ing)?\s+(?:on\s+the\s+hour\s+|(?:on|at)\s+any\s+(?:full\s+|(?P<even>even)\s+)?hour\s+)?"
                     rf"(?:anywhere\s+|any\s+time\s+)?(?:from|between)\s+"
                     rf"(?P<a>{_CLOCK})\s*(?:to|and|-|until|up\s+to|through)\s*(?P<b>{_CLOCK})", re.IGNORECASE)
"""When a kind of shift may start: 'starting at 7, 8 or 9', 'start on the hour anywhere from 7 to 11' (every
period's start in between)."""
_PER_SHIFT = re.compile(rf"{CURRENCY}\s*(?P<a>\d+(?:\.\d+)?)\s*(?:per|a|each|/)\s*(?:shift|block|day)\b(?:\s+each\b)?|"
                        rf"(?P<b>\d+(?:\.\d+)?)\s*{_CURRENCY}\s*per\s*(?:shift|block)\b|"
                        rf"\((?:paid|flat)\s*{CURRENCY}\s*(?P<c>\d+(?:\.\d+)?)\s*each\)|"
                        rf"\bcosts?\s+(?:us\s+)?{CURRENCY}\s*(?P<d>\d+(?:\.\d+)?)(?![\d.]|\s*/)", re.IGNORECASE)
_EACH_COSTS = re.compile(r"\.?\s*(?:each(?:\s+one)?|it|one|they|these|those)\s+(?P<s>costs?\s+(?:us\s+)?"
                         r"(?:[^.\n]|(?<=\bi)\.(?=e)|(?<=\be)\.(?=g)|(?<=\bi\.e)\.|(?<=\be\.g)\.|(?<=\d)\.(?=\d))*)",
                         re.IGNORECASE)
"""A kind's cost said in the next sentence of its line ('. Each costs $128', '. They cost us $20/hour, i.e. $160
per shift')."""
_HOURS_AT = re.compile(rf"\(\s*(?P<h>\d{{1,2}})\s*h(?:ours?)?\s+at\s+{CURRENCY}\s*(?P<r>\d+(?:\.\d+)?)\b(?:\s*/\s*h)?")
"""A kind's cost as its hours at a rate ('(8 h at $16)'), said again."""
_PER_HOUR = re.compile(rf"{CURRENCY}\s*(?P<a>\d+(?:\.\d+)?)\s*(?:/\s*|(?:an|a|per|each)\s+)h(?:ou)?r\b|"
                       rf"(?P<b>\d+(?:\.\d+)?)\s*{_CURRENCY}\s*(?:/\s*|(?:an|a|per|each)\s+)h(?:ou)?r\b", re.IGNORECASE)
"""An hourly rate: '$20/hour', '$22 an hour', '25 euros per hour'."""
_PERIOD_ITEM = re.compile(r"(?<![\d:])\d{1,2}(?::\d\d)?(?:\s*[ap]m)?\s*-\s*\d{1,2}(?::\d\d)?(?!:\d\d)(?:\s*[ap]m)?"
                          r"\s*h?\s*:\s*\d+")
"""A period and its demand ('8-9: 4'); never the minutes of one clock and the next clock ('09:00-21:00')."""
_COST_GOAL = re.compile(r"(?i)\bcheapest\b|\b(?:lowest|least|min(?:imum|imi[sz]e)?)\b[^.?\n]{0,30}\b(?:cost|wage|pay)")
_FEWEST = re.compile(r"(?i)\b(?:fewest|min(?:imum|imi[sz]e)?\s+(?:the\s+)?number\s+of|as\s+few)\b")


_CAP = re.compile(r"(?i)\b(?:(?:won't|will\s+not|can't|cannot|can\s+not)\s+(?:let\s+(?:us|me)\s+)?(?:give|send|supply|"
                  r"provide|get|have|use|book|hire)\s+(?:us\s+|me\s+)?more\s+than|at\s+most|no\s+more\s+than|up\s+to|only|"
                  r"can\s+only\s+(?:give|send|supply|provide|get|have|use|book|hire)\s+(?:us\s+|me\s+)?)\s*"
                  r"(?P<k>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                  r"(?P<w>[a-z]+(?:-[a-z]+)?)(?:\s+(?:shifts?|people|staff))?"
                  r"(?:\s+(?:on\s+(?:any|a)\s+(?:given\s+)?day|a\s+day|per\s+day|for\s+the\s+day|in\s+total|"
                  r"each\s+day|that\s+day))?"
                  r"(?:\s+at\s+most)?")
"""A cap on the people of one kind: 'won't give us more than 6 part-timers on any day', 'at most 4 part-time shifts
in total', 'can only send us 4 part-timers for the day at most'."""


_WITHIN = re.compile(rf"(?i)\b(?:can't|cannot|can\s+not|may\s+not|must\s+not|mustn't)\s+(?:run|go|extend|last|end)\s+"
                     rf"(?:past|beyond|after|later\s+than)\s+(?P<c>{_CLOCK})")


def _stem(name: str) -> str:
    """'Part-timers', 'part-time', 'part-timer' -> 'part-time'; '4-hour shift' -> '4-hour'."""
    word = name.lower().split()[0]
    return re.sub(r"(?:rs?|s)$", "", word) if word.endswith(("ers", "er", "s")) else word


def _minutes(clock: str, starts: set[int]) -> int | None:
    """A start time in minutes: '8:00', '8' or, on a 12-hour clock, '2' as 14:00 when only that starts a period."""
    clock = re.sub(r"(?i)^12\s*noon$", "12 pm", clock.strip())
    half = re.search(r"(?i)[ap]m$", clock)
    h, _, m = re.sub(r"(?i)\s*[ap]m$", "", clock).partition(":")
    at = int(h) * 60 + int(m or 0)
    if half:  # '2 pm' is 14:00, '12 pm' noon, '12 am' midnight
        at = at % 720 + (720 if half.group(0).lower() == "pm" else 0)
        return at if at in starts else None
    if at in starts:
        return at
    return at + 720 if at + 720 in starts else None


_SPAN_LINE = re.compile(rf"(?m)^[ \t]*[-*\u2022]?[ \t]*(?P<n>[A-Za-z][\w '-]{{0,30}}?)\s*[,:]\s*(?P<a>{_CLOCK})\s*-\s*"
                        rf"(?P<b>{_CLOCK})(?:\s*\(\s*(?P<h>\d{{1,2}})\s*(?:hours?|hrs?|h)\s*\))?[ \t]*$")
"""A shift listed by its name and clock span: '- Opener, 7:00-15:00 (8 hours)'."""
_LENGTH_PAID = re.compile(rf"(?i)\b(?:the\s+)?(?P<h>\d{{1,2}})[- ]hour\s+(?:people|shifts?|staff|ones|folks|workers)\s+"
                          rf"(?:cost\s+(?:me|us)\s+|are\s+(?:paid\s+)?|get\s+(?:paid\s+)?|(?:are\s+)?on\s+)?{CURRENCY}\s*"
                          rf"(?P<r>\d+(?:\.\d+)?)\s*(?P<hourly>(?:an|a|per|/)\s*h(?:ou)?r\b|/\s*h\b)?")
"""What the shifts of one length cost: '8-hour people cost me $17 an hour', 'the 4-hour shifts are $19 an hour'."""


def _listed_shifts(text: str, starts: set[int], end: int, used: list[bool]) -> dict[str, tuple[int, list[int], float]]:
    """Shifts listed one per line with their clock spans, priced by their length in a sentence of their own; {}
    unless every line is read and every length has a price."""
    lines = list(_SPAN_LINE.finditer(text))
    prices = {int(m["h"]): m for m in _LENGTH_PAID.finditer(text)}
    kinds: dict[str, tuple[int, list[int], float]] = {}
    for m in lines:
        a, b = _minutes(m["a"], starts), _minutes(m["b"], starts | {end})
        if a is None or b is None or b <= a or (b - a) % 60 or m["h"] and int(m["h"]) * 60 != b - a:
            return {}
        hours = (b - a) // 60
        paid = prices.get(hours)
        if paid is None or m["n"].strip() in kinds:
            return {}
        cost = float(paid["r"]) * (hours if paid["hourly"] else 1)
        kinds[m["n"].strip()] = (hours, [a], cost)
    if len(kinds) < 2:
        return {}
    for m in [*lines, *prices.values()]:
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    return kinds


def read_shift_kinds(text: str) -> LinearModel | None:
    """The cover model of a text with shift kinds over clock periods, or None."""
    text = text.replace("\u2013", "-").replace("\u2014", "-")  # '08\u201309: 2' (lengths kept)
    periods = read_periods(text)
    if periods is None or len(periods) < 3:
        return None
    length = periods[1][0] - periods[0][0]
    if any(b[0] - a[0] != length for a, b in zip(periods, periods[1:], strict=False)):
        return None
    starts = {s for s, _ in periods}
    end = periods[-1][0] + length
    used = [False] * len(text)
    for m in _PERIOD_ITEM.finditer(text):
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    kinds: dict[str, tuple[int, list[int], float]] = {}
    for piece in re.finditer(r"(?:[^.?!\n]|(?<=i\.e|e\.g)\.|(?<=\bi)\.(?=e)|(?<=\be)\.(?=g)|"
                             r"\n(?!\s*(?:\n|[A-Z0-9*\u2022-])))+?"  # 'i.e.' and a line going on in lower case
                             r"(?=\s*(?:(?<!i\.e)(?<!e\.g)[.?!](?:\s|$)|\n\s*(?:\n|[A-Z0-9*\u2022-])|"
                             r",\s+or\s+(?:an?\b|\d)|,\s+(?:and|or)\s+(?=[^,.;\n]{0,60}\b\d{1,2}[- ]"
                             r"(?:(?:straight|consecutive|continuous)[- ])?(?:hours?|hrs?|h)\b)|$))",
                             text):
        p = piece.group(0)
        size, when = _LENGTH.search(p), _STARTS.search(p)
        if size is None or when is None:
            continue
        hours = int(size["h"] or size["h2"])
        if when["l"]:
            found = [_minutes(c, starts) for c in re.findall(_CLOCK, when["l"])]
        else:  # 'from 7 to 11': every start of a period from the first to the last
            a, b = _minutes(when["a"], starts), _minutes(when["b"], starts)
            found = [None]  # ('on the hour' over 2-hour periods would start between them: not read)
            on_hours = length == 60 or when["even"] and length == 120 and all(s % 120 == 0 for s in starts)
            if a is not None and b is not None and a < b and ("hour" not in when.group(0) or on_hours):
                found = [s for s in sorted(starts) if a <= s <= b]
        flat, hourly = _PER_SHIFT.search(p), _PER_HOUR.search(p)
        after = _EACH_COSTS.match(text, piece.end()) if flat is None and hourly is None else None
        told = (_PER_SHIFT.search(after["s"]), _PER_HOUR.search(after["s"])) if after else (None, None)
        for part in told:  # '- Full-time 8-hour shifts starting at 6 am, 10 am or 2 pm. Each costs $128'
            if after is not None and part is not None:  # (only its values: what else the sentence says is read)
                a, b = after.start("s") + part.start(), after.start("s") + part.end()
                used[a:b] = [True] * (b - a)
        said, per_hour = flat or told[0], hourly or told[1]
        cost = float(next(g for g in said.groups() if g)) if said else None
        rate = float(next(g for g in per_hour.groups() if g)) if per_hour else None
        if rate is not None and cost is not None and rate * hours != cost:
            return None  # '$20/hour ($160 per shift)' must agree
        cost = cost if cost is not None else rate * hours if rate is not None else None
        line_end = text.find("\n", piece.end()) % (len(text) + 1)
        for said in _HOURS_AT.finditer(text, piece.start(), line_end):  # '(8 h at $16)': the cost said again
            if int(said["h"]) == hours and cost is not None and float(said["r"]) * hours == cost:
                used[said.start():said.end()] = [True] * (said.end() - said.start())
        at = [a for a in found if a is not None]
        if len(at) != len(found) or len(set(at)) != len(at) or cost is None or any(a + hours * 60 > end for a in at):
            return None
        named = re.search(r"(?i)\b(?P<n>(?:full|part)[- ]tim(?:ers?|e))\b", p) or \
            re.match(r"\s*(?:[A-Za-z]+\s+)?(?!(?:We|I|They|You)\b)(?P<n>[A-Z][\w-]*?s?)\s+(?:work|do|are|can)\b", p)
        name = named["n"][0].upper() + named["n"][1:] if named else f"{hours}-hour shift"
        if name in kinds:
            return None
        kinds[name] = (hours, at, cost)
        for part in (size, when, flat, hourly):
            if part is not None:
                a, b = piece.start() + part.start(), piece.start() + part.end()
                used[a:b] = [True] * (b - a)
        for m in re.finditer(rf"(?P<a>{_CLOCK})\s*-\s*(?P<b>{_CLOCK})", p):  # '(the latest one runs 11-15)': one
            a, b = _minutes(m["a"], starts), _minutes(m["b"], starts | {end})  # of its shifts, said again
            if a in at and b == a + hours * 60:
                used[piece.start() + m.start():piece.start() + m.end()] = [True] * (m.end() - m.start())
        for m in re.finditer(rf"(?i)\b(?:latest|last)\s+(?:one|shift|start)\s+(?:ends|finishes|runs\s+(?:until|till|"
                             rf"to))\s+(?:at\s+)?(?P<c>{_CLOCK})", p):  # '(so the latest one ends at 19:00)'
            # (when the latest start and the length say so: the same shifts said again)
            if at and _minutes(m["c"], starts | {end}) == max(at) + hours * 60:
                used[piece.start() + m.start():piece.start() + m.end()] = [True] * (m.end() - m.start())
    if not kinds:
        kinds = _listed_shifts(text, starts, end, used)
    if len(kinds) < 2:
        return None
    caps: dict[str, int] = {}
    for m in _CAP.finditer(text):  # 'The agency won't give us more than 6 part-timers on any day'
        which = [k for k in kinds if _stem(k) == _stem(m["w"])]
        if len(which) != 1 or which[0] in caps or any(used[m.start():m.end()]):
            return None
        caps[which[0]] = count_value(m["k"].lower())
        used[m.start():m.end()] = [True] * (m.end() - m.start())
    for m in _WITHIN.finditer(text):  # 'Shifts can't run past 20:00': the closing time, said again
        if _minutes(m["c"], {end}) == end:
            used[m.start():m.end()] = [True] * (m.end() - m.start())
    rest = "".join(" " if u else c for c, u in zip(text, used, strict=True))
    first, last = periods[0][0] // 60, end // 60

    def again(m: re.Match[str]) -> str:  # the opening hours or the period length said again, else left as it is
        if m["length"]:
            return " " if int(m["length"]) * 60 == length else m.group(0)
        hours = (int(m["a"]) % 12, int(m["b"]) % 12)
        return " " if hours == (first % 12, last % 12) and not m["am"] and not m["bm"] else m.group(0)

    rest = re.sub(r"(?i)\b(?P<a>\d{1,2})(?::(?P<am>[1-5]\d|0[1-9]))?(?::00)?\s*(?:[ap]m)?\s*(?:-|to|until|till)\s*"
                  r"(?P<b>\d{1,2})(?::(?P<bm>[1-5]\d|0[1-9]))?(?::00)?\s*(?:[ap]m)?|"
                  r"\b(?P<length>\d{1,2})[- ]hours?\s+(?:blocks?|periods?|slots?|intervals?)\b", again, rest)
    if re.search(r"\d", rest):
        return None  # a number no kind, period, opening hour or period length explains
    names, covers, costs = [], [], {}
    for kind, (hours, at, cost) in kinds.items():
        for a in at:
            name = f"{kind} {a // 60:02d}:{a % 60:02d}"
            names.append(name)
            covers.append((name, a, a + hours * 60))
            costs[name] = cost
    constraints = [{"name": f"cover {s // 60:02d}:{s % 60:02d}", "sense": ">=", "rhs": float(need),
                    "terms": {n: 1.0 for n, a, b in covers if a <= s and s + length <= b}} for s, need in periods]
    if any(not c["terms"] for c in constraints):
        return None
    constraints += [{"name": f"at most {k} {kind}", "sense": "<=", "rhs": float(k),
                     "terms": {n: 1.0 for n in names if n.startswith(f"{kind} ")}} for kind, k in caps.items()]
    by_cost = bool(_COST_GOAL.search(text))
    if not by_cost and not _FEWEST.search(text):
        return None  # no goal said: never the head count in place of a cost
    return LinearModel.model_validate({
        "family": "linear", "variables": [{"name": n, "kind": "integer", "lower": 0} for n in names],
        "constraints": constraints,
        "objective": {"sense": "min", "terms": {n: costs[n] if by_cost else 1.0 for n in names}}})
