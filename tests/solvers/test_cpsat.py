"""CP-SAT back end: each constraint type, objectives, warm start, infeasibility and bad options."""

from __future__ import annotations

import pytest

from ordino import InputError, ModelError, solve, verify
from ordino.models import (
    Blocking,
    DifferentResource,
    Mode,
    NoWait,
    Problem,
    SameResource,
    SelectExactlyOne,
    StartBeforeStart,
    Synchronize,
    TimeWindow,
)
from tests.conftest import example


def run(problem, **kw):
    result = solve(problem, method="cpsat", time_limit=kw.pop("time_limit", 20), workers=2, **kw)
    assert result.status == "optimal", result.log
    assert verify(problem, result.schedule).feasible
    return result


def two_machines():
    return Problem.builder().machine("M1").machine("M2")


def flex(b, task, d1, d2, **kw):
    return b.task(task, modes=[Mode(resources=["M1"], duration=d1), Mode(resources=["M2"], duration=d2)], **kw)


def test_lags_no_wait_and_synchronize():
    b = two_machines().task("a", 3, on="M1").task("b", 2, on="M2").task("c", 2, on="M1").task("d", 4, on="M2")
    b.precedence("a", "b", min_lag=2).constraint(NoWait(tasks=["b", "c"])).constraint(Synchronize(tasks=["c", "d"]))
    r = run(b.build())
    s = r.schedule.by_task()
    assert s["b"].start >= s["a"].end + 2 and s["c"].start == s["b"].end and s["c"].start == s["d"].start
    assert r.objective == 11


def test_start_before_start_max_lag_and_window():
    b = two_machines().task("a", 5, on="M1", release=4).task("b", 1, on="M2")
    b.constraint(StartBeforeStart(first="a", then="b", min_lag=0, max_lag=1))
    b.constraint(TimeWindow(task="b", start_min=6))
    s = run(b.build()).schedule.by_task()
    assert 0 <= s["b"].start - s["a"].start <= 1 and s["b"].start >= 6


def test_same_and_different_resource():
    b = two_machines()
    for t in "abcd":
        flex(b, t, 2, 3)
    b.constraint(SameResource(tasks=["a", "b", "c"])).constraint(DifferentResource(tasks=["a", "d"]))
    r = run(b.build())
    modes = {e.task: e.mode for e in r.schedule.tasks}
    assert modes["a"] == modes["b"] == modes["c"] != modes["d"]
    assert r.objective == 6  # three tasks of 2 on M1, d on M2


def test_blocking_keeps_first_machine_busy():
    b = two_machines().task("a", 2, on="M1").task("x", 5, on="M2", release=0).task("b", 1, on="M2")
    b.task("c", 1, on="M1").constraint(Blocking(first="a", then="b")).precedence("x", "b")
    b.precedence("a", "c")
    s = run(b.build()).schedule.by_task()
    assert s["c"].start >= s["b"].start  # M1 stays blocked by a until b starts


def test_optional_tasks_select_exactly_one_and_cost():
    b = two_machines().task("a", 4, on="M1", optional=True).task("b", 2, on="M2", optional=True)
    b.task("c", 3, on="M1", optional=True, absence_penalty=5)
    b.constraint(SelectExactlyOne(tasks=["a", "b"])).minimize("makespan").minimize("total_cost")
    r = run(b.build())
    names = {e.task for e in r.schedule.tasks}
    assert names == {"b", "c"} and r.objective == 3  # makespan 3 beats leaving c out (penalty 5)


def test_renewable_and_consumable_resources():
    b = Problem.builder().renewable("crew", 2).consumable("budget", 5)
    for t in "abc":
        b.task(t, modes=[Mode(resources=["crew"], duration=3), Mode(resources=["crew", "budget"], duration=1,
                                                                       demands=[1, 3])])
    r = run(b.build())
    assert sum(e.mode for e in r.schedule.tasks) == 1  # the budget pays for one fast mode
    assert r.objective == 4  # two slow runs side by side on the crew of 2, the fast one after or beside


@pytest.mark.parametrize("term", ["total_completion_time", "maximum_lateness", "number_tardy",
                                  "total_earliness", "weighted_number_tardy", "total_weighted_earliness"])
def test_every_objective_term_matches_the_verifier(term):
    b = Problem.builder().machine("M")
    for i, (p, d) in enumerate([(3, 4), (2, 9), (4, 5), (1, 2)]):
        b.task(f"t{i}", p, on="M", due=d, weight=i + 1)
    r = run(b.minimize(term).build())
    assert r.objective == verify(b.build(), r.schedule).terms[term]


def test_warm_start_is_accepted():
    problem = example("ft06_job_shop")
    first = run(problem)
    again = run(problem, warm_start=first.schedule)
    assert again.objective == first.objective == 55


def test_infeasible_names_conflicting_groups():
    b = Problem.builder().machine("M").task("a", 5, on="M", deadline=6).task("b", 5, on="M", deadline=6)
    result = solve(b.build(), method="cpsat", time_limit=5, workers=1)
    assert result.status == "infeasible" and result.schedule is None
    assert any("deadlines" in line for line in result.log)


def test_bad_options_and_unknown_method():
    problem = example("ft06_job_shop")
    with pytest.raises(InputError, match="time_limit"):
        solve(problem, time_limit=0)
    with pytest.raises(InputError, match="unknown method 'magic'"):
        solve(problem, method="magic")
    assert isinstance(InputError("x"), Exception) and not issubclass(ModelError, InputError)
