"""Readable views of a Problem: a plain-text summary (for people and the critic), rich tables, and the math."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from ordino.formulate.summary_families import linear_summary, roster_summary
from ordino.models import Blocking, LinearModel, Problem, RosterProblem, TimeWindow, classify
from ordino.models.constraints import PRECEDENCE_TYPES, constraint_tasks
from ordino.models.objective import TERM_DEFINITIONS


def mode_text(problem: Problem, task_id: str) -> str:
    """The modes of a task: `M1:3 | M2:5` or `workers x2:4`."""
    parts = []
    for m in problem.task(task_id).modes:
        res = ", ".join(f"{r} x{m.demands[i]}" if m.demands and m.demands[i] != 1 else r
                        for i, r in enumerate(m.resources)) or "no resource"
        cost = f" cost {m.cost}" if m.cost else ""
        parts.append(f"{res}: {m.duration}{cost}")
    return " | ".join(parts)


def constraint_text(c: object) -> str:
    """One constraint in words."""
    if isinstance(c, PRECEDENCE_TYPES):
        a, b = c.anchors()
        lag = f" + {c.min_lag}" if c.min_lag else ""
        text = f"{b}({c.then}) >= {a}({c.first}){lag}"
        if c.max_lag is not None:
            text += f", <= {a}({c.first}) + {c.max_lag}"
        return text
    if isinstance(c, TimeWindow):
        bounds = [f"{k}={getattr(c, k)}" for k in ("start_min", "start_max", "end_min", "end_max")
                  if getattr(c, k) is not None]
        return f"time window of {c.task}: {', '.join(bounds)}"
    if isinstance(c, Blocking):
        return f"{c.then} after {c.first}, whose machine stays blocked until {c.then} starts"
    return f"{c.type.replace('_', ' ')}: {', '.join(constraint_tasks(c))}"


def objective_text(problem: Problem) -> str:
    """The objective as a weighted sum of named terms."""
    return " + ".join(f"{t.weight} * {t.term}" if t.weight != 1 else t.term for t in problem.objective)


def model_summary(problem: Problem | RosterProblem | LinearModel) -> str:
    """A compact plain-text description of the model: structure, resources, jobs, tasks, constraints, objective.

    Rosters and linear models get their own family's summary.
    """
    if isinstance(problem, RosterProblem):
        return roster_summary(problem)
    if isinstance(problem, LinearModel):
        return linear_summary(problem)
    lines = [f"class: {classify(problem)}; time unit: {problem.time_unit}"
             + (f"; horizon {problem.horizon}" if problem.horizon is not None else "")]
    for r in problem.resources:
        extra = f" capacity {r.capacity}" if r.kind != "machine" else ""
        if r.unavailable:
            extra += f", unavailable {[list(i) for i in r.unavailable]}"
        if r.setups:
            extra += ", setups " + ", ".join(f"{s.before}->{s.after}:{s.time}" for s in r.setups)
        lines.append(f"resource {r.id}: {r.kind}{extra}")
    for j in problem.jobs:
        dates = _dates(j.release, j.due, j.deadline, j.weight)
        lines.append(f"job {j.id}" + (f": {dates}" if dates else ""))
    for t in problem.tasks:
        head = f"task {t.id}" + (f" (job {t.job})" if t.job else "")
        dates = _dates(t.release, t.due, t.deadline, t.weight if t.job is None else 1)
        flags = ", optional" + (f" (penalty {t.absence_penalty})" if t.absence_penalty else "") if t.optional else ""
        family = f", family {t.family}" if t.family else ""
        lines.append(f"{head}: {mode_text(problem, t.id)}{(', ' + dates) if dates else ''}{flags}{family}")
    for c in problem.constraints:
        lines.append(f"constraint: {constraint_text(c)}")
    lines.append(f"objective: minimise {objective_text(problem)}")
    return "\n".join(lines)


def _dates(release: int, due: int | None, deadline: int | None, weight: int) -> str:
    parts = []
    if release:
        parts.append(f"release {release}")
    if due is not None:
        parts.append(f"due {due}")
    if deadline is not None:
        parts.append(f"deadline {deadline}")
    if weight != 1:
        parts.append(f"weight {weight}")
    return ", ".join(parts)


def summary_tables(problem: Problem) -> list[Table]:
    """Rich tables for the terminal: resources, tasks, constraints, objective (one table for other families)."""
    if not isinstance(problem, Problem):
        table = Table("model", title="Roster" if isinstance(problem, RosterProblem) else "Linear model")
        for line in model_summary(problem).splitlines():
            table.add_row(escape(line))
        return [table]
    tables = []
    res = Table("resource", "kind", "capacity", "unavailable", "setups", title="Resources")
    for r in problem.resources:
        res.add_row(escape(r.id), r.kind, str(r.capacity),
                    str([list(i) for i in r.unavailable]) if r.unavailable else "",
                    str(len(r.setups)) if r.setups else "")
    tables.append(res)
    jobs = {j.id: j for j in problem.jobs}
    tasks = Table("task", "job", "modes (resources: duration)", "release", "due", "deadline", "weight",
                  title=f"Tasks ({classify(problem)}, time unit {escape(problem.time_unit)})")
    for t in problem.tasks:
        job = jobs.get(t.job) if t.job else None
        due = job.due if job else t.due
        weight = job.weight if job else t.weight
        deadline = t.deadline if t.deadline is not None else (job.deadline if job else None)
        release = max(t.release, job.release if job else 0)
        tasks.add_row(escape(t.id), escape(t.job or ""), escape(mode_text(problem, t.id)),
                      str(release) if release else "", "" if due is None else str(due),
                      "" if deadline is None else str(deadline), str(weight) if weight != 1 else "")
    tables.append(tasks)
    if problem.constraints:
        cons = Table("type", "meaning", title="Constraints")
        for c in problem.constraints:
            cons.add_row(c.type, escape(constraint_text(c)))
        tables.append(cons)
    obj = Table("term", "weight", "definition", title="Objective (minimise)")
    for term in problem.objective:
        obj.add_row(term.term, str(term.weight), TERM_DEFINITIONS[term.term])
    tables.append(obj)
    return tables


def math_text(problem: Problem) -> str:
    """The model as mathematics: variables, constraints and objective over start times S and ends C.

    Rosters and linear models are shown by their summary (already a list of constraints).
    """
    if not isinstance(problem, Problem):
        return model_summary(problem)
    lines = ["Variables: S_i start, C_i = S_i + p_i(mode) end of each task i; one mode per task;"
             " C_j = max C_i over the tasks of job j."]
    if problem.horizon is not None:
        lines.append(f"  C_i <= {problem.horizon} for every task (horizon)")
    for t in problem.tasks:
        bounds = []
        if problem.earliest_start(t):
            bounds.append(f"S_{t.id} >= {problem.earliest_start(t)}")
        if t.deadline is not None:
            bounds.append(f"C_{t.id} <= {t.deadline}")
        if bounds:
            lines.append("  " + ", ".join(bounds))
    for r in problem.resources:
        users = [t.id for t in problem.tasks if any(r.id in m.resources for m in t.modes)]
        if r.kind == "machine":
            lines.append(f"  no_overlap({r.id}): intervals [S_i, C_i) of {', '.join(users)} on {r.id} are disjoint"
                         + (" (plus setup times)" if r.setups else ""))
        elif r.kind == "renewable":
            lines.append(f"  cumulative({r.id}): sum of demands of running tasks <= {r.capacity} at every time")
        else:
            lines.append(f"  budget({r.id}): sum of demands of chosen modes <= {r.capacity}")
        for a, b in r.unavailable:
            lines.append(f"  no task on {r.id} overlaps [{a}, {b})")
    for c in problem.constraints:
        text = constraint_text(c)
        lines.append("  " + text.replace("start(", "S_").replace("end(", "C_").replace(")", ""))
    terms = " + ".join(f"{t.weight} * {t.term}" for t in problem.objective)
    lines.append(f"minimise {terms}")
    for t in problem.objective:
        lines.append(f"  {t.term} = {TERM_DEFINITIONS[t.term]}")
    return "\n".join(lines)
