"""Jobs described by where they go and for how long, with the machines named only there: 'table legs: 12 on the
saw, 20 on the sander', 'Brochures: press 3 hours, then guillotine 1 hour', 'Board B needs 1 hour soldering, 4
hours inspection', 'Order North is cut for 2 hours and then folded for 2 hours'. The words next to the times
are the stations; a word and its verb or trade forms ('drill', 'drilling'; 'cutter', 'cut') are one station."""

from __future__ import annotations

import re

from ordino.formulate.offline.entities import read_attrs, read_cued
from ordino.formulate.offline.facts import Facts
from ordino.formulate.offline.text import (
    BLANK,
    JOB_REF,
    MACHINE_NOUN,
    MACHINE_REF,
    TIME,
    Work,
    job_name,
    machine_name,
    on_own_line,
    one_machine_said,
    singular,
    stem,
    time_values,
)
from ordino.formulate.offline.units import UNIT_PATTERN, TimeVal

_NOT_STATION = (r"(?:and|then|or|the|a|an|of|on|in|at|for|to|from|by|with|each|every|both|it|is|are|was|be|takes?|"
                r"needs?|requires?|spends?|lasts?|due|deadline|weight|priority|release[ds]?|ready|needed|promised|"
                r"pickup|picking|collect|collecting|collection|collected|arrives?|arriving|leaves|leaving|off|dropped|"
                r"until|till|after|before|hours?|minutes?|mins?|hrs?|h|days?|time|times|total|job|jobs|order|"
                r"orders|more|less|first|second|third|last|next|per|about|only|also|all|same|que|plus|one|two|"
                r"three|four|five|six|seven|eight|nine|ten|setups?|set-ups?|changeovers?|cleaning|prep|preparation|"
                r"wait|waiting|break|breaks|rest|lunch|travel|transport|delivery|cooling|drying|late|early|op|ops|"
                r"operations?|steps?|its|their|his|her|this|that|these|those|which|what|whose|own|but|than|longer|"
                r"shorter|extra|earlier|later|so|if|when|while|as|like|except|though|still)\b")
_WORD = (rf"(?<![a-z-])(?:{MACHINE_REF}|{MACHINE_NOUN}\s*#?\s*\d+\b|"
         rf"(?!{_NOT_STATION})[a-z][a-z-]{{1,24}}\s+\d{{1,2}}(?=\s*\(\s*\d)|"  # 'Welder 1 (4 h)': a numbered name
         rf"(?!{_NOT_STATION}|(?:machine|station|stage)\s*#?\s*\d)[a-z][a-z-]{{1,24}}(?:/[a-z][a-z-]{{1,24}})?)"
         rf"(?![a-z-])")
"""A station: 'machine 2', 'Mixer 1', or a word ('press', 'soldering', 'wash/cure')."""
_OR = re.compile(r"\s*,?\s*(?:or|/)\s*(?:on\s+)?(?:either\s+)?(?:the\s+)?\s*")
_ITEM = re.compile(rf"(?P<m>{_WORD})(?:\s*,\s*|\s+only\s*,?\s*|\s+in\s+|\s*\(\s*|"
                   rf"\s+(?:pass|run|stint|session)\s+of\s+|\s+)"
                   rf"(?:(?:first|then|next|last|again)\s+)?(?:for\s+)?"
                   rf"(?P<t>{TIME})(?:\s*\))?"
                   rf"(?!\s*(?:{UNIT_PATTERN}\s+)?(?:of|on|in|at)\b)|"
                   rf"(?<!op )(?<!operation )(?<!step )(?P<t2>{TIME})\s+(?P<p>of\s+|on\s+(?:the\s+)?|in\s+(?:the\s+)?|"
                   rf"at\s+(?:the\s+)?)?(?P<m2>{_WORD})")
"""A step: 'press 3 hours', 'cut for 2 hours', '12 on the saw', '3 hours of soldering', '1 hour drilling', '25 saw'
(this last, a bare number before a word, only for a station some other step names)."""
_SEGMENT_END = re.compile(r"\n|[.;](?:\s|$)")
_NEXT = re.compile(r">|\bthen\b|\bnext\b|\bfollowed\s+by\b")
"""What says the next item is a step of its own: 'print (Prusa 4 / Bambu 2) -> wash 1'."""
_LABEL = re.compile(r"\b(?:op|operation|step)\s*(\d+)\b")
"""An operation's label: 'op 1 on Haas (6 h) or Mazak (5 h); op 2 ...' (its steps are alternatives)."""


def read_stations(work: Work, facts: Facts) -> None:
    """Per job, the (station, time) steps its stretch of text names, in order. Read only when every such job
    has at least one step, some job has two, and no job visits a station twice; then the same order for
    every job is a flow shop (`machine_order`, `matrix`), different orders are routes."""
    refs = list(work.finditer(JOB_REF))
    one_machine = one_machine_said(work.source)  # (said even where a reader took the words as a rule already)
    if one_machine and re.search(rf"\b(?:either|any|both|all)\s+(?:of\s+the\s+)?(?:\w+\s+)?{MACHINE_NOUN}", work.text):
        return  # '1 on either machine' names no machine of its own: left to be asked
    steps: dict[str, list[tuple[str, TimeVal, tuple[int, int], bool]]] = {}  # (station, time, span, weak)
    alternative: set[tuple[int, int]] = set()  # spans of steps that are another machine for the step before
    resources = set(facts.capacities)  # their names are singular already
    heads: dict[str, tuple[int, int, int]] = {}  # where each job's name stands, and where its stretch ends
    shown: dict[str, str] = {}  # station stem -> its first name as written (or its canonical id)
    for i, ref in enumerate(refs):
        end = refs[i + 1].start() if i + 1 < len(refs) else len(work.text)
        stop = (re.compile(r"\n") if on_own_line(work.text, ref.start()) else _SEGMENT_END).search(
            work.text, ref.end(), end)  # a job's line
        while stop and re.match(r"[;,]\s*(?:and\s+)?(?:it\b|(?:then\s+)?(?:op|operation|step)\s*\d|(?:the\s+)?"
                                r"(?:second|third|next|last)\b)", work.text[stop.start():]):  # '...; it is due at 4'
            stop = _SEGMENT_END.search(work.text, stop.end(), end)
        labels = [(a.start(), a.group(1)) for a in _LABEL.finditer(work.text, ref.end(), stop.start() if stop else end)]
        for m in _ITEM.finditer(work.text, ref.end(), stop.start() if stop else end):
            word, amount = m.group("m") or m.group("m2"), m.group("t") or m.group("t2")
            if BLANK in m.group(0) or singular(word) in resources:
                continue
            written = work.cased[m.start("m") if m.group("m") else m.start("m2"):][:len(word)]
            shown.setdefault(stem(word), machine_name(word) if re.fullmatch(MACHINE_REF, word)
                             else stem(written) if word.endswith("ed") else written)  # 'folded': 'fold'
            weak = m.group("m2") is not None and not m.group("p") and time_values(amount)[0].unit is None
            found = steps.setdefault(job_name(ref.group(0)), [])
            label = next((k for at, k in reversed(labels) if at < m.start()), None)
            before = next((k for at, k in reversed(labels) if found and at < found[-1][2][0]), None)
            bracket = work.text.rfind("(", ref.end(), m.start())
            inside = bracket > work.text.rfind(")", ref.end(), m.start()) and found and found[-1][2][0] > bracket
            if found and (_OR.fullmatch(work.text, found[-1][2][1], m.start())  # '3 h on Mixer 1 or 2 h on Mixer 2'
                          or inside and re.fullmatch(r"\s*,\s*", work.text[found[-1][2][1]:m.start()])  # '(old
                          # lathe 40 min, CNC 25 min)': the machines one step may use
                          or label is not None and label == before  # under one op label: its alternatives
                          or one_machine and not _NEXT.search(work.text, found[-1][2][1], m.start())):  # 'done
                          # completely on one of the two machines': times are choices, unless the line says steps
                alternative.add(m.span())
            elif found and re.search(r"\bor\b|(?<![a-z])/|/(?![a-z])", work.text[found[-1][2][1]:m.start()]):
                return  # an 'or' not read as a choice of machines: never two steps in its place
            found.append((stem(word), time_values(amount)[0], m.span(), weak))
            heads.setdefault(job_name(ref.group(0)), (*ref.span(), stop.start() if stop else end))
    strong = {s for found in steps.values() for s, _, _, weak in found if not weak}
    steps = {job: kept for job, found in steps.items() if (kept := [f for f in found if f[0] in strong])}
    shown = {s: name for s, name in shown.items() if s in strong}  # a bare '25 saw' alone names no station
    routes: dict[str, list[list[tuple[str, TimeVal]]]] = {}
    for job, found in steps.items():  # one operation per step, with the machines it may run on
        for s, tv, span, _ in found:
            if span in alternative and routes.get(job):
                routes[job][-1].append((s, tv))
            else:
                routes.setdefault(job, []).append([(s, tv)])
    choices = one_machine and all(len(r) == 1 for r in routes.values()) and any(len(r[0]) > 1 for r in routes.values())
    if len(routes) < 2 or max(len(r) for r in routes.values()) < 2 and not choices or len(shown) < 2 \
            or any(len({s for s, _ in op}) != len(op) for r in routes.values() for op in r) \
            or any(len({op[0][0] for op in r}) != len(r) for r in routes.values() if all(len(op) == 1 for op in r)) \
            or all(re.fullmatch(r"M\d+", s) for s in shown.values()):  # 'machine 2 for 4': read as routes
        return
    for job, found in steps.items():  # the name and the steps; then what else the stretch says of the job
        start, after, end = heads[job]
        for a, b in [(start, after), *(span for _, _, span, _ in found)]:
            work.consume(a, b)
        for label in list(re.finditer(r"\b(?:op|operation|step)\s*\d+\b", work.text[after:end])):
            work.consume(after + label.start(), after + label.end())  # 'op 1 ...; op 2 ...': the steps' numbers
        read_attrs(work, facts, job, after, end)
        if on_own_line(work.text, start):  # '- Golf, dropped off 8:00: wash 15 min, ...': its release
            read_cued(work, facts, job, after, end)
        if facts.attrs.get(job, {}).pop("p", None) is not None:  # a time that is no step: which step is it?
            facts.unused.append(work.quote(after, end))
        elif any(stem(w) in shown for w in re.findall(r"\b(?:then|next|and)\s+(?:the\s+)?([a-z][a-z-]+)",
                                                         work.text[after:end])):
            facts.unused.append(work.quote(after, end))  # 'then welding as well': a step without its time
    for m in list(work.finditer(rf"\b{MACHINE_NOUN}\s*#?\s*\d+\b")):  # 'either mixer, Mixer 1 or Mixer 2': names
        if stem(m.group(0)) in shown:
            work.consume(*m.span())
    order = [op[0][0] for op in next(iter(routes.values()))]
    for job in routes:
        facts.add_job(job)
    single = all(len(op) == 1 for r in routes.values() for op in r)
    if single and all([op[0][0] for op in r] == order for r in routes.values()) and len(order) == len(shown):
        facts.machine_order = [shown[s] for s in order]
        facts.matrix = [[op[0][1] for op in routes[job]] for job in routes]
        facts.matrix_machines = list(facts.machine_order)
    else:
        facts.routes.update({job: [[(shown[s], tv) for s, tv in op] for op in r] for job, r in routes.items()})
