"""Staffing by periods: demands per period of the day ('00-04: 3, 04-08: 5', '0:00 - 5, 4:00 - 3', 'six 4-hour
periods: 3, 5, 8'), shifts that cover several consecutive periods ('8-hour shifts'), fewest people. Read into a
linear model: x_s people start at period s and work its k periods; every period's demand is covered."""

from __future__ import annotations

import re

from ordino.formulate.questions import Question
from ordino.models.linear import LinearModel

DAY = 24 * 60
_CLOCK = r"(\d{1,2})(?::(\d{2}))?"
_RANGE = re.compile(rf"(?<![\d:]){_CLOCK}\s*(?:-|to)\s*{_CLOCK}\s*(?:h\b|hrs?\b)?\s*(?:[:=|]|needs?|requires?)\s*"
                    r"(?:needs?\s+|requires?\s+)?(\d+)\b(?!\s*(?::\d|-\s*\d|h\b))")
_START = re.compile(r"(?<![\d:-])(\d{1,2}):(\d{2})\s*(?:-|:|=|\|)\s*(\d+)\b(?!\s*:\d)")
_LIST = re.compile(r"(\d+)[- ]hours?\s+(?:periods?|blocks?|slots?)[^.:\d]{0,60}:\s*((?:\d+\s*,\s*)+(?:and\s+)?\d+)")
_SHIFT = re.compile(r"(\d+)[- ]hours?\s+shifts?|shifts?\s+(?:last|lasting|of|are|run for|runs for|cover)\s+"
                    r"(\d+)\s*(?:hours?|h\b)")
_SPAN = re.compile(r"covers?\s+(two|three|four|2|3|4)\s+consecutive\s+(?:periods?|blocks?|slots?)")
_FEWEST = re.compile(r"\b(?:minimi[sz]e|minimum|fewest|smallest|least)\b[^.?]{0,50}\b(?:number|people|workers?|"
                     r"staff|employees?|agents?|nurses?|persons?)\b|\bhow many (?:people|workers|staff|employees)\b")
_WORDS = {"two": 2, "three": 3, "four": 4}


def read_periods(text: str) -> list[tuple[int, int]] | None:
    """(start in minutes, demand) of each period in order, when the text lists at least three; else None."""
    t = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    found = [(int(h1) * 60 + int(m1 or 0), int(d)) for h1, m1, _, _, d in _RANGE.findall(t)]
    if len(found) < 3:
        found = [(int(h) * 60 + int(m), int(d)) for h, m, d in _START.findall(t)]
    if len(found) < 3 and (listed := _LIST.search(t)) is not None:
        length = int(listed.group(1)) * 60
        found = [(k * length, int(d)) for k, d in enumerate(re.findall(r"\d+", listed.group(2)))]
    return found if len(found) >= 3 else None


def looks_like_period_cover(text: str) -> bool:
    """Demands per period of the day and shifts longer than one period."""
    t = text.lower()
    return read_periods(text) is not None and bool(_SHIFT.search(t) or _SPAN.search(t)) and \
        re.search(r"\b(?:jobs?|machines?|processing)\b", t) is None


def read_period_cover(text: str) -> tuple[LinearModel | None, list[Question], list[str]]:
    """The period cover model of a staffing text, or the questions that would complete it."""
    t = text.lower()
    periods = read_periods(text) or []  # (a partial day, even 'every day', does not wrap)
    starts = [s for s, _ in periods]
    steps = {b - a for a, b in zip(starts, starts[1:], strict=False)}
    if len(steps) != 1 or steps.pop() <= 0:
        return None, [Question(key="periods", text="The periods must follow each other with one length; give each "
                               "period's start and its demand in order (e.g. '0:00 - 5, 4:00 - 3, ...')")], []
    length = starts[1] - starts[0]
    span = _SPAN.search(t)
    shift = _SHIFT.search(t)
    if span is not None:
        k = _WORDS.get(span.group(1)) or int(span.group(1))
    else:
        assert shift is not None  # looks_like_period_cover saw one of the two
        minutes = int(shift.group(1) or shift.group(2)) * 60
        if minutes % length:
            return None, [Question(key="shift", text=f"A shift of {minutes // 60} hours is not a whole number of "
                                   f"{length // 60}-hour periods; how many periods does a shift cover?")], []
        k = minutes // length
    if not _FEWEST.search(t):
        return None, [Question(key="objective", text="What should be minimised? (the number of people)",
                               choices=["people"])], []
    n = len(periods)
    cyclic = n * length == DAY  # only periods that fill the day wrap round midnight into the next one
    labels = [f"{s // 60:02d}:{s % 60:02d}" for s in starts]
    variables = [{"name": f"start {label}", "kind": "integer", "lower": 0} for label in labels]
    constraints = []
    for p, (label, (_, need)) in enumerate(zip(labels, periods, strict=True)):
        on = [s for s in range(n) if (p - s) % n < k] if cyclic else [s for s in range(n) if 0 <= p - s < k]
        constraints.append({"name": f"cover {label}", "terms": {f"start {labels[s]}": 1.0 for s in on},
                            "sense": ">=", "rhs": float(need)})
    notes = [f"each shift covers {k} consecutive periods of {length // 60} hours"
             + ("; the day wraps round midnight" if cyclic else "")]
    model = LinearModel.model_validate({"family": "linear", "variables": variables, "constraints": constraints,
                                        "objective": {"sense": "min", "terms": {v["name"]: 1.0 for v in variables}}})
    return model, [], notes
