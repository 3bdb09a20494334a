"""Compile a RosterProblem to a MILP (as a typed LinearModel) and solve it with HiGHS.

Binary x[p,s,d] per cell, y[p,d] = works on day d, u[p] = works at all; cyclic patterns by start-day
binaries; meetings by z >= x_a + x_b - 1; soft cover by shortfall integers.
"""

from __future__ import annotations

import time
from itertools import combinations

from ordino.models import assignment as rules
from ordino.models.assignment import Assignment, Roster, RosterProblem, RosterResult
from ordino.models.linear import LinearConstraint, LinearModel, LinearObjective, Variable
from ordino.models.options import SolveOptions
from ordino.solvers.linear import solve_highs


class _LinearDraft:
    """The variables, rows and objective of a LinearModel while it is being written."""

    def __init__(self) -> None:
        self.vars: list[Variable] = []
        self.rows: list[LinearConstraint] = []
        self.obj: dict[str, float] = {}
        self.const = 0.0

    def var(self, name: str, kind: str = "binary", upper: float | None = None) -> str:
        self.vars.append(Variable(name=name, kind=kind, upper=upper))
        return name

    def row(self, terms: dict[str, float], sense: str, rhs: float, name: str = "") -> None:
        terms = {k: v for k, v in terms.items() if v}
        if terms:
            self.rows.append(LinearConstraint(name=name, terms=terms, sense=sense, rhs=rhs))
        elif not {"<=": rhs >= 0, ">=": rhs <= 0, "==": rhs == 0}[sense]:
            raise ValueError(f"{name}: constraint without variables cannot hold")

    def add_obj(self, name: str, coef: float) -> None:
        self.obj[name] = self.obj.get(name, 0.0) + coef


def _sum(names: list[str]) -> dict[str, float]:
    out: dict[str, float] = {}
    for n in names:
        out[n] = out.get(n, 0.0) + 1.0
    return out


def roster_to_linear(problem: RosterProblem) -> LinearModel:
    """The MILP of a roster problem; variable x[p|s|d] is 1 when person p works shift s on day d."""
    lin = _LinearDraft()
    people, days = problem.people, list(problem.days)
    shift_ids = [s.id for s in problem.shifts]
    nd = len(days)
    weight: dict[str, float] = {}
    for t in problem.objective:  # a term listed twice counts twice
        weight[t.term] = weight.get(t.term, 0.0) + t.weight

    def x(p: str, s: str, d: str) -> str:
        return f"x[{p}|{s}|{d}]"

    for p in people:
        for d in days:
            for s in shift_ids:
                lin.var(x(p, s, d))
            y = lin.var(f"y[{p}|{d}]")
            day_shifts = _sum([x(p, s, d) for s in shift_ids])
            lin.row(day_shifts, "<=", problem.max_shifts_per_day, f"per day {p} {d}")
            for s in shift_ids:  # y = OR of the shifts
                lin.row({y: 1.0, x(p, s, d): -1.0}, ">=", 0)
            lin.row({y: 1.0, **{k: -v for k, v in day_shifts.items()}}, "<=", 0)
        u = lin.var(f"u[{p}]")
        for d in days:
            lin.row({u: 1.0, f"y[{p}|{d}]": -1.0}, ">=", 0)
        lin.row({u: 1.0, **{f"y[{p}|{d}]": -1.0 for d in days}}, "<=", 0)
    entry = problem.person_entry()
    periods = {s.id: set(s.periods) for s in problem.shifts}
    for k, c in enumerate(problem.cover):
        for d in [c.day] if c.day is not None else days:
            cells = _sum([x(p, s, d) for p in people for s in shift_ids
                          if (c.shift is None or s == c.shift) and (c.period is None or c.period in periods[s])
                          and (c.skill is None or c.skill in entry[p].skills)])
            if c.shortfall_penalty is None:
                lin.row(cells, ">=", c.min, f"cover {k} {d}")
            else:
                short = lin.var(f"short[{k}|{d}]", "integer", float(c.min))
                lin.row({**cells, short: 1.0}, ">=", c.min, f"cover {k} {d}")
                lin.add_obj(short, weight.get("total_penalty", 0.0) * c.shortfall_penalty)
            if c.max is not None:
                lin.row(cells, "<=", c.max, f"cover max {k} {d}")
    for k, r in enumerate(problem.rules):
        if isinstance(r, rules.Unavailable):
            for cell in problem.cells(r):
                lin.row({x(*cell): 1.0}, "==", 0, f"unavailable {cell}")
        elif isinstance(r, rules.Count):
            groups: dict[tuple, list[str]] = {}
            for p, s, d in problem.cells(r):
                key = tuple({"staff": p, "shift": s, "day": d}[dim] for dim in r.per)
                groups.setdefault(key, []).append(x(p, s, d))
            for key, names in groups.items():
                if r.min:
                    lin.row(_sum(names), ">=", r.min, f"count {k} {key}")
                if r.max is not None:
                    lin.row(_sum(names), "<=", r.max, f"count {k} {key}")
        elif isinstance(r, rules.MaxConsecutiveDays):
            span = r.max_on + 1
            for p in problem.expand_staff(r.staff):
                if span > nd:
                    if problem.cyclic:
                        lin.row(_sum([f"y[{p}|{d}]" for d in days]), "<=", nd - 1)
                    continue
                for i in range(nd if problem.cyclic else nd - span + 1):
                    lin.row(_sum([f"y[{p}|{days[(i + j) % nd]}]" for j in range(span)]), "<=", r.max_on)
        elif isinstance(r, rules.ForbiddenSequence):
            for p in problem.expand_staff(r.staff):
                for i in range(nd if problem.cyclic else nd - 1):
                    lin.row({x(p, r.first, days[i]): 1.0, x(p, r.then, days[(i + 1) % nd]): 1.0}, "<=", 1)
        elif isinstance(r, rules.CyclicPattern):
            for p in problem.expand_staff(r.staff):
                starts = [lin.var(f"start[{k}|{p}|{j}]") for j in range(nd)]
                lin.row(_sum(starts), "<=", 1)
                for i, d in enumerate(days):
                    cover = {starts[j]: -1.0 for j in range(nd) if (i - j) % nd < r.on}
                    lin.row({f"y[{p}|{d}]": 1.0, **cover}, "==", 0)
        elif isinstance(r, rules.Meet):
            for a, b in combinations(problem.expand_staff(r.staff), 2):
                zs = []
                for s in shift_ids:
                    for d in days:
                        z = lin.var(f"z[{k}|{a}|{b}|{s}|{d}]")
                        lin.row({z: 1.0, x(a, s, d): -1.0, x(b, s, d): -1.0}, ">=", -1)
                        zs.append(z)
                lin.row(_sum(zs), "<=", r.max, f"meet {a} {b}")
        elif isinstance(r, rules.Relation):
            coefs: dict[str, float] = {}
            for selection in r.terms:
                for cell in problem.cells(selection):
                    coefs[x(*cell)] = coefs.get(x(*cell), 0.0) + selection.coef
            if r.min is not None:
                lin.row(coefs, ">=", r.min, f"relation {k}")
            if r.max is not None:
                lin.row(coefs, "<=", r.max, f"relation {k}")
        elif isinstance(r, rules.Preference):
            w = weight.get("total_penalty", 0.0) * r.penalty
            for cell in problem.cells(r):
                if r.kind == "avoid":
                    lin.add_obj(x(*cell), w)
                else:
                    lin.add_obj(x(*cell), -w)
                    lin.const += w
    for priced in problem.costs:
        for cell in problem.cells(priced):
            lin.add_obj(x(*cell), weight.get("total_cost", 0.0) * priced.cost)
    for p in people:
        lin.add_obj(f"u[{p}]", weight.get("total_cost", 0.0) * entry[p].hire_cost + weight.get("staff_count", 0.0))
    for t in problem.objective:  # most >= each person's count (and least <= it, for the spread)
        if t.term in ("max_shifts", "shift_spread"):
            top = len(t.shifts or shift_ids) * nd
            most = lin.var(f"most[{t.key}]", "integer", top)
            lin.add_obj(most, t.weight)
            least = lin.var(f"least[{t.key}]", "integer", top) if t.term == "shift_spread" else None
            if least:
                lin.add_obj(least, -t.weight)
            for p in people:
                load = _sum([x(p, s, d) for s in t.shifts or shift_ids for d in days])
                lin.row({most: 1.0, **{n: -v for n, v in load.items()}}, ">=", 0, f"most {t.key} {p}")
                if least:
                    lin.row({least: 1.0, **{n: -v for n, v in load.items()}}, "<=", 0, f"least {t.key} {p}")
    for names in problem.interchangeable_copies():  # copy k+1 works only if copy k does
        for a, b in zip(names, names[1:], strict=False):
            lin.row({f"u[{b}]": 1.0, f"u[{a}]": -1.0}, "<=", 0)
    objective = {k: v for k, v in lin.obj.items() if v}
    return LinearModel(name=problem.name, variables=lin.vars, constraints=lin.rows,
                       objective=LinearObjective(sense="min", terms=objective, constant=lin.const))


def solve_roster_milp(problem: RosterProblem, options: SolveOptions) -> RosterResult:
    """Solve the MILP with HiGHS; the result is not yet verified. A warm start is CP-SAT's only (HiGHS needs
    every auxiliary variable of the MILP), and the log says so."""
    began = time.perf_counter()
    try:
        model = roster_to_linear(problem)
    except ValueError as exc:
        return RosterResult(status="infeasible", method="milp", log=[str(exc)])
    res = solve_highs(model, options.model_copy(update={"warm_start": None}))
    runtime = time.perf_counter() - began
    if options.warm_start is not None:
        res = res.model_copy(update={"log": ["milp: the warm start is not used (cpsat takes it)", *res.log]})
    if res.solution is None:
        return RosterResult(status=res.status, runtime=runtime, method="milp", log=res.log)
    vals = res.solution.values
    roster = []
    for p in problem.people:
        for s in problem.shifts:
            for d in problem.days:
                if vals[f"x[{p}|{s.id}|{d}]"] > 0.5:
                    roster.append(Assignment(staff=p, shift=s.id, day=d))
    objective = round(res.objective) if res.objective is not None else None
    return RosterResult(status=res.status, objective=objective, bound=res.bound, runtime=runtime,
                        roster=Roster(assignments=roster), method="milp", log=res.log)
