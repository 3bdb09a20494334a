"""Local search for single-machine total (weighted) tardiness."""

from __future__ import annotations

import numpy as np
import pytest
from sm_data import load_orlib_wt, load_smtt

from ordino.heuristics.single_machine import (
    adjacent_interchange,
    adjacent_swap_gains,
    dp_subsets,
    dynasearch,
    edd,
    ils,
    insertion,
    insertion_gains,
    pairwise_interchange,
    swap_gains,
    total_weighted_tardiness,
)


def random_instance(rng, n, weighted=True):
    p = rng.integers(1, 100, n)
    d = rng.integers(int(p.sum() * 0.2), int(p.sum() * 0.8), n)
    w = rng.integers(1, 10, n) if weighted else None
    return p, d, w


@pytest.mark.parametrize("seed", range(5))
def test_descents_reach_local_optima(seed):
    rng = np.random.default_rng(seed)
    p, d, w = random_instance(rng, 30)
    start = edd(p, d)
    v0 = total_weighted_tardiness(p, d, start, w)
    s, v = adjacent_interchange(p, d, w, start)
    assert v <= v0 and v == total_weighted_tardiness(p, d, s, w)
    assert adjacent_swap_gains(p, d, s, w).max() <= 0
    s, v = pairwise_interchange(p, d, w, start)
    assert v <= v0 and swap_gains(p, d, s, w).max() <= 0
    s, v = insertion(p, d, w, start)
    assert v <= v0 and max(g.max() for g in insertion_gains(p, d, s, w)) <= 0
    for moves in ("swap", "swap+insert"):
        s, v = dynasearch(p, d, w, start, moves=moves)
        assert sorted(s.tolist()) == list(range(30))
        assert v <= v0 and v == total_weighted_tardiness(p, d, s, w)
        assert swap_gains(p, d, s, w).max() <= 0


def test_ils_optimal_on_small_random_instances():
    rng = np.random.default_rng(11)
    for _ in range(5):
        p, d, w = random_instance(rng, 12)
        _, opt = dp_subsets(p, d, w)
        s, v = ils(p, d, w, time_limit=5.0, lower_bound=opt, seed=1)
        assert v == opt == total_weighted_tardiness(p, d, s, w)


def test_ils_is_reproducible_with_iteration_cap():
    rng = np.random.default_rng(5)
    p, d, w = random_instance(rng, 40)
    a = ils(p, d, w, time_limit=60, iterations=15, seed=3)
    b = ils(p, d, w, time_limit=60, iterations=15, seed=3)
    assert a[1] == b[1] and (a[0] == b[0]).all()


def test_ils_reaches_orlib_wt40_optima():
    data = load_orlib_wt(40)
    for idx in range(0, 125, 13):
        p, d, w, opt = data[idx]
        s, v = ils(p, d, w, time_limit=5.0, lower_bound=opt)
        assert v == opt == total_weighted_tardiness(p, d, s, w)


def test_ils_close_on_smtt100_sample():
    data = load_smtt("smtt100_200")
    for idx in (3, 77, 154):
        p, d, opt = data[idx]
        s, v = ils(p, d, time_limit=2.0, lower_bound=opt)
        assert opt <= v <= opt * 1.01 + 1e-9


@pytest.mark.slow
def test_ils_all_wt50():
    data = load_orlib_wt(50)
    hits = sum(ils(p, d, w, time_limit=5.0, lower_bound=opt)[1] == opt for p, d, w, opt in data)
    assert hits >= 124
