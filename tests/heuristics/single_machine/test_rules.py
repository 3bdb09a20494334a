"""Constructive rules: valid permutations and the textbook optimality cases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ordino.heuristics.single_machine import (
    RULES,
    dp_subsets,
    eddc,
    mdd,
    mddc,
    mddc_augmented,
    total_tardiness,
    total_weighted_tardiness,
)

NAMES = ["edd", "spt", "wspt", "mdd", "atc", "covert", "eddc", "mddc", "mddc-aug", "psk"]


def test_registry_names():
    assert sorted(RULES) == sorted(NAMES)


@st.composite
def instances(draw, max_n=15):
    n = draw(st.integers(0, max_n))
    p = np.array(draw(st.lists(st.integers(0, 30), min_size=n, max_size=n)), dtype=np.int64)
    d = np.array(draw(st.lists(st.integers(-20, 200), min_size=n, max_size=n)), dtype=np.int64)
    w = np.array(draw(st.lists(st.integers(0, 9), min_size=n, max_size=n)), dtype=np.int64)
    return p, d, w


@pytest.mark.parametrize("name", NAMES)
@settings(max_examples=60, deadline=None)
@given(inst=instances())
def test_rules_return_permutations(name, inst):
    p, d, w = inst
    for weights in (None, w):
        perm = RULES[name](p, d, weights)
        assert isinstance(perm, np.ndarray)
        assert sorted(perm.tolist()) == list(range(p.size))


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.integers(1, 20), min_size=1, max_size=12),
    st.lists(st.integers(0, 15), min_size=12, max_size=12),
)
def test_edd_optimal_when_all_can_be_on_time(ps, slack):
    p = np.array(ps)
    d = np.cumsum(p) + np.array(slack[: p.size])  # EDD order = index order, every job on time there
    for name in ("edd", "mdd"):
        assert total_tardiness(p, d, RULES[name](p, d)) == 0


@settings(max_examples=80, deadline=None)
@given(st.lists(st.integers(1, 20), min_size=1, max_size=10), st.data())
def test_spt_and_wspt_optimal_when_all_late(ps, data):
    p = np.array(ps)
    n = p.size
    d = np.array(data.draw(st.lists(st.integers(-30, int(p.min())), min_size=n, max_size=n)))
    w = np.array(data.draw(st.lists(st.integers(1, 5), min_size=n, max_size=n)))
    _, opt = dp_subsets(p, d)
    assert total_tardiness(p, d, RULES["spt"](p, d)) == opt
    _, wopt = dp_subsets(p, d, w)
    assert total_weighted_tardiness(p, d, RULES["wspt"](p, d, w), w) == wopt


def test_mdd_weighted_equals_unweighted_with_unit_weights():
    rng = np.random.default_rng(0)
    for _ in range(30):
        p, d = rng.integers(1, 50, 25), rng.integers(0, 600, 25)
        a, b = mdd(p, d), mdd(p, d, np.ones(25, dtype=int))
        assert total_tardiness(p, d, a) == total_tardiness(p, d, b)


def _mddc_reference(p, d, alpha=1.1):
    """Straight transcription of the score in the paper's code (remaining-job max and mean)."""
    cand = list(np.lexsort((p, d)))
    t, seq = 0, []
    while cand:
        pc = p[cand].astype(float)
        u = np.maximum(alpha * pc + t, d[cand])
        r = np.minimum(pc / (t + pc.max()), 1.0)
        u = u * (1 + r**2 / (1 + r**2)) + pc / (t + pc.mean())
        job = cand.pop(int(np.argmin(u)))
        seq.append(job)
        t += int(p[job])
    return np.array(seq)


def test_mddc_matches_reference_transcription():
    rng = np.random.default_rng(1)
    for _ in range(40):
        n = int(rng.integers(1, 40))
        p, d = rng.integers(1, 100, n), rng.integers(-100, 60 * n, n)
        assert total_tardiness(p, d, mddc(p, d)) == total_tardiness(p, d, _mddc_reference(p, d))


def test_augmented_mddc_never_worse_than_its_last_step_and_valid():
    rng = np.random.default_rng(2)
    better = 0
    for _ in range(30):
        p, d = rng.integers(1, 100, 30), rng.integers(500, 1500, 30)
        a = mddc_augmented(p, d)
        assert sorted(a.tolist()) == list(range(30))
        better += total_tardiness(p, d, a) <= total_tardiness(p, d, mddc(p, d))
    assert better >= 20  # the move-to-end search usually helps (it is greedy, not monotone)


def test_eddc_only_moves_early_jobs_later():
    """Every adjacent inversion EDDC leaves w.r.t. EDD must have had a tardy earlier job or failed check."""
    rng = np.random.default_rng(3)
    for _ in range(50):
        p, d = rng.integers(1, 30, 15), rng.integers(0, 300, 15)
        s = eddc(p, d)
        assert sorted(s.tolist()) == list(range(15))
        # starting order is SPT; with all jobs early EDDC must reach full EDD order
        d_late = np.cumsum(np.sort(p))[-1] + rng.integers(1, 50, 15)
        s2 = eddc(p, d_late)
        assert (np.diff(d_late[s2]) >= 0).all()
