"""Time between two steps of one job, said of every job ('once a gear comes out of the furnace, its grinding must
start within 15 minutes', 'after coating, a batch must flash off for at least 2 hours before curing may start') or
of one ('job 3 has to go into the dryer the moment its wash finishes'): a longest (or no) wait, or a shortest one,
from the end of one step to the start of a later one, for each job whose route has both steps."""

from __future__ import annotations

import re
from fractions import Fraction

from ordino.formulate.offline.facts import Facts, StepLag
from ordino.formulate.offline.relations import BLANK_IN
from ordino.formulate.offline.text import (
    JOB_REF,
    MUST,
    TIME,
    Work,
    job_name,
    machine_name,
    sentence_bounds,
    stem,
    time_values,
)
from ordino.formulate.offline.ties import with_reason
from ordino.formulate.offline.units import TimeVal


def _step(group: str) -> str:
    return rf"(?:the\s+)?(?P<{group}>machine\s+\d+|m\d+|[a-z][a-z-]{{2,}})"


_OUT = r"(?:comes?\s+out\s+of|leaves?|(?:is|are)\s+(?:done|finished)\s+(?:in|on|at|with)|finish(?:es)?\s+(?:in|on|at))"
_EVERY = re.compile(rf"\b(?:once|when|after|as\s+soon\s+as)\s+(?:a|an|each|every|the)\s+[a-z]+\s+{_OUT}\s+{_step('a')}"
                    rf"\s*,?\s*(?:its|their|the)\s+{_step('b')}\s+(?:step\s+)?{MUST}(?:start|begin)\s+within\s+"
                    rf"(?P<lag>{TIME})")
"""Of every job: 'once a gear comes out of the furnace, its grinding must start within 15 minutes'."""
_ONE = re.compile(rf"(?P<job>{JOB_REF}|they|it)\s+{MUST}go\s+(?:into|onto|on|in|to)\s+{_step('b')}\s+(?:the\s+"
                  rf"(?:very\s+)?(?:moment|minute|instant|second)|as\s+soon\s+as|right\s+when)\s+(?:its|their)\s+"
                  rf"{_step('a')}\s+(?:finishes|ends|is\s+(?:done|finished|over)|comes\s+out)")
"""Of one job: 'job 3 has to go into the dryer the moment its wash finishes' ('they', the job named before)."""
_DONE = r"(?:\s+(?:finishes|ends|is\s+(?:done|finished|over)))?"
_AT_LEAST = re.compile(
    rf"\b(?:after|once|when)\s+(?:its\s+|the\s+)?{_step('a')}{_DONE}\s*,\s*(?:a|an|each|every|the)\s+[a-z]+\s+{MUST}"
    rf"(?:[a-z-]+\s+){{1,3}}?for\s+at\s+least\s+(?P<lag>{TIME})\s+before\s+(?:its\s+|the\s+)?{_step('b')}\s+"
    rf"(?:step\s+)?(?:may|can|is\s+allowed\s+to|will)\s+(?:start|begin)|"
    rf"\b(?:a|an|each|every)\s+[a-z]+\s+{MUST}(?:[a-z-]+\s+){{1,3}}?(?:for\s+)?at\s+least\s+(?P<lag2>{TIME})\s+"
    rf"between\s+(?:its\s+|the\s+)?{_step('a2')}\s+and\s+(?:its\s+|the\s+)?{_step('b2')}")
"""Of every job, a shortest wait: 'after coating, a batch must flash off for at least 2 hours before curing may
start', 'each part must dry at least 30 minutes between painting and assembly'."""


_OP = r"op(?:eration)?\s*"
_OF_OPS = re.compile(rf"\b(?P<kind>min|max)(?:imum|\.)?\s+(?:time\s+)?lag\s+(?:between|from)\s+(?:the\s+)?end\s+of\s+"
                     rf"{_OP}(?P<a>\d)\s+(?:and|to)\s+(?:the\s+)?start\s+of\s+{_OP}(?P<b>\d)\s+of\s+(?P<job>{JOB_REF})\s*"
                     rf"(?::|=|is)\s*(?P<lag>{TIME})")
"""Of one job's operations by number: 'min. time lag between end of op 1 and start of op 2 of J2: 2'."""


def read_step_lags(work: Work, facts: Facts) -> None:
    """Each wait between two steps of a job the text limits, into `facts.step_lags`."""
    for pattern in (_EVERY, _ONE, _AT_LEAST, _OF_OPS):
        for m in list(work.finditer(pattern.pattern)):
            if BLANK_IN(work, m):
                continue
            job = None
            if "job" in m.groupdict():
                job = _subject(work, m)
                if job is None:
                    continue
            said = {k: v for k, v in m.groupdict().items() if v}
            lag = time_values(said.get("lag") or said["lag2"])[0] if {"lag", "lag2"} & set(said) \
                else TimeVal(Fraction(0), None)
            first, then = said.get("a") or said["a2"], said.get("b") or said["b2"]
            quote = work.quote(*m.span())
            shortest = pattern is _AT_LEAST or said.get("kind") == "min"
            if pattern is _OF_OPS:
                first, then = f"op {first}", f"op {then}"
            facts.step_lags.append(StepLag(job, first, then, lag, quote, shortest=shortest))
            start, end = with_reason(work, m.start(), m.end(), [job] if job else [])
            work.consume(start, end)


def _subject(work: Work, m: re.Match[str]) -> str | None:
    """The job a rule of one job is about: named, or 'they' of the one job named before it in the sentence."""
    said = m.group("job")
    if re.fullmatch(JOB_REF, said):
        return job_name(said)
    first = sentence_bounds(work.text, m.start())[0]
    named = {job_name(r.group(0)) for r in re.finditer(JOB_REF, work.text[first:m.start()])}
    return named.pop() if len(named) == 1 else None


def step_number(word: str) -> int | None:
    """The 0-based position in its job's route of a step named by number ('op 2'), else None."""
    found = re.fullmatch(r"op (\d+)", word)
    return int(found.group(1)) - 1 if found else None


def step_machine(word: str, names: dict[str, str], machines: list[str]) -> str | None:
    """The machine of `machines` a step is named by: 'machine 2' or 'M2' (or the name the text gives it), its name
    ('furnace'), or a word of the same stem ('grinding' of the grinder, 'dry' of the dryer)."""
    said = {machine_name(word), names.get(machine_name(word), "")} if re.fullmatch(r"machine\s+\d+|m\d+", word) \
        else {word}
    stems = {stem(w.lower()) for w in said if w}
    found = [m for m in machines if stems & {stem(w.lower()) for w in (m, names.get(m, "")) if w}]
    return found[0] if len(found) == 1 else None
