"""Exact methods for single-machine total (weighted) tardiness: DP, bounds, dominance, MILP and CP-SAT."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordino.heuristics.single_machine import (
    dp_subsets,
    emmons_precedences,
    lower_bound,
    total_weighted_tardiness,
)
from ordino.heuristics.single_machine.exact import _dp_subsets_numpy
from tests.heuristics.single_machine.instances import load_smtt


@st.composite
def small(draw, max_n=7, weighted=True):
    n = draw(st.integers(0, max_n))
    p = np.array(draw(st.lists(st.integers(0, 8), min_size=n, max_size=n)), dtype=np.int64)
    d = np.array(draw(st.lists(st.integers(-5, 30), min_size=n, max_size=n)), dtype=np.int64)
    w = (
        np.array(draw(st.lists(st.integers(1, 5), min_size=n, max_size=n)), dtype=np.int64)
        if weighted
        else None
    )
    return p, d, w


def _all_perms(n: int) -> np.ndarray:
    return np.array(list(itertools.permutations(range(n))), dtype=np.int64).reshape(-1, n)


def brute(p, d, w, prec=None):
    """Optimum by enumerating every permutation (vectorised; ``prec[i, j]`` keeps only i-before-j orders)."""
    if p.size == 0:
        return 0
    perms = _all_perms(p.size)
    if prec is not None and p.size:
        pos = np.argsort(perms, axis=1)  # pos[r, j]: position of job j in permutation r
        i, j = np.nonzero(prec)
        perms = perms[(pos[:, i] < pos[:, j]).all(axis=1)]
    ww = np.ones_like(p) if w is None else w
    c = np.cumsum(p[perms], axis=1)
    return int((np.maximum(c - d[perms], 0) * ww[perms]).sum(axis=1).min())


@settings(max_examples=150, deadline=None)
@given(small(max_n=8), st.booleans())
def test_dp_equals_brute_force(inst, weighted):
    p, d, w = inst
    w = w if weighted else None
    perm, value = dp_subsets(p, d, w)
    assert sorted(perm.tolist()) == list(range(p.size))
    assert total_weighted_tardiness(p, d, perm, w) == value
    assert value == brute(p, d, w)
    assert 0 <= lower_bound(p, d, w) <= value


@settings(max_examples=200, deadline=None)
@given(small(max_n=7), st.booleans())
def test_emmons_pairs_keep_an_optimum(inst, weighted):
    p, d, w = inst
    w = w if weighted else None
    prec = emmons_precedences(p, d, w)
    assert not (prec & prec.T).any()  # acyclic (closure is transitive)
    assert not prec.diagonal().any()
    assert brute(p, d, w, prec) == brute(p, d, w)


def test_emmons_finds_pairs_on_easy_instances():
    p = np.array([1, 5, 9])
    d = np.array([1, 20, 100])
    prec = emmons_precedences(p, d)
    assert prec[0, 1] and prec[0, 2] and prec[1, 2]


@pytest.mark.mirror
def test_dp_matches_published_smtt20_optima():
    data = load_smtt("smtt20_800")
    for idx in range(5, 800, 100):  # one instance from each due-date range class
        p, d, opt = data[idx]
        perm, value = dp_subsets(p, d)
        assert value == opt
        assert total_weighted_tardiness(p, d, perm) == opt
        assert lower_bound(p, d) <= opt


def test_compiled_and_numpy_dp_agree():
    rng = np.random.default_rng(3)
    for n in (1, 5, 9, 13):
        p = rng.integers(0, 30, n)
        d = rng.integers(-10, int(p.sum()) + 1, n)
        w = rng.integers(1, 6, n)
        perm, value = dp_subsets(p, d, w)
        ref_perm, ref = _dp_subsets_numpy(p, d, w)
        assert value == ref == total_weighted_tardiness(p, d, ref_perm, w) == total_weighted_tardiness(p, d, perm, w)


def test_dp_with_values_beyond_int32():
    p = np.array([10**6, 2 * 10**6, 3 * 10**6])
    d = np.zeros(3, dtype=np.int64)
    w = np.array([1000, 1, 1])
    perm, value = dp_subsets(p, d, w)
    assert value == brute(p, d, w) == total_weighted_tardiness(p, d, perm, w)


def test_dp_rejects_large_instances():
    with pytest.raises(ValueError):
        dp_subsets(np.ones(30, dtype=int), np.zeros(30, dtype=int))
