"""Per-job data: keyword lists ('due dates 4 6 8 3') and per-job statements ('job 2: 3 h, due 10')."""

from __future__ import annotations

import re
from fractions import Fraction

from ordino.formulate.offline.facts import Facts, Precedence
from ordino.formulate.offline.relations import BLANK_IN, REF_LIST, ref_names
from ordino.formulate.offline.tables import UNIT_WORD, role_of
from ordino.formulate.offline.text import (
    BLANK,
    JOB_NOUN,
    JOB_REF,
    MACHINE_NOUN,
    NUM,
    SIGN,
    TIME,
    Work,
    job_name,
    on_own_line,
    time_values,
    to_fraction,
)
from ordino.formulate.offline.units import UNIT_PATTERN, UNIT_WORDS, TimeVal, whole_units

LIST_KEYS: list[tuple[str, str]] = [
    ("deadline", r"deadlines?|hard due dates?|latest (?:finish|completion|end) times?"),
    ("release", r"release(?:\s*|-)(?:dates?|times?)|releases?|ready(?:\s*|-)times?|ready dates?|arrival(?: times?)?s?|"
                r"arrive at|arriving at|available from|availability times?|r_?j|\br\b|r\(j\)|start(?:ing)? no earlier"),
    ("due", r"due(?:\s*|-)dates?|due times?|due at|due by|\bdue\b|delivery dates?|promise(?:d)? dates?|d_?j|\bd\b|"
            r"d\(j\)|dues|pick-?ups?(?: times?)?|collection times?"),
    ("weight", r"weights?|priorit(?:y|ies)(?: weights?)?|importance(?: weights?)?|w_?j|\bw\b|w\(j\)|penalt(?:y|ies)"),
    ("p", r"processing(?:\s*|-)times?|processing|durations?|run(?:\s*|-)?times?|lengths?|p_?j|\bp\b|p\(j\)|"
          r"(?:they |which )?(?:take|need|require)\b|times? needed|job times|task times|"
          r"(?:production|cycle|service|work) times?|"
          r"proc(?:essing)?\.?\s*times?|\btimes\b|\blast\b"),
]
_SEP = r"(?:\s*(?:,\s*and|,|and|&|/|\s)\s*)"
_LIST = rf"\(?\[?\s*{TIME}(?:{_SEP}{TIME})*\s*\]?\)?(?:[ \t]*(?:\(\s*)?(?:in\s+)?(?:{UNIT_PATTERN})\b\)?)?"
_FILLER = rf"(?:(?!{JOB_NOUN}\s*#?\s*\d|\bj\d|{SIGN})[^\d\n.;{BLANK}]){{0,45}}?"


def read_tuples(work: Work, facts: Facts) -> None:
    """'Jobs (duration, weight): J1 (3, 1), J2 (2, 4)': a column spec, then one tuple per job; a column may be a
    resource's demand ('Activity (duration, R-demand): A(3,2) B(4,3)') or the time on a machine ('(p_1j, p_2j,
    r_j)', machines in column order)."""
    spec = re.search(rf"(?:{JOB_NOUN}|{BLANK}|^)\s*,?\s*\((?P<cols>[a-z0-9_ -]+(?:,\s*[a-z0-9_ -]+)*"
                     rf"(?:,|;)\s*[a-z0-9_ -]+)\)"
                     r"(?:\s*=\s*(?P<said>[a-z0-9 ,]{1,80}))?\s*:", work.text, re.MULTILINE)
    if spec is None:
        return
    values, _, after = spec.group("cols").partition(";")
    cols = [c.strip() for c in values.split(",")]
    roles = [_tuple_role(c) for c in cols]
    lettered = [c[0] for c in cols if re.fullmatch(_JOHNSON, c)]
    if None in roles or lettered != list("abc"[:len(lettered)]) or spec.group("said") and not _said_alike(
            spec.group("said"), roles) or after and not re.fullmatch(_PRED_COLUMN, after.strip()):
        return  # ('a_j, b_j': the times on machines 1 and 2, in that order only)
    preds = rf"\s*;\s*(?P<pr>{_NO_PRED}|{REF_LIST})" if after else ""
    pattern = rf"(?P<j>{JOB_REF}|\b[a-z]\d*)\s*[:=]?\s*\((?P<v>{TIME}(?:\s*,\s*{TIME}){{{len(roles) - 1}}}){preds}\s*\)"
    found = [m for m in work.finditer(pattern) if m.start() > spec.start()]
    before = {m.start(): [] if re.fullmatch(_NO_PRED, m.group("pr")) else ref_names(work, m.group("pr"), m.start("pr"))
              for m in found} if after else {}
    if None in before.values():
        return
    if not found or any(len(time_values(m.group("v"))) != len(roles) for m in found) or any(
            not re.match(JOB_REF, m.group("j")) and not work.is_capital(m.start("j")) for m in found) or any(
            role is not None and role.startswith("res:") and whole_units(tv) is None
            for m in found for role, tv in zip(roles, time_values(m.group("v")), strict=True)):
        return  # (a need that is no whole number is never rounded: the tuples are left, so asked)
    rows = []
    for m in found:
        name = job_name(m.group("j"))
        facts.add_job(name)
        rows.append([tv for role, tv in zip(roles, time_values(m.group("v")), strict=True) if role == "machine"])
        facts.precedences += [Precedence(first, name) for first in before.get(m.start()) or []]
        for role, tv in zip(roles, time_values(m.group("v")), strict=True):
            if role == "machine":
                continue
            if role is not None and role.startswith("res:"):
                facts.demands.setdefault(name, {})[role[4:]] = int(tv.value)  # whole: checked above
            elif role is not None:
                facts.set_attr(name, role, tv)
        work.consume(m.start(), m.end())
    if any(rows):
        facts.matrix = rows
    work.consume(spec.start(), spec.end())


def _said_alike(said: str, roles: list[str | None]) -> bool:
    """Whether the words after a tuple spec ('= processing time on M1, on M2, weight') say what each column is."""
    items = [i.strip() for i in said.split(",")]
    meant = [("machine" if re.search(r"\bm\d|machine", i) else "weight" if "weight" in i else "due" if "due" in i
              else "release" if re.search(r"release|ready", i) else None) for i in items]
    return len(items) == len(roles) and all(m is None or m == r for m, r in zip(meant, roles, strict=True))


_PRED_COLUMN = r"pred(?:ecessor)?s?|(?:comes\s+)?after|depends\s+on"
"""A tuple spec's last column after ';', the activities that must end first: '(duration, R usage; predecessors)'."""
_NO_PRED = r"-|none|nothing|\u2013|\u2014"

_JOHNSON = r"[abc]_?j"
"""'a_j', 'b_j': a job's times on the first and the second machine, in Johnson's notation."""


def _tuple_role(column: str) -> str | None:
    """The role of one column of a tuple spec: a job attribute, or 'res:<name>' for a resource's demand."""
    role = role_of(column.replace(" ", "_"))
    if role is None and len(words := [w for w in column.split() if not re.fullmatch(UNIT_WORD, w)]) == 1:
        role = role_of(words[0])  # 'due hour' is the due date
    if role in ("p", "due", "release", "weight", "deadline"):
        return role
    if re.fullmatch(rf"p_?\{{?\d\}}?_?j?|p_?\{{?\d\s*,?\s*j\}}?|p_?m\d|{_JOHNSON}", column):  # p_1j, a_j: the time
        return "machine"  # on machine 1
    demand = re.fullmatch(r"(?P<r>[a-z]\w*)[-_ ]+(?:demand|need|needs|usage|use|req|requirement)", column)
    return f"res:{demand.group('r')}" if demand else None


_INDEXED_ROLES = {"p": "p", "d": "due", "r": "release", "w": "weight"}


def read_indexed_brackets(work: Work, facts: Facts) -> None:
    """Values with the job's index in a bracket after its label, before the route on its line: 'J1 (d_1 = 7): O11
    {M1: 3, M2: 5}, ...' (read before the routes, which the bracket would cut)."""
    for m in work.take(rf"\(\s*(?P<a>[pdrw])_?\{{?(?P<j>\d{{1,3}})\}}?\s*=\s*(?P<v>{TIME})\s*\)(?=\s*:)"):
        facts.set_attr(f"J{int(m.group('j'))}", _INDEXED_ROLES[m.group("a")], time_values(m.group("v"))[0])


_MULTIPLE = {"once": 1, "single": 1, "double": 2, "twice": 2, "triple": 3, "treble": 3, "two": 2, "three": 3,
             "four": 4, "five": 5}
_COUNTS_AS = (rf"(?P<l>{JOB_REF}(?:\s*(?:,\s*and|,|and)\s*(?:the\s+)?{JOB_REF})*)(?:\s+(?:is|are)\b[^.;\n]{{0,60}}?"
              r"(?:,?\s*so|,?\s*and|,)\s+(?:it|they))?\s+(?:counts?|weighs?|is\s+weighted|are\s+weighted)\s+"
              r"(?P<v>once|single|double|twice|triple|treble|(?:two|three|four|five|\d+)\s*(?:times|x)\b)"
              r"(?:\s+(?:as\s+much|each))?")
"""A weight said as a multiple: 'job 3 counts double', 'jobs 2 and 4 count once', 'job 1 is for our best customer
so it counts triple'."""


def read_indexed(work: Work, facts: Facts) -> None:
    """Values written with the job's index: 'd1 = 5, d2 = 3', 'p_3 = 4', and 'all r_j = 0' (nothing to add); and
    values named before their job: 'the weight of A is 2'."""
    work.take(r"\ball\s+[pdrw]_?j\s*=\s*0\b(?!\s*[-:.,]?\s*\d)|\b[pdrw]_?j\s*=\s*0\s+for\s+all\s+j\b")
    for m in work.take(rf"(?<![a-z_])(?P<a>[pdrw])_?\{{?(?P<j>\d{{1,3}})\}}?\s*=\s*(?P<v>{TIME})"):
        role, value = _INDEXED_ROLES[m.group("a")], time_values(m.group("v"))[0]
        facts.set_attr(f"J{int(m.group('j'))}", role, value)
    for role, keys in LIST_KEYS:
        for m in work.take(rf"\b(?:{keys})\s+(?:of|for)\s+(?P<j>{JOB_REF})\s*(?:is|=|:|\bare\b)\s*(?P<v>{TIME})"):
            value = time_values(m.group("v"))[0]
            facts.set_attr(job_name(m.group("j")), role, value)
    pair = rf"{JOB_REF}\s*[=:-]?\s*{TIME}"
    for m in work.take(rf"(?P<j>{JOB_REF})\s+(?:counts|weighs|has (?:a )?weight(?: of)?)\s+(?P<v>{NUM})"
                       rf"(?P<l>(?:\s*(?:,\s*(?:and\s+)?|and\s+){JOB_REF}\s+{NUM})+)"):  # 'A counts 3, B 2 and C 1'
        facts.set_attr(job_name(m.group("j")), "weight", time_values(m.group("v"))[0])
        for j, v in re.findall(rf"({JOB_REF})\s+({NUM})", m.group("l")):
            facts.set_attr(job_name(j), "weight", time_values(v)[0])
    counts = rf"(?:{JOB_REF}|{JOB_NOUN}\s+\d+(?:\s*(?:,|and)\s*\d+)+)\s+(?:counts?|weighs?)\s+{NUM}(?:\s+each)?"
    for m in work.take(rf"{counts}(?:\s*(?:,\s*(?:and\s+)?|and\s+){counts})+"):  # 'batch 1 counts 3, batches 2 and
        for c in re.finditer(rf"(?P<r>{JOB_REF}|{JOB_NOUN}\s+\d+(?:\s*(?:,|and)\s*\d+)+)\s+(?:counts?|weighs?)\s+"
                             rf"(?P<v>{NUM})", m.group(0)):  # 4 count 1 each'
            refs = [c["r"]] if re.fullmatch(JOB_REF, c["r"]) else [f"job {k}" for k in re.findall(r"\d+", c["r"])]
            for ref in refs:
                facts.set_attr(job_name(ref), "weight", time_values(c["v"])[0])
    for m in work.take(_COUNTS_AS):  # 'job 3 counts double', 'job 1 is for our best customer, so it counts triple'
        said = m["v"].split()[0]
        times = _MULTIPLE.get(said) or int(re.sub(r"\D", "", said))
        for ref in re.findall(JOB_REF, m["l"]):
            facts.set_attr(job_name(ref), "weight", TimeVal(Fraction(times)))
    for role, keys in LIST_KEYS:  # 'a priority weight (...): job 1 2, job 2 5, job 3 3'
        for m in list(work.finditer(rf"\b(?:{keys})\b{_FILLER.replace('{0,45}', '{0,60}')}:\s*(?P<l>{pair}(?:\s*[,;]\s*"
                                    rf"(?:and\s+)?{pair})+)")):
            if BLANK_IN(work, m):
                continue
            for j, v in re.findall(rf"({JOB_REF})\s*[=:-]?\s*({TIME})", m.group("l")):
                facts.set_attr(job_name(j), role, time_values(v)[0])
            work.consume(m.start(), m.end())


_ALL_BY = re.compile(
    rf"(?:\bhard\s+(?:requirement|constraint|rule)\s*:\s*)?\b(?:everything|all\s+(?:the\s+)?(?:{JOB_NOUN}|work)|"
    rf"all\s+of\s+(?:it|them))\s+(?:must|has\s+to|have\s+to|needs?\s+to)\s+be\s+(?:finished|done|completed?|ready)\s+"
    rf"(?:by|before|no\s+later\s+than)\s+(?:(?:the\s+end\s+of\s+)?(?P<u>hour|minute|day|week)\s+(?P<n>{NUM})\b|"
    rf"(?:time\s+|t\s*=\s*)?(?P<t>{TIME}))")
"""'Hard requirement: everything must be finished by hour 9': the same deadline for every job."""


def read_common_deadline(work: Work, facts: Facts) -> None:
    """One deadline said of all the jobs at once, as every job's deadline."""
    for m in work.take(_ALL_BY.pattern):
        said = time_values(m.group("t"))[0] if m.group("t") else TimeVal(to_fraction(m.group("n")),
                                                                          UNIT_WORDS.get(m.group("u")))
        facts.lists["deadline_each"] = [said]


def read_lists(work: Work, facts: Facts) -> None:
    """'processing times 3 2 4 1', 'due dates: 4, 6, 8, 3 (hours)', 'weights = [1, 2, 1]', 'each takes 3 h'."""
    each = (rf"(?:each|every|all)\s+(?:(?:of the\s+)?{JOB_NOUN}\s+)?(?:takes?|lasts?|needs?|requires?|"
            rf"(?:has|have) a (?:processing time|duration) of|of)\s+(?P<t>{TIME})|{JOB_NOUN}\s+of\s+(?P<t2>{TIME})"
            r"\s+each")
    for m in work.take(each):
        facts.lists["p_each"] = time_values(m.group("t") or m.group("t2"))
    bare_d = False
    for attr, keys in LIST_KEYS:
        pattern = rf"(?:{keys})\b\s*{_FILLER}(?::|=|\bare\b|\bis\b|\bof\b|\b|(?={SIGN}))\s*(?P<list>{_LIST})"
        for m in list(work.finditer(pattern)):
            if BLANK_IN(work, m):
                continue
            vals = _list_values(m.group("list"), m.group(0)[: m.start("list") - m.start()])
            if len(vals) < 2 and attr != "p":
                continue
            letter = re.match(r"([a-z])(?:_?[ij])?\b", m.group(0))
            if letter and list(facts.capacities) == [letter.group(1)]:  # 'r_j 2 3 1' under 'one renewable resource,
                if facts.set_needs(letter.group(1), vals):  # capacity R = 4': what each job needs of R (a value
                    work.consume(m.start(), m.end())  # that is no whole number leaves the line, so asked: never a
                continue  # release time)
            if len(vals) < 2 and not re.search(r"each|every|all", m.group(0)):
                continue
            if len(vals) == 1:
                facts.lists[f"{attr}_each"] = vals
            elif facts.lists.get(attr, vals) != vals:  # a second list for one value ('d' read as durations, then
                facts.unused.append(work.quote(m.start(), m.end()))  # 'p'): asked, never one written over the other
            else:
                facts.lists[attr] = vals
            work.consume(m.start(), m.end())
            if attr == "due" and re.match(r"d(?:_?[ij])?\b", m.group(0)):
                bare_d = True
    goal_late = any(re.search(r"tard|late", term) for term, _ in facts.objective)
    if bare_d and "p" not in facts.lists and not goal_late and not any("p" in a for a in facts.attrs.values()) \
            and not re.search(r"\b(?:due|deadlines?|late|lateness|tardiness|tardy)\b", work.original.lower()):
        facts.lists["p"] = facts.lists.pop("due")  # 'd = [3, 2, 4]' of a project without due dates: the durations


def _list_values(chunk: str, filler: str) -> list[TimeVal]:
    vals = time_values(chunk)
    unit = re.search(rf"(?:\bin\s+|\()({UNIT_PATTERN})", filler)
    if unit:
        from ordino.formulate.offline.text import unit_of

        u = unit_of(unit.group(1))
        vals = [TimeVal(v.value, v.unit or u) for v in vals]
    return vals


SEGMENT_ATTRS: list[tuple[str, str]] = [
    ("late_rate", rf"(?:[$\u20ac\u00a3]\s*(?P<a>{NUM})|(?P<a2>{NUM})\s*(?:dollars?|euros?|pounds?))\s*(?:off\s+)?"
                  r"(?:per|a|an|each|/|for\s+(?:every|each))\s*(?P<u>minute|min|hour|hr|h|day)\b"
                  r"(?:\s+(?:we're|we\s+are|it's|it\s+is|they're|they\s+are))?(?:\s+(?:late|overdue|of\s+delay|"
                  r"past\s+(?:due|the\s+deadline)))?(?:\s+(?:if|when)\s+(?:it's|it\s+is|they're|they\s+are|we're)\s+"
                  r"late)?"),  # '$2 per minute late', '$4/min if they're late': a fee per unit of time late
    ("window", rf"(?:must|should|has to|can|may|needs? to)?\s*(?:only\s+)?(?:start|begin)\s+(?:somewhere\s+)?"
               rf"between\s+(?:time\s+)?(?P<a>{TIME})\s*(?:and|-|to)\s*(?P<b>{TIME})"),
    ("start_max", rf"(?:must|should|has to|needs? to)\s+(?:start|begin|be started)\s+(?:no later than|by|"
                  rf"at the latest (?:at|by)?|before)\s*(?:time\s+)?(?P<a>{TIME})"),
    ("deadline", rf"(?:deadline(?:\s+is|\s+at|\s+of|:|=)?|(?:must|has to|needs? to|should)\s+(?:be\s+)?"
                 rf"(?:finished|done|completed|complete|finish|end|ready|delivered)\s+(?:by|before|no later than|"
                 rf"at the latest(?: by| at)?|latest)|no later than|at the (?:very )?latest(?: by| at)?)\s*"
                 rf"(?:time\s+|t\s*=\s*)?(?P<a>{TIME})"),
    ("release", rf"(?:released?|ready|arriv(?:es|ing|al|e)|available|comes in|shows? up|turns? up|gets? (?:here|in)|"
                rf"drops?\s+(?:it|them)\s+(?:off\s+)?|"
                rf"(?:material|stock|parts?|components?|kit|wood|steel|paper|fabric)\s+(?:is\s+|are\s+)?in|"
                rf"can(?:not|'t| not)? (?:only )?start|gets? (?:only )?delivered|"
                rf"(?:won't|will not|isn't|is not)\s+be\s+(?:finished|done|ready|here|in|available|delivered)\s+"
                rf"(?:until|till|before)|"
                rf"starts? no earlier than|not before|earliest start|\br\b|\brj\b|release (?:date|time))\s*"
                rf"(?:is|at|from|after|until|till|=|:|before|earlier than|on|time)?\s*(?:time\s+|t\s*=\s*)?"
                rf"(?P<a>{TIME})(?:,?\s*so\s+(?:it|they)\s+can(?:'t|not)\s+(?:start|go\s+(?:on|in)|run|begin)\s+"
                rf"(?:before|until)\s+then\b)?"),  # ('..., so it can't go on before then': said again)
    ("release", r"ready (?:right away|immediately|straight away|now)\s*(?:\(\s*(?:at\s+)?(?:time\s+|t\s*=\s*|hour\s+)?"
                r"(?P<a>0)\s*(?:hours?|h|min(?:utes?)?)?\s*\))?"),
    ("due", rf"(?:due(?:\s*date)?|\bd\b|\bdj\b|delivery|promised(?: for)?|wanted(?: by)?|(?:needs? to be |must be )?"
            rf"(?:ready|out) by|needed (?:by|at)|wants? (?:it|them) (?:by|at|for)|"
            rf"needs?\s+(?:it|them|the\s+(?:results?|report|samples?|data))\s+(?:by|at)|"
            rf"(?:delivery\s+)?(?:van|truck|courier|lorry)\s+(?:leaves|goes|comes)(?:\s+for\s+(?:it|them))?(?:\s+at)?|"
            rf"(?:picks?|picked)\s*-?\s*up(?: at| by| time)?|"
            rf"collect(?:ion|ed|ing)?(?: at| by)?|needs? (?:it|them) back (?:by|at)|ship(?:s|ping)? (?:at|by)|"
            rf"(?:truck\s+|shipping\s+)?cut-?\s?off(?: at| by| time)?|wants? (?:it|them) back (?:by|at))\s*"
            rf"(?:is|at|by|on|=|:|date|time|for|in)?\s*(?:time\s+|t\s*=\s*)?(?P<a>{TIME})"),
    ("weight", rf"(?:weight(?:\s+(?:it|them|this\s+one))?|\bw\b|\bwj\b|priority|importance|penalty|(?:is\s+)?worth|"
               rf"counts)\s*(?:is|of|=|:)?\s*"
               rf"(?P<a>{NUM})"
               rf"(?!\s*(?:{UNIT_PATTERN}|%|[$\u20ac\u00a3]))"),
    ("deadline", rf"\bby\s+(?P<a>{NUM}\s*{UNIT_PATTERN})"),
    ("p", rf"(?P<a>{NUM}\s*{UNIT_PATTERN})\s+of\s+(?:[a-z]+ing|work|processing|machine time|run time)\b"),
    ("p", rf"(?:takes?|needs?|requires?|lasts?|processing(?: time)?|proc(?:\.|essing)?|duration|dur|\bp\b|"
          rf"\bpj\b|\bpt\b|time|length|runs? for|long|for)\s*(?:is|of|=|:|about)?\s*(?P<a>{TIME})"),
]


_STOP = rf"\n(?=[ |]*(?:[-*+]|\d|{JOB_REF}|\n|$|[a-z ]+[:=]))|\n\s*\n|[.;](?:\s|$)"


def segments(work: Work) -> list[tuple[str, int, int]]:
    """(job name, start, end) for each stretch of text about one job: from its name to the next job name,
    the end of the line or the end of the sentence."""
    out = []
    refs = work.job_refs()
    for i, m in enumerate(refs):
        end = len(work.text)
        if i + 1 < len(refs):
            end = refs[i + 1].start()
            # 'B ... can only start after task A is finished': the predecessors belong to this stretch
            for tail in re.finditer(_PREDS, work.text[m.end():refs[i + 1].end() + 200]):
                if m.end() + tail.start() < end <= m.end() + tail.end():
                    end = m.end() + tail.end()
        body, cut = work.text[m.end():end], 0
        # a line of its own: 'After demolition.' still speaks of this job
        marks = "[;,.]" if on_own_line(work.text, m.start()) else "[;,]"
        while (stop := re.compile(_STOP).search(body, cut)) is not None and \
                re.match(rf"{marks}\s*(?:and\s+)?(?:it\b|(?:also\s+)?(?:can\s+)?(?:only\s+)?(?:starts?\s+)?(?:after|once)\b|"
                         r"(?:can't|cannot|won't)\s+start\b|needs\s+(?:both\s+)?job\s+\d|"
                         r"(?:due|deadline|weight|priority|promised|needed by|wanted by|collecting)\b\s*"
                         r"(?:is|at|by|of|for|=|:)?\s*\d|"
                         r"(?:he|she|they)(?:'s|\s+is|\s+are)?\s+(?:collecting|needs?\s+it\s+back)\b|"
                         r"(?:the\s+[a-z]+\s+)?(?:(?:won't|will\s+not|isn't|is\s+not|aren't|are\s+not)\s+be\s+"
                         r"(?:finished|done|ready|here|in|available|delivered)\s+(?:until|till|before)|(?:only\s+)?"
                         r"arrives?\s+at)\s+\d)",  # ('... The sheets only arrive at 9:30': what the job waits for)
                         body[stop.start():], re.IGNORECASE):
            cut = stop.end()  # '... needs 3 workers; it can start only after A': 'it' is still this job
        if stop:
            end = m.end() + stop.start()
        out.append((job_name(m.group(0)), m.start(), end))
    return out


def read_segments(work: Work, facts: Facts) -> None:
    """Attributes stated per job: 'job 2 takes 3 h, due at 10, weight 2; job 3 ...'."""
    for name, start, end in segments(work):
        head = re.match(JOB_REF, work.text[start:])
        if head is None:  # read as another job's predecessor already
            continue
        facts.add_job(name)
        body_start = start + len(head.group(0))
        found_any = read_attrs(work, facts, name, body_start, end)
        if on_own_line(work.text, start):
            found_any = read_cued(work, facts, name, body_start, end) or found_any
        rest = work.text[body_start:end]
        nums = list(_TIME.finditer(work.text, body_start, end))  # in place: a sign sees what stands before it
        first = nums[0] if nums else None
        if "p" not in facts.attrs.get(name, {}) and first is not None and re.fullmatch(
                r"\s*(?:[:=(]|\s-|-\s)\s*", work.text[body_start:first.start()]):
            nums = [first]  # 'R1 - 40 min, by 9:00': the time right after the name
        if "p" not in facts.attrs.get(name, {}) and len(nums) == 1 and re.match(r"\s*(?:[:=(]|\s-|-\s)", rest) and \
                not _LABEL_BEFORE.search(work.text, 0, nums[0].start()):  # ('machine 2 only': no time)
            m = nums[0]
            facts.set_attr(name, "p", time_values(m.group(0))[0])
            work.consume(m.start(), m.end())
            found_any = True
        if "p" not in facts.attrs.get(name, {}) and (lone := _lone_duration(work.text[body_start:end])) is not None:
            facts.set_attr(name, "p", time_values(lone.group(0))[0])
            work.consume(body_start + lone.start(), body_start + lone.end())
            found_any = True
        if found_any:
            work.consume(start, body_start)


_TIME = re.compile(TIME)
_LABEL_BEFORE = re.compile(rf"\b(?:machine|{MACHINE_NOUN}|room|lane|dock|gate|no\.?|#)\s*$")
"""Words before a number that make it a label ('machine 2', 'line 3'), never an amount."""
_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("release", re.compile(r"(?i)\b(?:drop(?:ped|s)?\s+off|(?:is\s+|are\s+|gets?\s+|will\s+be\s+)?(?:here|in|on site)|"
                           r"arriv\w*(?:\s+(?:by|via)\s+(?:e-?mail|post|courier|truck|van))?|ready|available|released?|"
                           r"comes?\s+in|lands?|delivered|brought\s+in|access|"
                           r"let\s+in|on\s+site\s+from)\s*"
                           r"(?:at|from|by|on)?\s*$")),
    ("due", re.compile(r"(?i)\b(?:due|promised|back|collect\w*|pick(?:ed|s)?[\s-]*up|ships?|leaves?|goes?\s+out|"
                       r"wants?\b[^,;\d]{0,20}|needs?\b[^,;\d]{0,20}\bby|needed)\s*(?:at|by|for|on)?\s*$")),
]
"""Words just before a point in time on a job's own stretch that say what the point is: 'dropped off 8:00',
'here at 8:00' (its release), 'wants it back by 9:00', 'promised 10:30' (its due date)."""
_NOT_BEFORE_THEN = re.compile(r"(?i)\s*,?\s*so\s+(?:(?:it|they|i|we)\s+can(?:'t|not)\s+"
                              r"(?:start|begin|go\s+in|be\s+started)|"
                              r"no\s+[\w' -]{1,30}?)\s+(?:before|until)\s+(?:then|that)\b")
"""After a point in time: it is when the job may start ('..., so it can't start before then', '..., so no brioche
before that')."""
_AMOUNT_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:test|job|run|session|service|visit|slot|check|repair|fit|clean|"
                           r"wash|cut|print|bake|treatment|appointment|consult\w*)\b", re.IGNORECASE)
"""A noun of work after an amount: '60 min test' is the job's duration."""


def read_cued(work: Work, facts: Facts, name: str, body_start: int, end: int) -> bool:
    """The times left on a job's own line that the words just before (or a noun of work just after) give a role:
    'dropped off 0 min', 'here at 0 min' (release), 'wants it back by 60 min' (due), '60 min test' (duration).
    A role already read for the job is never read twice; True when something was read."""
    found = False
    for m in list(_TIME.finditer(work.text, body_start, end)):
        if BLANK in m.group(0) or not re.search(UNIT_PATTERN, m.group(0)):
            continue
        clause = max(work.text.rfind(c, body_start, m.start()) for c in ",;(\u2013\u2014") + 1
        left = work.text[max(clause, body_start):m.start()]
        left = re.sub(r"^\s*-\s", " ", left)
        if BLANK in left:
            continue
        role = next((r for r, cue in _CUES if cue.search(left)), None)
        if role is None and not left.strip(" -:") and _AMOUNT_AFTER.match(work.text, m.end(), end):
            role = "p"
        then = _NOT_BEFORE_THEN.match(work.text, m.end(), end)
        if then is not None and role in (None, "release") and re.search(r"\b(?:until|till|at|from)\s*$", left):
            role = "release"  # '... rests in the fridge until 5:00, so it can't start before then'
        if role is None or role in facts.attrs.get(name, {}):
            continue
        if role == "release" and then is not None:
            work.consume(*then.span())
        facts.set_attr(name, role, time_values(m.group(0))[0])
        work.consume(m.start(), m.end())
        found = True
    return found
_POINT_WORDS = re.compile(r"(?i)\b(?:start\w*|begin\w*|arriv\w*|ready|available|release\w*|due|deadline|until|till|by|"
                          r"before|after|from|between|since|hour|minute|time|t|deliver\w*|promised|on\s+site|lands?|"
                          r"dropped)\W*(?:\w+\W+)?$")
"""Words before an amount that make it a point in time ('starts at 7 hours', 'delivered at 40 min')."""


def _lone_duration(body: str) -> re.Match[str] | None:
    """The one amount of time left in a job's stretch ('job 2 3 hours', 'job 3 is the big one at 7 hours'):
    its duration, unless words before it make it a point in time ('starts at 7 hours')."""
    left = [m for m in re.finditer(rf"{NUM}\s*{UNIT_PATTERN}", body) if BLANK not in m.group(0)]
    if len(left) != 1 or _POINT_WORDS.search(body[max(0, left[0].start() - 25):left[0].start()]):
        return None
    return left[0]


_PREDS = (rf"(?:(?:(?:can|may)\s+)?(?:only\s+)?(?:(?:start|begin)s?\s+)?(?:only\s+)?(?:after|once|when|following)|"
          rf"(?:can't|cannot|can not|won't)\s+(?:start|begin)\s+(?:until|till|before)|"
          rf"follows|requires|needs|depends on|preceded by|waits? for|predecessors?:?|preds?:?)\s+"
          rf"(?P<l>{REF_LIST})(?:\s+(?:(?:is|are|has|have)\s+(?:all\s+|both\s+)?(?:been\s+)?)?(?:finished|done|"
          rf"complete[d]?|over|ended|up|in|installed|built|laid|poured|ready))?")


_CLAUSE_ENDS = re.compile(r"\s*(?:$|[,;.)\n]|(?:and|then|but|so)\b)")


def read_attrs(work: Work, facts: Facts, name: str, body_start: int, end: int) -> bool:
    """Attributes of one job in text[body_start:end]; True when something was read."""
    found_any = False
    for m in list(re.finditer(_PREDS, work.text[body_start:end])):
        a, b = body_start + m.start(), body_start + m.end()
        firsts = ref_names(work, m.group("l"), body_start + m.start("l"))
        if BLANK in work.text[a:b] or not firsts or not _CLAUSE_ENDS.match(work.text, b):
            continue  # 'once A has been inspected by the client' is more than A being done: left for a question
        if re.match(r"\s*(?:both|all of|each of)\b", m.group("l")) and len(firsts) < 2:
            continue  # 'after both job 2 and electrical rough-ins': one of the two unread, so neither is read
        facts.precedences += [Precedence(f, name) for f in firsts]
        work.consume(a, b)
        found_any = True
    for attr, pattern in SEGMENT_ATTRS:
        for m in list(re.finditer(pattern, work.text[body_start:end])):
            a, b = body_start + m.start(), body_start + m.end()
            if BLANK in work.text[a:b]:
                continue
            if attr == "window":
                facts.set_attr(name, "start_min", time_values(m.group("a"))[0])
                facts.set_attr(name, "start_max", time_values(m.group("b"))[0])
            elif attr == "weight":
                facts.set_attr(name, "weight", time_values(m.group("a"))[0])
            elif attr == "late_rate":  # the fee and the unit of time it is charged per
                value = time_values(m.group("a") or m.group("a2"))[0].value
                facts.set_attr(name, attr, TimeVal(value, UNIT_WORDS[m.group("u")]))
            elif attr in facts.attrs.get(name, {}):
                continue
            else:
                facts.set_attr(name, attr, time_values(m.group("a"))[0] if m.group("a") else TimeVal(Fraction(0)))
            work.consume(a, b)
            found_any = True
    return found_any
