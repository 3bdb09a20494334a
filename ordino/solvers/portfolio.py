"""The `portfolio` method for shops and projects: a short CP-SAT probe that proves easy problems optimal at
once, the class's heuristic (tabu, IG or SGS for the makespan; objective-aware dispatching for any other shop
objective) that stops at the probe's lower bound, then CP-SAT warm-started with the best schedule for the rest.
A schedule proven optimal ends the run. Projects skip the probe and the hint (`UNAIDED`): the genetic algorithm's
schedule stands beside one whole CP-SAT run."""

from __future__ import annotations

import math
import time

from ordino.heuristics.budget import OutOfTime, deadline
from ordino.heuristics.methods_shop import (
    dispatch_schedule,
    ig_schedule,
    no_schedule,
    polish_schedule,
    polishable,
    sgs_schedule,
    tabu_schedule,
)
from ordino.heuristics.shop.data import SHOP_CLASSES, flow_reason, makespan_reason, shop_reason
from ordino.models import Problem, Result, Schedule, SolveOptions
from ordino.models.classify import classify
from ordino.models.method import Method
from ordino.verify import verify_schedule

HEURISTIC_SHARE = {"job_shop": 0.3, "flexible_job_shop": 0.6, "flow_shop": 0.7, "rcpsp": 0.2}
"""Fraction of the time limit the portfolio gives its heuristic before CP-SAT takes over (small instances)."""


SEARCH_SHARE = 0.8
"""The heuristic's share for a job shop whose objective adds up over jobs (weighted tardiness, completion): the
critical-path search beats hinted CP-SAT there at every size (Taillard-based weighted tardiness, 30 s, 2 workers:
ta11 7315 searching 25 s against 7813 with 30 % of the time to CP-SAT; ta21 6776 against 7093)."""


def heuristic_share(kind: str, n_tasks: int, searched: bool = False) -> float:
    """The heuristic's share of the budget: CP-SAT is strong on small shops, tabu search on large ones, and the
    critical-path search on objectives that add up over jobs (`searched`)."""
    base = HEURISTIC_SHARE.get(kind, 0.3)
    if searched:
        base = max(base, SEARCH_SHARE)
    if kind in ("job_shop", "flexible_job_shop"):
        if n_tasks > 450:
            return max(base, 0.85)
        if n_tasks > 250:
            return max(base, 0.7)
    return base


PROBE_SHARE, PROBE_SECONDS = 0.05, 2.0
"""CP-SAT's first look at the problem takes this share of the time limit, at most this many seconds: enough to
prove an easy problem optimal, which ends the run, and otherwise a lower bound the heuristic stops at."""

UNAIDED = ("rcpsp",)
"""Classes where CP-SAT runs once, without a probe and without the heuristic's schedule as a hint (which is kept
beside CP-SAT's as a result): CP-SAT proves projects optimal over its whole run, a probe that stops and restarts
it loses what it learnt, and a hint steers its search away from the proof (six PSPLIB j60 instances that are
proven near 10 s, 2 workers, after 1 s of the genetic algorithm: 8 proofs in 24 plain runs, 3 in 12 hinted; j6037_2
proven by the plain run with two seeds of three, never after a probe or with the hint)."""

UNAIDED_SECONDS_PER_TASK = 0.05
"""Longest the heuristic runs per task before an unaided CP-SAT run: a project of a few activities is proven
by CP-SAT in milliseconds and never waits seconds for the genetic algorithm (j30: 1.6 s of a 10 s run)."""

POLISH_SHARE = 0.2
"""For objectives that add up over jobs, the share of CP-SAT's time given back to the critical-path search, which
starts from CP-SAT's best schedule: solutions go both ways."""

CPSAT_SECONDS_PER_TASK = 3e-4
"""About how long CP-SAT's model takes to build and load per task (0.1 to 0.3 ms measured on 10,000-task shops
and projects): the portfolio runs CP-SAT only where that fits in the time left."""


def _heuristic(problem: Problem, kind: str, until: float, end: float, seed: int, bound: int,
               warm: Schedule | None, threads: int) -> tuple[Schedule, int, int, list[str]]:
    """The class's heuristic until `until` or the lower `bound`, tabu and SGS starting from the `warm` schedule
    too; SGS may take until `end` for its first schedule (the others always have one). A shop whose objective
    is not the makespan is dispatched for its objective (`dispatch_schedule`, its search on `threads`)."""
    if kind == "rcpsp":
        return sgs_schedule(problem, until, seed, bound, first_by=end, warm=warm)
    if makespan_reason(problem) is not None:
        return dispatch_schedule(problem, until, seed, lambda s: float(verify_schedule(problem, s).objective or 0),
                                 threads)
    if kind == "flow_shop" and flow_reason(problem) is None:
        return ig_schedule(problem, until, seed, bound)
    return tabu_schedule(problem, until, seed, bound, warm=warm)


def _best(runs: list[Result], log: list[str], began: float) -> Result:
    """The best schedule among the portfolio's runs, with the best bound any of them proved."""
    bounds = [r.bound for r in runs if r.bound is not None]
    found = [(r.objective, r) for r in runs if r.schedule is not None and r.objective is not None]
    if not found:
        return no_schedule("portfolio", began, log)
    value, best = min(found, key=lambda pair: pair[0])
    bound = max(bounds, default=None)
    proven = best.status == "optimal" or (bound is not None and value <= bound)
    return best.model_copy(update={"method": "portfolio", "status": "optimal" if proven else "feasible",
                                   "bound": bound, "log": log, "runtime": time.perf_counter() - began})


def run_portfolio(problem: Problem, options: SolveOptions) -> Result:
    """A short CP-SAT probe, then the class's heuristic (tabu, IG or SGS) for its share of the time limit
    (all of it when CP-SAT's model would not fit in the rest) or until it meets the probe's bound, then CP-SAT
    hinted with the best schedule for the rest (unprobed and unhinted for `UNAIDED` classes). A schedule proven
    optimal ends the run; the result is the best
    schedule with the best bound."""
    from ordino.solvers.cpsat import solve_cpsat  # OR-Tools loads on first use

    began = time.perf_counter()
    end = deadline(began, problem, options)
    makespan_only = makespan_reason(problem) is None
    build = CPSAT_SECONDS_PER_TASK * len(problem.tasks)
    probe = min(PROBE_SHARE * (end - began), PROBE_SECONDS)
    kind = classify(problem)
    runs: list[Result] = []
    log: list[str] = []
    warm = options.warm_start if isinstance(options.warm_start, Schedule) else None
    if warm is not None:  # a given schedule (e.g. an evolved rule's) stands beside the others when it is feasible
        checked = verify_schedule(problem, warm)
        if checked.violations:
            first = checked.violations[0].message
            log.append(f"warm start ignored: {len(checked.violations)} violation(s), e.g. {first}")
            warm, options = None, options.model_copy(update={"warm_start": None})
        else:
            log.append(f"warm start: {checked.objective:g}")
    probed = None
    if build < probe / 2 and kind not in UNAIDED:
        probed = solve_cpsat(problem, options.model_copy(update={"time_limit": probe}))
        runs.append(probed)
        log += probed.log
        if probed.status == "optimal":
            return _best(runs, log, began)
    bound = probed.bound if probed is not None and makespan_only and probed.bound is not None else 0.0
    if warm is not None:
        value = warm.makespan if makespan_only else checked.objective  # the scale of the heuristic's run
        runs.append(Result(status="feasible", objective=value, schedule=warm, method="portfolio"))
    now = time.perf_counter()
    share = heuristic_share(kind, len(problem.tasks), not makespan_only and polishable(problem))
    given = share * (end - now)
    if kind in UNAIDED:
        given = min(given, UNAIDED_SECONDS_PER_TASK * len(problem.tasks))
    until = end if build > (1 - share) * (end - now) else now + given  # no CP-SAT: all of it
    try:
        schedule, cmax, lb, found = _heuristic(problem, kind, until, end, options.seed, math.ceil(bound - 1e-6),
                                               warm, options.threads)
    except OutOfTime:
        log.append("the heuristic found no complete schedule")
    else:
        value = cmax if makespan_only else verify_schedule(problem, schedule).objective
        runs.append(Result(status="feasible", objective=value, bound=float(lb) if makespan_only else None,
                           schedule=schedule, method="portfolio"))
        log += found
    best = _best(runs, log, began)
    remaining = end - time.perf_counter()
    if best.status == "optimal":
        return best
    if remaining <= build or (best.schedule is not None and remaining < 0.05):  # no schedule yet: any time helps
        return _best(runs, [*log, f"cp-sat: not run, {max(remaining, 0):.2f} s left and its model takes about "
                                  f"{build:.2f} s to build"], began)
    polish = POLISH_SHARE * remaining if best.schedule is not None and polishable(problem) else 0.0
    hint = None if kind in UNAIDED else best.schedule
    runs.append(solve_cpsat(problem, options.model_copy(update={"warm_start": hint,
                                                                 "time_limit": remaining - polish})))
    log += runs[-1].log
    best = _best(runs, log, began)
    if polish and best.status != "optimal" and best.schedule is not None:  # CP-SAT's schedule back to the search
        polished = polish_schedule(problem, best.schedule, end, options.seed + 1, options.threads)
        if polished is not None:
            schedule, _, found = polished
            runs.append(Result(status="feasible", objective=verify_schedule(problem, schedule).objective,
                               schedule=schedule, method="portfolio"))
            log += found
    return _best(runs, log, began)


def portfolio_supports(problem: Problem) -> str | None:
    kind = classify(problem)
    if kind in SHOP_CLASSES:
        return shop_reason(problem)
    if kind == "rcpsp":
        return None
    return f"the problem is {kind!r}; the portfolio handles {', '.join(SHOP_CLASSES)} and rcpsp"



PORTFOLIO = Method("portfolio", run_portfolio, "a short CP-SAT probe, then tabu, IG or SGS by problem class, then "
                   "CP-SAT hinted with the best schedule for the rest of the time limit", portfolio_supports)
