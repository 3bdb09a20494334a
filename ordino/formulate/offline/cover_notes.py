"""Shift cover written as notes: 'Periods t = 1..5 (no wrap-around), demand b = (2, 5, 4, 6, 3)', shift types as
windows ('any 3 consecutive periods', 'any 5-consecutive-hour shift inside 1..10 (start 1..6), cost 60') or as
lines ('A {1,2,3} 110', 'S1: [1,4], c=5'), and the goal (fewest workers, or the least cost). Integer numbers of
people per shift type cover each period's demand.

All or nothing: a model only when every word left over is one of the words such notes use to restate the model
('coverage in each period >= b_t', 'integer number of workers per shift, unlimited supply'); else nothing, and
the other cover readers (which ask about what they cannot read) take the text."""

from __future__ import annotations

import re

from pydantic import ValidationError

from ordino.formulate.offline.marked import TO, Marked
from ordino.models.linear import LinearModel

_V = r"\d+(?:\.\d+)?"
_LIST = r"\(\s*(?P<v>\d+(?:\s*,\s*\d+)+)\s*\)"
_SAID = re.compile(
    r"(?i)\b(?:and|or|the|a|an|in|of|on|at|to|for|per|each|every|all|any|is|are|has|have|so|that|with|inside|"
    r"integer|integers|number|numbers|worker|workers|person|people|persons|staff|agents?|employees?|nurses?|"
    r"shifts?|shift\s+types?|types?|period|periods|hour|hours|covered|covers?|coverage|cover|inclusive|cost|costs|"
    r"choose|least|at\s+least|on\s+duty|duty|unlimited|supply|s\.t\.|subject|does|do|one|b_?[a-z]|[a-z]|"
    r"demand|required|need|needs|find|s\.t|on-duty|assigned|[a-z]_[a-z])\b|>=|\u2200\s*[a-z]\b|[\s,.:;()\[\]{}|/=?'\"-]")
"""Words the notes use to restate the model: each period's demand is covered by integer numbers of people."""


class _Cover(Marked):
    """The text, what is used of it, the periods, the demands, the shift types and the goal."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.n = 0
        self.prefix = "t"
        self.cyclic: bool | None = None
        self.demand: list[int] = []
        self.types: dict[str, tuple[list[int], float | None]] = {}  # name -> (periods covered, 0-based; cost)
        self.goal: str | None = None
        self.hours = 0  # the length of a period, when said

    def window(self, first: int, size: int) -> list[int] | None:
        """The periods (0-based) of a shift of `size` periods starting at period `first` (1-based)."""
        if first < 1 or first > self.n or size < 1 or size > self.n:
            return None
        if first - 1 + size > self.n and not self.cyclic:
            return None
        return [(first - 1 + k) % self.n for k in range(size)]


def read_cover_notes(text: str) -> LinearModel | None:
    """The cover model of shift cover notes, or None when any part of them is not read."""
    c = _Cover(text.replace("\u2013", "-").replace("\u2192", "->"))

    def periods(m: re.Match[str]) -> bool:
        if c.n:
            return False
        c.n, c.prefix = int(m["n"]), (m["i"] or "t").lower()
        return c.n >= 2

    c.take(rf"\b(?:periods?|hours?|slots?)\s+(?:(?P<i>[a-z])\s*=\s*)?1{TO}(?P<n>\d+)\b", periods)
    c.take(rf"\b(?:[a-z]\s*=\s*)?(?P<n>\d+)\s+(?:[a-z-]+\s+)?periods\s*\(\s*(?P<i>[a-z])\s*=\s*1{TO}(?P=n)\s*\)",
           periods)
    c.take(r"\b(?P<n>\d+)\s+periods\s+of\s+\d+\s*h(?:ours?)?\b(?P<i>)(?:\s*\((?:\s*t\s*=\s*\d+\s*:\s*\d+\s*-\s*\d+\s*,?"
           r"|\s*\.\.\.\s*,?)+\s*\))?", periods)
    if not c.n:
        return None

    def length(m: re.Match[str]) -> bool:
        c.hours = c.hours or int(m["h"])
        return c.hours == int(m["h"])

    c.take(r"(?:,\s*|\bof\s+)(?P<h>\d+)\s*h(?:ours?)?\s+each\b", length)
    c.take(rf"\b(?P<h>1)\s*-?\s*hour(?:ly)?\s+(?=periods?\s+[a-z]\s*=\s*1{TO})", length)
    c.take(rf"\b{c.n}\s+(?=(?:hourly\s+)?periods?\s+[a-z]\s*=\s*1{TO}{c.n}\b)", lambda m: True)
    c.take(r"\(\s*(?:[a-z]\s*=\s*1\s+is\s+|[a-z]1\s*=\s*)?\d{1,2}(?::\d\d)?\s*-\s*\d{1,2}(?::\d\d)?"
           r"(?:\s*,\s*(?:(?:[a-z]\s*=\s*\d+\s+is\s+|[a-z]\d+\s*=\s*)?\d{1,2}(?::\d\d)?\s*-\s*\d{1,2}(?::\d\d)?|"
           r"\.\.\.))*\s*\)",
           lambda m: _clock_periods(c, m.group(0)))

    def wraps(on: bool) -> bool:
        if c.cyclic not in (None, on):
            return False  # said both ways
        c.cyclic = on
        return True

    c.take(r"\(?\s*(?:no\s+wrap-around|not\s+cyclic)\s*\)?", lambda m: wraps(False))
    c.take(r"\(\s*shift\s+\d+\s+covers\s+[^()\n]{0,40}\bof\s+the\s+next\s+day\s*\)", lambda m: wraps(True))
    c.take(r",?\s*\bcyclic\b|\(\s*wraps?(?:\s+around)?\s*\)|\b(?:the\s+same\s+pattern|(?:the\s+)?day)\s+repeats\s+"
           r"(?:every\s+day|cyclically|daily)\b|\(\s*wrap(?:s|ping)?\s+past\s+midnight\s+(?:is\s+)?allowed\s*\)|"
           r"\b[a-z](?P<last>\d+)\s*->\s*[a-z]1\s+wraps\s+(?:a)?round(?:\s+midnight)?\b",  # 'P6 -> P1 wraps around'
           lambda m: (m["last"] is None or int(m["last"]) == c.n) and wraps(True))

    def demand(m: re.Match[str] | dict[str, str]) -> bool:
        values = [int(v) for v in m["v"].split(",")]
        if c.demand or len(values) != c.n:
            return False
        c.demand = values
        return True

    c.take(rf"\b(?:demand|required\s+[a-z]+|need|min\s+staff)\w*(?:\s+per\s+period)?\s*:?\s*(?:[a-z](?:_[a-z])?\s*)?"
           rf"(?:=|:|>=)\s*{_LIST}",
           demand)
    c.take(rf"(?m)^[ \t]*[bdr](?:_[a-z])?\s*=\s*{_LIST}", demand)  # 'd = (3, 2, 5)' on a line of its own
    c.take(r"\b(?:(?:demand|required\s+staff|need|min\s+staff)\w*\s*)?[a-z]_[a-z]\s*(?:\([^()\n]{0,30}\)\s*)?:\s*"
           r"(?P<v>\d+(?:[ \t]+\d+)+)(?=[ \t]*(?:[.;\n]|$))", lambda m: demand(_spaced(m)))
    _read_types(c)
    _read_matrix(c)

    def goal(m: re.Match[str]) -> bool:
        c.goal = c.goal or ("cost" if m["cost"] else "people")
        return c.goal == ("cost" if m["cost"] else "people")

    c.take(r"\bmin(?:imi[sz]e)?\s+(?:the\s+)?(?:(?P<cost>total\s+cost|(?:\u03c3|\u03a3|\u2211|sum)_?[a-z]?\s*c(?:ost)?_[a-z]\s*"
           r"(?:\*|\u00b7)?\s*x_[a-z])|(?:number\s+of\s+|#\s*)(?:workers|people|staff|"
           r"agents|nurses|employees)|head\s*-?\s*count(?:\s+per\s+day)?|total\s+staff(?:\s+sum_[a-z]\s+x_[a-z])?)\b",
           goal)
    c.take(r"\bx_[a-z]\s*(?:>=|(?:\u2208|in)\s*z\s*(?:>=|\u2265|_?\+|\+))\s*0?\b", lambda m: True)  # 'x_k in Z>=0'
    left = _SAID.sub(" ", c.unused()).strip()
    if _RULE_LEFT.search(left) or not c.demand or not c.types or c.goal is None:
        return None
    return _model(c)


_RULE_LEFT = re.compile(r"\d|\b(?:not|no|only|never|except|unless|but|without|max\w*|min\w*|most|least|more|less|"
                        r"fewer|limit\w*|cap\w*|overtime|break\w*|cannot|can't|exactly|up\s+to|within|before|after|"
                        r"until|between|prefer\w*|penalt\w*|cost\w*|pay\w*|wage\w*)\b", re.IGNORECASE)
"""What left over makes the notes unread: a number, or a word that limits, orders or prices (a title such as
'Call-centre cover' or 'Cyclic daily cover' is no rule)."""


def _clock_periods(c: _Cover, said: str) -> bool:
    """'(00-04, 04-08, ...)', '(k = 1 is 00:00-03:00)', '(09:00-17:00)': the periods' hours, which must fit the
    periods read (their number and length)."""
    spans = [(int(a), int(b)) for a, b in re.findall(r"(\d{1,2})(?::\d\d)?\s*-\s*(\d{1,2})", said)]
    if not spans:
        return False
    if len(spans) == 1 and "is" not in said:  # the whole day's hours
        whole = (spans[0][1] - spans[0][0]) % 24 or 24
        c.hours = c.hours or whole // c.n
        return c.hours * c.n == whole
    step = (spans[0][1] - spans[0][0]) % 24 or 24
    c.hours = c.hours or step
    return c.hours == step and all((b - a) % 24 == step % 24 for a, b in spans) and (
        "..." in said or len(spans) == c.n or " is " in said)


def _spaced(m: re.Match[str]) -> dict[str, str]:
    """A demand list written with blanks, as one written with commas."""
    return {"v": ",".join(m["v"].split())}


def _read_types(c: _Cover) -> None:
    """Windows ('any 3 consecutive periods', '... (start 1..6), cost 60') and listed types ('A {1,2,3} 110',
    'S1: [1,4], c=5')."""
    def windows(m: re.Match[str]) -> bool:
        size = int(m["k"])
        starts = range(int(m["a"]), int(m["b"]) + 1) if m["a"] else range(1, c.n + 1)
        if c.cyclic is None and not m["a"]:
            return False  # whether a window may wrap round is not said
        cost = float(m["c"]) if m["c"] else None
        for s in starts:
            covered = c.window(s, size)
            if covered is None:
                if m["a"]:
                    return False  # a start said that does not fit
                continue
            c.types[f"{size}@{s}"] = (covered, cost)
        return True

    c.take(rf"\bany\s+(?P<k>\d+)[- ]consecutive[- ](?:periods?|hours?|slots?)(?:[- ]shifts?)?"
           rf"(?:\s+inside\s+1{TO}\d+)?(?:\s*\(\s*start\s+(?P<a>\d+){TO}(?P<b>\d+)\s*\))?(?:\s*,\s*cost\s+(?P<c>{_V}))?",
           windows)
    c.take(rf"\bshift\s*=\s*(?P<k>\d+)\s+consecutive\s+periods,?\s*(?:may|can)\s+start\s+at\s+t\s*=\s*(?P<a>\d+){TO}"
           rf"(?P<b>\d+)(?P<c>)", windows)

    def any_start(m: re.Match[str]) -> bool:  # '12-h shifts: 4 consecutive periods, may start at any period'
        return (not m["h"] or int(m["h"]) == int(m["k"]) * c.hours) and windows(m)

    c.take(r"\b(?:(?P<h>\d+)[- ]?h(?:ours?|our)?\s+)?shifts?\s*(?::|=)\s*(?P<k>\d+)\s+consecutive\s+periods,?\s*"
           r"(?:and\s+)?(?:(?:that\s+)?(?:may|can)\s+start\s+(?:at|in)\s+any\s+period)(?P<a>)(?P<b>)(?P<c>)", any_start)
    # ('each worker does one 8 h shift = 2 consecutive periods and may start at any period')

    def grouped(m: re.Match[str]) -> bool:  # 'F1, F3: 8-h shifts starting at t = 1, 3 (cover t..t+7), cost 8 each'
        ids = re.split(r"\s*,\s*", m["ids"])
        starts = [int(v) for v in re.split(r"\s*,\s*", m["st"])]
        size = int(m["k"]) + 1
        if len(ids) != len(starts) or c.hours and int(m["h"]) != size * c.hours or any(i in c.types for i in ids):
            return False
        for i, s in zip(ids, starts, strict=True):
            covered = c.window(s, size)
            if covered is None:
                return False
            c.types[i] = (covered, float(m["c"]))
        return True

    c.take(rf"(?P<ids>[A-Z]\w*(?:\s*,\s*[A-Z]\w*)+)\s*:\s*(?P<h>\d+)-?\s*h\s+shifts\s+starting\s+at\s+t\s*=\s*"
           rf"(?P<st>\d+(?:\s*,\s*\d+)+)\s*\(\s*cover\s+t\s*\.\.\s*t\s*\+\s*(?P<k>\d+)\s*\)\s*,\s*cost\s+(?P<c>{_V})\s+each",
           grouped)
    c.take(r"\bshift\s+types\s*:", lambda m: bool(c.types))

    def indexed(m: re.Match[str]) -> bool:  # 'Shift s (s = 1..6) starts at period s and lasts 8 h, covering s, s+1'
        steps = [int(x) for x in re.findall(r"\+\s*(\d+)", m["cov"] or "")]
        size = len(steps) + 1 if m["cov"] else 0
        if steps != list(range(1, size)) or int(m["b"]) != c.n:
            return False
        if m["h"]:
            if not c.hours or int(m["h"]) % c.hours or size and size != int(m["h"]) // c.hours:
                return False
            size = int(m["h"]) // c.hours
        if c.cyclic is None or not size:
            return False
        for s in range(1, c.n + 1):
            covered = c.window(s, size)
            if covered is None:
                return False
            c.types[f"{size}@{s}"] = (covered, None)
        return True

    c.take(rf"\bshift\s+(?P<v>[a-z])\s*\(\s*(?P=v)\s*=\s*1{TO}(?P<b>\d+)\s*\)\s+starts\s+(?:at\s+)?(?:the\s+"
           rf"(?:beginning|start)\s+of\s+)?period\s+(?P=v)(?:\s+and\s+lasts\s+(?P<h>\d+)\s*h(?:ours?)?)?"
           rf"(?:\s*,?\s*covering\s+periods\s+(?P<cov>(?P=v)(?:\s*(?:,|and)\s*(?P=v)\s*\+\s*\d+)+))?", indexed)

    def listed(m: re.Match[str]) -> bool:
        if m["set"]:
            members = [int(v) for v in re.findall(r"\d+", m["set"])]
        else:
            members = list(range(int(m["a"]), int(m["b"]) + 1)) if int(m["a"]) <= int(m["b"]) else \
                list(range(int(m["a"]), c.n + 1)) + list(range(1, int(m["b"]) + 1))
        if m["id"] in c.types or any(not 1 <= k <= c.n for k in members):
            return False
        c.types[m["id"]] = ([k - 1 for k in members], float(m["c"]))
        return True

    c.take(rf"(?m)^[ \t]*(?P<id>[A-Z][A-Za-z0-9]{{0,5}})\s*:?\s*(?:\{{(?P<set>\d+(?:\s*,\s*\d+)*)\}}|"
           rf"\[\s*(?P<a>\d+)\s*,\s*(?P<b>\d+)\s*\])\s*,?\s*(?:c\s*=\s*)?(?P<c>{_V})[ \t]*$", listed)
    c.take(rf"(?m)^[ \t]*(?P<id>[A-Z][A-Za-z0-9]{{0,5}})\s*:\s*(?P<set>)(?P<a>\d+)\s*-\s*(?P<b>\d+)\s*[;,]\s*"
           rf"(?P<c>{_V})[ \t]*$", listed)  # 'S1: 1-4; 60' under 'Shift types (periods covered; cost per agent)'


def _read_matrix(c: _Cover) -> None:
    """Shift types as rows of 0/1 under the periods' numbers, with each one's cost after a bar ('t: 1 2 3 4 | c_j',
    then 'S1  1 1 0 0 | 4'); a bracket after a row that only names its kind ('(split shift)') is read with it."""
    numbers = r"[ \t]+".join(str(k) for k in range(1, c.n + 1))
    head = re.search(rf"(?m)^[ \t]*(?:[a-z]\s*:)?[ \t]*{numbers}[ \t]*\|[ \t]*c(?:_?[a-z])?[ \t]*$", c.text)
    if head is None or any(c.used[head.start():head.end()]):
        return
    rows = list(re.finditer(rf"(?m)^[ \t]*(?P<id>[A-Z][A-Za-z0-9]{{0,5}})[ \t]+(?P<bits>[01](?:[ \t]+[01])*)[ \t]*"
                            rf"\|[ \t]*(?P<c>{_V})[ \t]*(?:\([a-z -]{{1,30}}\))?[ \t]*$", c.text[head.end():]))
    if not rows or any(len(r["bits"].split()) != c.n or r["id"] in c.types for r in rows):
        return
    for r in rows:
        c.types[r["id"]] = ([k for k, bit in enumerate(r["bits"].split()) if bit == "1"], float(r["c"]))
    for a, b in [head.span(), *((head.end() + r.start(), head.end() + r.end()) for r in rows)]:
        c.used[a:b] = [True] * (b - a)
    first, last = rows[0]["id"], rows[-1]["id"]
    c.take(rf"\b{re.escape(first)}\s*(?:\.\.\.?|\u2026|-|to)\s*{re.escape(last)}\b", lambda m: True)  # 'S1..S7'
    c.take(r"\ba_[a-z]{2}\s*=\s*1\s+if\s+(?:shift\s+)?[a-z]\s+covers\s+(?:period\s+)?[a-z]\b(?:\s*,?\s*(?:else|otherwise)"
           r"\s+0)?", lambda m: True)  # what the matrix means


def _model(c: _Cover) -> LinearModel | None:
    if c.goal == "cost" and any(cost is None for _, cost in c.types.values()):
        return None
    if any(not any(p in on for on, _ in c.types.values()) for p in range(c.n)):
        return None  # a period no shift covers
    names = {t: t if "@" not in t else f"{t.split('@')[0]} periods from {c.prefix}{t.split('@')[1]}"
             for t in c.types}  # a listed type keeps the name the text gives it
    variables = [{"name": names[t], "kind": "integer", "lower": 0} for t in c.types]
    constraints = [{"name": f"cover {c.prefix}{p + 1}", "terms": {names[t]: 1.0 for t, (on, _) in c.types.items()
                                                                  if p in on},
                    "sense": ">=", "rhs": float(need)} for p, need in enumerate(c.demand)]
    terms = {names[t]: (cost or 0.0) if c.goal == "cost" else 1.0 for t, (_, cost) in c.types.items()}
    try:
        return LinearModel.model_validate({"family": "linear", "variables": variables, "constraints": constraints,
                                           "objective": {"sense": "min", "terms": terms}})
    except ValidationError:
        return None
