"""Runs of labelled values: 'A=3, B=1, C=4', 'J1 2h, J2 4h', 'P1 (3, 5, 2), P2 (2, 4, 1)'. What the values
are comes from the words before the run ('processing times in hours:', 'weights:') or from a column spec
('(processing time, due date, weight)'); bare single values are processing times."""

from __future__ import annotations

import re

from ordino.formulate.offline.facts import Facts
from ordino.formulate.offline.relations import BLANK_IN
from ordino.formulate.offline.tables import role_of
from ordino.formulate.offline.text import JOB_REF, TIME, Work, job_name, time_values, unit_of
from ordino.formulate.offline.units import UNIT_PATTERN, TimeVal

_VALUES = rf"(?:\(\s*{TIME}(?:\s*,\s*{TIME})+\s*\)|{TIME})"
_ITEM = rf"{JOB_REF}\s*(?:[:=]|is|takes|needs)?\s*{_VALUES}"
RUN = re.compile(rf"{_ITEM}(?:\s*(?:,\s*and|,|;|\band\b)\s*{_ITEM})+")
_ITEM_PARTS = re.compile(rf"(?P<j>{JOB_REF})\s*(?:[:=]|is|takes|needs)?\s*(?P<v>{_VALUES})")
_KEYS = [("p", r"process\w*|durations?|times?|takes?|lengths?|hours|minutes|\bp\b"),
         ("due", r"(?:due\w*|promised|deadlines?|pick-?ups?|collection)(?:\s+times?)?"),
         ("weight", r"weights?|priorit\w*|importance|\bw\b"),
         ("release", r"release\w*|ready (?:at|from|times?)|arriv\w*|available (?:at|from)|availability")]
_SPEC = re.compile(r"\((?P<cols>[a-z_ ]+(?:,\s*[a-z_ ]+)+)\)")


_CHAIN = re.compile(r"(?P<c>\b[a-z][a-z-]{2,}(?:\s*>\s*[a-z][a-z-]{2,})+)\b")
"""Stages in order, by arrows: 'line: coat → cure → inspect' (arrows are '>' after normalising)."""
_STAGE_RUN = re.compile(rf"(?m)^[ \t]*(?P<s>[a-z][a-z-]{{2,}})(?:[ \t]+(?P<u>{UNIT_PATTERN}))?[ \t]*:[ \t]*"
                        rf"(?P<r>{RUN.pattern})[ \t]*[.;]?[ \t]*$")
"""A stage's times by job on one line: 'coat hours: B1=2, B2=4, B3=3'."""


def read_stage_runs(work: Work, facts: Facts) -> None:
    """One line of labelled times per stage of a chain the text names ('coat → cure → inspect', then 'coat hours:
    B1=2, B2=4', 'cure hours: ...'): the table of times, a column per stage in the chain's order. Read only when
    every stage has one such line over the same jobs, one value each."""
    chains = [m.group("c").split(">") for m in _CHAIN.finditer(work.text)]
    stages = [s.strip() for s in chains[0]] if len(chains) == 1 else []
    lines = {m.group("s"): m for m in _STAGE_RUN.finditer(work.text)
             if m.group("s") in stages and not BLANK_IN(work, m)}
    if not stages or len(lines) != len(stages) or facts.matrix is not None:
        return  # (other labelled lines, 'weights: B1=2, ...', are left to the runs)
    columns = []
    for stage in stages:
        m = lines[stage]
        unit = unit_of(m.group("u"))
        items = [(job_name(i.group("j")), time_values(i.group("v"))) for i in _ITEM_PARTS.finditer(m.group("r"))]
        if any(len(v) != 1 for _, v in items):
            return
        columns.append([(name, TimeVal(v[0].value, v[0].unit or unit)) for name, v in items])
    jobs = [name for name, _ in columns[0]]
    if any([name for name, _ in column] != jobs for column in columns) or facts.jobs and facts.jobs != jobs:
        return
    for job in jobs:
        facts.add_job(job)
    facts.matrix = [[column[k][1] for column in columns] for k in range(len(jobs))]
    facts.matrix_machines = stages
    facts.machine_order = stages
    for stage in stages:
        work.consume(*lines[stage].span())


def read_runs(work: Work, facts: Facts) -> None:
    """Every run of at least two labelled values, read into the jobs' attributes and consumed."""
    for m in list(RUN.finditer(work.text)):
        if BLANK_IN(work, m):
            continue
        items = [(job_name(i.group("j")), time_values(i.group("v"))) for i in _ITEM_PARTS.finditer(m.group(0))]
        roles = _roles(_head(work.text, m.start(), (". ", "\n")), _head(work.text, m.start(), (". ", "; ", "\n")),
                       max(len(v) for _, v in items))
        if roles is None or any(len(v) != len(roles) for _, v in items):
            continue
        for name, values in items:
            for role, tv in zip(roles, values, strict=True):
                facts.set_attr(name, role, tv)
        work.consume(m.start(), m.end())


_TUPLES = re.compile(rf"(?P<spec>\((?:[a-z_ ]+,\s*)+[a-z_ ]+\))\s*:\s*(?P<l>\(\s*{TIME}(?:\s*,\s*{TIME})+\s*\)"
                     rf"(?:\s*(?:,|;|\band\b)\s*\(\s*{TIME}(?:\s*,\s*{TIME})+\s*\))+)")


def read_tuples_in_order(work: Work, facts: Facts) -> None:
    """'(processing time, due date): (3, 4), (2, 6), (4, 9)': one tuple per job, in job order, when the text has
    named no jobs of its own."""
    for m in list(_TUPLES.finditer(work.text)):
        if BLANK_IN(work, m) or facts.jobs:
            continue
        roles = _roles(m.group("spec"), "", len(m.group("spec").split(",")))
        rows = [time_values(t) for t in re.findall(r"\(([^()]*)\)", m.group("l"))]
        if roles is None or any(len(r) != len(roles) for r in rows):
            continue
        for k, row in enumerate(rows, start=1):
            for role, tv in zip(roles, row, strict=True):
                facts.set_attr(f"J{k}", role, tv)
        work.consume(m.start(), m.end())


def _head(text: str, start: int, marks: tuple[str, ...]) -> str:
    """The words before a run, back to the previous of these marks (sentence, clause or line ends)."""
    cut = max(text.rfind(mark, 0, start) for mark in marks)
    return text[cut + 1:start]


def _roles(sentence: str, clause: str, width: int) -> list[str] | None:
    """What each value of an item is: from a column spec in the sentence before the run, else from the last
    keyword of the clause before it (one value per item), else processing times; None when the spec names
    something this reader does not know."""
    spec = _SPEC.search(sentence)
    if spec is not None:
        roles = [role_of(c.strip().replace(" ", "_")) for c in spec.group("cols").split(",")]
        known = [r for r in roles if r in ("p", "due", "release", "weight", "deadline")]
        return known if len(known) == len(roles) == width else None
    if width != 1:
        return None
    found = [(k.end(), role) for role, pattern in _KEYS for k in re.finditer(pattern, clause)]
    return [max(found)[1]] if found else ["p"]
