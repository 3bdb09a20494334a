"""Local search for single-machine total (weighted) tardiness."""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
import pytest

from ordino.heuristics.single_machine import (
    adjacent_interchange,
    adjacent_swap_gains,
    dp_subsets,
    dynasearch,
    dynasearch_pass,
    edd,
    ils,
    insertion,
    insertion_gains,
    pairwise_interchange,
    swap_gains,
    total_weighted_tardiness,
)
from ordino.heuristics.single_machine.dynasearch_numpy import dynasearch_pass_numpy
from ordino.heuristics.single_machine.local_search import quick_start
from tests.heuristics.single_machine.instances import load_orlib_wt, load_smtt


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


@pytest.mark.parametrize("seed", range(4))
def test_compiled_pass_matches_numpy_reference(seed):
    rng = np.random.default_rng(100 + seed)
    for trial in range(40):
        n = int(rng.integers(2, 35))
        p = rng.integers(0, 60, n)  # zero-length jobs included
        d = rng.integers(-30, int(p.sum()) + 1, n)  # negative due dates included
        w = rng.integers(1, 9, n) if trial % 2 else None
        s = rng.permutation(n)
        v0 = total_weighted_tardiness(p, d, s, w)
        for moves in ("swap", "swap+insert"):
            for span in (None, 1, 4):
                out, gain = dynasearch_pass(p, d, w, s, moves, span)
                _, ref = dynasearch_pass_numpy(*_inst(p, d, w), s, moves, span)
                assert gain == ref, (trial, moves, span)
                assert sorted(out.tolist()) == list(range(n))
                assert v0 - total_weighted_tardiness(p, d, out, w) == gain


def _inst(p, d, w):
    return p, d, np.ones_like(p) if w is None else w


def test_ils_rejects_bad_arguments():
    p, d = np.array([3, 1, 2]), np.array([1, 2, 3])
    with pytest.raises(ValueError, match="permutation"):
        ils(p, d, start=[0, 0, 1])
    with pytest.raises(ValueError, match="moves"):
        ils(p, d, moves="3-opt")
    with pytest.raises(ValueError, match="max_span"):
        dynasearch(p, d, max_span=0)


_NO_NUMBA = """
import sys
sys.modules["numba"] = None  # hide numba: the kernels run as plain Python / numpy
import numpy as np
from ordino.heuristics.single_machine import _kernels, dp_subsets, ils, total_weighted_tardiness
assert not _kernels.HAVE_NUMBA
rng = np.random.default_rng(4)
for _ in range(3):
    p, d, w = rng.integers(1, 50, 10), rng.integers(0, 120, 10), rng.integers(1, 5, 10)
    _, opt = dp_subsets(p, d, w)
    s, v = ils(p, d, w, time_limit=20, lower_bound=opt, seed=2)
    assert v == opt == total_weighted_tardiness(p, d, s, w), (v, opt)
print("fallback ok")
"""


def test_fallback_without_numba_is_correct():
    out = subprocess.run(
        [sys.executable, "-W", "error", "-c", _NO_NUMBA], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "fallback ok" in out.stdout


def test_ils_honours_the_time_limit():
    rng = np.random.default_rng(9)
    p, d, w = random_instance(rng, 300)
    ils(p, d, w, time_limit=0.05)  # compile / load the kernels first
    t0 = time.perf_counter()
    s, v = ils(p, d, w, time_limit=0.3)
    assert time.perf_counter() - t0 < 1.5  # generous: the machine may be loaded
    assert v == total_weighted_tardiness(p, d, s, w)
    assert v <= total_weighted_tardiness(p, d, quick_start(p, d, w)[0], w)


def test_ils_from_given_start_and_swap_only():
    rng = np.random.default_rng(21)
    p, d, w = random_instance(rng, 10)
    _, opt = dp_subsets(p, d, w)
    s, v = ils(p, d, w, time_limit=5.0, lower_bound=opt, start=np.arange(10)[::-1], moves="swap", max_span=3)
    assert v == opt == total_weighted_tardiness(p, d, s, w)


@pytest.mark.mirror
def test_ils_reaches_orlib_wt40_optima():
    data = load_orlib_wt(40)
    for idx in range(0, 125, 13):
        p, d, w, opt = data[idx]
        s, v = ils(p, d, w, time_limit=5.0, lower_bound=opt)
        assert v == opt == total_weighted_tardiness(p, d, s, w)


@pytest.mark.mirror
def test_ils_reaches_smtt100_optima_on_a_sample():
    data = load_smtt("smtt100_200")
    for idx in range(7, 200, 19):  # about one instance per (RDD, TF) class
        p, d, opt = data[idx]
        s, v = ils(p, d, time_limit=5.0, lower_bound=opt)
        assert v == opt == total_weighted_tardiness(p, d, s, w=None)


@pytest.mark.mirror
def test_ils_orlib_wt40_and_wt50_at_one_second():
    for n in (40, 50):
        data = load_orlib_wt(n)
        hits = sum(ils(p, d, w, time_limit=1.0, lower_bound=opt)[1] == opt for p, d, w, opt in data)
        assert hits >= 124, n


@pytest.mark.mirror
@pytest.mark.slow
def test_ils_smtt100_mean_gap_at_one_second():
    gaps = []
    for p, d, opt in load_smtt("smtt100_200"):
        _, v = ils(p, d, time_limit=1.0, lower_bound=opt)
        assert v >= opt
        gaps.append(100 * (v - opt) / opt if opt else float(v > 0))
    assert np.mean(gaps) <= 0.02
