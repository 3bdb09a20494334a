"""Rosters over days x named shifts: 'two shifts a day, Early and Late'; demands per shift and day (tables, 'E=1,
L=1 each day, except D3 and D6 need E=2', 'exactly 2 people on the day shift Monday to Friday'); each person's pay
per shift (tables, 'P1 10/12', 'a night shift costs $40 more than the day shift', an hourly rate times the shift's
hours); availability by day and by shift; limits on shifts; rest rules ('no L on one day followed by E the next').

Every sentence holding a number, a person, a day or a rule word must be read, or it is asked about: a dropped
rule would be a wrong roster. What is missing (a demand, a pay) is asked, never guessed.
"""

from __future__ import annotations

import bisect
import csv
import re
from typing import Any

from pydantic import ValidationError

from ordino.formulate.offline.staff import CURRENCY, DAY_IDS, amount, day_ids, day_index
from ordino.formulate.offline.tables import RULE_LINE
from ordino.formulate.offline.text import count_value
from ordino.formulate.questions import Question
from ordino.models.assignment import RosterProblem

SHIFT_WORDS = ("morning", "afternoon", "evening", "day", "night", "early", "late", "mid", "middle", "swing")
_SW = rf"(?:{'|'.join(SHIFT_WORDS)}|(?-i:AM|PM))"  # ('AM', 'PM' only in capitals: never the verb 'am')
_N = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
_WD = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
_NAME = r"[A-Z\u00c0-\u00de][A-Za-z\u00df-\u00ff]*\d*"
_NOT = (r"(?:can't|cannot|can not|doesn't|does not|won't|never|isn't|is not)\s+"
        r"(?:work|do|take|cover|come in|make it)?s?"
        r"\s*(?:on\s+)?|"
        r"(?:is\s+)?(?:off|away|unavailable|not available)\s+(?:on\s+)?|(?:is\s+)?on (?:holiday|leave)\s+(?:on\s+)?")
_CUES = re.compile(r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|after|follow\w*|next day|row|"
                   r"consecutive|both|never|only|cannot|can't|off|away|unavailable|prefer\w*|must|least|most|max|min|more|fewer|less|"
                   r"exactly|extra|except|plus)\b|\+", re.IGNORECASE)


class Sheet:
    """The text and which of its characters a reader has used."""

    def __init__(self, text: str) -> None:
        self.text = text.replace("\u2013", "-").replace("\u2014", "-")
        self.used = [False] * len(self.text)
        self._ends = [m.start() for m in re.finditer(r"[.;!?\n]", self.text)] + [len(self.text)]

    def find(self, pattern: str, flags: int = re.IGNORECASE) -> list[re.Match[str]]:
        return list(re.finditer(pattern, self.text, flags))

    def mark(self, m: re.Match[str] | tuple[int, int]) -> None:
        a, b = m.span() if isinstance(m, re.Match) else m
        self.used[a:b] = [True] * (b - a)

    def sentence(self, at: int) -> str:
        """The sentence (or line) around position `at`."""
        k = bisect.bisect_left(self._ends, at)
        return self.text[self._ends[k - 1] + 1 if k else 0:self._ends[k]]

    def unread(self, names: list[str]) -> list[str]:
        """Sentences with a number, a person's name or a rule word that no reader used."""
        out = []
        person = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b") if names else None
        for m in re.finditer(r"[^.;!?\n]+", self.text):
            left = "".join(c if not self.used[m.start() + k] else " " for k, c in enumerate(m.group(0)))
            someone = re.search(rf"\b(?!(?:I|We|You|They|He|She|It|Each|Every|Nobody|Everyone)\b){_NAME}\s+"
                                rf"(?:{_NOT}|prefers?|only|wants?|likes?|needs?\b)", left)
            if _CUES.search(left) or someone or (person is not None and person.search(left)):
                out.append(m.group(0).strip())
        return out


def _days(sheet: Sheet) -> list[str] | None:
    """The roster's days: the widest span it names ('Mon-Sun', 'Monday to Friday', 'D1-D6')."""
    labels = sheet.find(r"\bD1\s*(?:-|to|\.\.)\s*D(\d+)\b", 0)
    if labels:
        sheet.mark(labels[0])
        return [f"D{k}" for k in range(1, int(labels[0].group(1)) + 1)]
    spans = [(day_index(m.group(1)), day_index(m.group(2)), m) for m in
             sheet.find(rf"\b({_WD})\s*(?:-|to|through|until)\s*({_WD})(?!\w)")]
    spans = [s for s in spans if s[0] <= s[1]]
    if not spans:
        return None
    first, last, m = max(spans, key=lambda s: s[1] - s[0])
    sheet.mark(m)
    return DAY_IDS[first:last + 1]


def _day_list(phrase: str, days: list[str]) -> list[str]:
    """The roster days a phrase names: 'D3 and D6', 'Monday to Friday', 'Sat/Sun', 'weekends', 'each day'."""
    if re.search(r"\b(?:each|every|per|a)\s+(?:day|night)\b|\bdaily\b|\bnightly\b", phrase, re.I):
        return list(days)
    labels = [f"D{int(k)}" for k in re.findall(r"\bD(\d+)\b", phrase)]
    return [d for d in dict.fromkeys(labels + day_ids(phrase)) if d in days]


def _shifts(sheet: Sheet) -> dict[str, str]:
    """Shift word (or letter) -> the shift's id as written, in order of mention: 'E (early)', 'the day shift',
    'two shifts a day: morning ... and afternoon', 'Early and Late shifts', a table's shift columns or rows."""
    found: dict[str, tuple[int, str]] = {}

    def add(word: str, at: int, written: str) -> None:
        found.setdefault(word.lower(), (at, written))
    letters = {}
    for m in sheet.find(rf"\b([A-Z])\s*\(\s*({_SW})\s*\)", 0):
        letters[m.group(2).lower()] = m.group(1)
        add(m.group(1), m.start(), m.group(1))
        sheet.mark(m)
    for m in sheet.find(rf"\b({_SW}(?:\s*(?:,|and|&|or)\s*(?:an?\s+)?{_SW})*)[- ]shifts?\b"):
        for w in re.finditer(_SW, m.group(1), re.I):  # 'the day shift', 'early and late shifts'
            add(w.group(0), m.start() + w.start(), w.group(0))
    for m in sheet.find(rf"\b(?:(?:{_N})\s+)?shifts?\s*(?:a|per|/|each)\s*day\b(?P<l>[^.\n]*)|"
                        rf"\bshifts?\s*(?P<l2>\(\s*{_SW}[^)\n]*\)|(?:are|:)\s*{_SW}[^.\n]*)"):
        group = "l" if m.group("l") is not None else "l2"
        listed = m.group(group)
        for w in re.finditer(rf"\b({_SW})\b(?!\s+(?:shift\s+)?(?:right\s+)?after)", listed, re.I):
            if w.group(1).lower() != "day" or re.match(r"\s*(?:\(|shift)", listed[w.end():]) or \
                    w.group(1)[0].isupper():
                add(w.group(1), m.start(group) + w.start(), w.group(1))
        sheet.mark((m.start(), m.start(group)))
    for line in sheet.text.split("\n"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.count("|") >= 2 else []
        for c in cells[1:]:
            if re.fullmatch(_SW, c, re.I):
                add(c, sheet.text.find(line), c)
        if cells and re.fullmatch(_SW, cells[0], re.I) and re.search(r"\d", line):
            add(cells[0], sheet.text.find(line), cells[0])
    ordered = sorted(found.items(), key=lambda kv: kv[1][0])
    shifts = {w: written for w, (_, written) in ordered if w not in letters}
    legend = False
    for m in sheet.find(rf"\b([A-Z])\s*=\s*((?i:{_SW}))\b", 0):  # a legend 'E = Early, L = Late': the shifts' letters
        if m.group(2).lower() in shifts and m.group(1).lower() not in shifts:
            shifts[m.group(1).lower()] = shifts[m.group(2).lower()]
            sheet.mark(m)
            legend = True
    if legend:  # the rest of the legend: 'E/L = either', '- = not available'
        for m in sheet.find(r"\b[A-Z]\s*/\s*[A-Z]\s*=\s*(?:either|both|any)\b|(?:^|(?<=[\s(,]))[-\u2013\u2014x]\s*=\s*"
                            r"(?:not available|unavailable|off|no)\b"):
            sheet.mark(m)
    for word, letter in letters.items():
        shifts[word] = letter
        shifts[letter.lower()] = letter
    return shifts


def _cells(line: str, kind: str) -> list[str]:
    """A table line's cells: between '|', CSV (the missing last cells of a short row are empty), or at blanks."""
    if kind == "|":
        return [c.strip() for c in line.strip().strip("|").split("|")]
    if kind == ",":
        return [c.strip() for c in next(csv.reader([line]), [])]
    return line.split()


def _kind(line: str) -> str | None:
    """How a line of a table splits into cells; None for a line that is no table's."""
    if line.count("|") >= 2:
        return "|"
    if re.fullmatch(r"[^,\n]+(?:,[^,\n]*){2,}", line.strip()) and not re.search(r"[.!?]\s", line):
        return ","
    return " " if len(line.split()) >= 3 and not re.search(r"[.!?:;]\s|[.:]$", line.strip()) else None


def tables_in(sheet: Sheet) -> list[tuple[list[str], list[list[str]], list[tuple[int, int]]]]:
    """Every table of '|' lines, CSV lines or blank-aligned columns: its header cells, its rows' cells and each
    line's span."""
    out = []
    lines, at = [], 0
    for line in sheet.text.split("\n"):
        lines.append((at, at + len(line), line))
        at += len(line) + 1
    k = 0
    while k < len(lines):
        kind = _kind(lines[k][2])
        if kind is None:
            k += 1
            continue
        width = len(_cells(lines[k][2], kind))
        block = [lines[k]]
        k += 1
        while k < len(lines) and (_kind(lines[k][2]) == kind and (
                kind == "|" or len(_cells(lines[k][2], kind)) == width or kind == "," and
                2 <= len(_cells(lines[k][2], kind)) < width) or RULE_LINE.fullmatch(lines[k][2])):
            block.append(lines[k])  # ('------+------': the rule under a header)
            k += 1
        lines_of = [line for _, _, line in block if not re.fullmatch(r"[\s|:+-]*", line)]
        rows = [_cells(line, kind) for line in lines_of]
        open_end = kind == "|" and not lines_of[0].rstrip().endswith("|")  # the header has no closing '|'
        rows = [row + [""] * (width - len(row)) if kind == "," or open_end and len(row) == width - 1 and
                line.rstrip().endswith("|") else row for row, line in zip(rows, lines_of, strict=True)]
        # ('Alice | 18 | Y |' under 'Name | $/h | Sat | Sun': a last '|' that closes an empty cell)
        if len(rows) >= 2 and all(len(row) == width + 1 for row in rows[1:]):
            rows[0] = ["", *rows[0]]  # no corner cell over the rows' labels ('Mon | Tue' over 'Ann | Y | -')
        weekdays = len(rows[0]) > 2 and all(re.fullmatch(rf"\s*{_WD}\s*", c, re.I) for c in rows[0][1:])
        if len(rows) >= 2 and (kind == "|" or len(rows) >= 3 or weekdays):  # ('day,Mon,Tue' over 'required,3,3')
            out.append((rows[0], rows[1:], [(a, b) for a, b, _ in block]))
    return out


class Roster:
    """What is read so far: cover per (shift, day), pay per (person, shift, day), rules."""

    def __init__(self, days: list[str], shifts: dict[str, str]) -> None:
        self.days = days
        self.shifts = shifts  # word -> id
        self.staff: list[str] = []
        self.cover: dict[tuple[str, str], tuple[int, bool]] = {}  # (shift id, day) -> (need, exact)
        self.pay: dict[tuple[str, str, str], float] = {}  # (person, shift id, day) -> cost
        self.rules: list[dict[str, Any]] = []
        self.questions: list[Question] = []
        self.hours: dict[str, float] = {}  # shift id -> its length in hours, where the text gives it

    def shift(self, word: str) -> str | None:
        w = word.lower().rstrip("s") if word.lower() not in ("days",) else "day"
        return self.shifts.get(w) or self.shifts.get(word.lower())

    def person(self, name: str) -> None:
        if name not in self.staff and not re.fullmatch(rf"{_WD}|D\d+|{_SW}", name, re.I):
            self.staff.append(name)

    def off(self, who: str, shifts: list[str] | None, days: list[str] | None) -> None:
        rule: dict[str, Any] = {"type": "unavailable", "staff": [who]}
        if shifts:
            rule["shifts"] = shifts
        if days:
            rule["days"] = days
        self.rules.append(rule)


def looks_like_shift_roster(text: str) -> bool:
    """Two or more named shifts a day, people, and days."""
    sheet = Sheet(text)
    shifts = set(_shifts(sheet).values())
    return len(shifts) >= 2 and _days(sheet) is not None and \
        re.search(r"\b(?:machines?|jobs?|processing)\b", text, re.I) is None


def read_shift_roster(text: str, single: bool = False) -> tuple[RosterProblem | None, list[Question], list[str]]:
    """The RosterProblem of a days x shifts roster text, or the questions that would complete it; `single`: one
    shift a day when the text names no shifts ('one shift/day')."""
    sheet = Sheet(text)
    days = _days(sheet)
    shifts = _shifts(sheet)
    if single and not shifts:
        shifts = {"shift": "shift"}
    for m in sheet.find(r"\b(?:one|1)\s+shift\s*(?:/|a|per|each)\s*day\b|\b(?:1|one|a)\s+week\b" if len(days or []) == 7
                        else r"\b(?:one|1)\s+shift\s*(?:/|a|per|each)\s*day\b"):
        sheet.mark(m)
    for m in sheet.find(r"\b(?:min(?:imi[sz]e)?|minimum|lowest|cheapest)\s+(?:the\s+)?(?:total\s+)?(?:pay|cost|wages?|"
                        r"wage bill)\b"):
        sheet.mark(m)
    if days is None or len(set(shifts.values())) < (1 if single else 2):
        return None, [Question(key="shifts", text="Which days and which shifts does the roster cover?")], []
    r = Roster(days, shifts)
    r.hours = _shift_hours(sheet, r)
    _read_tables(sheet, r)
    _read_format_rows(sheet, r)
    _read_staff(sheet, r)
    _read_cover(sheet, r)
    _read_pay(sheet, r)
    _read_rules(sheet, r)
    return _build(sheet, r)


def _read_tables(sheet: Sheet, r: Roster) -> None:
    for head, rows, spans in tables_in(sheet):
        low = [h.lower() for h in head]
        read = False
        day_cols = {k: d for k, h in enumerate(head) if k and (d := _day_list(h, r.days)) and len(d) == 1
                    and re.fullmatch(rf"{_WD}|D\d+", h.strip(), re.I)}
        shift_cols = {k: s for k, h in enumerate(head)
                      if k and (s := r.shift(h)) and re.fullmatch(_SW, h.strip(), re.I)}
        if len(day_cols) >= 2 and all(r.shift(row[0]) for row in rows):  # shifts down, days across
            for row in rows:
                for k, d in day_cols.items():
                    if k < len(row) and row[k].isdigit():
                        r.cover[(r.shift(row[0]) or "", d[0])] = (int(row[k]), False)
            read = True
        elif len(shift_cols) >= 2 and all(_day_list(row[0], r.days) for row in rows) and \
                not re.search(r"name|staff|person|employee", low[0]):  # days down, shifts across
            for row in rows:
                for k, s in shift_cols.items():
                    if k < len(row) and row[k].isdigit():
                        for day in _day_list(row[0], r.days):
                            r.cover[(s, day)] = (int(row[k]), False)
            read = True
        elif re.search(r"name|staff|person|employee|who", low[0]):
            read = _staff_table(head, rows, r, day_cols, r.hours)
        if read:
            for span in spans:
                sheet.mark(span)
            for h in head:  # 'at most max_shifts shifts each': the rule of a column, said again
                if "_" in h and re.search(r"max|min|most|least", h, re.I):
                    for m in sheet.find(rf"\b(?:at most|at least|no more than|up to|\u2264|\u2265)\s+{re.escape(h)}\b"
                                        r"[^.;\n]*", re.I):
                        sheet.mark(m)


def _staff_table(head: list[str], rows: list[list[str]], r: Roster, day_cols: dict[int, list[str]],
                 hours: dict[str, float]) -> bool:
    """A table with one row per person: pay per shift or per days (or per hour, times each shift's `hours`),
    max/min shifts, days off, availability (per day: off, or the shifts the person may work that day)."""
    for row in rows:
        if len(row) != len(head) or not re.fullmatch(_NAME, row[0]):
            return False
    for row in rows:
        who = row[0]
        r.person(who)
        for k, (h, cell) in enumerate(zip(head, row, strict=True)):
            h_low, cell_low = h.lower(), cell.lower().strip()
            if k == 0:
                continue
            if k in day_cols:
                letters = [r.shift(w) for w in re.split(r"\s*[/,+&]\s*|\s+or\s+", cell_low)] if cell_low else []
                if cell_low in ("x", "no", "n", "off", "-", "\u2013", "\u2014", "\u2717", "unavailable"):
                    r.off(who, None, day_cols[k])
                elif letters and all(letters):  # 'E/L', 'L': the shifts the person may work that day
                    others = [s for s in dict.fromkeys(r.shifts.values()) if s not in letters]
                    if others:
                        r.off(who, others, day_cols[k])
                elif cell_low not in (".", "yes", "y", "ok", "\u2713", "available", ""):
                    return False
            elif re.search(r"cost|pay|rate|wage|\$", h_low):
                shift = next((s for w in re.findall(r"[a-z]+", h_low) if (s := r.shift(w))), None)
                on = _day_list(h, r.days) or list(r.days)
                if re.fullmatch(r"-|n/?a|none", cell_low):
                    if shift is None:
                        return False
                    r.off(who, [shift], None)  # no pay for that shift: never on it
                    continue
                amount = re.fullmatch(rf"{CURRENCY}?\s*(\d+(?:\.\d+)?)", cell.strip())
                hourly = re.search(r"hour|/\s*h\b|per h\b", h_low) is not None
                shifts = [shift] if shift else sorted(set(r.shifts.values()))
                if amount is None or hourly and any(s not in hours for s in shifts):
                    return False  # an hourly rate with a shift of unknown length: asked
                for s in shifts:
                    for d in on:
                        r.pay[(who, s, d)] = float(amount.group(1)) * (hours[s] if hourly else 1)
            elif re.search(r"max|most", h_low) or re.search(r"min|least", h_low):
                if not cell.strip().isdigit():
                    return False
                bound = "max" if re.search(r"max|most", h_low) else "min"
                r.rules.append({"type": "count", "per": ["staff"], "staff": [who], bound: int(cell)})
            elif re.search(r"not available|unavailable|off|cannot|can't", h_low):
                if re.fullmatch(r"-|none|n/?a|", cell_low):
                    continue
                never = re.search(rf"\b({_SW})s?\b", cell_low)
                days = _day_list(cell, r.days)
                if never and re.search(r"never|no\b|not|doesn't", cell_low) and r.shift(never.group(1)):
                    r.off(who, [r.shift(never.group(1)) or ""], None)
                elif days:
                    r.off(who, None, days)
                else:
                    return False
            else:
                return False
    return True


def _read_format_rows(sheet: Sheet, r: Roster) -> None:
    """'Staff (day rate / max days / unavailable):' then one row per person 'A: $140 / 5 / Wed'."""
    spec = re.search(r"\(\s*(?P<f>[a-z ]+(?:\s*/\s*[a-z ]+)+)\s*\)\s*:", sheet.text, re.I)
    if spec is None:
        return
    fields = [f.strip().lower() for f in spec.group("f").split("/")]
    rows = list(re.finditer(rf"(?m)^[ \t]*({_NAME})\s*:\s*([^/\n]+(?:/[^/\n]+){{{len(fields) - 1}}})[ \t]*$",
                            sheet.text[spec.end():]))
    if not rows:
        return
    ids = list(dict.fromkeys(r.shifts.values()))
    for row in rows:
        who, cells = row.group(1), [c.strip() for c in row.group(2).split("/")]
        r.person(who)
        for field, cell in zip(fields, cells, strict=True):
            if re.search(r"rate|pay|cost|wage", field):
                amount = re.fullmatch(rf"{CURRENCY}?\s*(\d+(?:\.\d+)?)", cell)
                if amount is None:
                    return
                for s in ids:
                    for d in r.days:
                        r.pay[(who, s, d)] = float(amount.group(1))
            elif re.search(r"max|min", field) and cell.isdigit():
                bound = "max" if "max" in field else "min"
                r.rules.append({"type": "count", "per": ["staff"], "staff": [who], bound: int(cell)})
            elif re.search(r"unavailab|off|cannot|can't", field):
                off = _day_list(cell, r.days)
                if off:
                    r.off(who, None, off)
                elif not re.fullmatch(r"-|none|n/?a", cell.lower()):
                    return
            else:
                return
        sheet.mark((spec.end() + row.start(), spec.end() + row.end()))
    sheet.mark(spec)


def _read_staff(sheet: Sheet, r: Roster) -> None:
    """People: a range 'P1-P4', a list after 'the team is', names with a pay."""
    for m in sheet.find(r"\b([A-Z])(\d+)\s*(?:-|to|\.\.)\s*\1(\d+)\b", 0):
        if m.group(1) == "D" and r.days[0] == "D1":
            continue
        for k in range(int(m.group(2)), int(m.group(3)) + 1):
            r.person(f"{m.group(1)}{k}")
        sheet.mark(m)
    for m in sheet.find(rf"\b(?:team|staff|people|employees|workers|nurses|crew)\s+(?:is|are|:)\s*(?P<l>{_NAME}"
                        rf"(?:\s*,\s*{_NAME})*(?:,?\s*and\s+{_NAME}))", 0):
        for name in re.findall(_NAME, m.group("l")):
            r.person(name)
        sheet.mark(m)
    for m in sheet.find(r"\b(?:staff|team|people|employees|workers|[a-z]+s)\b[^:\n]{0,40}:\s*(?P<l>[^.\n]+)"):
        listed = re.findall(rf"(?:^|,\s*(?:and\s+)?|\band\s+)({_NAME})(?=\s*(?:{CURRENCY}|\d|,|$|\band\b|"
                            r"(?:gets|earns|is paid|makes)\s))",
                            m.group("l"))
        for name in listed if len(listed) >= 2 else []:  # 'My staff and their pay: Ana $18/h, Ben $15/h, and Cleo'
            r.person(name)


def _read_cover(sheet: Sheet, r: Roster) -> None:
    """Demands per shift and day said in sentences."""
    sentences = list(re.finditer(r"[^.\n]+", sheet.text))
    for sm in sentences:
        s, at = sm.group(0), sm.start()
        exact = re.search(r"\bexact(?:ly)?\b", s, re.I) is not None
        before = dict(r.cover)
        base: dict[str, int] = {}
        exception = re.search(r"\bexcept\b", s, re.I)
        for m in re.finditer(rf"\b({_SW}|[A-Z])\s*=\s*(\d+)", s, re.I):  # 'E=1, L=1 each day'
            shift = r.shift(m.group(1))
            if shift and (exception is None or m.start() < exception.start()):
                base[shift] = int(m.group(2))
                sheet.mark((at + m.start(), at + m.end()))
        for m in re.finditer(rf"\b(?:each|every)\s+shift\s+(?:needs?|requires?|must have|has)\s+"
                             rf"(?:exactly\s+|at least\s+)?({_N})\s+(?:people|persons?|staff|workers?|employees?)\b",
                             s, re.I):
            for shift in dict.fromkeys(r.shifts.values()):  # 'each shift needs 1 person'
                base[shift] = count_value(m.group(1).lower())
            sheet.mark((at + m.start(), at + m.end()))
        for m in re.finditer(rf"\b(?:the\s+|an?\s+)?({_SW})(?:\s+shifts?)?\s+(?:needs?|needing|that needs|requires?|"
                             rf"requiring|must have)\s+"
                             rf"(?:exactly\s+|at least\s+)?({_N})\b(?:\s+(?:people|persons?|staff|workers?|employees?|"
                             r"nurses?|guards?|agents?))?(?:\s+(?:each|every|a|per)\s+day)?", s, re.I):
            shift = r.shift(m.group(1))  # 'the morning shift needs 3 nurses', 'Night needs 1'
            if shift:
                base[shift] = count_value(m.group(2).lower())
                sheet.mark((at + m.start(), at + m.end()))
        for m in re.finditer(rf"\b({_SW})\s*\(\s*(?:need|needs|requires?)\s+({_N})\b[^)]*\)", s, re.I):
            shift = r.shift(m.group(1))
            if shift:
                base[shift] = count_value(m.group(2).lower())
                sheet.mark((at + m.start(), at + m.end()))
        last = None
        for m in re.finditer(rf"(?:\b(?:and|plus)\s+)?(?:\bexactly\s+|\bat least\s+)?\b({_N})\s+(?:[a-z]+\s+)?"
                             rf"(?:every|each)\s+"
                             rf"({_SW})\b", s, re.I):  # 'I need 2 baristas every morning and 1 every afternoon'
            shift = r.shift(m.group(2))
            if shift:
                for d in r.days:
                    r.cover[(shift, d)] = (count_value(m.group(1).lower()), exact)
                last = shift
                sheet.mark((at + m.start(), at + m.end()))
        for m in re.finditer(rf"(?:\b(?:and|plus)\s+)?(?:\bexactly\s+|\bat least\s+)?\b({_N})\s+(?:[a-z]+\s+)?"
                             rf"on\s+(?:the\s+)?(?:({_SW})\s+shifts?|({_WD}(?:\s*(?:,|and|&|-|to)\s*{_WD})*))"
                             rf"(?:\s+((?:every|each)\s+(?:day|night)|{_WD}(?:\s*(?:,|and|&|-|to|through)\s*{_WD})*))?",
                             s, re.I):
            shift = r.shift(m.group(2)) if m.group(2) else last
            if shift is None:
                continue
            scope = m.group(4) or (m.group(3) if not m.group(2) else None)
            on = _day_list(scope, r.days) if scope else list(r.days)
            for d in on:
                r.cover[(shift, d)] = (count_value(m.group(1).lower()), exact)
            last = shift
            sheet.mark((at + m.start(), at + m.end()))
        for shift, need in base.items():
            for d in r.days:
                r.cover.setdefault((shift, d), (need, exact))
        if base:
            for e in re.finditer(r"\b(?:each|every)\s+day\b", s, re.I):
                sheet.mark((at + e.start(), at + e.end()))
        for m in re.finditer(rf"\bexcept\s+(?P<d>(?:(?:{_WD}|D\d+)(?:\s*(?:,|and|&)\s*)?)+)\s*(?:(?P<s>{_SW})\s*)?"
                             rf"(?:,?\s*when\s+(?:I|we)\s+)?(?:need|needs|requires?)\s+(?:exactly\s+)?"
                             rf"(?:(?P<s2>{_SW}|[A-Z])\s*=\s*)?(?P<n>{_N})\b", s, re.I):
            shift = r.shift(m.group("s") or m.group("s2") or "") or last
            if shift is None:
                continue
            for d in _day_list(m.group("d"), r.days):
                r.cover[(shift, d)] = (count_value(m.group("n").lower()), exact)
            sheet.mark((at + m.start(), at + m.end()))
        ids = list(dict.fromkeys(r.shifts.values()))
        if len(ids) == 1 and re.search(r"\b(?:need\w*|requir\w*|cover|demand|staff)\b", s, re.I):
            for m in re.finditer(rf"(?P<d>{_WD}(?:\s*(?:,|and|&|-|to|through)\s*{_WD})*)\s*[:=]?\s*(?P<n>\d+)\b"
                                 r"(?:\s+(?:each|every|per|a)\s+day)?(?!\s*(?:h\b|hours?|am|pm|:|[$%]))", s, re.I):
                for d in _day_list(m.group("d"), r.days):  # 'Need: Mon-Fri 2 each day, Sat 3, Sun 1'
                    r.cover[(ids[0], d)] = (int(m.group("n")), exact)
                sheet.mark((at + m.start(), at + m.end()))
        if r.cover != before:  # 'exactly' said of the demands read here (not of a table's: that is asked)
            for e in re.finditer(r"\bexact(?:ly)?\b", s, re.I):
                sheet.mark((at + e.start(), at + e.end()))
    for m in sheet.find(r"\b(?:must\s+be\s+)?met\s+at\s+least\b|\bat\s+least\s+the\s+number\b|"
                        r"\b(?:extra|more)\s+(?:people|staff|than\s+(?:the\s+)?(?:minimum|needed|required))\s+"
                        r"(?:is\s+|are\s+)?(?:allowed|fine|ok(?:ay)?)\b|\bat\s+least\s+that\s+many\b"):
        sheet.mark(m)  # demands are minimums: the model's reading already


def _read_pay(sheet: Sheet, r: Roster) -> None:
    """Pay per person ('Ana $18/h', 'Maria $150', 'P1 10/12' per shift in the order '(E/L)'), and what a shift
    costs more ('night shift pays the Day rate + $30', 'Sat and Sun shifts pay +$40 on top')."""
    order = None
    spec = re.search(rf"\(\s*((?:{_SW}|[A-Z])(?:\s*/\s*(?:{_SW}|[A-Z]))+)\s*\)", sheet.text, re.I)
    if spec:
        order = [r.shift(w.strip()) for w in spec.group(1).split("/")]
        sheet.mark(spec)
    hourly = False
    base: dict[str, list[float]] = {}
    spoken: dict[str, bool] = {}  # sentence -> whether it speaks of pay
    for m in sheet.find(rf"(?<![\w$])({_NAME})(?:\s+(?:earns|is paid|gets|costs|charges|makes))?\s*[:=-]?\s*"
                        rf"{CURRENCY}?\s*(\d+(?:\.\d+)?)"
                        rf"((?:\s*/\s*{CURRENCY}?\d+(?:\.\d+)?)*)(\s*(?:/\s*h(?:ou)?r?\b|an hour|per hour))?"
                        r"(?!\s*(?:shifts?|days?|people|staff|%))", 0):
        name = m.group(1)
        sentence = sheet.sentence(m.start())
        if sentence not in spoken:  # each sentence judged once: linear on long text
            spoken[sentence] = re.search(r"\b(?:cost|pay|paid|rate|wage|salary|gets|earns)|\b(?:per|a|an)\s+(?:shift|"
                                         r"hour|day)\b", sentence, re.I) is not None and \
                not re.search(r"\b(?:max|min)", sentence, re.I)
        if not re.search(CURRENCY, m.group(0)) and (name not in r.staff or not spoken[sentence]):
            continue  # a bare number beside a name is pay only where the sentence speaks of pay
        if r.shift(name) or re.fullmatch(rf"{_WD}|D\d+", name, re.I):
            continue
        values = [float(m.group(2))] + [float(v) for v in re.findall(r"\d+(?:\.\d+)?", m.group(3))]
        if len(values) > 1 and (order is None or len(order) != len(values)):
            continue
        r.person(name)
        base[name] = values
        hourly = hourly or bool(m.group(4))
        sheet.mark(m)
    bonus: dict[str, float] = {}
    for m in sheet.find(rf"\b((?:{_WD}|weekends?)(?:\s*(?:,|and|&|/)\s*{_WD})*)\s+shifts?\s+(?:pay|cost)\s+\+?\s*"
                        rf"{CURRENCY}?\s*(\d+(?:\.\d+)?)\s+(?:on top|extra|more)(?:\s+of\s+the\s+(?:day\s+)?rate)?"):
        for d in _day_list(m.group(1), r.days):
            bonus[d] = float(m.group(2))
        sheet.mark(m)
    if not base:
        r.pay = {(p, s, d): v + bonus.get(d, 0) for (p, s, d), v in r.pay.items()}  # a table's or rows' pay
        return
    ids = list(dict.fromkeys(r.shifts.values()))
    extra: dict[str, tuple[str, float]] = {}
    for m in sheet.find(rf"\b({_SW})\s+(?:shifts?\s+)?(?:pays?|costs?)\s+(?:the\s+)?"
                        rf"(?:[a-z]+'s\s+|that person's\s+|their\s+)?({_SW})(?:[- ]shift)?\s+(?:rate|cost|pay)\s*\+\s*"
                        rf"{CURRENCY}?\s*(\d+(?:\.\d+)?)|"
                        rf"\b({_SW})\s+shifts?\s+costs?\s+{CURRENCY}?\s*(\d+(?:\.\d+)?)\s+more\s+than\s+"
                        rf"(?:that person's|"
                        rf"the person's|their|the)\s+({_SW})[- ]shift\s+(?:cost|rate|pay)|"
                        rf"\b(?:anyone|everyone|each person|whoever)\s+(?:working|on|doing|takes?)\s+(?:an?\s+|the\s+)?"
                        rf"({_SW})\s+shift\s+(?:gets|earns|is paid)\s+(?:an?\s+)?extra\s+{CURRENCY}?\s*(\d+(?:\.\d+)?)"
                        r"(?:\s+on\s+top)?"):
        if m.group(7):  # 'anyone working an afternoon shift gets an extra 10 on top'
            dear, cheap, plus = m.group(7), m.group(7), m.group(8)
        else:
            dear, cheap, plus = (m.group(1), m.group(2), m.group(3)) if m.group(1) else \
                (m.group(4), m.group(6), m.group(5))
        if r.shift(dear) and r.shift(cheap):
            extra[r.shift(dear) or ""] = (r.shift(cheap) or "", float(plus))
            sheet.mark(m)
    hours = r.hours
    if not hourly:
        hours = {}
    elif len(hours) != len(ids):
        r.questions.append(Question(key="costs", text="Pay is given per hour: how many hours is each shift?"))
        return
    for name, values in base.items():
        for s in ids:
            if len(values) > 1:
                assert order is not None
                if s not in order:
                    continue
                value = values[order.index(s)]
            elif s in extra:
                value = values[0] + extra[s][1]
            else:
                value = values[0]
            for d in r.days:
                r.pay.setdefault((name, s, d), value * hours.get(s, 1) + bonus.get(d, 0))


def _shift_hours(sheet: Sheet, r: Roster) -> dict[str, float]:
    """Hours of each shift: '(6 hours)' or a clock range '6:30 to 12:30' beside its name."""
    out: dict[str, float] = {}
    for m in sheet.find(rf"\b({_SW})\b(?:(?!{_SW}\b)[^.;\n]){{0,12}}?(\d{{1,2}})(?::(\d\d))?\s*(?:-|\u2013|to)\s*"
                        r"(\d{1,2})(?::(\d\d))?(?:\s*\(\s*(\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?\s*\))?"):
        shift = r.shift(m.group(1))
        if shift is None:
            continue
        start = int(m.group(2)) * 60 + int(m.group(3) or 0)
        end = int(m.group(4)) * 60 + int(m.group(5) or 0)
        length = (end - start) % (24 * 60) / 60
        if m.group(6) and float(m.group(6)) != length:
            continue
        out[shift] = length
        sheet.mark(m)
    if out and len(set(out.values())) == 1:  # 'both 8 hours', 'each shift is paid 8 hours at ...': said again
        length = next(iter(out.values()))
        for m in sheet.find(r"\b(?:both|each|all(?:\s+of\s+them)?)\s+(\d+(?:\.\d+)?)\s*(?:hours?|h)\b|"
                            r"\beach\s+shift\s+is\s+paid\s+(\d+(?:\.\d+)?)\s*(?:hours?|h)\b(?:\s+at\s+the\s+person's\s+(?:hourly\s+)?rate)?"):
            if float(m.group(1) or m.group(2)) == length:
                sheet.mark(m)
    return out


def _read_rules(sheet: Sheet, r: Roster) -> None:
    """Limits on shifts, one shift a day, days and shifts off, rest rules."""
    for m in sheet.find(rf"\b(?:nobody|no one)\s+(?:works?|can work|may work)\s+more\s+than\s+({_N})\s+days\s+in\s+a\s+"
                        rf"row(?:\s*\(\s*within\s+this\s+(?:{_WD}\s*-\s*{_WD}\s+)?week\s*\))?"):
        r.rules.append({"type": "max_consecutive_days", "max_on": count_value(m.group(1).lower())})
        sheet.mark(m)
    for m in sheet.find(r"\b(?:(?:everyone|everybody|each person)\s+(?:must|should)\s+(?:get|work|do)\s+)?"
                        r"between\s+their\s+min(?:imum)?\s+and\s+max(?:imum)?\b(?:\s+number\s+of\s+shifts)?"):
        sheet.mark(m)  # the table's min and max columns, read there
    for m in sheet.find(rf"\b(?:nobody|no one|each|every\w*|everyone)\b[^.;\n]{{0,40}}?\b(?:more than|at most|"
                        rf"max(?:imum)?|no more than)\s+({_N})\s+shifts?\b(?!\s*(?:per|a|each)\s+day)"
                        r"(?:\s+(?:in|per|a)\s+(?:the\s+)?week)?"):
        before = sheet.text[max(0, m.start() - 60):m.start()]
        if re.search(rf"{_NAME}(?:\s*,\s*{_NAME})*,?\s+and\s+{_NAME}\s*$", before):
            continue  # 'Priya, Tom and Lena each want at most 4': theirs, read below, not everyone's
        r.rules.append({"type": "count", "per": ["staff"], "max": count_value(m.group(1).lower())})
        sheet.mark(m)
    for m in sheet.find(rf"\b(?:at most|max(?:imum)?|no more than)\s+({_N})\s+shifts?\s+per\s+"
                        r"(?:person|employee|worker|head)(?!\s+(?:per|a|each)\s+day)(?:\s+(?:in|per|a)\s+(?:the\s+)?week)?"):
        r.rules.append({"type": "count", "per": ["staff"], "max": count_value(m.group(1).lower())})
        sheet.mark(m)
    for m in sheet.find(rf"\b(?i:max(?:imum)?\s+shifts?)\b[^:\n]{{0,30}}:\s*"
                        rf"(?P<l>{_NAME}\s+\d+(?:\s*,\s*{_NAME}\s+\d+)+)", 0):
        for who, k in re.findall(rf"({_NAME})\s+(\d+)", m.group("l")):
            r.rules.append({"type": "count", "per": ["staff"], "staff": [who], "max": int(k)})
        sheet.mark(m)
    for m in sheet.find(r"\b(?:(?:max(?:imum)?|at most)\s+)?(?:one|1)\s+shift\s+(?:per|a)\s+(?:person\s+)?"
                        r"(?:per\s+|a\s+)?day\b(?:\s+at\s+most)?|"
                        r"\b(?:one|1)\s+shift\s+per\s+person\s+per\s+day(?:\s+at\s+most)?|"
                        r"\bnobody\s+works\s+both\s+shifts\s+(?:on\s+)?the\s+same\s+day\b|"
                        r"\b(?:each\s+)?person\s+works\s+at\s+most\s+one\s+shift\s+per\s+day\b|"
                        r"\bmax(?:imum)?\s+1\s+shift\s+per\s+day\b"):
        sheet.mark(m)  # one shift a day at most: the model's rule already
    days_phrase = rf"(?i:(?:(?:{_WD}|D\d+|weekends?)(?:\s*(?:,|or|and|&|/)\s*)?)+)"
    for m in sheet.find(rf"\b({_NAME})\s+(?:{_NOT})(?:the\s+)?(?P<d>{days_phrase})", 0):
        if m.group(1) in r.staff:
            r.off(m.group(1), None, _day_list(m.group("d"), r.days))
            sheet.mark(m)
    for m in sheet.find(rf"\b({_NAME})\s+(?:{_NOT}|doesn't do\s+|does not do\s+)(?:the\s+)?(?P<s>(?i:{_SW})|[A-Z])s?"
                        r"(?:\s+shifts?)?(?:\s+at\s+all)?\b", 0):
        if m.group(1) in r.staff and (shift := r.shift(m.group("s"))):
            r.off(m.group(1), [shift], None)
            sheet.mark(m)
    for m in sheet.find(rf"\b({_NAME})\s+only\s+(?:does|works|do|work|takes)\s+(?:the\s+)?(?P<s>(?i:{_SW}))s?"
                        r"(?:\s+shifts?)?\b(?:\s*\([^)\n]{0,30}\))?", 0):
        if m.group(1) in r.staff and (shift := r.shift(m.group("s"))):  # 'Tom only does mornings (school run)'
            others = [x for x in dict.fromkeys(r.shifts.values()) if x != shift]
            if others:
                r.off(m.group(1), others, None)
            sheet.mark(m)
    for m in sheet.find(rf"\b(?P<l>{_NAME}(?:\s*,\s*{_NAME})*(?:,?\s+and\s+{_NAME})?)\s+(?:each\s+)?"
                        rf"(?:want|wants|can do|can work|works?)\s+(?:at most|up to|no more than|a maximum of)\s+({_N})"
                        r"(?:\s+shifts?)?(?:\s+(?:this|a|per|in the)\s+week)?", 0):
        names = re.findall(_NAME, m.group("l"))
        if names and all(n in r.staff for n in names):  # 'Priya, Tom and Lena each want at most 4 shifts'
            most = count_value(m.group(2).lower())
            r.rules += [{"type": "count", "per": ["staff"], "staff": [who], "max": most} for who in names]
            sheet.mark(m)
    for m in sheet.find(r"\bunavailab\w*\s*:\s*(?P<l>[^.\n]+)"):  # 'Unavailable: P1 D2; P2 D5, D6'
        for item in re.finditer(rf"({_NAME})\s+(?:off\s+)?(?P<d>{days_phrase})", m.group("l")):
            if item.group(1) in r.staff:
                r.off(item.group(1), None, _day_list(item.group("d"), r.days))
                sheet.mark((m.start("l") + item.start(), m.start("l") + item.end()))
        sheet.mark((m.start(), m.start("l")))
    for m in sheet.find(rf"\b(?i:no)\s+((?i:{_SW})|[A-Z])\s+"
                        r"(?i:(?:shift\s+)?on\s+one\s+day\s+followed\s+by\s+(?:an?\s+)?)"
                        rf"((?i:{_SW})|[A-Z])\s+"
                        r"(?i:(?:shift\s+)?(?:on\s+)?the\s+next\s+day\b(?:\s+for\s+the\s+same\s+person)?)", 0):
        _rest(sheet, r, m, m.group(1), m.group(2))
    for m in sheet.find(rf"\b(?:nobody|no one|no\s+[a-z]+)\s+(?:can\s+|may\s+|should\s+)?(?:works?|does|takes?|do)\s+"
                        rf"an?\s+({_SW}|[A-Z])(?:\s+shift)?\s+followed\s+by\s+an?\s+({_SW}|[A-Z])(?:\s+shift)?\s+"
                        r"(?:on\s+)?the\s+next\s+(?:day|morning)\b"):  # 'nobody works a Late followed by an Early ...'
        _rest(sheet, r, m, m.group(1), m.group(2))
    right = r"(?:right\s+|directly\s+|immediately\s+|straight\s+)?(?:after|following)\s+"
    for m in sheet.find(rf"\b(?:nobody|no one|no\s+[a-z]+)\s+(?:can\s+|may\s+|should\s+|is\s+allowed\s+to\s+)?"
                        rf"(?:do|does|work|works|take|takes)\s+an?\s+({_SW})\s+shift\s+(?:on\s+the\s+(?:day|morning)\s+)?"
                        rf"{right}(?:they\s+(?:have\s+)?worked\s+|working\s+|doing\s+)?an?\s+({_SW})\s+shift\b|"
                        rf"\bno\s+({_SW})\s+shifts?\s+{right}an?\s+({_SW})\s+shift\b|"
                        rf"\bafter\s+an?\s+({_SW})\s+shift\b[^.;\n]{{0,30}}?\bno\s+({_SW})\s+shift\b"
                        r"(?:\s+(?:on\s+)?the\s+next\s+day)?"):
        then, first = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4)) if m.group(3) else \
            (m.group(6), m.group(5))
        _rest(sheet, r, m, first, then)


def _rest(sheet: Sheet, r: Roster, m: re.Match[str], first: str, then: str) -> None:
    a, b = r.shift(first), r.shift(then)
    if a and b:
        r.rules.append({"type": "forbidden_sequence", "first": a, "then": b})
        sheet.mark(m)


def _build(sheet: Sheet, r: Roster) -> tuple[RosterProblem | None, list[Question], list[str]]:
    questions = list(r.questions)
    ids = list(dict.fromkeys(r.shifts.values()))
    if not r.staff:
        questions.append(Question(key="staff", text="Who can be rostered? (e.g. 'the team is Ana, Ben and Cleo')"))
    for s in ids:
        bare = [d for d in r.days if (s, d) not in r.cover]
        if bare:
            questions.append(Question(key="cover", text=f"How many people does the {s} shift need on "
                                      f"{', '.join(bare)}?"))
    unpaid = sorted({p for p in r.staff for s in ids for d in r.days if (p, s, d) not in r.pay
                     and not _never(r, p, s, d)})
    if unpaid:
        questions.append(Question(key="costs", text=f"What is the pay per shift of {', '.join(unpaid)}?"))
    if not re.search(r"\b(?:cheap\w*|lowest|least|minimi[sz]e|minimum|min)\b|\bas low as possible\b", sheet.text, re.I):
        questions.append(Question(key="objective", text="What should be minimised? (the total pay of the roster)",
                                  choices=["total_cost"]))
    for what, k in (("staff|people|persons|employees|workers|guards|nurses", len(r.staff)), ("days", len(r.days)),
                    ("shifts", len(ids))):  # counts that agree with what is read say nothing more
        for m in sheet.find(rf"\b({_N})\s+(?:{what})\b"):
            if count_value(m.group(1).lower()) == k:
                sheet.mark(m)
    for m in sheet.find(rf"\b(?:my|our|we have|there are|with)\s+({_N})\s+[a-z]+s\b"):  # 'my four baristas'
        if count_value(m.group(1).lower()) == len(r.staff):
            sheet.mark(m)
    unread = sheet.unread(r.staff)
    if unread:
        questions.append(Question(key="unread", text="I could not read these parts of the roster: "
                                  + "; ".join(repr(u) for u in unread[:5]) + ". Rephrase them."))
    if questions:
        return None, questions, []
    cover = [{"shift": s, "day": d, "min": need, **({"max": need} if exact else {})}
             for (s, d), (need, exact) in r.cover.items()]
    costs = [{"staff": [p], "shifts": [s], "days": [d], "cost": amount(v)} for (p, s, d), v in r.pay.items()]
    data = {"schema": "ordino/1", "family": "assignment", "staff": [{"id": p} for p in r.staff],
            "shifts": [{"id": s} for s in ids], "days": r.days, "cover": cover, "costs": costs,
            "rules": [x for k, x in enumerate(r.rules) if x not in r.rules[:k]], "objective": [{"term": "total_cost"}]}
    try:
        return RosterProblem.model_validate(data), [], [f"{len(r.staff)} people, {len(ids)} shifts a day over "
                                                       f"{len(r.days)} days"]
    except ValidationError as exc:
        from ordino.models.io import describe_validation_error

        return None, [Question(key="fix", text="the roster read from the text is inconsistent: "
                               + describe_validation_error(exc, data))], []


def _never(r: Roster, person: str, shift: str, day: str) -> bool:
    """Whether `person` may never work `shift` on `day` (then no pay is needed)."""
    return any(x["type"] == "unavailable" and x["staff"] == [person] and shift in x.get("shifts", [shift])
               and day in x.get("days", [day]) for x in r.rules)
