"""Shop data: per-job routes (job shop, flexible), machine order (flow shop), rows and columns of times."""

from __future__ import annotations

import re
from collections.abc import Callable

from ordino.formulate.offline.entities import read_attrs
from ordino.formulate.offline.facts import Facts
from ordino.formulate.offline.relations import BLANK_IN
from ordino.formulate.offline.text import (
    JOB_REF,
    MACHINE_REF,
    TIME,
    Rewriting,
    Work,
    job_name,
    machine_name,
    one_machine_said,
    stem,
    time_values,
)
from ordino.formulate.offline.units import UNIT_PATTERN, TimeVal

_PAIR = (rf"\(?\s*(?P<m>{MACHINE_REF})\s*(?:[:=(,/>]|->|for|takes|needs)?\s*(?P<t>{TIME})\s*\)?|"
         rf"(?P<t2>{TIME})\s*(?:(?:on|at|@|of|in)\s*(?:the\s+)?|(?<=[a-z])\s*)(?P<m2>{MACHINE_REF})")
_PAIR_RE = re.compile(_PAIR)
_LIST = rf"\(?\[?\s*{TIME}(?:\s*(?:,|;|\s|/)\s*{TIME})+\s*\]?\)?(?:[ \t]*\(?(?:in\s+)?{UNIT_PATTERN}\b\)?)?"


_OP_LABEL = re.compile(r"\b(?:o|op|operation|step)\s*_?\d+(?:\s*[.,]\s*\d+)?\b|"
                       r"\b(?:first|second|third|fourth|fifth|last|final)\b(?:\s+(?:operation|op|step))?")
"""An operation's label in a route ('O11', 'op 2', 'operation 1')."""


_SKIP = (r"(?:no|skips?(?:\s+the)?|not\s+on(?:\s+the)?|without(?:\s+the)?|"
         r"(?:can't|cannot|can not|won't)\s+(?:go|run|be\s+done)\s+on(?:\s+the)?)")
"""Words of a bracket that keep a job off a machine its route does not use ('(no lathe work)')."""


_OP_LINE = re.compile(r"(?im)^(?P<lead>[ \t*-]*)(?=o_?(?P<job>\d)(?P<op>\d)\b)(?P<line>[^\n]*)$")


def name_jobs_of_numbered_lines(rw: Rewriting) -> None:
    """Lines '1: M2:3, M1:4', '2: ...' numbered 1, 2, ... in a text about jobs (and no tasks or activities): each is
    that job's line, written 'job 1: M2:3, M1:4'."""
    if not re.search(r"(?i)\bjobs?\b|\bjsp\b|\bjssp\b", rw.text) or \
            re.search(r"(?i)\b(?:tasks?|activit(?:y|ies)|projects?)\b", rw.source):  # ('Activities 1-9' is
        # '9 jobs' by now)
        return

    blocks = list(re.finditer(r"(?m)^[ \t]*1[ \t]*:[^\n]*(?:\n[ \t]*\d{1,2}[ \t]*:[^\n]*)+", rw.text))
    for block in reversed(blocks):
        heads = list(re.finditer(r"(?m)^[ \t]*(\d{1,2})[ \t]*:", block.group(0)))
        if [int(h.group(1)) for h in heads] == list(range(1, len(heads) + 1)):
            for h in reversed(heads):  # each line's own place kept: what is quoted back is that line
                rw.splice(block.start() + h.start(1), block.start() + h.start(1), "job ")


_OPS_HEADER = re.compile(r"(?im)^[ \t|]*(?:job|order|part|lot|item)s?[ \t]*[,|][ \t]*(?:seq|sequence|op|operation|step|"
                         r"op_?no|step_?no|#)[ \t]*[,|][ \t]*(?:options|alternatives|choices|allowed[ \w]*|"
                         r"eligible[ \w]*|machines?[ \w]*|route)[^\n,|]*?[ \t|]*$")
"""The header of a table of operations one per row: 'job,seq,options', 'job,operation,allowed machines (minutes)'."""
_OPS_ROW = re.compile(r"[ \t|]*(?P<j>[A-Za-z][\w-]{0,15})[ \t]*[,|][ \t]*(?P<k>\d{1,2})[ \t]*[,|][ \t]*\"?"
                      r"(?P<alts>[^\"\n]*?\d[^\"\n]*?)\"?[ \t|]*")


def routes_of_operation_rows(rw: Rewriting) -> None:
    """A table of operations one per row under its header ('W1,1,M1:6 | M2:8' then 'W1,2,M3:5'), each job's
    operations numbered 1, 2, ... in order: written one line per job with its operations labelled ('W1: op 1
    M1:6 | M2:8 op 2 M3:5'), for the route reader. Rows out of order are left for the question on unread data."""
    head = _OPS_HEADER.search(rw.text)
    if head is None:
        return
    rows: list[re.Match[str]] = []
    for line in rw.text[head.end() + 1:].split("\n"):
        if not line.strip():
            break
        row = _OPS_ROW.fullmatch(line)
        if row is None:
            return
        rows.append(row)
    routes: dict[str, list[str]] = {}
    for row in rows:
        ops = routes.setdefault(row.group("j"), [])
        if int(row.group("k")) != len(ops) + 1 or list(routes)[-1] != row.group("j"):
            return  # 'W1,2' before 'W1,1', or a job's rows apart: not read
        ops.append(row.group("alts").strip())
    if len(routes) < 2:
        return
    lines = "\n".join(f"{job}: " + " ".join(f"op {k} {alts}" for k, alts in enumerate(ops, start=1))
                      for job, ops in routes.items())
    rw.splice(head.start(), head.end() + 1 + sum(len(r.group(0)) + 1 for r in rows) - 1, lines)


_PAIR_LEGEND = re.compile(r"(?i)\(\s*(?:(?P<m>m|machine)\s*,\s*(?:p|t|time|duration)|(?:p|t|time|duration)\s*,\s*"
                          r"(?:m|machine))\s*\)")
"""'(m, p)', '(machine, time)', '(p, m)': what the two numbers of each pair on the jobs' lines are."""


def machines_of_numbered_pairs(rw: Rewriting) -> None:
    """Pairs of two bare numbers on the jobs' lines under a legend '(m, p)' ('job 1: (1,5) (2,4)'): the machine's
    number written as a machine ('(M1,5)'), so that the route readers read them."""
    legend = _PAIR_LEGEND.search(rw.text)
    if legend is None:
        return
    first = legend.group("m") is not None

    def pair(p: re.Match[str]) -> str:
        machine, time = (p.group(1), p.group(2)) if first else (p.group(2), p.group(1))
        return f"(M{machine},{time})" if re.fullmatch(r"\d{1,2}", machine) else p.group(0)

    def line(m: re.Match[str]) -> str:
        return re.sub(r"\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*\)", pair, m.group(0))
    rw.sub(r"(?im)^[ \t]*(?:job\s+\d+|j\d+)[ \t]*:[^\n]*$", line)


def name_jobs_of_op_labels(rw: Rewriting) -> None:
    """A line of operations labelled 'O<job><op>' ('O21 {M2:2, M3:4} O22 {M1:4}') and naming no job is that
    job's line: it is written 'job 2: O21 ...', when every label on the line is of the same job. The order of any
    job's operations in index notation ('O_j1 -> O_j2 -> O_j3') says nothing more and is dropped."""
    def joined(m: re.Match[str]) -> str:  # 'O11: M1:4 | M2:6' then 'O12: M2:3' on the next line: one job's line
        ops = [int(k) for k in re.findall(r"(?im)^[ \t*-]*o_?\d(\d)\b", m.group(0))]
        return re.sub(r"[ \t]*\n[ \t*-]*", "  ", m.group(0)) if ops == list(range(1, len(ops) + 1)) else m.group(0)
    rw.sub(r"(?im)^[ \t*-]*o_?(\d)1\b[^\n]*(?:\n[ \t*-]*o_?\1\d\b[^\n]*)+", joined)

    def head(m: re.Match[str]) -> str:
        jobs = set(re.findall(r"(?i)\bo_?(\d)\d\b", m.group("line")))
        if jobs != {m.group("job")} or re.search(JOB_REF, m.group("line")):
            return m.group(0)
        return f"{m.group('lead')}job {m.group('job')}: {m.group('line')}"
    rw.sub(_OP_LINE, head)
    op = r"o_?(?:[ijk]_?\d\b|\{\s*[ijk]\s*,\s*\d\s*\})"  # 'O_j1', 'O_{j,1}'
    rw.sub(rf"(?i)\b{op}(?:\s*(?:->|>|\u2192|,|then)\s*{op})+(?:\s*\((?:finish-to-start|fs|in order)\))?", "")
    # 'O_j1 -> O_j2', 'O_{j,1} -> O_{j,2} (finish-to-start)': notation


_ATTR_WORD = (r"(?:due|weight|release[ds]?|ready|deadline|priority|promised|for|at|by|until|till|collection|pickup|"
              r"needed|wanted|from|after|before|and|with)\b")
"""Words before a job's own value on its route's line ('due 4', 'promised for 13:00'), never a step's name."""
_STEP_NUMBER = re.compile(r"\s*[,;|]\s*(\d{1,2})\s*[,;|]\s*")
"""A step's number in a cell of its own between a job's name and its machines ('Chair,2,Assembly=3')."""
_TRAILING_COLUMN = re.compile(r"(?im)^[ \t|]*[a-z]+[ \t|]+(?:route|routing|operations|steps)\b[^\n]*?[ \t|]"
                              r"(?P<a>due|deadline|release|weight)\b(?:\s*\(\s*[a-z]+\s*\))?[ \t|]*$")
"""A header over route lines whose last column is a job's value: 'Order Route (machine:hours) Due (h)'."""


def read_routes(work: Work, facts: Facts) -> None:
    """'job 1: M1 3, M2 2; job 2: M2 4 then M1 1' and alternatives 'M1 3 or M2 4' or '{M1:3, M2:5}' (flexible)."""
    refs = list(work.finditer(JOB_REF))
    one_machine = one_machine_said(work.source)  # 'each part is done on one of the machines': choices
    header = _TRAILING_COLUMN.search(work.text)
    trailing = _ROW_ATTRS[header.group("a")] if header else None
    if header:
        work.consume(*header.span())
    for i, ref in enumerate(refs):
        end = refs[i + 1].start() if i + 1 < len(refs) else len(work.text)
        stop = re.search(r"\n|\.(?:\s|$)", work.text[ref.end():end])
        if stop:
            end = ref.end() + stop.start()
        pairs = list(re.finditer(_PAIR, work.text[ref.end():end]))
        rest = work.text[ref.end() + pairs[-1].end():end] if pairs else ""
        if not pairs or re.search(rf"\b(?!{_ATTR_WORD}|machine\b|stage\b)[a-z]{{3,}}\s+{TIME}", rest):
            continue  # 'print 50 min on M1 or 70 min on M2, then cutting 20 min': steps named, for the stations
        ops: list[list[tuple[str, TimeVal]]] = []
        prev_end = 0
        name = job_name(ref.group(0))
        line_start = work.text.rfind("\n", 0, ref.start()) + 1
        celled = re.match(r"[ \t]*\|", work.text[line_start:ref.start()]) is not None  # '| J1 | (M1, 5) | ...'
        step = _STEP_NUMBER.fullmatch(work.text[ref.end():ref.end() + pairs[0].start()])
        labels = [m.start() for m in _OP_LABEL.finditer(work.text, ref.end(), end)]
        if step and int(step.group(1)) == len(facts.routes.get(name, [])) + 1:  # 'Chair,2,Saw-A=2;Saw-B=3': one
            ops = [*facts.routes.get(name, []), [(machine_name(p.group("m") or p.group("m2")),  # step per line,
                                                 time_values(p.group("t") or p.group("t2"))[0]) for p in pairs]]
            prev_end, pairs = pairs[-1].end(), []  # its pairs the machines it may use
        elif name in facts.routes or step:  # a second line of a job's route, or a step out of its order: asked
            facts.unused.append(work.quote(ref.start(), end))
            continue
        elif len(labels) >= 2:  # 'O11 M1:3 M2:5 | O12 M3:2': each label opens an operation, its pairs the machines
            for p in pairs:
                at = ref.end() + p.start()
                opened = sum(1 for a in labels if a < at)
                while len(ops) < opened:
                    ops.append([])
                if not ops:
                    ops.append([])
                machine, tv = machine_name(p.group("m") or p.group("m2")), time_values(p.group("t") or p.group("t2"))[0]
                ops[-1].append((machine, tv))
                prev_end = p.end()
            ops = [op for op in ops if op]
            pairs = []
        stretch = work.text[ref.end():ref.end() + pairs[-1].end()] if pairs else ""
        mixed = ";" in stretch and "," in stretch and not re.search(r"\bor\b|/|[{}]", stretch)
        semicolons = mixed and re.search(r"\bflexible\b|\bfjsp\b", work.text) is not None
        if mixed and not semicolons:  # 'M1 4, M2 5 ; M2 3': steps or choices? asked
            facts.unused.append(work.quote(ref.start(), ref.end() + pairs[-1].end()))
        for k, p in enumerate(pairs):  # ('J1: M1 4, M2 5 ; M2 3' of a flexible shop: ';' ends an op, ',' a choice)
            between = work.text[ref.end() + prev_end: ref.end() + p.start()]
            machine = machine_name(p.group("m") or p.group("m2"))
            tv = time_values(p.group("t") or p.group("t2"))[0]
            grouped = work.text[ref.end():ref.end() + p.start()].count("{") > \
                work.text[ref.end():ref.end() + p.start()].count("}") and not re.search(r"[{}]", between)
            bar = "|" in between and not celled  # 'M1 3 | M2 4'; never the cells' borders of a table's row
            choice = semicolons and ";" not in between
            if k > 0 and (re.search(r"\bor\b|/", between) or bar or grouped or one_machine or choice):  # '{M1:3, M2:5}
                ops[-1].append((machine, tv))
            else:
                ops.append([(machine, tv)])
            prev_end = p.end()
        facts.add_job(name)
        facts.routes[name] = ops
        stepped = work.text[ref.end() + (step.end() if step else 0):ref.end() + prev_end]  # the route as read
        gaps = _PAIR_RE.sub(" ", stepped)
        for attr in re.finditer(_ROW_ATTR, gaps):  # 'J1 (w=3): O1 {M1:3, M2:4}': the job's own values
            facts.set_attr(name, _ROW_ATTRS[attr.group("a")], time_values(attr.group("v"))[0])
        if re.search(r"\d", _OP_LABEL.sub(" ", re.sub(_ROW_ATTR, " ", gaps))):  # a number no one read: asked
            facts.unused.append(work.quote(ref.start(), ref.end() + prev_end))
        work.consume(ref.start(), ref.end() + prev_end)
        for skip in re.finditer(rf"\(\s*{_SKIP}\s+(?P<m>{MACHINE_REF})(?:\s+(?:work|step|needed|operation))?\s*\)",
                                work.text[ref.end() + prev_end:end]):
            if all(machine_name(skip.group("m")) != m for op in ops for m, _ in op):  # '(no lathe work)'
                work.consume(ref.end() + prev_end + skip.start(), ref.end() + prev_end + skip.end())
        rest = work.text[ref.end() + prev_end:end]
        last = re.fullmatch(rf"\s*[,;|]?\s*({TIME})\s*[|]?\s*", rest)
        if last and trailing:  # the column after the routes ('Order Route (machine:hours) Due (h)')
            facts.set_attr(name, trailing, time_values(last.group(1))[0])
            work.consume(ref.end() + prev_end, end)
            rest = ""
        if re.search(MACHINE_REF, rest) or re.search(MACHINE_REF, gaps):  # 'then M3' with no time: a lost step
            facts.unused.append(work.quote(ref.start(), end))
        line_end = refs[i + 1].start() if i + 1 < len(refs) else len(work.text)
        newline = work.text.find("\n", ref.end() + prev_end, line_end)
        read_attrs(work, facts, name, ref.end() + prev_end, newline if newline >= 0 else line_end)


def read_machine_order(work: Work, facts: Facts) -> None:
    """'in the order M1, M2, M3' / 'M1 -> M2 -> M3' / 'route: machine 1, machine 2'."""
    pattern = (rf"(?:(?:in\s+)?(?:the\s+)?(?:order|sequence|route|routing)|through(?:\s+(?:the\s+)?machines)?|visits?)"
               rf"\s*(?:of\s+machines\s*)?"
               rf":?\s*(?P<l>{MACHINE_REF}(?:\s*(?:,\s*then|,|then|and then|and|->|>|to)\s*{MACHINE_REF})+)|"
               rf"(?P<l2>{MACHINE_REF}(?:\s*(?:->|>)\s*{MACHINE_REF})+)")
    for m in list(work.finditer(pattern)):
        if BLANK_IN(work, m):
            continue
        listed = m.group("l") or m.group("l2")
        facts.machine_order = [machine_name(x) for x in re.findall(MACHINE_REF, listed)]
        work.consume(m.start(), m.end())
    named = [n for n in facts.matrix_machines or [] if not re.fullmatch(r"M\d+", n)]
    if len(named) > 1:  # 'S1 -> S2 -> S3' over a table's columns S1, S2, S3: the stages in order, not tasks
        step = r"\s*(?:->|>|\u2192|,\s*then|then|,)\s*"
        chain = step.join(rf"\b{re.escape(n.lower())}\b" for n in named)
        said = r"\w*[^.;\n]{0,30}?\b(?:then|and then|after that|afterwards)\b[^.;\n]{0,30}?\b".join(
            rf"\b{re.escape(stem(n.lower()))}" for n in named) + r"\w*"  # 'sanded first and then varnished'
        for m in [*work.finditer(chain), *work.finditer(said)]:
            if not BLANK_IN(work, m):
                facts.machine_order = list(named)
                work.consume(m.start(), m.end())
        item = r"[a-z][\w/&-]*(?: [a-z][\w/&-]*){0,2}"
        for m in list(work.finditer(rf"(?P<l>{item}(?:\s*(?:->|>)\s*{item})+)")):
            steps = [_column_named(s, named) for s in re.split(r"\s*(?:->|>)\s*", m.group("l"))]
            if BLANK_IN(work, m):
                continue
            if steps == named:
                facts.machine_order = list(named)  # 'Cut -> Edge band -> Drill' over columns CUT, EDGE, DRILL
                work.consume(m.start(), m.end())
            elif len(steps) > len(named) or [s for s in steps if s] != [n for n in named if n in steps]:
                if sum(s is not None for s in steps) >= 2:  # the columns in another order, or more steps than them
                    facts.unused.append(work.quote(m.start(), m.end()))
            elif len(steps) == len(named):  # 'mixer -> oven -> packing table' over mixing, baking, packing
                facts.machine_order = list(named)
                work.consume(m.start(), m.end())


def _column_named(step: str, columns: list[str]) -> str | None:
    """The one column whose name shares a word with `step` ('edge band' and 'EDGE', 'sand/finish' and 'FINISH'), or
    a word's start ('tempering' and 'temper')."""
    words = {stem(w) for w in re.findall(r"[a-z]{2,}", step.lower())}
    found = [c for c in columns if any(a == b or min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a))
                                       for a in words for b in {stem(w) for w in re.findall(r"[a-z]{2,}", c.lower())})]
    return found[0] if len(found) == 1 else None


def merge_rows_with_routes(facts: Facts) -> None:
    """Jobs told in two ways in one text: 'Yearbook: 70 min printing, 45 min binding' (a route) and then
    'Brochure: 25 / 15' (a row of times in the same stations' order), or 'Catalogue: 40 printing / 60 binding'
    (the same two stations apart by a slash: steps, never a choice). Every job gets its route in the stations'
    order when all the routes read so far go through the same stations in the same order."""
    plain = [ops for ops in facts.routes.values() if all(len(op) == 1 for op in ops)]
    orders = {tuple(op[0][0] for op in ops) for ops in plain}
    if len(orders) != 1 or len(next(iter(orders))) < 2:
        return
    stations = list(next(iter(orders)))
    for job, ops in facts.routes.items():
        if len(ops) == 1 and [m for m, _ in ops[0]] == stations:
            facts.routes[job] = [[step] for step in ops[0]]
    rest = [j for j in facts.jobs if j not in facts.routes]
    if facts.matrix is not None and len(facts.matrix) == len(rest) and rest and \
            all(len(row) == len(stations) for row in facts.matrix):
        for job, row in zip(rest, facts.matrix, strict=True):
            facts.routes[job] = [[(m, tv)] for m, tv in zip(stations, row, strict=True)]
        facts.matrix = None
        facts.notes = [n for n in facts.notes if not n.startswith("rows of times")]
        facts.notes.append(f"rows of bare times read in the order of the stations the other jobs name "
                           f"({', '.join(stations)})")


_SKIPS = re.compile(r"\b(?:skip\w*|not (?:all|every)|some (?:jobs|orders|parts)|only some|may|optional|if needed|"
                    r"where needed|its own|their own|differ\w*)\b")


def read_stated_flow(work: Work, facts: Facts) -> None:
    """'Four orders go through the saw, then the drill press, then the paint line': a sentence that sends every
    job through the machines of the routes, in order; the order is kept, so that a job whose route leaves one
    out is asked about (`build`), never run past it."""
    machines = list(dict.fromkeys(m for ops in facts.routes.values() for op in ops for m, _ in op))
    columns = facts.matrix_machines if facts.matrix is not None and not facts.routes else None
    if columns and len(columns) >= 2 and facts.kind is None and _stated_order(work, columns) == list(columns):
        facts.kind = "flow_shop"  # a table of times per machine, and every job goes through them in the columns' order
        return
    if len(machines) < 2 or facts.machine_order or any(len(op) > 1 for ops in facts.routes.values() for op in ops):
        return
    order = _stated_order(work, machines)
    if order is not None:
        facts.machine_order = order


def _stated_order(work: Work, machines: list[str]) -> list[str] | None:
    """The machines in the order a sentence that sends every job through them all names them, or None."""
    for sentence in re.split(r"(?<=[.!?;])\s+|\n", work.original.lower()):
        if not re.search(r"\bthen\b|->|\u2192", sentence) or _SKIPS.search(sentence) or not re.search(
                r"\b(?:all|every|each|both|always)\b|\bgo(?:es)?\s+through\b", sentence):
            continue
        at = {m: found.start() for m in machines if (found := re.search(rf"\b{re.escape(m.lower())}", sentence))}
        if len(at) == len(machines):
            return sorted(machines, key=at.__getitem__)
    return None


def _labelled_lists(work: Work, label: str, name_of: Callable[[str], str]) -> dict[str, list]:
    """Lines `<label> <list of times>` (the label's `name` group through `name_of`), consumed from the text."""
    found: dict[str, list] = {}
    over = r"(?:\s*\((?:j|i|jobs?)\b[^)\n]{0,30}\))?"  # '(j = 1..6)' after the list says what it runs over
    for m in list(work.finditer(rf"(?:{label})[ \t]*(?P<l>{_LIST}){over}\s*(?=$|[\n;]|\.\s)", re.M)):
        if BLANK_IN(work, m):
            continue
        label = m.group("name") or m.groupdict().get("name2") or m.groupdict().get("name3") or ""
        found[name_of(label)] = time_values(m.group("l"))
        work.consume(m.start(), m.end())
    return found


_ROW_ATTR = rf"(?P<a>d|due|r|release|w|weight|dl|deadline)\s*[=:]?\s*(?P<v>-?\d+(?:\.\d+)?(?:\s*{UNIT_PATTERN})?)\b"
_ROW_ATTRS = {"d": "due", "due": "due", "r": "release", "release": "release", "w": "weight", "weight": "weight",
              "dl": "deadline", "deadline": "deadline"}
_ROW = re.compile(rf"(?P<name>{JOB_REF})\s*(?::|=|\btimes?\b:?|\bp\b:?)?\s*"
                  rf"(?:(?<=:)\s*(?:\btimes?|\bp(?:_?j)?)\s*[:=]\s*)?"  # 'J1: p = (3, 4, 2)'
                  rf"(?P<l>\(?\s*{TIME}(?:\s*(?:,|\s|/)\s*{TIME})+\s*\)?)"
                  rf"(?P<attrs>(?:\s*,?\s*{_ROW_ATTR.replace('?P<a>', '').replace('?P<v>', '')})*)\s*"
                  rf"(?=$|[\n;|/]|\.\s|\.$|,\s*(?:and\s+)?{JOB_REF})", re.M)
"""A job's row of times on the machines in order, with its attributes: 'J1 3,2,4', 'J1: 2,3 d6', 'J1 (4,2) r=0'."""


def read_rows(work: Work, facts: Facts) -> None:
    """Per-job rows 'job 1: 3 2 4' (times on machines in order, then 'd6', 'r=0' attributes) and per-machine
    columns 'M1: 3 4 2 5' or a table's rows 'M1  2  4  3' under a line naming the jobs."""
    rows: dict[str, list[TimeVal]] = {}
    spec = re.search(r"\((?:[a-z][a-z_ -]*,\s*)+[a-z][a-z_ -]*\)", work.text)  # '(processing time, due date)'
    for m in list(_ROW.finditer(work.text)):
        if BLANK_IN(work, m) or (spec and m.group("l").lstrip().startswith("(")):
            continue  # a tuple under a column spec is read by the tuple readers
        name = job_name(m.group("name"))
        rows[name] = time_values(m.group("l"))
        for a in re.finditer(_ROW_ATTR, m.group("attrs")):
            value = time_values(a.group("v"))[0]
            role = _ROW_ATTRS[a.group("a")]
            facts.set_attr(name, role, value)
        work.consume(m.start(), m.end())
    if rows:
        for name in rows:
            facts.add_job(name)
        facts.matrix = [rows[n] for n in rows]
        facts.notes.append("rows of times read as one job per row, one machine per column")
    cols = _labelled_lists(work, rf"(?:^[ \t]*|on\s+)(?P<name>{MACHINE_REF})\s*(?::|=|(?=[ \t]+\d))", machine_name)
    cols = cols or _keyed_columns(work, facts)
    cols = cols or _labelled_lists(work, r"(?<![a-z])p_?\{?(?P<name>\d)\}?_?j?\s*[:=]|"
                                   r"(?m:^)[ \t]*p_?\{?(?P<name3>\d),?j\}?(?=[ \t]+\d)|"
                                   # 'p1j = 3, 7', a row 'p2j  5 2 6', 'p(M1) = 4'
                                   r"(?<![a-z])p\s*\(\s*(?:m|machine\s*)(?P<name2>\d)\s*\)\s*[:=]", lambda k: f"M{k}")
    if cols and facts.matrix is None:
        lengths = {len(c) for c in cols.values()}
        if len(lengths) == 1:
            names = list(cols)
            facts.matrix = [[cols[c][j] for c in names] for j in range(lengths.pop())]
            facts.matrix_machines = names
            work.take(rf"(?m)^[ \t|]*machines?[ \t|]+{JOB_REF}(?:[ \t|]+{JOB_REF})+[ \t|]*$")  # the jobs' header


_MACHINE_ROWS = re.compile(r"\brows?\s*(?:=|:|are|is|for|per)\s*(?:the\s+|each\s+)?(?:machines?|stages?|stations?)\b"
                           r"[^\n]{0,40}?\bcol(?:umn)?s?\s*(?:=|:|are|is|for|per)\s*(?:the\s+|each\s+|\d+\s+)?jobs?\b")
"""A legend that puts machines in the rows of a table of times and jobs in its columns ('row = machine i, column
= job J1..J5')."""


def machines_as_rows(work: Work, facts: Facts) -> None:
    """A table of times whose legend puts machines in its rows: turned to one row per job."""
    if facts.matrix is None or facts.routes or facts.matrix_machines or not _MACHINE_ROWS.search(work.original):
        return
    jobs = facts.n_jobs or len(facts.jobs)
    if len({len(row) for row in facts.matrix}) != 1 or len(facts.matrix[0]) != jobs or len(facts.matrix) == jobs:
        return  # rows of different lengths, or one row per job already: nothing to turn
    facts.matrix = [list(col) for col in zip(*facts.matrix, strict=True)]
    facts.notes.append("the table of times has one row per machine and one column per job, as its legend says")


def jobs_as_columns(facts: Facts) -> None:
    """A table of times headed by jobs ('| J1 | J2 | J3') with a machine on each row ('M1 | 4 | 6 | 3'): turned to
    one row per job, whatever its legend says."""
    heads, rows = facts.matrix_machines or [], facts.jobs
    if facts.matrix is None or facts.routes or not heads or len(rows) != len(facts.matrix) or facts.attrs or \
            not all(re.fullmatch(r"J\d+", h) for h in heads) or not all(re.fullmatch(r"M\d+", r) for r in rows):
        return
    facts.matrix = [list(col) for col in zip(*facts.matrix, strict=True)]
    facts.jobs, facts.matrix_machines = list(heads), list(rows)
    facts.notes.append("the table of times has one row per machine and one column per job, as its labels say")


_KEYED = re.compile(rf"^[ \t*-]*(?:p\s*\(\s*(?P<p>{MACHINE_REF})\s*\)|(?P<m>{MACHINE_REF}))\s*[:=-]\s*(?(p)\(\s*)"
                    rf"(?P<l>(?:{JOB_REF}\s*[:=]?[ \t]*{TIME}[ \t,;]*)+)(?(p)\)[ \t]*)$", re.M)
"""'M1: J1=4 J2=3', 'p(M1) = (a 5, b 3, c 8)' (the jobs' names as the readers know them: 'job 1 5')."""


def _keyed_columns(work: Work, facts: Facts) -> dict[str, list]:
    """Lines of one machine's times keyed by job ('M1: J1=4 J2=3 J3=6'), when every line keys the same jobs in
    the same order (a job missing on one machine is left unread, so it is asked)."""
    found = [m for m in _KEYED.finditer(work.text) if not BLANK_IN(work, m)]
    keyed = [[(job_name(j), time_values(t)[0]) for j, t in re.findall(rf"({JOB_REF})\s*[:=]?[ \t]*({TIME})",
                                                                       m.group("l"))] for m in found]
    if len(found) < 2 or len({tuple(j for j, _ in row) for row in keyed}) != 1:
        return {}
    for job, _ in keyed[0]:
        facts.add_job(job)
    for m in found:
        work.consume(m.start(), m.end())
    return {machine_name(m.group("m") or m.group("p")): [t for _, t in row]
            for m, row in zip(found, keyed, strict=True)}

