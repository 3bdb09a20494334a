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
from ordino.formulate.offline.text import Rewriting, time_values
from ordino.formulate.offline.units import TimeVal

_LEGEND = re.compile(r"(?m)\((?P<l>[^()\n/]{1,30}(?:/[^()\n/]{1,30}){1,11})\)[ \t]*:?[ \t]*$")
_ROW = re.compile(r"(?P<name>[^\W\d][^\n/|:]{0,59}?)[ \t.:]*[ \t]"
                  r"(?P<v>\d+(?:\.\d+)?(?:[ \t]*/[ \t]*\d+(?:\.\d+)?){1,11})[ \t]*(?P<u>min(?:utes)?|h(?:ours)?)?"
                  r"[ \t]*(?:[-\u2013\u2014,;][ \t]*(?P<rest>[^\n]*))?")


@dataclass
class StageRows:
    """The stages in order, each job's times at them and its other values, by the names the lines give."""

    stages: list[str] = field(default_factory=list)
    times: dict[str, list[TimeVal]] = field(default_factory=dict)
    values: dict[str, dict[str, TimeVal]] = field(default_factory=dict)


def read_stage_rows(rw: Rewriting) -> StageRows | None:
    """Read the stage legend and the job lines under it, and take them out of `rw`; None (and `rw` untouched)
    unless every line is read whole."""
    legends = list(_LEGEND.finditer(rw.text))
    if len(legends) != 1:
        return None
    legend = legends[0]
    stages = [s.strip() for s in legend.group("l").split("/")]
    if any(not re.fullmatch(r"[^\W\d][\w -]{0,29}", s) for s in stages):
        return None
    read = StageRows(stages=stages)
    at = rw.text.find("\n", legend.end()) + 1
    spans: list[tuple[int, int]] = []
    while 0 < at < len(rw.text) and rw.text[at] != "\n":
        end = rw.text.find("\n", at)
        end = len(rw.text) if end < 0 else end
        line = rw.text[at:end]
        m = _ROW.fullmatch(line.strip().lstrip("-*\u2022 "))
        if m is None and re.search(r"\d\s*/\s*\d", line):
            return None  # a line of times not read whole: nothing is read
        if m is None:
            break
        name = m.group("name").strip(" .:-")
        times = [time_values(f"{v} {m.group('u') or ''}")[0] for v in m.group("v").split("/")]
        values = _values(m.group("rest"))
        if len(times) != len(stages) or not name or name in read.times or values is None:
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
