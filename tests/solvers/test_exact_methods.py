"""Every exact scheduling method (CP-SAT, MILP, ...) on each constraint type, objective term, infeasibility and
separation; a method that does not support a model must say why (`Method.supports`), and the test is skipped."""

from __future__ import annotations

import pytest

from ordino import verify
from ordino.models import (
    Blocking,
    DifferentResource,
    Mode,
    NoWait,
    Problem,
    Result,
    SameResource,
    Schedule,
    ScheduledTask,
    SelectExactlyOne,
    StartBeforeStart,
    Synchronize,
    TimeWindow,
)
from ordino.models.method import Method
from tests.models.samples import landing
from tests.solvers.backends import solve_with


def run(problem: Problem, method: Method, time_limit: float = 20) -> Result:
    result = solve_with(problem, method, time_limit=time_limit, workers=2)
    assert isinstance(result, Result) and result.schedule is not None
    assert result.status == "optimal", result.log
    assert verify(problem, result.schedule).feasible
    return result


def two_machines():
    return Problem.builder().machine("M1").machine("M2")


def flex(b, task, d1, d2, **kw):
    return b.task(task, modes=[Mode(resources=["M1"], duration=d1), Mode(resources=["M2"], duration=d2)], **kw)


def test_lags_no_wait_and_synchronize(exact_method: Method):
    b = two_machines().task("a", 3, on="M1").task("b", 2, on="M2").task("c", 2, on="M1").task("d", 4, on="M2")
    b.precedence("a", "b", min_lag=2).constraint(NoWait(tasks=["b", "c"])).constraint(Synchronize(tasks=["c", "d"]))
    r = run(b.build(), exact_method)
    s = r.schedule.by_task()
    assert s["b"].start >= s["a"].end + 2 and s["c"].start == s["b"].end and s["c"].start == s["d"].start
    assert r.objective == 11


def test_start_before_start_max_lag_and_window(exact_method: Method):
    b = two_machines().task("a", 5, on="M1", release=4).task("b", 1, on="M2")
    b.constraint(StartBeforeStart(first="a", then="b", min_lag=0, max_lag=1))
    b.constraint(TimeWindow(task="b", start_min=6))
    s = run(b.build(), exact_method).schedule.by_task()
    assert 0 <= s["b"].start - s["a"].start <= 1 and s["b"].start >= 6


def test_same_and_different_resource(exact_method: Method):
    b = two_machines()
    for t in "abcd":
        flex(b, t, 2, 3)
    b.constraint(SameResource(tasks=["a", "b", "c"])).constraint(DifferentResource(tasks=["a", "d"]))
    r = run(b.build(), exact_method)
    modes = {e.task: e.mode for e in r.schedule.tasks}
    assert modes["a"] == modes["b"] == modes["c"] != modes["d"]
    assert r.objective == 6  # three tasks of 2 on M1, d on M2


def test_blocking_keeps_first_machine_busy(exact_method: Method):
    b = two_machines().task("a", 2, on="M1").task("x", 5, on="M2", release=0).task("b", 1, on="M2")
    b.task("c", 1, on="M1").constraint(Blocking(first="a", then="b")).precedence("x", "b")
    b.precedence("a", "c")
    s = run(b.build(), exact_method).schedule.by_task()
    assert s["c"].start >= s["b"].start  # M1 stays blocked by a until b starts


def test_optional_tasks_select_exactly_one_and_cost(exact_method: Method):
    b = two_machines().task("a", 4, on="M1", optional=True).task("b", 2, on="M2", optional=True)
    b.task("c", 3, on="M1", optional=True, absence_penalty=5)
    b.constraint(SelectExactlyOne(tasks=["a", "b"])).minimize("makespan").minimize("total_cost")
    r = run(b.build(), exact_method)
    names = {e.task for e in r.schedule.tasks}
    assert names == {"b", "c"} and r.objective == 3  # makespan 3 beats leaving c out (penalty 5)


def test_renewable_and_consumable_resources(exact_method: Method):
    b = Problem.builder().renewable("crew", 2).consumable("budget", 5)
    for t in "abc":
        b.task(t, modes=[Mode(resources=["crew"], duration=3), Mode(resources=["crew", "budget"], duration=1,
                                                                       demands=[1, 3])])
    r = run(b.build(), exact_method)
    assert sum(e.mode for e in r.schedule.tasks) == 1  # the budget pays for one fast mode
    assert r.objective == 4  # two slow runs side by side on the crew of 2, the fast one after or beside


@pytest.mark.parametrize("term", ["total_completion_time", "maximum_lateness", "maximum_tardiness", "number_tardy",
                                  "total_earliness", "weighted_number_tardy", "total_weighted_earliness"])
def test_every_objective_term_matches_the_verifier(term, exact_method: Method):
    b = Problem.builder().machine("M")
    for i, (p, d) in enumerate([(3, 4), (2, 9), (4, 5), (1, 2)]):
        b.task(f"t{i}", p, on="M", due=d, weight=i + 1)
    r = run(b.minimize(term).build(), exact_method)
    assert r.objective == verify(b.build(), r.schedule).terms[term]


def test_maximum_tardiness_is_zero_when_every_job_can_be_on_time_unlike_maximum_lateness(exact_method: Method):
    b = Problem.builder().machine("M")
    for i, (p, d) in enumerate([(3, 10), (2, 9), (4, 12)]):
        b.task(f"t{i}", p, on="M", due=d)
    assert run(b.minimize("maximum_tardiness").build(), exact_method).objective == 0
    assert run(b.minimize("maximum_lateness").build(), exact_method).objective == -3  # 2 by 9, then 3 by 10 ...


def test_infeasible_deadline_is_reported(exact_method: Method):
    b = Problem.builder("late").machine("M")
    b.task("a", 5, on="M", deadline=6).task("b", 5, on="M", deadline=6)
    result = solve_with(b.build(), exact_method, time_limit=10, workers=1)
    assert result.status == "infeasible"
    assert isinstance(result, Result) and result.schedule is None


def test_separation_and_earliness_weight_solve_and_verify(exact_method: Method) -> None:
    p = landing()
    r = solve_with(p, exact_method, time_limit=10)
    assert r.status == "optimal" and not r.violations
    # brute force over integer landing times 0..20
    best = None
    for a in range(21):
        for b in range(21):
            for c in range(21):
                s = Schedule(tasks=[ScheduledTask(task=t, start=x, end=x) for t, x in zip(("A0", "A1", "A2"), (a, b, c),
                                                                                       strict=True)])
                v = verify(p, s)
                if v.feasible and (best is None or v.objective < best):
                    best = v.objective
    assert r.objective == best

