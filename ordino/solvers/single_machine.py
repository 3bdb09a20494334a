"""Exact models of single-machine (weighted) total tardiness, and the methods that use them behind the generic
names 'cpsat' and 'milp'.

* :func:`positional_milp`, :func:`time_indexed_milp`: Pyomo models solved by HiGHS through
  ``pyomo.contrib.solver``.
* :func:`cpsat_smwt`: OR-Tools CP-SAT with interval variables, no-overlap, a solution hint and the Emmons
  precedence pairs as constraints.

The model functions return ``(perm, value, lower_bound, proven_optimal)``; ``perm`` is ``None`` when no
solution was found in time.
"""

from __future__ import annotations

import math
import time

import numpy as np

from ordino.heuristics.budget import OutOfTime, deadline
from ordino.heuristics.methods_single_machine import arrays, sequence_result, supports_tardiness
from ordino.heuristics.single_machine.evaluate import as_instance, total_weighted_tardiness
from ordino.heuristics.single_machine.exact import emmons_precedences, lower_bound
from ordino.heuristics.single_machine.local_search import ils
from ordino.models import Problem, Result, SolveOptions
from ordino.models.method import Method

SolveResult = tuple[np.ndarray | None, int | None, int, bool]


def _emmons_pairs(p, d, w, deadline: float) -> list[tuple[int, int]]:
    prec = emmons_precedences(p, d, w, deadline)
    # the closure holds redundant pairs; CP-SAT copes with them fine
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(prec), strict=True)]


def _highs_solve(model, time_limit: float):
    from pyomo.contrib.solver.common.factory import SolverFactory
    from pyomo.contrib.solver.common.results import SolutionStatus, TerminationCondition

    solver = SolverFactory("highs")
    res = solver.solve(
        model,
        time_limit=max(0.01, float(time_limit)),
        load_solutions=False,
        raise_exception_on_nonoptimal_result=False,
        rel_gap=0.0,
        abs_gap=0.99,
    )
    has = res.solution_status in (SolutionStatus.optimal, SolutionStatus.feasible)
    if has:
        res.solution_loader.load_vars()
    proven = res.termination_condition == TerminationCondition.convergenceCriteriaSatisfied
    bound = res.objective_bound
    lb = 0 if bound is None or not math.isfinite(bound) else max(0, math.ceil(bound - 1e-6))
    return has, proven, lb


def _finish(p, d, w, perm, has: bool, proven: bool, lb: int) -> SolveResult:
    if not has or perm is None:
        return None, None, max(lb, lower_bound(p, d, w)), False
    value = total_weighted_tardiness(p, d, perm, w)
    lb = value if proven else min(value, max(lb, lower_bound(p, d, w)))
    return perm, value, lb, proven


def positional_milp_seconds(n: int) -> float:
    """About how long Pyomo takes to build the weighted :func:`positional_milp` (n^2 big-M rows) and hand it
    to HiGHS: measured 2.7 s for 120 jobs on a 2-core machine (the unweighted model builds faster)."""
    return 2e-4 * n * n


def positional_milp(p, d, w=None, time_limit: float = 10.0) -> SolveResult:
    """Positional (assignment) MILP solved by HiGHS.

    ``x[j, k] = 1`` if job ``j`` is in position ``k``; ``C_k`` is the completion of position ``k``.
    Unweighted: tardiness per position, ``T_k >= C_k - sum_j d_j x[j, k]`` (no big-M). Weighted:
    tardiness per job,
    ``T_j >= C_k - d_j - M_j (1 - x[j, k])`` with ``M_j = max(0, P - d_j)``.
    """
    import pyomo.environ as pyo

    p, d, w0 = as_instance(p, d, w)
    n = p.size
    total = int(p.sum())
    m = pyo.ConcreteModel()
    m.J = pyo.RangeSet(0, n - 1)
    m.x = pyo.Var(m.J, m.J, domain=pyo.Binary)
    m.C = pyo.Var(m.J, bounds=(0, total))
    m.job = pyo.Constraint(m.J, rule=lambda m, j: sum(m.x[j, k] for k in m.J) == 1)
    m.pos = pyo.Constraint(m.J, rule=lambda m, k: sum(m.x[j, k] for j in m.J) == 1)
    m.comp = pyo.Constraint(
        m.J,
        rule=lambda m, k: m.C[k] == (m.C[k - 1] if k > 0 else 0) + sum(int(p[j]) * m.x[j, k] for j in m.J),
    )
    if w is None:
        m.T = pyo.Var(m.J, domain=pyo.NonNegativeReals)
        m.tard = pyo.Constraint(
            m.J, rule=lambda m, k: m.T[k] >= m.C[k] - sum(int(d[j]) * m.x[j, k] for j in m.J)
        )
        m.obj = pyo.Objective(expr=sum(m.T[k] for k in m.J))
    else:
        m.T = pyo.Var(m.J, domain=pyo.NonNegativeReals)
        big = {j: max(0, total - int(d[j])) for j in range(n)}
        m.tard = pyo.Constraint(
            m.J, m.J, rule=lambda m, j, k: m.T[j] >= m.C[k] - int(d[j]) - big[j] * (1 - m.x[j, k])
        )
        m.obj = pyo.Objective(expr=sum(int(w0[j]) * m.T[j] for j in m.J))
    has, proven, lb = _highs_solve(m, time_limit)
    perm = None
    if has:
        def position(j: int) -> int:
            return max(range(n), key=lambda k: pyo.value(m.x[j, k]))

        pos = np.array([position(j) for j in range(n)])
        perm = np.argsort(pos, kind="stable")
    return _finish(p, d, w0, perm, has, proven, lb)


def time_indexed_milp(p, d, w=None, time_limit: float = 10.0) -> SolveResult:
    """Time-indexed MILP solved by HiGHS (pseudo-polynomial: ``n * P`` binaries, small instances only).

    ``x[j, t] = 1`` if job ``j`` starts at ``t`` (``0 <= t <= P - p_j``); at most one job runs in each unit
    period; cost ``w_j max(0, t + p_j - d_j)``. Zero-length jobs get no capacity rows.
    """
    import pyomo.environ as pyo

    p, d, w0 = as_instance(p, d, w)
    n = p.size
    total = int(p.sum())
    idx = [(j, t) for j in range(n) for t in range(total - int(p[j]) + 1)]
    m = pyo.ConcreteModel()
    m.x = pyo.Var(idx, domain=pyo.Binary)
    m.one = pyo.Constraint(
        range(n), rule=lambda m, j: sum(m.x[j, t] for t in range(total - int(p[j]) + 1)) == 1
    )
    cover: list[list] = [[] for _ in range(total)]
    for j, t in idx:
        for u in range(t, t + int(p[j])):
            cover[u].append((j, t))
    rows = [u for u in range(total) if len(cover[u]) > 1]
    m.cap = pyo.Constraint(rows, rule=lambda m, u: sum(m.x[k] for k in cover[u]) <= 1)
    m.obj = pyo.Objective(
        expr=sum(int(w0[j]) * max(0, t + int(p[j]) - int(d[j])) * m.x[j, t] for j, t in idx)
    )
    has, proven, lb = _highs_solve(m, time_limit)
    perm = None
    if has:
        starts = np.zeros(n)
        for j, t in idx:
            if pyo.value(m.x[j, t]) > 0.5:
                starts[j] = t
        perm = np.lexsort((p, starts))  # zero-length jobs first among equal starts
    return _finish(p, d, w0, perm, has, proven, lb)


def cpsat_smwt_seconds(n: int) -> float:
    """About how long :func:`cpsat_smwt` takes to build its model and load it into CP-SAT: measured 5 s for
    30,000 jobs on a 2-core machine."""
    return 1.7e-4 * n


def cpsat_smwt(
    p,
    d,
    w=None,
    time_limit: float = 10.0,
    hint=None,
    workers: int = 1,
    seed: int = 0,
    precedences: bool | None = None,
) -> SolveResult:
    """CP-SAT model: interval per job, no-overlap, ``T_j >= end_j - d_j``, minimise ``sum w_j T_j``.

    ``hint`` is a sequence used as a solution hint (default: the best rule from
    :func:`~ordino.heuristics.single_machine.local_search.best_rule_start`). With ``precedences`` (default:
    on for the unweighted case) the :func:`emmons_precedences` pairs are added as ``end_i <= start_j``,
    unless finding them takes more than a fifth of the time limit. Building the model counts towards
    ``time_limit``; the solver gets what is left (at least 10 ms).
    """
    from ortools.sat.python import cp_model

    from ordino.heuristics.single_machine.local_search import best_rule_start
    from ordino.solvers.cpsat.run import cpsat_solver, run_cpsat

    began = time.perf_counter()
    p, d, w0 = as_instance(p, d, w)
    n = p.size
    total = int(p.sum())
    if n == 0:
        return np.zeros(0, dtype=np.int64), 0, 0, True
    model = cp_model.CpModel()
    start = [model.new_int_var(0, total - int(p[j]), f"s{j}") for j in range(n)]
    end = [model.new_int_var(int(p[j]), total, f"e{j}") for j in range(n)]
    itv = [model.new_interval_var(start[j], int(p[j]), end[j], f"i{j}") for j in range(n)]
    model.add_no_overlap(itv)
    tard = []
    for j in range(n):
        t = model.new_int_var(0, max(0, total - int(d[j])), f"t{j}")
        model.add(t >= end[j] - int(d[j]))
        tard.append(t)
    model.minimize(sum(int(w0[j]) * tard[j] for j in range(n)))
    if precedences is None:
        precedences = w is None
    if precedences:
        try:
            pairs = _emmons_pairs(p, d, w0, began + time_limit / 5)
        except OutOfTime:
            pairs = []
        for i, j in pairs:
            model.add(end[i] <= start[j])
    seq = best_rule_start(p, d, w0)[0] if hint is None else np.asarray(hint, dtype=np.int64)
    c = np.cumsum(p[seq])
    for k, j in enumerate(seq):
        model.add_hint(start[j], int(c[k] - p[j]))
        model.add_hint(end[j], int(c[k]))
        model.add_hint(tard[j], max(0, int(c[k] - d[j])))
    solver = cpsat_solver(began + time_limit - time.perf_counter(), workers, seed)
    status = run_cpsat(solver, model)
    has = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    proven = status == cp_model.OPTIMAL
    lb = max(0, math.ceil(solver.best_objective_bound - 1e-6)) if has or status == cp_model.UNKNOWN else 0
    perm = None
    if has:
        st = np.array([solver.value(s) for s in start])
        perm = np.lexsort((p, st))
    return _finish(p, d, w0, perm, has, proven, lb)


def _exact_result(problem: Problem, name: str, began: float, solved: tuple) -> Result:
    perm, value, bound, proven = solved
    if perm is None:
        return Result(status="unknown", bound=float(bound), method=name, runtime=time.perf_counter() - began,
                      log=[f"{name}: no schedule within the time limit"])
    return sequence_result(problem, perm, name, began, bound=float(bound), optimal=proven)


HINT_SECONDS_PER_PAIR = 1e-4
"""Seconds of local search for CP-SAT's hint per pair of jobs (capped at 1 s): 0.16 s at 40 jobs, where the
local search reaches the optimum of every OR-Library wt40 and wt50 instance within 0.03 s; a tiny problem no
longer waits a whole second for a hint its proof does not need."""


def run_sm_cpsat(problem: Problem, options: SolveOptions) -> Result:
    """CP-SAT on 1||sum wT, hinted with an iterated local search schedule, with Emmons precedences when
    unweighted; proves optimality or reports its bound."""
    began = time.perf_counter()
    end = deadline(began, problem, options)
    p, d, w = arrays(problem)
    bound = int(lower_bound(p, d, w))
    hint_seconds = min(1.0, (end - began) / 4, HINT_SECONDS_PER_PAIR * len(p) ** 2)
    hint, value = ils(p, d, w, time_limit=hint_seconds, seed=options.seed, lower_bound=bound)
    remaining = end - time.perf_counter()
    if value <= bound or cpsat_smwt_seconds(len(p)) > remaining:
        log = [] if value <= bound else [f"cpsat: building the model of {len(p)} jobs would take about "
                                         f"{cpsat_smwt_seconds(len(p)):.1f} s, {max(remaining, 0):.1f} s "
                                         "are left; this is the local search's schedule"]
        return sequence_result(problem, hint, "cpsat", began, bound=bound, optimal=value <= bound, log=log)
    solved = cpsat_smwt(p, d, w, time_limit=remaining, hint=hint, workers=options.workers or 0, seed=options.seed)
    perm, found, _, _ = solved
    if perm is None or found is None or found > value:  # CP-SAT did not even keep its hint: report the hint
        solved = (hint, value, solved[2], False)
    return _exact_result(problem, "cpsat", began, solved)


def run_sm_milp(problem: Problem, options: SolveOptions) -> Result:
    """The positional (assignment) MILP of 1||sum wT, solved by HiGHS."""
    began = time.perf_counter()
    end = deadline(began, problem, options)
    p, d, w = arrays(problem)
    need = positional_milp_seconds(len(p))
    if need > end - began:
        return Result(status="unknown", method="milp", runtime=time.perf_counter() - began,
                      log=[f"milp: building the positional model of {len(p)} jobs would take about {need:.1f} s, "
                           "longer than the time limit; no schedule (try 'ils' or 'cpsat')"])
    return _exact_result(problem, "milp", began, positional_milp(p, d, w, time_limit=end - time.perf_counter()))


SPECIALISED: list[Method] = [
    Method("cpsat", run_sm_cpsat, "CP-SAT for 1||sum wT with a local-search hint and Emmons rules",
           supports_tardiness, exact=True),
    Method("milp", run_sm_milp, "positional MILP for 1||sum wT (HiGHS)", supports_tardiness, exact=True),
]
"""Models behind the generic names 'cpsat' and 'milp' that `solve` takes when they support the problem."""
