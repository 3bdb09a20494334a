"""Days-off staffing over a repeating week: everyone works N consecutive days and then has the other 7 - N off,
starting on any day, and each weekday needs at least so many people ('Every technician works 5 days in a row,
then has 2 days off, repeating every week'). Read into a linear model: x_d people start their block on day d,
each day is covered by the blocks running over it (wrapping round the week), and the number of people is least.

The week must be said to repeat (else a block starting on Friday might end on Sunday) and every number in the
text must be a demand, the block's length, the days off or a week's seven days; otherwise nothing is read and
the other readers (which ask) take the text."""

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
                    r"(?:consecutive\s+)?days?\s+off\b")
"""'works 5 consecutive days and then has 2 days off', '5 days in a row, then has 2 days off', '5 days on in a row
and then 2 days off'."""
_REPEATS = re.compile(r"(?i)\b(?:repeat\w*|wrap\w*|cyclic\w*|every\s+week|each\s+week|weekly|same\s+every\s+week)\b")
_DENIED = re.compile(r"(?i)\b(?:no|not|never|without)\b[^.\n]{0,25}\b(?:wrap|repeat|cyclic)|n't\s+(?:wrap|repeat)")
"""'does not wrap around', 'no wrap-around': the week does not repeat."""
_FEWEST = re.compile(r"(?i)\b(?:min(?:imum|imi[sz]e)?|smallest|fewest|least)\b[^.?\n]{0,40}\b(?:number|staff|people|"
                     r"workers|employees|nurses|pickers|operatives|technicians|agents)\b|\bhow\s+many\b")
_DAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"


def _demands(text: str) -> tuple[list[int], list[str]] | None:
    """Each weekday's demand (Mon first) and the numbers that said them: a header line of the seven weekdays over a
    line of seven numbers, one 'Mon | 7' line a day, or 'Mon 5, Tue 4, ...'."""
    for days, needs in weekday_rows(text):
        if days == list(range(7)):
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
    block = _BLOCK.search(text)
    read = _demands(text)
    if block is None or read is None or not _REPEATS.search(text) or _DENIED.search(text) or not _FEWEST.search(text):
        return None
    on, off = count_value(block["on"].lower()), count_value(block["off"].lower())
    demand, said = read
    if on + off != 7 or not 1 <= on <= 6:
        return None
    demands_left = Counter(said)
    for k in re.findall(r"(?<![\w.])\d+(?![\d.])", text):  # every number a demand, the block, the days off, the week
        if demands_left[k] > 0:
            demands_left[k] -= 1
        elif k not in (str(on), str(off), "7"):
            return None
    names = [f"start {d}" for d in DAY_IDS]
    constraints = [{"name": f"cover {DAY_IDS[d]}", "terms": {names[s]: 1.0 for s in range(7) if (d - s) % 7 < on},
                    "sense": ">=", "rhs": float(demand[d])} for d in range(7)]
    return LinearModel.model_validate({
        "family": "linear", "variables": [{"name": n, "kind": "integer", "lower": 0} for n in names],
        "constraints": constraints, "objective": {"sense": "min", "terms": {n: 1.0 for n in names}}})
