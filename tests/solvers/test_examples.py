"""Every example is solved to its optimum by every exact back end that supports it, and verified.

Optima come from outside the solvers: brute force in this file for the single-machine and parallel-machine
examples, the literature for ft06 (Fisher & Thompson 1963: 55); for the others, the back ends must agree.
"""

from __future__ import annotations

from itertools import permutations, product

import pytest

from ordino import solve, verify
from ordino.solve import methods
from tests.conftest import example


def exact_methods(problem) -> list[str]:
    found = methods()
    return [m for m in ("cpsat", "milp") if m in found and found[m].supports(problem) is None]


def brute_force_single_machine(problem) -> int:
    tasks = problem.tasks
    best = None
    for order in permutations(range(len(tasks))):
        t = total = 0
        for i in order:
            t += tasks[i].modes[0].duration
            total += tasks[i].weight * max(0, t - tasks[i].due)
        best = total if best is None else min(best, total)
    return best


def brute_force_parallel_weighted_completion(problem) -> int:
    """Every machine assignment; each machine in WSPT order, which is optimal for one machine (Smith 1956)."""
    tasks = problem.tasks
    machines = len(tasks[0].modes)
    best = None
    for assign in product(range(machines), repeat=len(tasks)):
        total = 0
        for m in range(machines):
            jobs = sorted((tasks[i].modes[m].duration / tasks[i].weight, i)
                          for i in range(len(tasks)) if assign[i] == m)
            t = 0
            for _, i in jobs:
                t += tasks[i].modes[m].duration
                total += tasks[i].weight * t
        best = total if best is None else min(best, total)
    return best


KNOWN = {
    "single_machine_weighted_tardiness": brute_force_single_machine,
    "parallel_machines": brute_force_parallel_weighted_completion,
    "ft06_job_shop": lambda p: 55,
}


@pytest.mark.parametrize("name", ["single_machine_weighted_tardiness", "parallel_machines", "ft06_job_shop",
                                  "flexible_job_shop", "rcpsp_project", "setups_and_breaks"])
def test_example_solved_to_optimum_by_each_back_end(name):
    problem = example(name)
    values = {}
    for method in exact_methods(problem):
        result = solve(problem, method=method, time_limit=60, workers=2, seed=1)
        assert result.status == "optimal", (method, result.log)
        report = verify(problem, result.schedule)
        assert report.feasible, report.violations
        assert report.objective == result.objective
        values[method] = result.objective
    assert "cpsat" in values
    assert len(set(values.values())) == 1, values
    if name in KNOWN:
        assert values["cpsat"] == KNOWN[name](problem)
