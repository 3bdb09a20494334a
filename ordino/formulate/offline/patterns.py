"""Staffing by work patterns: a demand per period and a list of patterns, each saying in which periods a person on
it works ('a1 = 11100, c = 3', 'Pattern A:  X  X  .  X'), with a cost or none. Read into a linear model: x_p
people work pattern p, every period's demand is covered, the total cost (or the number of people) is least."""

from __future__ import annotations

import re

from ordino.formulate.offline.staff import DAY, day_index, weekday_rows
from ordino.formulate.questions import Question
from ordino.models.linear import LinearModel

_DEMAND = re.compile(r"(?im)(?:\b(?:demand|required|requirements?|need(?:ed)?|min(?:imum)?\s+staff)\b[^\n:=(]{0,30}"
                     r"(?:[:=]\s*|\s)\(?\s*|\bb(?:_?[a-z])?\s*=\s*\(\s*)"
                     r"(?P<l>\d+(?:\s*,\s*\d+)+|\d+(?:[ \t]+\d+)+)\s*\)?")
"""The demand per period: 'demand b = (4, 6, 5)', 'Required:  3  5  7'."""
_BITS = re.compile(r"(?im)^[ \t*-]*(?P<name>[a-z][\w-]{0,15}(?:[ \t][a-z0-9][\w-]{0,10})?)[ \t]*[:=][ \t]*"
                   r"(?P<bits>[01](?:[ \t]*[01])+|[x.\-](?:[ \t]+[x.\-])+)"
                   r"(?:[ \t]*[,;][ \t]*(?:c(?:ost)?|price)[ \t]*[:=]?[ \t]*[$\u20ac\u00a3]?(?P<cost>\d+(?:\.\d+)?))?"
                   r"[ \t]*$")
"""A pattern: 'a1 = 11100, c = 3', 'Pattern A:  X  X  .  X  .  .' (1 or X: works that period)."""
_BITS_ROW = re.compile(r"(?im)^[ \t|*-]*(?P<name>[a-z][\w-]{0,15})[ \t|]+(?P<bits>(?:[x.\-][ \t|]+)+[x.\-])"
                       r"(?:[ \t|]+[$\u20ac\u00a3]?(?P<cost>\d+(?:\.\d+)?))?[ \t|]*$")
"""A pattern's row under a header of periods: 'FT-Mon   x  x  x  x  .  .   520' (its cost in the last column)."""
_WEEKDAY = DAY.replace("(", "(?:", 1)  # a weekday, as the rosters read it (no group of its own)
_COST_GOAL = re.compile(r"(?i)\bcheapest\b|\b(?:min(?:imi[sz]e)?|minimum|lowest|least)\b[^.\n]{0,30}\bcosts?\b")
_COUNT_GOAL = re.compile(r"(?i)\b(?:min(?:imi[sz]e)?|minimum|fewest|as few|smallest|how many)\b[^.\n]{0,40}"
                         r"\b(?:staff|people|workers|persons|employees|number)\b")


_DAYS_ROW = re.compile(rf"(?im)^[ \t|*-]*(?P<name>[a-z][\w-]{{0,15}})[ \t]*[|:][ \t]*"
                       rf"(?P<days>{_WEEKDAY}(?:[ \t]*,[ \t]*{_WEEKDAY})+)(?:[ \t]*\([^()\d\n]{{1,30}}\))?"
                       r"[ \t]*[|,][ \t]*[$\u20ac\u00a3]?"
                       r"(?P<cost>\d+(?:\.\d+)?)[ \t|]*$")
"""A pattern's row naming the days it works and its cost: '| P1 | Mon, Tue, Wed, Thu, Fri | 900 |', '| P8 | Sat, Sun
(part-time) | 450 |'."""


def _header_days(text: str) -> list[int] | None:
    """The weekdays of the first line that names three or more and holds no number, in its order."""
    header = next((line for line in text.splitlines() if len(re.findall(rf"(?i)\b{_WEEKDAY}\b", line)) >= 3
                   and not re.search(r"\d", line)), None)
    days = [day_index(d) for d in re.findall(rf"(?i)\b{_WEEKDAY}\b", header or "")]
    return [d for d in days if d is not None] if header is not None and None not in days else None


def looks_like_pattern_cover(text: str) -> bool:
    """A demand per period and at least two work patterns of its length."""
    demand = _demand(text)
    return demand is not None and len(_patterns(text, len(demand))) >= 2


def _demand(text: str) -> list[int] | None:
    """The demand per period in order: a list ('b = (4, 6, 5)'), or per weekday ('Mon 5, Tue 6') in the order of
    a header line of weekdays over the patterns."""
    m = _DEMAND.search(text)
    if m:
        return [int(v) for v in re.findall(r"\d+", m.group("l"))]
    under = next((needs for days, needs in weekday_rows(text) if len(days) >= 3), None)  # '| Min | 6 | 5 ...'
    if under is not None:
        return [int(k) for k in under]
    said = dict(re.findall(rf"(?i)\b({_WEEKDAY})\s*[:=]?\s*(\d+)\b(?!\s*[:.]\d)", text))
    days = _header_days(text)
    if days is None or len(said) < 3:
        return None
    needs = {day_index(d): int(v) for d, v in said.items()}
    return [needs[d] for d in days] if set(days) == set(needs) else None


def _patterns(text: str, periods: int) -> list[tuple[str, list[int], float | None]]:
    """(name, 0/1 per period, cost) of each pattern line as long as the demand."""
    found = []
    for m in [*_BITS.finditer(text), *_BITS_ROW.finditer(text)]:
        bits = [1 if b in "1xX" else 0 for b in re.sub(r"[ \t]", "", m.group("bits"))]
        if len(bits) == periods:
            found.append((m.group("name").strip(), bits, float(m.group("cost")) if m.group("cost") else None))
    days = _header_days(text) or []
    for m in _DAYS_ROW.finditer(text) if len(days) == periods else ():
        worked = {day_index(d) for d in re.findall(rf"(?i)\b{_WEEKDAY}\b", m.group("days"))}
        if worked <= set(days):  # 'Mon, Tue, Wed, Thu, Fri': 1 on those days of the demand's header
            found.append((m.group("name").strip(), [int(d in worked) for d in days], float(m.group("cost"))))
    return found


def read_pattern_cover(text: str) -> tuple[LinearModel | None, list[Question], list[str]]:
    """The pattern cover model of a staffing text, or the questions that would complete it."""
    demand = _demand(text) or []
    patterns = _patterns(text, len(demand))
    names = [n for n, _, _ in patterns]
    if len(set(names)) != len(names):
        return None, [Question(key="patterns", text=f"Two patterns share a name ({', '.join(names)}); name each "
                               "pattern once.")], []
    priced = [c for _, _, c in patterns if c is not None]
    by_cost = bool(_COST_GOAL.search(text))
    if by_cost and len(priced) != len(patterns):
        return None, [Question(key="costs", text="What does a person on each pattern cost? (e.g. 'a1 = 11100, "
                               "c = 3')")], []
    if not by_cost and not _COUNT_GOAL.search(text):
        return None, [Question(key="objective", text="What should be minimised? (the number of people, or the cost "
                               "of each pattern)", choices=["people", "cost"])], []
    bare = [str(p + 1) for p in range(len(demand)) if demand[p] > 0 and not any(b[p] for _, b, _ in patterns)]
    if bare:
        return None, [Question(key="patterns", text=f"No pattern works period {', '.join(bare)}; which pattern "
                               "covers it?")], []
    variables = [{"name": n, "kind": "integer", "lower": 0} for n in names]
    constraints = [{"name": f"cover period {p + 1}", "terms": {n: 1.0 for n, b, _ in patterns if b[p]},
                    "sense": ">=", "rhs": float(need)} for p, need in enumerate(demand)]
    terms = {n: (c or 0.0) if by_cost else 1.0 for n, _, c in patterns}
    model = LinearModel.model_validate({"family": "linear", "variables": variables, "constraints": constraints,
                                        "objective": {"sense": "min", "terms": terms}})
    goal = "their total cost" if by_cost else "the number of people"
    return model, [], [f"{len(patterns)} work patterns over {len(demand)} periods; {goal} is minimised"]
