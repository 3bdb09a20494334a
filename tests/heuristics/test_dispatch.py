"""Dispatching for the problem's own objective (issue 20, part 2): the scorer agrees with the verifier on every job
objective, the ATC and weighted rules build valid schedules, and the portfolio follows a weighted-tardiness
objective instead of the makespan."""

from __future__ import annotations

import time

import numpy as np
import pytest

from ordino import solve, verify
from ordino.heuristics.shop.data import ShopData, shop_from_problem, shop_schedule
from ordino.heuristics.shop.dispatch import atc, dispatch, job_scorer
from ordino.heuristics.shop.gt import generate
from ordino.heuristics.shop.sequences import improve, semi_active
from ordino.models import Problem


def shop(objective: list[dict], n: int = 8, machines: int = 4, seed: int = 3) -> Problem:
    """A random job shop with due dates, weights and earliness weights."""
    rng = np.random.default_rng(seed)
    jobs, tasks, constraints = [], [], []
    for j in range(n):
        route = rng.permutation(machines)
        p = rng.integers(1, 10, machines)
        jobs.append({"id": f"J{j}", "due": int(1.2 * p.sum()) + int(rng.integers(0, 10)),
                     "weight": int(rng.integers(1, 5)), "earliness_weight": int(rng.integers(0, 3))})
        ids = [f"J{j}.{k}" for k in range(machines)]
        tasks += [{"id": t, "job": f"J{j}", "modes": [{"resources": [f"M{m}"], "duration": int(d)}]}
                  for t, m, d in zip(ids, route, p, strict=True)]
        constraints += [{"type": "end_before_start", "first": a, "then": b} for a, b in zip(ids, ids[1:], strict=False)]
    return Problem.model_validate({"resources": [{"id": f"M{m}"} for m in range(machines)], "jobs": jobs,
                                   "tasks": tasks, "constraints": constraints, "objective": objective})


OBJECTIVES = [
    [{"term": "total_weighted_tardiness"}],
    [{"term": "total_tardiness"}, {"term": "makespan", "weight": 2}],
    [{"term": "total_weighted_completion_time"}],
    [{"term": "weighted_number_tardy"}, {"term": "number_tardy"}],
    [{"term": "maximum_lateness"}],
    [{"term": "total_weighted_earliness"}, {"term": "total_weighted_tardiness"}],
]


@pytest.mark.parametrize("objective", OBJECTIVES, ids=lambda o: "+".join(t["term"] for t in o))
def test_the_scorer_is_the_verifiers_objective(objective):
    problem = shop(objective)
    data = shop_from_problem(problem)
    score = job_scorer(problem, data)
    assert score is not None
    rng = np.random.default_rng(0)
    for rule in ("RANDOM", "WEDD", "WSPT", "EDD", atc(1.0, 5.0)):
        starts, choice = generate(data, rule, nondelay=bool(rng.random() < 0.5), rng=rng)
        report = verify(problem, shop_schedule(data, starts, choice))
        assert report.feasible and score(starts, choice) == report.objective


def test_dispatch_keeps_the_best_of_its_rules_and_restarts():
    problem = shop([{"term": "total_weighted_tardiness"}], n=12)
    data = shop_from_problem(problem)
    score = job_scorer(problem, data)
    assert score is not None
    starts, choice, value, label, built = dispatch(problem, data, score, time.perf_counter() + 0.5)
    rules = [score(*generate(data, rule, nondelay=True)) for rule in ("WEDD", "EDD", "WSPT", "MWKR", "SPT")]
    assert value <= min(rules) and built > len(rules) and label
    assert verify(problem, shop_schedule(data, starts, choice)).objective == value


def test_the_portfolio_follows_a_weighted_tardiness_objective():
    """On a job shop judged by weighted tardiness, auto is no worse than the weighted-EDD dispatcher, and its log
    says it dispatched for the objective (it used to minimise the makespan with tabu search)."""
    problem = shop([{"term": "total_weighted_tardiness"}], n=15, machines=5, seed=7)
    data = shop_from_problem(problem)
    score = job_scorer(problem, data)
    assert score is not None
    wedd = score(*generate(data, "WEDD", nondelay=True))
    result = solve(problem, method="auto", time_limit=4, workers=1)
    assert result.method == "portfolio" and result.objective is not None and result.objective <= wedd
    assert any(line.startswith("dispatch:") for line in result.log)


def test_sequence_search_rebuilds_valid_schedules_and_never_worsens():
    problem = shop([{"term": "total_weighted_tardiness"}], n=10, machines=4, seed=11)
    data = shop_from_problem(problem)
    score = job_scorer(problem, data)
    assert score is not None
    starts, choice = generate(data, "SPT", nondelay=True)
    before = score(starts, choice)
    better, value, kept = improve(data, starts, choice, score, time.perf_counter() + 0.5, seed=1)
    report = verify(problem, shop_schedule(data, better, choice))
    assert report.feasible and report.objective == value <= before


def test_semi_active_schedules_machine_sequences_and_refuses_a_cycle():
    data = ShopData.from_matrices([[2, 3], [4, 1]], [[0, 1], [1, 0]])  # J0: M0 then M1; J1: M1 then M0
    assert semi_active(data, [0] * 4, [[0, 3], [2, 1]]) == [0, 4, 0, 4]  # J0.1 waits for J1.0 on M1
    assert semi_active(data, [0] * 4, [[3, 0], [1, 2]]) is None  # J1.1 before J0.0, J0.1 before J1.0: a cycle


@pytest.fixture(scope="module")
def kernels():
    """The compiled search, compiled (or loaded from numba's cache) before any test's clock starts: on a fresh
    clone compiling takes longer than the tests' budgets."""
    from ordino.heuristics.shop import tardiness_numba
    from ordino.heuristics.shop.sequences import KICKS, KICKS_CAP, MAX_MOVES, STALL, TENURE

    found = tardiness_numba.compiled()
    assert found is not None, "numba is a dependency of ordino (pyproject.toml)"
    search, _, starts_of = found
    one = np.zeros(1, dtype=np.int64)
    none = np.full(1, -1, dtype=np.int64)
    search(one + 1, none, none, one, one, np.zeros(1), np.ones(1), np.zeros(1), none.copy(), none.copy(),
           none.copy(), none.copy(), one.copy(), np.array([0.0, 1.0, 1.0, 0.0, 0.0]), 1, TENURE, STALL,
           MAX_MOVES, KICKS, KICKS_CAP)
    starts_of(one + 1, none, none, none, none, one)
    return found


SEPARABLE = [
    [{"term": "total_weighted_tardiness"}],
    [{"term": "total_tardiness", "weight": 3}, {"term": "total_weighted_completion_time"}],
    [{"term": "total_completion_time"}],
]


@pytest.mark.parametrize("objective", SEPARABLE, ids=lambda o: "+".join(t["term"] for t in o))
def test_separable_costs_give_the_verifiers_objective(objective):
    from ordino.heuristics.shop.dispatch import separable_costs

    problem = shop(objective)
    data = shop_from_problem(problem)
    costs = separable_costs(problem, data)
    assert costs is not None
    a, b, d = costs
    starts, choice = generate(data, "WEDD", nondelay=True)
    ends = np.array([starts[ops[-1]] + data.options[ops[-1]][0][1] for ops in data.job_ops], dtype=float)
    value = float((a * ends).sum() + (b * np.maximum(ends - d, 0)).sum())
    assert value == verify(problem, shop_schedule(data, starts, choice)).objective
    assert separable_costs(shop([{"term": "makespan"}]), data) is None


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("threads", [1, 2])
def test_critical_path_search_improves_and_reaches_the_optimum_of_small_shops(seed, threads, kernels):
    from ordino.heuristics.shop.dispatch import separable_costs
    from ordino.heuristics.shop.sequences import critical_search
    problem = shop([{"term": "total_weighted_tardiness"}], n=5, machines=3, seed=seed)
    data = shop_from_problem(problem)
    score = job_scorer(problem, data)
    costs = separable_costs(problem, data)
    assert score is not None and costs is not None
    starts, choice = generate(data, "SPT", nondelay=True)
    before = score(starts, choice)
    found = critical_search(data, starts, choice, costs, time.perf_counter() + 1.0, seed, threads)
    assert found is not None
    better, value, iterations = found
    report = verify(problem, shop_schedule(data, better, choice))
    assert report.feasible and report.objective == value == score(better, choice) <= before
    exact = solve(problem, method="cpsat", time_limit=20, workers=1)
    assert exact.status == "optimal" and value == exact.objective, (value, exact.objective, iterations)


@pytest.mark.parametrize("seed", range(3))
def test_critical_moves_swap_and_insert_within_blocks_and_undo_exactly(seed):
    from ordino.heuristics.shop import tardiness_numba as tn
    from ordino.heuristics.shop.dispatch import separable_costs
    from ordino.heuristics.shop.sequences import graph_arrays
    problem = shop([{"term": "total_weighted_tardiness"}], n=12, machines=3, seed=seed)
    data = shop_from_problem(problem)
    costs = separable_costs(problem, data)
    assert costs is not None
    starts, choice = generate(data, "LPT", nondelay=True)
    p, jp, js, mp, ms, rel = graph_arrays(data, starts, choice)
    n = data.n_ops
    last = np.array([ops[-1] for ops in data.job_ops], dtype=np.int64)
    r, indeg, stack = (np.zeros(n, dtype=np.int64) for _ in range(3))
    assert tn._heads(p, jp, js, mp, ms, rel, r, indeg, stack)
    moves = np.zeros((3 * n, 3), dtype=np.int64)
    k = tn._moves(p, jp, mp, r, last, costs[1], costs[2], costs[0], moves, np.zeros(3 * n, dtype=np.int64), 1,
                  np.zeros(n, dtype=np.int64))
    assert k > 0 and {0, 1, 2} <= set(moves[:k, 2].tolist())  # twelve jobs on three machines: long blocks
    machine = [data.options[o][choice[o]][0] for o in range(n)]
    for x, y, kind in moves[:k].tolist():
        assert machine[x] == machine[y] and x != y
        was = (mp.copy(), ms.copy())
        before, after = tn._apply(mp, ms, x, y, kind)
        placed = {0: ms[y] == x and mp[y] == was[0][x], 1: mp[x] == y, 2: ms[x] == y}[kind]
        assert placed, (x, y, kind)
        if tn._heads(p, jp, js, mp, ms, rel, r.copy(), indeg, stack):  # no cycle: a schedule the verifier accepts
            assert verify(problem, shop_schedule(data, [int(v) for v in tn._starts(p, jp, js, mp, ms, rel)],
                                                 choice)).feasible
        tn._undo(mp, ms, x, y, kind, before, after)
        assert (mp == was[0]).all() and (ms == was[1]).all()


def test_polish_starts_from_a_given_schedule_and_keeps_it_valid(kernels):
    from ordino.heuristics.methods_shop import polish_schedule, polishable
    problem = shop([{"term": "total_weighted_tardiness"}], n=8, machines=4, seed=5)
    data = shop_from_problem(problem)
    starts, choice = generate(data, "SPT", nondelay=True)
    given = shop_schedule(data, starts, choice)
    before = verify(problem, given).objective
    assert polishable(problem) and not polishable(shop([{"term": "makespan"}]))
    polished = polish_schedule(problem, given, time.perf_counter() + 1.0, 0)
    assert polished is not None
    schedule, value, log = polished
    report = verify(problem, schedule)
    assert report.feasible and report.objective == value < before and "critical-path" in log[0]
    assert polish_schedule(shop([{"term": "maximum_lateness"}]), given, time.perf_counter() + 0.1, 0) is None
