"""Relations between jobs or tasks (precedence with lags) and machine downtime, setup times."""

from __future__ import annotations

import re
from fractions import Fraction

from ordino.formulate.offline.facts import Facts, Precedence
from ordino.formulate.offline.text import (
    BLANK,
    JOB_NOUN,
    JOB_REF,
    MACHINE_NOUN,
    MACHINE_REF,
    TIME,
    Work,
    job_name,
    machine_name,
    time_values,
)
from ordino.formulate.offline.units import SECONDS, TimeVal

REFX = rf"(?:{JOB_REF}|\b(?![mj]\d)[a-z]\d*\b)"
REF_LIST = rf"(?:(?:both|all of|each of|either)\s+)?{REFX}(?:\s*(?:,\s*and|,|and|&|\+)\s*{REFX})*"
_DONE = r"(?:is\s+|has\s+|have\s+|are\s+)?(?:been\s+)?(?:finished|done|completed?|ends?|ended|finish(?:es)?|over)"
_MUST = r"(?:must|has to|have to|should|needs? to|will|can|may|is to|are to)?\s*(?:only\s+)?"
_START = r"(?:start(?:s|ed)?|begins?|be started|commences?)"
_BEFORE_START = r"(?:(?:starts?|begins?|can start|is started|gets started)\b)?"


def _names(work: Work, m: re.Match[str], group: str) -> list[str] | None:
    """Names in a matched reference list, None when a bare name was not written as a capital."""
    return ref_names(work, m.group(group), m.start(group))


def is_word(work: Work, token: str, start: int) -> bool:
    """Whether a reference found at `start` is a plain word ('a'), not a job's letter written as a capital."""
    return bool(re.fullmatch(r"[a-z]\d*", token)) and not token.startswith("j") and not work.is_capital(start)


def ref_names(work: Work, listed: str, start: int) -> list[str] | None:
    """Names in a reference list found at `start`, None when a bare name was not written as a capital."""
    names = []
    for r in re.finditer(REFX, listed):
        token = r.group(0)
        if token == "and":
            continue
        if is_word(work, token, start + r.start()):
            return None
        names.append(job_name(token))
    return names or None


def _lag(m: re.Match[str]) -> TimeVal | None:
    if m.groupdict().get("lag"):
        vals = time_values(m.group("lag"))
        return vals[0] if vals else None
    return None


def _described(group: str) -> str:
    """A task named by its description and its label in a bracket ('the slab pour (C)'), or by its label alone."""
    return rf"(?:the\s+)?(?:[a-z][\w-]*\s+){{0,4}}?\(?\s*(?P<{group}>{REFX})\s*\)?"


_CURING = (rf"\b(?:after|once|when)\s+{_described('a')}\s+(?:{_DONE}|comes\s+out)\s*,?[^.;\n]{{0,60}}?"
                     rf"\bat\s+least\s+(?P<lag>{TIME})\s+(?:before|until)\s+{_described('b')}\s+"
                     rf"(?:may|can|is\s+allowed\s+to)?\s*(?:{_START}|go(?:es)?\s+in)")  # (a pattern for `Work`)
"""A minimum time between two tasks: 'after the slab pour (C) finishes, the concrete must cure for at least 3 days
before wall building (F) may start'."""
_NO_GAP = (rf"(?P<b>{REFX})\s+{_MUST}(?:go|start|begin|run|be\s+(?:started|put\s+in|loaded))\b"
                     rf"[^.;\n]{{0,40}}?\b(?:the\s+(?:very\s+)?(?:moment|minute|instant|second)|as\s+soon\s+as)\s+"
                     rf"(?P<a>{REFX})\s+(?:comes?\s+out|{_DONE}|leaves|is\s+(?:out|off|taken\s+out))"
                     rf"(?:\s*,?\s*(?:with\s+)?no\s+(?:gap|wait(?:ing)?|delay)(?:\s+at\s+all)?)?")
"""One task starting the moment another ends: 'the focaccia has to go into the oven the very moment the sourdough
comes out, with no gap at all'."""


PATTERNS: list[tuple[str, str, str]] = [
    # (regex, kind, direction): direction 'ab' means group a is first, 'ba' means group b is first
    (rf"(?P<b>{REFX})\s+{_MUST}{_START}\s+(?:at least\s+)?(?P<lag>{TIME})\s+after\s+(?P<a>{REF_LIST})\s+"
     rf"(?:{_START}|has started|started)", "start_before_start", "ab"),
    (rf"(?P<b>{REFX})\s+{_MUST}{_START}\s+(?:at least\s+|no (?:less|sooner|earlier) than\s+)?(?P<lag>{TIME})\s+"
     rf"after\s+(?P<a>{REF_LIST})\s*(?:{_DONE})?", "end_before_start", "ab"),
    (rf"(?:wait|leave|a (?:gap|delay|lag) of)\s+(?:at least\s+)?(?P<lag>{TIME})\s+(?:between|from)\s+(?P<a>{REFX})"
     rf"\s+(?:and|to)\s+(?P<b>{REFX})", "end_before_start", "ab"),
    (rf"(?P<a>{REFX})\s+{_MUST}(?:finish(?:es)?|end|be (?:finished|done|completed)|complete)\s+(?:at least\s+)?"
     rf"(?:(?P<lag>{TIME})\s+)?before\s+(?P<b>{REF_LIST})\s*{_BEFORE_START}", "end_before_start", "ab"),
    (rf"(?P<b>{REFX})\s+(?:must not|cannot|can't|can not|may not|should not|is not allowed to)\s+{_START}\s+"
     rf"(?:until|before)\s+(?P<a>{REF_LIST})\s*{_DONE}", "end_before_start", "ab"),
    (rf"(?P<b>{REFX})\s+{_MUST}{_START}\s+(?:only\s+)?(?:after|once|when)\s+(?P<a>{REF_LIST})\s*(?:{_DONE})?",
     "end_before_start", "ab"),
    (rf"(?P<b>{REFX})\s+(?:requires|needs|depends on|waits? for|must wait for|comes after|goes after|follows|"
     rf"is after|after|succeeds|has predecessors?:?|predecessors?:?|preds?:?)\s+(?P<a>{REF_LIST})"
     rf"(?:\s+(?:to be|being|to have)\s+(?:finished|done|completed?))?", "end_before_start", "ab"),
    (rf"(?P<a>{REFX})\s+(?:must\s+)?(?:be\s+)?(?:done\s+|processed\s+|scheduled\s+)?(?:comes?\s+|goes?\s+|is\s+|"
     rf"runs?\s+)?(?:before|precedes|prior to|ahead of)\s+(?P<b>{REF_LIST})", "end_before_start", "ab"),
    (rf"(?P<b>{REFX})\s+{_MUST}wait\s+(?:until|till|for)\s+(?P<a>{REF_LIST})\s*(?:{_DONE}|to (?:finish|end|be done))?",
     "end_before_start", "ab"),
    (rf"\b(?:after|once|when)\s+(?P<a>{REF_LIST})\s*(?:{_DONE})\s*,?\s*(?:then\s+)?(?P<b>{REFX})\s+{_MUST}"
     rf"(?:{_START}|go|run|follow)", "end_before_start", "ab"),
    (rf"(?P<b>{JOB_REF})(?:(?!{JOB_NOUN}\s)[^.;\n]){{0,60}}?\b(?P<kw>must wait for|waits for|can only start "
     rf"after|only (?:starts? )?after|cannot start before|can't start before|(?:can't|cannot|can not) (?:start|begin) "
     rf"until|can only (?:start|begin) (?:once|when)|(?:has|have) to wait (?:for|until)|must wait until|only once)\s+"
     rf"(?P<a>{REF_LIST})\s*"
     rf"(?:(?:to be|is|are)\s+)?(?:finished|done|completed?)?", "end_before_start", "ab"),
]


def read_precedences(work: Work, facts: Facts) -> None:
    """Precedences like 'job 3 must finish before job 5 starts', 'B after A', 'C needs A and B', 'A -> B'."""
    for m in list(work.finditer(r"\b(?P<w>o|op|operation|step)\s*(?P<b>\d)\s+(?:after|follows)\s+(?P=w)\s*(?P<a>\d)\s+"
                                r"(?:within|in|of)\s+(?:each|every|the same|a|its)\s+job\b")):
        if int(m.group("b")) == int(m.group("a")) + 1:  # 'O2 after O1 within each job': a route's order, no tasks'
            work.consume(*m.span())
    for lagged, exact in ((_CURING, False), (_NO_GAP, True)):  # lags: at least some time, or none at all
        for m in list(work.finditer(lagged)):
            a, b = _names(work, m, "a"), _names(work, m, "b")
            if BLANK_IN(work, m) or not a or not b or len(a) != 1 or len(b) != 1 or a == b:
                continue
            zero = TimeVal(Fraction(0), None)
            facts.precedences.append(Precedence(a[0], b[0], "end_before_start", _lag(m) or zero,
                                                zero if exact else None))
            work.consume(*m.span())
    for pattern, kind, _ in PATTERNS:
        for m in list(work.finditer(pattern)):
            far = m.groupdict().get("kw") is not None  # 'job 3 takes 4 days ..., and can't start until job 1 ...'
            if BLANK in work.text[m.start("kw") if far else m.start():m.end()] \
                    or BLANK in work.text[m.start("b"):m.end("b")]:
                continue  # words between a far subject and its verb may have been read already
            a = _names(work, m, "a")
            b = _names(work, m, "b")
            if not a or not b or set(a) & set(b):  # 'job 4 ... once job 4 is done': misread, left for a question
                continue
            for first in a:
                for then in b:
                    facts.precedences.append(Precedence(first, then, kind, _lag(m)))
            work.consume(m.start("kw") if m.groupdict().get("kw") else m.start(), m.end())
    pair = rf"(?:{REFX}|\d+)\s*(?:->|=>|<|>)\s*(?:{REFX}|\d+)"
    keyword = (r"\bprec(?:edences?|s)?\b(?:\s+(?:constraints?|relations?|arcs?|edges?|pairs?))?\s*"
               r"(?:\([^()\n]{0,120}\))?")  # '(i -> j: ...)'
    for m in list(work.finditer(rf"{keyword}\s*:?\s*(?P<l>{pair}(?:\s*[,;]\s*(?:and\s+)?{pair})*)")):
        if BLANK_IN(work, m):
            continue  # 'prec: 1->2, 3->5', 'prec J1<J4': numbers name jobs there
        for a, b in re.findall(rf"({REFX}|\d+)\s*(?:->|=>|<|>)\s*({REFX}|\d+)", m.group("l")):  # '>' is an arrow
            facts.precedences.append(Precedence(job_name(f"j{a}" if a.isdigit() else a),
                                                job_name(f"j{b}" if b.isdigit() else b)))
        work.consume(m.start(), m.end())
    chain = rf"{REFX}(?:\s*(?:->|>|=>)\s*{REFX})+(?!\s*[:=]?\s*\d)"  # 'A->B 10' is a changeover, not an order
    for m in list(work.finditer(chain)):
        if BLANK_IN(work, m):
            continue
        names = [job_name(x) for x in re.findall(REFX, m.group(0))]
        for first, then in zip(names, names[1:], strict=False):
            facts.precedences.append(Precedence(first, then))
        work.consume(m.start(), m.end())
    _named_arrows(work, facts, keyword)


def _named_arrows(work: Work, facts: Facts, keyword: str) -> None:
    """Arrows between jobs by their names under a precedence keyword: 'prec: crm_ext -> dedupe, dedupe -> load_dw'."""
    ids = {facts.names.get(j, j).lower(): j for j in facts.jobs if len(facts.names.get(j, j)) >= 2}
    if len(ids) < 2:
        return
    name = "|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in sorted(ids, key=len, reverse=True))
    pair = rf"(?:{name})(?:\s*(?:->|=>|>|\u2192)\s*(?:{name}))+"
    for m in list(work.finditer(rf"{keyword}\s*:?\s*(?P<l>{pair}(?:\s*[,;]\s*(?:and\s+)?{pair})*)")):
        if BLANK_IN(work, m):
            continue
        for chain in re.split(r"\s*[,;]\s*(?:and\s+)?", m.group("l")):
            said = [ids[x] for x in re.findall(name, chain)]
            facts.precedences += [Precedence(a, b) for a, b in zip(said, said[1:], strict=False)]
        work.consume(m.start(), m.end())


def BLANK_IN(work: Work, m: re.Match[str]) -> bool:  # noqa: N802 - reads like a predicate on the text
    """Whether part of the match was already consumed (matches are found on a snapshot)."""
    return "\u2591" in work.text[m.start():m.end()]


_DOWN = (r"(?:is\s+|will be\s+|goes\s+)?(?:down|unavailable|not available|offline|under maintenance|in maintenance|"
         r"broken|out of (?:order|service|action|use)|under repair|"
         r"being maintained|(?:being\s+)?serviced|being repaired|in for (?:a\s+)?service|closed|blocked|stopped|off|"
         r"has (?:a\s+)?(?:break|maintenance|downtime)|"
         r"(?:needs|has|gets|requires) maintenance)")
_AT = r"(?:time\s+|t\s*=\s*|hour\s+|minute\s+)?"
_SPAN = (rf"(?:(?:from|between|during|in|at)?\s*{_AT}(?P<s>{TIME})\s*(?:to|until|till|and|-)\s*{_AT}(?P<e>{TIME})|"
         rf"\[\s*(?P<s2>{TIME})\s*,\s*(?P<e2>{TIME})\s*[\])]|(?:until|till|up\s+to)\s+{_AT}(?P<e3>{TIME}))")
"""A time span: 'from 2 to 5', 'between t=2 and t=5', 'from hour 2 until hour 5', '[2, 5)' or '[2,5]' (the machine
is free again at the end); 'until 8:00' runs from the start."""
_WHY = r"(?:\s+for\s+(?:a\s+|an\s+)?(?:[a-z]+\s+){0,2}?(?=from|between|during|\[))?"
"""'down for servicing from ...', 'off for a planned repair between ...': the reason, words only."""


_RESUME = (r"\b(?:(?:the\s+)?work|jobs?|tasks?|operations?|it|they|each\s+(?:job|task))\s+(?:simply\s+|just\s+)?"
           r"(?:stops?|pauses?|(?:is|are|gets?)\s+(?:paused|interrupted|halted)|halts?)\s+(?:over|during|for|at)\s+"
           r"(?:the\s+|a\s+|any\s+|each\s+)?(?:[a-z]+\s+)?(?:breaks?|downtimes?|maintenance|outages?|pauses?)"
           r"(?:\s*,?\s*(?:and|then)\s+(?:continues|resumes|picks up|carries on|goes on)(?:\s+(?:after(?:wards)?|"
           r"later|where it (?:left|stopped)(?: off)?))?)?|"
           r"\b(?:work|jobs?|tasks?|it|they)\s+(?:continues?|resumes?|picks? up|carr(?:y|ies) on)\s+after\s+(?:the\s+|"
           r"a\s+|each\s+)?(?:[a-z]+\s+)?(?:breaks?|downtimes?|maintenance|outages?|pauses?)|"
           r"\b(?:an?|the|any)\s+[a-z]+\s+(?:that\s+is|that's|which\s+is)\s+(?:still\s+)?(?:in\s+progress|running|"
           rf"underway)(?:\s+at\s+(?P<paused>{TIME}))?\s+(?:is|gets)\s+paused\s+and\s+(?:then\s+)?resumes?\b"
           rf"(?:\s+at\s+(?P<resumed>{TIME}))?[^.;\n]{{0,30}}?\bwhere\s+it\s+(?:left|stopped)(?:\s+off)?")
"""'work stops over the lunch break and continues after', 'a job just pauses during maintenance', 'a print that is
in progress at 12:00 is paused and resumes at 12:45 exactly where it left off': tasks resume."""


_RESUME_JOBS = (rf"(?P<jobs>{JOB_REF}(?:\s*(?:,|and|&)\s*{JOB_REF})*)\s+(?:(?:may|can|is allowed to|are allowed to)"
                r"\s+(?:be\s+)?|(?:is|are)\s+)(?:paused|pause|interrupted|split|stopped|stop|resumed)\b[^.;\n]*")
"""'job 1 may pause over breaks and continue after', 'orders 2 and 3 can be interrupted by the lunch break'."""

_NOT_RESUMABLE = (r"\b(?:he|she|they|we|it)\s+(?:won't|will\s+not|doesn't|does\s+not|don't|do\s+not|never)\s+start\s+"
                  r"an?\s+\w+\s+(?:he|she|they|we|it)\s+can(?:'t|not)\s+finish\s+before\s+(?:the\s+)?\w+|"
                  r"\bnothing\s+(?:gets\s+|is\s+)?(?:worked\s+on|done|run)\s+(?:during|in|over)\s+the\s+\w+|"
                  r"\b(?:the\s+)?(?:others?|other\s+(?:jobs|tasks|orders)|rest|remaining\s+\w+)\s+"
                  r"(?:must|may|can|should)(?:\s*not|n't)\s+(?:be\s+)?(?:interrupted|paused|split|stopped)[^.;\n]*|"
                  r"\b(?:the\s+)?(?:others?|other\s+(?:jobs|tasks|orders)|rest)\s+(?:must\s+)?run\s+without\s+"
                  r"(?:an?\s+)?(?:interruption|pause|break)s?[^.;\n]*|"
                  r"\b(?:it|a\s+job|the\s+job|each\s+job)\s+(?:has|needs|must)\s+(?:to\s+)?fit\s+(?:completely\s+|"
                  r"entirely\s+|fully\s+)?before\s+(?:it\s+)?or\s+start\s+after(?:\s+it)?|"
                  r"\bnon-?\s?resumable\b\s*:?|"
                  r"\b(?:jobs?|tasks?|orders?|runs?)\s+(?:cannot|can't|can\s+not|may\s+not|must\s+not)\s+be\s+"
                  r"(?:split|broken|paused|interrupted)\s+(?:around|across|over|by)\s+(?:it|them|the\s+\w+)")
"""'the others must not be interrupted', 'he won't start a repair he can't finish before lunch', 'nothing gets
worked on during the break', 'it has to fit completely before or start after': the default, read so that it is
accounted for; 'non-resumable: jobs cannot be split around it'."""

_ALL_BUT = (rf"\b(?:except(?:\s+for)?|apart\s+from|other\s+than|but)\s+"
            rf"(?P<jobs>{JOB_REF}(?:\s*(?:,|and|&)\s*{JOB_REF})*)")
_UNBROKEN = (r"\b(?:without\s+(?:an?\s+)?interruption|in\s+one\s+go|uninterrupted|(?:can't|cannot|can\s+not|must\s+not|"
             r"may\s+not|mustn't)\s+be\s+(?:interrupted|paused|split))")
"""'all loads except job 3 must run without interruption' (a clause with both): the jobs excepted may pause."""


_WARM_UP = re.compile(r"\b(?:it|the\s+[a-z]+(?:\s+[a-z]+)?)\s+needs?\s+(?:a|an)\s+(?P<n>\d+(?:\.\d+)?)[- ]?"
                      r"(?P<u>minutes?|mins?|hours?|h)\s+(?:warm[- ]?up|pre-?heat(?:ing)?)\s+before\s+the\s+"
                      r"(?:very\s+)?first\s+[a-z]+\b")
"""'it needs a 15-minute warm-up before the first batch': the one machine can run nothing in that time."""


def read_warm_up(work: Work, facts: Facts) -> None:
    """A warm-up before the first job of the one machine, as a time at the start in which it runs nothing."""
    if facts.kind != "single_machine":
        return  # (with several machines, which one warms up is asked)
    for m in work.take(_WARM_UP.pattern):
        facts.down.append((None, TimeVal(Fraction(0), None), time_values(f"{m.group('n')} {m.group('u')}")[0]))


def read_downtime(work: Work, facts: Facts) -> None:
    """'machine 2 is down from 8 to 10', 'break from 4 to 5', 'M1: maintenance 3-5'; and whether the work pauses
    over them ('work stops over the lunch break and continues after'), or some jobs' work does ('job 1 may pause
    over breaks')."""
    restated = []  # the break's times said again with the pause ('paused at 12:00 and resumes at 12:45')
    for m in list(work.finditer(_RESUME, re.IGNORECASE)):
        facts.resumable = True
        work.consume(m.start(), m.end())
        if m.group("paused") or m.group("resumed"):
            restated.append((m, [time_values(m.group(g))[0] if m.group(g) else None for g in ("paused", "resumed")]))
    for m in list(work.finditer(_RESUME_JOBS, re.IGNORECASE)):
        if re.search(r"\bnot\b|n't\b", m.group(0), re.IGNORECASE):
            continue
        facts.resumable_jobs |= {f"J{int(n)}" for n in re.findall(r"(\d+)", m.group("jobs"))}
        work.consume(m.start(), m.end())
    for m in list(work.finditer(_ALL_BUT, re.IGNORECASE)):
        a, b = work.clause(m.start(), m.end())
        if re.search(_UNBROKEN, work.text[a:b], re.IGNORECASE):
            facts.resumable_jobs |= {f"J{int(n)}" for n in re.findall(r"(\d+)", m.group("jobs"))}
            work.consume(a, b)
    for m in list(work.finditer(_NOT_RESUMABLE, re.IGNORECASE)):
        work.consume(m.start(), m.end())
    patterns = [
        rf"(?:(?P<m>{MACHINE_REF}|(?:the|our|a|one)\s+[a-z]+|it|machine)|(?:machine\s+)?availability)\s*:?\s*{_DOWN}"
        rf"{_WHY}\s*{_SPAN}",
        rf"(?:maintenance|break|downtime|shutdown|outage|pause)\s+(?:on|of|for)\s+(?P<m>{MACHINE_REF})\s*:?\s*{_SPAN}",
        rf"(?P<m>{MACHINE_REF})?\s*:?\s*(?:a\s+|there is a\s+|there's a\s+)?(?:planned\s+|scheduled\s+|lunch\s+)?"
        rf"(?:maintenance|break|downtime|shutdown|outage|pause|(?<=takes )lunch)\s*(?:window|period|slot)?\s*"
        rf"(?:of\s+the machine\s+)?"
        rf"(?:is\s+)?(?:on\s+(?:all|every|each)\s+machines?\s+)?:?\s*{_SPAN}",
        rf"(?:all machines|every machine|everything|the shop|the plant|the factory|the line)\s+(?:is\s+|are\s+)?"
        rf"{_DOWN}\s*{_SPAN}",
        rf"(?P<m>{MACHINE_REF})\s+(?:is\s+)?(?:[a-z-]+\s+){{0,4}}?(?:and\s+)?(?:is\s+)?(?:only\s+)?available\s+"
        rf"(?:again\s+)?(?:only\s+)?from\s+{_AT}(?P<e3>{TIME})(?:\s+on(?:wards)?)?",  # 'M2 ... is available only from
        # 60 min on': down from the start
        rf"(?P<m>{MACHINE_REF})\s+(?:is\s+)?(?:[\w'-]+,?\s+){{0,10}}?(?:and\s+)?(?:can't|cannot|can\s+not|won't|will\s+not)\s+"
        rf"(?:be\s+)?(?:used|run|started|available|start|(?:run|start|take|do)\s+anything)\s+(?:before|until|till)\s+"
        rf"{_AT}(?P<e3>{TIME})",
        # 'machine 2 is still being commissioned and can't be used before 120 min': down from the start
    ]
    for k, pattern in enumerate(patterns):
        for m in list(work.finditer(pattern)):
            if BLANK_IN(work, m):
                continue
            ref = m.groupdict().get("m")
            machine = machine_name(ref) if ref and re.search(r"\d", ref) else \
                ref.split()[-1] if ref and not re.fullmatch(r"(?:(?:the|our|a|one)\s+)?machine|it", ref) else None
            if machine is None and k != 3:  # 'M1's operator takes lunch from 12:00 to 12:45': M1's, not all machines'
                refs = {machine_name(r) for r in re.findall(MACHINE_REF, work.text[slice(*work.clause(*m.span()))])}
                if len(refs) > 1:
                    facts.unused.append(work.quote(*m.span()))  # which of them: asked
                machine = refs.pop() if len(refs) == 1 else None
            start, end = _span(m)
            if not _same_time(start, end):  # 'M1 is available from t = 0': no time down at all
                if machine is None and k != 3:  # 'the server gets its maintenance from 1 to 3': whose, asked later
                    facts.down_said[len(facts.down)] = _around(work, m)
                    a = _clause_of(work, m)[0]
                    if _SUBJECT_DOWN.fullmatch(work.text, a, m.start()):  # 'Baler 3 is down for maintenance
                        work.consume(a, m.start())  # until hour 4': the subject, whose machine is found later
                facts.down.append((machine, start, end))
            work.consume(m.start(), m.end())
    downs: dict[tuple[int, int], bool] = {}  # each clause searched once: linear on long text
    for m in list(work.finditer(_SPAN)):  # 'the technician has the kiln from 10 to 11 for maintenance'
        a, b = work.clause(*m.span())
        if (a, b) not in downs:
            downs[a, b] = _DOWN_WORD.search(work.text, a, b) is not None
        if BLANK_IN(work, m) or not downs[a, b] or m.group("e3"):  # 'until 5' alone: the subject is asked
            continue
        refs = {machine_name(r) for r in re.findall(MACHINE_REF, work.text[a:b])}
        if len(refs) <= 1:
            if not refs:  # 'the Bambu is getting a nozzle swap from 2 to 5': whose, once the machines are known
                facts.down_said[len(facts.down)] = _around(work, m)
            facts.down.append((refs.pop() if refs else None, *_span(m)))
            work.consume(m.start(), m.end())
    for m, (paused, resumed) in restated:  # the break said again: the same times, or the text is asked about
        if not any((paused is None or _same_time(paused, a)) and (resumed is None or _same_time(resumed, b))
                   for _, a, b in facts.down):
            facts.unused.append(work.quote(*m.span()))


_SUBJECT_DOWN = re.compile(r"\s*(?:the\s+)?[a-z][\w -]{0,30}?\s+(?:is|are|will\s+be|goes)\s+(?:down|offline|closed|"
                           r"unavailable|out\s+of\s+service)(?:\s+for)?\s*")
"""The subject of a down time said before its reason ('baler 3 is down for' maintenance until hour 4)."""


def _clause_of(work: Work, m: re.Match[str]) -> tuple[int, int]:
    """Where the clause of a match begins and ends (the blanks a pattern takes before its words left out)."""
    return work.clause(m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end())


def _around(work: Work, m: re.Match[str]) -> str:
    """The clause of a down time without its times ('the Bambu is getting a nozzle swap', 'a planned outage on
    hermes'), where the machine it stops is named."""
    a, b = _clause_of(work, m)
    at = min(m.start(g) for g, said in m.groupdict().items() if said and g != "m")
    before = re.sub(rf"\s*(?:from|between|during|in|at|until|till|up\s+to)?\s*{_AT}$", "", work.cased[a:at],
                    flags=re.IGNORECASE)
    return f"{before} {work.cased[m.end():b]}".strip()


def _same_time(x: TimeVal, y: TimeVal) -> bool:
    """Whether two points in time are one ('180 min' and '3 h')."""
    return x == y or (x.unit in SECONDS and y.unit in SECONDS and
                      x.value * SECONDS[x.unit] == y.value * SECONDS[y.unit])



_DOWN_WORD = re.compile(r"\b(?:maintenance|servic(?:e|ing)|repairs?|down|unavailable|shut\s*down|closed|outage|booked|"
                        r"defrost(?:ing)?|calibrat(?:ion|ing|ed)|"
                        r"reserved|has to be empty|must be empty|stays? empty|inspection|cleaning|"
                        r"broken|offline|out of (?:order|service|action|use)|"
                        r"nothing\s+(?:can|may)\s+(?:be|run|go)\s+(?:in|on|through)|"
                        r"(?:nothing|no\s+(?:job|task|order|batch|part|test|unit|sample)s?)\s+(?:can|may|is\s+allowed\s+"
                        r"to)\s+(?:be\s+)?"
                        r"(?:in\s+process|running|processed)|"
                        r"(?:filters?|coolant|oil|tools?|blades?|belts?|nozzles?)\s+(?:changes?|changed|change-over|swap)|"
                        r"gets?\s+(?:its|their|the)\s+(?:filters?|coolant|oil|tools?|blades?|belts?|nozzles?)\s+"
                        r"(?:changed|replaced|swapped))\b")


def _span(m: re.Match[str]) -> tuple[TimeVal, TimeVal]:
    """Start and end of a matched `_SPAN` (the start takes the end's unit when it has none: 'from 2 to 5 h')."""
    g = m.groupdict()
    e = time_values(g.get("e") or g.get("e2") or g["e3"])[0]
    s = time_values(g.get("s") or g["s2"])[0] if not g.get("e3") else TimeVal(Fraction(0))
    return (TimeVal(s.value, e.unit) if s.unit is None and e.unit is not None else s), e


_CHANGE = r"\b(?:chang\w*(?:\s+over)?|changeovers?|switch\w*|set-?ups?|clean\w*)\b"
_SPELL = rf"(?P<t>{TIME})(?:\s+(?:and\s+)?(?P<t2>{TIME}))?"  # '1 hour 30 minutes'
_PAIR_SETUP = re.compile(rf"\bfrom\s+(?P<a>{JOB_REF})\s+to\s+(?:(?P<b>{JOB_REF})|any other\s+\w+)\s*(?:takes\s+|is\s+|"
                         rf"needs\s+|of\s+|:\s*)?(?:only\s+|just\s+)?{_SPELL}|"
                         rf"(?P<a2>{JOB_REF})\s*(?:->|\u2192|=>)\s*(?P<b2>{JOB_REF})\s*(?:[:=]\s*)?"
                         rf"{_SPELL.replace('?P<t', '?P<u')}")
"""'from A to B takes 15 minutes', 'A->B 10' (in a sentence about changing over)."""


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence holding `at` ends (a full stop before a blank, a line break or the end)."""
    end = re.compile(r"[.?!](?:\s|$)|\n").search(text, at)
    return end.start() if end else len(text)


def _spelled(m: re.Match[str]) -> TimeVal:
    """The time of a match, '1 hour 30 minutes' added up in the finer unit."""
    key = "t" if m.groupdict().get("t") else "u"  # 'u': the groups of the arrow form 'A->B 10'
    first = time_values(m.group(key))[0]
    if not m.groupdict().get(key + "2"):
        return first
    second = time_values(m.group(key + "2"))[0]
    if first.unit is None or second.unit is None or first.unit == second.unit:
        return first
    fine = min((first, second), key=lambda v: SECONDS[v.unit or "s"])
    coarse = first if fine is second else second
    return TimeVal(fine.value + coarse.value * SECONDS[coarse.unit or "s"] / SECONDS[fine.unit or "s"], fine.unit)


_FIRST_TOO = re.compile(r"(?i)includ\w*\s+the\s+(?:very\s+)?first|(?:even|also)\s+(?:for|before)\s+the\s+(?:very\s+)?"
                        r"first|before every (?:single )?(?:job|order|task|run)(?:,)? including|(?:right|immediately) "
                        r"before (?:it|each|every)")
"""'a setup right before each order, including the very first one': the setup is part of every job's time."""


def _change_clauses(work: Work) -> list[tuple[int, int]]:
    """(start, end) of each stretch from a word of changing over to the end of its sentence, each once."""
    return sorted({(work.clause(*m.span())[0], _sentence_end(work.text, m.end())) for m in work.finditer(_CHANGE)})


def read_setups(work: Work, facts: Facts) -> None:
    """Sequence-dependent changeovers ('changing over from A to B takes 15 minutes, from B to C 20 minutes, from
    D to any other product 1 hour 30 minutes'), and a constant setup ('setup time of 2 between jobs',
    'changeover 5 min', 'whenever we switch from one run to the next, the die is cleaned, which takes 1 hour')
    (tables are read elsewhere)."""
    for start, end in _change_clauses(work):
        for m in list(_PAIR_SETUP.finditer(work.text, start, end)):
            a, b = m.span()
            if BLANK in work.text[a:b]:
                continue
            first, then = m.group("a") or m.group("a2"), m.group("b") or m.group("b2")
            facts.setup_pairs[(job_name(first), job_name(then) if then else None)] = _spelled(m)
            work.consume(a, b)
    switch = (rf"(?:switch\w*|chang\w*|go\w*|mov\w*)\s+from\s+one\s+\w+\s+to\s+(?:the\s+)?(?:next|another)\b"
              rf"[^.;]{{0,80}}?\b(?:takes?|needs?|lasts?|requires?)\s+(?P<t>{TIME})")
    for m in list(work.finditer(switch)):
        if not BLANK_IN(work, m) and facts.setup_const is None:
            facts.setup_const = _spelled(m)
            work.consume(m.start(), m.end())
    pattern = (rf"(?:sequence[\s-]*independent\s+)?(?:setup|set-up|changeover|change-over|cleaning)s?\s*(?:times?)?\s*"
               rf"(?:of|is|=|:|takes|needs|lasts)?\s*(?:always\s+)?(?:the\s+same\s+)?"
               rf"{_SPELL}\s*(?:is needed\s+|is required\s+)?"
               r"(?:between (?:any )?(?:two |consecutive |successive )?(?:jobs|orders|tasks|parts|batches)|"
               r"before each (?:job|order|task)(?: except the first)?|whenever[^.;\n]*|each time[^.;\n]*|"
               r"per change(?:over)?)?")
    pattern2 = (rf"(?:between (?:any )?(?:two |consecutive |successive )?(?:jobs|orders|tasks|parts|batches)|"
                rf"between one \w+ and the next|switching (?:between )?(?:jobs|orders|tasks)?)\s*,?\s*"
                rf"(?:there is\s+|we need\s+|we lose\s+|we spend\s+|it takes\s+|takes\s+|,\s*)?"
                rf"(?:a\s+)?(?:setup|set-up|changeover|cleaning)?\s*(?:time\s+)?(?:of\s+)?{_SPELL}")
    pattern3 = (rf"{_SPELL}[ \t]+(?:of[ \t]+)?(?:setup|set-up|changeover|change-over|cleaning)(?:\s+times?)?"
                r"(?:\s+(?:is needed\s+)?between (?:any )?(?:two |consecutive |successive )?(?:jobs|orders|tasks))?")
    pattern4 = (rf"\b(?:after|following)\s+(?:every|each)\s+(?:\w+\s+)?(?:{JOB_NOUN}|one)\s*,?\s*"
                rf"(?:we\s+need|there\s+is|it\s+takes|takes|needs|we\s+spend|comes)\s+(?:another\s+|a\s+)?{_SPELL}(?=[^.;\n]{{0,90}}\bnext\b)")
    for p in (pattern, pattern2, pattern3, pattern4):  # pattern4: 'after every batch we need 10 minutes ... next'

        for m in list(work.finditer(p)):
            if BLANK_IN(work, m):
                continue
            if facts.setup_const is not None and _spelled(m) != facts.setup_const:
                facts.unused.append(work.quote(*m.span()))  # two different setups: which one?
                continue
            facts.setup_const = _spelled(m)
            work.consume(m.start(), m.end())
            a, b = work.clause(*m.span())
            facts.setup_first |= _FIRST_TOO.search(work.original[a:b]) is not None


_MACHINES = rf"{MACHINE_REF}(?:\s*(?:,\s*or|,|or|and|/)\s*{MACHINE_REF})*"
_JOBS = rf"{JOB_REF}(?:\s*(?:,\s*and|,|and|&)\s*{JOB_REF})*"


def read_eligibility(work: Work, facts: Facts) -> None:
    """Which machines a job may use: 'J1 and J4 can only run on M1 or M2', 'J3 only on M3', 'job 1 → {M2, M3}',
    'job 2 cannot go on machine 3', 'M3 cannot take J5'."""
    only = (rf"(?P<j>{_JOBS})(?:\s+(?:is|are)\s+[a-z '-]{{1,40}}?(?:,|\s+and|\s+so))?\s+(?:(?:can|may|must)\s+)?"
            rf"(?:only|just|exclusively)\s+(?:(?:run|go|be\s+[a-z]+)\s+)?(?:on|by|at|in)\s+(?:either\s+)?"
            rf"(?P<m>{_MACHINES})|"  # 'order C is oversized and can only be packed at P2'

            rf"(?P<j2>{_JOBS})\s+(?:(?:can|may)\s+)?(?:run|go|be\s+(?:processed|done))\s+only\s+on\s+(?P<m2>{_MACHINES})|"
            rf"(?P<j3>{_JOBS})\s*(?:>|:|=)\s*\{{\s*(?P<m3>{_MACHINES})\s*\}}(?:\s+only)?(?=\s*(?:[;,.\n]|$))")
    # 'job 1 > {M2, M3}' (an arrow after normalising), 'J6: {M1} only': the set of machines a job may use
    never = (rf"(?P<j>{_JOBS})\s+(?:cannot|can't|can not|must not|may not|is not allowed to|are not allowed to)\s+"
             rf"(?:run|go|be\s+(?:processed|done|run|made))\s+(?:on|by|at|in)\s+(?P<m>{_MACHINES})|"
             rf"(?P<m2>{_MACHINES})\s+(?:cannot|can't|can not)\s+(?:take|run|do|process|handle)\s+(?P<j2>{_JOBS})")
    record = (rf"(?:^|(?<=[;\n]))[ \t*-]*(?P<j>{JOB_REF})\s*[:=,]?\s*(?P<t>{TIME})\s*[,;]?\s*(?:on\s+)?"
              rf"(?:(?P<any>any|all|either)(?:\s+machines?)?|(?P<m>{_MACHINES})(?:\s+only)?)[ \t]*(?=[;\n.]|$)")
    for m in list(work.finditer(record, re.MULTILINE)):  # 'J2 55 M1/M2; J3 30 M3 only; J4 45 any'
        if BLANK_IN(work, m):
            continue
        job = job_name(m.group("j"))
        facts.set_attr(job, "p", time_values(m.group("t"))[0])
        if m.group("m"):
            facts.eligible.setdefault(job, set()).update(machine_name(x) for x in re.findall(MACHINE_REF, m.group("m")))
        work.consume(m.start(), m.end())
    for pattern, into in ((only, facts.eligible), (never, facts.ineligible)):
        for m in list(work.finditer(pattern)):
            if BLANK_IN(work, m):
                continue
            said = m.groupdict()
            jobs = [job_name(j) for j in re.findall(JOB_REF, said["j"] or said["j2"] or said.get("j3") or "")]
            listed = said["m"] or said["m2"] or said.get("m3") or ""
            machines = {machine_name(x) for x in re.findall(MACHINE_REF, listed)}
            for job in jobs:  # not added to the jobs: their order is the order their data is given in
                into.setdefault(job, set()).update(machines)
            work.consume(m.start(), m.end())
    _line_eligibility(work, facts)


_LINE_MACHINES = re.compile(rf"(?:on\s+)?(?:only\s+)?(?P<m>{_MACHINES})(?:\s+only)?\s*(?P<aside>\([^()\n]*\))?|"
                            rf"(?:on\s+)?(?P<any>any|either|all)\s+(?:machines?|lines?|{MACHINE_NOUN}|one)")
"""A piece of a job's line that says where it runs: 'machine 2 only', 'machine 1 or machine 3 (machine 3 can't seam
cans)', 'any line'."""


def _line_eligibility(work: Work, facts: Facts) -> None:
    """The machines a job may use, said between commas on its own line ('- Olive oil: 6 h, Line 2 only, due 10');
    an aside that denies one of them is left unread (so asked)."""
    for line in list(work.finditer(rf"(?m)^[ \t*-]*(?P<j>{JOB_REF})\s*[:=-][^\n]*$")):
        job = job_name(line.group("j"))
        for piece in re.finditer(r"[^,;]+", work.text[line.end("j") + 1:line.end()]):
            a = line.end("j") + 1 + piece.start() + len(piece.group(0)) - len(piece.group(0).lstrip())
            m = _LINE_MACHINES.fullmatch(work.text, a, a + len(piece.group(0).strip()))
            if m is None or BLANK_IN(work, m):
                continue
            allowed = {machine_name(x) for x in re.findall(MACHINE_REF, m.group("m") or "")}
            denied = {machine_name(x) for x in re.findall(MACHINE_REF, m.group("aside") or "")}
            if m.group("aside") and (denied & allowed or not re.search(r"\b(?:can't|cannot|not|no|never)\b",
                                                                     m.group("aside"))):
                continue
            if allowed:
                facts.eligible.setdefault(job, set()).update(allowed)
            work.consume(*m.span())
        for m in re.finditer(rf"\(\s*(?:only\s+(?:on\s+)?(?P<a>{_MACHINES})|(?P<b>{_MACHINES})\s+only)\s*\)", work.text[
                line.end("j"):line.end()]):  # '60 min (lift 1 only)'
            facts.eligible.setdefault(job, set()).update(
                machine_name(x) for x in re.findall(MACHINE_REF, m.group("a") or m.group("b")))
            work.consume(line.end("j") + m.start(), line.end("j") + m.end())



_KIND_SETUP = re.compile(rf"\bfrom\s+(?P<a>[a-z]{{3,}})(?:\s+(?:stock|paper|ink|colou?r|type|family|material|ones?))?"
                         rf"\s+(?:back\s+)?to\s+(?P<b>[a-z]{{3,}})(?:\s+(?:stock|paper|ink|colou?r|type|family|material|"
                         rf"ones?))?\s*(?:takes\s+|is\s+|needs\s+|of\s+|:\s*)?(?:only\s+|just\s+)?{_SPELL}")
"""'from glossy to matte takes 15 minutes': a changeover between kinds of job the jobs' lines name."""
_KIND_ARROW = re.compile(rf"(?m)(?:^|(?<=,)|(?<=;))\s*(?P<a>[a-z]{{3,}})\s*->\s*(?P<b>[a-z]{{3,}})\s*:?\s*{_SPELL}"
                         r"(?=\s*(?:[,;.]|$))")
"""'light -> medium 10 min, light -> dark 15 min': the same, written with arrows in a list."""
_SAME_KIND = re.compile(rf"(?:\b(?:two|consecutive|successive)\s+\w+\s+|(?<!{BLANK}){BLANK}+\s*)of\s+the\s+same\s+"
                        rf"(?:[a-z]+\s+){{1,2}}?"
                        rf"(?:back\s+to\s+back\s+)?(?:still\s+)?(?:need|take)s?\s+(?:a\s+|an\s+)?{_SPELL}"
                        r"(?:\s+to\s+[^.;\n]{1,60})?")
"""'Two batches of the same roast level back to back still need 5 min to clear the chaff': a changeover within a
kind."""


def read_kind_setups(work: Work, facts: Facts) -> None:
    """Changeovers between kinds of job ('from glossy to matte takes 15 minutes, and from matte back to glossy
    takes 10'), each job's kind named on its own line ('- job 1: 40 min, glossy stock'): a changeover for every
    pair of jobs of different kinds, none between two of one kind. Left unread (so asked) when a job's line names
    no kind or two, or a pair of kinds has no time."""
    found = [m for a, b in _change_clauses(work) for m in _KIND_SETUP.finditer(work.text, a, b)
             if BLANK not in m.group(0)] or [m for m in _KIND_ARROW.finditer(work.text) if BLANK not in m.group(0)]
    times = {(m.group("a"), m.group("b")): _spelled(m) for m in found}
    spans = [m.span() for m in found]
    both = _both_ways(work)
    if len(both) == 1 and not found:  # 'every time we switch between acrylic and plywood we lose 30 minutes'
        x, y, tv, span = both[0]
        times, spans = {(x, y): tv, (y, x): tv}, [span]
    kinds = {k for pair in times for k in pair}
    same = [m for m in _SAME_KIND.finditer(work.text) if BLANK not in m.group(0).lstrip(BLANK + " ")] \
        if len(kinds) >= 2 else []  # ('two batches' may be read as a count already)
    if len(same) == 1:  # a changeover between two jobs of one kind too
        spans.append(same[0].span())
        times.update({(k, k): _spelled(same[0]) for k in kinds})
    if len(kinds) < 2 or any(re.fullmatch(JOB_REF, k) for k in kinds):
        return
    of_job: dict[str, str] = {}
    for ref in work.finditer(rf"(?m)^[ \t*-]*(?P<j>{JOB_REF})"):
        newline = work.text.find("\n", ref.end())
        line = work.text[ref.end():newline if newline >= 0 else len(work.text)]
        named = {k for k in kinds if re.search(rf"\b{k}\b", line)}
        if len(named) != 1:
            return
        of_job[job_name(ref.group("j"))] = named.pop()
    pairs = {(a, b) for a in of_job for b in of_job if a != b and (of_job[a] != of_job[b] or same)}
    if len(of_job) < 2 or any((of_job[a], of_job[b]) not in times for a, b in pairs):
        return
    for a, b in pairs:
        facts.setup_pairs[(a, b)] = times[(of_job[a], of_job[b])]
    for span in spans:
        work.consume(*span)
    for m in list(work.finditer(_SAME_KIND_NONE.pattern)):  # 'no changeover between two jobs of the same material'
        work.consume(*m.span())


_KIND_WORD = r"(?:family|kind|colou?r|type|material|product|flavou?r|recipe)"
_BOTH_WAYS = (
    rf"\bfrom\s+(?P<a>[a-z]{{3,}})\s+to\s+(?P<b>[a-z]{{3,}})\s+or\s+(?:from\s+)?(?P=b)\s+to\s+(?P=a)\s*,?\s*"
    rf"(?:takes|needs|is|costs|means|requires)\s+(?:a\s+|an\s+)?(?:(?P<n>\d+(?:\.\d+)?)[- ](?P<u>min(?:ute)?s?|"
    rf"h(?:ou)?rs?|hours?)\b|{_SPELL})|"
    rf"\b(?:switch|chang|go|mov)\w*\s+(?:over\s+)?between\s+(?P<a2>[a-z]{{3,}})\s+and\s+(?P<b2>[a-z]{{3,}})\b"
    rf"[^.;\n]{{0,20}}?\b(?:we\s+)?(?:lose|takes?|costs?|needs?|means?|requires?)\s+(?:a\s+|an\s+)?"
    rf"(?P<n2>\d+(?:\.\d+)?)[- ]?(?P<u2>min(?:ute)?s?|h(?:ou)?rs?|hours?)\b(?:\s+(?:on|of|for)\s+(?:a\s+)?"
    rf"(?:changeover|set-?up|clean\w*))?")
"""A changeover between two kinds said once for both ways: 'from aluminium to steel or from steel to aluminium takes
20 min', 'every time we switch between acrylic and plywood we lose 30 minutes on changeover'."""


def _both_ways(work: Work) -> list[tuple[str, str, TimeVal, tuple[int, int]]]:
    """Each changeover `_BOTH_WAYS` says: its two kinds, its time and where it is said."""
    out = []
    for m in work.finditer(_BOTH_WAYS):
        if BLANK in m.group(0):
            continue
        if m.group("a2"):
            tv = time_values(f"{m.group('n2')} {m.group('u2')}")[0]
        else:
            tv = time_values(f"{m.group('n')} {m.group('u')}")[0] if m.group("n") else _spelled(m)
        out.append((m.group("a") or m.group("a2"), m.group("b") or m.group("b2"), tv, m.span()))
    return out
_ONE_CHANGE = re.compile(
    rf"\b(?:switching|changing|going|moving)\s+(?:over\s+)?from\s+(?:an?\s+)?\w+\s+of\s+one\s+{_KIND_WORD}\s+to\s+"
    rf"(?:an?\s+)?\w+\s+of\s+(?:a\s+|an\s+)?(?:different|another|other)\s+{_KIND_WORD}\s*,?\s*(?:needs|takes|requires|"
    rf"costs|means)\s+(?:a\s+|an\s+)?(?:(?P<n>\d+(?:\.\d+)?)[- ](?P<u>min(?:ute)?s?|h(?:ou)?rs?|hours?)\b|{_SPELL})"
    rf"(?:\s+(?:changeover|set-?up|clean\w*))?")
"""'switching from an order of one family to an order of a different family needs a 15-minute changeover'."""
_SAME_KIND_NONE = re.compile(rf"\b(?:consecutive|two|successive)\s+\w+\s+of\s+the\s+same\s+{_KIND_WORD}\s+"
                             r"(?:need|take)s?\s+(?:none|no\s+(?:changeover|set-?up))|"
                             rf"\bno\s+(?:changeover|set-?up)\s+between\s+(?:two\s+)?\w+\s+of\s+the\s+same\s+"
                             rf"{_KIND_WORD}|\bthe\s+first\s+\w+\s+on\s+(?:each|every)\s+"
                             r"\w+\s+needs\s+no\s+(?:changeover|set-?up)")
"""What every changeover between kinds holds: none within a kind, none before the first job."""


def read_one_changeover(work: Work, facts: Facts) -> None:
    """One changeover time between any two kinds of job, the kinds given per job (a 'Family' column): a changeover
    for every pair of different kinds, none within one; left (so asked) when the jobs have no kinds."""
    kinds = sorted(set(facts.families.values()))
    found = [m for m in work.finditer(_ONE_CHANGE.pattern) if BLANK not in m.group(0)]
    both = [(tv, span) for x, y, tv, span in _both_ways(work) if len(kinds) == 2 and
            {x, y} == {k.lower() for k in kinds}]  # 'from aluminium to steel or from steel to aluminium takes 20
    # min' of a 'material' column with those two kinds
    if len(found) + len(both) != 1 or len(kinds) < 2 or facts.family_setups:
        return
    if found:
        m = found[0]
        tv, span = time_values(f"{m.group('n')} {m.group('u')}")[0] if m.group("n") else _spelled(m), m.span()
    else:
        tv, span = both[0]
    facts.family_setups = {(a, b): tv for a in kinds for b in kinds if a != b}
    work.consume(*span)
    for m in list(work.finditer(r"\b(?:(?:is|are)\s+)?(?:currently\s+|already\s+)?set\s+up\s+for\s+(?P<f>[a-z-]+)\b")):
        said = next((k for k in kinds if k.lower() == m.group("f")), None)  # 'both lathes are currently set up
        if said is not None and facts.initial_family in (None, said):  # for aluminium': the state at time 0
            facts.initial_family = said
            work.consume(*m.span())
    for same in list(work.finditer(_SAME_KIND_NONE.pattern)):
        work.consume(*same.span())
