"""Exact methods, bounds and dominance rules for single-machine (weighted) total tardiness.

* :func:`dp_subsets`: dynamic programme over subsets (Held-Karp style), numpy-vectorised by subset size;
  exact for n up to about 22 (memory 2^n int64).
* :func:`lower_bound`: a cheap valid lower bound (max of three simple relaxations).
* :func:`emmons_precedences`: precedence pairs ``i -> j`` that some optimal sequence respects.
* :func:`positional_milp`, :func:`time_indexed_milp`: Pyomo models solved by HiGHS through
  ``pyomo.contrib.solver``.
* :func:`cpsat_smwt`: OR-Tools CP-SAT with interval variables, no-overlap, a solution hint and the
  precedence pairs as constraints.

The solver functions return ``(perm, value, lower_bound, proven_optimal)``; ``perm`` is ``None`` when no
solution was found in time.
"""

from __future__ import annotations

import math
import time

import numpy as np

from ordino.heuristics.budget import OutOfTime, check

from .evaluate import as_instance, total_weighted_tardiness

__all__ = [
    "dp_subsets",
    "lower_bound",
    "emmons_precedences",
    "positional_milp",
    "time_indexed_milp",
    "cpsat_smwt",
]

SolveResult = tuple[np.ndarray | None, int | None, int, bool]


def dp_subsets(p, d, w=None, max_jobs: int = 22) -> tuple[np.ndarray, int]:
    """Optimal sequence by DP over subsets: ``F(S) = min_{j in S} F(S - j) + w_j max(0, p(S) - d_j)``.

    The job scheduled last in ``S`` completes at ``p(S)``. With numba one compiled sweep in bitmask order
    (every ``S - j`` precedes ``S``); without it, numpy layers by subset size. The sequence is recovered by
    walking back from the full set. Raises ``ValueError`` when ``n > max_jobs`` (memory grows as 2^n).
    """
    p, d, w = as_instance(p, d, w)
    n = p.size
    if n > max_jobs:
        raise ValueError(f"dp_subsets: {n} jobs exceeds max_jobs={max_jobs}")
    if n == 0:
        return np.zeros(0, dtype=np.int64), 0
    from . import _kernels

    if _kernels.HAVE_NUMBA:
        worst = int(w.sum()) * max(1, int(p.sum()) - min(0, int(d.min())))
        dtype = np.int32 if worst < 2**29 and int(p.sum()) < 2**29 else np.int64
        f, tot = np.empty(1 << n, dtype=dtype), np.empty(1 << n, dtype=dtype)
        seq, value = _kernels.dp_subsets_kernel(p.astype(dtype), d.astype(dtype), w.astype(dtype), f, tot)
        return seq, int(value)
    return _dp_subsets_numpy(p, d, w)


def _dp_subsets_numpy(p: np.ndarray, d: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, int]:
    """Layered numpy version of :func:`dp_subsets` (used without numba, and to cross-check the kernel)."""
    n = p.size
    if n == 0:
        return np.zeros(0, dtype=np.int64), 0
    size = 1 << n
    tot = np.zeros(size, dtype=np.int64)
    card = np.zeros(size, dtype=np.int8)
    for j in range(n):
        b = 1 << j
        tot[b : 2 * b] = tot[:b] + p[j]
        card[b : 2 * b] = card[:b] + 1
    order = np.argsort(card, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(np.bincount(card, minlength=n + 1))))
    worst = int(w.sum()) * max(1, int(p.sum()) - min(0, int(d.min())))
    dtype = np.int32 if worst < 2**29 else np.int64
    big = np.iinfo(dtype).max // 4
    f = np.full(size, big, dtype=dtype)
    f[0] = 0
    dd = d.astype(dtype)
    wd = w.astype(dtype)
    for layer in range(1, n + 1):
        states = order[bounds[layer] : bounds[layer + 1]].astype(np.int32)
        ptot = tot[states].astype(dtype)
        best = np.full(states.size, big, dtype=dtype)
        # states without job j read a not-yet-computed superset (value >= big), so no mask is needed
        for j in range(n):
            cand = f[states ^ (1 << j)]
            cand += wd[j] * np.maximum(ptot - dd[j], 0)
            np.minimum(best, cand, out=best)
        f[states] = best
    seq = np.empty(n, dtype=np.int64)
    s = size - 1
    for pos in range(n - 1, -1, -1):
        for j in range(n):
            if (s >> j) & 1 and f[s ^ (1 << j)] + w[j] * max(int(tot[s]) - int(d[j]), 0) == f[s]:
                seq[pos] = j
                s ^= 1 << j
                break
    return seq, int(f[size - 1])


def lower_bound(p, d, w=None) -> int:
    """Cheap valid lower bound on the optimal total weighted tardiness.

    The maximum of three relaxations:

    1. every job ends no earlier than its own processing time: ``sum_j w_j max(0, p_j - d_j)``;
    2. ``T_j >= C_j - d_j`` summed with weights, minimised by WSPT (Smith's rule):
       ``min sum w_j C_j - sum w_j d_j``;
    3. ``min_j w_j`` times the unweighted bound ``sum_k max(0, C^SPT_[k] - d_(k))``, where the k-th smallest
       completion time in any sequence is at least the k-th SPT completion and due dates are matched in
       EDD order (pairing sorted completions with sorted due dates minimises the sum of ``max(0, C - d)``).
    """
    p, d, w = as_instance(p, d, w)
    if p.size == 0:
        return 0
    lb1 = int((w * np.maximum(p - d, 0)).sum())
    order = np.argsort(p / np.maximum(w, 1e-12), kind="stable")
    order = np.concatenate((order[w[order] > 0], order[w[order] <= 0]))
    c = np.cumsum(p[order])
    lb2 = int((w[order] * c).sum() - (w * d).sum())
    lb3 = int(w.min()) * int(np.maximum(np.cumsum(np.sort(p)) - np.sort(d), 0).sum())
    return max(0, lb1, lb2, lb3)


def emmons_precedences(p, d, w=None, deadline: float = math.inf) -> np.ndarray:
    """Precedence pairs respected by at least one optimal sequence: ``prec[i, j]`` means ``i`` before ``j``.

    Rules, applied one pair at a time until nothing changes, with transitive closure after each addition
    (``B_j``/``A_j`` are the jobs known to precede/follow ``j``, ``P`` the total processing time):

    * Emmons' first theorem: ``p_i <= p_j`` and ``d_i <= max(d_j, p(B_j) + p_j)`` (and ``w_i >= w_j`` in the
      weighted case, Rinnooy Kan, Lageweg & Lenstra 1975) gives ``i -> j``;
    * never-tardy rule (in the spirit of Emmons' third theorem): if ``d_j >= P - p(A_j)``, job ``j`` cannot be
      tardy in any sequence that respects the known pairs; moving it after ``i`` then costs nothing, so
      ``i -> j`` for every ``i`` whose known successors include those of ``j``. Valid with weights.

    Equal jobs are ordered by index. The pairs are meant as constraints for exact methods (CP-SAT here).
    Roughly cubic in n: raises `OutOfTime` at ``deadline`` (a ``time.perf_counter()`` value).
    """
    p, d, w = as_instance(p, d, w)
    n = p.size
    total = int(p.sum())
    prec = np.zeros((n, n), dtype=bool)
    key = sorted(range(n), key=lambda j: (int(p[j]), -int(w[j]), int(d[j]), j))

    def add(i: int, j: int) -> None:
        before = prec[:, i].copy()
        before[i] = True
        after = prec[j, :].copy()
        after[j] = True
        prec[np.ix_(before, after)] = True

    changed = True
    while changed:
        changed = False
        # never-tardy jobs go after every job whose successors include theirs
        for j in range(n):
            check(deadline)
            if d[j] >= total - int(p[prec[j]].sum()):
                succ = prec[j]
                for i in range(n):
                    if i != j and not prec[i, j] and not prec[j, i] and not (succ & ~prec[i]).any():
                        if d[i] >= total - int(p[prec[i]].sum()) and i > j:
                            continue  # two never-tardy jobs: keep index order
                        add(i, j)
                        changed = True
        # Emmons 1, candidates i in (p, -w, d, index) order
        for a in range(n):
            check(deadline)
            i = key[a]
            for b in range(a + 1, n):
                j = key[b]
                if prec[i, j] or prec[j, i] or w[i] < w[j]:
                    continue
                if d[i] <= max(int(d[j]), int(p[prec[:, j]].sum()) + int(p[j])):
                    add(i, j)
                    changed = True
    return prec


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
        pos = np.array([max(range(n), key=lambda k, j=j: pyo.value(m.x[j, k])) for j in range(n)])
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

    from ordino.solvers.cpsat_run import cpsat_solver, run_cpsat

    from .local_search import best_rule_start

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
