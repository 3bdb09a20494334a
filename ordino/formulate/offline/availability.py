"""When one person of a roster cannot work, read from a phrase by its parts rather than by whole phrasings.

A phrase ('Mon-Thu only (E or L)', 'not Sat or Sun', 'days only, no nights', 'any day but openings only', 'Night
shifts on Wed and Thu', 'Tuesdays off') is cut into tokens: lists of days, lists of shifts, 'all days' / 'all
shifts', a negation ('not', "can't", 'except', 'off'), 'only', and words that carry no meaning here ('do', 'work',
'on'). The tokens form clauses (split at commas, 'but' and each negation); a clause without a negation says when the
person can work, one with a negation when they cannot. Any other word makes the whole phrase unread (None), so a wish
('prefers nights') or a rule ('at most 3 shifts') is never taken for availability.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ordino.formulate.offline.roster_draft import RosterDraft

_TOKEN = re.compile(r"can\s+not|not\s+available|on\s+(?:annual\s+)?leave|[a-z0-9]+(?:'[a-z]+)?|\.\.|[-\u2013,;/&+]")
_NEGATION = {"not", "no", "never", "can't", "cannot", "can not", "doesn't", "don't", "won't", "isn't", "unavailable",
             "not available", "off", "away", "except", "without", "on leave", "on annual leave"}
_ONLY = {"only", "just", "solely", "exclusively"}
_LINK = {",", "and", "or", "/", "&", "+", "nor"}
_TO = {"-", "\u2013", "to", "through", "thru", "until", "till", ".."}
_BREAK = {";", "but", "though", "although", "however"}
_SHIFT_WORDS = {"shift", "shifts", "session", "sessions", "service", "services"}
_FILLER = {"do", "does", "work", "works", "working", "on", "the", "a", "an", "available", "free", "can", "he", "she",
           "they", "is", "are", "at", "all", "either", "be", "in", "of", "day", "days", "this", "week", "any", "every",
           "rostered", "scheduled", "happy", "to", "fine", "with", "he's", "she's", "they're", "also", "for",
           *_SHIFT_WORDS}


@dataclass
class _Clause:
    """A clause of a phrase: the days and shifts it names (None: not said) and whether it is negated."""

    days: list[str] | None = None
    shifts: list[str] | None = None
    negated: bool = False
    only: bool = False
    said: bool = False  # whether it names anything (a day, a shift, or all of either)
    kinds: list[str] = field(default_factory=list)  # 'day' / 'shift', in the order the clause names them


def unavailable(n: RosterDraft, phrase: str, bare_off: bool = False,
                off_heading: bool = False) -> list[tuple[list[str], list[str]]] | None:
    """The blocks (days, shifts) a person cannot work, from a phrase about them; None when a word is not read.
    `bare_off`: a clause with neither a negation nor 'only' names time off ('Sat, Sun' under 'Restrictions');
    `off_heading`: the phrase is under a heading that says they cannot work, so even 'Monday Early only' is time off
    (and a negation in it is not read)."""
    clauses = _clauses(n, phrase.lower())
    if clauses is None or not any(c.said for c in clauses) or off_heading and any(c.negated for c in clauses):
        return None
    for c in clauses:
        c.negated = c.negated or off_heading or bare_off and not c.only
    allowed = _allowed(n, [c for c in clauses if not c.negated])
    if not allowed:
        return None  # clauses that contradict ('Mon only, Tue only'), or no cell left: never read as 'never works'
    off = {(d, s) for d in n.days for s in n.shifts if (d, s) not in allowed}
    for c in clauses:
        if c.negated:
            off |= {(d, s) for d in c.days or n.days for s in c.shifts or n.shifts}
    return _blocks(n, off)


def names_days(n: RosterDraft, phrase: str) -> bool:
    """Whether a phrase says the days someone works ('weekdays only', 'Mon, Wed and Thu'), not days off."""
    clauses = _clauses(n, phrase.lower()) or []
    return any(c.days is not None and not c.negated for c in clauses)


def add_unavailable(n: RosterDraft, who: str, blocks: list[tuple[list[str], list[str]]]) -> None:
    """Keep `who` off each block (a block of all days or all shifts says only the other part)."""
    for days, shifts in blocks:
        n.rules.append({"type": "unavailable", "staff": [who],
                        **({"shifts": shifts} if shifts != n.shifts else {}),
                        **({"days": days} if days != n.days else {})})


def _allowed(n: RosterDraft, clauses: list[_Clause]) -> set[tuple[str, str]] | None:
    """The cells the clauses without a negation allow: each clause of one kind narrows the days or the shifts; clauses
    naming both ('Mon AM, Tue PM') are cells, and are not mixed with clauses of one kind (None)."""
    said = [c for c in clauses if c.said]
    both = [c for c in said if c.days is not None and c.shifts is not None]
    if both and len(both) != len(said):
        if len(both) > 1:
            return None
        days = [d for c in said for d in (c.days or [])]
        shifts = [s for c in said for s in (c.shifts or [])]
        return {(d, s) for d in days for s in shifts}
    if both:
        return {(d, s) for c in both for d in c.days or [] for s in c.shifts or []}
    day_set, shift_set = set(n.days), set(n.shifts)
    for c in said:
        day_set &= set(n.days if c.days is None else c.days)
        shift_set &= set(n.shifts if c.shifts is None else c.shifts)
    return {(d, s) for d in day_set for s in shift_set}


def _blocks(n: RosterDraft, off: set[tuple[str, str]]) -> list[tuple[list[str], list[str]]]:
    """The cells off, as blocks: days with the same shifts off together, in the roster's order."""
    by_day: dict[tuple[str, ...], list[str]] = {}
    for d in n.days:
        shifts = tuple(s for s in n.shifts if (d, s) in off)
        if shifts:
            by_day.setdefault(shifts, []).append(d)
    return [(days, list(shifts)) for shifts, days in by_day.items()]


def _clauses(n: RosterDraft, low: str) -> list[_Clause] | None:
    """The clauses of a phrase, or None when a word in it is neither a day, a shift, a negation nor a filler."""
    tokens = _TOKEN.findall(re.sub(r"[()\[\]]", " , ", low))
    out = [_Clause()]
    k = 0
    while k < len(tokens):
        t = tokens[k]
        c = out[-1]
        span = _mention(n, tokens, k)
        if span is not None:
            kind, ids, k = span
            if kind in c.kinds and c.kinds[-1] != kind:
                return None  # 'Mon AM Tue': days, shifts, then days again in one clause
            setattr(c, "days" if kind == "day" else "shifts",
                    [*(getattr(c, "days" if kind == "day" else "shifts") or []), *ids])
            c.kinds += [] if kind in c.kinds else [kind]
            c.said = True
            continue
        k += 1
        if t in _NEGATION:
            if c.said and not c.negated and not c.only and t in ("off", "unavailable", "away"):
                c.negated = True  # 'Tuesdays off': a negation after what it negates
            elif c.said or c.only or c.negated:
                out.append(_Clause(negated=True))
            else:
                c.negated = True
        elif t in _ONLY:
            if c.negated and not c.said:
                return None  # 'not only'
            c.only = True
        elif t in _BREAK or t == "," and c.said and _next_is_new(n, tokens, k, c):
            out.append(_Clause())
        elif t not in _FILLER and t not in _LINK:
            return None
    return out


def _next_is_new(n: RosterDraft, tokens: list[str], k: int, c: _Clause) -> bool:
    """After a comma: whether a mention that follows starts a new clause: one of a kind the clause named before the
    last ('Mon AM, Tue PM'); the next item of a list ('Fri, Sat') and the other kind ('Tue (any shift)', 'Wed-Sun,
    AM or PM') continue it."""
    span = _mention(n, tokens, k) if k < len(tokens) else None
    return span is not None and span[0] in c.kinds and c.kinds[-1] != span[0]


def _mention(n: RosterDraft, tokens: list[str], k: int) -> tuple[str, list[str], int] | None:
    """The days or shifts named from token `k` on (a range 'Mon - Thu', 'any day', 'either shift', 'weekends'), their
    kind and the token after them; None when token `k` names neither."""
    t = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
    if t in ("any", "every", "all", "either", "both", "whole", "full") and nxt:
        if nxt in ("day", "days", "week") and t in ("any", "every", "all"):
            return "day", list(n.days), k + 2
        if nxt in _SHIFT_WORDS or nxt in ("time", "day") and t in ("any", "all", "whole", "full"):
            return "shift", list(n.shifts), k + 2  # 'either shift', 'any time', 'the whole day': every shift
    if t in ("anything", "anytime", "daily"):
        return ("day", list(n.days), k + 1) if t == "daily" else ("shift", list(n.shifts), k + 1)
    if t in ("day", "days") and nxt and _day(n, nxt) is not None:
        return _mention(n, tokens, k + 1)  # 'day 2', 'days 4-5'
    day = _day(n, t)
    if day is not None:
        if k + 2 < len(tokens) and tokens[k + 1] in _TO and (last := _day(n, tokens[k + 2])) is not None:
            a, b = n.days.index(day[0]), n.days.index(last[-1])
            return ("day", n.days[a:b + 1], k + 3) if a <= b else None
        return "day", day, k + 1
    two = f"{t} {nxt}"
    if nxt and n.shift(two) is not None:
        return "shift", [n.shift(two) or ""], k + 2
    shift = n.shift(t)
    return None if shift is None else ("shift", [shift], k + 1)


def _day(n: RosterDraft, word: str) -> list[str] | None:
    """The days one word names ('wed', 'wednesdays', 'weekends', 'weekdays', '3', 'd3')."""
    if word in ("weekend", "weekends", "weekday", "weekdays"):
        return n.day_list(word)
    one = n.day_names.get(word) or (n.day_names.get(word[:-1]) if word.endswith("s") else None)
    return [one] if one else None
