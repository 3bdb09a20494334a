"""Turn extracted facts into an ontology instance, or into the questions that would complete it."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from ordino.formulate.offline.facts import Facts
from ordino.formulate.offline.questions import Question
from ordino.formulate.offline.units import TimeScale, TimeVal
from ordino.models import Problem
from ordino.models.objective import DUE_DATE_TERMS, TERM_DEFINITIONS

KINDS = ["single_machine", "parallel_machines", "flow_shop", "job_shop", "flexible_job_shop", "rcpsp"]
KIND_QUESTION = Question(key="kind", text="Which kind of problem is this?", choices=KINDS)
OBJECTIVE_QUESTION = Question(key="objective", text="What should be minimised?", choices=list(TERM_DEFINITIONS))
_ATTR_WORDS = {"due": "due date", "release": "release date", "weight": "weight", "deadline": "deadline"}


class Incomplete(Exception):
    """Raised inside assembly with the questions that would complete the model."""

    def __init__(self, questions: list[Question]) -> None:
        super().__init__("; ".join(q.text for q in questions))
        self.questions = questions


def decide_kind(facts: Facts) -> str | None:
    """The problem class the facts describe, or None when they leave it open."""
    if facts.capacities or facts.demands:
        return "rcpsp"
    if facts.routes:
        flexible = any(len(op) > 1 for ops in facts.routes.values() for op in ops)
        return "flexible_job_shop" if flexible else "job_shop"
    if facts.matrix is not None and len(facts.matrix[0]) > 1:
        if facts.kind in ("flow_shop", "job_shop") or facts.machine_order:
            return "flow_shop"
        return None  # a table of times per machine: flow shop or unrelated machines? ask
    if facts.kind in ("flow_shop", "job_shop", "flexible_job_shop"):
        return facts.kind
    if facts.kind in ("parallel_machines", "single_machine"):
        if facts.kind == "single_machine" and (facts.n_machines or 1) > 1:
            return "parallel_machines"
        return facts.kind
    if facts.n_machines is not None:
        return "single_machine" if facts.n_machines == 1 else "parallel_machines"
    has_times = "p" in facts.lists or "p_each" in facts.lists or any("p" in a for a in facts.attrs.values())
    if facts.kind in (None, "rcpsp") and has_times:
        facts.notes.append("no machine count given: one machine assumed")
        return "single_machine"
    return None


def job_names(facts: Facts) -> list[str]:
    """Jobs named in the text, or J1..Jn from a count or from the length of the data lists."""
    numbered = [int(j[1:]) for j in facts.jobs if re.fullmatch(r"J\d+", j)]
    lengths = {len(v) for k, v in facts.lists.items() if not k.endswith("_each")}
    if facts.jobs and len(numbered) == len(facts.jobs):
        n = facts.n_jobs if facts.n_jobs is not None else (max(lengths) if len(lengths) == 1 else None)
        if n is not None and max(numbered) <= n and len(facts.jobs) < n:
            return [f"J{i}" for i in range(1, n + 1)]
    if facts.n_jobs is not None and len(lengths) == 1 and facts.n_jobs not in lengths and not facts.jobs:
        raise Incomplete([Question(key="n_jobs", text=f"The text says {facts.n_jobs} jobs but lists "
                                   f"{lengths.pop()} values per job. How many jobs are there?")])
    if facts.jobs:
        if facts.n_jobs is not None and facts.n_jobs != len(facts.jobs) and not facts.matrix:
            raise Incomplete([Question(key="n_jobs", text=f"The text says {facts.n_jobs} jobs but describes "
                                       f"{len(facts.jobs)} ({', '.join(facts.jobs)}). How many jobs are there?")])
        return facts.jobs
    n = facts.n_jobs
    if facts.matrix is not None:
        lengths.add(len(facts.matrix))
    if n is None and len(lengths) == 1:
        n = lengths.pop()
    if n is None:
        raise Incomplete([Question(key="n_jobs", text="How many jobs are there?")])
    return [f"J{i}" for i in range(1, n + 1)]


def per_job(facts: Facts, names: list[str], attr: str) -> dict[str, TimeVal]:
    """One attribute for every job that has it: stated per job, by a list in job order, or for all jobs."""
    out: dict[str, TimeVal] = {}
    listed = facts.lists.get(attr)
    if listed is not None:
        if len(listed) != len(names):
            word = "processing time" if attr == "p" else _ATTR_WORDS[attr]
            raise Incomplete([Question(key=_key(attr), text=f"I found {len(listed)} values for the {word}s but "
                                       f"{len(names)} jobs. Give one {word} per job, in job order.")])
        out.update(zip(names, listed, strict=True))
    each = facts.lists.get(f"{attr}_each")
    if each:
        out.update({n: each[0] for n in names if n not in out})
    for n in names:
        if attr in facts.attrs.get(n, {}):
            out[n] = facts.attrs[n][attr]
    return out


def _key(attr: str) -> str:
    return "processing_times" if attr == "p" else attr


def assemble(facts: Facts) -> tuple[Problem | None, list[Question], TimeScale | None]:
    """The validated Problem, or None with the questions that would complete it."""
    questions: list[Question] = []
    kind = decide_kind(facts)
    if kind is None:
        questions.append(KIND_QUESTION)
    if not facts.objective:
        questions.append(OBJECTIVE_QUESTION)
    if facts.unused and not facts.ignore_unused:
        questions.append(Question(key="unused", text="I could not place these numbers: " + "; ".join(
            repr(u) for u in facts.unused[:5]) + ". Rephrase that part, or answer 'ignore'."))
    if kind is None:
        return None, questions, None
    try:
        data, scale = _build(facts, kind)
    except Incomplete as exc:
        return None, questions + exc.questions, None
    if questions:
        return None, questions, scale
    try:
        problem = Problem.model_validate(data)
    except ValidationError as exc:
        errors = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
        return None, [Question(key="fix", text=f"The model is inconsistent: {errors}")], scale
    return problem, [], scale


def _build(facts: Facts, kind: str) -> tuple[dict[str, Any], TimeScale]:
    from ordino.formulate.offline.build import build_problem

    return build_problem(facts, kind)


def due_needed(facts: Facts) -> bool:
    """Whether the objective needs due dates."""
    return any(t in DUE_DATE_TERMS for t, _ in facts.objective)
