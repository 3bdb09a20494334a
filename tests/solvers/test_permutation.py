"""The `permutation` constraint (one job order on every machine) in the back ends and heuristics.

The 3x3 flow shop below, with total completion time, is better solved with a different job order on some
machine (34) than with one order on all machines (36); both optima are brute-forced here by enumerating the
order of the jobs on each machine.
"""

from __future__ import annotations

import itertools

import pytest

import ordino
from ordino.errors import ModelError
from ordino.models import Permutation, Problem, Schedule, ScheduledTask, classify

P = [[4, 1, 1], [3, 1, 5], [1, 4, 5]]  # P[j][k]: duration of job j on machine k (route M0, M1, M2)


def flow_shop(permutation: bool, objective: str = "total_completion_time",
              durations: list[list[int]] = P) -> Problem:
    b = Problem.builder()
    machines = [f"M{k}" for k in range(len(durations[0]))]
    for m in machines:
        b.machine(m)
    for j, row in enumerate(durations):
        b.job(f"J{j}")
        for k, d in enumerate(row):
            b.task(f"J{j}.{k}", d, on=machines[k], job=f"J{j}")
            if k:
                b.precedence(f"J{j}.{k - 1}", f"J{j}.{k}")
    if permutation:
        b.constraint(Permutation())
    return b.minimize(objective).build()


def _completion_times(orders: tuple[tuple[int, ...], ...]) -> list[int] | None:
    """Ends on the last machine of the semi-active schedule with these machine orders (None: a cycle)."""
    n, m = len(P), len(P[0])
    end: dict[tuple[int, int], int] = {}
    while len(end) < n * m:
        placed = False
        for j, k in itertools.product(range(n), range(m)):
            pos = orders[k].index(j)
            before = [(j, k - 1)] if k else []
            before += [(orders[k][pos - 1], k)] if pos else []
            if (j, k) not in end and all(x in end for x in before):
                end[j, k] = max((end[x] for x in before), default=0) + P[j][k]
                placed = True
        if not placed:
            return None
    return [end[j, m - 1] for j in range(n)]


def brute_total_completion(same_order: bool) -> int:
    perms = list(itertools.permutations(range(len(P))))
    choices = ([(q,) * len(P[0]) for q in perms] if same_order
               else list(itertools.product(perms, repeat=len(P[0]))))
    return min(sum(c) for orders in choices if (c := _completion_times(orders)) is not None)


def machine_orders(problem: Problem, schedule: Schedule) -> dict[str, list[str]]:
    by_machine: dict[str, list[ScheduledTask]] = {}
    for e in schedule.tasks:
        by_machine.setdefault(problem.task(e.task).modes[e.mode].resources[0], []).append(e)
    return {m: [problem.task(e.task).job or "" for e in sorted(es, key=lambda e: e.start)]
            for m, es in by_machine.items()}


def test_the_instance_needs_the_constraint() -> None:
    assert brute_total_completion(same_order=False) == 34
    assert brute_total_completion(same_order=True) == 36


@pytest.mark.parametrize("method", ["cpsat", "auto"])
def test_cpsat_reaches_the_permutation_optimum(method: str) -> None:
    free = ordino.solve(flow_shop(False), method="cpsat", time_limit=10, workers=1)
    assert (free.status, free.objective) == ("optimal", brute_total_completion(same_order=False))
    problem = flow_shop(True)
    res = ordino.solve(problem, method=method, time_limit=10, workers=1)
    assert res.status == "optimal"
    assert res.objective == brute_total_completion(same_order=True)
    assert res.schedule is not None
    orders = list(machine_orders(problem, res.schedule).values())
    assert all(order == orders[0] for order in orders)


def test_constraint_on_a_subset_of_machines() -> None:
    """Ordering only M1 and M2 alike leaves M0 free: the optimum lies between the two (or at one end)."""
    problem = Problem.model_validate({**flow_shop(True).model_dump(by_alias=True),
                                      "constraints": [*flow_shop(False).model_dump()["constraints"],
                                                      {"type": "permutation", "resources": ["M1", "M2"]}]})
    res = ordino.solve(problem, method="cpsat", time_limit=10, workers=1)
    assert res.status == "optimal" and res.schedule is not None
    assert 34 <= res.objective <= 36
    orders = machine_orders(problem, res.schedule)
    assert orders["M1"] == orders["M2"]


def test_shop_methods_refuse_and_permutation_methods_accept() -> None:
    problem = flow_shop(True, objective="makespan")
    assert classify(problem) == "general"
    assert classify(problem, ignore_permutation=True) == "flow_shop"
    registry = ordino.methods()
    for name in ("gt", "tabu", "portfolio", "sgs", "milp"):
        assert registry[name].supports(problem) is not None, name
    assert "the MILP route does not support permutation constraints" in (registry["milp"].supports(problem) or "")
    with pytest.raises(ModelError):
        ordino.solve(problem, method="tabu")
    best = ordino.solve(problem, method="cpsat", time_limit=10, workers=1)
    assert best.status == "optimal"
    for name in ("neh", "ig"):
        assert registry[name].supports(problem) is None
        res = ordino.solve(problem, method=name, time_limit=0.5, seed=1)
        assert res.status in ("feasible", "optimal") and not res.violations
        assert res.objective is not None and res.objective >= best.objective
        assert res.schedule is not None
        orders = list(machine_orders(problem, res.schedule).values())
        assert all(order == orders[0] for order in orders)


def test_optional_task_is_not_compared_when_left_out() -> None:
    """Job B's optional task on M1 is best left out (no penalty); then B goes first on M2 while only A runs on
    M1: makespan 4. Were b1 performed, one order on both machines would give 8 at best."""
    data = {"resources": [{"id": "M1"}, {"id": "M2"}], "jobs": [{"id": "A"}, {"id": "B"}],
            "tasks": [{"id": "a1", "job": "A", "modes": [{"resources": ["M1"], "duration": 2}]},
                      {"id": "a2", "job": "A", "modes": [{"resources": ["M2"], "duration": 2}], "release": 1},
                      {"id": "b1", "job": "B", "optional": True, "absence_penalty": 0,
                       "modes": [{"resources": ["M1"], "duration": 5}]},
                      {"id": "b2", "job": "B", "modes": [{"resources": ["M2"], "duration": 1}]}],
            "constraints": [{"type": "end_before_start", "first": "a1", "then": "a2"},
                            {"type": "end_before_start", "first": "b1", "then": "b2"},
                            {"type": "permutation"}],
            "objective": [{"term": "makespan"}, {"term": "total_cost"}]}
    problem = Problem.model_validate(data)
    res = ordino.solve(problem, method="cpsat", time_limit=10, workers=1)
    assert (res.status, res.objective) == ("optimal", 4)  # b2 at [0, 1), a1 [0, 2), a2 [2, 4)
    forced = Problem.model_validate({**data, "tasks": [{**t, "optional": False} for t in data["tasks"]]})
    assert ordino.solve(forced, method="cpsat", time_limit=10, workers=1).objective == 8
