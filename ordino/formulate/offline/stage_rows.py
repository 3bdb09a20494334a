"""Jobs one per line with their times at each stage split by slashes, the stages named in a bracket just above:
'Times in minutes (mixer / divider / oven):' then 'sourdough 20 / 15 / 45'; a line may go on with one of the job's
values in words ('Lewis wardrobe .... 40 / 30 / 25 / 60 - collected 210 min'). Clock times are already minutes
after the stated start (`clock.relative_to_start`).

All or nothing: at least two lines, as many times on each as the bracket names stages, every line read whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ordino.formulate.offline.job_lines import job_value
from ordino.formulate.offline.text import MACHINE_NOUN, SLASHED_NAMES, TIME_SAID, Rewriting, time_values
from ordino.formulate.offline.units import TimeVal

_LEGEND = re.compile(rf"(?m){SLASHED_NAMES}[ \t]*:?[ \t]*$|"
                     r"^[ \t]*(?i:(?P<u2>minutes|mins|hours|hrs)\s+(?:for|of|at)\s+)"
                     r"(?P<l2>[^\W\d][\w -]{0,29}(?:/[ \t]*[^\W\d][\w -]{0,29}){1,11})[ \t]*:[ \t]*$")
"""'Times in minutes (mixer / divider / oven):', 'Minutes for mixing / proofing / baking:'."""
_ROW = re.compile(r"(?P<name>[^\W\d][^\n/|:]{0,59}?)[ \t.:]*[ \t]"
                  r"(?P<v>\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+(?:\.\d+)?){1,11})[ \t]*(?P<u>min(?:utes)?|h(?:ours)?)?"
                  r"[ \t]*(?:[-\u2013\u2014,;][ \t]*(?P<rest>[^\n]*))?")


_SAME_UNIT = re.compile(r"(\d)[ \t]*(min(?:utes)?|h(?:ours)?)[ \t]*(?=/[ \t]*\d+(?:\.\d+)?[ \t]*\2\b)")
"""A unit said after each time of a row ('30 min / 15 min'): only the last one is kept."""
_IN_TURN = re.compile(r"(?i)\bthen\b|->|\u2192|\bin\s+(?:that|this|the\s+same)\s+order\b|\bfollowed\s+by\b|"
                      r"\bin\s+sequence\b|\bgo(?:es)?\s+through\b")
"""Words that send each job through the stages in turn."""
_ONE_OF = re.compile(rf"(?i)\beither\b|\bor\s+the\s+(?:[\w-]+\s+){{0,2}}?{MACHINE_NOUN}\b|"
                     r"\bon\s+(?:just\s+|only\s+)?one\s+(?:of\s+the\s+)?(?:\w+\s+)?"
                     r"(?:machines?|mills?|presses?|ovens?|lines?|stations?)\b|\b(?:machines?|mills?|presses?|ovens?)"
                     r"\s+only\b|\bany\s+(?:one\s+)?(?:of\s+the\s+)?machines?\b|\bwhich\s+machine\b|\bparallel\b|"
                     r"\bidentical\b|\bsplit\s+(?:them\s+)?(?:between|across)\b")
"""Words that put each job on one machine of several: no stages in turn."""


@dataclass
class StageRows:
    """The stages in order, each job's times at them and its other values, by the names the lines give."""

    stages: list[str] = field(default_factory=list)
    times: dict[str, list[TimeVal]] = field(default_factory=dict)
    values: dict[str, dict[str, TimeVal]] = field(default_factory=dict)


def read_stage_rows(rw: Rewriting) -> StageRows | None:
    """Read the stage legend and the job lines under it, and take them out of `rw`; None (and `rw` untouched)
    unless every line is read whole and the text says each job goes through the stages in turn, never that a job
    runs on one machine of them (those are a choice of machines: `offline.fleet`)."""
    legends = list(_LEGEND.finditer(rw.text))
    if len(legends) != 1 or not _IN_TURN.search(rw.text) or _ONE_OF.search(rw.text):
        return None
    legend = legends[0]
    stages = [s.strip() for s in (legend.group("l") or legend.group("l2")).split("/")]
    unit = (legend.group("u2") or "").lower()
    if any(not re.fullmatch(r"[^\W\d][\w -]{0,29}", s) for s in stages):
        return None
    read = StageRows(stages=stages)
    at = rw.text.find("\n", legend.end()) + 1
    while 0 < at < len(rw.text) and rw.text[at] == "\n":  # a blank line between the legend and its rows
        at += 1
    spans: list[tuple[int, int]] = []
    while 0 < at < len(rw.text) and rw.text[at] != "\n":
        end = rw.text.find("\n", at)
        end = len(rw.text) if end < 0 else end
        line = _SAME_UNIT.sub(r"\1", rw.text[at:end])  # '30 min / 15 min' as '30 / 15 min' (one unit only)
        m = _ROW.fullmatch(line.strip().lstrip("-*\u2022 "))
        if m is None and re.search(r"\d\s*/\s*\d", line):
            return None  # a line of times not read whole: nothing is read
        if m is None:
            break
        name = m.group("name").strip(" .:-")
        times = [time_values(f"{v} {m.group('u') or unit}")[0] for v in m.group("v").split("/")]
        values = _values(m.group("rest"))
        if len(times) != len(stages) or not name or name in read.times or values is None or \
                re.search(TIME_SAID, name):  # a time in the name is data
            return None
        read.times[name] = times
        read.values[name] = values
        spans.append((at, end))
        at = end + 1
    if len(read.times) < 2:
        return None
    for a, b in reversed(spans):
        rw.splice(a, b, "")
    rw.splice(*legend.span(), "")
    return read


def _values(rest: str | None) -> dict[str, TimeVal] | None:
    """A job's release, due time or weight said after its times ('collected 210 min'); None when not read."""
    if not rest or not rest.strip():
        return {}
    said = job_value(rest)
    return {said[0]: said[1]} if said is not None and said[0] != "p" else None
