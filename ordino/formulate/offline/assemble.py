"""Turn extracted facts into an ontology instance, or into the questions that would complete it."""

from __future__ import annotations

import re

from pydantic import ValidationError

from ordino.formulate.offline.build import Incomplete, build_problem, job_names
from ordino.formulate.offline.facts import Facts
from ordino.formulate.offline.names import renamed
from ordino.formulate.offline.text import JOB_REF, MACHINE_REF
from ordino.formulate.questions import Question
from ordino.models import Problem
from ordino.models.objective import TERM_DEFINITIONS

KINDS = ["single_machine", "parallel_machines", "flow_shop", "job_shop", "flexible_job_shop", "rcpsp"]
KIND_QUESTION = Question(key="kind", text="Which kind of problem is this?", choices=KINDS)
OBJECTIVE_QUESTION = Question(key="objective", text="What should be minimised?", choices=list(TERM_DEFINITIONS))


def _unused_resources(facts: Facts) -> None:
    """'We have three commissions this week' read as a resource no task needs, while the tasks run on machines
    (routes or a table of times): it counted the jobs, so it is checked against them as a job count."""
    if facts.capacities and not facts.demands and not facts.each_needs and (facts.routes or facts.matrix):
        for noun, count in facts.capacities.items():
            named = any(noun in name.lower() for name in facts.names.values())  # 'one car at a time' with 'Car A'
            if count == 1 and named:
                facts.notes.append(f"'one {noun}' at a time is what a machine does anyway")
            elif count != len(facts.jobs):  # neither a resource nor the number of jobs: asked
                facts.unused.append(f"{count} {noun}")
            else:
                facts.notes.append(f"'{count} {noun}' is no resource any task needs: read as the number of jobs")
        facts.capacities = {}
    elif len(facts.capacities) == 1 and set(facts.capacities.values()) == {1} and not facts.demands and \
            not facts.each_needs and facts.kind in (None, "single_machine") and not facts.precedences and \
            any("p" in a for a in facts.attrs.values()):
        noun = next(iter(facts.capacities))  # 'only one imaging bench' that no job asks for: the one machine
        facts.notes.append(f"'one {noun}' that every job uses: the one machine")
        facts.capacities, facts.one_said = {}, True


def decide_kind(facts: Facts) -> str | None:
    """The problem class the facts describe, or None when they leave it open; machines counted by kinds ('one
    deck oven and two rack ovens') are asked where the count makes the model (one machine, or parallel ones)."""
    kind = _kind(facts)
    if kind in ("single_machine", "parallel_machines") and facts.counts_differ and facts.speeds is None:
        facts.unused += [q for q in facts.counts_differ if q not in facts.unused]
    return kind


def _kind(facts: Facts) -> str | None:
    _unused_resources(facts)
    if facts.speeds is not None:  # two machines at a ratio of speeds: parallel machines, or the text is asked
        return "parallel_machines" if facts.kind in (None, "parallel_machines", "single_machine") and not (
            facts.routes or facts.matrix or facts.capacities) else None
    if facts.capacities or facts.demands:
        return "rcpsp"
    if facts.routes:
        flexible = any(len(op) > 1 for ops in facts.routes.values() for op in ops)
        if flexible and facts.kind == "job_shop" and facts.kind_named:
            return None  # 'job shop' said, a choice of machines read: which is asked, never one taken
        return "flexible_job_shop" if flexible else "job_shop"
    if facts.matrix is not None and len(facts.matrix[0]) > 1:
        if facts.ineligible and facts.kind != "parallel_machines":
            return None  # a machine a job cannot use, in a table of times: which kind is asked, never a 0 taken
        if facts.kind in ("flow_shop", "job_shop") or facts.machine_order and facts.kind != "parallel_machines":
            return "flow_shop"  # ('presses A, B, C (not identical)' lists machines said to be parallel: no order)
        if facts.kind == "parallel_machines" and len(facts.matrix) == len(facts.jobs or facts.matrix):
            machines = facts.matrix_machines or [f"M{k}" for k in range(1, len(facts.matrix[0]) + 1)]
            if facts.n_machines is not None and facts.n_machines != len(machines):  # 'R3' over two machines' rows
                facts.unused.append(f"{facts.n_machines} machines said, times given for {len(machines)} "
                                    f"({', '.join(machines)})")
                return None
            jobs = facts.jobs or [f"J{k}" for k in range(1, len(facts.matrix) + 1)]
            cannot = {job: facts.ineligible.pop(job, set()) for job in jobs}  # '-' in the table: not that machine
            facts.routes = {job: [[(m, tv) for m, tv in zip(machines, row, strict=True) if m not in cannot[job]]]
                            for job, row in zip(jobs, facts.matrix, strict=True)}
            facts.jobs, facts.matrix = list(jobs), None
            facts.notes.append("a time per job and machine on parallel machines: each job runs on one machine of "
                               "its choice (unrelated machines)")
            return "flexible_job_shop"
        return None  # a table of times per machine: flow shop or unrelated machines? ask
    if facts.kind in ("flow_shop", "job_shop", "flexible_job_shop"):
        return facts.kind
    if facts.kind in ("parallel_machines", "single_machine"):
        if facts.kind == "single_machine" and (facts.n_machines or 1) > 1:
            return "parallel_machines"
        if facts.kind == "single_machine" and facts.n_machines is None and facts.machines_plural:
            return None  # 'on one press' said of each order, while the text speaks of presses: how many?
        return facts.kind
    if facts.n_machines is not None:
        return "single_machine" if facts.n_machines == 1 else "parallel_machines"
    allowed = {m for ms in facts.eligible.values() for m in ms}
    if facts.kind is None and allowed and set(facts.eligible) >= set(facts.jobs) and \
            all(re.fullmatch(r"M\d+", m) for m in allowed):  # every job says where it may run: the machines used
        facts.n_machines = max(int(m[1:]) for m in allowed)  # (a machine no job may use changes nothing)
        return "single_machine" if facts.n_machines == 1 else "parallel_machines"
    has_times = "p" in facts.lists or "p_each" in facts.lists or any("p" in a for a in facts.attrs.values())
    if facts.kind in (None, "rcpsp") and has_times and not facts.machines_plural and facts.one_said:
        facts.notes.append("no machine count given: one machine, as the text speaks of one")
        return "single_machine"
    return None


def assemble(facts: Facts) -> tuple[Problem | None, list[Question]]:
    """The validated Problem, or None with the questions that would complete it (naming jobs and machines as the
    text does)."""
    problem, questions = _assemble(facts)
    if facts.names:
        ids = re.compile(r"\b[JM]\d+\b")
        questions = [q.model_copy(update={"text": ids.sub(lambda m: facts.names.get(m.group(0), m.group(0)), q.text)})
                     if not q.text.startswith("I could not read") else q for q in questions]
    return problem, questions


def _assemble(facts: Facts) -> tuple[Problem | None, list[Question]]:
    questions: list[Question] = []
    kind = decide_kind(facts)
    if kind is None:
        questions.append(KIND_QUESTION)
    released = any(a.get("release") and a["release"].value for a in facts.attrs.values()) or \
        any(tv.value for tv in facts.lists.get("release", []))
    if set(facts.goals_named) == {"total_completion_time", "total_flow_time"} and not released:
        facts.goals_named, facts.objective = [], [("total_completion_time", 1)]  # 'the sum of the completion
        # times (total flow time)': one value when every job is there at time 0
    if facts.goals_named:
        questions.append(Question(key="objective", text=f"The text names several goals ({', '.join(facts.goals_named)})"
                                  "; which one should be minimised?", choices=list(facts.goals_named)))
    elif not facts.objective:
        questions.append(OBJECTIVE_QUESTION)
    if facts.one_named and kind not in (None, "single_machine"):  # a name for one machine of several: asked
        facts.unused.append(facts.one_named[1])
    if facts.routes or facts.matrix:  # one time for a job whose times are given per machine: no reader's, asked
        facts.unused += [f"a time of {facts.names.get(job, job)} ({attrs['p']})" for job, attrs in facts.attrs.items()
                         if "p" in attrs]
    if facts.unused and not facts.ignore_unused:
        questions.append(unread_question(facts.unused))
    if facts.conflicts:
        said = "; ".join(dict.fromkeys(facts.conflicts))
        questions.append(Question(key="conflict", text=f"The text gives two different values for the {said}. "
                                  "Which is right? Rephrase that part."))
    if kind is None:
        return None, questions
    try:
        data = build_problem(facts, kind)
    except Incomplete as exc:
        return None, questions + exc.questions
    if facts.finish_of is not None:
        late = sorted(set(job_names(facts)) - _before(facts, facts.finish_of) - {facts.finish_of})
        if late:  # the end of that job is the makespan only when every other job comes before it
            said = ", ".join(facts.names.get(j, j) for j in late)
            goal = facts.names.get(facts.finish_of, facts.finish_of)
            questions.append(Question(key="objective", text=f"The goal is when {goal} is done, but {said} need not "
                                      "come before it: minimise the end of the whole schedule (makespan)?",
                                      choices=["makespan"]))
    if questions:
        return None, questions
    unread = unread_clauses(facts, data)
    if unread:  # they name jobs or machines of the model or order them: never ignored
        return None, [Question(key="unread", text="I could not read these parts, which name or order jobs and "
                               "machines of the model: " + "; ".join(repr(q) for q in unread[:5])
                               + ". Rephrase them.")]
    if facts.one_named and kind == "single_machine":  # 'one deck oven (Oven 2)': the machine keeps its name
        facts.names.setdefault("M1", facts.one_named[0])
    data = renamed(data, facts.names)
    try:
        problem = Problem.model_validate(data)
    except ValidationError as exc:
        errors = "; ".join(_place(data, e["loc"]) + e["msg"].removeprefix("Value error, ") for e in exc.errors())
        return None, [Question(key="fix", text=f"The model read from the text is inconsistent: {errors}")]
    return problem, []


def _before(facts: Facts, job: str) -> set[str]:
    """Every job that must finish before `job` starts, through chains of precedences."""
    found: set[str] = set()
    todo = [job]
    while todo:
        current = todo.pop()
        for p in facts.precedences:
            if p.then == current and p.first not in found:
                found.add(p.first)
                todo.append(p.first)
    return found


def _place(data: dict, loc: tuple) -> str:
    """Where a validation error sits, in the text's terms: 'duration of task J1: ' for tasks.0.modes.0.duration."""
    if len(loc) >= 2 and loc[0] in ("tasks", "jobs", "resources") and isinstance(loc[1], int):
        item = data[loc[0]][loc[1]]
        field = str(loc[-1]).replace("_", " ") if isinstance(loc[-1], str) else "value"
        return f"{field} of {loc[0][:-1]} {item.get('id', loc[1])}: "
    return ".".join(str(part) for part in loc) + ": " if loc else ""


_RELATION = re.compile(r"<|>|\b(?:before|after|precede[sd]?|follows?|followed|following|prior|then|until|till|waits?|"
                       r"once|when|depends?|(?:needs?|requires?)\s+(?:both\s+|all\s+)?job|finished|done|completed?)\b")


_LIMIT = re.compile(r"\b(?:only|cannot|can't|must|never|not)\b")


_LISTED_JOBS = re.compile(rf"{JOB_REF}(?:\s*(?:,|\band\b|&|\|)?\s*{JOB_REF})*")
"""Jobs one after the other in a list or a header ('job 1, job 2 and job 3', 'J1 J2 J3'): one mention."""


def _relates_jobs(clause: str) -> bool:
    """Whether a clause mentions jobs in two places, not one list of them ('Q(job 3) = {job 1}', 'job 3: job 1 |
    ...'): in a notation nobody reads, a relation between them."""
    return len(_LISTED_JOBS.findall(clause)) > 1


def unread_clauses(facts: Facts, data: dict) -> list[str]:
    """Clauses about a job or machine that no extractor read, where that matters: the model lacks the job or
    machine, or the clause relates jobs ('J1<J4', 'it can start only after A is finished'); and
    sentences that order tasks ('starts only after ...'): any when the model has no precedence at all, else those
    that name a task."""
    job_of = {t["id"]: t.get("job") or t["id"] for t in data["tasks"]}
    machines = {r["id"] for r in data["resources"]}
    related = any("first" in c for c in data["constraints"])
    out = []
    for name, quote, clause in facts.unread_refs:
        is_job = not re.fullmatch(r"M\d+", name)
        missing = name not in (set(job_of.values()) if is_job else machines)
        unrelated = is_job and (_RELATION.search(clause) is not None or re.search(MACHINE_REF, clause) is not None
                                or _LIMIT.search(clause) is not None  # 'J1 ... only on M2', 'J3 cannot ...'
                                or _relates_jobs(clause))
        if (missing or unrelated) and quote not in out:
            out.append(quote)
    # an order between tasks left unread: any such sentence when the model has no precedence at all, else one
    # that names a task (a general rule such as 'an activity starts once its predecessors are done' is no loss)
    out += [quote for quote in (facts.unread_named_orders if related else facts.unread_orders) if quote not in out]
    return out


def unread_question(quotes: list[str]) -> Question:
    """The question about numbers of the text no extractor used ('ignore' drops them, and says so)."""
    quotes = list(dict.fromkeys(quotes))  # one clause may hold several numbers
    return Question(key="unused", text="I could not read these parts: " + "; ".join(repr(q) for q in quotes[:5])
                    + ". Rephrase that part, or answer 'ignore'.")
