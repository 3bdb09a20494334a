"""Job shop and flexible job shop heuristics: Giffler-Thompson, tabu search, adapters and methods."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from ordino import solve
from ordino.datasets.build import flexible_job_shop_problem, job_shop_problem
from ordino.errors import ModelError
from ordino.heuristics.methods_shop import shop_lower_bound
from ordino.heuristics.shop import (
    FEATURES,
    RULES,
    ShopData,
    best_rule,
    generate,
    giffler_thompson,
    shop_from_problem,
    shop_schedule,
    tabu_search,
)
from ordino.models import Problem
from ordino.verify import verify
from tests.conftest import classic_job_shop


def _random_fjsp(rng: np.random.Generator, jobs: int, machines: int) -> Problem:
    data = []
    for _ in range(jobs):
        ops = []
        for _ in range(int(rng.integers(1, machines + 1))):
            choices = rng.choice(machines, size=int(rng.integers(1, machines + 1)), replace=False)
            ops.append([(int(m), int(rng.integers(1, 10))) for m in choices])
        data.append(ops)
    return flexible_job_shop_problem(data, n_machines=machines)


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("nondelay", [False, True])
def test_every_rule_gives_a_verified_schedule(jssp: dict, rule: str, nondelay: bool) -> None:
    problem = classic_job_shop(jssp, "la01")
    data = shop_from_problem(problem)
    starts, choice = generate(data, rule, nondelay=nondelay)
    report = verify(problem, shop_schedule(data, starts, choice))
    assert report.feasible, report.violations[:3]
    assert report.objective >= 666  # la01's optimum


def test_nondelay_schedules_never_leave_a_startable_machine_idle(jssp: dict) -> None:
    data = shop_from_problem(classic_job_shop(jssp, "ft06"))
    starts, choice = generate(data, "SPT", nondelay=True)
    ends = {o: starts[o] + data.options[o][0][1] for o in range(data.n_ops)}
    for o in range(data.n_ops):  # every operation starts when its job or its machine becomes free
        m = data.options[o][0][0]
        job_free = [
            ends[p]
            for p in data.job_ops[data.job_of[o]]
            if data.job_ops[data.job_of[o]].index(p) == data.job_ops[data.job_of[o]].index(o) - 1
        ]
        machine_ends = [
            ends[p] for p in range(data.n_ops) if data.options[p][0][0] == m and starts[p] < starts[o]
        ]
        assert starts[o] in {0, *job_free, *machine_ends}


def test_giffler_thompson_on_plain_arrays_with_a_callable_rule() -> None:
    durations = [[3, 2, 2], [2, 1, 4], [4, 3, 1]]
    machines = [[0, 1, 2], [1, 0, 2], [2, 1, 0]]

    def longest_first(features: np.ndarray) -> np.ndarray:
        return -features[:, FEATURES.index("duration")]

    starts = giffler_thompson(durations, machines, longest_first)
    assert starts.shape == (3, 3)
    ends = starts + np.array(durations)
    for j in range(3):  # route order
        assert all(ends[j, k] <= starts[j, k + 1] for k in range(2))
    for m in range(3):  # one operation at a time per machine
        ops = sorted((starts[j, k], ends[j, k]) for j in range(3) for k in range(3) if machines[j][k] == m)
        assert all(a[1] <= b[0] for a, b in zip(ops, ops[1:], strict=False))
    assert giffler_thompson(durations, machines, "LPT").tolist() == starts.tolist()


def test_look_ahead_features_describe_the_next_operation_and_the_machine_load() -> None:
    seen: list[np.ndarray] = []

    def record(features: np.ndarray) -> np.ndarray:
        seen.append(features.copy())
        return features[:, FEATURES.index("job")]

    col = {n: FEATURES.index(n) for n in ("ops_remaining", "machine_work_left", "next_duration", "next_machine_ready",
                                          "next_machine_work_left")}
    giffler_thompson([[3, 2], [2, 4]], [[0, 1], [0, 1]], record)  # both start on machine 0: a conflict at once
    first = seen[0][np.argsort(seen[0][:, FEATURES.index("job")])]  # rows of jobs 0 and 1
    assert first[:, col["next_duration"]].tolist() == [2, 4]  # the jobs' second operations
    assert first[:, col["next_machine_ready"]].tolist() == [0, 0]  # machine 1 is free
    assert first[:, col["next_machine_work_left"]].tolist() == [6, 6]  # 2 + 4 on machine 1, nothing done yet
    assert first[:, col["machine_work_left"]].tolist() == [5, 5]  # 3 + 2 on machine 0
    seen.clear()
    giffler_thompson([[3, 2, 2], [2, 1, 4], [4, 3, 1]], [[0, 1, 2], [1, 0, 2], [2, 1, 0]], record)
    rows = [r for f in seen for r in f]
    last = [r for r in rows if r[col["ops_remaining"]] == 1]
    assert last and all(r[col["next_duration"]] == r[col["next_machine_ready"]] == r[col["next_machine_work_left"]]
                        == 0 for r in last)
    # the next operation itself is still to do on its machine; no machine holds more than 10
    assert all(r[col["next_duration"]] <= r[col["next_machine_work_left"]] <= 10 for r in rows
               if r[col["ops_remaining"]] > 1)


def test_unknown_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown priority rule"):
        giffler_thompson([[1]], [[0]], "BEST")


def test_tabu_reaches_ft06_optimum(jssp: dict) -> None:
    problem = classic_job_shop(jssp, "ft06")
    data = shop_from_problem(problem)
    starts, choice, cmax, _ = best_rule(data)
    assert cmax > 55
    res = tabu_search(data, choice, starts, time_limit=10, seed=1, target=55)
    assert res.makespan == 55
    report = verify(problem, shop_schedule(data, res.starts, choice))
    assert report.feasible and report.objective == 55


@pytest.mark.parametrize("name", ["la02", "la16", "la21"])
def test_tabu_improves_on_giffler_thompson(jssp: dict, name: str) -> None:
    problem = classic_job_shop(jssp, name)
    data = shop_from_problem(problem)
    starts, choice, cmax, _ = best_rule(data)
    res = tabu_search(data, choice, starts, time_limit=1.5, seed=0, use_compiled=False)
    assert res.makespan < cmax
    report = verify(problem, shop_schedule(data, res.starts, choice))
    assert report.feasible and report.objective == res.makespan
    assert res.makespan >= shop_lower_bound(data)


@pytest.mark.parametrize("compiled", [False, True])
def test_tabu_is_reproducible_with_an_iteration_budget(jssp: dict, compiled: bool) -> None:
    problem = classic_job_shop(jssp, "la16")
    data = shop_from_problem(problem)
    starts, choice, cmax, _ = best_rule(data)
    runs = [tabu_search(data, choice, starts, time_limit=120, seed=7, max_iterations=300, use_compiled=compiled)
            for _ in range(2)]
    a, b = runs
    assert a.iterations == b.iterations == 300
    assert a.makespan == b.makespan and a.starts == b.starts
    assert a.makespan < cmax
    report = verify(problem, shop_schedule(data, a.starts, choice))
    assert report.feasible and report.objective == a.makespan


def test_compiled_tabu_reaches_la16_optimum(jssp: dict) -> None:
    problem = classic_job_shop(jssp, "la16")
    data = shop_from_problem(problem)
    starts, choice, _, _ = best_rule(data)
    res = tabu_search(data, choice, starts, time_limit=120, seed=0, max_iterations=300_000, target=945,
                      use_compiled=True)
    assert res.makespan == 945  # the optimum, usually within a few thousand iterations
    assert verify(problem, shop_schedule(data, res.starts, choice)).objective == 945


def test_flexible_job_shop_heuristics_are_feasible() -> None:
    rng = np.random.default_rng(3)
    for _ in range(5):
        problem = _random_fjsp(rng, 6, 4)
        data = shop_from_problem(problem)
        assert data.flexible or all(len(o) == 1 for o in data.options)
        for rule in ("MWKR", "SPT", "RANDOM"):
            starts, choice = generate(data, rule, rng=rng)
            assert verify(problem, shop_schedule(data, starts, choice)).feasible
        result = solve(problem, method="tabu", time_limit=0.5, seed=1)
        assert result.status in ("feasible", "optimal") and not result.violations


def test_tabu_reassigns_machines_in_a_flexible_job_shop(data_mirror: Path) -> None:
    from ordino.datasets import load_instance

    problem = load_instance(data_mirror / "fjsp" / "Brandimarte1993" / "mk01.txt").problem
    data = shop_from_problem(problem)
    starts, choice, cmax, _ = best_rule(data)
    res = tabu_search(data, choice, starts, time_limit=3, seed=0, target=40)
    assert res.choice is not None and res.choice != choice
    assert res.makespan < cmax and res.makespan <= 42  # optimum 40
    report = verify(problem, shop_schedule(data, res.starts, res.choice))
    assert report.feasible and report.objective == res.makespan


def test_releases_are_respected() -> None:
    problem = (
        Problem.builder()
        .machine("M1")
        .machine("M2")
        .job("A", release=5)
        .job("B")
        .task("A1", 3, on="M1", job="A")
        .task("A2", 2, on="M2", job="A")
        .task("B1", 4, on="M2", job="B")
        .task("B2", 1, on="M1", job="B")
        .precedence("A1", "A2")
        .precedence("B1", "B2")
        .build()
    )
    for method in ("gt", "tabu", "portfolio"):
        result = solve(problem, method=method, time_limit=1)
        assert result.status in ("feasible", "optimal") and not result.violations
        assert result.schedule.by_task()["A1"].start >= 5


def test_methods_through_solve(jssp: dict) -> None:
    problem = classic_job_shop(jssp, "ft06")
    gt = solve(problem, method="gt")
    tabu = solve(problem, method="tabu", time_limit=2, seed=0)
    assert not gt.violations and not tabu.violations
    assert tabu.objective == 55 and tabu.status == "feasible"  # the simple lower bound (43) proves nothing
    assert tabu.bound is not None and tabu.bound <= 55 and tabu.gap > 0
    assert gt.objective >= tabu.objective


def test_methods_refuse_other_classes() -> None:
    single = Problem.builder().machine("M").task("a", 2, on="M").task("b", 3, on="M").build()
    for method in ("gt", "tabu", "neh", "ig", "sgs", "portfolio"):
        with pytest.raises(ModelError, match="single_machine"):
            solve(single, method=method)
    with pytest.raises(ModelError, match="not a shop problem"):
        shop_from_problem(single)


def test_tabu_refuses_other_objectives(jssp: dict) -> None:
    inst = jssp["ft06"]
    base = job_shop_problem(inst["duration_matrix"], inst["machines_matrix"])
    problem = Problem.model_validate({**base.model_dump(by_alias=True),
                                      "objective": [{"term": "total_completion_time"}]})
    with pytest.raises(ModelError, match="makespan"):
        solve(problem, method="tabu")
    gt = solve(problem, method="gt")
    assert not gt.violations and gt.objective == verify(problem, gt.schedule).objective


def test_shop_data_from_matrices_round_trip() -> None:
    data = ShopData.from_matrices([[2, 3], [1, 4]], [[0, 1], [1, 0]])
    assert data.n_ops == 4 and data.n_machines == 2 and not data.flexible
    assert shop_lower_bound(data) == 6  # load of machine 0


def test_parallel_machines_through_gt_and_tabu() -> None:
    durations = [(4, 6), (3, 3), (5, 2), (2, 4), (6, 6)]
    b = Problem.builder().machine("M1").machine("M2")
    for i, (d1, d2) in enumerate(durations):
        b.task(f"t{i}", modes=[{"resources": ["M1"], "duration": d1}, {"resources": ["M2"], "duration": d2}])
    problem = b.build()
    gt = solve(problem, method="gt")
    tabu = solve(problem, method="tabu", time_limit=1, seed=0)
    assert not gt.violations and not tabu.violations
    optimum = min(max(sum(d[0] for d, s in zip(durations, sides, strict=True) if not s),
                      sum(d[1] for d, s in zip(durations, sides, strict=True) if s))
                  for sides in np.ndindex(*(2,) * len(durations)))
    assert optimum <= tabu.objective <= gt.objective
    assert tabu.objective == optimum


def test_bad_arrays_give_input_errors() -> None:
    from ordino.errors import InputError

    with pytest.raises(InputError, match="same shape"):
        giffler_thompson([[1, 2]], [[0]])
    with pytest.raises(InputError, match="non-negative"):
        giffler_thompson([[1, -2]], [[0, 1]])
