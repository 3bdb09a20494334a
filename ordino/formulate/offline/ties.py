"""Rules that tie named jobs to each other: they may not run at the same time ('C and D can't be going on at the
same time', 'A must not overlap B', 'only one of A and B can run at a time': they share an operator, a fixture or
a room), they run on the same machine ('loads A and C must be fired in the same kiln'), on different machines
('A and B must go on different presses'), or on a machine named ('so both of those have to run on Press 2').
Each is read with the reason said around it in the same sentence ('..., so', '... because they share ...', 'go
to the same customer and must ...') when the reason holds no number of its own."""

from __future__ import annotations

import re

from ordino.formulate.check import ONES, TENS
from ordino.formulate.offline.facts import Facts
from ordino.formulate.offline.relations import BLANK_IN, REFX, is_word, ref_names
from ordino.formulate.offline.text import (
    MACHINE_NOUN,
    MACHINE_REF,
    MUST,
    Work,
    job_name,
    machine_name,
    sentence_bounds,
)
from ordino.formulate.offline.units import UNIT_PATTERN

_LIST = rf"(?<![,&]\s)(?<![,&])(?<!\band\s)(?P<l>{REFX}(?:\s*(?:,\s*and|,|and|&)\s*{REFX})+)"
"""Two or more jobs, from the first of them (never from inside a list: each list is tried once)."""
_NOT = (r"(?:can't|cannot|can\s+not|must\s+not|mustn't|may\s+not|should\s+not|shouldn't|(?:are|is)\s+not\s+allowed\s+"
        r"to|won't|will\s+not|(?:can|must|may|should|will)\s+never|never|do\s+not|don't)\s+"
        r"(?:both\s+|ever\s+|be\s+allowed\s+to\s+)?(?!all\b)")
_TOGETHER = (r"(?:at\s+the\s+same\s+time|simultaneously|concurrently|in\s+parallel|together|at\s+once|"
             r"side\s+by\s+side)")
_GOING = (r"(?:be\s+)?(?:going\s+on|run(?:ning)?|done|[a-z]{3,}ed(?:\s+on)?|worked\s+on|in\s+progress|in\s+process|"
          r"happen(?:ing)?|take\s+place|taking\s+place|go(?:ing)?|active|under\s+way|underway)")
_WHERE = r"(?:(?:be\s+)?(?:on|in|at|inside|using)\s+(?:the\s+|our\s+|a\s+)?[a-z-]+(?:\s+[a-z-]+)?\s+)?"
"""Where the jobs would be together ('on the lathes', 'in the booth')."""
_OVERLAP = r"overlap(?:ping)?(?:\s+(?:with\s+)?(?:each\s+other|one\s+another))?(?:\s+in\s+time)?"
_PATTERNS = [
    rf"{_LIST}\s+(?:both\s+)?{_NOT}(?:{_OVERLAP}|(?:{_GOING}\s+)?{_WHERE}{_TOGETHER})",
    rf"(?P<a>{REFX})\s+{_NOT}(?:{_OVERLAP}\s+(?:with\s+)?|(?:{_GOING}\s+)?(?:at\s+the\s+same\s+time\s+as|while|"
    rf"during|alongside)\s+)(?P<b>{REFX})",
    rf"\b(?:no\s+two\s+of|only\s+one\s+of|just\s+one\s+of|at\s+most\s+one\s+of)\s+{_LIST}\s+(?:can|may|is\s+allowed\s+"
    rf"to|should)\s+(?:{_GOING}\s+)?(?:at\s+(?:a|any|one)\s+time|{_TOGETHER})",
    rf"{_LIST}\s+(?:must|have\s+to|need\s+to|should)\s+(?:be\s+done|run|happen|go|be\s+scheduled)\s+one\s+after\s+"
    rf"(?:the\s+)?other,?\s+(?:in\s+)?(?:either|any)\s+order",
    rf"\b(?P<pair>(?:those|these|the)\s+two)(?:\s+[a-z]+)?\s+{_NOT}(?:{_OVERLAP}|(?:{_GOING}\s+)?{_WHERE}{_TOGETHER})",
]
"""('those two' names the two jobs said before it in the sentence: 'Rossi and Okafor both need the one shrink-wrap
station, so those two can't be packed at the same time')"""
_PUT = r"(?:be\s+)?(?:[a-z]+\s+){0,2}?(?:on|at|in|by|through|using)\s+"
_MACHINE = rf"(?:{MACHINE_NOUN}|one|unit|tool|bench|table|cell)s?\b"
_WHY = r"(?P<why>\s+(?:[a-z',-]+\s+){1,10}?(?:and|so|,)\s*)?\s*"
"""What the jobs have in common, said between them and the rule ('go to the same customer and must ...')."""
_SAME = [rf"{_LIST}{_WHY}(?:both\s+|all\s+)?{MUST}{_PUT}the\s+same\s+{_MACHINE}",
         rf"{_LIST}\s+(?:both\s+|all\s+)?{MUST}share\s+(?:a|one|the\s+same)\s+{_MACHINE}"]
_DIFFERENT = [rf"{_LIST}{_WHY}(?:both\s+|all\s+)?{MUST}{_PUT}(?:different|separate|two\s+different)\s+{_MACHINE}",
              rf"{_LIST}{_WHY}(?:both\s+|all\s+)?{_NOT}{_PUT}the\s+same\s+{_MACHINE}",
              rf"{_LIST}\s+{_NOT}share\s+(?:a|one|the\s+same)\s+{_MACHINE}"]
_RUN_ON = rf"{MUST}(?:run|go|be\s+[a-z]{{3,}})\s+(?:on|at|in|by)\s+(?:the\s+)?(?P<m>{MACHINE_REF})(?=\s*(?:[.;,)]|$))"
_ON = [rf"{_LIST}{_WHY}(?:both\s+|all\s+)?{_RUN_ON}",
       rf"\b(?P<pair>both\s+of\s+(?:those|them|these)|(?:those|these)\s+two|they\s+both)(?:\s+[a-z]+)?\s+{_RUN_ON}"]
"""Jobs put on one machine by name ('Lid-XL and Bucket need the hot-runner, which is only on Press 2, so both of
those have to run on Press 2'): that machine is the only one they may use."""
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join([*ONES, *TENS])})\s+(?:{UNIT_PATTERN})\b|\d")
"""A number in a reason: data of its own, never consumed with the reason."""
_SO = re.compile(r"(?:,|;|-)?\s*(?:and\s+)?(?:so|which\s+means|that\s+means|hence|therefore|thus)\s*(?:that\s+)?,?\s*$")
_BECAUSE = re.compile(r"\s*,?\s*(?:-\s*)?(?:because|since|as|for)\s")


def read_ties(work: Work, facts: Facts) -> None:
    """Each group of jobs the text keeps apart in time (`facts.apart`), on one machine (`facts.same_machine`) or on
    different machines (`facts.different_machines`)."""
    for patterns, into in ((_PATTERNS, facts.apart), (_SAME, facts.same_machine),
                           (_DIFFERENT, facts.different_machines)):
        for pattern in patterns:
            for m in list(work.finditer(pattern)):
                names = _tied(work, m)
                if BLANK_IN(work, m) or names is None:
                    continue
                why = m.groupdict().get("why")
                if why and not _only_about(work, m.start("why"), m.end("why"), names):
                    continue  # 'A and B take 3 h and must ...': data of their own between them and the rule
                into.append(names)
                start, end = with_reason(work, m.start(), m.end(), names)
                work.consume(start, end)
    for pattern in _ON:
        for m in list(work.finditer(pattern)):
            names = _tied(work, m)
            if BLANK_IN(work, m) or names is None:
                continue
            machine = m.group("m")
            why = m.groupdict().get("why")
            if why and not _only_about(work, m.start("why"), m.end("why"), names, machine):
                continue
            for name in names:
                facts.eligible.setdefault(name, set()).add(machine_name(machine))
            start, end = with_reason(work, m.start(), m.end(), names, machine)
            work.consume(start, end)


def _tied(work: Work, m: re.Match[str]) -> list[str] | None:
    """The jobs a matched rule names (two or more, all different), None when it names fewer."""
    if m.groupdict().get("pair"):
        first = sentence_bounds(work.text, m.start())[0]
        lists = list(re.finditer(_LIST, work.text[first:m.start()]))
        names = (ref_names(work, lists[-1].group("l"), first + lists[-1].start("l")) or []) if lists else []
        return names if len(names) == 2 and len(set(names)) == 2 else None
    if m.groupdict().get("l"):
        names = ref_names(work, m.group("l"), m.start("l")) or []
    else:
        names = [*(ref_names(work, m.group("a"), m.start("a")) or []), *(ref_names(work, m.group("b"), m.start("b"))
                                                                         or [])]
    return names if len(names) >= 2 and len(set(names)) == len(names) else None


def with_reason(work: Work, start: int, end: int, names: list[str], machine: str = "") -> tuple[int, int]:
    """The span of the rule widened to the reason said before it ('C and D share the room, so ...') or after it
    ('... because they share one operator') in the same sentence, when the reason holds no number and names no
    other job."""
    text = work.text
    first, last = sentence_bounds(text, start, end)
    before, after = text[first:start], text[end:last]
    if _SO.search(before) and _only_about(work, first, start, names, machine):
        start = first
    if _BECAUSE.match(after) and _only_about(work, end, last, names, machine):
        end = last
    return start, end


def _only_about(work: Work, start: int, end: int, names: list[str], machine: str = "") -> bool:
    """Whether text[start:end] holds no number and names no job but `names` (and no machine but `machine`)."""
    said = work.text[start:end]
    if machine:
        said = said.replace(machine, " " * len(machine))
    if _NUMBER_WORD.search(re.sub(REFX, " ", said)):
        return False
    for r in re.finditer(REFX, said):
        if is_word(work, r.group(0), start + r.start()):
            continue  # a word ('a'), not a job's letter
        if job_name(r.group(0)) not in names:
            return False
    return True
