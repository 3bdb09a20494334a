"""People of a roster listed one per line, each with pay, days and shifts and a limit: '- Ana, £12/hour, can do
any day, but no more than 4 shifts this week', '- Dev, £10/hour, only Monday, Wednesday and Friday (he's at
college the other days), max 3 shifts', '- Maria, €16/h, can't do Wednesdays'. Each part of a line must be read,
or the whole line is left (and, unread, asked about). Also the demands said per day in one sentence: 'I need at
least 2 people on Monday, 2 on Tuesday and 3 on Friday'."""

from __future__ import annotations

import re

from ordino.formulate.offline.availability import add_unavailable, names_days, unavailable
from ordino.formulate.offline.roster_clauses import CUES, read_clause
from ordino.formulate.offline.roster_draft import RosterDraft
from ordino.formulate.offline.staff import CURRENCY, PEOPLE, weekday
from ordino.formulate.offline.text import count_value, singular

_LINE = re.compile(r"(?m)^[ \t]*[-*\u2022][ \t]*(?P<name>[A-Z][\w'\u00c0-\u017f-]*)(?P<role>[ \t]*\([^()\n]{1,30}\))?"
                   r"[ \t]*[,:-]?[ \t]*(?P<rest>[^\n]*)$")
_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def read_people(n: RosterDraft) -> None:
    """Read every bulleted line naming one person (all such lines, or none: a list read in part is not read)."""
    lines = [m for m in _LINE.finditer(n.text) if not n.shift(m["name"]) and weekday(m["name"]) is None]  # not
    # '- Early: 2 people Mon-Fri', a line of the cover
    if len(lines) < 2 or n.staff and any(m["name"] not in n.staff for m in lines):
        return
    staff = list(n.staff) or [m["name"] for m in lines]
    if len(set(staff)) != len(staff):
        return
    saved, staff_before, hourly = n.checkpoint(), list(n.staff), dict(n.hourly)  # a line's parts may be read as
    # clauses of any kind: all of it is undone when one line is not read
    n.staff = staff
    caption = _CAPTION.search(n.text, 0, lines[0].start())  # 'My four staff and what each gets per shift:'
    if caption and (caption.end() != len(n.text[:lines[0].start()].rstrip()) or
                    caption["k"] and count_value(caption["k"].lower()) != len(lines)):
        caption = None
    for m in lines:  # a bracket after the name says a role ('(head cook)'), never a rule
        if m["role"] and not _reason(n, m["role"].strip()[1:-1], set(), None) or \
                not _person(n, m["name"], m["rest"], bool(caption)):
            n.restore(saved)
            n.staff, n.hourly = staff_before, hourly
            return
    for m in [*lines, *([caption] if caption else [])]:
        n.used[m.start():m.end()] = [True] * (m.end() - m.start())


_CAPTION = re.compile(rf"(?im)^[^\n.:]*?\b(?:(?P<k>two|three|four|five|six|seven|\d)\s+)?{PEOPLE}\b[^\n.:\d]{{0,40}}?"
                      r"\b(?:per|a|each)\s+shift\s*:[ \t]*$")
"""A caption that says the amounts of the lines below it are pay per shift ('My four staff and what each gets per
shift:'); its count, if any, is the number of lines."""


def _person(n: RosterDraft, who: str, rest: str, per_shift: bool = False) -> bool:
    """Read every part of one person's line; whether all were read. `per_shift`: a bare amount ('£62') is the pay
    of a shift, as the caption of the lines says."""
    parts: list[str] = []
    for p in re.split(r"\s*(?:[,;]|\.\s+|\bbut\b|\bso\b|\band\s+(?=(?:he|she|they|max|up|no|at|can|only|not)\b))\s*",
                      rest.strip().rstrip(".")):
        first = re.match(r"(?:and\s+)?([a-z]+)", p.strip().lower())
        last = re.search(r"([a-z]+)$", parts[-1].lower()) if parts else None
        if last and first and n.day_list(first.group(1)) and n.day_list(last.group(1)):  # 'only Monday,
            # Wednesday and Friday': one list
            parts[-1] += ", " + p.strip()
        elif p.strip():
            parts.append(p.strip())
    off_days: set[str] = set()
    only: str | None = None  # 'days' once the line said the only days
    for part in parts:
        part = re.sub(r"(?i)^(?:and|but|also)\s+", "", part)
        low = part.lower()
        if (pay := re.fullmatch(rf"(?:{CURRENCY}|eur|gbp|usd)?\s*(\d+(?:\.\d+)?)\s*(?:{CURRENCY}|eur|gbp|usd)?\s*"
                                r"(?:/\s*h(?:our|r)?|per\s+hour|an\s+hour)", low)):  # '$15/h', '15/h', '15 eur/h'
            n.hourly[who] = float(pay.group(1))
            continue
        if (pay := re.fullmatch(rf"{CURRENCY}\s*(\d+(?:\.\d+)?)\s*(?:(?:/|per|a)\s*(?:shift|day)"
                                rf"{'|' if per_shift else ''})", low)):
            for s in n.shifts:
                for d in n.days:
                    n.costs[(who, s, d)] = float(pay.group(1))
            continue
        if (most := re.fullmatch(r"(?:(?:he|she|they)\s+can\s+do\s+)?"
                                 r"(?:no\s+more\s+than|max(?:imum)?|up\s+to|at\s+most)\s+(\d+|one|two|three|four|five|six|seven)\s+shifts?(?:\s+(?:this|a|per|in\s+the)"
                                 r"\s+week)?", low)):
            k = most.group(1)
            n.rules.append({"type": "count", "per": ["staff"], "staff": [who],
                            "max": int(k) if k.isdigit() else _NUMBER[k]})
            continue
        if re.fullmatch(r"(?:(?:he|she|they)\s+)?(?:can\s+do\s+|is\s+)?(?:available\s+)?(?:any\s+day|anything|"
                        r"any\s+shift|every\s+day)(?:\s+any\s+(?:day|shift))?(?:\s+all\s+week)?", low):
            continue
        reason = re.search(r"\((?P<r>[^()]*)\)$", part)
        if reason is not None:
            low, part = low[:low.rfind("(")].strip(), part[:part.rfind("(")].strip()
        low = re.sub(r"\s+at\s+all$", "", low)  # 'can't work Wednesday at all'
        low = re.sub(r"^(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+(?=off\b|away\b|on\s+leave\b|not\b)", "", low)
        low = re.sub(r"^off\s+(?:all\s+(?:of\s+)?|all\s+day\s+)", "off ", low)  # 'off all of Wednesday'
        if low:
            ruled = _availability(n, who, low)
            if ruled is None:  # any other rule of the person: read as a clause about them ('can't do nights')
                bare = re.fullmatch(r"(?:max(?:imum)?|up\s+to|at\s+most|no\s+more\s+than)\s+\d+", low)
                if not (read_clause(n, f"{who} {part} shifts" if bare else f"{who} {part}") or _role(n, who, part)):
                    return False
                ruled = (set(), None)
            off_days |= ruled[0]
            only = only or ruled[1]
        if reason is not None and not _reason(n, reason["r"], off_days, only):
            return False
    return True


def _reason(n: RosterDraft, said: str, off_days: set[str], only: str | None) -> bool:
    """Whether a reason in brackets only says again what the line said ('(college on Wednesdays)' beside 'only
    Mon, Tue, Thu and Fri'; '(he's at college the other days)'; '(head cook)')."""
    days = n.day_list(said) if only else None  # '(Mon-Fri)' after 'weekdays only': the days said again
    if days and only and set(days) == set(n.days) - off_days:
        return True
    days = [day for w in re.findall(r"[a-z]+", said.lower())
            if (day := n.day_names.get(w) or n.day_names.get(w.rstrip("s")))]
    if days:
        return set(days) <= off_days
    if only and re.search(r"\bother\s+days\b", said) or re.fullmatch(r"(?i)\s*(?:either|any)\s+shift\s*", said):
        return True  # '(either shift)' after a day: a day is one shift
    return not re.search(r"\d|\b(?:not|only|never|except|no|max|min|most|least|shifts?)\b", said.lower())


_ROLE = re.compile(r"(?i)(?:(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+)?(?:(?:a|an|our|the)\s+)?"
                   r"[a-z][\w-]*(?:\s+[a-z][\w-]*)?")
"""What a person is, said beside their rules: 'agency nurse', 'casual', "he's part-time", "she's our supervisor"."""


def _aside(n: RosterDraft, part: str) -> bool:
    """A part of a person's line that only says what they are (`_ROLE`): no number, no name of a person, day or
    shift, and no word that limits."""
    words = re.findall(r"[^\W\d_]+", part.lower())
    return _ROLE.fullmatch(part.strip()) is not None and not n.people_in(part) and \
        not any(n.shift(w) or n.day_names.get(w) or n.day_names.get(w.rstrip("s")) for w in words) and \
        not CUES.search(part) and not re.search(r"\b(?:contract\w*|hours?|likes?|wants?|or|and|if|as)\b", part,
                                                 re.IGNORECASE)


def _role(n: RosterDraft, who: str, part: str) -> bool:
    """A part that only says what the person is (`_aside`); one word ('barista') is kept as a role they have, which a
    cover may count ('every shift needs at least one trained barista'); unused, it changes nothing."""
    if not _aside(n, part):
        return False
    words = re.findall(r"[a-z][\w-]*", part.lower())
    if len(words) == 1:  # ('agency nurse', 'part-time': how they are employed, never taken for a skill)
        noun = singular(words[0])
        n.skills[noun] = [*n.skills.get(noun, []), who]
        n.roles.add(noun)
    return True


def _availability(n: RosterDraft, who: str, low: str) -> tuple[set[str], str | None] | None:
    """Days or shifts off said in a part of a person's line (`availability.unavailable`): the days off, and 'days'
    when the part said the only days they work."""
    blocks = unavailable(n, low)
    if blocks is None:
        return None
    add_unavailable(n, who, blocks)
    off_days = {d for days, shifts in blocks if shifts == n.shifts for d in days}
    return off_days, "days" if names_days(n, low) else None


def read_day_demands(n: RosterDraft) -> None:
    """'I need at least 2 people on Monday, 2 on Tuesday, 3 on Wednesday and 3 on Friday', 'exactly 2 people on
    Monday to Thursday and exactly 3 on Friday', a line 'Mon 2 | Tue 2 | Sun 1' (one shift a day)."""
    if len(n.shifts) != 1:
        return
    item = (r"(?:(?:exactly|at\s+least)\s+)?(?P<k>\d+)\s+(?:(?:people|persons?|staff|workers?|nurses?)\s+)?"
            r"(?:on|for)\s+(?P<d>[A-Za-z]+(?:\s*(?:-|to|through)\s*[A-Za-z]+)?(?:\s*(?:,|and|&)\s*[A-Za-z]+)*?)"
            r"(?=\s*(?:,|\band\b|\.|;|$))")

    def sentence(m: re.Match[str]) -> bool:
        found: dict[str, int] = {}
        pieces = list(re.finditer(item, m["l"], re.IGNORECASE))
        covered = "".join(" " if any(p.start() <= k < p.end() for p in pieces) else ch for k, ch in enumerate(m["l"]))
        if not pieces or re.sub(r"(?i)\b(?:and|exactly|at\s+least)\b|[\s,.;]", "", covered):
            return False  # a piece of the sentence that is no demand
        for p in pieces:
            days = n.day_list(p["d"])
            if not days:
                return False
            found.update({d: int(p["k"]) for d in days})
        n.cover.update({(n.shifts[0], d): k for d, k in found.items()})
        return True

    n.take(r"\b(?:I|we)\s+need\s+(?P<l>(?:exactly|at\s+least)?[^.\n]+)", sentence)

    def line(m: re.Match[str]) -> bool:
        pairs = re.findall(r"([A-Za-z]+)\s+(\d+)", m.group(0))
        days = [n.day_list(d) for d, _ in pairs]
        if not all(d and len(d) == 1 for d in days):
            return False
        n.cover.update({(n.shifts[0], d[0]): int(k) for d, (_, k) in zip(days, pairs, strict=True) if d})
        return True

    n.take(r"(?m)^[ \t]*[A-Za-z]{3,9}\s+\d+(?:[ \t]*[|,][ \t]*[A-Za-z]{3,9}\s+\d+)+[ \t]*$", line)


def pay_by_the_hour(n: RosterDraft) -> bool:
    """Hourly pay times each shift's hours, for everyone paid by the hour; False when a shift's length is unknown."""
    if not n.hourly:
        return not n.hourly_extra
    if any(s not in n.hours for s in n.shifts):
        return False
    for who, rate in n.hourly.items():
        for s in n.shifts:
            for d in n.days:
                n.costs.setdefault((who, s, d), (rate + n.hourly_extra.get(d, 0.0)) * n.hours[s])  # (a shift's own
                # pay, said in a column or a sentence, wins)
    return True

