"""The front door: `auto` picks by structure, and every method's schedule is verified."""

from __future__ import annotations

import pytest

from ordino import solve, verify
from ordino.models import Result, Schedule, ScheduledTask
from ordino.solve import checked, choose_method
from tests.conftest import example


@pytest.mark.parametrize(("name", "method"), [
    ("single_machine_weighted_tardiness", "dp"), ("ft06_job_shop", "portfolio"), ("rcpsp_project", "portfolio"),
    ("flexible_job_shop", "portfolio"), ("setups_and_breaks", "cpsat")])
def test_auto_picks_by_structure(name, method):
    assert choose_method(example(name)) == method


def test_auto_solves_ft06_to_its_optimum():
    problem = example("ft06_job_shop")
    result = solve(problem, time_limit=20, workers=2)
    assert result.objective == 55 and verify(problem, result.schedule).feasible


def test_a_broken_schedule_is_never_reported_feasible():
    problem = example("ft06_job_shop")
    bogus = Schedule(tasks=[ScheduledTask(task=t.id, start=0, end=t.modes[0].duration) for t in problem.tasks])
    result = checked(problem, Result(status="feasible", schedule=bogus, bound=0.0, method="bogus"))
    assert result.status == "error" and any(v.kind == "overlap" for v in result.violations)


# --- every family through the one front door ---------------------------------------------------------------

def _roster():
    from ordino.models import load_model
    from tests.conftest import EXAMPLES

    return load_model(EXAMPLES / "nurse_roster.json")


def _linear():
    from ordino.models import load_model
    from tests.conftest import EXAMPLES

    return load_model(EXAMPLES / "production_plan.json")


def test_bad_options_are_input_errors_in_every_family():
    from ordino.errors import InputError

    for model in (_roster(), _linear(), example("ft06_job_shop")):
        with pytest.raises(InputError, match="time_limit"):
            solve(model, time_limit=-1)


@pytest.mark.parametrize("method", ["cpsat", "milp"])
def test_a_roster_result_has_the_shared_fields(method):
    from ordino.models import RosterResult

    result = solve(_roster(), method=method, time_limit=20, workers=2)
    assert isinstance(result, RosterResult) and result.method == method
    assert result.status == "optimal" and result.objective == 0 and result.gap == 0 and result.runtime > 0
    assert verify(_roster(), result.roster).violations == []


@pytest.mark.parametrize("method", ["highs", "cpsat"])
def test_a_warm_start_is_taken_by_the_linear_solvers(method):
    from ordino.models import LinearSolution

    start = LinearSolution(values={"bread": 10.0, "cake": 15.0})
    result = solve(_linear(), method=method, time_limit=10, workers=2, warm_start=start)
    assert result.status == "optimal" and result.objective == 115 and result.solution == start


def test_a_roster_warm_start_is_a_hint_and_the_wrong_kind_is_refused():
    from ordino.errors import InputError

    first = solve(_roster(), method="cpsat", time_limit=20, workers=2)
    again = solve(_roster(), method="cpsat", time_limit=20, workers=2, warm_start=first.roster, log=False)
    assert again.status == "optimal" and again.objective == first.objective
    with pytest.raises(InputError, match="warm start of assignment models is a Roster"):
        solve(_roster(), warm_start=Schedule(tasks=[]))
    milp = solve(_roster(), method="milp", time_limit=20, warm_start=first.roster)
    assert milp.status == "optimal" and any("warm start is not used" in line for line in milp.log)


def test_methods_are_registered_per_family():
    from ordino.errors import InputError
    from ordino.solve import get_method, methods

    assert set(methods("assignment")) == {"cpsat", "milp"} and set(methods("linear")) == {"highs", "cpsat"}
    assert get_method("highs", "assignment").name == "milp" and get_method("milp", "linear").name == "highs"
    with pytest.raises(InputError, match="for linear models; choose one of: auto, cpsat, highs"):
        get_method("tabu", "linear")
