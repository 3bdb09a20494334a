"""Compile a RosterProblem to CP-SAT: one Boolean per (person, shift, day), rules as linear and Boolean
constraints, the objective as a weighted sum; solve and read back a Roster."""

from __future__ import annotations

import time
from itertools import combinations

from ortools.sat.python import cp_model

from ordino.models import assignment as rules
from ordino.models.assignment import Assignment, Roster, RosterProblem, RosterResult
from ordino.models.options import SolveOptions
from ordino.solvers.assignment.implied import add_implied_structure
from ordino.solvers.cpsat.run import STATUS, cpsat_solver, run_cpsat

Cell = tuple[str, str, str]


def build_roster_cpsat(problem: RosterProblem) -> tuple[cp_model.CpModel, dict[Cell, cp_model.IntVar]]:
    """The CP-SAT model and its assignment literals x[(person, shift, day)]."""
    m = cp_model.CpModel()
    people, days = problem.people, list(problem.days)
    shift_ids = [s.id for s in problem.shifts]
    x = {(p, s, d): m.new_bool_var(f"x[{p},{s},{d}]") for p in people for s in shift_ids for d in days}
    day_on = {}
    for p in people:
        for d in days:
            day_on[p, d] = m.new_bool_var(f"on[{p},{d}]")
            shifts = [x[p, s, d] for s in shift_ids]
            m.add(sum(shifts) <= problem.max_shifts_per_day)
            m.add_max_equality(day_on[p, d], shifts)
    entry = problem.person_entry()
    periods = {s.id: set(s.periods) for s in problem.shifts}
    penalty: list = []
    for c in problem.cover:
        for d in [c.day] if c.day is not None else days:
            cnt = sum(x[p, s, d] for p in people for s in shift_ids
                      if (c.shift is None or s == c.shift) and (c.period is None or c.period in periods[s])
                      and (c.skill is None or c.skill in entry[p].skills))
            if c.shortfall_penalty is None:
                m.add(cnt >= c.min)
            else:
                short = m.new_int_var(0, c.min, f"short[{d}]")
                m.add(cnt + short >= c.min)
                penalty.append(c.shortfall_penalty * short)
            if c.max is not None:
                m.add(cnt <= c.max)
    nd = len(days)
    for r in problem.rules:
        if isinstance(r, rules.Unavailable):
            for cell in problem.cells(r):
                m.add(x[cell] == 0)
        elif isinstance(r, rules.Count):
            groups: dict[tuple, list] = {}
            for p, s, d in problem.cells(r):
                key = tuple({"staff": p, "shift": s, "day": d}[dim] for dim in r.per)
                groups.setdefault(key, []).append(x[p, s, d])
            for lits in groups.values():
                m.add(sum(lits) >= r.min)
                if r.max is not None:
                    m.add(sum(lits) <= r.max)
        elif isinstance(r, rules.MaxConsecutiveDays):
            span = r.max_on + 1
            starts = range(nd) if problem.cyclic else range(nd - span + 1)
            for p in problem.expand_staff(r.staff):
                if span > nd and not problem.cyclic:
                    continue
                for i in starts:
                    window = {days[(i + k) % nd] for k in range(span)}
                    if len(window) == span:
                        m.add(sum(day_on[p, d] for d in window) <= r.max_on)
                    elif problem.cyclic:  # window longer than the cycle: not every day may be worked
                        m.add(sum(day_on[p, d] for d in days) <= nd - 1)
        elif isinstance(r, rules.ForbiddenSequence):
            for p in problem.expand_staff(r.staff):
                for i in range(nd if problem.cyclic else nd - 1):
                    m.add_bool_or([x[p, r.first, days[i]].negated(), x[p, r.then, days[(i + 1) % nd]].negated()])
        elif isinstance(r, rules.CyclicPattern):
            code = {}
            for p in problem.expand_staff(r.staff):
                start = [m.new_bool_var(f"start[{p},{k}]") for k in range(nd)]
                m.add(sum(start) <= 1)
                code[p] = sum((k + 1) * v for k, v in enumerate(start))  # 0 when idle
                for i, d in enumerate(days):
                    covering = [start[k] for k in range(nd) if (i - k) % nd < r.on]
                    m.add(day_on[p, d] == sum(covering))
            for copies in problem.interchangeable_copies():  # order interchangeable copies by start day
                names = [n for n in copies if n in code]
                for a, b in zip(names, names[1:], strict=False):
                    m.add(code[b] <= code[a])
        elif isinstance(r, rules.Meet):
            slots = [(s, d) for s in shift_ids for d in days]
            for a, b in combinations(problem.expand_staff(r.staff), 2):
                both = []
                for s, d in slots:
                    z = m.new_bool_var("")
                    m.add_bool_or([x[a, s, d].negated(), x[b, s, d].negated(), z])
                    both.append(z)
                m.add(sum(both) <= r.max)
        elif isinstance(r, rules.Relation):
            expr = sum(t.coef * x[cell] for t in r.terms for cell in problem.cells(t))
            if r.min is not None:
                m.add(expr >= r.min)
            if r.max is not None:
                m.add(expr <= r.max)
        elif isinstance(r, rules.Preference):
            for cell in problem.cells(r):
                penalty.append(r.penalty * (x[cell] if r.kind == "avoid" else 1 - x[cell]))
    used = {}
    for p in people:
        used[p] = m.new_bool_var(f"used[{p}]")
        m.add_max_equality(used[p], [day_on[p, d] for d in days])
    scale = problem.cost_scale  # CP-SAT counts in integers: decimal amounts are scaled, and so are the others
    cost = [round(c.cost * scale) * x[cell] for c in problem.costs for cell in problem.cells(c)]
    cost += [round(entry[p].hire_cost * scale) * used[p] for p in people if entry[p].hire_cost]
    terms = {"total_cost": sum(cost), "total_penalty": scale * sum(penalty),
             "staff_count": scale * sum(used.values())}
    for t in problem.objective:
        if t.term in ("max_shifts", "shift_spread"):
            counted = t.shifts or shift_ids
            loads = [sum(x[p, s, d] for s in counted for d in days) for p in people]
            most = m.new_int_var(0, len(counted) * nd, f"most[{t.key}]")
            m.add_max_equality(most, loads)
            terms[t.key] = scale * most
            if t.term == "shift_spread":
                least = m.new_int_var(0, len(counted) * nd, f"least[{t.key}]")
                m.add_min_equality(least, loads)
                terms[t.key] -= scale * least
    if problem.objective:
        m.minimize(sum(t.weight * terms[t.key] for t in problem.objective))
    _break_copy_symmetry(m, problem, used)
    add_implied_structure(m, problem, x)
    return m, x


def _break_copy_symmetry(m: cp_model.CpModel, problem: RosterProblem, used: dict) -> None:
    """Interchangeable copies of one entry: copy k+1 works only if copy k does."""
    for names in problem.interchangeable_copies():
        for a, b in zip(names, names[1:], strict=False):
            m.add(used[b] <= used[a])


def solve_roster_cpsat(problem: RosterProblem, options: SolveOptions) -> RosterResult:
    """Solve with CP-SAT, hinted with `options.warm_start` (a Roster) when given; the result is not yet
    verified."""
    began = time.perf_counter()
    m, x = build_roster_cpsat(problem)
    if isinstance(options.warm_start, Roster):
        worked = {(a.staff, a.shift, a.day) for a in options.warm_start.assignments}
        for cell, var in x.items():
            m.add_hint(var, cell in worked)
    solver = cpsat_solver(options.time_limit, options.workers or 2, options.seed, options.log)
    if not problem.objective:  # pure feasibility: no bound to prove, the LP only slows the SAT search down
        solver.parameters.linearization_level = 0
        if solver.parameters.num_workers > 1:  # the default portfolio's full worker would switch the LP back on
            solver.parameters.subsolvers.append("no_lp")
    code = run_cpsat(solver, m)
    runtime = time.perf_counter() - began
    name = STATUS.get(code, "unknown")
    if name not in ("optimal", "feasible"):
        return RosterResult(status=name, runtime=runtime, method="cpsat", log=[solver.status_name(code)])
    roster = Roster(assignments=[Assignment(staff=p, shift=s, day=d) for (p, s, d), v in x.items()
                                 if solver.boolean_value(v)])
    scale = problem.cost_scale
    objective = (round(solver.objective_value) if scale == 1 else round(solver.objective_value) / scale) \
        if problem.objective else 0
    bound = solver.best_objective_bound / scale if problem.objective else 0.0
    return RosterResult(status=name, objective=objective, bound=bound, runtime=runtime, roster=roster,
                        method="cpsat")
