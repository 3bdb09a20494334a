"""Evaluation and move gains of single-machine total weighted tardiness against brute force."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ordino.heuristics.single_machine import (
    adjacent_swap_gains,
    batch_total_weighted_tardiness,
    insertion_gains,
    move_to_end_values,
    swap_gains,
    total_weighted_tardiness,
)


@st.composite
def instances(draw, min_n=1, max_n=8):
    n = draw(st.integers(min_n, max_n))
    p = np.array(draw(st.lists(st.integers(0, 12), min_size=n, max_size=n)), dtype=np.int64)
    d = np.array(draw(st.lists(st.integers(-10, 60), min_size=n, max_size=n)), dtype=np.int64)
    w = np.array(draw(st.lists(st.integers(0, 6), min_size=n, max_size=n)), dtype=np.int64)
    perm = np.array(draw(st.permutations(list(range(n)))), dtype=np.int64)
    return p, d, w, perm


def loop_twt(p, d, w, perm) -> int:
    t = total = 0
    for j in perm:
        t += int(p[j])
        total += int(w[j]) * max(0, t - int(d[j]))
    return total


@settings(max_examples=200, deadline=None)
@given(instances())
def test_evaluation_matches_loop(inst):
    p, d, w, perm = inst
    assert total_weighted_tardiness(p, d, perm, w) == loop_twt(p, d, w, perm)
    assert total_weighted_tardiness(p, d, perm) == loop_twt(p, d, np.ones_like(p), perm)
    batch = batch_total_weighted_tardiness(p, d, np.stack([perm, perm[::-1]]), w)
    assert list(batch) == [loop_twt(p, d, w, perm), loop_twt(p, d, w, perm[::-1])]


@settings(max_examples=150, deadline=None)
@given(instances(min_n=2), st.one_of(st.none(), st.integers(1, 8)))
def test_move_gains_match_brute_force(inst, span):
    p, d, w, s = inst
    n = s.size
    v = loop_twt(p, d, w, s)
    g = swap_gains(p, d, s, w, max_span=span)
    fwd, bwd = insertion_gains(p, d, s, w)
    adj = adjacent_swap_gains(p, d, s, w)
    end = move_to_end_values(p, d, s, w)
    for i in range(n):
        t = list(s)
        t.append(t.pop(i))
        assert end[i] == loop_twt(p, d, w, t)
        for j in range(i + 1, n):
            t = s.copy()
            t[i], t[j] = t[j], t[i]
            if span is None or j - i <= span:
                assert g[i, j] == v - loop_twt(p, d, w, t)
            else:
                assert g[i, j] < -(10**12)
            if j == i + 1:
                assert adj[i] == v - loop_twt(p, d, w, t)
            t = list(s)
            t.insert(j, t.pop(i))
            assert fwd[i, j] == v - loop_twt(p, d, w, t)
            t = list(s)
            t.insert(i, t.pop(j))
            assert bwd[i, j] == v - loop_twt(p, d, w, t)
    assert (g[np.tril_indices(n)] < -(10**12)).all()
