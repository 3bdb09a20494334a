"""Days-off staffing over a repeating week: everyone works N consecutive days and then has the other 7 - N off,
starting on any day, and each weekday needs at least so many people ('Every technician works 5 days in a row,
then has 2 days off, repeating every week'). Read into a linear model: x_d people start their block on day d,
each day is covered by the blocks running over it (wrapping round the week), and the number of people is least.
Several contract types, one per table row with its block and its weekly cost ('| Part-time | 3 consecutive days
on, then 4 off | 520 |'), give x_d per type and the least total cost.

The week must be said to repeat (else a block starting on Friday might end on Sunday) and every number in the
text must be a demand, the block's length, the days off, a cost of a type or a week's seven days; otherwise
nothing is read and the other readers (which ask) take the text."""

from __future__ import annotations

import re
from collections import Counter

from ordino.formulate.offline.staff import DAY_IDS, weekday, weekday_rows
from ordino.formulate.offline.text import count_value
from ordino.models.linear import LinearModel

_N = r"(?:\d|one|two|three|four|five|six|seven)"
_BLOCK = re.compile(rf"(?i)\b(?P<on>{_N})\s+(?:consecutive\s+)?days(?:\s+on)?(?:\s+in\s+a\s+row)?,?\s+(?:and\s+)?"
                    rf"(?:then\s+)?"
                    rf"(?:has|have|gets?|takes?|with|followed\s+by)?\s*(?:the\s+next\s+)?(?P<off>{_N})\s+"
                    r"(?:(?:consecutive\s+)?days?\s+)?off\b")
"""'works 5 consecutive days and then has 2 days off', '5 days in a row, then has 2 days off', '5 days on in a row
and then 2 days off', '3 consecutive days on, then 4 off'."""
_CHEAPEST = re.compile(r"(?i)\b(?:lowest|least|min(?:imum|imi[sz]e)?|cheapest|smallest)\b[^.?\n]{0,30}\bcost\b")
_REPEATS = re.compile(r"(?i)\b(?:repeat\w*|wrap\w*|cyclic\w*|every\s+week|each\s+week|weekly|same\s+every\s+week)\b")
_DENIED = re.compile(r"(?i)\b(?:no|not|never|without)\b[^.\n]{0,25}\b(?:wrap|repeat|cyclic)|n't\s+(?:wrap|repeat)")
"""'does not wrap around', 'no wrap-around': the week does not repeat."""
_FEWEST = re.compile(r"(?i)\b(?:min(?:imum|imi[sz]e)?|smallest|fewest|least|optimal)\b[^.?\n]{0,40}\b(?:number|staff|"
                     r"people|workers|employees|nurses|pickers|operatives|technicians|agents)\b|\bhow\s+many\b")
_MIN_SUM_X = re.compile(r"(?i)\bmin\w*\s+(?:\u03a3|sum)(?:_\{?[a-z]\}?)?\s*x_?[a-z]\b")
_X_IS_PEOPLE = re.compile(r"(?i)\bx_?[a-z]\b[^=\n]{0,20}=\s*(?:the\s+)?number\s+of\s+(?:employees|staff|people|workers|"
                          r"nurses|agents|pickers|operatives|technicians)\b")
"""'min Σ_k x_k' where 'x_k ∈ Z≥0 = number of employees whose block starts on day k': the fewest people."""
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
_SPANNED = re.compile(rf"(?i)(?:\b[a-z]_)?(?P<a>{_DAY})\s*(?:-|\u2013|to|\.\.\.?|,\s*(?:\u2026|\.\.\.)\s*,)\s*"
                      rf"(?:[a-z]_)?(?P<b>{_DAY})\s*\)?\s*[:=]\s*\(?(?P<l>\d+(?:\s*,\s*\d+){{6}})\)?")
"""The seven demands after a span of the week: 'Mon-Sun = 8, 6, 7, 6, 9, 5, 4', '(b_Mon, …, b_Sun) = (8, 6, ...)'."""

_VECTOR = re.compile(r"(?i)\b(?:demands?|needs?|required|b|d|r)(?:_t)?\s*=\s*\(\s*(?P<l>\d+(?:\s*,\s*\d+){6})\s*\)")
"""Seven demands as one vector: 'demand b = (6, 4, 5, 7, 5, 6, 3)', 'b_t = (...)'."""
_WEEK_SPAN = re.compile(r"(?i)\bmon(?:day)?\s*(?:-|\u2013|to|\.\.\.?|\u2026)\s*sun(?:day)?\b")
"""The days said as Monday to Sunday: the vector's order."""


def _demands(text: str) -> tuple[list[int], list[str]] | None:
    """Each weekday's demand (Mon first) and the numbers that said them: a header line of the seven weekdays over a
    line of seven numbers, one 'Mon | 7' line a day, or 'Mon 5, Tue 4, ...'."""
    for days, needs in weekday_rows(text):
        if days == list(range(7)):
            return [int(k) for k in needs], needs
    for m in _SPANNED.finditer(text):  # 'Mon-Sun = 8, 6, 7, 6, 9, 5, 4', 'b = (b_Mon, …, b_Sun) = (8, 6, ...)'
        needs = re.findall(r"\d+", m.group("l"))
        if weekday(m.group("a")) == 0 and weekday(m.group("b")) == 6 and len(needs) == 7:
            return [int(k) for k in needs], needs
    vectors = list(_VECTOR.finditer(text))
    if len(vectors) == 1 and _WEEK_SPAN.search(text):  # 'Days t = 1..7 (Mon..Sun), demand b = (6, 4, 5, ...)'
        needs = re.findall(r"\d+", vectors[0]["l"])
        return [int(k) for k in needs], needs
    found: dict[int, int] = {}
    for m in re.finditer(rf"(?im)\b({_DAY})\b\s*[|:,=]?\s*(\d+)\b", text):
        day = weekday(m.group(1))
        if day is None or day in found:
            return None
        found[day] = int(m.group(2))
    if sorted(found) == list(range(7)):
        return [found[d] for d in range(7)], [str(found[d]) for d in range(7)]
    return None


def read_days_off(text: str) -> LinearModel | None:
    """The days-off model of the text, or None when it is not one or any number in it is not accounted for."""
    read = _demands(text)
    if read is None or not _REPEATS.search(text) or _DENIED.search(text):
        return None
    demand, said = read
    kinds = _contracts(text)
    if kinds is None:
        return None
    fewest = _FEWEST.search(text) or _MIN_SUM_X.search(text) and _X_IS_PEOPLE.search(text)
    if len(kinds) == 1 and not fewest or len(kinds) > 1 and not _CHEAPEST.search(text):
        return None
    accounted = Counter([*said, *(f"{cost:g}" for *_, cost in kinds if cost is not None)])
    bounds = re.sub(r"(?:>=|\u2265)\s*0\b|#\d+|\b[a-z]\s*=\s*1\s*(?:\.\.\.?|-|to)\s*7\b", " ", text)  # ('x_i ∈ ℤ≥0':
    # whole and not negative; 'store #118'; 't = 1..7', the week's days)
    for k in re.findall(r"(?<![\w.])\d+(?![\d.])", bounds):  # every number a demand, a block, the days off, a cost
        if accounted[k] > 0:  # or the week's 7
            accounted[k] -= 1
        elif k != "7" and not any(k in (str(on), str(off)) for _, on, off, _ in kinds):
            return None
    names = {(kind, d): f"{kind} start {DAY_IDS[d]}".strip() for kind, *_ in kinds for d in range(7)}
    constraints = [{"name": f"cover {DAY_IDS[d]}", "terms": {names[(kind, s)]: 1.0 for kind, on, _, _ in kinds
                                                              for s in range(7) if (d - s) % 7 < on},
                    "sense": ">=", "rhs": float(demand[d])} for d in range(7)]
    costs = {kind: cost if cost is not None else 1.0 for kind, _, _, cost in kinds}
    return LinearModel.model_validate({
        "family": "linear", "variables": [{"name": n, "kind": "integer", "lower": 0} for n in names.values()],
        "constraints": constraints,
        "objective": {"sense": "min", "terms": {n: costs[kind] for (kind, _), n in names.items()}}})


def _contracts(text: str) -> list[tuple[str, int, int, float | None]] | None:
    """(name, days on, days off, weekly cost) of each kind of contract: one block said for everyone (no name, no
    cost: the head count is the goal), or one per table row with its name and its cost; None when a block does not
    fill the week or a row is not read whole."""
    blocks = list(_BLOCK.finditer(text))
    kinds: list[tuple[str, int, int, float | None]] = []
    for m in blocks:
        on, off = count_value(m["on"].lower()), count_value(m["off"].lower())
        if on + off != 7 or not 1 <= on <= 6:
            return None
        if len(blocks) == 1:
            return [("", on, off, None)]
        end = text.find("\n", m.end())
        line = text[text.rfind("\n", 0, m.start()) + 1:end if end >= 0 else len(text)]
        cells = [c.strip() for c in line.strip(" |").split("|")]
        others = [c for c in cells if m.group(0) not in c]
        if len(cells) != 3 or len(others) != 2 or not re.fullmatch(r"[$\u20ac\u00a3]?\s*\d+(?:\.\d+)?", others[1]):
            return None  # '| Full-time | 5 consecutive days on, then 2 off | 800 |': name, block, cost
        kinds.append((others[0], on, off, float(re.sub(r"[^\d.]", "", others[1]))))
    return kinds if len({k for k, *_ in kinds}) == len(kinds) else None
