"""Time limits are honoured and proofs end the run (issue 13, item 5).

The huge cases (100,000 single-machine tasks, a job shop on 10,000 machines, 10,000 jobs on 5 machines, ...)
are built outside the measured calls. Before each measured call the method runs once on a tiny problem of the
same class, so that numba's first compile or cache load is not measured.

`solve` verifies every schedule after the method returns; at these sizes the verifier alone takes seconds
that no method controls, so each huge case first times one call of its fastest method (the work around any
method: conversion, verification, the result) and allows the limit, one second and twice that overhead for the
whole call, and the limit plus one second for the method itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import pytest

from ordino import heuristics, solve, solvers, verify
from ordino.datasets.build import flexible_job_shop_problem, project_problem, single_machine_problem
from ordino.datasets.generators import smtt_instance, taillard_jssp, taillard_pfsp
from ordino.heuristics.budget import OutOfTime
from ordino.heuristics.project import project_from_problem
from ordino.heuristics.project.sgs import sgs_search
from ordino.heuristics.shop import best_rule, shop_from_problem, shop_schedule
from ordino.heuristics.shop.flowshop import makespan, neh
from ordino.heuristics.single_machine import RULES, edd
from ordino.models import Problem, Result
from tests.conftest import example

LIMIT = 2.0
SLACK = 1.0


def _random_project(n: int, seed: int = 0) -> Problem:
    """n activities on 4 resources of capacity 10, each with 1 to 3 successors among the next 60."""
    rng = np.random.default_rng(seed)
    modes = [[(int(rng.integers(1, 11)), [int(x) for x in rng.integers(0, 6, 4)])] for _ in range(n)]
    successors = [sorted({int(s) for s in rng.integers(i + 1, min(n, i + 60), rng.integers(1, 4))})
                  if i < n - 1 else [] for i in range(n)]
    return project_problem([10, 10, 10, 10], modes, successors)


def _random_fjsp(jobs: int, ops: int, machines: int, seed: int = 0) -> Problem:
    """Each operation may run on 3 of the machines, durations 1 to 99."""
    rng = np.random.default_rng(seed)
    return flexible_job_shop_problem(
        [[[(int(m), int(rng.integers(1, 100))) for m in rng.choice(machines, 3, replace=False)]
          for _ in range(ops)] for _ in range(jobs)], n_machines=machines)


HUGE: dict[str, tuple[Callable[[], Problem], Callable[[], Problem], tuple[str, ...]]] = {
    # name: (huge problem, tiny problem of the same class for the warm-up, methods to time)
    "single machine, 100,000 jobs": (
        lambda: smtt_instance(100_000, 0.6, 0.4, 1, weighted=True).problem,
        lambda: smtt_instance(30, 0.6, 0.4, 1, weighted=True).problem,
        (*RULES, "ils", "cpsat", "milp")),
    "job shop, 5 jobs on 10,000 machines": (
        lambda: taillard_jssp(5, 10_000, 1, 2).problem, lambda: taillard_jssp(4, 4, 1, 2).problem,
        ("gt", "tabu", "portfolio")),
    "job shop, 10,000 jobs on 5 machines": (
        lambda: taillard_jssp(10_000, 5, 1, 2).problem, lambda: taillard_jssp(4, 4, 1, 2).problem,
        ("gt", "tabu", "portfolio")),
    "flow shop, 10,000 jobs on 5 machines": (
        lambda: taillard_pfsp(10_000, 5, 1).problem, lambda: taillard_pfsp(6, 3, 1).problem,
        ("gt", "tabu", "neh", "ig", "portfolio")),
    "flexible job shop, 1,000 jobs x 10 operations": (
        lambda: _random_fjsp(1000, 10, 20), lambda: _random_fjsp(3, 3, 4), ("gt", "tabu", "portfolio")),
    "project, 10,000 activities": (lambda: _random_project(10_000), lambda: _random_project(8),
                                   ("sgs", "portfolio")),
}


def _timed(problem: Problem, method: str, limit: float = LIMIT) -> tuple[Result, float]:
    began = time.perf_counter()
    result = solve(problem, method=method, time_limit=limit)
    return result, time.perf_counter() - began


def _honest(result: Result) -> None:
    """A schedule that passed the verifier, or none at all with a log line saying why."""
    assert result.status in ("feasible", "optimal", "unknown"), (result.status, result.log)
    if result.status == "unknown":
        assert result.schedule is None and result.log
    else:
        assert result.schedule is not None and not result.violations


@pytest.mark.parametrize("case", list(HUGE))
def test_every_heuristic_of_each_class_is_timed(case: str) -> None:
    tiny = HUGE[case][1]()  # the same class as the huge case, as `supports` sees it
    built_in = [*solvers.METHODS, *heuristics.METHODS]  # not methods other tests register (plugins, evolved)
    supporting = {m.name for m in built_in if not m.exact and m.supports(tiny) is None}
    assert supporting <= set(HUGE[case][2]), supporting - set(HUGE[case][2])


@pytest.mark.slow
@pytest.mark.parametrize("case", list(HUGE))
def test_heuristics_return_within_the_limit_on_huge_cases(case: str) -> None:
    build, small, timed = HUGE[case]
    problem, tiny = build(), small()
    solve(tiny, method=timed[0], time_limit=1.0)
    baseline, took = _timed(problem, timed[0])
    overhead = max(0.0, took - baseline.runtime)  # seconds `solve` spends outside any method at this size
    for method in timed:
        solve(tiny, method=method, time_limit=1.0)  # numba compile or cache load, outside the measure
        result, elapsed = _timed(problem, method)
        _honest(result)
        assert result.runtime <= LIMIT + SLACK, (method, result.runtime, result.log)
        assert elapsed <= LIMIT + SLACK + 2 * overhead, (method, elapsed, overhead, result.log)

def test_auto_on_ft06_ends_at_the_proof() -> None:
    cpsat, _ = _timed(example("ft06_job_shop"), "cpsat", 60)
    result, elapsed = _timed(example("ft06_job_shop"), "auto", 60)
    assert cpsat.status == result.status == "optimal" and result.objective == 55
    assert elapsed < 3.0, result.log


def test_rules_past_their_deadline_still_sequence_every_job() -> None:
    rng = np.random.default_rng(3)
    p, d, w = rng.integers(1, 50, 40), rng.integers(0, 600, 40), rng.integers(1, 10, 40)
    for name, rule in RULES.items():
        perm = rule(p, d, w, deadline=0.0)
        assert sorted(perm.tolist()) == list(range(40)), name
    assert RULES["mdd"](p, d, w, deadline=0.0).tolist() == edd(p, d).tolist()


def test_constructions_past_their_deadline() -> None:
    for problem in (example("ft06_job_shop"), example("flexible_job_shop"), example("parallel_machines")):
        data = shop_from_problem(problem)
        starts, choice, cmax, label = best_rule(data, deadline=0.0)
        assert label.startswith("rounds")
        report = verify(problem, shop_schedule(data, starts, choice))
        assert report.feasible and report.terms["makespan"] == cmax
    p = np.random.default_rng(0).integers(1, 99, (12, 4))
    perm, cmax = neh(p, deadline=0.0)
    assert sorted(perm) == list(range(12)) and cmax == makespan(p, perm)
    with pytest.raises(OutOfTime):
        sgs_search(project_from_problem(_random_project(30)), time_limit=0.0)


def test_no_schedule_in_time_is_unknown_with_a_reason() -> None:
    project = _random_project(3000)
    for method in ("sgs", "portfolio"):
        result, _ = _timed(project, method, 0.01)
        assert result.status == "unknown" and result.schedule is None and "no complete schedule" in result.log[-1]


def test_milp_refuses_a_model_it_cannot_build_in_time() -> None:
    rng = np.random.default_rng(1)
    problem = single_machine_problem(rng.integers(1, 100, 300).tolist(), rng.integers(0, 9000, 300).tolist(),
                                     rng.integers(1, 10, 300).tolist())
    result, elapsed = _timed(problem, "milp")
    assert result.status == "unknown" and "building" in result.log[-1] and elapsed < LIMIT + SLACK
