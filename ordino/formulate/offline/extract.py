"""`extract_offline`: read a typed problem into the ontology with patterns only (no network, deterministic)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ordino.formulate.check import check_problem
from ordino.formulate.offline.accounting import unread_pieces, unread_question
from ordino.formulate.offline.assemble import assemble
from ordino.formulate.offline.calendar import read_calendar
from ordino.formulate.offline.changeovers import read_changeovers
from ordino.formulate.offline.clock import end_of_day, relative_to_start, unit_after_number
from ordino.formulate.offline.crew import read_crew
from ordino.formulate.offline.crew_table import read_crew_table
from ordino.formulate.offline.entities import (
    read_common_deadline,
    read_indexed,
    read_indexed_brackets,
    read_lists,
    read_segments,
    read_tuples,
)
from ordino.formulate.offline.facts import Facts, Precedence
from ordino.formulate.offline.families import detect_family, read_family
from ordino.formulate.offline.fleet import read_fleet
from ordino.formulate.offline.job_lines import items_on_lines, read_job_lines
from ordino.formulate.offline.names import LIST_NUMBER, count_ranges, declared_names, paired_values, shared_values
from ordino.formulate.offline.phrases import (
    drop_restated_rules,
    read_counts,
    read_default_unit,
    read_explanations,
    read_index_rows,
    read_kind,
    read_legends,
    read_notation,
    read_objective,
    read_restatements,
    read_same_order,
    read_some_due,
    read_time_origin,
    read_title,
)
from ordino.formulate.offline.relations import (
    read_downtime,
    read_eligibility,
    read_kind_setups,
    read_one_changeover,
    read_precedences,
    read_setups,
    read_warm_up,
)
from ordino.formulate.offline.resources import read_capacities, read_demand_lists, read_demands
from ordino.formulate.offline.route_lines import dropped_steps
from ordino.formulate.offline.runs import read_runs, read_stage_runs, read_tuples_in_order
from ordino.formulate.offline.shop import (
    jobs_as_columns,
    machines_as_rows,
    machines_of_numbered_pairs,
    merge_rows_with_routes,
    name_jobs_of_numbered_lines,
    name_jobs_of_op_labels,
    read_machine_order,
    read_routes,
    read_rows,
    read_stated_flow,
    routes_of_operation_rows,
)
from ordino.formulate.offline.speeds import read_speeds
from ordino.formulate.offline.stage_rows import read_stage_rows
from ordino.formulate.offline.stations import read_stations
from ordino.formulate.offline.step_lags import read_step_lags
from ordino.formulate.offline.symbols import read_symbols
from ordino.formulate.offline.tables import (
    bracket_records_as_tables,
    csv_as_tables,
    jobs_in_columns,
    read_tables,
    records_as_tables,
    split_shared_cells,
    weights_after_rows,
)
from ordino.formulate.offline.text import (
    BLANK,
    COUNT_WORD,
    JOB_NOUN,
    JOB_REF,
    MACHINE_NOUN,
    MACHINE_NOUNS,
    MACHINE_REF,
    Rewriting,
    Work,
    job_name,
    machine_name,
    on_own_line,
    prepared,
    singular,
    squeeze_rewriting,
)
from ordino.formulate.offline.ties import read_ties
from ordino.formulate.offline.units import UNIT_PATTERN
from ordino.formulate.offline.waiting import read_waiting
from ordino.formulate.questions import Question
from ordino.models import Model, Problem


@dataclass
class OfflineDraft:
    """What the offline formulator made of a text.

    `problem` is the validated model when nothing essential is missing, else None: a scheduling Problem, or
    a RosterProblem / LinearModel for rostering and allocation texts (`family` says which); `missing` lists
    the questions whose answers would complete it; `notes` says what was assumed or converted.
    """

    problem: Model | None
    missing: list[Question] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    family: str = "scheduling"


UNREAD_ORDER = (r"(?m)\b(?:start|begin|commence)s?\s+(?:only\s+)?(?:after|once|when)\b|"
                r"\b(?:finish|end|complete)(?:es|s|ed)?\s+before\b|\bbefore\b[^.;\n]{0,40}\b(?:starts?|begins?)\b|"
                r"\bnot\s+before\b[^.;\n]{0,40}\b(?:finished|done|complete[ds]?)\b|"
                r"\b(?:once|after|when|following)\b[^.;,()\n]{0,60}\b(?:(?:is|are)\s+(?:all\s+)?(?:finished|done|complete[d]?|"
                r"over)|(?:has|have)\s+(?:all\s+)?(?:finished|ended|been\s+done))\b|"
                r"(?:^|[,;:])\s*(?:only\s+)?(?:after|once|following)\s+(?:the\s+)?[a-z]")
"""Words that order tasks: left unread, a precedence was lost."""
_LEFT_RELATION = re.compile(r"\b(?:needs?|requires?|after|before|until|till|once|done(?!\s+by)|finished|complete[ds]?|"
                            r"unloaded|ready|in place|first|then|following|waits?)\b")
"""A stretch of text left unread that relates things: with a word of a task's name, a relation may be lost
('... needs foundations done and the steel unloaded', the steel read by nobody)."""


_LEFT_ELIGIBLE = re.compile(r"\b(?:too\s+(?:big|small|large|heavy|long|wide|tall)|(?:have|has|must|needs?)\s+to\s+"
                            r"(?:go|run|be\s+(?:done|made|run))\s+(?:in|on|at)(?!\s+(?:the\s+|that\s+)?(?:order|sequence|"
                            r"turn)\b)|can(?:'t|not)\s+(?:go|run|be\s+done)\s+"
                            r"(?:in|on|at)|(?:won't|doesn't|don't)\s+fit|only\s+(?:fits?|goes|runs|on|in))\b")
"""A stretch of text left unread that restricts where a job runs: with a word of a task's name, an eligibility may
be lost ('the urns are too big for Small, so those two have to go in Big')."""


_LEFT_MACHINES = re.compile(rf"{MACHINE_REF}\s+only\b|\bonly\s+(?:on\s+)?{MACHINE_REF}|"
                            rf"{MACHINE_REF}\s+or\s+{MACHINE_REF}")
"""Machines a job may use, said on its own line ('Line 2 only', 'Line 1 or Line 3')."""


_LEFT_LIMIT = re.compile(r"\b(?:only|needs?|must|can(?:'t|not)?|handles?|fits?|any\s+of)\b")
"""Beside a machine in a stretch left unread: a word that limits which jobs it takes ('the only one that can handle
leather', 'vinyl needs station 2 or station 3')."""


_ORDER_CODE = re.compile(r"(?i)[ \t]*\(\s*(?:order|job|ref|po|wo|work\s+order|ticket)\s*(?:no\.?|number|#)?\s*#?\s*"
                         r"\d{4,}\s*\)")
"""A bracket with an order's code of four digits or more ('(order 4471)', '(PO #20417)')."""


def read_facts(text: str) -> Facts:
    """Run every extractor over the text, in an order where specific patterns consume text first; the names the
    text gives its jobs and machines are read first (`names.declared_names`), clock times become minutes after
    the stated start (`clock.relative_to_start`)."""
    rw = Rewriting(text)
    squeeze_rewriting(rw)  # first: no later pattern meets a long run of blanks
    routes_of_operation_rows(rw)  # before the tables: 'W1,1,M1:6 | M2:8' is one operation of a route
    csv_as_tables(rw)  # before the readers of tables: rows of comma-separated cells under a header
    split_shared_cells(rw)
    weights_after_rows(rw)
    jobs_in_columns(rw)
    unit_after_number(rw)  # first: '1h15' is an amount, not a clock time before the start
    calendar = read_calendar(rw)  # working hours out, dated times in minutes after the start
    relative_to_start(rw)
    speeds = read_speeds(rw)  # before the names: a ratio names two machines ('the Xerox takes twice as long')
    one_named = _one_named(rw)
    fleet = read_fleet(rw)  # before the names: its lines name jobs and machines in words of their own
    paired_values(rw)  # before the readers of counts: '(R1, R2) = (3, 2)'
    crew = read_crew(rw) or read_crew_table(rw)  # likewise a project's task lines, or its table
    items_on_lines(rw)  # 'soccer club tees 45, bakery aprons 30, ...' on a line of its own: a job to a line
    listed = read_job_lines(rw)  # and jobs one per line with their values in words
    staged = read_stage_rows(rw)  # and jobs one per line with their times per stage split by slashes
    end_of_day(rw)
    same_order = read_same_order(rw)  # before the restated rules, which drop 'no overtaking'
    waiting = read_waiting(rw)
    drop_restated_rules(rw)
    count_ranges(rw)
    shared_values(rw)
    rw.sub(_ORDER_CODE, "")  # 'Pump shaft (order 4471)': a code beside a name, no job of its own
    name_jobs_of_op_labels(rw)
    name_jobs_of_numbered_lines(rw)
    machines_of_numbered_pairs(rw)
    records_as_tables(rw)
    bracket_records_as_tables(rw)
    names = declared_names(rw.text)
    names.rewrite(rw)
    squeeze_rewriting(rw)  # again: words rewritten away may leave blanks in a row, and the quotes need the origins
    work = Work(rw.text, rw)
    work.take(LIST_NUMBER)
    facts = Facts(jobs=[f"J{k}" for k in range(1, len(names.jobs) + 1)], names=names.restore(),
                  one_said=one_machine_spoken_of(text), calendar=calendar)
    facts.notes += calendar.notes if calendar else []
    facts.same_order = same_order
    facts.one_named = one_named
    facts.waiting = waiting
    facts.speeds = speeds
    if fleet is not None:
        for named, route in fleet.routes.items():
            job = _numbered(named, facts)
            facts.add_job(job)
            facts.routes[job] = route
            for attr, value in fleet.values[named].items():
                facts.set_attr(job, attr, value)
    if staged is not None:
        for job, times in staged.times.items():
            facts.add_job(job)
            facts.routes[job] = [[(stage, tv)] for stage, tv in zip(staged.stages, times, strict=True)]
            for attr, value in staged.values[job].items():
                facts.set_attr(job, attr, value)
    if crew is not None:
        for job, duration in crew.durations.items():
            facts.set_attr(job, "p", duration)
            facts.demands[job] = crew.demands[job]
            facts.precedences += [Precedence(first, job) for first in crew.after[job]]
        for job, release in crew.releases.items():
            facts.set_attr(job, "release", release)
        for job, weight in crew.weights.items():
            facts.set_attr(job, "weight", weight)
        for job, due in crew.dues.items():
            facts.set_attr(job, "due", due)
        facts.capacities.update(crew.capacities)
    for job, attrs in (listed.attrs.items() if listed else ()):
        for attr, value in attrs.items():
            facts.set_attr(job, attr, value)
    if names.ordered:
        facts.machine_order = [f"M{k}" for k in range(1, len(names.machines) + 1)]
    read_default_unit(work, facts)
    read_notation(work, facts)
    read_index_rows(work)
    read_kind(work, facts)
    if same_order and facts.kind is None:  # 'a permutation flow shop', 'the same order at every station'
        facts.kind = "flow_shop"
    read_objective(work, facts)
    read_some_due(work, facts)
    read_symbols(work, facts)
    read_step_lags(work, facts)  # before the ties and the precedences: a wait between one job's own steps
    read_ties(work, facts)  # before the counts ('orders A and B') and the precedences ('one after the other')
    read_counts(work, facts)
    read_capacities(work, facts)
    read_tables(work, facts)
    read_changeovers(work, facts)  # after the tables: the job table's kinds are read
    read_machine_order(work, facts)
    read_precedences(work, facts)
    read_eligibility(work, facts)
    read_warm_up(work, facts)
    read_downtime(work, facts)
    read_setups(work, facts)
    read_kind_setups(work, facts)
    read_one_changeover(work, facts)
    read_stations(work, facts)
    read_indexed_brackets(work, facts)
    read_routes(work, facts)
    read_demands(work, facts)
    read_tuples(work, facts)  # before rows: 'P1 (3, 5, 2)' under a column spec is not times on machines
    read_indexed(work, facts)
    read_common_deadline(work, facts)
    read_rows(work, facts)
    read_stage_runs(work, facts)  # before the runs: 'coat hours: B1=2, B2=4' are one stage's times
    read_runs(work, facts)
    read_tuples_in_order(work, facts)
    read_lists(work, facts)
    read_demand_lists(work, facts)  # after the lists: they count the tasks
    read_segments(work, facts)
    read_restatements(work, facts)
    read_time_origin(work)
    read_legends(work)
    read_title(work)
    read_explanations(work, facts)
    machines_as_rows(work, facts)
    jobs_as_columns(facts)
    merge_rows_with_routes(facts)
    read_stated_flow(work, facts)
    facts.merge_aliases()
    _small_talk(work, facts)
    facts.unused += work.leftover_numbers()
    facts.unread_refs = work.leftover_refs()
    orders = list(work.finditer(UNREAD_ORDER))
    facts.unread_orders = work.quotes(m.span() for m in orders)
    clauses = {work.clause(*m.span()): m.span() for m in orders}  # each clause judged once: linear on long text
    shown = {job: name for job in facts.jobs if not re.fullmatch(r"J\d+", name := facts.names.get(job, job))}
    # (a job named by its own words, 'Strip old roof', has no entry in the names)
    words = {singular(w) for name in facts.names.values() for w in re.findall(r"[^\W\d_]{3,}", name.lower())
             if not re.fullmatch(rf"{JOB_NOUN}|{MACHINE_NOUN}|the|and|for|with|from|new|old", w)}
    facts.unread_named_orders = work.quotes(span for bounds, span in clauses.items()
                                            if _names_a_task(work, bounds, words) or _on_a_jobs_line(work, span[0]))
    owners = Counter(w for job, name in facts.names.items() if job.startswith("J")
                     for w in {singular(x) for x in re.findall(r"[^\W\d_]{3,}", name.lower())})
    jobs_named = sum(job.startswith("J") for job in facts.names)
    task_words = {w for w, k in owners.items() if (k == 1 or k < jobs_named) and w in words}  # 'car' of every name
    # ('Car A', 'Car B') names none; 'electrical' of two tasks still names tasks
    relating = [m for m in work.finditer(rf"[^{BLANK}.;,\n]+") if _LEFT_RELATION.search(m.group(0)) and any(
        singular(w) in task_words for w in re.findall(r"[^\W\d_]{3,}", m.group(0)))]
    tagged = work.quotes(work.clause(*m.span()) for m in work.finditer(_TAGGED.pattern)
                         if any(m.group("tag").lower() in name.lower() for name in shown.values()))  # 'anything
    # marked (R) needs the cherry-picker' of tasks named '... (R)': whatever it says of them, nobody read it
    facts.unread_orders += tagged
    facts.unread_named_orders += tagged
    facts.unread_named_orders += work.quotes(m.span() for m in relating)
    eligibility = _unread_eligibility(work, facts)
    facts.unread_named_orders += eligibility
    facts.unread_orders += eligibility
    facts.unread_orders += work.quotes(m.span() for m in relating if _on_a_jobs_line(work, m.start()))  # '3. eye
    # drops - 25 min (also needs the base finished first)': asked even where the model has no precedence at all
    paired = _naming_two_jobs(work, facts)  # 'crm_ext > dedupe': a relation between two jobs nobody read
    facts.unread_orders += paired
    facts.unread_named_orders += paired
    lost_lines = unread_list_lines(text, facts.names.values())  # a job line no reader took: always asked
    facts.unread_orders += lost_lines
    facts.unread_named_orders += lost_lines
    if facts.capacities:  # 'needs two workers' no extractor read is a number left over too
        nouns = "|".join(re.escape(n) for n in facts.capacities)
        facts.unused += work.quotes(m.span() for m in work.finditer(rf"{COUNT_WORD}\s+(?:of\s+the\s+)?(?:{nouns})"))
    return facts


_LIST_LINE = re.compile(r"(?m)^[ \t]*(?:[-*\u2022]|\d{1,2}[.)])[ \t]+(?P<name>[^\n:,(]{2,60}?)[ \t]*"
                        r"(?:[:,(]|[ \t][-\u2013\u2014][ \t])[^\n]*$")
_AMOUNT_WORDS = re.compile(r"(?i)\d|\b(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\b")


def unread_list_lines(text: str, names: Iterable[str]) -> list[str]:
    """Lines of a list whose neighbours are jobs, each read as no job though it gives an amount ('- Brioche:
    twenty minutes mixing, ...' beside '- Rye: 25 mixing, ...'): a job dropped would be a wrong answer that looks
    right."""
    known = [n.lower() for n in names if n.strip()]

    def named(line: re.Match[str]) -> bool:
        said = line["name"].strip().lower()
        return any(n in said or said in n for n in known)

    out: list[str] = []
    block: list[re.Match[str]] = []
    for m in [*_LIST_LINE.finditer(text), None]:
        if m is not None and (not block or text.count("\n", block[-1].end(), m.start()) <= 2):
            block.append(m)
            continue
        if sum(map(named, block)) >= 2:
            out += [b.group(0).strip() for b in block if not named(b) and _AMOUNT_WORDS.search(b.group(0))]
        block = [m] if m is not None else []
    return out


_ONE = re.compile(rf"(?i)\b(?:one|single|a single|only one|the only|just one)\s+(?:[\w-]+\s+){{0,2}}?(?:{MACHINE_NOUN}|"
                  r"workstation|bench|bay|rig|cell|hood|processor|colourist|operator|technician|mechanic|tester)\b|"
                  r"^\s*(?:one|a\s+single|single)\s+[\w-]+(?:\s+[\w-]+)?\s*[,.:;]|"  # 'One hood, free from 09:00'

                  r"\bone\s+(?:[\w-]+\s+){0,2}?at\s+a\s+time\b|\bone\s+after\s+(?:another|the\s+other)\b|"
                  rf"\b(?:the|our|this)\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(MACHINE_NOUNS)}|workstation|bench|bay|rig)\b(?!s)")
"""Words that speak of one machine: 'Single workstation', 'the kiln', 'one job at a time', 'one after another'."""


_TAGGED = re.compile(r"\b(?:marked|tagged|flagged|labell?ed)\s+(?:with\s+)?(?:an?\s+)?"
                     r"(?P<tag>\([^()\n]{1,6}\)|\*+|\[[^\[\]\n]{1,6}\]|\"[^\"\n]{1,10}\")")
"""A remark on the tasks that carry a tag in their names: 'anything marked (R)', 'tasks flagged *'."""


_CHAT = re.compile(r"(?i)(?:^|(?<=[\s(]))(?:p\.?\s?s\.?|btw|lol|haha|eek|phew|fingers\s+crossed|no\s+pressure|"
                   r"wish\s+me\s+luck|well\s+done|congrat(?:s|ulations)|good\s+luck|don't\s+ask)(?![\w])|"
                   r"[:;]-?[)(dp](?!\w)|"
                   r"[\U0001F300-\U0001FAFF]")
"""Marks of small talk: 'PS', 'btw', 'no pressure :)', 'well done on the darts', an emoji."""
_SCORE = re.compile(r"(?<![\w.])(\d+\s+[a-z][a-z'-]{2,})\s+(?:to|instead\s+of)\s+\d+(?![\w.])")
"""A score or a swap ('3 legs to 1', '12 sacks instead of 10'): one count of the thing counted."""
_SMALL_COUNT = re.compile(r"(?<![\w.])\d+(?:st|nd|rd|th)?\s+(?:of\s+(?P<pron>them|those)\b|(?P<noun>[a-z][a-z'-]{2,}))")
_NOT_SMALL = re.compile(rf"(?:{JOB_NOUN}|{MACHINE_NOUN}|{UNIT_PATTERN}|people|persons?|staff|workers?|crew|us|shifts?|"
                        r"nights?|mornings?|slots?|periods?|units?|pieces?|hands|euros?|dollars?|pounds?|per|each|"
                        r"more|less|at|on|in|to|and|or|of|for)$")


def _small_talk(work: Work, facts: Facts) -> None:
    """A sentence of small talk with a number in it ('The client's expecting 220 guests, so no pressure :)', 'PS still
    owe you for the football tickets (2 of them)'): set aside, and said so in the notes, when it has a mark of small
    talk and each of its numbers counts a thing the rest of the text never names and no model counts."""
    for m in list(re.finditer(r"[^.!?\n]+[.!?]*", work.text)):
        said = _SCORE.sub(r"\1", m.group(0))
        counts = list(_SMALL_COUNT.finditer(said))
        if not _CHAT.search(work.cased[m.start():m.end()]) or not counts or \
                len(counts) != len(re.findall(r"(?<![\w.])\d+", said)):
            continue
        rest = work.source.lower().replace(work.cased[m.start():m.end()].lower(), " ")
        if all(c["pron"] or not _NOT_SMALL.match(c["noun"]) and not re.search(
                rf"(?i)\b{re.escape(singular(c['noun']))}", rest) for c in counts):
            facts.notes.append(f"set aside as small talk: '{work.cased[m.start():m.end()].strip()}'")
            work.consume(*m.span())


def _naming_two_jobs(work: Work, facts: Facts) -> list[str]:
    """Stretches left unread (between commas, stops and line ends) that name two jobs by their names: whatever
    they say of the two ('crm_ext -> dedupe', 'rye and brioche share a tin'), a model without it may be wrong."""
    names = {facts.names.get(j, j).lower() for j in facts.jobs} - {""}
    names = {n for n in names if len(n) >= 3 and not re.fullmatch(rf"(?:{JOB_NOUN})?\s*\d+|j\d+", n)}
    if len(names) < 2:
        return []
    pattern = re.compile("|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in sorted(names, key=len, reverse=True)))
    spans = [m.span() for m in work.finditer(rf"[^{BLANK}.;,\n]+") if len(set(pattern.findall(m.group(0)))) >= 2
             and not re.fullmatch(r"[\s:]*(?:(?:and|or|&|plus|the)\s*)*", pattern.sub(" ", m.group(0)))]  # a list
    return work.quotes(spans)  # of names ('baguettes and focaccia') says nothing of them


def _unread_eligibility(work: Work, facts: Facts) -> list[str]:
    """Stretches left unread that restrict where a job runs ('the urns are too big for Small') and name a job
    whose machines nothing read (no route, no list of machines it may or may not use)."""
    placed = {**facts.eligible, **facts.ineligible, **facts.routes}
    words_of = {j: {singular(w) for w in re.findall(r"[^\W\d_]{3,}", facts.names.get(j, j).lower())
                    if not re.fullmatch(rf"{JOB_NOUN}|the|and|for|with|from|new|old", w)} for j in facts.jobs}
    names = [re.escape(facts.names[k].lower()) for k in facts.names if re.fullmatch(r"M\d+", k)]
    machine = re.compile("|".join([MACHINE_REF, *(rf"\b{n}\b" for n in names)]))
    spans = []
    for m in work.finditer(rf"[^{BLANK}.;\n]+"):
        if _LEFT_MACHINES.search(m.group(0)) and (job := _line_job(work, m.start())) is not None and \
                job not in placed:
            spans.append(m.span())  # '- Olive oil: 6 h, Line 2 only (glass)': that job's machines, unread
            continue
        if not (_LEFT_ELIGIBLE.search(m.group(0)) or machine and machine.search(m.group(0)) and
                _LEFT_LIMIT.search(m.group(0))):
            continue
        said = {singular(w) for w in re.findall(r"[^\W\d_]{3,}", m.group(0))}
        named = {job_name(r.group(0)) for r in re.finditer(JOB_REF, m.group(0))} | \
            {j for j, words in words_of.items() if words & said}
        if named - set(placed):
            spans.append(m.span())
    return work.quotes(spans)


_ONE_NAMED = re.compile(rf"(?i)\b(?:one|only\s+one|a|an|our|the\s+only)\s+(?:[\w-]+\s+){{0,2}}?{MACHINE_NOUN}\s*"
                        r"\(\s*(?P<name>[A-Z][\w-]*\s+\d{1,2})\s*\)")
"""The one machine named in a bracket: 'one deck oven (Oven 2)'."""


_CODE_NAMED = re.compile(rf"(?i)\b{MACHINE_NOUN}\s+(?P<name>(?-i:[A-Z]{{1,5}})-\d{{1,3}})(?![\w-])")
"""A machine named by its code: 'packaging machine PK-2'."""


def _numbered(name: str, facts: Facts) -> str:
    """A job a line names by its noun and number ('Batch 3') as the other readers name it ('J3', shown 'Batch 3'),
    so that 'batch 3 counts 2' elsewhere speaks of the same job; any other name as it is."""
    if not re.fullmatch(rf"(?i){JOB_REF}", name) or not re.search(r"\d", name):
        return name
    job = job_name(name.lower())
    facts.names.setdefault(job, name)
    return job


def _one_named(rw: Rewriting) -> tuple[str, str] | None:
    """(name, quote) of the machine 'one deck oven (Oven 2)' names, the bracket taken out, or of the one machine a
    code names ('packaging machine PK-2'), each mention of the code then 'the machine'; None without one."""
    found = list(_ONE_NAMED.finditer(rw.text))
    codes = {m["name"] for m in _CODE_NAMED.finditer(rw.text)}
    if not found and len(codes) == 1:
        code = codes.pop()
        quote = next(_CODE_NAMED.finditer(rw.text)).group(0)
        rw.sub(rf"(?i)\b(?:(?:the|our|a|one)\s+)?(?:[a-z-]+\s+)?{MACHINE_NOUN}\s+{re.escape(code)}(?![\w-])|"
               rf"(?<![\w-])(?:the\s+)?{re.escape(code)}(?![\w-])", "the machine")
        return code, quote
    if len(found) != 1:
        return None
    m = found[0]
    said = (m["name"], m.group(0))
    rw.splice(rw.text.rfind("(", 0, m.start("name")), m.end(), "")
    return said


def one_machine_spoken_of(text: str) -> bool:
    """Whether the text speaks of one machine (or names just one: 'Machine 1 is under maintenance'), so that a
    text giving no count of machines is read on one; without such words the count is asked, never assumed."""
    refs = {machine_name(m.group(0)) for m in re.finditer(MACHINE_REF, text, re.IGNORECASE)}
    return bool(_ONE.search(text)) or len(refs) == 1


def _line_job(work: Work, at: int) -> str | None:
    """The job that opens the line holding position `at` ('- Plumbing: 3 days, after strip-out'), if one does."""
    start = work.cased.rfind("\n", 0, at) + 1
    ref = re.compile(JOB_REF).search(work.cased.lower(), start, at)
    return job_name(ref.group(0)) if ref is not None and on_own_line(work.cased, ref.start()) else None


def _on_a_jobs_line(work: Work, at: int) -> bool:
    """Whether position `at` is on a line that a job opens: an order said there is that job's own, never a general
    rule, even when what it names is no task of the text."""
    return _line_job(work, at) is not None


def _names_a_task(work: Work, bounds: tuple[int, int], words: set[str]) -> bool:
    """Whether a clause that orders tasks names one ('once job 2 is done', 'after the ceiling is painted' with a
    task 'Ceiling coat', whose name's `words` are given), not a general rule ('once all its predecessors are
    finished')."""
    a, b = bounds
    clause = work.text[a:b]
    if re.search(JOB_REF, clause) or any(work.is_capital(a + w.start()) and a + w.start() > a + 1
                                         for w in re.finditer(r"\b[a-z]\d*\b", clause)):
        return True
    return bool(words) and any(singular(w) in words for w in re.findall(r"[^\W\d_]{3,}", clause))


def assemble_checked(facts: Facts, text: str = "") -> tuple[Problem | None, list[Question]]:
    """Assemble the facts into a Problem and run the shared semantic check on it (`text` feeds the check):
    the Problem, or None with the questions that would complete or fix it."""
    problem, missing = assemble(facts)
    if problem is None:
        return None, missing
    issues = check_problem(problem, text)
    if issues:
        return None, [*missing, Question(key="fix", text="The model is inconsistent: " + "; ".join(issues))]
    return problem, missing


def extract_offline(text: str) -> OfflineDraft:
    """Read `text` into a Problem with patterns only.

    Examples
    --------
    >>> d = extract_offline("4 jobs on one machine, processing times 3 2 4 1, due dates 4 6 8 3, "
    ...                     "minimize total tardiness")
    >>> d.problem.objective[0].term, len(d.problem.tasks), d.missing
    ('total_tardiness', 4, [])

    Shift cover / rostering texts give a RosterProblem, "how many of each" allocation texts a LinearModel.
    A text the offline formulator does not read (`text.check_text`) is an InputError.
    """
    text = prepared(text)
    return extract_family(text, detect_family(text))


def extract_family(text: str, family: str | None) -> OfflineDraft:
    """`extract_offline` of a checked text whose family `detect_family` gave (None: scheduling)."""
    if family is not None:
        model, missing, notes = read_family(text, family)
        return OfflineDraft(problem=model, missing=missing, notes=notes, family=family)
    facts = read_facts(text)
    problem, missing = assemble_checked(facts, text)
    jobs = {t.job or t.id for t in problem.tasks} if problem else set()
    machines = {r.id for r in problem.resources} if problem else set()
    if problem is not None and (left := unread_pieces(text, _read_scheduling, numbered=True, jobs=jobs,
                                                      machines=machines)):  # a rule
        # no reader used: asked
        return OfflineDraft(problem=None, missing=[unread_question(left)], notes=list(facts.notes))
    if problem is not None and (dropped := dropped_steps(problem, text)):
        return OfflineDraft(problem=None, missing=dropped, notes=list(facts.notes))
    return OfflineDraft(problem=problem, missing=missing, notes=list(facts.notes))


def _read_scheduling(text: str) -> tuple[Problem | None, list[Question], list[str]]:
    """The scheduling reader as the accounting calls it."""
    facts = read_facts(text)
    problem, missing = assemble_checked(facts, text)
    return problem, missing, facts.notes

