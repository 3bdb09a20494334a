"""Single-machine algorithms reached through `ordino.solve` by name, on the ontology."""

from __future__ import annotations

import pytest

from ordino import ModelError, solve, verify
from tests.conftest import example
from tests.solvers.test_examples import brute_force_single_machine

RULE_NAMES = ["edd", "spt", "wspt", "mdd", "atc", "covert", "eddc", "mddc", "mddc-aug", "psk", "ils", "dp"]


@pytest.mark.parametrize("name", RULE_NAMES)
def test_every_method_gives_a_verified_schedule(name):
    problem = example("single_machine_weighted_tardiness")
    result = solve(problem, method=name, time_limit=1)
    assert result.status in ("feasible", "optimal") and verify(problem, result.schedule).feasible
    assert result.objective >= brute_force_single_machine(problem)


def test_auto_and_ils_reach_the_optimum():
    problem = example("single_machine_weighted_tardiness")
    best = brute_force_single_machine(problem)
    auto = solve(problem)
    assert auto.method == "dp" and auto.status == "optimal" and auto.objective == best
    ils = solve(problem, method="ils", time_limit=1)
    assert ils.objective == best and ils.bound <= best


def test_single_machine_methods_refuse_other_problems():
    with pytest.raises(ModelError, match="single-machine"):
        solve(example("ft06_job_shop"), method="mddc")


def test_generic_back_ends_use_the_single_machine_models():
    problem = example("single_machine_weighted_tardiness")
    for method in ("cpsat", "milp"):
        result = solve(problem, method=method, time_limit=20, workers=1)
        assert result.status == "optimal" and result.objective == brute_force_single_machine(problem)
        assert result.method == method
    from ordino.solve import get_method, specialised

    assert "local-search hint" in specialised(get_method("cpsat"), problem).description
    assert specialised(get_method("cpsat"), example("ft06_job_shop")).description.startswith("OR-Tools")
