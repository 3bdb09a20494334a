"""Readable views of a model of any family: a plain-text summary (for people and the critic), rich tables,
and the math. `VIEWS` holds each family's three."""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple

from rich.markup import escape
from rich.table import Table

from ordino.formulate.sources import Source
from ordino.models import Blocking, LinearModel, Model, Problem, RosterProblem, TimeWindow, classify, family_of
from ordino.models.assignment import (
    Count,
    Cover,
    CyclicPattern,
    ForbiddenSequence,
    MaxConsecutiveDays,
    Meet,
    Preference,
    Relation,
    Rule,
    Selection,
    Unavailable,
)
from ordino.models.constraints import PRECEDENCE_TYPES, Constraint, Separation, constraint_tasks
from ordino.models.objective import TERM_DEFINITIONS


def number(value: float | None) -> str:
    """A number written exactly: integers without a decimal point, other floats by their shortest round-trip
    form (never rounded to a few digits), infinities as inf and -inf."""
    if value is None:
        return "none"
    if isinstance(value, int):  # bool too
        return str(int(value))
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


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
    if isinstance(c, Separation):
        rows = "; ".join(f"{a} before " + ", ".join(f"{b} {c.gaps[i][j]}" for j, b in enumerate(c.tasks) if j != i)
                         for i, a in enumerate(c.tasks))
        return f"separation of {', '.join(c.tasks)} (no overlap; minimum gap from the end of the first to the " \
               f"start of the second): {rows}"
    tasks = constraint_tasks(c)
    if tasks:
        return f"{c.type.replace('_', ' ')}: {', '.join(tasks)}"
    fields = c.model_dump(mode="json", exclude={"type"})  # e.g. permutation: jobs and machines, null = all
    return f"{c.type.replace('_', ' ')}: " + "; ".join(
        f"{k} {'all' if v is None else ', '.join(map(str, v)) if isinstance(v, list) else v}"
        for k, v in fields.items())


def objective_text(problem: Problem) -> str:
    """The objective as a weighted sum of named terms."""
    return " + ".join(f"{t.weight} * {t.term}" if t.weight != 1 else t.term for t in problem.objective)


def problem_summary(problem: Problem) -> str:
    """A compact plain-text description of a Problem: structure, resources, jobs, tasks, constraints, objective."""
    lines = [f"class: {classify(problem)}; time unit: {problem.time_unit}"
             + (f"; horizon {problem.horizon}" if problem.horizon is not None else "")
             + (f"; name {problem.name}" if problem.name else "")]
    for r in problem.resources:
        extra = f" capacity {r.capacity}" if r.kind != "machine" else ""
        if r.unavailable:
            extra += f", unavailable {[list(i) for i in r.unavailable]}"
        if r.setups:
            extra += ", setups " + ", ".join(f"{s.before}->{s.after}:{s.time}" for s in r.setups)
        lines.append(f"resource {r.id}: {r.kind}{extra}")
    for j in problem.jobs:
        dates = _dates(j.release, j.due, j.deadline, j.weight, j.earliness_weight)
        lines.append(f"job {j.id}" + (f": {dates}" if dates else ""))
    for t in problem.tasks:
        head = f"task {t.id}" + (f" (job {t.job})" if t.job else "")
        dates = _dates(t.release, t.due, t.deadline, t.weight if t.job is None else 1,
                       t.earliness_weight if t.job is None else None)
        flags = ", optional" + (f" (penalty {t.absence_penalty})" if t.absence_penalty else "") if t.optional else ""
        family = f", family {t.family}" if t.family else ""
        lines.append(f"{head}: {mode_text(problem, t.id)}{(', ' + dates) if dates else ''}{flags}{family}")
    for c in problem.constraints:
        lines.append(f"constraint: {constraint_text(c)}")
    lines.append(f"objective: minimise {objective_text(problem)}")
    return "\n".join(lines)


def _dates(release: int, due: int | None, deadline: int | None, weight: int, early: int | None = None) -> str:
    parts = []
    if release:
        parts.append(f"release {release}")
    if due is not None:
        parts.append(f"due {due}")
    if deadline is not None:
        parts.append(f"deadline {deadline}")
    if weight != 1:
        parts.append(f"weight {weight}")
    if early is not None:
        parts.append(f"earliness weight {early}")
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
        early = job.earliness_weight if job else t.earliness_weight
        deadline = t.deadline if t.deadline is not None else (job.deadline if job else None)
        release = max(t.release, job.release if job else 0)
        tasks.add_row(escape(t.id), escape(t.job or ""), escape(mode_text(problem, t.id)),
                      str(release) if release else "", "" if due is None else str(due),
                      "" if deadline is None else str(deadline),
                      (str(weight) if weight != 1 or early is not None else "")
                      + (f" (early {early})" if early is not None else ""))
    tables.append(tasks)
    if problem.constraints:
        cons = Table("type", "meaning", title="Constraints")
        for c in problem.constraints:
            cons.add_row(c.type, escape(constraint_text(c)))
        tables.append(cons)
    obj = Table("term", "weight", "definition", title="Objective (minimise)")
    for objective_term in problem.objective:
        obj.add_row(objective_term.key, str(objective_term.weight), TERM_DEFINITIONS[objective_term.term])
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
    terms = " + ".join(f"{term.weight} * {term.key}" for term in problem.objective)
    lines.append(f"minimise {terms}")
    for term in problem.objective:
        lines.append(f"  {term.key} = {TERM_DEFINITIONS[term.term]}")
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


def _who(staff: list[str] | None) -> str:
    return "" if staff is None else f" (staff {', '.join(staff)})"


def _rule(rule: Rule) -> str:
    match rule:
        case Count():
            per = ", ".join(rule.per) or "in total"
            bound = f"[{rule.min}, {'inf' if rule.max is None else rule.max}]"
            return f"count of assignments ({_selection(rule)}) per {per} in {bound}"
        case CyclicPattern():
            return f"cyclic pattern: {rule.on} days on, {rule.off} days off{_who(rule.staff)}"
        case MaxConsecutiveDays():
            return f"at most {rule.max_on} consecutive working days{_who(rule.staff)}"
        case ForbiddenSequence():
            return f"no shift {rule.then} on the day after shift {rule.first}{_who(rule.staff)}"
        case Unavailable():
            return f"unavailable: {_selection(rule)}"
        case Preference():
            return f"preference ({rule.kind}, penalty {rule.penalty}): {_selection(rule)}"
        case Meet():
            return f"any two staff share a shift at most {rule.max} times{_who(rule.staff)}"
        case Relation():
            terms = " + ".join(f"{t.coef} * count({_selection(t)})" for t in rule.terms)
            low = "-inf" if rule.min is None else rule.min
            high = "inf" if rule.max is None else rule.max
            return f"relation: {terms} in [{low}, {high}]"
    return f"{rule.type.replace('_', ' ')} rule"


def roster_summary(problem: RosterProblem) -> str:
    """A compact description of a roster problem: staff, shifts, days, cover, rules, objective."""
    staff = ", ".join((f"{s.id} x{s.copies}" if s.copies > 1 else s.id)
                      + (f" (skills {', '.join(s.skills)})" if s.skills else "")
                      + (f" (hire cost {s.hire_cost})" if s.hire_cost else "") for s in problem.staff)
    shifts = ", ".join(s.id + (f" (periods {', '.join(s.periods)})" if s.periods else "") for s in problem.shifts)
    lines = [f"family: assignment (roster); {len(problem.people)} staff: {staff}"
             + (f"; name {problem.name}" if problem.name else ""),
             f"shifts: {shifts}; days: {', '.join(problem.days)}"
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
        size = number(abs(coef))
        parts.append(f"{'- ' if coef < 0 else '+ '}{'' if size == '1' else size + '*'}{name}")
    return " ".join(parts).removeprefix("+ ") or "0"


def linear_summary(model: LinearModel) -> str:
    """A compact description of a linear model: variables with bounds, constraints, objective."""
    lines = ["family: linear" + (f"; name {model.name}" if model.name else "")]
    for v in model.variables:
        lo, hi = v.bounds
        lines.append(f"variable {v.name}: {v.kind}, {number(lo)} <= {v.name} <= {number(hi)}")
    for c in model.constraints:
        lines.append(f"constraint{' ' + c.name if c.name else ''}: {_linear_expr(c.terms)} {c.sense} {number(c.rhs)}")
    obj = model.objective
    constant = (f" - {number(-obj.constant)}" if obj.constant < 0 else f" + {number(obj.constant)}") \
        if obj.constant else ""
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


def sources_table(sources: list[Source]) -> Table:
    """Where each part of a formulated model was read from: element and the words of the description."""
    table = Table("part", "read from", title="From the description")
    for source in sources:
        table.add_row(escape(source.element), escape(f'"{source.quote}"') + ("" if source.found else
                                                                              " [yellow](not in the text)[/]"))
    return table


def math_text(model: Model) -> str:
    """The model as mathematics (a roster or linear model by its summary)."""
    return VIEWS[family_of(model).name].math(model)


# --- solutions (for the critic) --------------------------------------------------------------------------

SOLUTION_LIMIT = 200
"""At most this many tasks, people, variables or constraints are listed in a solution detail (it says so)."""


def _capped(lines: list[str], what: str, limit: int) -> list[str]:
    if len(lines) <= limit:
        return lines
    return [*lines[:limit], f"... ({len(lines) - limit} more {what} not shown; the first {limit} of {len(lines)})"]


def _section(title: str, items: list[str], what: str, limit: int) -> list[str]:
    """A titled list of at most `limit` items (nothing when there are none)."""
    return [title, *(f"- {item}" for item in _capped(items, what, limit))] if items else []


def _terms_lines(objective: list[tuple[str, int]], terms: dict[str, int | float]) -> list[str]:
    """The objective as `weight * term = weight * value` per (term key, weight), and the total."""
    if not objective:
        return ["objective: none"]
    parts = [f"{weight} * {key} = {weight} * {terms.get(key, '?')}" for key, weight in objective]
    total = sum(weight * terms[key] for key, weight in objective) if all(key in terms for key, _ in objective) \
        else "?"
    return [f"objective terms (recomputed by the verifier): {' + '.join(parts)} = {total}"]


def schedule_detail(problem: Problem, schedule: Any, limit: int = SOLUTION_LIMIT) -> str:
    """A schedule for the critic: every task in start order (start, end, mode, resources), the constraints that
    are tight (slack 0: precedences at a lag bound, time windows at a bound, ends at a deadline or the horizon,
    starts at a release), each job's completion against its due date, and the objective's terms."""
    from ordino.verify import verify  # the verifier's terms, computed from the start times

    entries = schedule.by_task()
    lines = [f"schedule ({len(entries)} tasks, in start order): task: start-end, mode, resources"]
    rows = []
    for e in sorted(schedule.tasks, key=lambda e: (e.start, e.end, e.task)):
        task = problem.task(e.task) if e.task in problem.task_index else None
        if task is None or e.mode >= len(task.modes):
            rows.append(f"{e.task}: {e.start}-{e.end}, mode {e.mode}")
            continue
        mode = task.modes[e.mode]
        res = ", ".join(f"{r} x{mode.demand(i)}" if mode.demand(i) != 1 else r for i, r in enumerate(mode.resources))
        rows.append(f"{e.task}: {e.start}-{e.end}, mode {e.mode}, {res or 'no resource'}")
    lines += _capped(rows, "tasks", limit)
    left_out = [t.id for t in problem.tasks if t.id not in entries]
    if left_out:
        lines.append(f"not performed (optional): {', '.join(left_out[:limit])}")
    tight = _tight(problem, entries)
    lines.append("tight constraints (slack 0):" if tight else "tight constraints (slack 0): none")
    lines += [f"- {t}" for t in _capped(tight, "tight constraints", limit)]
    jobs = []
    for v in problem.job_views:
        if v.due is not None:
            done = max((entries[t].end for t in v.tasks if t in entries), default=0)
            jobs.append(f"{v.id}: completes {done}, due {v.due}, lateness {done - v.due}")
    lines += _section("jobs with due dates (completion, due, lateness = completion - due):", jobs, "jobs", limit)
    lines += _terms_lines([(t.key, t.weight) for t in problem.objective], verify(problem, schedule).terms)
    return "\n".join(lines)


def _tight(problem: Problem, entries: dict[str, Any]) -> list[str]:
    """The constraints of a schedule that hold with equality."""
    out = []
    jobs = {j.id: j for j in problem.jobs}
    for t in problem.tasks:
        e = entries.get(t.id)
        if e is None:
            continue
        release = problem.earliest_start(t)
        if release and e.start == release:
            out.append(f"{t.id} starts at its release {release}")
        job = jobs.get(t.job) if t.job else None
        for name, bound in (("deadline", t.deadline), ("job deadline", job.deadline if job else None),
                            ("horizon", problem.horizon)):
            if bound is not None and e.end == bound:
                out.append(f"{t.id} ends at its {name} {bound}")
    for c in problem.constraints:
        if isinstance(c, PRECEDENCE_TYPES):
            a, b = entries.get(c.first), entries.get(c.then)
            if a is None or b is None:
                continue
            first_side, then_side = c.anchors()
            lag = getattr(b, then_side) - getattr(a, first_side)
            at = [f"min lag {c.min_lag}"] if lag == c.min_lag else []
            at += [f"max lag {c.max_lag}"] if c.max_lag is not None and lag == c.max_lag else []
            if at:
                out.append(f"{c.type} {c.first} -> {c.then}: {then_side}({c.then}) = {getattr(b, then_side)} is "
                           f"{first_side}({c.first}) = {getattr(a, first_side)} + {lag}, at its {' and '.join(at)}")
        elif isinstance(c, TimeWindow):
            e = entries.get(c.task)
            if e is None:
                continue
            for key, value in (("start_min", e.start), ("start_max", e.start), ("end_min", e.end),
                               ("end_max", e.end)):
                if getattr(c, key) is not None and value == getattr(c, key):
                    out.append(f"time window of {c.task}: {key.split('_')[0]} {value} = {key}")
        elif isinstance(c, Separation):
            placed = sorted((entries[t] for t in c.tasks if t in entries), key=lambda e: e.start)
            index = {t: i for i, t in enumerate(c.tasks)}
            for x, y in zip(placed, placed[1:], strict=False):
                gap = c.gaps[index[x.task]][index[y.task]]
                if y.start == x.end + gap:
                    out.append(f"separation {x.task} -> {y.task}: start {y.start} = end {x.end} + gap {gap}")
    return out


def roster_detail(problem: RosterProblem, roster: Any, limit: int = SOLUTION_LIMIT) -> str:
    """A roster for the critic: each person's assignments, every cover requirement with its count (binding
    when at its min or max), count and relation rules at a bound, and the objective's terms."""
    from ordino.verify import verify

    worked = {(a.staff, a.shift, a.day) for a in roster.assignments}
    order = {d: k for k, d in enumerate(problem.days)}
    rank = {p: k for k, p in enumerate(problem.people)}
    by_person: dict[str, list[str]] = {}
    for p, s, d in sorted(worked, key=lambda c: (rank.get(c[0], -1), c[0], order.get(c[2], 0), c[1])):
        by_person.setdefault(p, []).append(f"{d} {s}")
    lines = [f"roster ({len(worked)} assignments, {len(by_person)} of {len(problem.people)} staff work):"]
    lines += _capped([f"{p}: {', '.join(cells)}" for p, cells in by_person.items()], "staff", limit)
    entry = problem.person_entry()
    periods = {s.id: set(s.periods) for s in problem.shifts}
    cover = []
    for c in problem.cover:
        for d in [c.day] if c.day is not None else problem.days:
            n = sum(1 for p, s, dd in worked if dd == d and (c.shift is None or s == c.shift)
                    and (c.period is None or c.period in periods.get(s, set()))
                    and (c.skill is None or (p in entry and c.skill in entry[p].skills)))
            bound = f"min {c.min}" + (f", max {c.max}" if c.max is not None else "")
            binding = " (binding)" if (c.min and n == c.min) or n == c.max else ""
            what = f"shift {c.shift}" if c.shift else f"period {c.period}" if c.period else "any shift"
            cover.append(f"cover on {d}, {what}{f' with skill {c.skill}' if c.skill else ''}: {n} working "
                         f"({bound}){binding}")
    lines += _section("cover (working staff against the requirement):", cover, "cover lines", limit)
    binding_rules = []
    for k, r in enumerate(problem.rules):
        if isinstance(r, Count):
            groups: dict[tuple[str, ...], int] = {}
            for p, s, d in problem.cells(r):
                key = tuple({"staff": p, "shift": s, "day": d}[dim] for dim in r.per)
                groups[key] = groups.get(key, 0) + ((p, s, d) in worked)
            for key, n in groups.items():
                if (r.min and n == r.min) or n == r.max:
                    group = f"count per {', '.join(r.per)} {', '.join(key)}" if r.per else "count in total"
                    binding_rules.append(f"rules[{k}] {group}: {n} in [{r.min}, {'inf' if r.max is None else r.max}]")
        elif isinstance(r, Relation):
            value = sum(t.coef * len(set(problem.cells(t)) & worked) for t in r.terms)
            if value in (r.min, r.max):
                binding_rules.append(f"rules[{k}] relation: value {value} in [{r.min}, {r.max}]")
    lines += _section("rules at a bound (binding):", binding_rules, "binding rules", limit)
    lines += _terms_lines([(t.term, t.weight) for t in problem.objective], verify(problem, roster).terms)
    return "\n".join(lines)


def linear_detail(model: LinearModel, solution: Any, limit: int = SOLUTION_LIMIT) -> str:
    """A linear solution for the critic: every variable's value (at a bound or not), every constraint's left-hand
    side against its right-hand side (binding when equal), and the objective value."""
    values = solution.values
    lines = ["solution values:"]
    rows = []
    for v in model.variables:
        x = values.get(v.name)
        if x is None:
            rows.append(f"{v.name}: no value")
            continue
        lo, hi = v.bounds
        at = " (at its lower bound)" if _close(x, lo) else " (at its upper bound)" if _close(x, hi) else ""
        rows.append(f"{v.name} = {number(x)}{at}")
    lines += _capped(rows, "variables", limit)
    lines.append("constraints (left-hand side at the solution; binding = slack 0):")
    cons = []
    for k, c in enumerate(model.constraints):
        lhs = sum(coef * values.get(n, 0.0) for n, coef in c.terms.items())
        state = "binding" if _close(lhs, c.rhs) else f"slack {number(abs(c.rhs - lhs))}"
        cons.append(f"{c.name or f'constraints[{k}]'}: {number(lhs)} {c.sense} {number(c.rhs)} ({state})")
    lines += [f"- {c}" for c in _capped(cons, "constraints", limit)]
    obj = model.objective
    value = obj.constant + sum(coef * values.get(n, 0.0) for n, coef in obj.terms.items())
    lines.append(f"objective ({'maximise' if obj.sense == 'max' else 'minimise'}): {number(value)}")
    return "\n".join(lines)


def _close(a: float, b: float, tol: float = 1e-6) -> bool:
    return math.isfinite(b) and abs(a - b) <= tol * max(1.0, abs(b))


SOLUTION_DETAILS: dict[str, Callable[..., str]] = {
    "scheduling": schedule_detail, "assignment": roster_detail, "linear": linear_detail}


def solution_detail(model: Model, result: Any, limit: int = SOLUTION_LIMIT) -> str:
    """The solution of a result in detail (for the critic), or "" when the result holds none."""
    family = family_of(model)
    solution = family.solution_of(result) if result is not None else None
    if solution is None:
        return ""
    return SOLUTION_DETAILS[family.name](model, solution, limit)
