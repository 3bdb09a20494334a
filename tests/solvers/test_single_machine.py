"""The CP-SAT and MILP models of single-machine (weighted) total tardiness against the exact DP."""

from __future__ import annotations

import numpy as np
import pytest

from ordino.heuristics.single_machine import dp_subsets, total_weighted_tardiness
from ordino.solvers.single_machine import cpsat_smwt, positional_milp, time_indexed_milp
from tests.heuristics.single_machine.instances import load_smtt


@pytest.mark.parametrize("weighted", [False, True])
def test_milp_and_cpsat_agree_with_dp(weighted):
    rng = np.random.default_rng(7 + weighted)
    for _ in range(3):
        n = 6
        p = rng.integers(1, 8, n)
        d = rng.integers(0, 25, n)
        w = rng.integers(1, 5, n) if weighted else None
        _, opt = dp_subsets(p, d, w)
        for solve in (positional_milp, time_indexed_milp, cpsat_smwt):
            perm, value, lb, proven = solve(p, d, w, time_limit=20)
            assert proven, solve.__name__
            assert value == opt == lb, solve.__name__
            assert total_weighted_tardiness(p, d, perm, w) == opt


@pytest.mark.mirror
def test_cpsat_with_emmons_on_smtt20_sample():
    p, d, opt = load_smtt("smtt20_800")[123]
    perm, value, lb, proven = cpsat_smwt(p, d, time_limit=30, workers=2)
    assert value >= opt and lb <= opt
    if proven:
        assert value == opt
