"""Registered heuristics for shops and projects: `gt`, `tabu`, `neh`, `ig` and `sgs`; each also gives the
solver portfolio (`ordino.solvers.portfolio`) its schedules. Every method stops at `budget.deadline`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from ordino.errors import ModelError
from ordino.heuristics.budget import OutOfTime, deadline
from ordino.heuristics.project.data import project_from_problem, project_reason, project_schedule
from ordino.heuristics.project.genetic import energy_bound
from ordino.heuristics.project.sgs import critical_path_times, sgs_search
from ordino.heuristics.shop.data import (
    ShopData,
    flow_from_problem,
    flow_reason,
    flow_schedule,
    makespan_reason,
    shop_from_problem,
    shop_reason,
    shop_schedule,
    shop_starts,
)
from ordino.heuristics.shop.dispatch import dispatch, job_scorer, separable, separable_costs
from ordino.heuristics.shop.flowshop import iterated_greedy, neh
from ordino.heuristics.shop.gt import best_rule
from ordino.heuristics.shop.sequences import critical_search, improve
from ordino.heuristics.shop.tabu import tabu_search
from ordino.models import Problem, Result, Schedule, SolveOptions
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


def _warm(options: SolveOptions) -> Schedule | None:
    """The options' warm start when it is a schedule."""
    return options.warm_start if isinstance(options.warm_start, Schedule) else None


def _reason(*checks: str | None) -> str | None:
    return next((c for c in checks if c is not None), None)


# --- job shop and flexible job shop ---------------------------------------------------------------------

def run_gt(problem: Problem, options: SolveOptions) -> Result:
    """Giffler-Thompson with every built-in rule (active and non-delay) within the time limit; the shortest
    schedule wins."""
    began = time.perf_counter()
    data = shop_from_problem(problem)
    starts, choice, cmax, label = best_rule(data, deadline=deadline(began, problem, options))
    return _result("gt", shop_schedule(data, starts, choice), cmax, None, began, [f"gt: best rule {label}"])


TABU_SETUP_SECONDS_PER_OP = 2e-4
"""Time tabu search needs per operation before its first move (its graph, one evaluation, the best kept): with
less left (10,000-job shops in 2 s), the Giffler-Thompson schedule is returned as it is, on time."""


def tabu_schedule(problem: Problem, end: float, seed: int, bound: int = 0,
                  warm: Schedule | None = None) -> tuple[Schedule, int, int, list[str]]:
    """Giffler-Thompson (at most half the time to `end`), then tabu search until `end` or the lower bound
    (the shop's, or `bound` when higher), from the `warm` schedule instead when it is shorter."""
    began = time.perf_counter()
    data = shop_from_problem(problem)
    lb = max(shop_lower_bound(data), bound)
    starts, choice, cmax, label = best_rule(data, deadline=began + (end - began) / 2)
    log = [f"gt: {cmax} with {label}"]
    if warm is not None and warm.makespan < cmax:
        starts, choice = shop_starts(data, warm)
        cmax = warm.makespan
        log.append(f"warm start: {cmax}")
    left = end - time.perf_counter()
    if cmax > lb and left > TABU_SETUP_SECONDS_PER_OP * data.n_ops:  # time for its graph and one pass, at least
        res = tabu_search(data, choice, starts, time_limit=left, seed=seed, target=lb)
        log.append(f"tabu: {res.makespan} after {res.iterations} iterations")
        if res.makespan < cmax:
            starts, cmax, choice = res.starts, res.makespan, res.choice or choice
    return shop_schedule(data, starts, choice), cmax, lb, log


def dispatch_schedule(problem: Problem, end: float, seed: int, value_of: Callable[[Schedule], float] | None = None,
                      threads: int = 1) -> tuple[Schedule, int, int, list[str]]:
    """The best dispatching schedule for the problem's own objective until `end` (`shop.dispatch`), scored from
    job completions, or by `value_of` (e.g. the verifier) when a term needs more, then improved by the
    critical-path search (`threads` runs side by side) when the objective adds up over jobs; returns it, its
    value, the bound 0 and a log line."""
    data = shop_from_problem(problem)
    score = job_scorer(problem, data)
    if score is None:
        if value_of is None:
            raise ModelError("dispatching scores job completions; give `value_of` for this objective")
        judge = value_of

        def score(starts: list[int], choice: list[int]) -> float:
            return judge(shop_schedule(data, starts, choice))
    began = time.perf_counter()
    costs = separable_costs(problem, data)
    share = 1 / 6 if costs is not None else 1 / 3  # the critical-path search makes better use of the time
    starts, choice, value, label, built = dispatch(problem, data, score, began + (end - began) * share, seed)
    log = [f"dispatch: {value:g} with {label} (best of {built} schedules)"]
    found = critical_search(data, starts, choice, costs, end, seed, threads) if costs is not None else None
    if found is not None:
        starts, _, iterations = found
        improved = score(starts, choice)
        log.append(f"critical-path tabu search: {improved:g} after {iterations} iterations")
    else:
        starts, improved, kept = improve(data, starts, choice, score, end, seed)
        if improved < value:
            log.append(f"sequence search: {improved:g} after {kept} improving swaps")
    return shop_schedule(data, starts, choice), int(round(improved)), 0, log


def polishable(problem: Problem) -> bool:
    """Whether `polish_schedule` can improve a schedule of this shop now: its objective adds up over jobs and the
    compiled search is ready (compiling it would take the time)."""
    from ordino.heuristics.shop import tardiness_numba

    if makespan_reason(problem) is None or _shop_supports(problem) is not None:
        return False
    return separable(problem) and tardiness_numba.cache_ready()


def polish_schedule(problem: Problem, schedule: Schedule, end: float, seed: int,
                    threads: int = 1) -> tuple[Schedule, int, list[str]] | None:
    """The critical-path tabu search (`critical_search`, `threads` runs side by side) from a given schedule, e.g.
    CP-SAT's, until `end`; None when the objective does not add up over jobs or the compiled search is not at
    hand."""
    data = shop_from_problem(problem)
    costs = separable_costs(problem, data)
    if costs is None:
        return None
    starts, choice = shop_starts(data, schedule)
    found = critical_search(data, starts, choice, costs, end, seed, threads)
    if found is None:
        return None
    better, value, iterations = found
    return shop_schedule(data, better, choice), int(round(value)), [
        f"critical-path tabu search from the best schedule: {value:g} after {iterations} iterations"]


def run_tabu(problem: Problem, options: SolveOptions) -> Result:
    """Best Giffler-Thompson schedule, improved by tabu search (N7 moves, and machine reassignments of
    critical operations in a flexible job shop) for the whole time limit."""
    began = time.perf_counter()
    schedule, cmax, lb, log = tabu_schedule(problem, deadline(began, problem, options), options.seed,
                                            warm=_warm(options))
    return _result("tabu", schedule, cmax, float(lb), began, log)


# --- permutation flow shop ------------------------------------------------------------------------------

def run_neh(problem: Problem, options: SolveOptions) -> Result:
    """NEH insertion heuristic with Taillard's acceleration (jobs not inserted by the time limit go last)."""
    began = time.perf_counter()
    end = deadline(began, problem, options)
    data = flow_from_problem(problem)
    perm, cmax = neh(data.p, data.release, deadline=end)
    cut = ["neh: time limit reached; the jobs not yet inserted follow at the end"] \
        if time.perf_counter() >= end else []
    return _result("neh", flow_schedule(data, perm), cmax, None, began, [f"neh: {cmax}", *cut])


def _flow_lower_bound(p: np.ndarray, release: np.ndarray) -> int:
    loads = p.sum(axis=0)
    before = np.array([int((release + p[:, :k].sum(axis=1)).min()) for k in range(p.shape[1])])
    after = np.array([int(p[:, k + 1:].sum(axis=1).min()) for k in range(p.shape[1])])
    return int(max((before + loads + after).max(), (release + p.sum(axis=1)).max()))


def ig_schedule(problem: Problem, end: float, seed: int, bound: int = 0) -> tuple[Schedule, int, int, list[str]]:
    data = flow_from_problem(problem)
    lb = max(_flow_lower_bound(data.p, data.release), bound)
    perm, cmax, it = iterated_greedy(data.p, time_limit=max(end - time.perf_counter(), 0.0), seed=seed,
                                     release=data.release, target=lb)
    return flow_schedule(data, perm), cmax, lb, [f"ig: {cmax} after {it} iterations"]


def run_ig(problem: Problem, options: SolveOptions) -> Result:
    """Iterated greedy (Ruiz-Stützle) from NEH for the whole time limit."""
    began = time.perf_counter()
    schedule, cmax, lb, log = ig_schedule(problem, deadline(began, problem, options), options.seed)
    return _result("ig", schedule, cmax, float(lb), began, log)


# --- RCPSP ----------------------------------------------------------------------------------------------

def sgs_schedule(problem: Problem, end: float, seed: int, bound: int = 0, first_by: float | None = None,
                 warm: Schedule | None = None) -> tuple[Schedule, int, int, list[str]]:
    """The best SGS schedule by `end` or the lower bound (the critical path, each resource's work over its
    capacity, or `bound` when higher), the `warm` schedule among the genetic algorithm's seeds; the first one
    may take until `first_by` (raises `OutOfTime` when none is complete)."""
    data = project_from_problem(problem)
    lb = max(critical_path_times(data)[2], energy_bound(data), bound)
    now = time.perf_counter()
    given = None if warm is None else np.array([warm.by_task()[t].start for t in data.task_ids], dtype=np.int64)
    start, cmax, label = sgs_search(data, time_limit=end - now, seed=seed, lower_bound=lb,
                                    first_within=None if first_by is None else first_by - now, start=given)
    return project_schedule(data, start), cmax, lb, [f"sgs: {cmax} from {label}"]


def no_schedule(name: str, began: float, log: list[str] | None = None) -> Result:
    return Result(status="unknown", method=name, runtime=time.perf_counter() - began,
                  log=[*(log or []), f"{name}: no complete schedule within the time limit"])


def run_sgs(problem: Problem, options: SolveOptions) -> Result:
    """Serial and parallel SGS with priority rules, each justified forward-backward, then the genetic algorithm
    over activity lists seeded with them (biased sampling when its compiled kernels are not at hand)."""
    began = time.perf_counter()
    try:
        schedule, cmax, lb, log = sgs_schedule(problem, deadline(began, problem, options), options.seed,
                                               warm=_warm(options))
    except OutOfTime:
        return no_schedule("sgs", began)
    return _result("sgs", schedule, cmax, float(lb), began, log)


def _shop_supports(problem: Problem) -> str | None:
    return shop_reason(problem)


def _tabu_supports(problem: Problem) -> str | None:
    return _reason(shop_reason(problem), makespan_reason(problem))


def _flow_supports(problem: Problem) -> str | None:
    return _reason(flow_reason(problem), makespan_reason(problem))


def _project_supports(problem: Problem) -> str | None:
    return _reason(project_reason(problem), makespan_reason(problem))


SHOP_METHODS: list[Method] = [
    Method("gt", run_gt, "Giffler-Thompson active/non-delay generation, best of the priority rules (shops)",
           _shop_supports),
    Method("tabu", run_tabu, "tabu search on the disjunctive graph: N7 critical-block moves, and machine "
           "reassignment of critical operations for flexible job shops", _tabu_supports),
    Method("neh", run_neh, "NEH insertion with Taillard's acceleration (permutation flow shop)", _flow_supports),
    Method("ig", run_ig, "iterated greedy of Ruiz and Stützle (permutation flow shop)", _flow_supports),
    Method("sgs", run_sgs, "serial/parallel schedule generation with priority rules and forward-backward "
           "improvement, then a genetic algorithm over activity lists (RCPSP)", _project_supports),
]
