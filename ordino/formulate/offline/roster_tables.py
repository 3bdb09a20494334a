"""Rosters given as tables: shifts declared with their hours ('Shifts: AM 07:00-15:00, PM 15:00-23:00', 'D
(08:00-20:00) and N (20:00-08:00)', 'AM = 08:00-13:00 (5 h)'), a demand table (shifts by days or days by shifts, or
a 'needed' row under the people's rows) and a table of people whose columns say what each one costs (per shift,
per hour, per day, per shift type), may work (days off, shifts allowed, marks explained by a legend) and how many
shifts each may take. A column whose heading means nothing known leaves the whole table unread."""

from __future__ import annotations

import re

from ordino.formulate.offline.availability import add_unavailable, unavailable
from ordino.formulate.offline.roster_draft import RosterDraft
from ordino.formulate.offline.roster_skills import read_skill_cell
from ordino.formulate.offline.shift_roster import Sheet, tables_in
from ordino.formulate.offline.staff import DAY_IDS, PEOPLE, weekday
from ordino.formulate.offline.text import count_value

_WEEKDAY = re.compile(r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?", re.IGNORECASE)
"""A weekday anywhere in a heading ('Sat rate'), even inside a word."""
_CLOCK = r"(?P<{0}>\d{{1,2}})(?::(?P<{0}m>\d\d))?(?:\s*(?P<{0}p>am|pm)\b)?"
_SPAN = (_CLOCK.format("a") + r"\s*(?:-|to)\s*" + _CLOCK.format("b") + r"(?:\s*h\b)?"
         r"(?:\s+the\s+next\s+(?:morning|day))?(?:\s*\(\s*(?P<h>\d+(?:\.\d+)?)\s*h(?:ours?)?\s*\))?")
"""A shift's clock span: '07:00-15:00', '7am-1pm', '19:00 to 7:00 the next morning', '06-14 (8 h)'."""


def _span_hours(m: re.Match[str]) -> float:
    """The length in hours of a `_SPAN` match (over midnight when it ends before it starts)."""
    def minutes(end: str) -> int:
        hour, half = int(m[end]), m.groupdict().get(f"{end}p")
        hour = hour % 12 + (12 if half == "pm" else 0) if half else hour
        return hour * 60 + int(m[f"{end}m"] or 0)
    return (minutes("b") - minutes("a")) % 1440 / 60


_OFF = {"-", "n", "no", "off", "unavailable", "not available", "\u2717"}
"""Marks that say 'not available' without a legend ('x' does not: it marks availability as often)."""
_ON = {"y", "yes", ".", "", "ok", "\u2713", "available", "any"}
_PEOPLE_HEAD = re.compile(r"(?i)staff|name|nurse|agent|temp|driver|employee|worker|who|person|barista|guard")


def _day(cell: str) -> str | None:
    k = weekday(re.sub(r"\.$", "", cell.strip()))  # 'Mon.' too
    return None if k is None else DAY_IDS[k]


def read_shift_spans(n: RosterDraft) -> None:
    """Shifts declared with clock spans, two or more in one sentence; their lengths in hours."""
    item = re.compile(rf"\b(?P<id>[A-Z][A-Za-z]{{0,11}}|[a-z]{{3,10}}(?=\s+(?:shift\b|is\s+\d|\(\d|\d)))"
                      rf"(?:\s+shift)?(?:\s*\(\s*(?P<c>[A-Z]{{1,2}})\s*(?:,\s*(?=\d)|\)))?"  # 'Early (E, 07:00-15:00)'
                      rf"\s*(?:=\s*|:\s*|\(\s*|is\s+)?"
                      rf"(?:can\s+work\s+(?P<w>[A-Z][a-z]+)\s+)?{_SPAN}\)?(?:\s*\(\s*overnight\s*\))?")
    for sentence in re.finditer(r"[^.\n]+", n.text):
        found = [m for m in item.finditer(sentence.group(0))
                 if not re.fullmatch(r"(?i)t|at|from|by|until|h|and|the|between|opens|closes|runs|is|are|hours|"
                                     r"shifts|(?-i:open|close)", m["id"])]  # ('we open 8-17'; 'Open' names a shift)
        if len(found) < 2 or n.shifts or not re.search(r"(?i)shift|session|service|can work", sentence.group(0)):
            continue
        if any(not re.search(r"(?i):|[ap]m|\bh\b", m.group(0)) and _span_hours(m) < 3 for m in found) or \
                re.search(r"(?i)\bmin\s*-\s*max\b|\bbetween\b", sentence.group(0)):
            continue  # 'Ana 2-4, Ben 2-4': counts from and to, never clock spans of shifts
        for m in found:
            length = _span_hours(m)
            if m["h"] and float(m["h"]) != length or m["id"] in n.shifts:
                return
            n.shifts.append(m["id"])
            n.hours[m["id"]] = length or 24.0
            for name in (m["id"], m["w"] or "", m["c"] or ""):
                if name:
                    n.call(name, m["id"])
            a = sentence.start() + m.start()
            n.used[a:a + len(m.group(0))] = [True] * len(m.group(0))
    def single(m: re.Match[str]) -> bool:
        length = float(m["h2"]) if m["h2"] else _span_hours(m)
        if n.shifts or m["h"] and float(m["h"]) != length:
            return False
        n.shifts, n.hours["shift"] = ["shift"], length
        return True

    n.take(r"\bone\s+(?P<h2>\d{1,2})[- ]hours?\s+shift\s+(?:a|per)\s+day\b(?P<h>)", single)  # 'One 8-hour shift a
    # day'
    n.take(r"\bone\s+shift\s+(?:a|per)\s+day,?\s+\(?(?:(?P<a>\d{1,2})(?::(?P<am>\d\d))?\s*-\s*(?P<b>\d{1,2})(?::(?P<bm>\d\d))?"
           r"\)?(?:\s*\(\s*(?P<h>\d+)\s+(?:paid\s+)?hours?\s*\))?|(?P<h2>\d+)\s+hours?\s+long)", single)
    if n.shifts:
        count = {1: "one", 2: "two", 3: "three"}.get(len(n.shifts), "")
        restated = rf"\b(?:{count}|{len(n.shifts)})\s+(?:\d+[- ]hour\s+)?(?:shifts|sessions|services)" \
                   r"(?:\s+a\s+day)?\s*:?"
        n.take(rf"(?<!most )(?<!max )(?<!than )(?<!least )(?<!min )(?<!to )(?<!exactly ){restated}|\bshifts\s*:",
               lambda m: True)  # ('at most 2 shifts' is a limit, not them)


def read_tables(n: RosterDraft) -> None:
    """Read every table of the text that holds demands or people; the others stay unused (and so are asked about
    unless another reader takes their lines)."""
    for head, rows, spans in [*tables_in(Sheet(n.text)), *_day_grids(n.text)]:
        if any(n.used[a:b].count(True) for a, b in spans):
            continue
        if _demand_table(n, head, rows) or _people_table(n, head, rows):
            for a, b in spans:
                n.used[a:b] = [True] * (b - a)


def _day_grids(text: str) -> list[tuple[list[str], list[list[str]], list[tuple[int, int]]]]:
    """Grids aligned with blanks under a heading line of weekdays only ('        Mon Tue Wed'), one row per
    line: a label (words) and one cell per day."""
    out = []
    lines, at = [], 0
    for line in text.split("\n"):
        lines.append((at, at + len(line), line))
        at += len(line) + 1
    k = 0
    while k < len(lines):
        days = lines[k][2].split()
        if len(days) >= 2 and all(_day(d) for d in days):
            rows, spans = [], [lines[k][:2]]
            j = k + 1
            while j < len(lines) and (cells := lines[j][2].split()) and len(cells) > len(days):
                label = " ".join(cells[:len(cells) - len(days)])
                rows.append([label, *cells[len(cells) - len(days):]])
                spans.append(lines[j][:2])
                j += 1
            if len(rows) >= 2:
                out.append((["", *days], rows, spans))
            k = j
        else:
            k += 1
    return out


def _demand_table(n: RosterDraft, head: list[str], rows: list[list[str]]) -> str:
    """Shifts down and days across ('Shift | Mon | Tue'), or days down and shifts across ('day,M,A,E')."""
    if any(len(r) != len(head) for r in rows):
        return ""
    day_cols = {k: d for k, h in enumerate(head) if k and (d := _day(h))}
    needed = r"(?i)\s*(?:required|needed|need|demand|staff(?:\s+needed)?|min(?:imum)?)\s*"
    if len(n.shifts) == 1 and len(day_cols) == len(head) - 1 and len(rows) == 1 and \
            re.fullmatch(needed, rows[0][0]) and all(c.strip().isdigit() for c in rows[0][1:]):  # 'day,Mon,Tue'
        # over 'required,3,3' (one shift a day)
        n.cover.update({(n.shifts[0], d): int(rows[0][k]) for k, d in day_cols.items()})
        _set_days(n, list(day_cols.values()))
        return "demand"
    if not n.shifts and len(day_cols) == len(head) - 1 and re.fullmatch(r"(?i)\s*shifts?\s*", head[0]):
        _shifts_of_rows(n, [r[0] for r in rows])  # '| Shift | Mon |' over '| Open 08-15 | 1 |': the shifts
    if len(day_cols) == len(head) - 1 and all(n.shift(r[0]) for r in rows) and \
            all(c.strip().isdigit() for r in rows for c in r[1:]):
        for r in rows:
            for k, d in day_cols.items():
                n.cover[(n.shift(r[0]) or "", d)] = int(r[k])
        _set_days(n, list(day_cols.values()))
        return "demand"
    counted = rf"(?i)\s*(?:{PEOPLE}|people|staff|required|needed|need|demand|cover)\s*"
    if len(head) == 2 and len(rows) == len(n.shifts) and {n.shift(r[0]) for r in rows} == set(n.shifts) and \
            n.days and re.fullmatch(counted, head[1]) and all(r[1].strip().isdigit() for r in rows):  # '| Shift |
        # Nurses |' then '| Early | 2 |': every day
        for r in rows:
            for d in n.days:
                n.cover[(n.shift(r[0]) or "", d)] = int(r[1])
        return "demand"
    shift_cols = {k: s for k, h in enumerate(head) if k and (s := n.shift(h))}
    if re.fullmatch(r"(?i)days?", head[0].strip()) and len(shift_cols) == len(head) - 1 and \
            all(_day(r[0]) for r in rows) and all(c.strip().isdigit() for r in rows for c in r[1:]):
        for r in rows:
            for k, s in shift_cols.items():
                n.cover[(s, _day(r[0]) or "")] = int(r[k])
        _set_days(n, [_day(r[0]) or "" for r in rows])
        return "demand"
    return ""


_ROW_SHIFT = re.compile(r"\s*(?P<id>[A-Za-z][A-Za-z-]{0,15})(?:\s*\(?\s*(?P<a>\d{1,2})(?::(?P<am>[0-5]\d))?\s*"
                        r"[-\u2013]\s*"
                        r"(?P<b>\d{1,2})(?::(?P<bm>[0-5]\d))?\s*\)?)?\s*")
"""A shift named in a table's row, perhaps with its clock span: 'Open 08-15', 'Night (22:00-06:00)'."""


def _shifts_of_rows(n: RosterDraft, labels: list[str]) -> None:
    """The shifts a demand table names in its rows, with their lengths where a span is given; none unless every
    label is one."""
    found = [m for label in labels if (m := _ROW_SHIFT.fullmatch(label))]
    if len(found) != len(labels) or len({m["id"].lower() for m in found}) != len(found) or \
            any(_day(m["id"]) for m in found):
        return
    for m, label in zip(found, labels, strict=True):
        n.shifts.append(m["id"])
        n.call(m["id"], m["id"])
        n.call(label.strip(), m["id"])
        if m["a"] is not None:
            start = int(m["a"]) + int(m["am"] or 0) / 60
            end = int(m["b"]) + int(m["bm"] or 0) / 60
            n.hours[m["id"]] = (end - start) % 24 or 24.0


def _set_days(n: RosterDraft, days: list[str]) -> None:
    if not n.days:
        n.days = days
        n.name_weekdays()


def _marks(n: RosterDraft) -> dict[str, bool]:
    """A legend's marks: 'x = the temp is available that day', '- = off', 'AL = annual leave'."""
    out: dict[str, bool] = {}

    def legend(m: re.Match[str]) -> bool:
        meaning = m["m"].lower()
        m_key = m["k"].strip("\"'").lower()
        if re.search(r"not\s+available|unavailable|\boff\b|leave|day off|can't|cannot|away", meaning):
            out[m_key] = False
        elif re.search(r"available|can work|free|any shift", meaning):
            out[m_key] = True
        else:
            return False
        return True

    n.take(r"\b(?P<m>unavailable|not\s+available|off|available)\s*\(\s*(?P<k>[A-Za-z]{1,3}|[-.])\s*\)", legend)
    n.take(r"(?i)\b(?:an?\s+)?(?:blank|empty)(?:\s+(?:cell|box|entry))?(?P<k>)\s+(?:means?|=)\s+(?P<m>[^,;()\n]{2,60}?)"
           r"(?=\s*[,;).\n]|$)", legend)  # 'a blank cell means they are not available'
    n.take(r"(?<![\w.])(?P<k>[\"']?[A-Za-z]{1,3}[\"']?|[-.\u2014\u2013]|\"[-.\u2014]\")\s*(?:=|\bmeans\b)\s*"
           r"(?P<m>[^,;()\n]{2,60}?)(?:\s*,\s*(?:and\s+|so\s+)?(?:cannot|can't|can\s+not|may\s+not)\s+be\s+"
           r"(?:rostered|scheduled|booked|assigned|put\s+on)(?:\s+(?:that|on\s+that)\s+day)?)?(?=\s*[,;).\n]|$)",
           legend)  # "'off' = approved leave, cannot be rostered that day"
    return out


def _people_table(n: RosterDraft, head: list[str], rows: list[list[str]]) -> str:
    """One row per person (and maybe a 'needed' row): day columns of marks, allowed shifts or costs; cost, pay,
    limit and availability columns."""
    slots = _slot_columns(head)
    if not (_PEOPLE_HEAD.search(head[0]) or not head[0] or len(slots) >= 2) or any(len(r) != len(head) for r in rows):
        return ""
    if slots and not _slot_shifts(n, slots):
        return ""
    marks = _marks(n)
    needed = [r for r in rows if re.fullmatch(r"(?i)(?:staff\s+)?need(?:ed)?|required|demand", r[0].strip())]
    persons = [r for r in rows if r not in needed]
    if not all(re.fullmatch(r"[A-Z][\w\u00c0-\u017f'-]*", r[0].strip()) for r in persons) or \
            n.staff and sorted(r[0].strip() for r in persons) != sorted(n.staff) or \
            len({r[0].strip() for r in persons}) != len(persons):  # a person on two rows: which row holds?
        return ""  # (a second table of the same people adds to the first: 'Unavailability', then 'Penalties')
    if any(re.search(_POINTS, h, re.I) for h in head) and \
            any(re.search(r"cost|pay|rate|wage|[$\u20ac\u00a3]", h, re.I) for h in head):
        return ""  # points beside a pay: how they add up is asked
    n.staff = n.staff or [r[0].strip() for r in persons]
    day_cols = {k: d for k, h in enumerate(head) if k and (d := _day(h))}
    if day_cols:
        _set_days(n, list(day_cols.values()))
    if not n.shifts and day_cols:
        n.shifts = ["shift"]
    for r in needed:
        if len(n.shifts) != 1 or not all(r[k].strip().isdigit() for k in day_cols):
            return ""
        n.cover.update({(n.shifts[0], d): int(r[k]) for k, d in day_cols.items()})
    grid = [r[k].strip() for r in persons for k in slots]
    priced = any(re.fullmatch(_MONEY, c) for c in grid)
    if priced and not _PRICED_CELLS.search(n.text):
        return ""  # numbers in the slots, never said to be costs (scores, hours?): asked
    if priced and "" in grid and "" not in marks:
        return ""  # a cost table with a blank cell the text does not explain: asked
    if not priced and any(c.lower() in _ON - {""} for c in grid):
        marks.setdefault("", False)  # 'Y' marks who may work: a blank beside it is no
    for r in persons:
        who = r[0].strip()
        for k, h in enumerate(head[1:], start=1):
            if k in slots:
                if not _slot_cell(n, who, slots[k], r[k].strip(), marks):
                    return ""
            elif not _cell(n, who, h, r[k].strip(), day_cols.get(k), marks):
                return ""
    n.tabled = True
    return "people"


_MONEY = r"[$\u20ac\u00a3]?\s*(\d+(?:\.\d+)?)"
_PRICED_CELLS = re.compile(r"(?i)\b(?:cells?|table|numbers?|entries|values?|grid|figures?)\b[^.\n]{0,60}\b"
                           r"(?:costs?|pay|prices?|wages?|rates?)\b|"
                           r"\b(?:costs?|pay|prices?|wages?|rates?)\b[^.\n]{0,30}\b(?:of|for)\s+(?:each|that|every)\b")
"""Words that say the numbers of a table of days and shifts are costs ('Cells give the cost in \u00a3 of that person
working that shift', 'the table gives the cost of each nurse for each shift')."""
_SLOT = re.compile(r"(?i)\s*(?P<d>[a-z]{3,9})\.?\s*(?:-|/|\s)\s*(?P<s>[a-z]{1,9})\s*")


def _slot_columns(head: list[str]) -> dict[int, tuple[str, str]]:
    """The columns headed by a day and a shift ('Mon E', 'Sat-AM', 'Sun Night'): column -> (day, shift word)."""
    out = {}
    for k, h in enumerate(head):
        m = _SLOT.fullmatch(h)
        if k and m and (d := _day(m["d"])) is not None:
            out[k] = (d, m["s"])
    return out


def _slot_shifts(n: RosterDraft, slots: dict[int, tuple[str, str]]) -> bool:
    """The days and shifts of the slot columns: the shifts the text declared ('E = early'), else the shifts the
    columns name; False when a column names a shift the text declared otherwise, or the days differ."""
    days = list(dict.fromkeys(d for d, _ in slots.values()))
    if n.days and n.days != days:
        return False
    _set_days(n, days)
    words = list(dict.fromkeys(w for _, w in slots.values()))
    if not n.shifts:
        n.shifts = words
        n.shift_names.update({w.lower(): w for w in words})

    def lasting(m: re.Match[str]) -> bool:  # 'Six 8-hour shifts': every shift of the table lasts that long
        if n.hours or m["k"] and count_value(m["k"].lower()) != len(slots):
            return False
        n.hours.update({s: float(m["h"]) for s in n.shifts})
        return True

    n.take(r"(?i)\b(?:(?P<k>\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?P<h>\d{1,2})[- ]hours?\s+shifts\b",
           lasting)
    return all(n.shift(w) for w in words)


def _slot_cell(n: RosterDraft, who: str, slot: tuple[str, str], cell: str, marks: dict[str, bool]) -> bool:
    """One person's cell under a day-and-shift column: a cost, or a mark of whether that person may work it."""
    day, shift = slot[0], n.shift(slot[1]) or slot[1]
    if _marked(n, who, cell, marks, {"shifts": [shift], "days": [day]}):
        return True
    money = re.fullmatch(_MONEY, cell)
    if money is None:
        return False
    n.costs[(who, shift, day)] = float(money.group(1))
    return True


def _marked(n: RosterDraft, who: str, cell: str, marks: dict[str, bool], where: dict[str, list[str]]) -> bool:
    """Whether a cell is a mark of availability ('Y', '-', a legend's 'x'); one that says no keeps the person off
    the cells `where` selects (its days, and shifts)."""
    low = cell.lower()
    if low not in marks and low not in _OFF | _ON:
        return False
    if not marks.get(low, low in _ON):
        n.rules.append({"type": "unavailable", "staff": [who], **where})
    return True


_POINTS = r"penalt(?:y|ies)|points?|pts"
"""Words of a column whose numbers are penalty points, never added to a pay."""


def _cell(n: RosterDraft, who: str, head: str, cell: str, day: str | None, marks: dict[str, bool]) -> bool:
    """Read one person's cell under its heading; whether it was understood."""
    low, h = cell.lower(), head.lower()
    money = re.fullmatch(_MONEY, cell)
    if day is not None:
        if money:  # a cost for that day's shift
            for s in n.shifts:
                n.costs[(who, s, day)] = float(money.group(1))
            return True
        if _marked(n, who, cell, marks, {"days": [day]}):
            return True
        allowed = [n.shift(x) for x in (re.split(r"\s*/\s*", cell) if "/" in cell else list(cell))]
        if allowed and all(allowed) and len(n.shifts) > 1:  # 'EL', 'E', 'AM/PM': the shifts allowed that day
            others = [s for s in n.shifts if s not in allowed]
            if others:
                n.rules.append({"type": "unavailable", "staff": [who], "shifts": others, "days": [day]})
            return True
        return False
    named = [x for w in re.findall(r"[A-Za-z]+", head) if (x := n.shift(w))]
    if named and len(named) < len(n.shifts) and re.search(rf"cost|pay|rate|wage|[$\u20ac\u00a3]|{_POINTS}", h) and \
            re.fullmatch(rf"(?i)(?:cost|pay|rate|wage|per|shifts?|or|and|for|a|an|the|{_POINTS}|[$\u20ac\u00a3()/,]|"
                         r"\s|" + "|".join(map(re.escape, n.shift_names)) + ")*", head.strip()) and \
            not re.search(r"hour|/\s*h\b|hourly", h):  # 'Pay per shift (E or L)', 'Pay per Night shift', 'Penalty
        if money is None:  # per Early' (points; a table never has both: `_people_table`)
            return False
        for x in dict.fromkeys(named):
            for d in n.days:
                n.costs[(who, x, d)] = float(money.group(1))
                if re.search(_POINTS, h):
                    n.penalised.add((who, x, d))
        return True
    shift = n.shift(re.sub(r"(?i)\s*(?:cost|pay|rate)$", "", head.strip()))
    if shift is not None:  # 'D cost', 'M': that shift's cost; '-': never that shift
        if low in ("-", "\u2014", "n/a", "not available", "unavailable", "never"):
            n.rules.append({"type": "unavailable", "staff": [who], "shifts": [shift]})
            return True
        if money is None:
            return False
        for d in n.days:
            n.costs[(who, shift, d)] = float(money.group(1))
        return True
    if re.search(r"hour|/\s*h\b|hourly", h) and re.search(r"[$\u20ac\u00a3]|rate|pay|wage|cost", h):
        if money is None or who in n.hourly:
            return False
        n.hourly[who] = float(money.group(1))  # times each shift's hours, once all is read (`pay_by_the_hour`)
        return True
    per_day = n.shifts == ["shift"] and re.search(r"(?:per|a|/)\s*day\b|\bdaily\b|\bday\s+(?:rate|pay)", h)
    if re.search(r"cost|pay|rate|wage|[$\u20ac\u00a3]", h) and (per_day or not re.search(
            r"day|week|month|weekend|holiday", h)) and not _WEEKDAY.search(h):  # 'Sat rate': some days' rate only
        if money is None:
            return False
        for s in n.shifts:  # (a column of one shift's pay, before or after it, wins: 'Night pay' beside 'Pay')
            for d in n.days:
                n.costs.setdefault((who, s, d), float(money.group(1)))
        return True
    if re.search(r"\bmax|\bmin", h) and cell.isdigit():
        n.rules.append({"type": "count", "per": ["staff"], "staff": [who], ("max" if "max" in h else "min"): int(cell)})
        return True
    if re.search(r"unavailable|not available|can't work|cannot work|days? off", h):
        return _not_available(n, who, cell)
    if re.fullmatch(r"\s*(?:available|availability|days\s+available|available\s+days|can\s+work|can_work)\s*", h) \
            and (blocks := unavailable(n, cell)) is not None:  # 'Mon, Tue, Thu', 'not Tue', 'days only, no nights'
        add_unavailable(n, who, blocks)
        return True
    if re.search(r"restrictions?|notes?", h):
        return _restriction(n, who, cell)
    return read_skill_cell(n, who, head, cell)


def _not_available(n: RosterDraft, who: str, cell: str) -> bool:
    """A cell under 'Cannot work' / 'Not available': '-', 'Wed (whole day)', 'Mon, Tue', 'Monday Early only' (that
    shift that day), 'Night shifts on Wed and Thu', or a restriction said in words ('never works Early')."""
    if cell.strip().lower() in _NONE:
        return True
    blocks = unavailable(n, cell, off_heading=True)
    if blocks is None:
        return _restriction(n, who, cell)
    add_unavailable(n, who, blocks)
    return True


def _restriction(n: RosterDraft, who: str, cell: str) -> bool:
    """'-', 'Sat, Sun' (days off), 'not available Wed', 'AM sessions only', 'no Late shifts'."""
    if cell.strip().lower() in _NONE:
        return True
    blocks = unavailable(n, cell, bare_off=True)
    if blocks is not None:
        add_unavailable(n, who, blocks)
    return blocks is not None


_NONE = {"-", "\u2014", "", "none", "n/a"}
"""A cell that says nobody is kept off."""
