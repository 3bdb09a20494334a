"""Registered methods for shops and projects: `gt`, `tabu`, `neh`, `ig`, `sgs` and the `portfolio`
(a fast heuristic, then CP-SAT warm-started with its schedule for the rest of the budget)."""

from __future__ import annotations

import time

import numpy as np

from ordino.heuristics.project.data import project_from_problem, project_reason, project_schedule
from ordino.heuristics.project.sgs import critical_path_times, sgs_search
from ordino.heuristics.shop.data import (
    SHOP_CLASSES,
    ShopData,
    flow_from_problem,
    flow_reason,
    flow_schedule,
    makespan_reason,
    shop_from_problem,
    shop_reason,
    shop_schedule,
)
from ordino.heuristics.shop.flowshop import iterated_greedy, neh
from ordino.heuristics.shop.gt import best_rule
from ordino.heuristics.shop.tabu import tabu_search
from ordino.models import Problem, Result, Schedule, SolveOptions
from ordino.models.classify import classify
from ordino.models.method import Method


def shop_lower_bound(data: ShopData) -> int:
    """Largest of the job lengths and machine loads (shortest option for flexible operations; a job's
    length counts its release)."""
    shortest = [min(d for _, d, _ in opts) for opts in data.options]
    jobs = max((data.release[ops[0]] + sum(shortest[o] for o in ops) for ops in data.job_ops if ops), default=0)
    if data.flexible:
        return int(jobs)
    load = [0] * data.n_machines
    for opts in data.options:
        load[opts[0][0]] += opts[0][1]
    return int(max(jobs, max(load, default=0)))


def _result(name: str, schedule: Schedule, objective: int, bound: float | None, began: float,
            log: list[str]) -> Result:
    return Result(status="feasible", objective=objective, bound=bound, schedule=schedule, method=name,
                  runtime=time.perf_counter() - began, log=log)


def _reason(*checks: str | None) -> str | None:
    return next((c for c in checks if c is not None), None)


# --- job shop and flexible job shop ---------------------------------------------------------------------

def run_gt(problem: Problem, options: SolveOptions) -> Result:
    """Giffler-Thompson with every built-in rule (active and non-delay); the shortest schedule wins."""
    began = time.perf_counter()
    data = shop_from_problem(problem)
    starts, choice, cmax, label = best_rule(data)
    return _result("gt", shop_schedule(data, starts, choice), cmax, None, began, [f"gt: best rule {label}"])


def _tabu_schedule(problem: Problem, budget: float, seed: int) -> tuple[Schedule, int, int, list[str]]:
    began = time.perf_counter()
    data = shop_from_problem(problem)
    lb = shop_lower_bound(data)
    starts, choice, cmax, label = best_rule(data)
    log = [f"gt: {cmax} with {label}"]
    budget -= time.perf_counter() - began
    if cmax > lb and budget > 0:
        res = tabu_search(data, choice, starts, time_limit=budget, seed=seed, target=lb)
        log.append(f"tabu: {res.makespan} after {res.iterations} iterations")
        if res.makespan < cmax:
            starts, cmax, choice = res.starts, res.makespan, res.choice or choice
    return shop_schedule(data, starts, choice), cmax, lb, log


def run_tabu(problem: Problem, options: SolveOptions) -> Result:
    """Best Giffler-Thompson schedule, improved by tabu search (N7 moves, and machine reassignments of
    critical operations in a flexible job shop) for the whole time limit."""
    began = time.perf_counter()
    schedule, cmax, lb, log = _tabu_schedule(problem, options.time_limit * 0.95, options.seed)
    return _result("tabu", schedule, cmax, float(lb), began, log)


# --- permutation flow shop ------------------------------------------------------------------------------

def run_neh(problem: Problem, options: SolveOptions) -> Result:
    """NEH insertion heuristic with Taillard's acceleration."""
    began = time.perf_counter()
    data = flow_from_problem(problem)
    perm, cmax = neh(data.p, data.release)
    return _result("neh", flow_schedule(data, perm), cmax, None, began, [f"neh: {cmax}"])


def _flow_lower_bound(p: np.ndarray, release: np.ndarray) -> int:
    loads = p.sum(axis=0)
    before = np.array([int((release + p[:, :k].sum(axis=1)).min()) for k in range(p.shape[1])])
    after = np.array([int(p[:, k + 1:].sum(axis=1).min()) for k in range(p.shape[1])])
    return int(max((before + loads + after).max(), (release + p.sum(axis=1)).max()))


def _ig_schedule(problem: Problem, budget: float, seed: int) -> tuple[Schedule, int, int, list[str]]:
    data = flow_from_problem(problem)
    lb = _flow_lower_bound(data.p, data.release)
    perm, cmax, it = iterated_greedy(data.p, time_limit=max(budget, 0.0), seed=seed, release=data.release,
                                     target=lb)
    return flow_schedule(data, perm), cmax, lb, [f"ig: {cmax} after {it} iterations"]


def run_ig(problem: Problem, options: SolveOptions) -> Result:
    """Iterated greedy (Ruiz-Stützle) from NEH for the whole time limit."""
    began = time.perf_counter()
    schedule, cmax, lb, log = _ig_schedule(problem, options.time_limit * 0.95, options.seed)
    return _result("ig", schedule, cmax, float(lb), began, log)


# --- RCPSP ----------------------------------------------------------------------------------------------

def _sgs_schedule(problem: Problem, budget: float, seed: int) -> tuple[Schedule, int, int, list[str]]:
    data = project_from_problem(problem)
    lb = critical_path_times(data)[2]
    start, cmax, label = sgs_search(data, time_limit=max(budget, 0.0), seed=seed, lower_bound=lb)
    return project_schedule(data, start), cmax, lb, [f"sgs: {cmax} from {label}"]


def run_sgs(problem: Problem, options: SolveOptions) -> Result:
    """Serial and parallel SGS with priority rules and biased sampling, each justified forward-backward."""
    began = time.perf_counter()
    schedule, cmax, lb, log = _sgs_schedule(problem, options.time_limit * 0.95, options.seed)
    return _result("sgs", schedule, cmax, float(lb), began, log)


# --- portfolio ------------------------------------------------------------------------------------------

HEURISTIC_SHARE = {"job_shop": 0.3, "flexible_job_shop": 0.6, "flow_shop": 0.7, "rcpsp": 0.2}
"""Fraction of the time limit the portfolio gives its heuristic before CP-SAT takes over (small instances)."""


def heuristic_share(kind: str, n_tasks: int) -> float:
    """The heuristic's share of the budget: CP-SAT is strong on small shops, tabu search on large ones."""
    base = HEURISTIC_SHARE.get(kind, 0.3)
    if kind in ("job_shop", "flexible_job_shop"):
        if n_tasks > 450:
            return max(base, 0.85)
        if n_tasks > 250:
            return max(base, 0.7)
    return base


def _heuristic(problem: Problem, kind: str, budget: float, seed: int) -> tuple[Schedule, int, int, list[str]]:
    if kind == "rcpsp":
        return _sgs_schedule(problem, budget, seed)
    if kind == "flow_shop" and flow_reason(problem) is None:
        return _ig_schedule(problem, budget, seed)
    return _tabu_schedule(problem, budget, seed)


def run_portfolio(problem: Problem, options: SolveOptions) -> Result:
    """Heuristic first (tabu, IG or SGS by class), then CP-SAT hinted with its schedule for the rest of the
    budget; returns the better schedule with CP-SAT's bound."""
    from ordino.solvers.cpsat import solve_cpsat
    from ordino.verify import verify

    began = time.perf_counter()
    kind = classify(problem)
    share = heuristic_share(kind, len(problem.tasks))
    schedule, cmax, lb, log = _heuristic(problem, kind, options.time_limit * share, options.seed)
    value = verify(problem, schedule).objective
    objective = cmax if value is None else value
    remaining = options.time_limit - (time.perf_counter() - began)
    makespan_only = makespan_reason(problem) is None
    if makespan_only and objective <= lb:
        return Result(status="optimal", objective=objective, bound=float(lb), schedule=schedule,
                      method="portfolio", runtime=time.perf_counter() - began,
                      log=[*log, "heuristic met the lower bound"])
    if remaining < 0.05:
        return _result("portfolio", schedule, objective, float(lb) if makespan_only else None, began, log)
    exact = solve_cpsat(problem, options.model_copy(update={"warm_start": schedule, "time_limit": remaining}))
    log = [*log, *exact.log]
    bound = exact.bound if exact.bound is not None else (float(lb) if makespan_only else None)
    if makespan_only and exact.bound is not None:
        bound = max(exact.bound, float(lb))
    if exact.schedule is not None and exact.objective is not None and exact.objective <= objective:
        return exact.model_copy(update={"method": "portfolio", "bound": bound, "log": log,
                                        "runtime": time.perf_counter() - began})
    return _result("portfolio", schedule, objective, bound, began, log)


def _shop_supports(problem: Problem) -> str | None:
    return shop_reason(problem)


def _tabu_supports(problem: Problem) -> str | None:
    return _reason(shop_reason(problem), makespan_reason(problem))


def _flow_supports(problem: Problem) -> str | None:
    return _reason(flow_reason(problem), makespan_reason(problem))


def _project_supports(problem: Problem) -> str | None:
    return project_reason(problem)


def _portfolio_supports(problem: Problem) -> str | None:
    kind = classify(problem)
    if kind in SHOP_CLASSES:
        return shop_reason(problem)
    if kind == "rcpsp":
        return None
    return f"the problem is {kind!r}; the portfolio handles {', '.join(SHOP_CLASSES)} and rcpsp"


SHOP_METHODS: list[Method] = [
    Method("gt", run_gt, "Giffler-Thompson active/non-delay generation, best of the priority rules (shops)",
           _shop_supports),
    Method("tabu", run_tabu, "tabu search on the disjunctive graph: N7 critical-block moves, and machine "
           "reassignment of critical operations for flexible job shops", _tabu_supports),
    Method("neh", run_neh, "NEH insertion with Taillard's acceleration (permutation flow shop)", _flow_supports),
    Method("ig", run_ig, "iterated greedy of Ruiz and Stützle (permutation flow shop)", _flow_supports),
    Method("sgs", run_sgs, "serial/parallel schedule generation with priority rules, sampling and "
           "forward-backward improvement (RCPSP)", _project_supports),
    Method("portfolio", run_portfolio, "tabu, IG or SGS by problem class, then CP-SAT hinted with the "
           "heuristic's schedule for the rest of the time limit", _portfolio_supports),
]
