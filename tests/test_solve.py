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
