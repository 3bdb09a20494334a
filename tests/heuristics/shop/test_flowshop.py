"""Permutation flow shop: makespan evaluation, Taillard's acceleration, NEH and iterated greedy."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

from ordino import solve
from ordino.datasets.build import job_shop_problem
from ordino.heuristics.shop import flow_from_problem, insertion_makespans, iterated_greedy, makespan, neh
from ordino.heuristics.shop.data import FlowData, flow_schedule
from ordino.verify import verify


def _random(seed: int, n: int, m: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(1, 100, size=(n, m))


def _brute_force(p: np.ndarray) -> int:
    return min(makespan(p, perm) for perm in itertools.permutations(range(p.shape[0])))


def _flow_problem(p: np.ndarray):
    n, m = p.shape
    return job_shop_problem(p.tolist(), [list(range(m))] * n)


def _taillard(mirror: Path, k: int) -> np.ndarray:
    lines = (mirror / "pfsp" / "instances" / f"tfs{k:03d}.txt").read_text().split("\n")
    n, m = map(int, lines[0].split())
    p = np.zeros((n, m), dtype=np.int64)
    for j in range(n):
        values = list(map(int, lines[1 + j].split()))
        for machine, duration in zip(values[::2], values[1::2], strict=True):
            p[j, machine] = duration
    return p


def test_makespan_matches_a_direct_simulation() -> None:
    p = _random(0, 7, 4)
    perm = [3, 0, 6, 1, 5, 2, 4]
    data = FlowData.from_matrix(p)
    assert makespan(p, perm) == flow_schedule(data, perm).makespan


@pytest.mark.parametrize("seed", range(4))
def test_taillard_acceleration_equals_naive_insertion(seed: int) -> None:
    p = _random(seed, 8, 5)
    release = np.random.default_rng(seed).integers(0, 50, size=8) * (seed % 2)
    perm = [0, 4, 2, 6, 1]
    fast = insertion_makespans(p, perm, 7, release)
    naive = [makespan(p, perm[:i] + [7] + perm[i:], release) for i in range(len(perm) + 1)]
    assert fast.tolist() == naive


@pytest.mark.parametrize("seed", range(5))
def test_neh_and_ig_against_brute_force(seed: int) -> None:
    p = _random(seed, 7, 3 + seed % 3)
    optimum = _brute_force(p)
    perm, cmax = neh(p)
    assert sorted(perm) == list(range(7)) and cmax == makespan(p, perm) >= optimum
    assert cmax <= optimum * 1.15
    best, value, _ = iterated_greedy(p, time_limit=2.0, seed=seed, target=optimum)
    assert value == optimum == makespan(p, best)


def test_methods_through_solve_are_verified() -> None:
    p = _random(11, 12, 4)
    problem = _flow_problem(p)
    neh_result = solve(problem, method="neh")
    ig_result = solve(problem, method="ig", time_limit=1, seed=3)
    for result in (neh_result, ig_result):
        assert result.status in ("feasible", "optimal") and not result.violations
        assert result.objective == verify(problem, result.schedule).objective
    assert ig_result.objective <= neh_result.objective
    assert ig_result.bound is not None and ig_result.bound <= ig_result.objective


def test_releases_delay_the_first_machine() -> None:
    p = np.array([[3, 2], [2, 4], [4, 1]])
    release = np.array([0, 10, 2])
    perm, cmax = neh(p, release)
    assert cmax == makespan(p, perm, release)
    assert cmax >= 10 + 2 + 4


def test_taillard_ta001_ig_reaches_the_optimum(data_mirror: Path) -> None:
    p = _taillard(data_mirror, 1)
    assert p.shape == (20, 5)
    _, value, _ = iterated_greedy(p, time_limit=8.0, seed=0, target=1278)
    assert value == 1278


def test_flow_adapter_keeps_route_order() -> None:
    problem = job_shop_problem([[5, 1], [2, 7]], [[0, 1], [0, 1]])
    data = flow_from_problem(problem)
    assert data.p.tolist() == [[5, 1], [2, 7]]
    assert solve(problem, method="ig", time_limit=0.5).objective == 2 + 7 + 1


def test_numpy_path_without_numba_agrees(monkeypatch: pytest.MonkeyPatch) -> None:
    from ordino.heuristics.shop import flowshop

    p = _random(21, 9, 4)
    perm = [4, 0, 7, 2, 5, 1]
    compiled = insertion_makespans(p, perm, 8).tolist()
    monkeypatch.setattr(flowshop, "_KERNEL", [None])
    assert insertion_makespans(p, perm, 8).tolist() == compiled
    optimum = _brute_force(p[:7])
    best, value, _ = iterated_greedy(p[:7], time_limit=2.0, seed=1, target=optimum)
    assert value == optimum == makespan(p[:7], best)
