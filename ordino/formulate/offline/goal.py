"""The objective of a goal sentence read by what it measures, when no fixed phrase named it.

A goal word ('minimise', 'lowest', 'fewest', 'cheapest', ...) opens a window (the rest of its sentence, and the
next sentence when it goes on with 'i.e.', 'that is' or a colon); in it, cues of four kinds decide the term:
what is measured (lateness, finish times, the whole job), how it is summed up (a sum, a count, the largest), and
whether weights scale it. 'the lowest total number of minutes late' is a sum of tardiness, 'the number of jobs
that finish after their due time' a count of late jobs, 'the sum over all batches of (weight x the time the batch
comes out of the oven)' a weighted sum of completion times, 'the fewest days we can finish the whole job in' the
makespan. A window with no measure, or with two that disagree, names nothing (the question stays).
"""

from __future__ import annotations

import re

_GOAL = re.compile(r"\b(?:minimi[sz](?:e|ing)|minimum|lowest|smallest|least|fewest|shortest|cheapest|quickest|"
                   r"earliest|soonest|fastest|as (?:few|little|short|small|early|soon|low)\s+(?:[a-z]+\s+)?as|"
                   r"keep\b[^.?!\n]{0,40}\b(?:down|low)|"
                   r"reduce|cut down|how (?:soon|quickly|fast|early)|what (?:i|we) (?:really )?care about|at best|"
                   r"how (?:many|much) (?:minutes|hours|days|weeks|time)(?=[^.?!\n]*\bthe (?:very )?last\b))\b")
_END = re.compile(r"[.?!;\n]")
_GOES_ON = re.compile(r"\s*(?:i\.e\.|ie\b|that is\b|meaning\b|namely\b|:)")

_WEIGHT = re.compile(r"\b(?:weights?|weighted|priorit(?:y|ies)|importance)\b")
_LATE = re.compile(r"\b(?:late(?:ness)?|tard\w*|overdue|delay(?:s|ed)?)\b|\b(?:after|past|beyond|miss(?:es|ed)?)\s+"
                   r"(?:its|their|the|his|her)\s+(?:\w+\s+)?(?:due|deadline|pickup|pick-up|promised|target|time)|"
                   r"\bnot\s+(?:ready|done|finished)\s+(?:at|by|for)\s+(?:the\s+)?(?:pickup|pick-up|due|deadline|promised)")
_TIME_LATE = re.compile(r"\b(?:minutes?|hours?|days?|time|weeks?)\s+(?:\w+\s+)?late\b|\blateness\b|\btard\w*\b")
_COUNT = re.compile(r"\b(?:number|count|how many|fewest|as few)\b(?!\s+of\s+(?:minutes|hours|days|weeks|shifts|time))")
_MAX = re.compile(r"\b(?:max(?:imum)?|largest|worst|biggest|longest)\b")
_SUM = re.compile(r"\b(?:sum|total|average|mean|add(?:ed|ing)? up|summed|across|over all|all together|altogether|"
                  r"combined)\b")
_FINISH = re.compile(r"\b(?:finish(?:ed|es|ing)?|completion|complete[sd]?|comes? out|come off|done|ready|"
                     r"turnaround|flow\s*times?|end(?:s|ed)?|leaves?|delivered|until|by which)\b|"
                     r"\b(?:are|is|be|been|have|get)\s+(?:(?:all|both|them|everything)\s+)?(?:(?:two|three|four|five|six|"
                     r"seven|eight|nine|ten|\d+)\s+)?(?:[a-z]+ly\s+)?[a-z]{3,}ed\b")
"""Words of a job being through: 'finished', 'comes out', 'the hour by which all five are mixed', 'can all five parts
be pressed', 'can we have all four packed', 'can be fully assembled'."""
_WHOLE = re.compile(r"\b(?:whole|entire|everything|project|how long|outage|shutdown|build\s+time|"
                    r"possible\s+(?:total\s+)?(?:time|duration|build|outage|shutdown|turnaround)|"
                    r"(?:to|until)\s+(?:finish|complete)\s+(?:the|our|this)\s+(?!job\b|task\b|order\b|activity\b|first\b|"
                    r"second\b|third\b|next\b)[a-z]+(?=\s*[?.!]|\s*$)|"
                    r"(?:the|its|their) (?:very )?(?:last|final) (?:of (?:the|them|all)\b|"
                    r"(?!time\b|step\b|operation\b|op\b|stage\b)\w+))\b")
"""The end of all the work: 'the whole job', 'the last order', 'the last of the six batches', 'until the final clean
is done', 'the minimum number of days to finish the barn?' (never 'its last step', the end of one job)."""
_ALL = re.compile(r"\b(?:all (?:the |of the )?(?:jobs|tasks|orders|batches|work|activities)|both|"
                  r"all of (?:them|it|this)|all (?:two|three|four|five|six|seven|eight|nine|ten|\d+)|"
                  r"every (?:single )?(?!day\b|week\b|hour\b|minute\b|time\b|machine\b)[a-z]+ (?:can|will|would) be "
                  r"(?:all )?(?:done|finished|completed?|ready|through))\b")
"""'All the jobs', 'both', 'every load can be done': the makespan when they are done, a sum of their finish
times when summed."""


_SPAN_OF_ALL = re.compile(r"\btotal\s+(?:elapsed\s+)?(?:time|duration|length|"
                          r"number\s+of\s+(?:minutes|hours|days|weeks)|(?<=elapsed\s)(?:hours|minutes|days|weeks))\b")
"""'the shortest total number of days for the whole move': the length of all of it, no sum of finish times."""


_EARLY_ZERO = re.compile(r"\b(?:an?\s+|each\s+)?early(?:\s*(?:/|or)\s*on[- ]time)?\s+(?:\w+\s+)?"
                         r"(?:counts?|is\s+counted)"
                         r"\s+as\s+"
                         r"(?:0|zero|nothing)\b|"
                         r"\b(?:0|zero|nothing)\s+(?:if|when)\s+(?:it\s+is\s+|it's\s+|they\s+are\s+)?early\b|"
                         r"\b(?:on[- ]time\s+(?:or|and|/)\s+)?early\s*(?:=|:|->)\s*(?:0|zero)\b")
"""'(an early order counts as 0)', '(on time or early = 0)': how lateness is counted, no earliness term of its own."""


def _stop(text: str, at: int) -> int:
    """Where the sentence going on at `at` ends, the points of 'i.e.' not counted."""
    for m in _END.finditer(text, at):
        if text[max(0, m.start() - 3):m.start() + 1] != "i.e." and text[m.start() - 1:m.start() + 3] != "i.e.":
            return m.start()
    return len(text)


def goal_windows(text: str) -> list[tuple[int, int]]:
    """Where the sentence of each goal word stands (the measure may come first: 'when can we finish all of them at
    the earliest?'), with the next sentence when it goes on with 'i.e.', 'that is' or a colon."""
    out = []
    for m in _GOAL.finditer(text):
        stop = _stop(text, m.end())
        if _GOES_ON.match(text, stop + 1):
            stop = _stop(text, stop + 1)
        out.append((max(text.rfind(c, 0, m.start()) for c in ".?!;\n") + 1, stop))
    return out


def measured_term(window: str) -> str | None:
    """The objective term one goal window measures, or None when it names none or is ambiguous."""
    weighted = bool(_WEIGHT.search(window))
    if re.search(r"\bearl(?:y|iness)\b", _EARLY_ZERO.sub("", window)) and _LATE.search(window):
        return None  # earliness and lateness together: more than one term, asked
    if _LATE.search(window):
        if _COUNT.search(window) and not _TIME_LATE.search(window):
            return "weighted_number_tardy" if weighted else "number_tardy"
        if _MAX.search(window) and not _SUM.search(window):
            return None if weighted else "maximum_lateness"
        if _SUM.search(window) or _TIME_LATE.search(window):
            if not re.search(r"\btard|\b(?:minutes?|hours?|days?|weeks?|time)\s+(?:\w+\s+)?late\b", window):
                return None if weighted else "total_lateness"  # a sum of lateness: tardiness only if early is zero
            return "total_weighted_tardiness" if weighted else "total_tardiness"
        return None
    if _FINISH.search(window) and _SUM.search(window) and not _WHOLE.search(window):
        return "total_weighted_completion_time" if weighted else "total_completion_time"
    whole = _WHOLE.search(window) or _ALL.search(window) and _FINISH.search(window)
    if whole and not weighted and not _SUM.search(_SPAN_OF_ALL.sub("", window)):
        return "makespan"
    return None


def goal_term(text: str) -> str | None:
    """The one term the goal sentences of `text` agree on (lower-cased text), else None."""
    terms = {t for w in {text[a:b] for a, b in goal_windows(text)} if (t := measured_term(w)) is not None}  # a
    # sentence judged once
    return terms.pop() if len(terms) == 1 else None
