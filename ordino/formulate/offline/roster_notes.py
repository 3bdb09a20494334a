"""Rosters written as notes: 'Staff P1..P4, days 1..7, shifts D (day) and N (night)', 'need_d >= (2, 2, 3, 2)',
'Unavailable: P1 {2}; P2 d5', '<= 4 shifts, <= 3 consecutive days', 'no N on day t followed by D on day t+1',
'cost/shift: P1 100, P2 90; weekend shifts paid x1.5', 'min max_i (#N shifts of P_i)'.

The staff, the days and the shifts are read first (ranges, sets, lists); every other clause is then read against
them. All or nothing: a model only when every character of the text with a letter or a digit was read; else
nothing, and the other roster readers (which ask about what they cannot read) take the text.
"""

from __future__ import annotations

import re
from typing import Any

from ordino.formulate.offline.marked import TO
from ordino.formulate.offline.roster_clauses import CUES, prose_left, read_clause, read_clauses
from ordino.formulate.offline.roster_draft import RosterDraft
from ordino.formulate.offline.roster_people import pay_by_the_hour, read_day_demands, read_people
from ordino.formulate.offline.roster_tables import read_shift_spans, read_tables
from ordino.formulate.offline.staff import CURRENCY, DAY_IDS, NAME, NAME_LIST, PEOPLE, SHIFT_WORDS, WEEKDAY_WORD
from ordino.formulate.offline.staff import weekday as weekday_of
from ordino.formulate.offline.text import HISTORY, count_value, sentence_bounds
from ordino.models.assignment import RosterProblem

_N = r"(?:\d+|one|two|three|four|five|six|seven)"
_V = r"\d+(?:\.\d+)?"
_WD = rf"(?i:{WEEKDAY_WORD})(?![a-z])"
_PEOPLE = rf"(?:{PEOPLE}|pool)"
_PAID = re.compile(r"(?i)\b(?:pay|pays|paid|rate|rates|extra|double|bonus|premium|surcharge|costs?|off|"
                   rf"unavailable|away|can't|cannot|only)\b|{CURRENCY}|\+")
"""Words of a sentence that names days for a price or a person, not the roster's days."""
_SIGN = rf"(?:{CURRENCY}|(?-i:GBP|EUR|USD|CHF)\s)"
"""A sign of money before an amount: '$', or a currency's code ('GBP 160')."""
_LE = r"(?:<=|at\s+most|max(?:imum)?\.?|no\s+more\s+than|up\s+to)"
_GE = r"(?:>=|at\s+least|min(?:imum)?\.?)"


def read_roster_notes(text: str) -> RosterProblem | None:
    """The RosterProblem of a roster written as notes, or None when any part of it is not read."""
    n = RosterDraft(text)
    read_shift_spans(n)
    _read_days(n)  # the days said in prose first: a table of people may name days without columns of them
    _read_shifts(n)  # and the shifts: a table's columns may name them by their letters ('Mon E')
    read_tables(n)
    if not ((n.days or _read_days(n)) and (n.shifts or _read_shifts(n))):
        return None
    _read_staff(n)  # a list of the staff ('Guards: Ada, Bo, Cy'), then lines for some of them
    read_people(n)
    if not (_read_staff(n) or n.staff):  # (or their lines first, then the list said again)
        return None
    if not re.search(r"\bexact(?:ly)?\b", n.text, re.IGNORECASE):  # the cover is a least number, said again (before
        n.take(r"(?i)\b(?:having\s+)?more\s+(?:people|staff|persons|workers|nurses)\s+than\s+(?:needed|required)"  # its
               r"(?:\s+on\s+a\s+(?:day|shift))?\s+is\s+(?:allowed|fine|ok(?:ay)?)\b"  # words 'needed' are read)
               r"(?:,?\s*(?:it\s+)?just\s+doesn't\s+help)?", lambda m: True)
    for reader in (read_day_demands, _read_cover, _read_limits, _read_unavailable, _read_successions, _read_costs,
                   _read_hourly_extra,
                   _read_requests, _read_objective, _read_asides, _read_day_spans, _read_penalty_list, read_clauses):
        reader(n)
    return None if prose_left(n) or not pay_by_the_hour(n) else n.model()


def _read_staff(n: RosterDraft) -> bool:
    """'Staff P1..P4', 'nurses {A, B, C, D}', '4 workers A-D', '6 staff (S1..S6)', 'Staff: Ann, Bo, Cy'."""
    def add(names: list[str], m: re.Match[str]) -> bool:
        if n.staff:  # the staff said again ('Guards: Hana, Igor', then a line for each of them)
            return sorted(names) == sorted(n.staff)
        if len(names) < 2:
            return False
        n.staff = names
        return True

    n.take(rf"\b(?:{_N}\s+)?{_PEOPLE}\s*\(?\s*(?P<l>[A-Z][a-z]?)(?P<a>\d+){TO}(?P=l)?(?P<b>\d+)\s*\)?",
           lambda m: add([f"{m['l']}{k}" for k in range(int(m["a"]), int(m["b"]) + 1)], m))
    def indexed(m: re.Match[str]) -> bool:  # 'Staff p = 1..5', 'Personnel p ∈ {1, 2, 3, 4}': P1, P2, ... by index
        listed = [int(k) for k in re.findall(r"\d+", m["l"])] if m["l"] else list(range(1, int(m["b"]) + 1))
        return listed == list(range(1, len(listed) + 1)) and add([f"{m['i'].upper()}{k}" for k in listed], m)

    n.take(rf"\b(?i:{_PEOPLE}|personnel)\s+(?P<i>[a-z])\s*(?:=|\u2208)\s*(?:1{TO}(?P<b>\d+)\b|"
           r"\{\s*(?P<l>1(?:\s*,\s*\d+)+)\s*\})", indexed)
    n.take(rf"\b(?i:(?:{_N}\s+)?{_PEOPLE})\s+(?P<a>[A-Z]){TO}(?P<b>[A-Z])\b",
           lambda m: add([chr(c) for c in range(ord(m["a"]), ord(m["b"]) + 1)], m), 0)
    n.take(rf"\b[A-Z]\s*=\s*\{{(?P<l>[^{{}}\n]+)\}}\s*\(\s*{_PEOPLE}\s*\)",  # 'I = {A, B, C, D, E} (nurses)'
           lambda m: add([x.strip() for x in m["l"].split(",")], m) and
           all(re.fullmatch(r"[A-Z]\w*", x) for x in n.staff))
    n.take(rf"\b{_PEOPLE}\s*(?::|[A-Z]\s*=)?\s*\{{(?P<l>[^{{}}\n]+)\}}",  # 'Workers W = {W1, W2, W3}'
           lambda m: add([x.strip() for x in m["l"].split(",")], m) and
           all(re.fullmatch(r"[A-Z]\w*", x) for x in n.staff))
    def named(m: re.Match[str]) -> bool:
        names = re.findall(NAME, m["l"])
        return (m["k"] is None or count_value(m["k"].lower()) == len(names)) and add(names, m)

    def coded(m: re.Match[str]) -> bool:
        codes = re.findall(r"[A-Z]\d+", m["l"])
        return (m["k"] is None or count_value(m["k"].lower()) == len(codes)) and add(codes, m)

    names = NAME_LIST.format(n=NAME)
    n.take(rf"(?i:\b(?:(?P<k>{_N})\s+)?{_PEOPLE}(?:\s*:|\s+are\b|(?:\s+(?!and\b|or\b)[a-z]+){{1,3}}\s*:)?)\s*"
           rf"(?P<l>{names})(?=\s*[.;\n]|$)", named, 0)  # 'four nurses for it: Anna, Ben, Carla and Dieter'
    n.take(rf"(?i:\b(?:(?P<k>{_N})\s+)?{_PEOPLE}\s*(?::|\bare\b)?)\s*(?P<l>[A-Z]\d{{1,2}}(?:\s*,\s*[A-Z]\d{{1,2}})*"
           r"(?:\s*,?\s*and\s*[A-Z]\d{1,2})?)(?=\s*[.;\n]|$)", coded, 0)  # 'Nurses N1, N2, N3'

    if not n.staff:
        _valued_names(n)
    n.take(rf"(?<=[,(])\s*(?P<k>{_N})\s+{_PEOPLE}(?=\s*[,)])",  # 'Weekly roster for the shop, 4 staff, 7 days': the
           lambda m: bool(n.staff) and count_value(m["k"].lower()) == len(n.staff))  # staff counted again
    n.take(rf"(?i:\b(?P<k>{_N})\s+{_PEOPLE})\s*\(\s*(?P<l>{names})\s*\)", named, 0)  # '4 operators (Ann, Bo, Cy, Di)'
    n.take(rf"(?i:\b(?:roster|rota|schedule)\s+for\s+(?:(?P<k>{_N})\s+{_PEOPLE}\s*:?\s*)?)(?P<l>{names})"
           rf"(?=\s*[.;\n]|$)", lambda m: not any(x[:3].title() in DAY_IDS for x in re.findall(NAME, m["l"])) and
           named(m), 0)  # 'a Monday-Friday roster for Ann, Ben, Cara and Dev' (not 'Rota for Friday and Sunday')
    n.take(rf"(?i:\bthe\s+(?:team|crew)\s+(?:is|are|:)|\bi\s+have\s+(?P<k>{_N})(?:\s+{_PEOPLE})?\s*:)\s*(?P<l>{names})"
           rf"(?=\s*[.;\n]|$)", named, 0)
    if not n.staff:
        _named_again(n)
    return bool(n.staff)


def _named_again(n: RosterDraft) -> None:
    """The staff as the widest list of names in the text ('... for Ines, Omar and Ruth.') holding every name that is
    the subject of a rule ('Ines can do ...', 'Omar has ...'), each named again; any other such list lies in it."""
    shifts = {s.lower() for s in n.shifts} | set(n.shift_names)
    lists: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for m in re.finditer(NAME_LIST.format(n=NAME), n.text):
        names = re.findall(NAME, m.group(0))
        if len(names) >= 2 and len(set(names)) == len(names) and not {x.lower() for x in names} & shifts and \
                not any(x[:3].title() in DAY_IDS or weekday_of(x) is not None for x in names):
            lists.setdefault(tuple(names), []).append(m.span())
    subjects = {m.group(1) for m in re.finditer(rf"\b({NAME})\s+(?:can't|cannot|can|is|isn't|only|never|works|"
                                                r"prefers|has|wants|must|should|will|won't|dislikes|hates|likes|"
                                                r"would|needs|does|doesn't|gets)\b", n.text)}
    subjects = {x for x in subjects if x[:3].title() not in DAY_IDS and weekday_of(x) is None and
                x.lower() not in shifts
                and x not in _NOT_NAMES}
    fitting = [names for names in lists if set(names) >= subjects and subjects and
               all(len(re.findall(rf"\b{re.escape(x)}\b", n.text)) >= 2 for x in names)]
    widest = max(fitting, key=len, default=())
    if widest and all(set(f) <= set(widest) for f in fitting):  # ('Oren and Pax never on the same shift': two of them)
        n.staff = list(widest)
        for a, b in lists[widest]:
            n.used[a:b] = [True] * (b - a)


_NOT_NAMES = {"Nobody", "Everyone", "Everybody", "Anyone", "Someone", "Each", "Every", "The", "It", "This", "That",
              "There", "What", "Who", "We", "They", "He", "She", "Rules", "Cover", "Demand", "Staff", "Nurse",
              "Shift", "If", "And", "But", "Also", "Please", "Then", "When", "Whoever", "One", "No", "Our", "My",
              "Thanks", "Any"}


def _valued_names(n: RosterDraft) -> None:
    """The staff as the names of a list of values when the text counts them: '4 staff ... Pay (EUR/h): Ann 15, Ben 16,
    Cara 18, Dev 20'. Only the names are taken; the list is left to the reader of its values."""
    said = {count_value(m["k"].lower()) for m in re.finditer(  # a count of the staff, not of a shift's people
        rf"(?i)(?<!exactly )(?<!most )(?<!least )(?<!max )(?<!min )\b(?P<k>{_N})\s+{_PEOPLE}\b"
        r"(?!\s+(?:per|each|a|on|in|at)\b)", n.text)}
    item = rf"{NAME}\s*(?::|=|-)?\s*{_SIGN}?\s*\d+(?:\.\d+)?"
    lists = [re.findall(NAME, m.group(0)) for m in re.finditer(rf"{item}(?:\s*(?:,|;|\band\b)\s*{item})+", n.text)]
    shifts = {s.lower() for s in n.shifts} | set(n.shift_names)
    fitting = [names for names in lists if len(set(names)) == len(names) and len(names) in said and
               not {x.lower() for x in names} & shifts and not any(x[:3] in DAY_IDS for x in names)]
    if len(said) == 1 and fitting and all(sorted(f) == sorted(fitting[0]) for f in fitting):
        n.staff = fitting[0]
        return
    paid = [re.findall(NAME, m["l"]) for m in re.finditer(  # 'Daily pay: Farah $90, Gus $95, Hana $120'
        rf"(?i:\b(?:pay|wages?|rates?|costs?)\b[^:\n.]{{0,25}}):\s*(?P<l>{item}(?:\s*(?:,|;|\band\b)\s*{item})+)",
        n.text)]
    if len(paid) != 1 or len(set(paid[0])) != len(paid[0]) or {x.lower() for x in paid[0]} & shifts or \
            any(x[:3] in DAY_IDS for x in paid[0]):
        return
    subjects = {m.group(1) for m in re.finditer(rf"\b({NAME})\s+(?:can't|cannot|can|is|isn't|only|never|works|"
                                                r"prefers|has|wants|and|or|must|should|will|won't)\b", n.text)}
    if not subjects - set(paid[0]) - {d for d in subjects if d[:3] in DAY_IDS}:  # nobody named who is not paid
        n.staff = paid[0]


def _weekday_span(text: str, count: int) -> list[str] | None:
    """The weekdays of the one span of `count` days the text names ('Monday-Saturday'), if it names one."""
    spans = {(DAY_IDS.index(m["a"][:3].title()), DAY_IDS.index(m["b"][:3].title())) for m in re.finditer(
        rf"\b(?P<a>{_WD})\s*(?:-|\u2013|to|through|until)\s*(?P<b>{_WD})\b", text, re.IGNORECASE)}
    fitting = [(a, b) for a, b in spans if b - a + 1 == count]
    return DAY_IDS[fitting[0][0]:fitting[0][1] + 1] if len(spans) == 1 and fitting else None


def _read_days(n: RosterDraft) -> bool:
    """'days 1-7 (Mon-Sun)', 'days d1..d7 (d6, d7 = weekend)', 'horizon D1..D5', 'days Mon-Fri', '4 days'."""
    def numbered(m: re.Match[str]) -> bool:
        if n.days:
            return False
        prefix, count = m["p"] or "", int(m["b"])
        week = m["w1"] and m["w2"]
        if week:
            first, last = DAY_IDS.index(m["w1"][:3].title()), DAY_IDS.index(m["w2"][:3].title())
            if last - first + 1 != count:
                return False
            n.days = DAY_IDS[first:last + 1]
        elif not prefix and (span := _weekday_span(n.text, count)):  # 'Monday-Saturday (6 days)'
            n.days = span
        else:
            n.days = [f"{prefix or 'D'}{k}" for k in range(1, count + 1)]
        for k, d in enumerate(n.days, start=1):
            for name in (str(k), f"d{k}", d.lower()):
                n.day_names[name] = d
        if m["we"]:
            n.day_names["weekend"] = " ".join(n.day_names.get(x.strip().lower(), "?") for x in m["we"].split(","))
        return True

    n.take(rf"\b(?:days?|horizon)\s*(?:[td]\s*=\s*)?(?P<p>[dD])?1{TO}(?P=p)?(?P<b>\d+)"
           rf"(?:\s*\(\s*(?:(?P<w1>{_WD}){TO}(?P<w2>{_WD})|(?P<we>d?\d+\s*,\s*d?\d+)\s*=\s*weekend)\s*\))?", numbered)
    n.take(r"\b[A-Z]\s*=\s*\{\s*1\s*,\s*(?:\.\.\.|\u2026|\.\.)\s*,\s*(?P<b>\d{1,2})\s*\}\s*\(\s*days\s*\)"
           r"(?P<p>)(?P<w1>)(?P<w2>)(?P<we>)", numbered, 0)  # 'T = {1,...,7} (days)'
    n.take(r"(?:^|(?<=[,(x:])|(?<=[,(x:]\s))(?P<b>\d)\s+days\b(?!\s+(?:in\s+a\s+row|off|a\s+week))"  # '4 days'
           # (after a comma, a bracket or a colon: '4 workers, 4 days', 'Roster: 5 days')
           rf"\s*\(?\s*(?:(?P<p>[dD])1{TO}[dD]\d+|(?P<w1>{_WD}){TO}(?P<w2>{_WD}))?"
           r"(?:\s*\))?(?P<we>)", numbered)

    def weekdays(m: re.Match[str]) -> bool:
        if n.days:
            return False
        first, last = DAY_IDS.index(m["a"][:3].title()), DAY_IDS.index(m["b"][:3].title())
        n.days = DAY_IDS[first:last + 1] if last > first else DAY_IDS[first:] + DAY_IDS[:last + 1]  # 'Fri-Mon'
        n.day_names.update({d.lower(): d for d in n.days})
        return last != first

    n.take(rf"\bdays\s*:?\s*(?P<a>{_WD}){TO}(?P<b>{_WD})\b", weekdays)  # 'days Mon-Fri', 'Days: Mon..Fri'
    n.take(rf"^[^.\n]*?\broster\s*,\s*(?P<a>{_WD}){TO}(?P<b>{_WD})\b", weekdays)  # 'Staff roster, Fri-Mon,'
    spans = [(DAY_IDS.index(m["a"][:3].title()), DAY_IDS.index(m["b"][:3].title())) for m in re.finditer(
        rf"\b(?P<a>{_WD})\s*(?:-|\.\.\.?|to|through|until)\s*(?P<b>{_WD})\b", n.text, re.IGNORECASE)]
    day = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?\b"  # (not 'month', 'satisfied')
    named = [DAY_IDS.index(m.group(0)[:3].title()) for m in re.finditer(rf"\b{day}", n.text, re.IGNORECASE)]
    for m in re.finditer(rf"\b{day}(?:\s*(?:,|and|&)\s*{day})+", n.text, re.IGNORECASE):
        start, end = sentence_bounds(n.text, m.start(), m.end())
        if _PAID.search(n.text[start:end]):
            continue  # 'Friday, Saturday and Sunday shifts pay double': some days of the roster, not all of them
        listed = [DAY_IDS.index(d[:3].title()) for d in re.findall(rf"\b{day}", m.group(0), re.IGNORECASE)]
        if listed == list(range(listed[0], listed[-1] + 1)) and all(listed[0] <= k <= listed[-1] for k in named):
            spans.append((listed[0], listed[-1]))  # 'Friday, Saturday and Sunday', every day named among them
    if not n.days and spans:  # the widest span of weekdays the text names, holding every other ('(Mon-Fri)')
        first, last = min(a for a, _ in spans), max(b for _, b in spans)
        if all(a <= b for a, b in spans) and (first, last) in spans and last > first:
            n.days = DAY_IDS[first:last + 1]
    n.name_weekdays()
    return bool(n.days)


def _read_shifts(n: RosterDraft) -> bool:
    """'shifts D (day) and N (night)', 'shifts E, L, N', 'shifts {a, b}', 'shifts A and B', 'shifts E/L/N',
    '2 shifts/day: E 06-14, L 14-22 (8 h each)'; one shift a day: 'one shift type', '1 shift/day'."""
    item = r"[A-Za-z]\b(?:\s*\([a-z]+\))?"

    def listed(m: re.Match[str]) -> bool:
        if n.shifts:
            return False
        for it in re.finditer(r"\b([A-Za-z])\b(?:\s*\(\s*([a-z]+)\s*\))?", m["l"]):
            n.shifts.append(it.group(1))
            n.shift_names[it.group(1).lower()] = it.group(1)
            if it.group(2):
                n.call(it.group(2), it.group(1))
        return len(n.shifts) >= 2

    n.take(rf"\bshifts?\b(?:\s*(?:/\s*|per\s+|a\s+|each\s+)day\b)?\s*(?:[sS]\s*(?:in\b|\u2208|=)\s*)?:?\s*"
           rf"\{{?(?P<l>{item}(?:\s*(?:,|/|and|&)\s*{item})+)\}}?",  # 'shifts {E, L}', '3 shifts/day: M, A, N'
           listed)
    def keyed(m: re.Match[str]) -> bool:  # 'Two shifts a day (E = early, L = late)'
        pairs = re.findall(r"([A-Z])\s*=\s*([a-z]+)", m["l"])
        if n.shifts or m["k"] and count_value(m["k"].lower()) != len(pairs):
            return False
        n.shift_names.update({b.lower(): a for a, b in pairs})
        return listed(m)

    n.take(r"(?i:\b(?:(?P<k>two|three|2|3)\s+)?shifts?(?:\s+(?:a|per|each)\s+day)?)\s*\("
           r"(?P<l>[A-Z]\s*=\s*[a-z]+(?:\s*,\s*[A-Z]\s*=\s*[a-z]+)+)\)", keyed)
    def coded(found: list[tuple[str, str]]) -> bool:  # words and their letters: 'Day' (D), 'Night' (N)
        if n.shifts or len({c for _, c in found}) != len(found):
            return False
        n.shifts = [c for _, c in found]
        for word, c in found:
            n.shift_names[c.lower()] = c
            n.call(word, c)
        return True

    one = r"\b(?:an?\s+)?[A-Za-z]{1,20}\s+shift\s*\(\s*[A-Z]{1,2}\s*\)"  # (bounded: no run of letters tried whole)
    n.take(rf"{one}(?:\s*,\s*{one})*\s*,?\s*and\s+{one}",  # 'a Day shift (D) and a Night shift (N)'
           lambda m: coded(re.findall(r"\b([A-Za-z]{1,20})\s+shift\s*\(\s*([A-Z]{1,2})\s*\)", m.group(0))))

    def in_a_set(m: re.Match[str]) -> bool:  # 'S = {E, L, N} (early, late, night)'
        codes, words = re.findall(r"[A-Z]{1,2}", m["l"]), re.findall(r"[a-z]+", m["w"])
        return len(codes) == len(words) and coded(list(zip(words, codes, strict=True)))

    n.take(r"\b[A-Z]\s*=\s*\{(?P<l>\s*[A-Z]{1,2}(?:\s*,\s*[A-Z]{1,2})+\s*)\}\s*"
           rf"\((?P<w>\s*{SHIFT_WORDS}(?:\s*,\s*{SHIFT_WORDS})+\s*)\)", in_a_set, 0)

    def counted(m: re.Match[str]) -> bool:  # 'three shifts: Early (E), Late (L), Night (N)'
        found = re.findall(r"\b([A-Za-z]{1,20})\s*\(\s*([A-Z]{1,2})\s*\)", m["l"])
        return not (m["k"] and count_value(m["k"].lower()) != len(found)) and coded(found)

    word = r"[A-Za-z]{1,20}\s*\(\s*[A-Z]{1,2}\s*\)"
    n.take(rf"(?i:\b(?:(?P<k>two|three|four|[2-4])\s+)?(?:\d{{1,2}}[- ]hours?\s+)?shifts?(?:\s+(?:a|per|each)\s+day)?)"
           rf"\s*:\s*(?P<l>{word}(?:\s*,\s*{word})*\s*,?\s*(?:and\s+)?{word})", counted)  # 'three 8-hour shifts: ...'

    def named(m: re.Match[str]) -> bool:  # 'shifts AM, PM', 'Shifts Mon-Fri: Early and Late', 'an early and a late'
        words = re.findall(r"[A-Za-z][A-Za-z-]*", re.sub(r"\b(?:an?|and)\b", " ", m["l"]))
        if n.shifts or len(words) < 2 or m["k"] and count_value(m["k"].lower()) != len(words) or \
                len({w.lower() for w in words}) != len(words):
            return False
        n.shifts = list(words)
        for w in words:
            n.call(w, w)
        return True

    code = r"(?:[A-Z]{2,3}|[A-Z][a-z]{2,9})\b"
    n.take(rf"\b[Ss]hifts?\b(?i:\s+{_WD}{TO}{_WD})?(?P<k>)\s*:?\s*(?P<l>{code}(?:\s*(?:,|/|and|&)\s*{code})+)(?=\s*[,.;\n(])",
           named, 0)
    n.take(rf"(?i:\b(?P<k>two|three|2|3)\s+shifts(?:\s+(?:a|per|each)\s+day)?)\s*[,:(]\s*(?P<l>(?i:(?:an?\s+)?{SHIFT_WORDS}"
           rf"(?:\s*(?:,|and)\s*(?:an?\s+)?{SHIFT_WORDS})+))\b", named, 0)  # 'Two shifts a day, Day and Night
    def single(m: re.Match[str]) -> bool:  # 'single daily shift', 'one evening shift per day'
        if n.shifts or re.search(r"\b(?:two|three|[2-9])\s+shifts\b", n.text, re.I):
            return False
        n.shifts = ["shift"]
        if m.group("h"):  # 'a single 8-hour day shift each day'
            n.hours["shift"] = float(m.group("h"))
        return True

    n.take(rf"\b(?:a\s+)?single\s+(?:(?P<h>\d{{1,2}})[- ]hours?\s+)?(?:daily\s+|day\s+)?shift"
           rf"(?:\s+(?:a|per|each)\s+day)?\b|\b(?:one|1)\s+(?:{SHIFT_WORDS}|(?:full|whole|all)[- ]day)\s+shift\s+"
           r"(?:a|per|each)\s+day\b(?:\s*\(\s*(?:each|every)\s+(?:person|one|\w+)\s+(?:either\s+)?works\s+the\s+"
           r"(?:whole\s+)?day\s+or\s+is\s+off\s*\))?", single)
    if not n.shifts:
        found = re.search(r"(?<!max )(?<!<= )(?<!at most )(?<!than )(?<!exactly )(?<!works )(?<!does )(?<!do )"
                          r"\b(?:one|1)\s+(?:day\s+)?shift\s*"
                          r"(?:type|(?:/|per|a)\s*day)\b", n.text, re.I)
        if found is None and not re.search(r"(?i)\b(?:shifts?|early|late|nights?|mornings?|evenings?|afternoons?|"
                                           r"am|pm|slots?|\d{1,2}:\d\d)\b", n.text):
            n.shifts = ["shift"]  # a roster of days, no shift said at all: 'each day needs exactly two people'
            return True
        if found is None or re.search(r"\b(?:two|three|[2-9])\s+shifts\s*(?:/|per|a|each)\s*day\b", n.text, re.I):
            return _mentioned_shifts(n)
        n.shifts = ["shift"]
    return True


def _mentioned_shifts(n: RosterDraft) -> bool:
    """Shifts never listed but named where they are used: 'a day shift that needs 2 nurses and a night shift',
    'at least 2 nurses on Early, 1 on Late'. Two or more are needed: one name may be a rule about one of several."""
    found: dict[str, str] = {}
    for m in re.finditer(rf"(?i)\b({SHIFT_WORDS})\b(?P<s>[- ]shifts?\b)?(?!\s*\d)", n.text):
        word = m.group(1)
        before = n.text[max(0, m.start() - 20):m.start()].rstrip(" \t*-|")
        if m["s"] or word[0].isupper() and before and not before.endswith((".", "!", "?", "\n", ":")):
            found.setdefault(word.lower(), word if word[0].isupper() else word.lower())
    for m in re.finditer(r"\b(?:an?|the|each|every)\s+(?P<w>[A-Z]{2,4}|[A-Z][a-z]{2,12})[- ]shifts?\b", n.text):
        if m["w"][:3].title() not in DAY_IDS and m["w"].lower() not in {"one", "any", "day", "each", "every"}:
            found.setdefault(m["w"].lower(), m["w"])  # 'an AM shift and a PM shift', 'every Open shift'
    for m in re.finditer(rf"(?i)\ban?\s+({SHIFT_WORDS})\s+and\s+an?\s+({SHIFT_WORDS})\s+shifts?\b", n.text):
        for word in m.groups():  # 'an early and a late shift'
            found.setdefault(word.lower(), word if word[0].isupper() else word.lower())
    said = re.search(r"(?i)(?<!max )(?<!most )(?<!than )(?<!to )(?<!<= )\b(two|three|four|[2-4])\s+"
                     r"(?:different\s+)?shift(?:s|\s+types)\b(?!\s+(?:per|a|each|in)\s+(?:person|week|worker|"
                     r"staff|nurse|employee)\b)", n.text)  # the kinds of shift, not a limit ('max 4 shifts a week')
    if len(found) < 2 or said and count_value(said.group(1).lower()) != len(found):
        return False  # 'three shifts' and two of them named
    n.shifts = list(found.values())
    for low, name in found.items():
        n.call(low, name)
    return True


def _read_cover(n: RosterDraft) -> None:
    """Demands per shift and day: vectors, tuples per day, lists per shift, the same every day."""
    def vector(shift: str | None, values: str) -> bool:
        s = n.shift(shift or "") or (n.shifts[0] if len(n.shifts) == 1 else None)  # 'r = (...)': one shift
        need = [int(v) for v in re.findall(r"\d+", values)]
        if s is None or len(need) != len(n.days) or any((s, d) in n.cover for d in n.days):
            return False
        n.cover.update({(s, d): k for d, k in zip(n.days, need, strict=True)})
        return True

    n.take(rf"(?m)(?:\b(?:shift\s+)?(?P<s>[A-Za-z]|[A-Z]{{2,3}}(?-i:(?<=[A-Z])))(?:_[a-z]\b|\b)|\b[a-z]{{1,4}}(?:_[a-z])?)"
           rf"\s*(?:=|:|>=|(?<==)=)\s*"
           rf"(?P<v>\(\s*\d+(?:\s*,\s*\d+)+\s*\)|\d+(?:[ \t]+\d+)+(?=[ \t]*(?:[;.]|$)))"
           rf"(?:\s*for\s+[dD]?1{TO}[dD]?\d+)?", lambda m: vector(m["s"], m["v"]))

    def tuples(m: re.Match[str]) -> bool:
        order = [n.shift(x) for x in re.split(r"\s*,\s*", m["o"])]
        if not all(order) or len(order) < 2:
            return False
        for it in re.finditer(r"(\S+)\s*\(\s*(\d+(?:\s*,\s*\d+)*)\s*\)", m["l"]):
            days, need = n.day_list(it.group(1)), [int(v) for v in it.group(2).split(",")]
            if days is None or len(need) != len(order):
                return False
            for d in days:
                n.cover.update({(s or "", d): k for s, k in zip(order, need, strict=True)})
        return True

    n.take(r"\((?P<o>[A-Za-z](?:\s*,\s*[A-Za-z])+)\)(?:\s*per\s+day)?\s*(?:,\s*at\s+least)?\s*:\s*"
           r"(?P<l>\S+\s*\(\s*\d+(?:\s*,\s*\d+)*\s*\)(?:\s*,\s*\S+\s*\(\s*\d+(?:\s*,\s*\d+)*\s*\))*)", tuples)

    def by_day(m: re.Match[str]) -> bool:
        s = n.shift(m["s"]) if m["s"] else (n.shifts[0] if len(n.shifts) == 1 else None)
        if s is None:
            return False
        for it in re.finditer(r"([^,;]+?)\s+(\d+)\b|(\d+)\s+([^,;]+)", m["l"]):
            phrase, k = (it.group(1), it.group(2)) if it.group(1) else (it.group(4), it.group(3))
            days = n.day_list(phrase)
            if days is None:
                return False
            n.cover.update({(s, d): int(k) for d in days})
        return True

    day_word = rf"(?:[dD]\d+|{_WD}(?:{TO}{_WD}|\s*/\s*{_WD})*|every\s+day)"
    pair = rf"(?:{day_word}[ \t]+\d+|\d+[ \t]+{day_word})"  # a day and its number on one line ('L = 1', then
    days_said = rf"(?P<l>{pair}(?:\s*,\s*{pair})*)"  # 'Fri: ...' on the next, is no 'L: Fri 1')
    n.take(rf"\b(?P<s>[A-Za-z])\s*(?:=|:)\s*{days_said}", by_day)
    n.take(rf"\b(?:staff\s+)?(?:needed|required|need|demand)\b(?P<s>)[^:\n]{{0,40}}?:\s*{days_said}", by_day)

    named = "|".join(sorted(map(re.escape, n.shift_names), key=len, reverse=True)) or "(?!)"
    on = rf"(?:{_PEOPLE}\s+)?on\s+(?:the\s+)?(?:{named})(?:\s+shifts?)?\b"  # 'nurse on the Early shift'

    def same(m: re.Match[str]) -> bool:
        pairs = re.findall(rf"(?i:(?P<k>{_N})\s+(?:{_PEOPLE}\s+)?on\s+(?:the\s+)?(?P<s>{named})\b|"
                           rf"\b(?P<s2>[A-Za-z])\s*=\s*(?P<k2>\d+))", m["l"])
        if not pairs:
            k = count_value(m["k"].lower())
            todo = [(s, k) for s in n.shifts] if m["per"] or len(n.shifts) == 1 else []
        else:
            todo = [(n.shift(a or c) or "", count_value((b or d).lower())) for b, a, c, d in pairs]
        if not todo or not all(s for s, _ in todo):
            return False
        for s, k in todo:
            for d in n.days:
                n.cover.setdefault((s, d), k)
        return True

    def shift_needs(m: re.Match[str]) -> bool:  # 'a Day shift that needs exactly 2 staff (at least one of them an
        # RN)', 'the Night shift needs 1 nurse (anyone)': that shift's cover every day, and its skilled few
        s, skill = n.shift(m["s"]), (m["skill"] or "").lower().removesuffix("s")
        if s is None or any((s, d) in n.cover for d in n.days) or skill and skill not in n.skills:
            return False
        for d in n.days:
            n.cover[(s, d)] = count_value(m["k"].lower())
            if skill:
                n.skilled.append({"day": d, "skill": skill, "min": count_value(m["m"].lower()), "shift": s})
        return True

    n.take(rf"\b(?:an?|the)\s+(?P<s>{named})\s+shift\s+(?:that\s+|which\s+)?(?:needs?|requires?|has|takes)\s+"
           rf"(?:exactly\s+|{_GE}\s+)?(?P<k>{_N})\s+(?:{_PEOPLE}|staff(?:\s+members?)?|persons?)(?![a-z])"
           rf"(?:\s*\(\s*(?:at\s+least\s+)?(?P<m>{_N})\s+of\s+them\s+(?:an?\s+)?(?P<skill>[a-z-]+)\s*\)|"
           r"\s*\(\s*any(?:one|body)?\s*\))?"
           rf"(?!\s*(?:,\s*(?:and\s+)?|and\s+)(?:an?|the)\s+(?:{named})\s+shift\s+(?:exactly\s+|{_GE}\s+)?{_N})",
           shift_needs)
    # (never the first of 'the Day shift needs exactly 2 nurses, the Night shift exactly 1': read whole below)
    n.take(rf"(?P<l>(?:(?:exactly|{_GE})\s+)?(?P<k>{_N})\s+(?:{on}\s*|{_PEOPLE}\s+)?"
           rf"(?:(?:,|and|,\s*and)\s*(?:(?:exactly|{_GE})\s+)?{_N}\s+{on}\s*){{0,4}})"
           rf"(?P<per>per\s+shift\s+)?(?:on\s+)?(?:(?:each|every|a)\s+day|per\s+day)\b", same)
    n.take(r"(?P<l>\b[A-Za-z]\s*=\s*\d+(?:\s*,\s*[A-Za-z]\s*=\s*\d+)+)\s+(?:on\s+)?(?:each|every)\s+day\b(?P<k>)(?P<per>)",
           same)
    n.take(r"\bper\s+day\s*(?:\(\s*(?:exact|at\s+least|min(?:imum)?)\s*\))?\s*:\s*"
           r"(?P<l>[A-Za-z]\s*=\s*\d+(?:\s*,\s*[A-Za-z]\s*=\s*\d+)+)(?P<k>)(?P<per>)(?=\s*[.;\n]|$)", same)
    n.take(r"\b(?P<s>[A-Za-z])\s*=\s*(?P<l>(?:(?:\d+[ \t]+\w+(?:\s*-\s*\w+|\s*/\s*\w+)?|\d+[ \t]+every\s+day)"
           r"(?:\s*,\s*)?)+)", lambda m: by_day(m))
    def listed(m: re.Match[str]) -> bool:  # 'cover (minimums): E >= 2 every day; L >= 1 Tue-Thu', 'Cover (minimum,
        # every day): E >= 2, L >= 2, N >= 1': each item a shift, '>=' or '=' as the heading's kind says, a count, days
        least = m["k"] is None or re.search(r"(?i)min|least", m["k"]) is not None
        cells: dict[tuple[str, str], int] = {}
        for it in re.split(r"\s*;\s*" if ";" in m["l"] else r"\s*,\s*", m["l"].strip()):
            said = re.fullmatch(r"(?P<s>[A-Za-z]{1,5})\s*(?P<op>>=|=)\s*(?P<k>\d+)(?:\s+(?:on\s+)?(?P<d>.+?))?\s*", it)
            s = n.shift(said["s"]) if said else None
            days = n.day_list(said["d"] or m["d"] or "every day") if said else None
            if said is None or s is None or not days or (said["op"] == ">=") != least or \
                    any((s, d) in cells or (s, d) in n.cover for d in days):
                return False
            cells.update({(s, d): int(said["k"]) for d in days})
        n.cover.update(cells)
        return True

    item = r"[A-Za-z]{1,5}\s*(?:>=|=)\s*\d+(?:\s+[^;,\n.]+)?"
    n.take(rf"(?im)(?:\b(?:cover|demand|requirements?|required|need(?:ed)?|staffing)\b\s*(?:\(\s*(?P<k>minimums?|min|"
           rf"at\s+least|exact(?:ly)?)\s*(?:,\s*(?P<d>[^():\n]{{3,20}}))?\))?\s*:)\s*"  # (never 'per person: E >= 1')
           rf"(?P<l>{item}(?:\s*;\s*{item})+|{item}(?:\s*,\s*{item})+)\s*(?=[.\n]|$)", listed)

    def except_some(m: re.Match[str]) -> bool:  # 'Demand: 1 per shift, except Sat AM = 2'
        cells = {(s, d): int(m["k"]) for s in n.shifts for d in n.days}
        for it in re.finditer(rf"(?P<d>{_WD})\s+(?P<s>[A-Za-z]+)\s*(?:=|:)?\s*(?P<v>\d+)", m["ex"], re.I):
            s, days = n.shift(it["s"]), n.day_list(it["d"])
            if s is None or not days or len(days) != 1 or (s, days[0]) not in cells:
                return False
            cells[(s, days[0])] = int(it["v"])
        if any(key in n.cover for key in cells):
            return False
        n.cover.update(cells)
        return True

    n.take(rf"\b(?:demand|need(?:ed)?|required)\s*:?\s*(?P<k>\d+)\s+(?:per|on\s+each|each)\s+shift\s*,?\s*except\s+"
           rf"(?P<ex>{_WD}\s+[A-Za-z]+\s*(?:=|:)?\s*\d+(?:\s*(?:,|and)\s*{_WD}\s+[A-Za-z]+\s*(?:=|:)?\s*\d+)*)",
           except_some)
    if re.search(r"\bexact(?:ly)?\b", n.text, re.I):
        n.exact = True
    minimum = (r"(?:>=|(?<!\bgets )(?<!\bget )(?<!\bworks )(?<!\bdoes )\bat\s+least\b)"  # ('every nurse gets at least
               r"(?!\s*\w+\s+(?:and\s+(?:at\s+most|<=)\s*\w+\s+)?(?:shifts?|days?|sessions?)\b)|"  # 1': a count)
               r"\(\s*min\b|\bmin\s+(?:per\s+shift|staff|on\s+duty)|"
               r"\bminimum\b(?!\s+(?:total|overall|possible|cost|pay|wages?|weekly|penalty|value|number\s+of\s+"
               r"(?:shifts|hours|points)))")  # (not the goal: 'report the minimum total pay')
    if any(not _of_a_skill(n.text[m.end():], n.text) for m in re.finditer(minimum, n.text, re.I)):
        n.exact = None if n.exact else False
    kind = r"(?:\s*\(\s*(?:exact(?:ly)?|min(?:imum)?(?:\s+(?:staff|on duty|per shift))?|at least)\s*\))?"
    # the words that head a cover (never the 'need exactly' of 'we need exactly one person on each shift', a rule)
    n.take(rf"(?:\b(?:exact|minimum|min)\s+)?\b(?:required|need(?:ed)?|demand|req|cover)\b"
           rf"(?:\s+staff(?=\s+per\s+day))?{kind}"  # ('Exact demand: a_d = (2, 2, 1)')
           rf"(?:\s+(?:exactly|at\s+least))?(?:\s+per\s+day{kind})?\s*:?"
           rf"(?!\s*(?:exactly\s+|at\s+least\s+)?{_N}\s+[a-z]+(?:\s+(?:on|per|for|in)\s+(?:each|every|a|the)\b|"
           r"\s*(?:[.;\n]|$)))|"
           r"\(\s*at\s+least\s*\)|\bcover\s+at\s+least\s+demand\b|\bat\s+least\s+that\s+many(?:\s+per\s+shift)?|"
           r"\bstaff\s+required\s+per\s+day\s*:", lambda m: True)


def _read_premiums(n: RosterDraft, plus_shift: Any, extra_on_days: Any) -> None:
    """Extras on top of each person's pay, by shift or by day: '+40 for a Night shift', '+30 for any shift on Sat or
    Sun', 'Late shifts pay a 15 evening premium on top of the rate'; 'base pay, ...' and '(both add up for a weekend
    night)' say how they add, as they are added."""
    named = "|".join(sorted(map(re.escape, n.shift_names), key=len, reverse=True)) or "(?!)"
    if not n.costs:
        return
    n.take(rf",?\s*\+\s*{CURRENCY}?\s*(?P<v>{_V})\s+(?:for|per|on)\s+(?:an?|each|every|any)\s+(?P<s>{named})\s+"
           r"shifts?\b", plus_shift)
    n.take(rf"\b(?P<s>{named})\s+shifts?\s+(?:pay|pays|are\s+paid|get|earn)\s+(?:an?\s+)?(?:extra\s+)?{CURRENCY}?\s*"
           rf"(?P<v>{_V})\s+(?:[a-z]+\s+)?(?:premium|bonus|supplement|allowance|extra)(?:\s+on\s+top\s+of\s+(?:the|their)"
           r"\s+(?:base\s+)?(?:rate|pay))?", plus_shift)
    n.take(rf",?\s*\+\s*{CURRENCY}?\s*(?P<v>{_V})\s+for\s+(?:any|an?|each|every)\s+shift\s+on\s+"
           rf"(?P<d>{_WD}(?:\s*(?:,|and|or)\s*{_WD})*)", extra_on_days)
    n.take(r"\bpay\s*:\s*(?:the\s+)?base\s+(?:pay|rate)\s*(?=,)|\(\s*both\s+(?:add\s+up|apply|stack|are\s+added)"
           r"(?:\s+(?:for|on)\s+an?\s+[a-z ]{1,20})?\s*\)", lambda m: True)


def _of_a_skill(after: str, text: str = "") -> bool:
    """Whether 'at least' or '>=' counts people of a skill, not the cover ('>= 1 of {G1, G3, G4}', 'at least one
    keyholder', not 'at least 1 nurse'; 'at least one barista' where the text says who 'our only baristas' are)."""
    m = re.match(r"\s*(?:\d+|one|two)\s+(?P<w>[a-z][a-z-]*)", after, re.I)
    if m is not None and re.search(rf"(?i)\bonly\s+{re.escape(m['w'].rstrip('s'))}s?\b", text):
        return True
    return m is not None and (m["w"].lower() == "of" or not re.fullmatch(rf"{PEOPLE}|persons?|guards?|on|in|at|for|per|"
                                                                          r"more|each|every|and|shifts?|days?",
                                                                          m["w"].lower()))


def _read_limits(n: RosterDraft) -> None:
    """Shifts a day, shifts in the horizon (everyone's, each person's, of one shift), days in a row."""
    def per_day(m: re.Match[str]) -> bool:
        n.per_day = count_value(m["k"].lower())
        return True

    unit = rf"(?:\s*(?:/|per|a)\s*(?:{_PEOPLE}|person|staff\s+member|day))+"
    n.take(rf"(?:{_LE}\s*|\b(?:nobody|no\s+one|no-one)\s+(?:does|works|gets|takes|is\s+given)\s+more\s+than\s+)?"
           rf"(?P<k>one|1)\s+shifts?{unit}(?:\s+at\s+most)?", per_day)
    n.take(r"\b(?:one|1)\s+(?:day\s+)?shift\s*(?:type|(?:/|per|a)\s*day)\b", lambda m: len(n.shifts) == 1)
    def summed(m: re.Match[str]) -> bool:  # 'Σ_s x[p,t,s] <= 1 for every p, t': one shift a day; '1 <= Σ_{d,s}
        # x_{i,d,s} <= 3 ∀i': each person's shifts in the horizon
        index = [m[g] or m[g + "2"] for g in ("a", "b", "c")]
        day = [x for x in index if x in ("t", "d")]
        shift = [x for x in index if x in ("s", "k")]
        over = set(re.findall(r"[a-z]", m["over"] or m["over1"]))
        if len(set(index)) != 3 or len(day) != 1 or len(shift) != 1:
            return False
        if over == set(shift) and m["k"] == "1" and not m["lo"]:
            n.per_day = 1
            return True
        if over == {day[0], shift[0]}:
            rule: dict[str, Any] = {"type": "count", "per": ["staff"], "max": int(m["k"])}
            if m["lo"]:
                rule["min"] = int(m["lo"])
            n.rules.append(rule)
            return True
        return False

    var = (r"x\s*(?:\[\s*(?P<a>[a-z])\s*,\s*(?P<b>[a-z])\s*,\s*(?P<c>[a-z])\s*\]|"
           r"_\{?\s*(?P<a2>[a-z])\s*,\s*(?P<b2>[a-z])\s*,\s*(?P<c2>[a-z])\s*\}?)")
    every = r"(?:\s*,?\s*(?:for\s+(?:every|all|each)|\u2200)\s*[a-z](?:\s*,\s*[a-z])*\b)?"
    n.take(rf"(?:(?P<lo>\d+)\s*<=\s*)?(?:\u03a3|\bsum)\s*_?\s*(?:\{{\s*(?P<over>[a-z](?:\s*,\s*[a-z])*)\s*\}}|"
           rf"(?P<over1>[a-z])\b)\s*{var}\s*<=\s*(?P<k>\d+){every}", summed)

    def most(m: re.Match[str]) -> bool:
        said = n.text[max(n.text.rfind(c, 0, m.start()) for c in ".;,:\n") + 1:m.start()]
        if n.people_in(said):  # 'Ann and Ben can do at most four shifts': theirs, read as a clause
            return False
        k = count_value((m["k"] or m["k2"]).lower())
        rule: dict[str, Any] = {"type": "count", "per": ["staff"], "max": k}
        if m["lo"]:
            rule["min"] = count_value(m["lo"].lower())
        if m["s"]:
            s = n.shift(m["s"])
            if s is None:
                return False
            rule["shifts"] = [s]
        n.rules.append(rule)
        return True

    scope = (r"(?:\s*(?:/\s*(?:week|person)|per\s+(?:week|person|nurse|worker)|in\s+(?:the|this)\s+week|"
             r"in\s+total|total|over\s+the\s+\d+\s+days|in\s+the\s+\d+\s+days))*")
    n.take(rf"(?:\bat\s+least|>=)\s*(?P<lo>{_N})\s+and\s+(?:at\s+most|<=)\s*(?P<k2>{_N})\s+shifts{scope}(?P<k>)(?P<s>)"
           r"(?:\s+during\s+the\s+week)?", most)  # 'at least 3 and at most 4 shifts during the week'
    n.take(rf"(?:(?:{_LE}\s*)(?P<k>{_N})|(?:between\s+)?(?P<lo>{_N})\s*(?:to|and|-|\.\.)\s*(?P<k2>{_N}))\s+"
           rf"(?:(?P<s>[A-Za-z]\b|nights?\b|days?\b)\s*(?:shifts?)?|shifts?){scope}"
           rf"(?!\s*(?:(?:/|per|a|each)\s*(?:{_PEOPLE}|person|staff\s+member)\s*)?(?:/|per|a|each|in\s+a|on\s+any)\s*day)",
           most)
    n.take(rf"(?P<lo>{_N})\s*<=\s*(?:#?\s*shifts|\(\s*(?:the\s+)?number\s+of\s+shifts(?:\s+worked)?\s*\))\s*<=\s*"
           rf"(?P<k2>{_N})(?P<k>)(?P<s>)", most)  # '2 <= #shifts <= 4', '2 <= (number of shifts worked) <= 4'
    n.take(r"(?m)^\s*per\s+(?:person|nurse|worker|staff\s+member)(?:\s+[a-z])?\s*:", lambda m: True)  # a heading

    def each(m: re.Match[str]) -> bool:
        for it in re.finditer(r"([A-Za-z]\w*)\s*(?:=\s*)?(\d+)", m["l"]):
            if it.group(1) not in n.staff:
                return False
            n.rules.append({"type": "count", "per": ["staff"], "staff": [it.group(1)], "max": int(it.group(2))})
        return True

    n.take(rf"\bmax(?:imum)?\s+shifts?{scope}\s*:\s*(?P<l>[A-Za-z]\w*\s*\d+(?:\s*,\s*[A-Za-z]\w*\s*\d+)+)", each)

    def ranges(m: re.Match[str]) -> bool:  # 'shifts per person over the week, min-max: Ana 2-4, Ben 2-3'
        found = re.findall(r"([A-Za-z]\w*)\s*:?\s*(\d+)\s*(?:-|to|\.\.)\s*(\d+)", m["l"])
        if not found or any(p not in n.staff or int(a) > int(b) for p, a, b in found):
            return False
        n.rules += [{"type": "count", "per": ["staff"], "staff": [p], "min": int(a), "max": int(b)}
                    for p, a, b in found]
        return True

    pair = r"[A-Za-z]\w*\s*:?\s*\d+\s*(?:-|to|\.\.)\s*\d+"
    n.take(rf"\bshifts?\s+per\s+(?:person|{_PEOPLE}){scope}(?:\s+over\s+the\s+(?:week|block|horizon|period))?\s*,?\s*"
           rf"(?:\(?\s*min\s*(?:-|/|to)\s*max\s*\)?)?\s*:\s*(?P<l>{pair}(?:\s*,\s*{pair})+)", ranges)

    def run(m: re.Match[str]) -> bool:
        n.rules.append({"type": "max_consecutive_days", "max_on": count_value(m["k"].lower())})
        return True

    n.take(rf"{_LE}\s*(?P<k>{_N})\s+consecutive\s+(?:working\s+|work\s*)?days(?:\s+per\s+(?:person|nurse|worker))?"
           r"(?:\s*\(\s*within\s+the\s+week\s*\))?", run)


def _read_unavailable(n: RosterDraft) -> None:
    """'Unavailable: P1 {2}; P2 d5, d6', 'not available: P1: d1, d2', 'S3 shift A on D4', 'S4 never shift B',
    'P1 unavailable days 6, 7', 'P4, P5: never N', 'W2 off on day 3', 'S6 never works N'."""
    def off(who: list[str] | None, shift: str | None, days: str | None) -> bool:
        if not who:
            return False
        rule: dict[str, Any] = {"type": "unavailable", "staff": who}
        if shift:
            s = n.shift(shift)
            if s is None:
                return False
            rule["shifts"] = [s]
        if days:
            listed = n.day_list(days)
            if listed is None:
                return False
            rule["days"] = listed
        n.rules.append(rule)
        return True

    item = re.compile(r"(?P<w>\w+)\s*:?\s*(?:(?P<never>never\s+(?:works?\s+|does\s+)?)?(?:on\s+)?(?:the\s+)?"
                      r"(?:shift\s+)?(?P<s>[A-Za-z])\b(?!\s*=)(?:\s+shifts?\b)?\s*(?:on\s+)?)?(?P<d>\S.*)?")
    # ('P2 d5', 'Eve never on E shifts'; never the 't' of 'Lou on t = 6, 7')

    def listed(m: re.Match[str]) -> bool:
        pairs = [re.fullmatch(r"\s*(\w+)\s*-\s*(\w+)\s*", p) for p in m["l"].split(",")]  # 'Jo-Tue, Kim-Mon'
        if len(pairs) > 1 and all(pairs):
            if not all(p and n.day_list(p.group(2)) and n.person_list(p.group(1)) for p in pairs):
                return False  # (checked first: never a list read in part)
            return all(p is not None and off(n.person_list(p.group(1)), None, p.group(2)) for p in pairs)
        for part in re.split(r"[;|]", m["l"]):
            part = re.sub(r"\s*\((?:both|all)\s+shifts\)\s*$", "", part.strip())  # 'p1 day 3 (both shifts)': all
            late = re.fullmatch(r"(?P<w>\w+)\s+(?P<d>\S.*?)\s+(?P<s>[A-Za-z]{1,3})", part)
            if late and n.shift(late["s"]) and n.day_list(late["d"]) is not None:  # 'p2 day 5 PM'
                if not off(n.person_list(late["w"]), late["s"], late["d"]):
                    return False
                continue
            it = item.fullmatch(part.strip())  # every item read, or the whole list is not
            if it is None or it["never"] and it["d"] or not (it["s"] or it["d"]) or \
                    not off(n.person_list(it["w"]), it["s"], it["d"]):
                return False
        return True

    n.take(r"\b(?:unavailable|not\s+available)\s*:\s*(?P<l>[^.\n]+)", listed)

    def available(m: re.Match[str]) -> bool:
        for part in m["l"].split(";"):  # every item read, or the list is not (never an item skipped)
            it = re.fullmatch(r"\s*(?P<w>[A-Z]\w*)\s+(?:not\s+(?P<d>[^;]+?)|(?P<s>[A-Za-z])\s+only|all)\s*", part)
            if it is None:
                return False
            who = n.person_list(it["w"])
            if it["d"]:  # 'P1 not D3'
                ok = off(who, None, it["d"])
            elif it["s"]:  # 'P2 E only'
                only = n.shift(it["s"])
                others = [s for s in n.shifts if s != only]
                ok = only is not None and bool(others) and all(off(who, s, None) for s in others)
            else:  # 'P3 all'
                ok = who is not None
            if not ok:
                return False
        return True

    n.take(r"\bavailability\s*:\s*(?P<l>[^.\n]+)", available)

    def grid(m: re.Match[str]) -> bool:  # 'P1: DN, DN, D, -, DN' under 'Availability (allowed shifts per day ...):'
        rows = re.findall(r"(?m)^[ \t]*(\w+)[ \t]*:[ \t]*([^\n]+)$", m["rows"])
        if len(rows) < 2 or not all(len(s) == 1 for s in n.shifts):
            return False
        for who, cells in rows:
            said = [c.strip() for c in cells.split(",")]
            if who not in n.staff or len(said) != len(n.days):
                return False
            for day, cell in zip(n.days, said, strict=True):
                allowed = set() if cell in ("-", "\u2013", "\u2014") else {n.shift(c) for c in cell}
                if None in allowed:
                    return False
                for s in n.shifts:
                    if s not in allowed:
                        n.rules.append({"type": "unavailable", "staff": [who], "shifts": [s], "days": [day]})
        return True

    n.take(r"\bavailability\s*\(\s*allowed\s+shifts\s+per\s+day[^()\n]*\)\s*:[ \t]*\n"
           r"(?P<rows>(?:[ \t]*\w+[ \t]*:[ \t]*(?:[A-Za-z]{1,3}|[-\u2013\u2014])(?:[ \t]*,[ \t]*(?:[A-Za-z]{1,3}|"
           r"[-\u2013\u2014]))+[ \t]*(?:\n|$))+)", grid)
    day = rf"(?:[dD]?\d+|{_WD})(?:-(?:[dD]?\d+|{_WD}))?"  # 'days 1-2': a span of days
    n.take(rf"\b(?P<w>[A-Z]\w*(?:\s*,\s*[A-Z]\w*){{0,8}})\s*:?\s*(?:is\s+)?(?:unavailable|off|not\s+available)\s+"
           rf"(?:for\s+(?P<s>[A-Za-z])\s+)?(?:on\s+)?(?P<d>(?:days?\s+)?{day}(?:\s*(?:,|and|or)\s*{day})*)",
           lambda m: off(n.person_list(m["w"]), m["s"], m["d"]), 0)
    n.take(rf"\b(?P<w>[A-Z]\w*)\s+(?:has|have)\s+(?:class(?:es)?|school|lectures?|college|uni(?:versity)?|"
           rf"(?:another|a\s+second)\s+job)\s+(?:on\s+)?(?P<d>{_WD}(?:\s*(?:,|and|or)\s*{_WD})*)\s+"
           rf"(?P<s>[a-z]+?)(?:s|es)?\b",  # 'Ben has class Thursday and Friday mornings'
           lambda m: n.shift(m["s"]) is not None and off(n.person_list(m["w"]), m["s"], m["d"]), 0)
    n.take(r"\b(?P<w>[A-Z]\w*(?:\s*,\s*[A-Z]\w*){0,8})\s*:?\s*(?:never(?:\s+works?)?|cannot\s+work|can't\s+work)\s+"
           r"(?:shift\s+)?(?P<s>[A-Za-z])\b(?:\s+shifts?)?(?:\s*\(\s*any\s+day\s*\))?",
           lambda m: off(n.person_list(m["w"]), m["s"], None), 0)


def _read_successions(n: RosterDraft) -> None:
    """'no N on day t followed by D on day t+1', 'no D on the day after an N', 'no B followed by A next day',
    'forbidden successions (day t -> t+1): N->E, L->E'."""
    def ban(first: str, then: list[str]) -> bool:
        a = n.shift(first)
        if a is None or not all(n.shift(t) for t in then):
            return False
        n.rules += [{"type": "forbidden_sequence", "first": a, "then": n.shift(t)} for t in then]
        return True

    n.take(r"\b(?:no|nobody\s+works)\s+(?P<a>[A-Za-z])\s+(?:shift\s+)?(?:on\s+day\s+[tkd]\s+)?(?:followed\s+by|then)\s+"
           r"(?P<b>[A-Za-z])\s+(?:shift\s+)?(?:on\s+day\s+[tkd]\s*\+\s*1|(?:the\s+)?next\s+day)\b"
           r"(?:\s*\(\s*(?:for\s+)?the\s+same\s+(?:person|nurse|worker|employee|operator)\s*\)|"
           r"\s*\(\s*same\s+(?:person|nurse|worker|employee|operator)\s*\))?",
           lambda m: ban(m["a"], [m["b"]]))
    n.take(r"\bno\s+(?P<b>[A-Za-z])\s+on\s+day\s+[tkd]\s*\+\s*1\s+after\s+(?P<a>[A-Za-z])\s+on\s+day\s+[tkd]\b",
           lambda m: ban(m["a"], [m["b"]]))
    n.take(rf"\b(?:an?|any)\s+{_PEOPLE}\s+(?:working|who\s+works)\s+(?P<a>[A-Za-z])\s+on\s+day\s+[tkd]\s+(?:may|can|must|"
           r"should)\s*not\s+work\s+(?P<b>[A-Za-z])\s+on\s+day\s+[tkd]\s*\+\s*1\b",
           lambda m: ban(m["a"], [m["b"]]))  # 'a nurse working N on day t may not work D on day t+1'
    n.take(r"\bno\s+(?P<b>[A-Za-z])(?:\s+shift)?\s+(?:on\s+)?the\s+day\s+after\s+(?P<l>(?:an?\s+)?[A-Za-z]"
           r"(?:\s*(?:,|or|and)\s*(?:an?\s+)?[A-Za-z])*)(?:\s+shift)?\b",  # 'no E the day after an L or an N'
           lambda m: all(ban(a, [m["b"]]) for a in re.findall(r"\b(?!an?\b|or\b|and\b)[A-Za-z]\b", m["l"])))
    n.take(r"\b(?P<a>[A-Za-z])\s+on\s+day\s+(?P<t>[tkd])\s*(?:\u21d2|=>|->|implies)\s*(?:not|no|\u00ac)\s+(?P<b>[A-Za-z])\s+on\s+"
           r"day\s+(?P=t)\s*\+\s*1\b", lambda m: ban(m["a"], [m["b"]]))  # 'N on day t ⇒ not D on day t+1'

    n.take(r"\bafter\s+an?\s+(?P<a>[A-Za-z])\s+shift\s+on\s+day\s+(?P<t>[tkd])\s*,?\s*no\s+(?P<l>[A-Za-z](?:\s*(?:,|or|and)\s*"
           r"[A-Za-z])*)\s+shifts?\s+on\s+day\s+(?P=t)\s*\+\s*1\b",  # 'after an N shift on day t, no E or L ...'
           lambda m: ban(m["a"], re.findall(r"[A-Za-z]", re.sub(r"\b(?:or|and)\b", " ", m["l"]))))

    def pairs(m: re.Match[str]) -> bool:
        return all(ban(a, [b]) for a, b in re.findall(r"([A-Za-z])\s*->\s*([A-Za-z])", m["l"]))

    n.take(r"\b(?:forbidden|banned|not\s+allowed)\s+(?:(?:successions?|sequences?|pairs?)\s*)?(?:\(\s*day\s+t\s*->\s*t\s*\+\s*1\s*\)"
           r"|\s*(?:on|over|across)\s+(?:two\s+)?(?:consecutive|successive|adjacent)\s+days"
           r"(?:\s*\(?\s*(?:day\s+)?t\s*->\s*t\s*\+\s*1\s*\)?)?)?"  # ('... days t -> t+1 for the same person:')
           rf"(?:\s+for\s+the\s+same\s+(?:{_PEOPLE}|person|staff\s+member))?\s*:\s*"
           r"(?P<l>[A-Za-z]\s*->\s*[A-Za-z](?:\s*,\s*[A-Za-z]\s*->\s*[A-Za-z])*)", pairs)


def _read_hourly_extra(n: RosterDraft) -> None:
    """'Sat and Sun shifts are paid $3/h extra on top of the rate': more pay per hour on some days, for everyone paid
    by the hour."""
    def extra(m: re.Match[str]) -> bool:
        days = n.day_list(m["d"])
        if not days or not n.hourly or set(n.hourly) != set(n.staff) or any(d in n.hourly_extra for d in days):
            return False
        n.hourly_extra.update({d: float(m["v"]) for d in days})
        return True

    n.take(rf"\b(?:on\s+)?(?P<d>[A-Za-z]{{3,9}}(?:\s*(?:,|and|/|&)\s*[A-Za-z]{{3,9}})*)\s+shifts?\s+(?:are|is|get|gets)\s+"
           rf"(?:paid\s+)?(?:an?\s+)?(?:extra\s+)?{CURRENCY}\s*(?P<v>\d+(?:\.\d+)?)\s*(?:/\s*h(?:ou)?r?\b|per\s+hour|an\s+hour)"
           r"(?:\s+(?:extra|more))?(?:\s+on\s+top\s+of\s+(?:the|their|each\s+person's)\s+(?:hourly\s+)?"
           r"(?:rate|pay|wage)s?)?", extra)


def _read_costs(n: RosterDraft) -> None:
    """Cost per shift by person ('cost/shift: N1 100, N2 90', 'c = (100, 120) for N1..N2', '(E/L): P1 8/10'),
    then extras ('plus 30 for each shift on day 6 or 7', 'weekend shifts paid x1.5', 'every L shift costs +20')."""
    def base(who: list[str], values: list[list[float | None]], order: list[str | None] | None) -> bool:
        if len(who) != len(values) or any(p in {c[0] for c in n.costs} for p in who):
            return False
        for p, vs in zip(who, values, strict=True):
            shifts = order if order is not None else n.shifts
            if len(vs) != len(shifts) and len(vs) != 1 or not all(shifts) or vs[0] is None:
                return False
            for k, s in enumerate(shifts):
                v = vs[k] if len(vs) > 1 else vs[0]
                if v is None:  # 'Oren 50/-': never that shift
                    n.rules.append({"type": "unavailable", "staff": [p], "shifts": [s]})
                    continue
                for d in n.days:
                    n.costs[(p, s or "", d)] = v
        return True

    def named(m: re.Match[str]) -> bool:
        order = [n.shift(x) for x in re.split(r"\s*/\s*", m["o"])] if m["o"] else None
        pairs = re.findall(rf"([A-Za-z]\w*)\s*=?\s*{_SIGN}?\s*({_V}(?:\s*/\s*(?:{_V}|-))*)", m["l"])
        who = [p for p, _ in pairs]
        if not all(p in n.staff for p in who):
            return False
        return base(who, [[None if v == "-" else float(v) for v in re.split(r"\s*/\s*", vs)] for _, vs in pairs],
                    order)

    label = (r"\b(?:cost|pay|wage|rate)(?:s)?(?:\s+per\s+shift(?:\s+worked)?|\s*/\s*shift)"
             r"(?:\s*\(\s*same\s+for\s+[a-z]+\s+and\s+[a-z]+\s*\))?(?:\s*\(?(?P<o>[A-Za-z](?:\s*/\s*[A-Za-z])+)\)?)?")

    paid = rf"[A-Za-z]\w*\s*=?\s*{_SIGN}?\s*{_V}(?:\s*/\s*{_V})*"  # 'N1 100', 'Ana $60', 'P1 = 8/10', 'Bo GBP 90'
    paired = rf"[A-Za-z]\w*\s*=?\s*{_SIGN}?\s*{_V}(?:\s*/\s*(?:{_V}|-(?![\d-])))+"  # 'Oren 50/-'

    def points(m: re.Match[str]) -> bool:  # 'Penalty per assigned shift (E/L/N): Uma 0/1/3, Xia 0/2/-': wishes
        before = set(n.costs)
        if n.costs or not named(m):
            return False
        n.penalised |= set(n.costs) - before
        return True

    n.take(rf"\bpenalt(?:y|ies)(?:\s+points?)?\s+per\s+(?:assigned\s+|worked\s+)?shift(?:\s+(?:assigned|worked))?"
           rf"\s*\(\s*(?P<o>[A-Za-z](?:\s*/\s*[A-Za-z])+)\s*\)\s*:\s*(?P<l>{paired}(?:\s*,\s*{paired})+)", points)
    n.take(rf"{label}\s*:\s*(?P<l>{paired}(?:\s*,\s*{paired})+)(?:\s*\(\s*[\"']?-[\"']?\s*(?:=|means|:)\s*"
           r"(?:not\s+(?:qualified|available|allowed)|never|can't|cannot|unavailable)\b[^()\n]{0,30}\))?", named)
    n.take(rf"{label}\s*:\s*(?P<l>{paid}(?:\s*,\s*{paid})+)", named)
    daily = (rf"\b(?:(?:daily|day)\s+(?:pay|rate|wage|cost)s?|(?:pay|cost|wage|rate)s?\s+(?:per|a|/)\s*day)(?P<o>)"
             rf"(?:\s*\(\s*{CURRENCY}\s*\)|\s*\(\s*(?:eur|gbp|usd|euros?|dollars?|pounds?)\s*\))?"
             r"(?:\s+(?:are|is))?")  # ('Their day rates are: Priya $120, Tom $150')
    n.take(rf"{daily}\s*:\s*(?P<l>{paid}(?:\s*,\s*{paid})+)",  # one shift a day: 'Daily pay: Farah $90, Gus $95'
           lambda m: n.shifts == ["shift"] and named(m))

    def hourly(m: re.Match[str]) -> bool:  # 'Pay (EUR/h): Ann 15, Ben 16': times each shift's hours
        pairs = re.findall(rf"([A-Za-z]\w*)\s*=?\s*{_SIGN}?\s*({_V})", m["l"])
        if not all(p in n.staff for p, _ in pairs) or any(p in n.hourly for p, _ in pairs):
            return False
        n.hourly.update({p: float(v) for p, v in pairs})
        return True

    per_hour = r"(?:/\s*h(?:ou)?r?\b|per\s+hour\b|an\s+hour\b)"
    n.take(rf"\b(?:(?:hourly\s+)?(?:pay|wage|rate)s?(?:\s*\(\s*{CURRENCY}?\s*(?:[A-Za-z]{{3}}\s*)?{per_hour}\s*\)|"
           rf"\s+{per_hour})|hourly\s+(?:pay|wages?|rates?))\s*:\s*(?P<l>{paid}(?:\s*,\s*{paid})+)", hourly)

    def keyed(listed: str) -> bool:  # 'Cost per shift worked: N1: D = 10, N = 14; N2: D = 12, N = 12'
        found: dict[tuple[str, str, str], float] = {}
        for block in re.split(r"\s*;\s*", listed.strip()):
            who, _, said = block.partition(":")
            pairs = [(n.shift(s), float(v)) for s, v in re.findall(rf"([A-Za-z]\w*)\s*=\s*{CURRENCY}?\s*({_V})", said)]
            if who.strip() not in n.staff or sorted(str(s) for s, _ in pairs) != sorted(n.shifts) or \
                    any(c[0] == who.strip() for c in n.costs):
                return False
            found.update({(who.strip(), str(s), d): v for s, v in pairs for d in n.days})
        n.costs.update(found)
        return True

    shift_value = rf"[A-Za-z]\w*\s*=\s*{CURRENCY}?\s*{_V}"
    person_values = rf"[A-Za-z]\w*\s*:\s*{shift_value}(?:\s*,\s*{shift_value})+"
    n.take(rf"{label}\s*:\s*(?P<l>{person_values}(?:\s*;\s*{person_values})+)", lambda m: keyed(m["l"]))

    def bracketed(m: re.Match[str]) -> bool:  # 'Cost per shift: P1 (D 8, N 12), P2 (D 9, N 10)'
        blocks = [f"{who}: " + ", ".join(f"{s} = {v}" for s, v in re.findall(rf"([A-Za-z]\w*)\s*[=:]?\s*{CURRENCY}?\s*"
                                                                            rf"({_V})", said))
                  for who, said in re.findall(r"([A-Za-z]\w*)\s*\(([^()]*)\)", m["l"])]
        return keyed("; ".join(blocks))

    pair = shift_value.replace("=", "[=:]?")
    in_brackets = rf"[A-Za-z]\w*\s*\(\s*{pair}(?:\s*,\s*{pair})+\s*\)"
    n.take(rf"{label}\s*:\s*(?P<l>{in_brackets}(?:\s*[,;]\s*{in_brackets})+)", bracketed)

    def tupled(m: re.Match[str]) -> bool:  # 'Cost per shift (AM, PM): p1 (10, 12); p2 (9, 14)'
        order = [n.shift(x) for x in re.split(r"\s*,\s*", m["o"])]
        pairs = re.findall(rf"([A-Za-z]\w*)\s*\(\s*({_V}(?:\s*,\s*{_V})*)\s*\)", m["l"])
        if not all(p in n.staff for p, _ in pairs) or None in order:
            return False
        return base([p for p, _ in pairs], [[float(v) for v in re.split(r"\s*,\s*", vs)] for _, vs in pairs], order)

    item = rf"[A-Za-z]\w*\s*\(\s*{_V}(?:\s*,\s*{_V})+\s*\)"
    n.take(rf"\bcosts?\s+per\s+shift(?:\s+[a-z]_\{{?[a-z](?:\s*,\s*[a-z])?\}}?)?"  # ('per shift c_{i,s} (M, E)')
           rf"\s*\(\s*(?P<o>[A-Za-z]{{1,5}}(?:\s*,\s*[A-Za-z]{{1,5}})+)\s*\)\s*:\s*"
           rf"(?P<l>{item}(?:\s*[;,]\s*{item})+)", tupled)

    def respectively(m: re.Match[str]) -> bool:  # 'base pay per shift 130, 115, 120, 140 respectively'
        values = [float(v) for v in re.findall(_V, m["v"])]
        return len(values) == len(n.staff) and base(list(n.staff), [[v] for v in values], None)

    n.take(rf"\b(?:base\s+)?(?:pay|cost|wage|rate)s?\s+(?:per|a|/)\s*shift\s*:?\s*(?P<v>{_V}(?:\s*,\s*{_V})+)\s+"
           r"respectively\b", respectively)

    def extra_on_days(m: re.Match[str]) -> bool:  # '+50 per shift on Sat and Sun'
        days = n.day_list(m["d"])
        if days is None or not n.costs:
            return False
        for key in n.costs:
            if key[2] in days:
                n.costs[key] += float(m["v"])
        return True

    n.take(rf",?\s*\+\s*(?P<v>{_V})\s+(?:per|a|for\s+each|each)\s+shift\s+on\s+(?P<d>{_WD}(?:\s*(?:,|and|or)\s*{_WD})*)",
           extra_on_days)

    def week_and_weekend(m: re.Match[str]) -> bool:
        pairs = re.findall(rf"(\w+)\s*:?\s*({_V})\s*/\s*({_V})", m["l"])
        if not pairs or any(p not in n.staff or p in {c[0] for c in n.costs} for p, _, _ in pairs):
            return False
        for p, weekday, weekend in pairs:
            for s in n.shifts:
                for d in n.days:
                    n.costs[(p, s, d)] = float(weekend if d in ("Sat", "Sun") else weekday)
        return len(pairs) == len(re.findall(r"/", m["l"]))

    n.take(rf"\b(?:pay|cost|rate)s?\s+(?:per\s+shift|/\s*shift)\s*\(\s*weekdays?\s*/\s*weekends?\s*\)\s*:\s*"
           rf"(?P<l>\w+\s*:?\s*{_V}\s*/\s*{_V}(?:\s*,\s*\w+\s*:?\s*{_V}\s*/\s*{_V})+)", week_and_weekend)

    def calls(m: re.Match[str]) -> bool:
        pairs = re.findall(rf"c\(\s*(\w+)\s*\)\s*=\s*({_V})", m["l"])
        return all(p in n.staff for p, _ in pairs) and base([p for p, _ in pairs], [[float(v)] for _, v in pairs], None)

    n.take(rf"{label}\s*:\s*(?P<l>c\(\s*\w+\s*\)\s*=\s*{_V}(?:\s*,\s*c\(\s*\w+\s*\)\s*=\s*{_V})+)", calls)

    def vector(m: re.Match[str]) -> bool:
        who = n.person_list(m["w"])
        values = [float(v) for v in re.findall(_V, m["v"])]
        return who is not None and base(who, [[v] for v in values], None)

    n.take(rf"(?:{label}\s*:\s*)?\bc\s*=\s*\((?P<v>\s*{_V}(?:\s*,\s*{_V})+)\s*\)\s*for\s+(?P<w>\w+{TO}\w+)", vector)

    def plus_days(m: re.Match[str]) -> bool:
        days = n.day_list(m["d"])
        if days is None or not n.costs:
            return False
        extra = float(m["v"])
        for key in n.costs:
            if key[2] in days:
                n.costs[key] += extra
        return True

    n.take(rf",?\s*plus\s+(?P<v>{_V})\s+for\s+each\s+shift\s+on\s+(?P<d>(?:days?\s+)?\w+(?:\s+or\s+\w+)?)"
           r"(?=\s*[.;\n]|$)", plus_days)

    def times_days(m: re.Match[str]) -> bool:
        days = n.day_list(m["d"])
        if days is None or not n.costs:
            return False
        for key in n.costs:
            if key[2] in days:
                n.costs[key] *= float(m["v"])
        return True

    n.take(rf"\b(?P<d>weekend|(?:days?\s+)?\w+\s+(?:and|or)\s+\w+)\s+shifts\s+(?:paid|cost)\s+x\s*(?P<v>{_V})",
           times_days)

    def plus_shift(m: re.Match[str]) -> bool:
        s = n.shift(m["s"])
        if s is None or not n.costs:
            return False
        for key in n.costs:
            if key[1] == s:
                n.costs[key] += float(m["v"])
        return True

    n.take(rf"[;,]?\s*\b(?:every|each|an?)\s+(?P<s>[A-Za-z])\s+shift\s+costs\s+(?:c\(\s*\w\s*\)\s*)?\+\s*(?P<v>{_V})"
           r"(?:\s+on\s+top)?", plus_shift)

    def penalties(m: re.Match[str]) -> bool:
        s = n.shift(m["s"])
        for p, v in re.findall(rf"([A-Za-z]\w*)\s+({_V})", m["l"]):
            if s is None or p not in n.staff:
                return False
            for d in n.days:
                n.costs[(p, s, d)] = n.costs.get((p, s, d), 0.0) + float(v)
        return True

    n.take(rf"\beach\s+(?P<s>[A-Za-z])\s+shift\s+costs\s+(?P<l>[A-Za-z]\w*\s+{_V}(?:\s*,\s*[A-Za-z]\w*\s+{_V})+)",
           penalties)

    def on_days(m: re.Match[str]) -> bool:
        days = n.day_list(m["d"])
        found = re.findall(rf"\+\s*({_V})\s+for\s+([A-Za-z]\w*)", m["l"])
        if days is None or not found or any(p not in n.staff for _, p in found):
            return False
        for v, p in found:
            for s in n.shifts:
                for d in days:
                    n.costs[(p, s, d)] = n.costs.get((p, s, d), 0.0) + float(v)
        return True

    n.take(rf"\bany\s+shift\s+on\s+(?P<d>(?:days?\s+)?\w+(?:\s+or\s+\w+)?)\s+costs\s+(?P<l>\+\s*{_V}\s+for\s+"
           rf"[A-Za-z]\w*(?:\s+and\s+\+\s*{_V}\s+for\s+[A-Za-z]\w*)*)", on_days)

    def working(m: re.Match[str]) -> bool:
        days = n.day_list(m["d"])
        if days is None or m["p"] not in n.staff:
            return False
        for s in n.shifts:
            for d in days:
                n.costs[(m["p"], s, d)] = n.costs.get((m["p"], s, d), 0.0) + float(m["v"])
        return True

    n.take(rf"\b(?P<p>[A-Za-z]\w*)\s+working\s+on\s+(?P<d>(?:days?\s+)?\w+)\s+costs\s+\+\s*(?P<v>{_V})", working)
    _read_premiums(n, plus_shift, extra_on_days)
    n.take(r"\bpenalt(?:y|ies)\s*:", lambda m: True)
    if n.costs and re.search(r"\bpenalt", n.text, re.I):  # penalties: a shift none of them names costs nothing
        for p in n.staff:
            for s in n.shifts:
                for d in n.days:
                    n.costs.setdefault((p, s, d), 0.0)


def _read_requests(n: RosterDraft) -> None:
    """Soft requests for days off, each broken when the person works that day: 'Day-off requests R_p: R_1 = {5, 6},
    R_2 = {5, 6}' (a preference of penalty 1 per day; the goal then counts the broken ones)."""
    def requests(m: re.Match[str]) -> bool:
        found = re.findall(r"\b[a-z]_?\{?(\d+)\}?\s*=\s*\{([^{}\n]*)\}", m["l"], re.IGNORECASE)
        for k, days in found:
            who = [p for p in n.staff if re.fullmatch(rf"[A-Za-z]{k}", p)]
            listed = n.day_list(days) if days.strip() else []
            if len(who) != 1 or listed is None:
                return False
            if listed:
                n.rules.append({"type": "preference", "staff": who, "days": listed, "kind": "avoid", "penalty": 1})
        return bool(found)

    n.take(r"(?i)\bday[- ]off\s+requests?\s*(?:[a-z]_?[a-z])?\s*:\s*(?P<l>[a-z]_?\{?\d+\}?\s*=\s*\{[^{}\n]*\}"
           r"(?:\s*[,;]\s*[a-z]_?\{?\d+\}?\s*=\s*\{[^{}\n]*\})*)", requests)


def _read_objective(n: RosterDraft) -> None:
    """'min total cost', 'min number of distinct staff used', 'min max_i (#N shifts of P_i)',
    'minimise the maximum number of shifts assigned to any one person'."""
    def aim(term: str, shift: str | None = None) -> bool:
        entry: dict[str, Any] = {"term": term}
        if n.objective:
            return n.objective == [entry] and shift is None  # the same goal said again
        if shift:
            s = n.shift(shift)
            if s is None:
                return False
            entry["shifts"] = [s]
        n.objective.append(entry)
        return True

    verb = r"\b(?:min(?:imi[sz]e)?|obj\s*:\s*min)"
    n.take(rf"{verb}\s+(?:the\s+)?total\s+(?:wage\s+)?(?:cost|penalty(?:\s+points)?)\b", lambda m: aim("total_cost"))
    index = r"(?:_\{?\s*[a-z](?:\s*,\s*[a-z])*\s*\}?|\[\s*[a-z](?:\s*,\s*[a-z])*\s*\])"
    n.take(rf"{verb}\s+(?:\u03a3|sum)\s*{index}?\s*c\s*{index}\s*[*\u00b7-]?\s*x\s*{index}",
           lambda m: bool(n.costs) and aim("total_cost"))  # 'min Σ c_{i,s} x_{i,t,s}': the cost of the shifts worked
    n.take(rf"{verb}\s+(?:the\s+)?number\s+of\s+(?:violated|broken|unmet)\s+requests\b"
           r"(?:\s*,?\s*i\.e\.\s*\|\s*\{[^{}\n]*\}\s*\|)?",  # '..., i.e. |{(p, t) : t ∈ R_p and p works on day t}|'
           lambda m: any(r["type"] == "preference" for r in n.rules) and n.per_day == 1 and aim("total_penalty"))
    n.take(rf"{verb}\s+(?:the\s+)?number\s+of\s+(?:distinct\s+)?(?:staff|persons|people|workers|nurses)\s*"
           r"(?:used\s*)?(?:\(\s*working\s*>=\s*1\s+shifts?\s*\)|who\s+get\s+at\s+least\s+one\s+shift)?",
           lambda m: aim("staff_count"))
    n.take(r"(?i)\b(?:(?:smallest|minimum|least|lowest)\s+(?:possible\s+)?number\s+of\s+|fewest\s+|as\s+few\s+)"
           r"(?:different\s+|distinct\s+)?(?:people|staff|persons|workers|nurses|employees)\b"
           r"(?!\s+(?:per|each|on\s+(?:each|every|a))\b)(?:\s+as\s+possible)?",
           lambda m: aim("staff_count"))  # 'the smallest number of people I need', 'as few different people as
    # possible' (never 'minimum staff per day', the demands)
    n.take(rf"{verb}\s+\|\s*\{{\s*(?:staff|persons|people|workers|nurses)\s+with\s+(?:>=|\u2265)\s*1\s+shifts?\s*\}}\s*\|",
           lambda m: aim("staff_count"))  # 'min |{staff with >= 1 shift}|'
    n.take(rf"{verb}\s+max_?i\s*\(\s*(?:days\s+worked|shifts)\s+(?:by|of)\s+\w+_i\s*\)", lambda m: aim("max_shifts"))
    n.take(rf"{verb}\s+max_?i\s*\(\s*#\s*(?P<s>[A-Za-z])\s+shifts\s+of\s+\w+_i\s*\)",
           lambda m: aim("max_shifts", m["s"]))
    n.take(rf"{verb}\s+the\s+maximum\s+number\s+of\s+shifts\s+assigned\s+to\s+any\s+one\s+(?:person|nurse|worker)",
           lambda m: aim("max_shifts"))


def _read_day_spans(n: RosterDraft) -> None:
    """The roster's days said again: 'one week Mon-Sun', 'Wednesday to Sunday', '(Fri, Sat, Sun)'."""
    n.take(rf"(?:\bone\s+week,?\s*)?\b(?P<d>{_WD}\s*(?:-|to|through|until)\s*{_WD}|"
           rf"{_WD}(?:\s*,\s*{_WD})+(?:,?\s*and\s+{_WD})?)\b", lambda m: n.day_list(m["d"]) == n.days)


_HORIZON_WORDS = {"within", "the", "this", "a", "one", "week", "days", "only", "no", "not", "wrap", "just", "looking",
                  "at",
                  "around", "ignore", "previous", "next", "last", "cyclic", "horizon", "considered", "and", "or",
                  "week's", "same", "person", "of", "is", "are", "->"}


def _title(n: RosterDraft, m: re.Match[str]) -> bool:
    """The text's title ('Dental nurse rota, week 14', 'Ward 7B - roster wk 23', 'weekend roster' of Friday to
    Sunday): its numbers only label a week, a room or a ward, and it has no word that limits."""
    said = re.sub(r"(?i)\b(?:week|wk|room|ward|unit|bay|no\.?|#)\s*\d+[a-z]?(?:\.\d+)?\b|\b\d+[A-Z]\b", " ", m.group(0))
    if set(n.days) <= {"Fri", "Sat", "Sun"}:
        said = re.sub(r"(?i)\bweekend\b", " ", said)
    return not re.search(r"\d", said) and not CUES.search(said)


def _read_penalty_list(n: RosterDraft) -> None:
    """A list headed by its unit: 'penalty points: Ana 2 per L shift; Ben 1 per L shift, plus 3 if working Fri (any
    shift); Eve 2 if working Mon', each item read as a wish priced in points, all of them or none."""
    def items(m: re.Match[str]) -> bool:
        saved = n.checkpoint()
        for item in re.split(r"\s*;\s*", m["l"].strip().rstrip(".")):
            who = re.match(rf"\s*(?P<w>{NAME}|[A-Za-z]\w*)\s*:?\s*", item)
            if who is None or who["w"] not in n.staff:
                n.restore(saved)
                return False
            for part in re.split(r"\s*,\s*(?:plus|and)\s+", item[who.end():]):
                part = re.sub(r"\s*\(\s*any\s+shift\s*\)$", "", part)  # (a day worked is one shift)
                said = re.match(r"(\d+)\s+(?=per\b|for\s+(?:each|every)\b|if\b|when)", part)
                if said is None or not read_clause(n, f"{who['w']}: {said.group(1)} points {part[said.end():]}"):
                    n.restore(saved)
                    return False
        return True

    n.take(r"(?im)\bpenalty\s+points?\s*(?:\([^()\n]{0,30}\))?\s*:\s*(?P<l>[^\n]+)", items)


def _read_asides(n: RosterDraft) -> None:
    """Words that restate the model's own reading: one week without wrap-around ('(within Mon-Sun; ignore the
    previous week)', '(days 1..7 only)'), 'x_its binary'."""
    def horizon(m: re.Match[str]) -> bool:
        words = re.findall(r"->|[\w']+", m["c"].lower())
        ends = {n.days[0], n.days[-1]}  # the days named are the horizon's ends ('within Mon-Sun'), no others
        return all(w in _HORIZON_WORDS or set(n.day_list(w) or ["?"]) <= ends or
                   w.isdigit() and int(w) in (1, len(n.days))
                   for w in words) and bool({"wrap", "within", "cyclic", "previous", "next", "same", "this"}
                                            & set(words))

    n.take(r"\bone\s+week,\s*no\s+wrap-around\s*(?:\([^()\n]*\))?|\bhorizon\s+not\s+cyclic\b|"
           r"\bat\s+most\s+one\s+shift\s+per\s+\w+\s+per\s+day\b", lambda m: True)
    n.take(r"\((?P<c>[^()\n]{1,80})\)", horizon)
    n.take(r"(?i)(?<!for )\b[td]\s*=\s*1\s*(?:\.\.|-|to)\s*(?P<k>\d{1,2})\s*\)?",  # '7 days (t=1..7)': said again
           # (never the days of a rule: '... for t = 1..4')
           lambda m: n.days[:1] == ["D1"] and int(m["k"]) == len(n.days))
    n.take(r"\A[ \t#*]*[A-Z][^.\n:]{0,90}?\b(?i:rota|roster|schedule)\b[^.\n:]{0,100}?(?=\s*(?:[.:\n]|\Z))",
           lambda m: _title(n, m), 0)
    n.take(r"(?i)\b(?:decisions?\s*:\s*)?x\s*(?:\[[a-z,\s]{1,12}\]|_\{?[a-z,\s]{1,12}\}?|\([a-z,\s]{1,12}\))\s*(?:in|\u2208)\s*"
           r"\{\s*0\s*,\s*1\s*\}(?:\s*\((?:1\s*=|=\s*1\s+if)[^()\n\d]{0,40}\))?", lambda m: True)  # 'x[p,d,s] in {0,1}'
    n.take(r"\bexact(?:ly)?\s+(?:those|these|the\s+(?:above|listed|given))\s+(?:numbers|counts|figures|demands)\b"
           r"(?:\s*,\s*(?:no|never)\s+(?:extra|more|spare)\s+(?:people|staff|bodies|hands))?",
           lambda m: n.exact is True)  # 'Exactly those numbers, no extra people': the cover is exact, said again

    def lasting(m: re.Match[str]) -> bool:  # 'Two 7-hour shifts per day': the shifts and their length, again
        return count_value(m["k"].lower()) == len(n.shifts) and bool(n.hours) and \
            all(n.hours.get(s) == float(m["h"]) for s in n.shifts)

    n.take(r"\b(?P<k>\d|two|three|four)\s+(?P<h>\d{1,2})[- ]hours?\s+shifts\s+(?:per|a|each)\s+day\b", lasting)
    n.take(rf"\b(?P<who>{NAME})\s+(?:can|will)\s+(?:do|work|take)\s+(?:anything|any\s+(?:shift|day)|everything|whatever)\b"
           r"(?:\s+(?:we\s+need|you\s+give\s+(?:him|her|them)|is\s+needed))?",
           lambda m: m["who"] in n.staff)  # 'Kofi can do anything': no rule of his own
    n.take(HISTORY.pattern + r"(?=\s*(?:[.\n]|$))", lambda m: True, re.MULTILINE)  # what was, no rule
    n.take(r"(?i)\(\s*(?:some|a\s+few|several|most)\s+of\s+(?:the\s+)?(?:team|staff|us|people)\s+would\s+(?:rather|prefer|"
           r"like\s+to)\s+[^()\d\n]{0,60}\)", lambda m: n.objective == [{"term": "staff_count"}])  # why fewer people

