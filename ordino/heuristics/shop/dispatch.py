"""Dispatching for the problem's own objective: Giffler-Thompson schedules built with rules that know due dates
and weights (ATC, WEDD, WSPT, EDD) as well as the makespan rules, each scored by the objective the problem states,
then randomised ATC restarts until the deadline. The portfolio uses it for every objective but the makespan, so
that a weighted-tardiness shop is not solved as a makespan one."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np

from ordino.heuristics.budget import OutOfTime
from ordino.heuristics.shop.data import ShopData
from ordino.heuristics.shop.gt import FEATURES, generate
from ordino.models import Problem

Scorer = Callable[[list[int], list[int]], float]

_COL = {name: i for i, name in enumerate(FEATURES)}
JOB_TERMS = frozenset({"makespan", "total_completion_time", "total_weighted_completion_time", "total_flow_time",
                       "total_weighted_flow_time", "total_tardiness",
                       "total_weighted_tardiness", "maximum_lateness", "maximum_tardiness", "number_tardy",
                       "weighted_number_tardy", "total_earliness", "total_weighted_earliness", "total_cost"})
"""Objective terms a shop schedule's value follows from its job completion times and chosen modes."""


def job_scorer(problem: Problem, data: ShopData) -> Scorer | None:
    """The problem's objective of a shop schedule (starts and chosen options), from its job completion times;
    None when a term needs more than those (the caller then asks the verifier)."""
    if any(t.term not in JOB_TERMS for t in problem.objective):
        return None
    views = {v.id: v for v in problem.job_views}
    jobs = [views[problem.task(data.task_ids[ops[0]]).job or data.task_ids[ops[0]]] for ops in data.job_ops]
    due = np.array([np.nan if v.due is None else v.due for v in jobs], dtype=float)
    has_due = ~np.isnan(due)
    w = np.array([v.weight for v in jobs], dtype=float)
    ew = np.array([v.early_weight for v in jobs], dtype=float)
    r = np.array([v.release for v in jobs], dtype=float)
    last = np.array([ops[-1] if ops else -1 for ops in data.job_ops])
    costs = [[problem.tasks[problem.task_index[data.task_ids[o]]].modes[m].cost for _, _, m in opts]
             for o, opts in enumerate(data.options)]
    terms = [(t.term, t.weight) for t in problem.objective]

    def score(starts: list[int], choice: list[int]) -> float:
        ends = np.array([s + data.options[o][c][1] for o, (s, c) in enumerate(zip(starts, choice, strict=True))],
                        dtype=float)
        done = ends[last]  # a job's last operation ends it (operations run in route order)
        late = np.where(has_due, done - np.nan_to_num(due), 0.0)
        value = 0.0
        for term, weight in terms:
            value += weight * {
                "makespan": lambda: done.max(initial=0.0),
                "total_completion_time": lambda: done.sum(),
                "total_weighted_completion_time": lambda: (w * done).sum(),
                "total_flow_time": lambda: (done - r).sum(),
                "total_weighted_flow_time": lambda: (w * (done - r)).sum(),
                "total_tardiness": lambda: np.maximum(late, 0).sum(),
                "total_weighted_tardiness": lambda: (w * np.maximum(late, 0)).sum(),
                "maximum_lateness": lambda: late[has_due].max(initial=-math.inf),
                "maximum_tardiness": lambda: np.maximum(late, 0)[has_due].max(initial=0.0),
                "number_tardy": lambda: (late > 0).sum(),
                "weighted_number_tardy": lambda: (w * (late > 0)).sum(),
                "total_earliness": lambda: np.maximum(-late, 0)[has_due].sum(),
                "total_weighted_earliness": lambda: (ew * np.maximum(-late, 0))[has_due].sum(),
                "total_cost": lambda: float(sum(costs[o][c] for o, c in enumerate(choice))),
            }[term]()
        return float(value)

    return score


SEPARABLE_TERMS = frozenset({"total_completion_time", "total_weighted_completion_time", "total_flow_time",
                             "total_weighted_flow_time", "total_tardiness", "total_weighted_tardiness"})
"""Terms that add up over jobs as a * C_j + b * max(0, C_j - d_j) (up to a constant: the flow time's releases)."""


def separable(problem: Problem) -> bool:
    """Whether every term of the objective adds up over jobs as a * C_j + b * max(0, C_j - d_j)."""
    return bool(problem.objective) and all(t.term in SEPARABLE_TERMS for t in problem.objective)


def separable_costs(problem: Problem, data: ShopData) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Per job (a, b, d) such that the objective is the sum of a_j * C_j + b_j * max(0, C_j - d_j); None when a
    term is not of that form (the makespan, lateness, earliness, counts, costs)."""
    if not separable(problem):
        return None
    views = {v.id: v for v in problem.job_views}
    jobs = [views[problem.task(data.task_ids[ops[0]]).job or data.task_ids[ops[0]]] for ops in data.job_ops]
    w = np.array([v.weight for v in jobs], dtype=float)
    due = np.array([np.inf if v.due is None else v.due for v in jobs], dtype=float)
    a, b = np.zeros(len(jobs)), np.zeros(len(jobs))
    for t in problem.objective:
        per_job = w if "weighted" in t.term else np.ones(len(jobs))
        if t.term.endswith(("completion_time", "flow_time")):
            a += t.weight * per_job
        else:
            b += t.weight * np.where(np.isinf(due), 0.0, per_job)
    return a, b, np.where(np.isinf(due), 0.0, due)


def atc(k: float, mean_duration: float, noise: float = 0.0,
        rng: np.random.Generator | None = None) -> Callable[[np.ndarray], np.ndarray]:
    """The apparent tardiness cost rule for shops (Vepsalainen and Morton): weight over duration, discounted by
    the job's slack (due date - now - work left) in units of k mean durations; highest first. `noise` multiplies
    each index by a random factor around 1 (for restarts)."""
    scale = max(k * mean_duration, 1e-9)

    def rule(f: np.ndarray) -> np.ndarray:
        slack = np.maximum(f[:, _COL["due"]] - f[:, _COL["est"]] - f[:, _COL["work_remaining"]], 0.0)
        index = f[:, _COL["weight"]] / np.maximum(f[:, _COL["duration"]], 1.0) * np.exp(-slack / scale)
        if noise and rng is not None:
            index = index * (1.0 + noise * rng.standard_normal(len(index)))
        return -index

    return rule


RULES_FOR_DUE_DATES: tuple[str, ...] = ("WEDD", "EDD", "WSPT", "MWKR", "SPT")
"""Named rules tried next to ATC when the objective is not the makespan."""

ATC_K = (0.5, 1.0, 2.0, 4.0)
"""Look-ahead parameters of the ATC rules tried first."""


def dispatch(problem: Problem, data: ShopData, score: Scorer, end: float, seed: int = 0,
             ) -> tuple[list[int], list[int], float, str, int]:
    """The best schedule for `score` among ATC (several k), the named rules (active and non-delay), then
    randomised ATC restarts until `end`. Returns starts, choice, value, the rule that made it, schedules built.
    Raises OutOfTime when not even one schedule is complete by `end`."""
    durations = [opts[0][1] for opts in data.options]
    mean = float(np.mean(durations)) if durations else 1.0
    rng = np.random.default_rng(seed)
    best: tuple[list[int], list[int], float, str] | None = None
    built = 0
    tries: list[tuple[str, object, bool]] = [(f"ATC(k={k})", atc(k, mean), nd) for k in ATC_K for nd in (True, False)]
    tries += [(name, name, nd) for name in RULES_FOR_DUE_DATES for nd in (True, False)]
    try:
        for label, rule, nondelay in tries:
            starts, choice = generate(data, rule, nondelay=nondelay, rng=rng, deadline=end)  # type: ignore[arg-type]
            built += 1
            value = score(starts, choice)
            if best is None or value < best[2]:
                best = (starts, choice, value, f"{label}/{'nondelay' if nondelay else 'active'}")
        while time.perf_counter() < end and best is not None and best[2] > 0:
            k = float(np.exp(rng.uniform(math.log(0.2), math.log(8.0))))
            nondelay = bool(rng.random() < 0.7)
            starts, choice = generate(data, atc(k, mean, 0.15, rng), nondelay=nondelay, rng=rng, deadline=end)
            built += 1
            value = score(starts, choice)
            if value < best[2]:
                best = (starts, choice, value, f"randomised ATC(k={k:.2f})/{'nondelay' if nondelay else 'active'}")
    except OutOfTime:
        if best is None:
            raise
    assert best is not None
    return (*best, built)
