"""RCPSP: the compiled genetic algorithm over activity lists, its lower bound and its place in `sgs`."""

from __future__ import annotations

import time

import numpy as np
import pytest

from ordino import solve
from ordino.datasets.build import project_problem
from ordino.heuristics.project import (
    RULES,
    genetic,
    priority_values,
    project_from_problem,
    project_schedule,
    serial_sgs,
)
from ordino.heuristics.project.sgs import critical_path_times, project_makespan, sgs_search
from ordino.models import Problem
from ordino.verify import verify


def _random_project(seed: int, n: int = 14, k: int = 2, releases: bool = False) -> Problem:
    rng = np.random.default_rng(seed)
    caps = [int(c) for c in rng.integers(4, 9, size=k)]
    modes = [[(int(rng.integers(0, 8)), [int(rng.integers(0, c + 1)) for c in caps])] for _ in range(n)]
    successors = [[int(s) for s in range(i + 1, n) if rng.random() < 0.2] for i in range(n)]
    problem = project_problem(caps, modes, successors)
    if releases:
        tasks = [t.model_copy(update={"release": int(rng.integers(0, 10))}) for t in problem.tasks]
        problem = problem.model_copy(update={"tasks": tasks})
    return problem


@pytest.fixture(scope="module")
def kernels() -> genetic.Kernels:
    """The kernels compiled (or loaded from numba's cache) before any test's clock starts: compiling on a fresh
    clone takes longer than the tests' budgets."""
    found = genetic.compiled()
    assert found is not None, "numba is a dependency of ordino (pyproject.toml)"
    generations, evaluate, starts_of, _ = found
    data = project_from_problem(_random_project(0, n=4))
    pptr, pidx = genetic._csr(data.preds)
    sptr, sidx = genetic._csr(data.succs)
    arrays = (data.duration, data.demand, data.capacity, pptr, pidx, sptr, sidx, data.release)
    pop = np.array([genetic.list_from_priority(data, np.arange(4.0))] * 2)
    cost, prints = np.zeros(2, dtype=np.int64), np.zeros(2, dtype=np.int64)
    evaluate(pop, cost, prints, 1, *arrays)
    generations(pop, cost, prints, 1, 0.05, 1, *arrays, 0)
    assert (starts_of(pop[0], *arrays[:5], data.release) + data.duration).max() == cost[0]
    return found


def _seeds(data):
    return [genetic.list_from_priority(data, priority_values(data, rule)) for rule in RULES]


def test_lists_from_priorities_are_topological_and_follow_the_priority() -> None:
    data = project_from_problem(_random_project(3))
    order = genetic.list_from_priority(data, np.arange(data.n, dtype=float)[::-1].copy())
    position = {v: k for k, v in enumerate(order)}
    assert sorted(order) == list(range(data.n))
    assert all(position[a] < position[b] for a in range(data.n) for b in data.succs[a])
    free = [v for v in range(data.n) if not data.preds[v]]
    assert order[0] == max(free)  # the lowest priority value among the activities free at the start


@pytest.mark.parametrize("seed", range(5))
def test_genetic_schedules_are_feasible_and_beat_every_rule(seed: int, kernels: genetic.Kernels) -> None:
    problem = _random_project(seed, n=20, releases=seed % 2 == 1)
    data = project_from_problem(problem)
    found = genetic.genetic_search(data, _seeds(data), time.perf_counter() + 0.5, seed=seed)
    assert found is not None
    start, cmax, built = found
    report = verify(problem, project_schedule(data, start))
    assert report.feasible, report.violations[:2]
    assert report.objective == cmax == project_makespan(data, start)
    assert built > 20  # more than the first population
    assert cmax <= min(project_makespan(data, serial_sgs(data, rule)) for rule in RULES)


@pytest.mark.parametrize("seed", range(4))
def test_genetic_algorithm_reaches_the_optimum_of_small_projects(seed: int, kernels: genetic.Kernels) -> None:
    problem = _random_project(10 + seed, n=12, k=3)
    data = project_from_problem(problem)
    exact = solve(problem, method="cpsat", time_limit=20, workers=1)
    assert exact.status == "optimal"
    found = genetic.genetic_search(data, [], time.perf_counter() + 1.0, seed=seed, target=0)
    assert found is not None and found[1] == exact.objective


def test_genetic_search_stops_at_its_target(kernels: genetic.Kernels) -> None:
    data = project_from_problem(_random_project(7, n=16))
    worst = max(project_makespan(data, serial_sgs(data, rule)) for rule in RULES)
    began = time.perf_counter()
    found = genetic.genetic_search(data, _seeds(data), began + 30.0, target=worst)
    assert found is not None and found[1] <= worst and time.perf_counter() - began < 5.0


def test_energy_bound_counts_each_resources_work() -> None:
    # R1 (capacity 2): 4 x 2 + 3 x 2 = 14 unit-periods -> at least 7; the critical path is 4
    data = project_from_problem(project_problem([2, 5], [[(4, [2, 1])], [(3, [2, 0])], [(2, [0, 5])]],
                                                [[], [], []]))
    assert genetic.energy_bound(data) == 7
    assert critical_path_times(data)[2] == 4
    for seed in range(4):
        data = project_from_problem(_random_project(seed))
        exact = solve(_random_project(seed), method="cpsat", time_limit=20, workers=1)
        assert exact.status == "optimal" and genetic.energy_bound(data) <= exact.objective


def test_sgs_search_evolves_past_the_rules_when_compiled(kernels: genetic.Kernels) -> None:
    problem = _random_project(6, n=30, k=2)  # the rules' best, justified, is 84; the optimum 79
    data = project_from_problem(problem)
    exact = solve(problem, method="cpsat", time_limit=30, workers=1)
    start, cmax, label = sgs_search(data, time_limit=2.0, seed=1)
    assert exact.status == "optimal" and cmax == project_makespan(data, start) == exact.objective
    assert label.startswith("genetic algorithm")

