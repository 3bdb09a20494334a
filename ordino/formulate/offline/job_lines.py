"""Jobs listed one per line, each value said in words: '- Prof. Adeyemi's ThinkPad: dropped off 08:30, takes 40 min,
promised back by 09:30', '2. Tom's road bike, full service, 90 min, pickup 12:00', '5. Kranz: flanges, 60 min, due
13:30. The sheets only arrive at 09:30, so it can't start before then.', '... The extraction won't be finished
until 9:30, so it can't go on before then.'

A line is a name and phrases; a phrase with a number is a processing time ('takes 40 min', '50 min cutting'), a
release ('dropped off', 'arrives', 'brings it at'), a due time ('promised by', 'pickup', 'back for it at', 'due') or
a weight ('priority 3'); a phrase without one describes the job ('full service'), unless it relates the job to
something ('after', 'before', 'must', ...), which no line here may carry. Clock times are already minutes after the
stated start (`clock.relative_to_start`).

All or nothing: at least three lines, each read whole with exactly one processing time, or nothing is taken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ordino.formulate.offline.names import bare_name
from ordino.formulate.offline.text import NUM, Rewriting, runs_of_lines, time_values, words_outside
from ordino.formulate.offline.units import UNIT_PATTERN, TimeVal

_LINE = re.compile(r"(?m)^[ \t]*(?P<bullet>(?:[-*\u2022]|\d{1,2}[.)])[ \t]+)?(?P<name>[^\n:,]{2,60}?)[ \t]*"
                   r"(?:[:,]|[ \t][-\u2013\u2014][ \t])[ \t]*(?P<body>[^\n]*\d[^\n]*)$")
"""A job's line: a name, then ':', ',' or a dash, then its values; with a bullet, or one of three lines or more
in a row without one."""
_AMOUNT = rf"(?P<t>{NUM}\s*{UNIT_PATTERN})"
_POINT = rf"(?:at\s+|by\s+|for\s+)?(?P<t>{NUM}\s*(?:min|mins|minutes?|h|hours?|hrs?)\b)"
_PHRASES: list[tuple[str, re.Pattern[str]]] = [
    ("release", re.compile(rf"(?i)^(?:.*\b)?(?:dropped\s+off|drops?\s+(?:it|them)\s+off|arriv(?:es|e|ing)|"
                           rf"shows?\s+up|here|picked|"
                           rf"brings?\s+(?:it|them)|comes?\s+(?:in|down)|ready|available|in\s+at|delivered|"
                           rf"(?:won't|will\s+not|isn't|is\s+not|not)\s+be\s+(?:finished|done|ready|here|in)\s+"
                           rf"(?:until|till|before))\b[^\d]*?"
                           rf"{_POINT}$")),
    ("due", re.compile(rf"(?i)^(?:.*\b)?(?:promised(?:\s+back)?|due|pick-?\s?up|collect(?:ed|ion|ing|s)?|"
                       rf"back\s+for\s+(?:it|them)|needed|wanted|wants?|deadline|van\s+(?:leaves|at)|out|carrier|courier|truck)\b[^\d]*?{_POINT}$")),
    ("weight", re.compile(rf"(?i)^(?:priority|weight)\s*(?:of\s+|=\s*|:\s*)?(?P<t>{NUM})$")),
    ("p", re.compile(rf"(?i)^(?:(?:takes|needs)\s+(?:me\s+|us\s+)?|runs?\s+(?:for\s+)?|lasts\s+)?"
                     rf"(?:about\s+|around\s+|roughly\s+)?{_AMOUNT}"
                     rf"(?:\s+[a-z]+(?:ing)?|\s+(?:to|on|of|in)\s+(?:the\s+)?[a-z]+(?:ing)?)?$")),
]
_RELATING = re.compile(r"(?i)\b(?:after|before|first|last|once|until|then|needs?|requires?|must|only|not|can't|"
                       r"cannot|same|together|between|except|unless|while|break|wait)\b")
_RESTATED = re.compile(r"(?i)^so\s+(?:it|they|i|we)\s+can(?:'t|not)\s+(?:start|go\s+(?:on|in)|run|begin)\s+"
                       r"(?:before|until)\s+then$")
"""'..., so it can't start before then', '... so it can't go on before then': the release just said, again."""


_ITEM_NAME = (r"(?!(?:and|or|then|after|before|on|at|by|due|takes?|needs?|job|jobs|task|tasks|order|orders)\b)"
              r"[A-Za-z][\w'&/-]*(?:[ \t]+(?!(?:and|or|then|after|before|on|at|by|due|takes?|needs?)\b)"
              r"[A-Za-z][\w'&/-]*){0,4}")
_ITEM = rf"{_ITEM_NAME}[ \t]*:?[ \t]+{NUM}(?:[ \t]*{UNIT_PATTERN})?"
_ITEM_LINE = re.compile(rf"(?m)^[ \t]*(?P<l>{_ITEM}(?:[ \t]*[,;][ \t]*(?:and[ \t]+)?{_ITEM}){{2,}})[ \t]*\.?[ \t]*$")
"""A line that is only a list of names and their times: 'soccer club tees 45, bakery aprons 30, band merch 25.'"""


def items_on_lines(rw: Rewriting) -> None:
    """A line listing three jobs or more with their times ('soccer club tees 45, bakery aprons 30, ...') written one
    job to a line ('- soccer club tees: 45'), as the readers of job lines know them; names said twice are left."""
    def lines(m: re.Match[str]) -> str:
        items = [re.match(rf"(?P<n>{_ITEM_NAME})[ \t]*:?[ \t]+(?P<t>.+)", part.strip())
                 for part in re.split(r"[ \t]*[,;][ \t]*(?:and[ \t]+)?", m.group("l"))]
        names = [i.group("n").lower() for i in items if i]
        if not all(items) or len(set(names)) != len(names):
            return m.group(0)
        return "\n".join(f"- {i.group('n')}: {i.group('t')}" for i in items if i)
    rw.sub(_ITEM_LINE, lines)


@dataclass
class JobLines:
    """The jobs' values, by the names the lines give them, in order."""

    attrs: dict[str, dict[str, TimeVal]] = field(default_factory=dict)


def read_job_lines(rw: Rewriting) -> JobLines | None:
    """Read the job lines of `rw` and take them out; None (and `rw` untouched) unless every line of a list is read
    whole. The lines with a bullet are the list; without bullets, each run of three lines or more in a row is."""
    found = list(_LINE.finditer(rw.text))
    bulleted = [m for m in found if m["bullet"]]
    lists = [bulleted] if len(bulleted) >= 3 else [run for run in runs_of_lines(rw.text, found) if len(run) >= 3]
    lines = [m for run in lists for m in run]
    if not lines:
        return None
    read = JobLines()
    said = words_outside(rw.text, (m.span() for m in lines))  # a description's word said elsewhere may carry a
    # rule ('glossy' of 'from glossy to matte takes 15 min'): such a line is not this reader's
    for m in lines:
        attrs = _phrases(m.group("body"), said)
        name = bare_name(m.group("name").strip())  # 'the mug order': 'mug'
        if attrs is None or name in read.attrs or re.search(r"\d", re.sub(r"#?\d+$|-\d+$|\([^()]*\)", "", name)):
            return None
        read.attrs[name] = attrs
    for m in reversed(lines):
        rw.splice(m.start(), m.end(), "")
    return read


def _phrases(body: str, said: set[str]) -> dict[str, TimeVal] | None:
    """The values of one line's phrases; None when a phrase is not read or no processing time is given."""
    attrs: dict[str, TimeVal] = {}
    for phrase in re.split(r"\s*(?:[,;]|\s--?\s|\.(?:\s|$))\s*", body.strip()):
        phrase = phrase.strip(" .")
        if not phrase or _RESTATED.match(phrase):
            continue
        if not re.search(r"\d", phrase):
            if _RELATING.search(phrase) or any(w.lower() in said for w in re.findall(r"[^\W\d_]{4,}", phrase)):
                return None  # a word relating the job to another, or one a rule elsewhere uses: not read here
            continue  # 'full service': what the job is
        kind = job_value(phrase)
        if kind is None or kind[0] in attrs:
            return None
        attrs[kind[0]] = kind[1]
    return attrs if "p" in attrs else None


def job_value(phrase: str) -> tuple[str, TimeVal] | None:
    """The kind ('release', 'due', 'weight' or 'p') and value of a phrase saying one value of a job ('promised by
    90 min', 'priority 3', 'takes 40 min'), else None."""
    kind = next(((k, m) for k, pattern in _PHRASES if (m := pattern.match(phrase.strip(" ."))) is not None), None)
    return None if kind is None else (kind[0], time_values(kind[1].group("t"))[0])
