"""Rosters of named people: 'Daily pay: Anna $200, Ben $180', 'Anna cannot work on Saturday or Sunday', 'nobody
works more than 4 days, and Dev at most 3', 'no nurse may work both Saturday and Sunday'. Every sentence that
names a person must be read into a rule, or it becomes a question: a dropped day off would be a wrong roster."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ordino.formulate.offline.tables import RULE_LINE
from ordino.formulate.offline.text import count_value
from ordino.formulate.questions import Question

WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
DAY_IDS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WEEKDAY_WORD = (r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:s|nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?|"
                r"sun(?:day)?)s?")
"""A weekday as texts write it ('Mon', 'Tues', 'Thursday', 'Sundays'), never a word that only starts alike
('wedding', 'monitor', 'sunny')."""
"""The week as rosters read it (also by `roster`), and the day ids a weekly roster uses."""
DAY = r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b"
_IN_A_ROW = r"\s*(?:in a row|consecutive|running|straight|back[ -]to[ -]back)"
_ONE_DAY = r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\bweekends?\b|\bweekdays\b"
_DAYS = rf"(?:(?:{_ONE_DAY})(?:\s*(?:to|through|until|-|\u2013)\s*{DAY})?(?:\s*(?:,|or|and|&|/)\s*)?)+"
_N = r"(\d+|one|two|three|four|five|six|seven)"
_ROLES = ("worker", "employee", "nurse", "person", "agent", "doctor", "guard", "driver", "operator", "cashier", "clerk",
          "officer", "technician", "volunteer", "steward", "barista", "pharmacist", "waiter", "cook", "chef",
          "receptionist", "lifeguard", "teller", "paramedic", "porter", "cleaner", "instructor", "tutor", "teacher",
          "physician", "carer", "dispatcher", "bartender", "supervisor", "attendant", "librarian", "medic", "temp",
          "picker", "stocker", "loader", "courier", "hygienist", "assistant", "baker", "usher", "marshal",
          "invigilator", "mechanic", "electrician", "associate", "advis[eo]r", "sorter", "runner", "warden")
PEOPLE = rf"(?:staff(?: members?)?|people|crew(?: members?)?|team members?|{'|'.join(w + 's?' for w in _ROLES)})"
"""The words a text calls the people of a roster by ('nurses', 'staff members', 'pharmacists')."""
SHIFT_WORDS = r"(?:early|late|day|night|morning|evening|afternoon|mid|middle|long|short|swing|graveyard)"
"""The words a shift is called by when the text gives it no name of its own ('an early and a late')."""
NAME_LIST = r"(?:{n})(?:\s*,\s*(?:{n}))*(?:\s*,?\s*(?:and|&)\s*(?:{n}))?"
"""A list of names: 'Ruth, Sanjay, Tomás, Una and Viktor' (format it with the pattern of one name, `n`)."""
NAME = r"[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff]+(?:-[A-Z][a-z\u00df-\u00f6\u00f8-\u00ff]+)?"
_PAY = re.compile(rf"(?P<n>{NAME})\s*(?::|=|-|\u2013|\u2014)?\s*[$\u00a3\u20ac]\s*(?P<v>\d+(?:\.\d+)?)")
_NOT = (r"(?:cannot|can't|can not|can ?not|isn't available|is not available|is unavailable|is off|doesn't work|"
        r"does not work|won't work|will not work|can't do|cannot do|never works?|is away|is on (?:holiday|leave)|"
        r"(?:can't|cannot|can not) (?:come in|make it)|has (?:classes|school|lectures|another job|appointments?) "
        r"(?:on|every)|is (?:busy|studying|in class) (?:on|every))")


CURRENCY = r"[$\u20ac\u00a3]"
"""A currency sign ('$', '€', '£')."""
MONEY = re.compile(r"[$\u20ac\u00a3]\s*\d|\d\s*(?:dollars|euros?|pounds)\b|\bcosts?\b[^.\n]{0,30}\d")
"""An amount of money in a text ('$130', '96 pounds', 'costs 100')."""
_PRICED_HEAD = re.compile(r"(?i)\b(?:costs?|price|pay|wages?|rate)\b|[$\u20ac\u00a3]")


def amounts(text: str) -> dict[float, int]:
    """The amounts of money a text writes, each with where it first stands: after a currency sign ('$130'), before a
    currency word ('96 pounds') and in a table's column headed by one ('| Cost ($) |')."""
    found: dict[float, int] = {}
    for m in re.finditer(rf"{CURRENCY}\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?i:dollars|euros?|pounds)\b", text):
        found.setdefault(float(m.group(1) or m.group(2)), m.start())
    priced: list[int] = []
    at = 0
    for line in text.splitlines(keepends=True):
        at += len(line)
        if line.count("|") < 2:
            priced = []
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not priced:
            priced = [k for k, c in enumerate(cells) if _PRICED_HEAD.search(c) and not re.search(r"\d", c)] or [-1]
            continue
        for k in priced:
            if 0 <= k < len(cells) and (v := re.fullmatch(rf"{CURRENCY}?\s*(\d+(?:\.\d+)?)", cells[k])):
                found.setdefault(float(v.group(1)), at - len(line))
    return found



def day_index(word: str) -> int:
    """0 for 'mon', 'monday', 'Mondays' ... 6 for Sunday."""
    return [w[:3] for w in WEEK].index(word[:3].lower())


def weekday(word: str) -> int | None:
    """0 for 'mon', 'Monday', 'Mondays' ... 6 for Sunday; None for a word that is no weekday."""
    return day_index(word.strip()) if re.fullmatch(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*", word.strip(), re.I) \
        else None


def weekday_rows(text: str) -> Iterator[tuple[list[int], list[str]]]:
    """(weekdays, numbers as written) of each line naming weekdays and no number over a line of a label and one
    number per weekday, a table's rule between them skipped: '| Day | Mon | Tue | ...' over '| Min | 6 | 5 | ...'."""
    lines = [line for line in text.split("\n") if not RULE_LINE.fullmatch(line.strip())]
    for above, below in zip(lines, lines[1:], strict=False):
        days = [d for w in re.split(r"[\s|,]+", above) if (d := weekday(w)) is not None]
        needs = re.findall(r"(?<![\w.])\d+(?![\w.])", below)
        if days and not re.search(r"\d", above) and len(needs) == len(days) and \
                re.fullmatch(r"[\s|,]*[A-Za-z][\w ]*[\s|,:]+[\d\s|,]+", below):
            yield days, needs


def day_ids(phrase: str) -> list[str]:
    """The days a phrase names, in order: 'Monday or Wednesday', 'weekends', 'Thursday to Sunday'."""
    out: list[str] = []
    for m in re.finditer(rf"(?P<a>{_ONE_DAY})(?:\s*(?:to|through|until|-|\u2013)\s*(?P<b>{DAY}))?", phrase.lower()):
        first = m.group("a")
        if first.startswith("weekend"):
            out += ["Sat", "Sun"]
        elif first == "weekdays":
            out += DAY_IDS[:5]
        elif m.group("b"):  # a span
            out += DAY_IDS[day_index(first):day_index(m.group("b")) + 1]
        else:
            out.append(DAY_IDS[day_index(first)])
    return list(dict.fromkeys(out))


def amount(value: float) -> int | float:
    """A money amount as the model takes it: whole when it is, else rounded to 4 places."""
    return int(value) if float(value).is_integer() else round(value, 4)


_TABLE_ROW = re.compile(rf"^[ \t]*(?:\|[ \t]*)?(?P<n>{NAME})[ \t]*\|[ \t]*[$\u00a3\u20ac]?[ \t]*(?P<v>\d+(?:\.\d+)?)"
                        r"[ \t]*\|(?P<off>[^|\n]*)(?:\|[ \t]*)?$", re.MULTILINE)


def _staff_grid(text: str) -> tuple[list[tuple[str, float, list[str]]], dict[str, dict[str, int]]] | None:
    """A person x day grid: '| Person | Day rate (€) | Max days | Mon | Tue |' over rows '| Ana | 110 | 4 | off |
    ok |': (name, pay, days off) per person and each person's bounds on days ({'max': 4, 'min': 1}). None when a
    column or a mark is one this does not read."""
    lines = [[c.strip() for c in line.strip(" |").split("|")] for line in text.split("\n")
             if line.count("|") >= 3 and not re.fullmatch(r"[\s|:+-]*", line)]  # no markdown rules
    for k, heads in enumerate(lines):
        day_columns = [i for i, h in enumerate(heads) if re.fullmatch(DAY, h.lower())]
        pay = next((i for i, h in enumerate(heads) if re.search(r"(?i)\$|\u20ac|\u00a3|pay|rate|wage|cost", h)), None)
        if len(day_columns) < 3 or pay is None or not re.fullmatch(r"(?i)name|person|staff|employee|who", heads[0]):
            continue
        bound = r"(?i)(?:{})(?:imum)?\.?\s*(?:days|shifts)"
        most, least = (next((i for i, h in enumerate(heads) if re.fullmatch(bound.format(b), h)), None)
                       for b in ("max", "min"))
        if set(range(len(heads))) - {0, pay, most, least, *day_columns}:
            return None  # a column we do not read (a second rate, a skill): the caller asks about the rows
        people: list[tuple[str, float, list[str]]] = []
        limits: dict[str, dict[str, int]] = {}
        for cells in lines[k + 1:]:
            if re.fullmatch(r"(?i)needed|min(?:imum)?|required|demand|need|staff needed|cover|total", cells[0]):
                continue  # the day demands, read by the roster
            if len(cells) != len(heads) or not re.fullmatch(NAME, cells[0]) or not re.fullmatch(r"\d+(?:\.\d+)?",
                                                                                                   cells[pay]):
                return None  # a row we do not read: the caller asks about it
            marks = [cells[i].lower() for i in day_columns]
            if any(m not in ("ok", "yes", "y", "x", "-", "", "off", "no", "n") for m in marks):
                return None  # a mark we do not read: the caller asks about the rows
            off = [DAY_IDS[day_index(heads[i])] for i, m in zip(day_columns, marks, strict=True)
                   if m in ("off", "no", "n")]
            people.append((cells[0], float(cells[pay]), off))
            for column, bound in ((most, "max"), (least, "min")):
                if column is not None and cells[column].isdigit():
                    limits.setdefault(cells[0], {})[bound] = int(cells[column])
        return (people, limits) if people else None
    return None


def _staff_table(text: str) -> list[tuple[str, float, list[str]]] | None:
    """(name, pay, days off) per row of a staff table under a header naming the pay ('| Name | $/hour | Cannot
    work |'): the third column lists the days a person cannot work ('-' for none)."""
    header = re.search(r"(?im)^[ \t]*(?:\|[ \t]*)?(?:name|staff|person|employee|who)[ \t]*\|[^|\n]*(?:\$|pay|rate|wage|"
                       r"cost)[^|\n]*\|[ \t]*(?:cannot work|can't work|unavailable|days? off|off|not available)[^|\n]*"
                       r"(?:\|[ \t]*)?$", text)
    if header is None:
        return None
    rows = []
    for m in _TABLE_ROW.finditer(text, header.end()):
        off = m.group("off").strip()
        if off and not re.fullmatch(rf"(?i)[-\u2013\u2014]|none|n/?a|{_DAYS}", off):
            return None  # a column we do not read: the caller asks about the rows
        rows.append((m.group("n"), float(m.group("v")), day_ids(off)))
    return rows or None


_HOURS = re.compile(rf"(?i)(?P<d>{DAY}(?:\s*(?:-|\u2013|to|,|and|&)\s*{DAY})*)\s*[:=]?\s*(?P<h>\d+(?:\.\d+)?)\s*"
                    r"(?:h|hrs?|hours?)\b")


def _shift_hours(text: str, days: list[str]) -> dict[str, float] | None:
    """Hours of the shift on each roster day: '8-hour shifts', or 'shift length: Mon-Fri 8 h, Sat and Sun 6 h'."""
    uniform = re.search(r"(?i)\b(\d+(?:\.\d+)?)[- ]?(?:h|hrs?|hours?)\s+shifts?\b|\bshifts?\s+(?:of|lasts?|is|are)\s+"
                        r"(\d+(?:\.\d+)?)\s*(?:h|hrs?|hours?)\b", text)
    out: dict[str, float] = {}
    for m in _HOURS.finditer(text):
        out.update({d: float(m.group("h")) for d in day_ids(m.group("d"))})  # 'Mon-Fri': every day between
    if not out and uniform:
        return {d: float(uniform.group(1) or uniform.group(2)) for d in days}
    return out if all(d in out for d in days) else None


def named_people(text: str) -> bool:
    """Whether the text names at least two people with their pay ('Ana - $120/day', a staff table)."""
    return len({m.group("n") for m in _PAY.finditer(text)}) >= 2 or _staff_table(text) is not None or \
        _staff_grid(text) is not None


_PAY_LINE = re.compile(rf"(?m)^(?P<head>[ \t]*[-*\u2022]?[ \t]*(?P<n>{NAME})\s*(?::|=|-|\u2013|\u2014)?\s*"
                       rf"[$\u00a3\u20ac]\s*\d+(?:\.\d+)?\s*(?:/\s*(?:day|shift)|(?:per|a)\s+(?:day|shift))?)\s*,\s*(?P<tail>[^\n]+)$")
_PRONOUN = re.compile(r"(?i)^(?:and\s+)?(?:she|he|they)(?:'s|\s+is|\s+are)?\s+")


def _pay_lines(text: str) -> str:
    """'Ben - $130 a day, max 3 days, can't do Wednesday.' as one sentence per part, each naming Ben ('Ben max 3
    days.', 'Ben can't do Wednesday.'), so that every part is read or asked about ('she's off on Monday': Anna)."""
    def split(m: re.Match[str]) -> str:
        parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:she|he|they|can|is|max|off|not)\b)",
                                     m.group("tail").rstrip(" .")) if p]
        name = m.group("n")
        named = [_PRONOUN.sub(lambda p: name + (" is " if re.search(r"'s|\bis\b", p.group(0)) else " "), part)
                 for part in parts]
        return ". ".join([m.group("head"), *(p if p.startswith(name) else f"{name} {p}" for p in named)]) + "."
    return _PAY_LINE.sub(split, text)


def read_named_staff(text: str, days: list[str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]],
                                                           list[dict[str, Any]], list[Question]] | None:
    """(staff, costs, rules, questions) of a roster whose people are named with a pay each; None when the text
    names no people that way. `days` are the roster's day ids (weekday rules need them to be weekdays)."""
    pays = [(m.group("n"), float(m.group("v"))) for m in _PAY.finditer(text)
            if m.group("n").lower()[:3] not in [w[:3] for w in WEEK]]
    rules: list[dict[str, Any]] = []
    table = _staff_table(text)
    grid = _staff_grid(text)
    if grid is not None and table is None and not pays:
        table = grid[0]
        rules += [{"type": "count", "per": ["staff"], "staff": [n], **bounds} for n, bounds in grid[1].items()]
    if table is not None and not pays:
        pays = [(n, v) for n, v, _ in table]
        rules += [{"type": "unavailable", "staff": [n], "days": off} for n, _, off in table if off]
    names = [n for n, _ in pays]
    if len(names) < 2 or len(set(names)) != len(names):
        return None
    listed = re.search(r"(?i)\b(?:staff|team|people|employees|workers|crew)\s*:\s*(?P<l>[^.\n]+)", text)
    said = listed.group("l") if listed else ""
    unpaid = [n for n in re.findall(NAME, said) if n not in names and n.lower()[:3] not in [w[:3] for w in WEEK]]
    if unpaid and any(n in said for n in names):  # 'Staff: Ann $100/day, Bob $90/day, Cat.'
        return [], [], [], [Question(key="costs", text=f"What is the pay of {', '.join(unpaid)}?")]
    staff = [{"id": n} for n in names]
    costs: list[dict[str, Any]] = [{"staff": [n], "cost": amount(v)} for n, v in pays]
    if re.search(r"(?i)/\s*h(?:ou)?r\b|\bper hour\b|\ban hour\b|\bhourly\b", text):
        hours = _shift_hours(text, days)
        if hours is None:
            return [], [], [], [Question(key="costs", text="Pay is given per hour: how many hours is a shift on "
                                         "each day? (e.g. 'shift length: Mon-Fri 8 h, Sat and Sun 6 h')")]
        costs = [{"staff": [n], "days": [d], "cost": amount(v * hours[d])} for n, v in pays for d in days]
    read: set[int] = set()  # sentences read into a rule
    unread: list[str] = []  # sentences that must be asked about although they name nobody
    # clauses, not sentences: 'Tom can't do Wednesdays, and Luis has classes on Mondays' holds two rules, and a
    # sentence read for one of them must not hide the other
    sentences = [s for s in re.split(r"(?<=[.;!?])\s+|\n+|,\s*(?:and|but)\s+|\s+but\s+", _pay_lines(text))
                 if s and s.strip()]
    weekdays = all(d in DAY_IDS for d in days)
    for k, sentence in enumerate(sentences):
        low = sentence.lower()
        if (table is not None and _TABLE_ROW.fullmatch(sentence)) or (grid is not None and sentence.count("|") >= 3):
            read.add(k)
        if len(_PAY.findall(sentence)) >= 2 or re.fullmatch(rf"[\s\-*\u2022]*{_PAY.pattern}\s*(?:/\s*day|per day|a day|"
                                                            rf"/\s*shift|per shift|a shift)?\s*[.;,]?\s*", sentence):
            read.add(k)
        for m in re.finditer(rf"(?P<n>{NAME})\s+{_NOT}\s+(?:work\s+)?(?:on\s+)?(?P<d>{_DAYS})", sentence,
                             re.IGNORECASE):
            if m.group("n") in names and weekdays:
                rules.append({"type": "unavailable", "staff": [m.group("n")], "days": day_ids(m.group("d"))})
                read.add(k)
        if re.search(r"(?i)\bhappy to work (?:all|any|every)\b|\bno restrictions\b|\bcan work any day\b", sentence):
            read.add(k)  # 'Carla - $170 a day, happy to work all 5 days': no rule
        for m in re.finditer(rf"(?P<n>{NAME})\s*(?:isn't|is not|is never)\s+available\s+(?:on\s+)?(?P<d>{_DAYS})",
                             sentence, re.IGNORECASE):
            if m.group("n") in names and weekdays:
                rules.append({"type": "unavailable", "staff": [m.group("n")], "days": day_ids(m.group("d"))})
                read.add(k)
        for m in re.finditer(rf"(?P<n>{NAME})\s+(?:only works|works only|is only available|can only work|is available "
                             rf"only)\s+(?:on\s+)?(?P<d>{_DAYS})", sentence, re.IGNORECASE):
            if m.group("n") in names and weekdays:  # 'Marco only works Thursday to Sunday': off the other days
                off = [d for d in days if d not in day_ids(m.group("d"))]
                if off:
                    rules.append({"type": "unavailable", "staff": [m.group("n")], "days": off})
                read.add(k)
        everyone = re.search(rf"\b(?:nobody|no one|no nurse|no worker|no employee|each|every|everyone|each \w+)\b"
                             rf"[^.;]{{0,25}}?\b(?:works?|more than|at most)\b[^.;]{{0,15}}?{_N}\s+(?:days|shifts)",
                             low)
        if everyone and re.match(_IN_A_ROW, low[everyone.end():]):  # days in a row: a run, not a total
            if everyone.group(0).rstrip().endswith("days"):
                rules.append({"type": "max_consecutive_days", "max_on": count_value(everyone.group(1))})
                read.add(k)
            else:
                unread.append(sentence)
            everyone = None
        if everyone and re.match(r"\s*(?:per|a|each|every)\s+day", low[everyone.end():]):
            everyone = None  # 'at most 2 shifts per day': a daily limit, moot with the one shift a day read here
            read.add(k)
        if everyone:  # 'nobody works more than 4 days' and 'each works at most 4 days' both cap at 4
            rules.append({"type": "count", "per": ["staff"],
                          "max": count_value(everyone.group(1))})
            read.add(k)
        span = re.search(rf"\b(?:every|each|everyone|all)\b[^.;]{{0,30}}?\bat least\s+{_N}\s+(?:days?|shifts?\s+)?"
                         rf"(?:and|but)\s+at most\s+{_N}\s+(?:days|shifts)\b(?!{_IN_A_ROW})", low)
        if span:  # 'every person works at least 2 and at most 5 days'
            rules.append({"type": "count", "per": ["staff"], "min": count_value(span.group(1)),
                          "max": count_value(span.group(2))})
            read.add(k)
        for m in re.finditer(rf"(?P<n>{NAME})\b[^.;]{{0,40}}?\b(?:(?:at (?P<b>most|least)|"
                             rf"(?P<b4>max(?:imum)?|min(?:imum)?)|"
                             rf"(?P<b3>no more than|not more than|no fewer than|no less than))\s+"
                             rf"{_N.replace('(', '(?P<k>', 1)}\b|{_N.replace('(', '(?P<k2>', 1)}\s+"
                             rf"(?:days?|shifts?)\s+(?P<b2>max|min)(?:imum)?\b)", sentence):
            limit = m.group("k") or m.group("k2")
            if m.group("n") not in names:
                continue
            said = m.group("b") or m.group("b2") or m.group("b3") or m.group("b4")
            bound = "max" if said.startswith(("most", "max")) or "more" in said else "min"  # 'maximum 3': at most
            if re.match(rf"\s+days?{_IN_A_ROW}|{_IN_A_ROW}", sentence[m.end():]):  # 'at most 2 days in a row'
                if bound == "max" and re.match(r"\s+days?", sentence[m.end():]):
                    rules.append({"type": "max_consecutive_days", "staff": [m.group("n")],
                                  "max_on": count_value(limit)})
                    read.add(k)
                continue
            rules.append({"type": "count", "per": ["staff"], "staff": [m.group("n")], bound: count_value(limit)})
            read.add(k)
        both = re.search(rf"\bboth\s+{DAY}\s+and\s+{DAY}", low)
        if both and re.search(r"\b(?:no|nobody|no one|not|never|may not|cannot)\b", low) and weekdays:
            rules.append({"type": "count", "per": ["staff"], "days": day_ids(both.group(0)), "max": 1})
            read.add(k)
    questions = [Question(key="unread", text=f"I could not read this sentence about {who}: '{s.strip()}'. "
                          "Rephrase it.")
                 for k, s in enumerate(sentences) if k not in read
                 for who in [next((n for n in names if re.search(rf"\b{n}\b", s)), None)] if who is not None]
    questions += [Question(key="unread", text=f"I could not read this sentence: '{s.strip()}'. Rephrase it.")
                  for s in unread]
    unique = [r for k, r in enumerate(rules) if r not in rules[:k]]
    return staff, costs, unique, questions
