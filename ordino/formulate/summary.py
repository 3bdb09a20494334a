"""Readable views of a model of any family: a plain-text summary (for people and the critic), rich tables,
and the math. `VIEWS` holds each family's three."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple

from rich.markup import escape
from rich.table import Table

from ordino.models import Blocking, LinearModel, Model, Problem, RosterProblem, TimeWindow, classify, family_of
from ordino.models.assignment import (
    Count,
    Cover,
    CyclicPattern,
    ForbiddenSequence,
    MaxConsecutiveDays,
    Meet,
    Preference,
    Rule,
    Selection,
    Unavailable,
)
from ordino.models.constraints import PRECEDENCE_TYPES, Constraint, constraint_tasks
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


def constraint_text(c: Constraint) -> str:
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


def problem_summary(problem: Problem) -> str:
    """A compact plain-text description of a Problem: structure, resources, jobs, tasks, constraints, objective."""
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


def problem_tables(problem: Problem) -> list[Table]:
    """Rich tables of a Problem for the terminal: resources, tasks, constraints, objective."""
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
    for objective_term in problem.objective:
        obj.add_row(objective_term.term, str(objective_term.weight), TERM_DEFINITIONS[objective_term.term])
    tables.append(obj)
    return tables


def problem_math(problem: Problem) -> str:
    """A Problem as mathematics: variables, constraints and objective over start times S and ends C."""
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
    terms = " + ".join(f"{term.weight} * {term.term}" for term in problem.objective)
    lines.append(f"minimise {terms}")
    for term in problem.objective:
        lines.append(f"  {term.term} = {TERM_DEFINITIONS[term.term]}")
    return "\n".join(lines)


# --- rosters and linear models ---------------------------------------------------------------------------


def _ids(values: list[str] | None, every: str) -> str:
    return every if values is None else ", ".join(values)


def _selection(sel: Selection) -> str:
    return (f"staff {_ids(sel.staff, 'all')}, shifts {_ids(sel.shifts, 'all')}, "
            f"days {_ids(sel.days, 'all')}")


def _cover(c: Cover) -> str:
    what = f"shift {c.shift}" if c.shift else f"period {c.period}" if c.period else "any shift"
    skill = f" with skill {c.skill}" if c.skill else ""
    bound = f">= {c.min}" + (f" and <= {c.max}" if c.max is not None else "")
    soft = f" (soft, {c.shortfall_penalty} per missing person)" if c.shortfall_penalty is not None else ""
    return f"cover on {c.day or 'every day'}, {what}{skill}: {bound}{soft}"


def _rule(rule: Rule) -> str:
    match rule:
        case Count():
            per = ", ".join(rule.per) or "in total"
            bound = f"[{rule.min}, {'inf' if rule.max is None else rule.max}]"
            return f"count of assignments ({_selection(rule)}) per {per} in {bound}"
        case CyclicPattern():
            return f"cyclic pattern: {rule.on} days on, {rule.off} days off"
        case MaxConsecutiveDays():
            return f"at most {rule.max_on} consecutive working days"
        case ForbiddenSequence():
            return f"no shift {rule.then} on the day after shift {rule.first}"
        case Unavailable():
            return f"unavailable: {_selection(rule)}"
        case Preference():
            return f"preference ({rule.kind}, penalty {rule.penalty}): {_selection(rule)}"
        case Meet():
            return f"any two staff share a shift at most {rule.max} times"
    return f"{rule.type.replace('_', ' ')} rule"


def roster_summary(problem: RosterProblem) -> str:
    """A compact description of a roster problem: staff, shifts, days, cover, rules, objective."""
    staff = ", ".join(f"{s.id} x{s.copies}" if s.copies > 1 else s.id for s in problem.staff)
    lines = [f"family: assignment (roster); {len(problem.people)} staff: {staff}",
             f"shifts: {', '.join(s.id for s in problem.shifts)}; days: {', '.join(problem.days)}"
             + ("; cyclic" if problem.cyclic else "") + f"; at most {problem.max_shifts_per_day} shift(s) a day"]
    lines += [_cover(c) for c in problem.cover]
    lines += [f"cost {c.cost} per assignment: {_selection(c)}" for c in problem.costs]
    lines += [f"rule: {_rule(r)}" for r in problem.rules]
    terms = " + ".join(f"{t.weight} * {t.term}" if t.weight != 1 else t.term for t in problem.objective)
    lines.append(f"objective: minimise {terms}" if terms else "objective: none (any feasible roster)")
    return "\n".join(lines)


def _linear_expr(terms: dict[str, float]) -> str:
    parts = []
    for name, coef in terms.items():
        c = int(coef) if float(coef).is_integer() else coef
        parts.append(f"{'- ' if c < 0 else '+ '}{abs(c) if abs(c) != 1 else ''}{'*' if abs(c) != 1 else ''}{name}")
    return " ".join(parts).removeprefix("+ ") or "0"


def linear_summary(model: LinearModel) -> str:
    """A compact description of a linear model: variables with bounds, constraints, objective."""
    lines = ["family: linear"]
    for v in model.variables:
        lo, hi = v.bounds
        lines.append(f"variable {v.name}: {v.kind}, {lo:g} <= {v.name} <= {hi:g}")
    for c in model.constraints:
        lines.append(f"constraint{' ' + c.name if c.name else ''}: {_linear_expr(c.terms)} {c.sense} {c.rhs:g}")
    obj = model.objective
    constant = f" + {obj.constant:g}" if obj.constant else ""
    lines.append(f"objective: {'maximise' if obj.sense == 'max' else 'minimise'} {_linear_expr(obj.terms)}{constant}")
    return "\n".join(lines)


def summary_table(model: RosterProblem | LinearModel, title: str) -> list[Table]:
    """One table holding the lines of the model's summary (rosters and linear models)."""
    table = Table("model", title=title)
    for line in model_summary(model).splitlines():
        table.add_row(escape(line))
    return [table]


class Views(NamedTuple):
    """A family's readable views: `summary(model)`, `tables(model)` and `math(model)`."""

    summary: Callable[[Any], str]
    tables: Callable[[Any], list[Table]]
    math: Callable[[Any], str]


VIEWS: dict[str, Views] = {
    "scheduling": Views(problem_summary, problem_tables, problem_math),
    "assignment": Views(roster_summary, partial(summary_table, title="Roster"), roster_summary),
    "linear": Views(linear_summary, partial(summary_table, title="Linear model"), linear_summary),
}
"""Rosters and linear models show their summary as their math: it already lists their constraints."""


def model_summary(model: Model) -> str:
    """A compact plain-text description of a model of any family (for people and the critic)."""
    return VIEWS[family_of(model).name].summary(model)


def summary_tables(model: Model) -> list[Table]:
    """Rich tables for the terminal: a Problem's resources, tasks, constraints, objective; one table for the
    other families."""
    return VIEWS[family_of(model).name].tables(model)


def math_text(model: Model) -> str:
    """The model as mathematics (a roster or linear model by its summary)."""
    return VIEWS[family_of(model).name].math(model)
