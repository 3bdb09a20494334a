"""The verifier catches every kind of violation and recomputes each objective term by hand."""

from __future__ import annotations

import pytest

from ordino import verify
from ordino.models import (
    Blocking,
    DifferentResource,
    Mode,
    NoWait,
    Problem,
    SameResource,
    Schedule,
    ScheduledTask,
    SelectExactlyOne,
    Synchronize,
    TimeWindow,
)
from tests.models.samples import landing


def sched(*rows: tuple) -> Schedule:
    return Schedule(tasks=[ScheduledTask(task=t, start=s, end=e, mode=m) for t, s, e, m in
                           [(r + (0,))[:4] if len(r) == 3 else r for r in rows]])


def kinds(problem: Problem, schedule: Schedule) -> list[str]:
    return [v.kind for v in verify(problem, schedule).violations]


@pytest.fixture
def two_on_one():
    return (Problem.builder().machine("M", unavailable=[(10, 12)]).task("a", 3, on="M", due=3, weight=2)
            .task("b", 4, on="M", due=5, release=1).minimize("total_weighted_tardiness").build())


def test_feasible_schedule_and_terms(two_on_one):
    report = verify(two_on_one, sched(("a", 0, 3), ("b", 3, 7)))
    assert report.feasible
    assert report.terms["total_weighted_tardiness"] == 2 and report.objective == 2
    assert report.terms["makespan"] == 7 and report.terms["total_completion_time"] == 10
    assert report.terms["maximum_lateness"] == 2 and report.terms["number_tardy"] == 1
    assert report.terms["total_earliness"] == 0


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ((("a", 0, 3), ("b", 2, 6)), "overlap"),
        ((("a", 0, 3), ("b", 9, 13)), "unavailable"),
        ((("a", 0, 3),), "missing_task"),
        ((("a", 0, 3), ("b", 3, 7), ("c", 0, 1)), "unknown_task"),
        ((("a", 0, 2), ("b", 3, 7)), "duration"),
        ((("b", 0, 4), ("a", 4, 7)), "release"),
        ((("a", 0, 3), ("b", 3, 7), ("a", 7, 10)), "duplicate_task"),
        ((("a", 0, 3, 1), ("b", 3, 7)), "mode"),
    ],
)
def test_each_violation_is_found(two_on_one, rows, expected):
    assert expected in kinds(two_on_one, sched(*rows))


def test_capacity_budget_and_deadline():
    p = (Problem.builder().renewable("crew", 3).consumable("steel", 5).horizon(10)
         .task("a", modes=[Mode(resources=["crew", "steel"], duration=4, demands=[2, 3])])
         .task("b", modes=[Mode(resources=["crew", "steel"], duration=4, demands=[2, 3])]).build())
    found = kinds(p, sched(("a", 0, 4), ("b", 2, 6)))
    assert "capacity" in found and "budget" in found
    assert "deadline" in kinds(p, sched(("a", 0, 4), ("b", 8, 12)))


def test_constraint_violations():
    p = (Problem.builder().machine("M1").machine("M2")
         .task("a", modes=[Mode(resources=["M1"], duration=2), Mode(resources=["M2"], duration=2)])
         .task("b", modes=[Mode(resources=["M1"], duration=2), Mode(resources=["M2"], duration=2)])
         .task("c", 1, on="M2", optional=True).task("d", 1, on="M2", optional=True)
         .precedence("a", "b", min_lag=1, max_lag=3)
         .constraint(NoWait(tasks=["a", "b"])).constraint(Synchronize(tasks=["c", "d"]))
         .constraint(SameResource(tasks=["a", "b"])).constraint(SelectExactlyOne(tasks=["c", "d"]))
         .constraint(TimeWindow(task="a", end_max=1)).build())
    found = kinds(p, sched(("a", 0, 2, 0), ("b", 6, 8, 1), ("c", 9, 10), ("d", 10, 11)))
    for kind in ("precedence", "no_wait", "synchronize", "same_resource", "select_exactly_one", "time_window"):
        assert kind in found
    q = (Problem.builder().machine("M1").task("a", 2, on="M1").task("b", 2, on="M1")
         .constraint(DifferentResource(tasks=["a", "b"])).build())
    assert "different_resource" in kinds(q, sched(("a", 0, 2), ("b", 2, 4)))


def test_blocking_keeps_the_machine_busy():
    p = (Problem.builder().machine("M1").machine("M2").task("a", 2, on="M1").task("b", 3, on="M2")
         .task("x", 4, on="M2").task("c", 1, on="M1").constraint(Blocking(first="a", then="b")).build())
    # a ends at 2 but b waits until 4 (M2 busy with x): M1 is blocked until 4, so c at 2 overlaps.
    assert "overlap" in kinds(p, sched(("a", 0, 2), ("x", 0, 4), ("b", 4, 7), ("c", 2, 3)))
    assert verify(p, sched(("a", 0, 2), ("x", 0, 4), ("b", 4, 7), ("c", 4, 5))).feasible


def test_setup_times_are_checked_and_summed():
    p = (Problem.builder().machine("M", setups={("red", "blue"): 3, ("blue", "red"): 1})
         .task("r", 2, on="M", family="red").task("b", 2, on="M", family="blue")
         .minimize("total_setup_time").build())
    assert "setup" in kinds(p, sched(("r", 0, 2), ("b", 3, 5)))
    report = verify(p, sched(("r", 0, 2), ("b", 5, 7)))
    assert report.feasible and report.objective == 3


def test_the_setup_from_the_state_at_time_0_and_tasks_of_no_length_at_one_instant():
    p = (Problem.builder().machine("M", setups={("clean", "red"): 4, ("clean", "blue"): 1, ("red", "blue"): 3,
                                                ("blue", "red"): 1}, initial_family="clean")
         .task("r", 2, on="M", family="red").task("b", 2, on="M", family="blue")
         .minimize("total_setup_time").build())
    assert "setup" in kinds(p, sched(("r", 3, 5), ("b", 8, 10)))  # red waits 4 for its setup from clean
    report = verify(p, sched(("b", 1, 3), ("r", 4, 6)))
    assert report.feasible and report.objective == 2  # clean -> blue 1, blue -> red 1
    tie = (Problem.builder().machine("M", setups={("A", "A"): 3})
           .task("a1", 2, on="M", family="A").task("x", 0, on="M", family="X").task("a2", 2, on="M", family="A")
           .minimize("makespan").build())
    assert verify(tie, sched(("a1", 0, 2), ("a2", 2, 4), ("x", 2, 2))).feasible  # x, of no length, goes between


def test_optional_task_absence_penalty_and_mode_cost():
    p = (Problem.builder().machine("M")
         .task("a", modes=[Mode(resources=["M"], duration=2, cost=7)])
         .task("b", 2, on="M", optional=True, absence_penalty=4).minimize("total_cost").build())
    assert verify(p, sched(("a", 0, 2))).objective == 11
    assert verify(p, sched(("a", 0, 2), ("b", 2, 4))).objective == 7


def test_separation_verifier_checks_non_consecutive_pairs() -> None:
    p = landing()
    # A0 at 0, A2 at 1, A1 at 2: consecutive gaps 1 and 1 hold, but A0 -> A1 needs 4
    s = Schedule(tasks=[ScheduledTask(task="A0", start=0, end=0), ScheduledTask(task="A2", start=1, end=1),
                        ScheduledTask(task="A1", start=2, end=2)])
    kinds = [v.kind for v in verify(p, s).violations]
    assert kinds == ["separation"]


def _two_jobs_two_machines(**constraint: object) -> Problem:
    return Problem.model_validate({
        "resources": [{"id": "M1"}, {"id": "M2"}, {"id": "M3"}], "jobs": [{"id": "A"}, {"id": "B"}],
        "tasks": [{"id": f"{j.lower()}{k}", "job": j, "optional": j == "B" and k == 1,
                   "modes": [{"resources": [f"M{k}"], "duration": 2}]} for j in "AB" for k in (1, 2, 3)],
        "constraints": [{"type": "permutation", **constraint}]})


def test_permutation_violation_names_the_jobs_and_machines() -> None:
    problem = _two_jobs_two_machines()
    same = sched(("a1", 0, 2), ("b1", 2, 4), ("a2", 2, 4), ("b2", 4, 6), ("a3", 4, 6), ("b3", 6, 8))
    assert verify(problem, same).feasible
    swapped = sched(("a1", 0, 2), ("b1", 2, 4), ("a2", 6, 8), ("b2", 4, 6), ("a3", 8, 10), ("b3", 6, 8))
    report = verify(problem, swapped)
    assert [v.kind for v in report.violations] == ["permutation"]
    message = report.violations[0].message
    assert "'A'" in message and "'B'" in message and "M1" in message and "M2" in message
    assert "'A' first on ['M1']" in message and "'B' first on ['M2', 'M3']" in message
    # only M2 and M3 listed: B first on both is one order
    assert verify(_two_jobs_two_machines(resources=["M2", "M3"]), swapped).feasible
    # B's optional task on M1 left out: the jobs are compared on M2 and M3 only
    assert verify(problem, Schedule(tasks=[e for e in swapped.tasks if e.task != "b1"])).feasible


def test_permutation_zero_length_ties_and_overlaps() -> None:
    problem = Problem.model_validate({
        "resources": [{"id": "M1"}, {"id": "M2", "kind": "renewable", "capacity": 2}, {"id": "M3"}],
        "jobs": [{"id": "A"}, {"id": "B"}],
        "tasks": [{"id": f"{j.lower()}{k}", "job": j, "modes": [{"resources": [f"M{k}"], "duration": k - 1}]}
                  for j in "AB" for k in (1, 3)],
        "constraints": [{"type": "permutation"}]})
    # zero-length tasks at one instant on M1 may be read in either order, so B first on M3 is fine
    assert verify(problem, sched(("a1", 5, 5), ("b1", 5, 5), ("b3", 0, 2), ("a3", 2, 4))).feasible
    # machine overlaps are the machine's violation; the permutation adds its own naming the jobs
    report = verify(problem, sched(("a1", 0, 0), ("b1", 1, 1), ("b3", 0, 2), ("a3", 1, 3)))
    assert sorted(v.kind for v in report.violations) == ["overlap", "permutation"]
    assert "overlapping on ['M3']" in next(v.message for v in report.violations if v.kind == "permutation")
