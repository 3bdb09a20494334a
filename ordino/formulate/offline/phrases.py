"""Phrase patterns without per-job data: objective, kind of problem, counts, default time unit."""

from __future__ import annotations

import re
from fractions import Fraction

from ordino.formulate.offline.facts import Facts
from ordino.formulate.offline.goal import goal_term, goal_windows, measured_term
from ordino.formulate.offline.tables import role_of
from ordino.formulate.offline.text import (
    BLANK,
    COUNT,
    COUNT_WORD,
    JOB_NOUN,
    JOB_REF,
    MACHINE_NOUN,
    MACHINE_NOUNS,
    PER_ITEM,
    Rewriting,
    Work,
    count_value,
    job_name,
    stem,
    title_numbers,
    unit_of,
)
from ordino.formulate.offline.units import UNIT_PATTERN

_W = (r"(?:weighted|weight-adjusted|(?:priority|importance)-weighted|"
      r"weighted by (?:the )?(?:weights?|priorit(?:y|ies)|importance))")
# order matters: the first pattern that matches a region consumes it
_TIMES = r"\s*(?:x|\*|\u00d7|\u00b7|times|multiplied by)\s*"
_SUM_OVER = r"(?:sum|\u2211|\u03a3|\u03c3)(?:_?[ij]\b)?\s*(?:of\s+)?"
_TARDY = (r"max\s*\(\s*0\s*,\s*(?:c_?[ij]?|(?:completion|finish(?:ing)?|end)(?:\s+time)?)\s*[-\u2212]\s*"
          r"(?:d|due(?:\s+(?:date|time))?)_?[ij]?\s*\)")
"""A job's tardiness written as a formula: 'max(0, C_j - d_j)', 'max(0, completion - due)'."""
_FINISH_MINUS_ARRIVAL = (
    r"\(\s*(?:the\s+)?(?:time\s+)?(?:(?:the|its)\s+)?(?:[a-z]+\s+){0,3}?(?:is\s+)?(?:finish(?:es|ed)?|done|complete[sd]?|"
    r"ends?|out)(?:\s+time)?(?:\s+(?:their|its|the|his|her)\s+(?:[a-z]+\s+){0,2}?[a-z]+)?\s*(?:-|\u2212|minus)\s*"
    r"(?:(?:the|its)\s+)?(?:[a-z-]+\s+)?(?:arrival|drop-?off|release|"
    r"check-?in|ready|booking)(?:\s+time)?\s*\)|"
    r"\b(?:c_?[ij]?|completion|finish)\s*(?:-|\u2212|minus)\s*(?:r_?[ij]?|release|arrival)\b")
"""A job's time in the shop written out: '(time the work is finished - arrival time)', 'C_j - r_j'."""
OBJECTIVES: list[tuple[str, str]] = [
    (rf"{_W}\s+(?:sum of (?:the\s+)?|total\s+)?flow\s*times?|total\s+{_W}\s+flow|"
     rf"{_SUM_OVER}w_?[ij]?\s*\*?\s*\(\s*c_?[ij]?\s*[-\u2212]\s*r_?[ij]?\s*\)", "total_weighted_flow_time"),
    (rf"(?:total|sum of|summed)\s+(?:the\s+)?flow\s*times?|flow\s*times?|{_SUM_OVER}f_?[ij]\b|"
     rf"{_SUM_OVER}(?:over\s+[^()\n]{{0,40}}?of\s+)?(?:{_FINISH_MINUS_ARRIVAL})|{_FINISH_MINUS_ARRIVAL}|"
     r"\btime\s+(?:(?:the|our|their|customers'?|each)\s+)?(?:[a-z']+\s+){0,2}?(?:spends?|spent|are|is|sits?|sit|wait)\s+"
     r"(?:at|in|with)\s+(?:the\s+shop|us|the\s+garage|our\s+(?:shop|garage|place)|(?:the\s+)?(?:clinic|hospital|"
     r"surgery|workshop|shop|lab|office|system|queue|plant|yard|depot|port|dock|salon|studio))\b", "total_flow_time"),
    (rf"(?:weight|priority|importance|penalty){_TIMES}(?:the\s+)?(?:minutes|hours|days|time|units)?\s*(?:late|tardy|"
     r"tardiness|of (?:lateness|tardiness))|"
     r"(?:minutes|hours|days) late\s*(?:x|\*|times)\s*(?:the\s+)?(?:weight|priority)",
     "total_weighted_tardiness"),
    (rf"(?:weight|priority|importance){_TIMES}(?:the\s+)?(?:finish|completion|end|ready)(?:ing)?\s*times?|"
     r"(?:finish|completion|end)(?:ing)?\s*times?\s*(?:x|\*|times)\s*(?:the\s+)?(?:weight|priority)",
     "total_weighted_completion_time"),
    (rf"{_W}\s+(?:sum of |total )?tardiness|total\s+{_W}\s+tardiness|tardiness\s+{_W}|"
     rf"{_SUM_OVER}w_?[ij]?\s*\*?\s*t_?[ij]?\b", "total_weighted_tardiness"),
    (rf"{_SUM_OVER}(?:w_?[ij]?|weight|priority)(?:{_TIMES}|\s*)?{_TARDY}", "total_weighted_tardiness"),
    (rf"{_SUM_OVER}{_TARDY}", "total_tardiness"),
    (r"\b(?:max(?:imum|imal)?|largest|worst|biggest|greatest)\s+(?:\w+\s+)?tardiness|\bt_?max\b", "maximum_tardiness"),
    (rf"{_SUM_OVER}w_?[ij]?\s*\*?\s*c_?[ij]?\b", "total_weighted_completion_time"),
    (rf"{_SUM_OVER}w_?[ij]?\s*\*?\s*u_?[ij]?\b", "weighted_number_tardy"),
    (rf"{_SUM_OVER}t_?[ij]?\b", "total_tardiness"),
    (rf"{_SUM_OVER}u_?[ij]?\b", "number_tardy"),
    (rf"{_SUM_OVER}c_?[ij]?\b", "total_completion_time"),
    (r"total tardiness|sum of (?:the )?tardiness|summed tardiness|tardiness|total delay|sum of (?:the )?delays"
     r"|total lateness past|total (?:minutes|hours|days|time) (?:late|of lateness)"
     r"|(?:minutes|hours|days) late in total",
     "total_tardiness"),
    (rf"{_W}\s+(?:(?:number|count) of|#|no\.)\s*(?:late|tardy)|{_W}\s+(?:late|tardy) jobs|"
     r"sum of (?:the )?(?:weights|priorities) of (?:the )?(?:late|tardy)", "weighted_number_tardy"),
    (r"(?:number|count|how many|amount) of (?:late|tardy|delayed)|(?:late|tardy) jobs|jobs? (?:that are |being )?late"
     r"|(?:fewest|few|fewer|least) (?:late|tardy|jobs late|orders late)|orders? (?:are |being )?late"
     r"|(?:fewest|smallest|minimum|min|least|lowest) (?:possible )?number of\b[^.?;\n]{0,60}\blate\b"
     r"|minimi[sz](?:es?|ing) the (?:total )?number of \w+ whose [^.?;\n]{0,30}\b(?:are|is|come|finish|end) late\b"
     r"|as few (?:jobs|orders|tasks)?\s*as possible (?:to be |are |being |finish )?late"
     r"|as few \w+ as possible (?:to )?(?:miss|be late|finish late|are late)"
     r"|(?:number|count) of \w+ (?:that|which) (?:finish|end|complete|are (?:done|finished|completed)) (?:after|past|"
     r"later than) (?:their|its|the)\b"  # 'the number of cases that finish after their "needed by" time'
     r"|(?:fewest|fewer|least|smallest number of|minimum number of)\s+(?:\w+\s+){0,2}?(?:we|you|i|that)(?:\s+|(?='))"
     r"(?:can|could|will|would|must|have to|'d\s+have\s+to|'ll\s+have\s+to)?\s*(?:miss|let slip|disappoint|let\s+down|"
     r"apologi[sz]e\s+to)\b",
     "number_tardy"),
    (rf"(?:total|summed|sum of (?:the )?)\s*{_W}\s+lateness", "total_weighted_lateness"),
    (r"(?:total|summed|sum of (?:the )?)\s*lateness|lateness[^.;\n]{0,80}\b(?:added up|summed|in total)",
     "total_lateness"),
    (r"max(?:imum|imal)?\s+lateness|l_?max|largest lateness|worst lateness|lateness", "maximum_lateness"),
    (rf"{_W}\s+(?:sum of (?:the\s+)?(?:\w+\s+)?|total )?(?:completion|flow|finish(?:ing)?)\s*times?|"
     rf"total\s+{_W}\s+(?:completion|flow)|sum of w_?j?\s*\*?\s*c_?j?\b", "total_weighted_completion_time"),
    (r"(?:total|sum of|average|mean)\s+(?:of\s+)?(?:the\s+)?(?:completion|flow|finish(?:ing)?)\s*times?|"
     r"completion times?|flow\s*times?", "total_completion_time"),
    (r"total earliness|earliness", "total_earliness"),
    (r"total setup(?: time)?s?|setup times? in total", "total_setup_time"),
    (r"makespan|c_?max|(?:project|overall|total)\s+(?:duration|length|time)|"
     r"\bmax_?j?\s*(?:\(\s*s_?j\s*\+\s*[dp]_?j\s*\)|c_?j\b)|"  # 'min max_j (S_j + d_j)', 'max_j C_j'
     r"as (?:early|soon|fast) as possible(?!\s+on\s+average)"
     r"|earliest (?:possible )?(?:finish|completion|end)|finish (?:everything|all(?: jobs| tasks)?|the project)"
     r"\s+(?:as (?:early|soon) as possible|asap|quickly|first|earliest)|\basap\b|shortest (?:schedule|total time)"
     r"|shortest (?:possible )?(?:[\w-]+ ){0,2}?time from the (?:moment|time|point) (?:we|you|i|they) start"
     r"|(?:last|final) (?:job|task|one) (?:finishes|ends|completes)|complete (?:everything|all) asap"
     r"|(?:minimum|shortest|least|smallest|earliest)\s+(?:possible\s+)?(?:total\s+)?(?:time|number of (?:days|hours|"
     r"minutes|weeks|periods))\s+(?:needed\s+|required\s+)?(?:to|until|before)\s+(?:finish|complete|get)\w*\s+"
     r"(?:everything|all\b)|time until (?:all|every)(?: the)? (?:tasks?|jobs?|orders?|activit\w+)\s+(?:are|is)\s+"
     r"(?:finished|done|completed?)|how (?:quickly|soon|fast) can (?:we|i|you) (?:get|have|finish|complete)"
     r"|how (?:quickly|soon|fast) can (?:everything|all(?: \w+)?) be (?:finished|done|completed)"
     r"|shortest (?:overall|possible|total) (?:schedule|time|duration)"
     r"|(?:earliest|soonest)\s+time\b[^.?!\n]{0,40}?\bat\s+which\s+(?:all|every|each)\b[^.?!\n]{0,30}?\b(?:can\s+be|are|is)\s+"
     r"(?:finished|done|completed?|ready)\b"  # 'the earliest time, in minutes after 8:00, at which all four builds can
     # be finished'
     r"|(?:earliest|soonest)\s+(?:time\s+)?(?:we|i|you|they)\s+(?:can|could)\s+be\s+(?:done|finished)\s+with\s+"
     r"(?:all|everything|them\s+all|the\s+lot)\b(?:\s+(?:four|five|six|seven|eight|\d+|of\s+them))?"
     r"|(?:minimum|shortest|least|smallest|fewest)\s+(?:possible\s+)?(?:total\s+)?number\s+of\s+(?:working\s+)?"
     r"(?:days|hours|weeks)(?=\s*[?.!]|\s+(?:for\s+the\s+(?:whole|entire)\s+(?:job|project|thing)|it\s+(?:will\s+)?takes?))"
     r"|shortest (?:(?:total|overall|possible) )?"
     r"(?!processing|setup|set-up|travel|transport|waiting|idle|changeover|lead|delivery|job|task|order)"
     r"[a-z-]+ (?:time|duration)\b(?! first| rule)"  # 'shortest shell time in weeks?': the project's length
     r"|earliest\b[^.?]{0,40}\b(?:all|everything)\b[^.?]{0,30}\b(?:done|finished|complete[d]?|through)\b"
     r"|\b(?:all|everything)\b[^.?]{0,30}\b(?:done|finished|complete\w*)\s+(?:at the earliest|as (?:early|soon) as "
     r"possible)"
     r"|(?:time|moment|point)\s+(?:at\s+which|when|by\s+which)\s+(?:all|every)(?:\s+the)?(?:\s+\w+)?(?:\s+\w+)?\s+"
     r"(?:are|is)\s+(?:finished|done|completed?)"
     r"|(?:finish|finishing|completion|end)\s+time\s+of\s+the\s+(?:very\s+)?(?:last|final)\s+(?!one\b)[a-z]+"
     r"|\b(?:gets?|get\s+us|be)\s+(?:all\s+)?done\s+(?:the\s+)?earliest\b"
     r"|(?:time|moment|point) (?:at which|when) the last \w+ (?:leaves|finishes|is (?:done|finished|complete)|ends|"
     r"comes off|completes)"
     r"|(?:at minimum|minimum|shortest|least|fewest)\b[^.?]{0,40}\b(?:until|till|before|in which|to)\b[^.?]{0,30}"
     r"\b(?:all|everything|every)\b[^.?]{0,40}\b(?:finish\w*|done|complete\w*)"
     r"|how\s+(?:many\s+[a-z]+|long|soon|early)\b[^.?]{0,30}?\b(?:can|could|will|would)\s+(?:we|i|you)\s+be\s+"
     r"(?:all\s+)?(?:done|finished|through)\s+with\s+(?:everyone|everybody|everything|all\b)"
     r"|how\s+(?:early|soon)\s+the\s+last\s+(?:one|\w+)\s+(?:can|could)\s+(?:walk\s+out|leave|finish|be\s+done)"
     r"|\b(?:total\s+)?elapsed\s+(?:time|hours|minutes|days|weeks)\b"  # 'the total elapsed hours until H is finished'
     r"|(?:shortest|smallest|minimum|narrowest)\s+(?:possible\s+)?(?:batch|processing|production|maintenance|"
     r"overnight|night)\s+window\b",  # 'the shortest possible batch window in hours'
     "makespan"),
]


_GRAHAM = re.compile(r"(?<![\w|])(?P<a>1|pm?\d*|rm?\d*|fm?\d*|jm?\d*|fjc?\d*)\s*\|\s*(?P<b>[^|\n]{0,40}?)\s*\|\s*"
                     r"(?P<c>(?:sum|\u2211|\u03a3|\u03c3)?\s*(?:of\s+)?(?:w_?j?\s*\*?\s*)?(?:c|t|u|l)(?:_?j|_?max)?)\b")
_GRAHAM_KINDS = {"1": "single_machine", "p": "parallel_machines", "r": "parallel_machines", "f": "flow_shop",
                 "j": "job_shop",
                 "fj": "flexible_job_shop"}


def read_notation(work: Work, facts: Facts) -> None:
    """Graham's three-field notation ('1||sum wjTj', 'F3||Cmax', 'P2|prec|Cmax', 'FJ|r_j|Lmax'): the kind,
    the machine count and the objective (the middle field's data is read from the rest of the text)."""
    for m in list(work.finditer(_GRAHAM.pattern)):
        end = work.text.find("\n", m.end())
        line = work.text[work.text.rfind("\n", 0, m.start()) + 1:end if end >= 0 else len(work.text)]
        if line.count("|") > 2:  # a table's row ('| F | 1 | 1 | C, E |'), not the three fields
            continue
        work.consume(m.start(), m.end())
        a, goal = m.group("a"), re.sub(r"[\s_*]|sum|of|\u2211|\u03a3|\u03c3", "", m.group("c"))
        kind = "fj" if a.startswith("fj") else a[0]
        facts.kind = facts.kind or _GRAHAM_KINDS[kind]
        facts.releases_said = facts.releases_said or re.search(r"\br_?j\b", m.group("b")) is not None
        digits = re.search(r"\d+", a)
        if digits and kind != "1":
            facts.n_machines = facts.n_machines or int(digits.group(0))
        term = {"cmax": "makespan", "lmax": "maximum_lateness", "c": "total_completion_time",
                "cj": "total_completion_time", "t": "total_tardiness", "tj": "total_tardiness", "u": "number_tardy",
                "uj": "number_tardy"}.get(goal) or {"c": "total_weighted_completion_time",
                                                   "t": "total_weighted_tardiness",
                                                   "u": "weighted_number_tardy"}.get(goal.lstrip("wj")[:1])
        if term and not facts.objective:
            facts.objective = [(term, 1)]


_EARLY_IS_ZERO = re.compile(r"(?i)\bearly\b[^.;\n]{0,50}\b(?:zero|0|nothing|no credit|not count|doesn't count|offset|"
                            r"don't count|do not count|does not count|not earn|"
                            r"(?:doesn|don|won)'t (?:earn|count|give))|"
                            r"\b(?:zero|0|nothing)\b[^.;\n]{0,30}\b(?:early|on time|in time|ahead)\b|max\s*\(\s*0\s*,|"
                            r"\bon[- ]time\b[^.;\n]{0,30}\b(?:count|is|are|as)\s+(?:as\s+)?(?:zero|0|nothing)\b|"
                            r"\b(?:before|early|ahead)\b[^.;\n]{0,60}\bcounts?\s+(?:as\s+)?(?:zero|0|nothing)\b|"
                            r"\b(?:done|finished|completed|ready|out|packed|shipped)\s+(?:by|before|on)\s+(?:its|their|"
                            r"the)\b[^.;\n]{0,30}\bcounts?\s+(?:as\s+)?(?:zero|0|nothing)\b")
"""'early parts counting zero', 'finishing early earns nothing': a sum of lateness that is total tardiness."""


_NEGATED = re.compile(r"\b(?:not|rather than|instead of|never)\s+(?:the\s+|just\s+|simply\s+|a\s+)?$")
"""Words that set an objective's name aside ('..., not the makespan')."""


_OPS_PER_JOB = re.compile(
    r",?\s*\bc_?j\s*=\s*(?:the\s+)?end\s+of\s+(?:op(?:eration)?|step)\s*(\d+)\b|"
    r"\(\s*(?:the\s+)?(?:finish|completion|end)(?:\s+time)?\s+of\s+(?:the\s+|each\s+)?job'?s\s+(\d)(?:st|nd|rd|th)\s+"
    r"(?:op(?:eration)?|step)\s*\)|"
    r"\b(?:each|every)(?:\s+job)?\s*(?:=|has|consists\s+of|is|with)?\s*(\d|two|three|four|five)\s+(?:op(?:eration)?s|steps)"
    r"(?:\s+in\s+(?:order|sequence))?(?=\s*(?:[,.;:(]|$))|"
    r"\bdue\s+(?:dates?|times?)\s+(?:apply|applies|refer|refers)\s+to\s+(?:the\s+)?job(?:'s)?\s+completion\s*"
    r"\(\s*(?:the\s+)?end\s+of\s+(?:op(?:eration)?|step)\s*(\d)\s*\)|"
    rf"(?:\bmax\s*\(\s*0\s*,|{BLANK}+)\s*(?:the\s+)?(?:completion|end|finish)(?:\s+time)?\s+of\s+(?:op(?:eration)?|step)\s*"
    r"(\d)\s*-\s*(?:the\s+|its\s+)?due(?:\s+date)?\s*\)")
"""How many operations each job has: 'C_j = end of Op 2', '(finish time of the job's 2nd operation)', 'due dates apply
to job completion (end of op 2)', 'Each job = 2 operations in order', 'three jobs, each two operations in order (op 1
before op 2)', 'max(0, completion of op 2 - due)' (every route is asked to have that many)."""


_DEFINED = re.compile(
    r"\b(?:its|a\s+job's|an?\s+\w+'s|the)\s+(?:tardiness|lateness)\s+is\s+(?:the\s+)?(?:number\s+of\s+)?(?:minutes|hours|"
    r"days|weeks|time)\s+(?:by\s+which|that)\s+(?:that|its|the)\s+(?:completion|finish|end)(?:\s+time)?\s+is\s+"
    r"(?:later\s+than|after|past)\s+(?:the|its)\s+(?:due\s+(?:time|date)|deadline)"
    r"(?:\s*\(\s*(?:0|zero)\s+if\s+(?:it\s+is\s+|it's\s+)?(?:finished|done|complete[d]?)\s+(?:by|before|on)\s+"
    r"(?:the|its)\s+(?:due\s+(?:time|date)|deadline)\s*\))?|"
    r"\bu_?\{?j\}?\s*=\s*1\s+if\s+c_?\{?j\}?\s*>\s*d_?\{?j\}?(?:\s*(?:,|;)?\s*(?:else|otherwise)\s*(?:u_?j\s*=\s*)?0)?")
"""A job's tardiness or lateness defined in words ('its tardiness is the number of minutes by which that completion
is later than the due time (0 if it is finished by the due time)') or a late job's mark ('U_j = 1 if C_j > d_j'):
what the goal measures, no goal itself."""


_WEAK = {"total_completion_time": re.compile(r"(?:total|sum of|average|mean)\s+(?:of\s+)?(?:the\s+)?(?:completion|"
                                             r"flow|finish(?:ing)?)\s*times?"),
         "maximum_lateness": re.compile(r"max(?:imum|imal)?\s+lateness|l_?max|largest lateness|worst lateness")}
"""Terms named by a bare word ('completion time', 'lateness'), here with the phrases that name them as a goal: a
bare word beside another goal only defines it ('C = completion time of the last operation')."""
_THAT_IS = re.compile(r"\bi\.?\s?e\.?|\bthat\s+is\b|\bin\s+other\s+words\b|\bnamely\b")


def _meant(found: list[tuple[int, str]], text: str) -> list[tuple[int, str]]:
    """The goals found, less those that only define another ('completion time' in the definition of a tardiness) or
    that the text says again more exactly ('as early as possible overall, i.e. the sum of the finish times')."""
    if len({t for _, t in found}) < 2:
        return found
    strong = [(at, t) for at, t in found if t not in _WEAK or _WEAK[t].match(text, at)]
    found = strong if {t for _, t in strong} else found
    kept = []
    for k, (at, t) in enumerate(found):
        later = [(b, u) for b, u in found[k + 1:] if u != t]
        if any(_THAT_IS.search(text, at, b) and not re.search(r"[.?!\n]", _THAT_IS.sub(" ", text[at:b]))
               for b, _ in later):
            continue  # said again after 'i.e.' in the same sentence: the later words say what is meant
        kept.append((at, t))
    return kept


def read_objective(work: Work, facts: Facts) -> None:
    """Objective terms named in the text (the first phrase wins when a goal word is near it)."""
    found: list[tuple[int, str]] = []
    work.take(_DEFINED.pattern)
    for pattern, term in OBJECTIVES:
        for m in work.take(pattern):
            if not _NEGATED.search(work.text, max(0, m.start() - 24), m.start()):  # 'not the makespan' names no goal
                found.append((m.start(), term))
    for m in work.take(_OPS_PER_JOB.pattern):  # 'C_j = end of Op 2': the job's end is that of its last operation,
        ops = count_value(next(g for g in m.groups() if g))  # which every route must be
        if facts.ops_per_job not in (None, ops):
            facts.unused.append(work.quote(*m.span()))
        facts.ops_per_job = ops
    if facts.objective:  # read from the three-field notation
        return
    seen: list[str] = []
    last = re.search(r"\b(?:minimum|minimi[sz]e|fewest|least|shortest|earliest|soonest|how soon)\b[^.?!\n]{0,40}?"
                     r"\buntil\s+(job\s+\d+)\s+(?:is\s+)?(?:done|finished|complete[d]?|over|live|shipped)\b", work.text)
    if last is not None and all(term == "makespan" for _, term in found):  # 'the minimum number of days until
        facts.finish_of = job_name(last.group(1))  # deploy is done', 'minimise the total time until B is finished'
        found = found or [(last.start(), "makespan")]
        work.consume(*last.span())
    named = re.search(r"\buntil\s+(?:the\s+)?(?P<x>[a-z][\w &/-]{0,40}?)\s+(?:is|are)\s+(?:all\s+)?(?:done|finished|"
                      r"complete[d]?|over)\b", work.text) or re.search(
        r"\b(?:minimum|minimi[sz]e|fewest|least|shortest|earliest|soonest|how\s+soon|how\s+long|how\s+many)\b"
        r"[^.?!\n]{0,60}?\b(?:to|until)\s+(?:finish|complete)\s+(?:the|our|this)\s+(?P<x>[a-z][\w &/-]{2,40}?)"
        r"\s*(?=[?.!]|$)", work.text)  # 'the minimum number of days to finish the barn?'
    generic = r"(?:everything|all|(?:all|every|each)\s+.*|it|they|them|" \
              r"(?:the\s+)?(?:very\s+)?(?:work|project|job|jobs|whole|last|final|lot|" \
              r"one|ones|turnaround|shutdown|outage|overhaul|refit|renovation|refurbishment|installation|move|build|" \
              r"upgrade|migration|rollout|changeover)\b.*|" \
              r"(?:all\s+)?(?:its|their|the)\s+predecessors)"  # 'until all its predecessors are finished': a rule
    core = re.sub(r"^(?:very\s+)?(?:final|last)\s+", "", named.group("x")) if named else ""  # 'the final fit-out':
    exact = named is not None and any(j.lower() in (core.lower(), named.group("x").lower()) for j in facts.jobs)
    if named is not None and core != named.group("x") and not exact:
        core = "last"  # 'until the last document is done': whichever finishes last, unless a task has that name
    if named is not None and any(not re.fullmatch(r"J\d+", j) for j in facts.jobs) and \
            not re.fullmatch(generic, core):  # a task named as the last one is still that task
        words = {stem(w) for w in re.findall(r"[a-z]{3,}", core)}
        owners = [j for j in facts.jobs if j.lower() == core.lower()] or \
            [j for j in facts.jobs if words & {stem(w) for w in re.findall(r"[a-z]{3,}", j.lower())}]  # by name
        if len(owners) == 1:  # 'until the test run is finished' of a task named 'Test run': the end of that task
            facts.finish_of = owners[0]
            work.consume(*named.span())
            if not found and goal_term(work.text) is None:  # 'how many hours until the truss is finished?'
                found.append((named.start(), "makespan"))
        elif not owners and core == named.group("x"):  # a task the goal names that no line gives: asked ('the very
            facts.unused.append(work.quote(*named.span()))  # last print', no task's name, is the whole work)
    flat = re.search(r"\b(?:total|sum of)\s+(?:the\s+)?(?:late\s+)?penalt(?:y|ies)\b", work.text) and re.search(
        r"\bflat\b|regardless of how late|no matter how late|fixed (?:amount|fee|penalty)", work.text)
    if not found and flat:  # a flat penalty per late job, summed: the weighted number of late jobs
        found.append((0, "weighted_number_tardy"))
    per_time = re.search(r"\b(?:total|sum of)\s+(?:the\s+|our\s+)?(?:late\s+)?(?:penalt(?:y|ies)|fees?|charges?)\b|"
                         r"\blate\s+fees\b", work.text) and re.search(
        r"\bpenalt\w*\s+(?:per|for each|each|a)\s+(?:day|hour|minute|week)\s+(?:late|of\s+delay|overdue)|"
        r"\bfor each (?:day|hour|minute|week) (?:late|of delay)\b[^.]{0,60}\bpenalt|"
        r"[$\u20ac\u00a3]\s*\d+(?:\.\d+)?\s*(?:off\s+)?(?:per|a|an|/|for\s+every|for\s+each)\s*(?:minute|min|hour|"
        r"hr|day)\b", work.original.lower())  # ('$2 per minute late': a fee for each minute late)
    if not found and per_time and not flat:  # a penalty for each day late, summed: weighted tardiness
        found.append((0, "total_weighted_tardiness"))
    measured = None if found else goal_term(work.text)  # no fixed phrase: what the goal sentence measures
    if measured is not None and (measured != "total_lateness" or _EARLY_IS_ZERO.search(work.original)):
        found.append((0, measured))  # a sum of lateness where early jobs are not said to count zero is asked
    for start, term in _meant(sorted(found), work.cased.lower()):
        if term in ("total_lateness", "total_weighted_lateness"):  # tardiness when early jobs count zero; else it
            if not _EARLY_IS_ZERO.search(work.original):  # is not a term we have
                facts.unused.append(work.quote(start, start + len("total lateness")))
                continue
            term = "total_tardiness" if term == "total_lateness" else "total_weighted_tardiness"
        if term not in seen:
            seen.append(term)
    if "total_weighted_tardiness" in seen and "total_tardiness" in seen:
        seen.remove("total_tardiness")
    if len(seen) > 1 and (goal := goal_term(work.original.lower())) in seen:  # the one the goal sentence names
        seen.remove(goal)
        seen.insert(0, goal)
    said = goal_term(work.original.lower()) if found and measured is None else None
    if seen == ["makespan"] and said in ("total_completion_time", "total_weighted_completion_time") and \
            not facts.finish_of and re.search(r"\b(?:sum|each|average|mean|(?:finish\w*|completion|end)\s+times)\b",
                                              work.original.lower()):
        seen = [said]  # 'keep the total time down' (a phrase of the makespan) beside 'the smallest sum of the minutes
        # until each one is done', 'on average', 'the total of the finishing times': the sum spelled out wins
        # ('the total time until Release is finished' is no sum)
    facts.objective = [(t, 1) for t in seen[:1]] if len(seen) == 1 else []
    if len(seen) == 1:  # the goal's sentence, read: never asked about again, unless it has a number
        for a, b in goal_windows(work.text):
            if measured_term(work.text[a:b]) == seen[0] and not re.search(r"\d", work.text[a:b]):
                work.consume(a, b)
    facts.goals_named = seen if len(seen) > 1 else []  # asked: the first named need not be the one meant
    if seen and seen[0] in ("total_tardiness", "total_weighted_tardiness", "maximum_tardiness"):
        for m in list(work.finditer(_EARLY_IS_ZERO.pattern)):  # 'on-time parts count 0': tardiness, said again
            if BLANK not in m.group(0) and not re.search(r"\d", re.sub(r"\b0\b", "", m.group(0))):
                work.consume(*m.span())


KINDS: list[tuple[str, str]] = [
    (r"flexible\s+job[\s-]*shop|fjsp|(?:can|may) (?:run|be (?:done|processed|made)) on (?:either|any|one) of"
     r"|alternative machines|choice of machines?", "flexible_job_shop"),
    (r"job[\s-]*shop|jssp|own (?:route|order)|(?:different|its own) (?:routes?|routings?|sequences?)",
     "job_shop"),
    (r"flow[\s-]*shop|pfsp|permutation schedule|in the same sequence|"
     r"(?:each|every|all) (?:of the )?(?:jobs?|orders?|products?|parts?) (?:go(?:es)? through|"
     r"visits?|passes? through|(?:is|are) processed on|runs? on|must go through)\s*(?:the\s+)?(?:machines|stages|"
     r"all|both|each)|same (?:order|sequence|route) of machines|in the same order|same (?:\w+\s+)?(?:order|sequence) "
     r"(?:at|on|through) (?:all|every|each|both)|"
     rf"(?:\b{JOB_NOUN}|\b(?:each|every|all)\s+\w+)\s+(?:all\s+)?(?:go(?:es)?|pass(?:es)?|move[s]?|run[s]?)\s+"
     rf"through\b[^.\n]{{0,60}}\bthen\b|"
     r"\b(?:each|every\s+one|all)\s+(?:go(?:es)?|pass(?:es)?|move[s]?)\s+through\s+(?:all|each|every)\b[^.\n]{0,40}"
     r"\bin\s+(?:that|this|the\s+same|the\s+given|the\s+listed)\s+order\b|"
     rf"\b(?:each|every)(?:\s+(?:{JOB_NOUN}|one))?\s+(?:go(?:es)?|pass(?:es)?|move[s]?|runs?)\s+(?:through\s+)?"
     r"[\w /&-]{2,30}?\s*(?:->|>)\s*[\w /&-]{2,30}?\s*(?:->|>)",  # 'each goes kettle -> blast chiller -> ...'
     "flow_shop"),
    (r"(?:identical|parallel|uniform|equal)\s+machines|parallel machine|(?:machines|ovens|lathes|presses|lines|"
     r"stations|servers)\W+(?:all\s+|which are\s+|that are\s+)?(?:identical|the same|equal)\b|"
     rf"\btimes?\b[^.;\n]{{0,20}}\bdepends?\s+on\s+(?:the\s+|which\s+)?{MACHINE_NOUN}\b|\bunrelated\s+{MACHINE_NOUN}|"
     rf"\b(?:a|each|every)\s+\w+\s+(?:runs?|goes|bakes|is\s+(?:done|processed|made|run|cut|built|sewn|spun|"
     rf"[a-z]{{3,}}ed))\s+"
     rf"(?:entirely\s+|completely\s+|wholly\s+|start[- ]to[- ]finish\s+)?(?:on|in|at)\s+(?:just\s+|only\s+|exactly\s+)?"
     rf"(?:one|a\s+single)\s+"
     rf"(?:(?:of\s+the\s+)?(?:\w+\s+)?{MACHINE_NOUN}\b|of\s+them\b)|"
     rf"\b(?:whole|entire)\s+\w+\s+is\s+\w+\s+(?:at|on)\s+(?:a\s+single|one)\s+{MACHINE_NOUN}\b|"
     rf"\b(?:a|each|every)\s+\w+\s+stays\s+on\s+(?:one|a\s+single|the\s+same)\s+(?:\w+\s+)?{MACHINE_NOUN}\b|"
     rf"\b{MACHINE_NOUN}[^.;\n]{{0,20}}\((?:not|non)[\s-]?identical\)|\b{MACHINE_NOUN},?\s+(?:are\s+)?(?:not|non)[\s-]?"
     rf"identical\b|\btimes?\s+(?:differ|vary|are\s+different)\s+(?:per|by|between|from|across)\s+(?:\w+\s+)?{MACHINE_NOUN}|"
     rf"\b(?:each|every)\s+[^.;\n]{{0,30}}\bonce\s+on\s+either\s+(?:\w+\s+)?{MACHINE_NOUN}\b|"
     r"[\"'](?:-|x|n/a)[\"']\s*(?:means?|=|:)\s*(?:that\s+|the\s+)*\w*\s*(?:can't|cannot|can\s+not|isn't\s+able)\s+"
     r"(?:be\s+)?(?:do|done|make|made|bake|baked|cut|print|printed|run|take|taken|handle|handled|process|processed)\b",
     # '"-" means that oven can't do that item', '"-" means the part cannot be cut on that machine'
     "parallel_machines"),
    (rf"single[\s-]+machine|one machine|only machine|a machine\b|1 machine|the machine\b|\b(?:one|a single|1|only one|"
     rf"the only)\s+(?:(?:\d+-)?[a-z-]+\s+){{0,2}}{MACHINE_NOUN}\b(?!\s+(?:at a time|each))|"  # ('one 5-axis mill')
     r"\b(?:one|a single|only one|the only)\s+(?:\d+-[a-z]+\s+)?(?:[a-z]+ing|cnc)\s+"  # ('one 5-axis milling unit')
     r"unit\b|"
     rf"\bonly\s+(?:get|have|got|use)\s+(?:the\s+)?one\s+(?!(?:{JOB_NOUN}|days?|weeks?|shifts?|hours?|minutes?|"
     rf"people|persons?|workers?|operators?|at|of|more|or)\b)[a-z][\w-]*\b",  # 'we only get the one LC-MS'
     "single_machine"),
    (r"rcpsp|project scheduling|\bproject\b|crew|workers?|resource", "rcpsp"),
]


def read_kind(work: Work, facts: Facts) -> None:
    """Which branch of the ontology the text names, by keywords (without consuming the text), unless the
    three-field notation named it."""
    if facts.kind is not None:
        return
    for pattern, kind in KINDS:
        if (m := re.search(pattern, work.text)) is not None:
            facts.kind = kind
            facts.kind_named = re.search(r"shop|jssp|fjsp|rcpsp", m.group(0)) is not None
            return


_RULE_CUE = (r"\b(?:interrupt\w*|preempt\w*|pre-empt\w*|paus\w+|splitt?\w*|at a time|at once|to completion|"
             r"start to finish|halfway|half-\w+|in the middle|one thing|runs to the end|(?:i|we|they)\s+finish\s+it|"
             r"stays?\s+(?:on\s+)?until\s+(?:it's|it\s+is|it\s+has\s+been)\s+(?:finished|done|complete))\b")
_NEGATION = (r"\b(?:no|not|never|cannot|can't|won't|doesn't|don't|isn't|aren't|without|one|to completion|"
             r"start to finish|runs to the end|stays?\s+(?:on\s+)?until)\b")
_RULE_CLAUSE = re.compile(rf"(?m)(?:^|(?<=[.!?;,(])[ \t]*(?:(?:and|but)[ \t]+)?)[^.!?;,()\n]*?{_RULE_CUE}[^.!?;,()\n]*")


_PORTRAIT = re.compile(r"\s*\((?:\s*(?:and\s+)?[A-Z][a-z]+\s+\d+\s+is\s+(?:the\s+)?(?!(?:down|broken|busy|off|"
                       r"unavailable|booked|closed|reserved|out|free|idle|available|slow\w*|fast\w*|quick\w*)\b)"
                       r"[a-z-]+(?:\s+one)?\s*,?)+\)")
"""A bracket that only portrays named machines ('(Lift 3 is the heavy-duty one, Lift 1 is short)')."""
_NUMBERED = re.compile(r"(?i)\b(?P<n>two|three|four|2|3|4)\s+(?:identical\s+|parallel\s+)*(?:[a-z]+\s+)?(?P<w>[a-z]+?)"
                       r"(?:es|s)\s*\((?P<l>[^()\n]{3,60})\)")
"""'Two identical presses (Press 1, Press 2)', 'two identical laser cutters (Trumpf 1 and Trumpf 2)': the machines
numbered as the model numbers them."""


_SAME_ORDER = re.compile(
    r"(?i)\bno\s+(?:overtaking|passing)\b|\bcan(?:'t|not|\s+not)\s+(?:overtake|pass)\s+(?:each\s+other|one\s+another)\b|"
    r"\b(?:in\s+)?(?:the\s+)?same\s+(?:\w+\s+)?(?:order|sequence)\s+(?:at|on|through|for|in)\s+(?:every|all|each|both)"
    r"(?:\s+(?:the\s+)?(?:machines?|stations?|stages?|steps?))?\b|"
    r"\bwhatever\s+order\s+[^.;\n]{0,80}?\bis\s+the\s+order\s+[^.;\n]{0,80}?\b(?:every|all|each|both|too|as\s+well)\b"
    r"(?:\s+(?:the\s+)?(?:machines?|stations?|stages?|steps?))?|"
    r"\bpermutation\s+flow[\s-]*shop\b")
"""Words that keep the jobs in one order on every machine ('whatever order we pick at the saw is the order they go
through every station', 'no overtaking', 'the same order on every machine')."""


def read_same_order(rw: Rewriting) -> bool:
    """Whether the text keeps the jobs in one order on every machine (a permutation flow shop); the words are
    taken out (read before the restated rules, which would drop 'no overtaking')."""
    found = list(_SAME_ORDER.finditer(rw.text))
    for m in reversed(found):
        if not m.group(0).lower().startswith("permutation"):  # 'permutation flow shop' still names the kind
            rw.splice(m.start(), m.end(), "")
    return bool(found)


def drop_restated_rules(rw: Rewriting) -> None:
    """Clauses that only restate how machines work in every model here ('each machine does one part at a time',
    'once started, a step runs to completion', 'a part can't be on two machines at once'): negated, about no
    named thing, without numbers other than 'one'; 'jobs can be split' (another model) or 'A and B can't run at
    once' (a rule between two jobs) stay to be read or asked about."""

    def steps_in_order(m: re.Match[str]) -> str:  # 'operations ... in order 1, 2, 3': the route's order, said again
        steps = [int(k) for k in re.findall(r"\d+", m.group("l"))]
        return "in order" if steps == list(range(1, len(steps) + 1)) else m.group(0)
    rw.sub(r"(?i)\bin\s+(?:the\s+)?order\s+(?P<l>1\s*,\s*2(?:\s*,\s*(?:and\s+)?\d+)*)\b", steps_in_order)
    rw.sub(r"(?i)\b(?:the\s+)?order\s+(?P<l>(?P<w>op|operation|step|stage)\s*1(?:\s*(?:->|\u2192|>|,|then|before)\s*"
           r"(?:(?P=w)\s*)?\d+)+)\b", steps_in_order)  # 'follow the order op 1 -> op 2 -> op 3'
    rw.sub(r"(?i)\s*\(\s*(?P<l>(?P<w>op|operation|step)\s*1(?:\s*(?:->|\u2192|>|before|then)\s*(?:(?P=w)\s*)?\d+)+)\s*\)",
           lambda m: "" if steps_in_order(m) == "in order" else m.group(0))  # '(op 1 before op 2)'

    rw.sub(r"(?i)\s*\(\s*(?:e\.g\.,?|for\s+example,?)\s*(?:an?|the)\s+[a-z]+\s+(?:finishing|that\s+finishes|done|"
           r"completed)\s+at\s+(?P<a>\d+)\s*(?:min(?:utes?)?)?\s+has\s+(?:a\s+)?completion\s+time\s+(?:of\s+)?(?P=a)"
           r"(?:\s*min(?:utes?)?)?\s*\)", "")  # '(e.g. an order finishing at 07:40 has completion time 40)': said again

    def chain(m: re.Match[str]) -> str:  # 'Each job = chain of 3 operations O_j1 -> O_j2 -> O_j3'
        said = [int(k) for k in re.findall(r"(?i)o_?\{?j_?,?(\d+)", m.group("c") or "")]
        if m.group("c") and said != list(range(1, int(m.group("k")) + 1)):
            return m.group(0)
        return f"{m.group('e')} job has {m.group('k')} operations"
    rw.sub(r"(?i)\b(?P<e>each|every)\s+job\s*(?:=|\bis\b|\bconsists\s+of\b|\bis\s+made\s+up\s+of\b)\s*(?:an?\s+)?"
           r"(?:chain|sequence|series)\s+of\s+(?P<k>\d+)\s+(?:operations|ops|steps)\b"
           r"(?P<c>\s*:?\s*\(?\s*o_?\{?j_?,?1\}?(?:\s*(?:->|\u2192|,|then)\s*o_?\{?j_?,?\d\}?)+\s*\)?)?", chain)

    def example(m: re.Match[str]) -> str:  # 'a task that starts on day 0 and takes 2 days finishes at day 2'
        return "" if int(m.group("a")) + int(m.group("b")) == int(m.group("c")) else m.group(0)
    unit = r"(?:\s*(?:days?|hours?|h|min(?:utes?)?))?"
    at = r"(?:the\s+end\s+of\s+)?(?:day\s+|time\s+|hour\s+|t\s*=\s*)?"
    rw.sub(rf"(?i),?\s*(?:where|so|i\.e\.,?|e\.g\.,?)?\s*\b(?:a|an|any)\s+(?:task|job|activity|order|item)\s+that\s+"
           rf"starts?\s+(?:on|at)\s+{at}(?P<a>\d+){unit}\s+and\s+takes\s+(?P<b>\d+){unit}\s+(?:finishes|ends|is\s+"
           rf"(?:done|finished|complete))\s+(?:on|at|by)\s+{at}(?P<c>\d+){unit}", example)

    def judge(m: re.Match[str]) -> str:
        clause = m.group(0)
        low = re.sub(r"\b(?:be|work)\s+on\s+two\s+(?:\w+\s+)?\w+\s+at\s+once\b", "", clause.lower())
        low = re.sub(r"\b1\s+(?=(?:op|operation|job|task|part|item)s?\b)", "one ", low)  # '1 op per machine at once'
        named = re.search(r"(?<=\w)[ \t]+[A-Z]|(?<!['\w])[a-zA-Z]\d*\b(?<!\ba)(?<!\bA)", clause.strip())
        if named or re.search(r"\d|\b(?:two|three|four|five|six|both|several|many|multiple|between)\b", low) or \
                not re.search(_NEGATION, low):
            return clause
        if re.search(r"\bon\s+(?:one|a\s+single|just\s+one)\s+[a-z]+", low) and " at a time" not in low:
            return re.sub(r"(?i)\s+(?:without\s+(?:any\s+)?(?:interruption|a\s+break|stopping|pre-?emption)|"
                          r"from\s+start\s+to\s+finish|in\s+one\s+go)\b", "", clause)  # 'each job runs on one press'
            # says which model, kept; 'without interruption' holds in every model here
        if re.search(r"\b(?:at a time|at once|one thing)\b", low) and not re.search(rf"\b{MACHINE_NOUN}\b", low):
            return clause  # 'a crew only works one task at a time': what a crew is, for the readers to see
        if re.search(r"\b(?:crews?|teams?|workers?|people|persons?|staff|operators?|employees?|technicians?|gangs?|"
                     r"resources?)\b", low):
            return clause  # 'a task is done by one crew from start to finish' says what a crew is
        return ""
    rw.sub(r"(?i)\b(?:and\s*,?\s*)?once\s+(?:begun|started)\s*,\s*(?:it\s+)?(?:runs|goes|continues)\s+(?:on\s+)?to\s+"
           r"(?:completion|the\s+end)\b", "")  # 'and, once begun, runs to completion': no preemption, said in two
    rw.sub(_RULE_CLAUSE, judge)
    rw.sub(r"(?i)\b(?:a|an|each|every)\s+[a-z]+\s+(?:finishes|ends|is\s+(?:complete|done|finished))\s+when\s+its\s+"
           r"(?:processing|work|run)\s+(?:is\s+(?:done|over|finished)|ends|finishes)\s*(?:\(\s*(?:its|the)\s+(?:set-?up|"
           r"changeover)\s+(?:comes|is\s+done|happens)\s+(?:right\s+|just\s+|directly\s+)?before\s+it\s*\))?", "")
    # 'A run finishes when its processing is done (its setup comes right before it)': how every model counts

    def next_step(m: re.Match[str]) -> str:  # 'Op 2 of a job may start only after its Op 1 ends': the route's order
        return "" if int(m.group("b")) == int(m.group("a")) + 1 else m.group(0)
    step = r"(?:op(?:eration)?|step)\s*"
    rw.sub(rf"(?i)\b{step}(?P<b>\d)\s+of\s+(?:a|each|every|the)\s+job\s+(?:(?:cannot|can't|may\s+not|must\s+not)\s+"
           rf"start\s+(?:before|until)|(?:may|can)\s+(?:only\s+)?start\s+(?:only\s+)?after)\s+(?:its|the)\s+{step}"
           rf"(?P<a>\d)(?:\s+(?:ends|has\s+ended|is\s+(?:done|finished|complete)))?", next_step)
    rw.sub(r"(?i)\bO_?j(?P<a>\d)\s+(?:before|precedes|<)\s+O_?j(?P<b>\d)\b", next_step)  # 'O_j1 before O_j2'
    rw.sub(r"(?i)\bO_?\{?j,?\s*k\}?\s+(?:must\s+)?(?:precedes?|before|<)\s+O_?\{?j\s*,\s*k\s*\+\s*1\}?", "")  # 'O_jk
    # must precede O_j,k+1': each job's route in order
    rw.sub(r"(?i)\b(?:(?:and\s+)?(?:a|an|each|every|the)\s+\w+\s+)(?:only\s+)?(?:moves?|goes|passes|proceeds)\s+(?:on\s+)?"
           r"to\s+(?:its|the)\s+next\s+(?:step|machine|stage|operation|station)\s+(?:only\s+)?(?:once|when|after)\s+"
           r"(?:the|its)\s+(?:current|previous|last)\s+(?:one|step|operation|stage)\s+(?:is|has\s+been|has)\s+"
           r"(?:finished|done|completed?|over)\b", "")  # 'a gear only moves to its next step once the current one is
    # finished': each route in order
    rw.sub(_PORTRAIT, "")
    rw.sub(r"(?i)\b(?:and\s+)?can(?:'t|not|\s+not)\s+start\s+before\s+(?:they|it)\s+(?:arrives?|(?:is|are)\s+(?:ready|"
           r"released|here|in))\b", "")  # each job's release, read with the job
    rw.sub(r"(?i)\b(?:a|each|every|no)\s+job\s+(?:cannot|can't|can\s+not|may\s+not|must\s+not)\s+(?:begin|start)\s+"
           r"before\s+its\s+release(?:\s+(?:time|date))?\b", "")  # what a release time is

    def numbered(m: re.Match[str]) -> str:
        named = re.findall(r"\b([A-Za-z]+)\s+(\d+)", m.group("l"))
        elsewhere = rw.text[:m.start()] + rw.text[m.end():]
        if any(re.search(rf"(?i)\b{w}\s+{k}\b", elsewhere) for w, k in named):
            return m.group(0)  # 'Line 2 is down from 10:00': the names are the text's, kept for the names reader
        labels = [k for _, k in named] if len({w.lower() for w, _ in named}) == 1 else []
        plain = re.sub(r"\b[A-Za-z]+\s+\d+|,|\band\b|\s", "", m.group("l")) == ""
        canonical = [str(i) for i in range(1, count_value(m.group("n").lower()) + 1)]
        return m.group(0)[:m.start("l") - m.start() - 1].rstrip() if plain and labels == canonical else m.group(0)
    rw.sub(_NUMBERED, numbered)


def read_index_rows(work: Work) -> None:
    """'j : 1 2 3 4 5', 'job 1 2 3 4', 'p_ij j=1 2 3' over rows of values: the jobs' numbers, nothing more (read
    before any table or grid)."""
    for m in list(work.finditer(r"(?m)^[ \t]*(?:p_?\{?ij\}?[ \t]+)?(?:j|jobs?|tasks?|activit(?:y|ies)|i|#|no\.?)[ \t]*"
                                r"(?:[:=|]|(?=[ \t]))[ \t]*(?P<l>\d+(?:[ \t,]+\d+)+)"
                                r"[ \t]*$")):
        numbers = [int(x) for x in re.findall(r"\d+", m.group("l"))]
        if numbers == list(range(1, len(numbers) + 1)):
            work.consume(*m.span())


_ORIGIN_CLOCK = (r"(?:\s*\(\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+)?(?:\d{1,2}:\d{2}|\d{1,2}\s*(?:am|pm))"
                 r"\s*\))?")
"""After time 0: its clock, in a bracket ('ready at hour 0 (Monday 06:00)')."""


def read_restatements(work: Work, facts: Facts) -> None:
    """Sentences that only restate what the model already says: 'everything is available at time 0', 'at no
    time can more than 4 workers be busy' (with 4 the workers' capacity). 'All four' of the jobs counts them:
    a count the data does not fill is asked."""
    counted = len(facts.routes) or len(facts.jobs)
    machines = len({m for ops in facts.routes.values() for op in ops for m, _ in op}) or \
        len((facts.matrix or [[]])[0]) or facts.n_machines or 0
    for m in list(work.finditer(rf"\ball\s+(?:of\s+)?(?:the\s+)?(?P<n>{COUNT_WORD}|\d+)\b(?!\s*(?:{MACHINE_NOUN}|"
                                rf"[a-z]*(?:workers?|people|staff|crews?|resources?|stations?|stages?|steps?|"
                                rf"operations?|ops|hours?|minutes?|days?|weeks?))\b)")):
        if counted >= 2 and BLANK not in m.group(0) and m.group("n") not in ("both", "one") and \
                count_value(m.group("n")) not in (counted, machines):  # 'all three sections' of three machines
            facts.unused.append(f"{work.quote(*m.span())} (the text gives {counted})")
            work.consume(*m.span())
    work.take(rf"\b(?:everything|everyone|both|all(?:\s+(?:the\s+)?(?:\w+|{BLANK}+)){{0,2}}|each \w+|every \w+)\s+"
              r"(?:(?:is|are)\s+)?"
              r"(?:(?:can|may)\s+(?:start|begin|be\s+started)\s+)?"
              r"(?:(?:here|on\s+hand|in\s+stock|on\s+site)\s+(?:and\s+)?)?"
              r"(?:(?:available|ready|released|free|empty)\s+(?:and\s+ready\s+)?)?(?:(?:at|from|on)\s+(?:time\s+|t\s*=\s*|"
              r"hour\s+|minute\s+|day\s+)?0\b(?:\s*(?:hours?|minutes?|mins?|h|days?)\b)?(?!\s*[-:.,]?\s*\d)"
              rf"{_ORIGIN_CLOCK}|"
              r"now\b)|"  # 'ready at hour 0 (Monday 06:00)': time 0 and its clock
              r"\bt\s*=\s*0\s+is\s+now\b|\bt_?0\s*=\s*0\b|"
              r"\btimes?\s+(?:measured|counted)\s+from\s+(?:0|zero|the start)\b|"
              r"\brelease\s+(?:times?|dates?)\s*(?:are\s+|=\s*|:\s*)?(?:all\s+)?0\b(?!\s*[-:.,]?\s*\d)|"
              r"(?:(?<=[.,;:(]\s)|(?<=[,;(]))releases?\s*(?:=\s*|:\s*|at\s+)?0\b(?!\s*[-:.,]?\s*\d)|"  # ', release 0'
              r"\b(?:machine\s+capacit(?:y|ies)|capacity\s+(?:of\s+)?(?:each|every)\s+machine)\s*(?:is\s+|=\s*|:\s*|of\s+)?1\b"
              r"(?!\s*[-:.,]?\s*\d)|"
              r"\b(?:unit\s+)?capacity\s*(?:=\s*|of\s+|:\s*)?(?:1|one)\s+(?:per|on\s+each|for\s+each|for\s+every)\s+"
              r"(?:machine|station)\b(?!\s*,?\s*(?:except|but|apart|other\s+than|unless|while|whereas))|"
              r"\bstart\b[^.()\n]{0,30}\(\s*(?:t\s*=\s*|time\s+)0\s*\)|"
              r"(?:^|(?<=[.,;:]\s))start(?:ing|s)?\s+(?:together\s+)?at\s+(?:time\s+|t\s*=\s*)?0\b(?!\s*[-:.,]?\s*\d)",
              re.MULTILINE)
    work.take(r"\b(?:where\s+)?(?:a|each|every|the)\s+(?:job|order|part|item)'?s\s+(?:finish(?:ing)?|completion|end)\s+"
              r"time\s+(?:is|means)\s+(?:the\s+)?(?:(?:number\s+of\s+)?(?:hours|minutes|days)\s+after\s+the\s+start\s+)?"
              r"(?:at\s+which|when)\s+its\s+(?:last|final)\s+(?:step|operation|op|task)\s+(?:is\s+)?"
              r"(?:done|finished|completed?|ends)\b")  # 'where a job's finish time is the number of hours after 7:00
    # at which its last step is done': what a job's completion time is
    steps = {len(ops) for ops in facts.routes.values()}
    for m in list(work.finditer(r"\(\s*(?:i\.e\.,?\s*)?(?:the\s+)?(?:completion|finish|end)(?:\s+time)?\s+of\s+its\s+"
                                r"(?:(?P<last>last|final)\s+(?:step|op|operation)|(?:step|op|operation)\s+(?P<k>\d))\s*\)")):
        if m["last"] or steps == {int(m["k"])}:  # '(completion of its op 2)' of jobs with two operations each
            work.consume(*m.span())
    for m in list(work.finditer(r"\b(?P<i>[jkim])\s*=\s*1\s*(?:\.\.\.?|-|to)\s*(?P<n>\d+)\b")):  # 'k = 1..4': an
        if int(m["n"]) == (machines if m["i"] in "km" else counted):  # index over the machines or the jobs said again
            work.consume(*m.span())
    for m in list(work.finditer(r"\b(?P<kind>jobs|machines)\s*(?:[a-z]\s*=\s*)?\{(?P<l>[\w ,]{1,200})\}")):
        if len(re.findall(r"\w+", m["l"])) == (machines if m["kind"] == "machines" else counted):
            work.consume(*m.span())  # 'Jobs J = {1, 2, 3}, machines {M1, M2, M3}': the sets, said again
    bounds = "|".join(sorted({str(tv.value) for _, a, b in facts.down for tv in (a, b)}))
    if bounds:  # 'a job that would overlap the breakdown has to wait until t=5'
        work.take(rf"\b(?:until|till|after|before|from|at|by)\s+(?:t\s*=\s*|time\s+)?(?:{bounds})\b(?!\s*[-/.\d])")
    # time 0 in other words, once every job's own times are read: 'all material is on hand at time 0', 'minutes after
    # we switch the instrument on (time 0)', 'clock starts at 0', 'all ready at t=0'
    work.take(r"\b(?:at|from)\s+(?:time\s*|t\s*=\s*|hour\s+|minute\s+)0\b(?!\s*[-:.,]?\s*\d)|"
              r"\b(?:everything|all\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)\s+(?:is|are)\s+(?:staged|ready|here|there|in\s+place|"
              r"on\s+hand|available|prepared)\s+before\s+(?:we|you|they)\s+start\b|"  # 'all the material is staged ...'
              rf"\b(?:ready|available|released|free)\s+(?:at|from)\s+0\b(?:\s*(?:hours?|minutes?|mins?|h)\b)?"
              rf"(?!\s*[-:.,]?\s*\d){_ORIGIN_CLOCK}|"
              r"\b(?:1|one)\s+[a-z]+(?:\s+[a-z]+){0,4}?\s+at\s+a\s+time\b|\((?:step|op|operation|stage)s?\s*1\b[^()\n]{0,40}\)|"
              r"\b(?:\d+|two|three|four)\s+op(?:eration)?s\s+each\b|"
              r"\beach\s+with\s+(?:\d+|two|three|four|five)\s+(?:op(?:eration)?s|steps)\b(?:\s+that\s+must\s+be\s+"
              r"(?:done|processed|performed)\s+in\s+(?:that\s+|this\s+)?order)?|"
              r"\(\s*(?:at\s+)?(?:time|t\s*=|hour|minute)\s*0\s*\)|\b(?:clock|time|counting)\s+starts?\s+at\s+(?:time\s+)?0\b|"
              r"\(\s*hour\s+0\s*=\s*[^()\n]{1,40}\)|"
              r"\b(?:the\s+)?start\s+(?:is|=)\s+(?:at\s+)?(?:time\s+|t\s*=\s*)?0\b(?!\s*[-:.,]?\s*\d)|"
              r"\b(?:time|t|hour|minute)\s*0\s*=\s*(?:now|(?:the\s+)?start(?:\s+of\s+(?:the\s+)?\w+)?|today)\b|"
              r"\((?:at\s+)?\d{1,2}:\d{2}\s*=\s*(?:hour|time|t|minute)\s*0\)|"
              r"\b(?:all\s+)?r_?j\s*=\s*0\b(?!\s*[-:.,]?\s*\d)|\ball\s+releases?\s*(?:=|are|at|:)?\s*0\b(?!\s*[-:.,]?\s*\d)|"
              r"\beach\s+op(?:eration)?\s+(?:runs\s+)?on\s+(?:exactly\s+)?one\s+machine\s+(?:from|of|in)\s+its\s+set\b|"
              r"\bo_?\{?\s*j\s*,\s*k\s*\}?\s+must\s+(?:follow|come\s+after|start\s+after)\s+o_?\{?\s*j\s*,\s*k\s*-\s*1\s*\}?|"
              r"\b(?:one|1)\s+op(?:eration)?\s+per\s+machine\s+at\s+a\s+time\b|"
              r"\b(?:an?\s+\w+\s*,\s*)?once\s+started\s*,?\s+(?:it\s+)?(?:runs?|goes|continues|is\s+run)\s+(?:to|until)\s+"
              r"(?:completion|the\s+end|it\s+is\s+(?:done|finished))\b|"
              rf"\b(?:an?\s+\w+\s*,\s*)?once\s+started\s*,?(?=\s*(?:{BLANK}|[.;]|$))|"  # the rest read already
              r"\b(?:everything|everyone|all(?:\s+\w+)?)(?:'s|\s+is|\s+are|\s+were)?\s+(?:ready|available|dropped\s+off|"
              r"here|delivered|arrived|on\s+site|(?:on|in|at)\s+the\s+[a-z-]+)(?:\s+to\s+go)?\s+"
              r"(?:at|from|by)\s+(?:the\s+start\b|0\s*(?:min|minutes|h|hours)?\b(?!\s*[-:.,]?\s*\d))|"
              r"\b(?:times?|hours|minutes|days)\s+(?:are\s+)?(?:counted|measured)\s+from\s+(?:0|zero|the start|0?0:00|"
              r"midnight)(?:\s+today)?\b|"
              r"\b(?:hours|minutes|days|times?)\s+(?:are\s+)?(?:counted|measured)\s+from\s+[^,.;=\n]{1,30}?=\s*"
              r"(?:hour|minute|time|t|day)\s*0\b|"  # 'hours are counted from Monday 7am = hour 0'
              r"\bstart(?:s|ing)?\s+counting\s+(?:at|from)\s+(?:(?:day|hour|shift|minute)\s+0|0\s+(?:days?|hours?|shifts?|"
              r"minutes?|h))\b(?!\s*[-:.,]?\s*\d)|"  # 'start counting at day 0' (written '0 days' by then)
              r"\b(?:everything|all\s+(?:of\s+)?(?:them|the\s+\w+))\s+(?:is|are|'s)\s+(?:on\s+the\s+floor|here|in|on\s+site|"
              r"in\s+the\s+(?:shop|lab|yard|building)|ready|on\s+hand)\s+already\b|"
              r"(?:^|(?<=[.;\n]))\s*(?:hours|minutes|days)\s+(?:are\s+)?(?:counted\s+)?from\s+the\s+start(?:\s+of\s+(?:the\s+)?"
              r"[a-z]+(?:\s+[a-z]+){0,2})?(?=\s*[,.;]|$)")  # 'Minutes from the start of the double lesson, ...'
    for m in list(work.finditer(r"(?:\u00d7|\bx|\bwith|,)\s*(\d+)\s+op(?:eration)?s(?:\s+each)?\b")):
        if facts.routes and all(len(ops) == int(m.group(1)) for ops in facts.routes.values()):
            work.consume(*m.span())  # '3 jobs x 3 operations': the routes say so
    named = {name.lower(): job for job, name in facts.names.items()} | {job.lower(): job for job in facts.routes}
    for m in list(work.finditer(rf"(?P<l>[^.;:\n{BLANK}]{{2,80}}?)\s+(?:only\s+)?(?:ha(?:ve|s)|gets?|needs?)\s+"
                                rf"(?:only\s+|just\s+)?(?P<n>{COUNT})\s+(?:steps|op(?:eration)?s)\b")):
        jobs = [named.get(j.strip().lower()) for j in re.split(r"\s*(?:,\s*and|,|\band\b|&)\s*", m.group("l"))]
        if all(jobs) and all(len(facts.routes.get(j or "", [])) == count_value(m.group("n")) for j in jobs):
            work.consume(*m.span())  # 'WO-102 and WO-104 only have two steps': their routes say so
    step = r"(?:op(?:eration)?|step)\s+"
    for m in list(work.finditer(rf"\b{step}(?P<b>\d)\s+of\s+(?:a|each|every|any)\s+job\s+(?:can\s+|may\s+)?(?:only\s+)?"
                                rf"(?:start|begin)s?\s+(?:only\s+)?after\s+(?:its|the\s+job's|that\s+job's)\s+{step}"
                                r"(?P<a>\d)\s+(?:ends|is\s+(?:done|finished|complete[d]?)|has\s+(?:ended|finished))")):
        if facts.routes and int(m.group("b")) == int(m.group("a")) + 1:  # the order of a route, said again
            work.consume(*m.span())
    for m in list(work.finditer(r"\b\d{1,4}[a-z]?\s+[a-z]+\s+(?:rd|road|st|street|ave|avenue|lane|ln|way|drive|close|"
                                r"court|place|square|crescent|terrace)\b")):  # '14 Linden Rd': an address
        if work.is_capital(m.start() + len(m.group(0).split()[0]) + 1):
            work.consume(*m.span())
    labels = list(work.finditer(rf"\b{MACHINE_NOUN}\s+(?:no\.?|number|#)\s*\d+\b"))
    if len({m.group(0) for m in labels}) == 1 and not (facts.routes or facts.matrix):  # 'autoclave no. 2 (the only
        for m in labels:  # one free today)': the one machine's label, no data
            work.consume(*m.span())
    if len(facts.jobs) >= 2:  # '5 custom bike frames go through ...' over a table headed 'frame': the jobs' count
        for m in list(work.finditer(rf"\b({COUNT})\s+(?:[a-z-]+\s+){{0,3}}?(?P<noun>[a-z]{{3,}})s\b")):
            if BLANK in m.group(0) or m.group(1) in ("a", "an") or not re.search(
                    rf"(?im)^[ \t|]*{re.escape(m.group('noun'))}s?[ \t]*[|,\t]", work.original):
                continue
            if re.search(r"\b(?:any|every|each|between|first|last|next|other|those|these|per|up to|at most|at least|"
                         r"more than|fewer than|only)\s+$", work.text[max(0, m.start() - 12):m.start()]):
                continue  # 'between any two jobs', 'the first three orders': no count of them all
            if count_value(m.group(1)) != len(facts.jobs):  # 'over the six reels' over a table of five: asked
                facts.unused.append(f"{work.quote(*m.span())} (the table has {len(facts.jobs)})")
            work.consume(*m.span())
    if not facts.down:  # 'runs 24/7', 'round the clock': always available, as every machine is without downtime
        work.take(r"\b(?:runs?\s+|open\s+|works?\s+)?(?:24\s*/\s*7|24\s+hours\s+a\s+day|round[- ]the[- ]clock|"
                  r"around\s+the\s+clock)\b")
    # an example in brackets: '(op 1, then op 2, ...)'
    work.take(r"\((?:e\.g\.,?\s*|for example,?\s*|say,?\s*)?[^()\n]{0,60}(?:\.\.\.|\u2026|\betc\b\.?)\s*\)")
    if facts.capacities:  # '1 renewable resource' where one resource is known: a count that restates it
        for m in work.take(rf"\b({COUNT})\s+(?:(?:renewable|shared)\s+)?(?:resources?\b|resource\s+types?\b|{BLANK})"):
            if m.group(1) not in ("a", "an") and count_value(m.group(1)) != len(facts.capacities):
                facts.unused.append(work.quote(*m.span()))
    if facts.capacities:  # 'never need more than the 4 people at once', 'never more than 6 stagehands or 1
        nouns = "|".join(map(re.escape, sorted(facts.capacities, key=len, reverse=True)))  # telehandler in use'
        each = rf"(?:the\s+)?(?:\d+|the one)\s+(?:{nouns})\w*"
        for m in work.take(rf"\b(?:more than|at most|up to|no more than|over)\s+{each}(?:\s*(?:,|or|and|nor)\s+{each})*"
                           r"(?:\s+(?:in use|at once|at a time|busy)(?:\s+(?:on\s+)?(?:the same|any|a|each)\s+"
                           r"(?:day|time|period|hour))?)?"):
            said = re.findall(rf"(\d+|the one)\s+({nouns})", m.group(0))
            if any((1 if k == "the one" else int(k)) != facts.capacities[noun] for k, noun in said):
                facts.unused.append(work.quote(*m.span()))
    for m in list(work.finditer(r"\b(?:more than|at most|up to|no more than)\s+(\d+)\s+"
                                r"(?:people|persons|staff|working)\b(?:\s+on\s+the\s+job)?(?:\s+(?:on\s+)?(?:any|a|each)\s+(?:day|time))?")):
        if sum(cap == int(m.group(1)) for cap in facts.capacities.values()) == 1:  # '5 people' of a crew of 5
            work.consume(*m.span())


_CLOCK = r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
_ORIGIN_CUE = re.compile(rf"\borigin\b|\b(?:count\w*|measur\w*)\b[^,;()\d]{{0,30}}\bfrom\s+0\b|"
                         rf"\b(?:minutes|hours|days|weeks|time)\s+(?:counted\s+)?(?:from|after)\s+(?:time\s+|t\s*=\s*)?0\b|"
                         rf"\bt\s*=\s*0\b|\b(?:day|hour|time|minute|week|period)\s+0\b|=\s*0\b|\b0\s*=|"
                         rf"(?:>=|\u2265)\s*0\b|\bstart(?:ing|s)?\s+(?:from\s+|at\s+)?(?:day\s+|hour\s+|time\s+)?0\b|"
                         rf"\b(?:minutes|hours|days|times?)\s+(?:are\s+)?(?:counted\s+)?(?:after|from)\s+(?:the\s+)?"
                         rf"(?:[a-z]+\s+)?{_CLOCK}|\b(?:all|everything|every\s+\w+|each\s+\w+|both|we|work|production)\b"
                         rf"[^,;()\d]{{0,30}}\b(?:start|begin)\w*\s+(?:from|at|on)\s+(?:[a-z]+\s+)?{_CLOCK}|"
                         rf"\b(?:all|everything|every\s+\w+|each\s+\w+)\b[^,;()\d]{{0,40}}\b(?:at|from|by)\s+"
                         rf"(?:time\s+|t\s*=\s*)?0\b(?:\s*(?:{UNIT_PATTERN}))?\s*$")
"""Words that set the clock's zero: 't = 0 as the origin', 'day 0 = first day on site', '(0 = 06:00)', 'minutes
after the 06:00 shift start', 'starting from day 0', 'start times >= 0', 'all material at the machines at 0 min'
(everything there from the start: the default)."""
_ORIGIN_ROLE = re.compile(r"\b(?:due|deadline|by|weight|priority|setup|changeover|cost|takes?|lasts?|needs?|"
                          r"requires?|demand|capacity|late|before|after\s+(?:job|task))\b")


_EXPLAINS = re.compile(r"\b(?:so|i\.e|e\.g|means?|counts?\s+as|exactly|for example|for instance|that is|"
                       r"counting|on time|in time)\b")
_VALUE_SAID = re.compile(r"\b(?:weight|priority|w|due|d|release|r|deadline|cost|penalty|p)\s*[:=]?\s*\d")
"""A job's value in a bracket ('(w = 3)', '(priority 2)'): never an explanation to set aside."""


_DISMISSED = re.compile(r"\b(?:(?:that's|that\s+is|it's|it\s+is)\s+(?:their|his|her|someone\s+else's)\s+problem|"
                        r"(?:doesn't|does\s+not|don't|do\s+not)\s+(?:matter|affect\s+(?:us|this|the\s+schedule))|"
                        r"(?:is\s+)?(?:irrelevant|not\s+relevant)\s+(?:here|to\s+(?:us|this|the\s+schedule))|"
                        r"ignore\s+(?:that|this|it))\b")
"""Words that set a bracket aside as having no bearing on the problem ('but that's their problem, not mine')."""
_RULE_WORD = re.compile(r"\b(?:after|before|first|once|then|needs?|requires?|must|only|cannot|can't|never|until)\b")


def read_title(work: Work) -> None:
    """The numbers of a heading that only name things (`text.title_numbers`), and those of a machine's make ('one
    5-axis milling unit', 'the 6-colour press'): never data."""
    for a, b in title_numbers(work.text):
        if BLANK not in work.text[a:b]:
            work.consume(a, b)
    for m in list(work.finditer(_MAKE_NUMBER)):
        work.consume(*m.span("n"))


_MAKE_NUMBER = (rf"\b(?P<n>\d{{1,2}})-(?!(?:{UNIT_PATTERN})\b)[a-z]+\s+(?:[a-z]+ing\s+|cnc\s+)?"
                rf"(?:{MACHINE_NOUN}|unit)\b")
"""A number that is part of a machine's make ('5-axis mill', '6-colour press'), never an amount ('3-hour')."""


def read_explanations(work: Work, facts: Facts) -> None:
    """A bracket that only explains what the data means ('(so an order finishing at time 7 is exactly on time for
    a day-7 due date)', '(an early order counts as 0)'): its numbers are 0 or values read already."""
    known = {tv.value for tv in facts.time_values()} | {Fraction(0)}
    named = {w for name in facts.names.values() for w in re.findall(r"[a-z]{3,}", name.lower())} - {"the", "and", "for"}
    for m in list(work.finditer(r"\([^()\n]{5,240}\)")):
        numbers = [Fraction(n) for n in re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", m.group(0))]
        tasks = re.search(JOB_REF, m.group(0)) or any(w in named for w in re.findall(r"[a-z]{3,}", m.group(0)))
        ordering = tasks and _RULE_WORD.search(m.group(0))  # '(made from the base, so the base must be finished
        # first)' orders tasks: never an explanation
        if _EXPLAINS.search(m.group(0)) and all(n in known for n in numbers) and BLANK not in m.group(0) \
                and not _VALUE_SAID.search(m.group(0)) and not ordering:
            work.consume(*m.span())
        elif _DISMISSED.search(m.group(0)) and not tasks and BLANK not in m.group(0):
            work.consume(*m.span())  # '(the cafe next door opens at 7 but that's their problem, not mine)'


_LEGEND = re.compile(r"(?m)(?:^|(?<=;))[ \t]*(?P<k>[a-z][a-z_]{0,15})[ \t]*(?:=|:)[ \t]*"
                     r"(?P<d>(?:minutes|hours|days|time|the\s+(?:time|minute|hour|day))\b[^;\n\d]{3,160})"
                     r"(?=;|\.?[ \t]*$)")
"""A column's legend: 'release = minutes after 06:00 when the batch is ready to bake' (the clock read already)."""


def read_legends(work: Work) -> None:
    """Legends that say what a table's column of times means, with no number of their own: read with the table."""
    for m in list(work.finditer(_LEGEND.pattern)):
        if BLANK not in m.group(0) and role_of(m.group("k")) in ("release", "due", "deadline", "p", "weight"):
            work.consume(*m.span())


def read_time_origin(work: Work) -> None:
    """Parts of a clause that only say where time 0 is: every number left in them is 0 or a clock time, and they
    give no job a value (a due date of 0 is never taken for the origin)."""
    work.take(r"\b(?:counting|counted|measured|starting|reckoned)\s+from\s+the\s+(?:start|beginning|morning)\s+of\s+"
              r"(?:day|week)\s+1\b")  # 'counting from the start of day 1': time 0 is that start
    for m in list(work.finditer(rf"{_CLOCK}|(?<![\w.:])0(?![\w:]|\.\d)")):
        a, b = work.clause(*m.span())
        a, b = max(a, m.start() - 120), min(b, m.end() + 120)  # a piece of a clause: never the whole text
        left = max(a - 1, *(work.text.rfind(c, a, m.start()) for c in (",", ";", "(", ". ")))
        right = min([k for k in (work.text.find(c, m.end(), b) for c in (",", ";", ")", ". ")) if k >= 0] or [b])
        piece = work.text[left + 1:right]
        if BLANK in m.group(0) or not _ORIGIN_CUE.search(piece) or _ORIGIN_ROLE.search(piece):
            continue
        if all(d == "0" for d in re.findall(r"\d+", re.sub(_CLOCK, " ", piece))):
            work.consume(left + 1, right)


_SOME_DUE = (r"\bsome\s+(?:of\s+the\s+)?(?:tasks|jobs|orders|activities)\s+(?:have|carry|come\s+with)\s+(?:an?\s+)?"
             r"(?:committed\s+|agreed\s+|promised\s+)?due\s+(?:date|day|time)s?|"
             r"\b(?:tasks|jobs|orders|activities)\s+(?:that|which)\s+have\s+(?:an?\s+)?due\s+(?:date|day|time)s?|"
             r"\b(?:tasks|jobs|orders|activities)\s+without\s+(?:an?\s+)?due\s+(?:date|day|time)\s+(?:are\s+never\s+late|"
             r"(?:do\s+not|don't)\s+count|count\s+as\s+on\s+time)")
"""Words that give only some jobs a due time: the others are never late ('Some tasks have a committed due day')."""


def read_some_due(work: Work, facts: Facts) -> None:
    """Whether the text gives due times to some jobs only, on purpose."""
    facts.some_due = bool(work.take(_SOME_DUE))


def read_default_unit(work: Work, facts: Facts) -> None:
    """A stated unit for bare numbers ('all times in hours', 'time unit: minutes', '(minutes)')."""
    m = re.search(rf"\(\s*(?:in\s+)?({UNIT_PATTERN}){PER_ITEM}\s*\)|"
                  rf"(?:times?|durations?|data|values|numbers|everything|all)\s*"
                  rf"(?:are\s+|is\s+|given\s+|"
                  rf"measured\s+|expressed\s+)*(?:in|unit:?)\s+({UNIT_PATTERN})|time\s*unit\s*(?:is|:|=)?\s*"
                  rf"({UNIT_PATTERN})|\bin\s+({UNIT_PATTERN})", work.text)
    if m:
        facts.default_unit = unit_of(next(g for g in m.groups() if g))
        return
    units = re.findall(rf"(?<=\d)[ \t]*({UNIT_PATTERN})(?!\s+(?:print\w*|model\w*|scan\w*|render\w*|design\w*))",
                       work.text)  # never the 'd' of a '3D printer'
    canon = [unit_of(u) for u in units if unit_of(u)]
    if canon:
        facts.default_unit = max(set(canon), key=canon.count)


_NOT_A_COUNT = (r"(?<!\bany )(?<!\bbetween )(?<!\bevery )(?<!\beach )(?<!\bother )(?<!\bthe )(?<!\bon )(?<!\bper )"
                r"(?<!\bthose )(?<!\bthese )(?<!\bacross )(?<!\bover )(?<!\bonto )(?<!\binto )(?<!\bon a )(?<!\bin a )"
                r"(?<!\bat a )(?<!\bon exactly )(?<!\bon just )(?<!\bon only )(?<!\bto exactly )(?<!\bto just )"
                r"(?<!\bto only )"
                r"(?<!\bin )(?<!\bto )(?<!\bfor )(?<!\bof )(?<!\bmachine )(?<!\bstation )(?<!\bstage )(?<!\bas )")
"""'between any two jobs', 'the two machines', 'runs on one cutter', 'each job on exactly one machine': a number of
things that is not how many there are."""
_MODIFIER = (r"(?:(?!(?:hours?|minutes?|mins?|hrs?|h|days?|on|of|in|at|for|the|and|or|to|into|onto|from|with|by|then|"
             r"jobs?|orders?|is|are|was|goes|go|takes?|needs?|runs?|uses?|visits?|per|each|every|a|an|load|loads)\b)"
             r"(?:[a-z]|\d+[a-z])[a-z0-9-]*[ ]+)")
"""A word between a count and a machine noun ('two laser cutters', 'three 3D printers')."""


def read_counts(work: Work, facts: Facts) -> None:
    """'4 jobs', 'three identical machines', 'a single machine', and name lists 'jobs A, B and C'."""
    name = r"(?![mr]\d)[a-z]\d*"
    for m in list(work.finditer(rf"\b{JOB_NOUN}\s+(?P<l>{name}(?:\s*(?:,\s*and|,|and|&)\s*{name})+)\b")):
        found = [(x.group(0), m.start("l") + x.start()) for x in re.finditer(r"\b[a-z]\d*\b", m.group("l"))]
        names = [n for n, _ in found]
        if names and all(work.is_capital(st) for _, st in found):
            for n in names:
                facts.add_job(n.upper())
            work.consume(m.start(), m.end())
    jobs = (rf"(?:{JOB_NOUN}|loads|runs|pieces|shipments|bakes|samples|cars|vehicles|commissions|requests|tickets|"
            r"repairs)")
    for m in list(work.finditer(rf"\b{jobs}(?P<x>\s*(?:x|\u00d7)\s*(?P<k>\d+)\s*(?:ops|operations|steps)\b"
                                r"(?:\s+on\s+(?P<m>\d+)\s+machines\b)?)")):
        facts.ops_per_job = int(m.group("k"))  # '4 jobs x 2 operations on 3 machines'
        if m.group("m"):
            facts.n_machines = facts.n_machines or int(m.group("m"))
        work.consume(m.start("x"), m.end("x"))
    for m in list(work.finditer(rf"{_NOT_A_COUNT}\b({COUNT})[ ]+(?:\w+[ ]+)?{jobs}\b(?![ ]*#?[ ]*\d)"
                                rf"(?![ ]+(?:lifts?|ramps?|{MACHINE_NOUN})\b)"  # 'three car lifts' count lifts
                                r"(?![ ]+(?!x\s+\d)[a-z]\d*(?:[:,]|\s|$))"
                                r"(?!\s+(?:per\b|at\s+(?:a|any|one)\s+time|at\s+once|simultaneously))"
                                r"(?![^.;,\n]{0,30}\bat\s+(?:a|any|one)\s+time\b)")):  # 'one job on a press at a time'
        if m.group(1) in ("a", "an", "single", "a single"):  # 'a task is done by one crew': not a count, left
            continue
        work.consume(*m.span())
        if facts.n_jobs is None:
            facts.n_jobs = count_value(m.group(1))
    counted: list[re.Match[str]] = []  # each count of machines, with what it counts
    for m in list(work.finditer(rf"{_NOT_A_COUNT}\b({COUNT})(?:[ ]+|-)"
                                r"(?:(?:identical|parallel|equal|uniform|unrelated|same|similar|cnc)\s+)*"
                                rf"(?:(?:{_MODIFIER}{{0,2}}{MACHINE_NOUN}|mach\b\.?|m/c|stages?)(?:\b|(?<=/c)))"
                                r"(?![ ]*#?[ ]*\d)(?!-[a-z])|"  # '0 machine 1' of a table's row counts nothing, 'a
                                # little laser-cutting studio' no laser
                                rf"\b({COUNT})\s+(?:identical|parallel|equal|similar)\s+(?:[a-z]+\s+)?[a-z]+")):
        if m.group(1) and count_value(m.group(1)) > 1 and re.fullmatch(rf"\S+ .*\b(?:{'|'.join(MACHINE_NOUNS)})",
                                                                       m.group(0)):
            continue  # '25 saw, 10 sander': times on machines, not how many ('3 saws')
        work.consume(*m.span())
        counted.append(m)
    said = [m for m in counted if (m.group(1) or m.group(2)) not in ("a", "an")] or counted  # 'three cutters'
    if said and facts.n_machines is None:  # before 'times on a new cutter'
        facts.n_machines = count_value(said[0].group(1) or said[0].group(2))
    for a, b in zip(counted, counted[1:], strict=False):  # 'one deck oven and two rack ovens': machines of two
        if re.fullmatch(r"\s*(?:,|and|&|plus)\s*(?:also\s+)?", work.text[a.end():b.start()]):  # kinds declared
            facts.counts_differ = [work.quote(a.start(), b.end())]  # together: no one count (one quote is enough)
            break
    for m in work.take(r"\b(?:jssp|jsp|fjsp|pfsp|job[\s-]*shop|flow[\s-]*shop)\s*,?\s*(\d+)\s*(?:x|\u00d7)\s*(\d+)\b"
                       r"(?:\s*\((?:machine|m)\s*,\s*(?:time|p|duration)\))?"):  # 'JSSP 3x3 (machine,time)'
        facts.n_jobs = facts.n_jobs or int(m.group(1))
        facts.n_machines = facts.n_machines or int(m.group(2))
    for m in work.finditer(r"\bm1\s*,\s*m2(?:\s*,\s*m\d+)*(?:\s*,?\s*(?:and|&)\s*m\d+)?\b(?=[^.;\n]*\b(?:identical|"
                           r"parallel|same speed)\b)"):  # 'autoclaves M1, M2, M3 - identical cycle speeds'
        numbers = [int(x) for x in re.findall(r"\d+", m.group(0))]
        if facts.n_machines is None and numbers == list(range(1, len(numbers) + 1)):
            facts.n_machines = len(numbers)
    declared = sum(re.fullmatch(r"M\d+", k) is not None for k in facts.names)
    for m in list(work.finditer(rf"\b(?P<n>{COUNT})\s+(?:[a-z-]+\s+){{1,2}}\(\s*\)")):
        if declared and count_value(m.group("n")) == declared:  # '3 work centres (Saw, Weld, Paint)', the names
            facts.n_machines = facts.n_machines or declared  # read as the machines' already
            work.consume(*m.span())
    for m in work.take(rf"\b(?:got|have|has|own|run|use|using|with|for|on)\s+the\s+({COUNT})\s+{_MODIFIER}{{0,2}}"
                       rf"{MACHINE_NOUN}\b"):  # 'we've got the two heat presses', 'plan for the three packing lines'
        facts.n_machines = facts.n_machines or count_value(m.group(1))
    for m in work.take(r"\b(?:j|job\s*)(\d+)\s*(?:x|\u00d7)\s*(?:m|machine\s*)(\d+)\b"):  # 'J4 x M3 job shop'
        facts.n_jobs = facts.n_jobs or int(m.group(1))
        facts.n_machines = facts.n_machines or int(m.group(2))
    for m in work.take(r"\bmachines?\s*:?\s*m1\s*(?:-|\u2013|to|\.\.\.?)\s*m(\d+)\b"):  # 'machines M1-M3'
        facts.n_machines = facts.n_machines or int(m.group(1))
    for m in work.take(r"(?<![a-z])m\s*=\s*(\d+)\b"):  # 'Pm, m=3'
        facts.n_machines = facts.n_machines or int(m.group(1))
    facts.machines_plural = re.search(rf"\b(?:{'|'.join(MACHINE_NOUNS)})(?:s|es)\b", work.text) is not None
    for m in work.take(r"(?<![a-z_])n\s*=\s*(\d+)\b(?!\s*[,;]\s*\d)"):  # 'n = 6 jobs'
        facts.n_jobs = facts.n_jobs or int(m.group(1))
    for m in list(work.finditer(rf"\b(?:{JOB_NOUN}|machines?)(?:\s*count)?\s*(?::|=)\s*(\d+)\s*(?:identical|"
                                r"parallel)?\s*(?:$|[,;.\n])", re.M)):
        if re.match(r"[ \t]*[-*+][ \t]+\S", work.text[work.text.rfind("\n", 0, m.start()) + 1:m.start()]):
            continue  # '- spoons for the Lidl order: 3': an item's name and its time, no count
        work.consume(*m.span())
        if "machine" in m.group(0):
            facts.n_machines = int(m.group(1))
        else:
            facts.n_jobs = int(m.group(1))
