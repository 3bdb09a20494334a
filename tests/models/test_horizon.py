"""The one default horizon: it contains an optimal schedule for non-regular objectives too, and every
back end uses it (the two cases of issue 13 answered 40 and 280 where 0 is optimal)."""

from __future__ import annotations

import pytest

from ordino import solve, verify
from ordino.models import Problem
from ordino.models.horizon import default_horizon, forced_gaps, landmark
from ordino.solve import methods


def _earliness_pair() -> Problem:
    return Problem.model_validate({
        "resources": [{"id": "M"}],
        "tasks": [{"id": "a", "modes": [{"resources": ["M"], "duration": 3}], "due": 20},
                  {"id": "b", "modes": [{"resources": ["M"], "duration": 2}], "due": 30}],
        "objective": [{"term": "total_earliness"}]})


def _landings(horizon: int | None = None) -> Problem:
    dues = [100, 130, 160, 190, 220]
    return Problem.model_validate({
        "horizon": horizon,
        "tasks": [{"id": f"L{k}", "modes": [{"duration": 0}], "due": d, "deadline": d + 30,
                   "weight": 3, "earliness_weight": 1} for k, d in enumerate(dues)],
        "constraints": [{"type": "separation", "tasks": [f"L{k}" for k in range(5)],
                         "gaps": [[0 if i == j else 8 for j in range(5)] for i in range(5)]}],
        "objective": [{"term": "total_weighted_earliness"}, {"term": "total_weighted_tardiness"}]})


@pytest.mark.parametrize("build", [_earliness_pair, _landings, lambda: _landings(horizon=250)])
def test_issue_examples_are_zero_with_every_method_that_supports_them(build):
    problem = build()
    names = ["auto", *(name for name, m in methods().items() if m.supports(problem) is None)]
    assert "cpsat" in names
    for name in names:
        result = solve(problem, method=name, time_limit=10, workers=1)
        assert verify(problem, result.schedule).feasible, name
        assert result.objective == 0, (name, result.status, result.objective)


def test_default_horizon_reaches_past_due_dates_and_constraint_gaps():
    problem = _earliness_pair()
    assert landmark(problem) == 30 and default_horizon(problem) == 35 == problem.effective_horizon
    landings = _landings()
    assert forced_gaps(landings) == 5 * 8 and landings.effective_horizon == 220 + 40


def test_negative_max_lag_counts_as_a_forced_gap():
    problem = Problem.model_validate({
        "tasks": [{"id": "a", "modes": [{"duration": 2}]}, {"id": "b", "modes": [{"duration": 1}]}],
        "constraints": [{"type": "start_before_start", "first": "a", "then": "b", "min_lag": -9, "max_lag": -4}]})
    assert forced_gaps(problem) == 4 and problem.effective_horizon == 7
    result = solve(problem, method="cpsat", time_limit=5, workers=1)
    assert result.status == "optimal" and result.objective == 6  # b at 0, a at 4, ends at 6


def test_a_given_horizon_is_a_hard_bound():
    problem = _landings(horizon=30)  # five landings 8 apart need 32
    assert problem.effective_horizon == 30
    result = solve(problem, method="cpsat", time_limit=5, workers=1)
    assert result.status == "infeasible"
