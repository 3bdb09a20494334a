"""Rescheduling (issue 18): every repair keeps what started, obeys every event, and is checked here again,
apart from the package's own checks: the pinned part entry by entry, nothing new before `now`, the events
against the problem they change, and the two parts of the objective recomputed from the per-task diff."""

from __future__ import annotations

import pytest

from ordino import solve
from ordino.datasets.generators import taillard_pfsp
from ordino.errors import InputError, ModelError
from ordino.models import Events, Problem, Result, Schedule, events_from_dict
from ordino.reschedule import Repair, reschedule
from ordino.reschedule.events import apply_events
from ordino.reschedule.repair import repair_problem, started_tasks
from ordino.verify import verify_schedule
from tests.conftest import example
from tests.differential.brute_schedule import brute_force

CLASSES = ["single_machine_weighted_tardiness", "parallel_machines", "ft06_job_shop", "flexible_job_shop",
           "rcpsp_project", "setups_and_breaks", "flow_shop"]


def _problem(name: str) -> Problem:
    return taillard_pfsp(6, 3, 1).problem if name == "flow_shop" else example(name)


def _plan(problem: Problem) -> Schedule:
    result = solve(problem, method="cpsat", time_limit=10, workers=2)
    assert isinstance(result, Result) and result.schedule is not None
    return result.schedule


def _checked(problem: Problem, plan: Schedule, repair: Repair, stability: int = 1) -> None:
    """The repair against the plan, by rules written here: pinned tasks unchanged, the rest from `now`, the
    schedule feasible for the problem after the events, and objective = own part + stability part."""
    new, old = repair.result.schedule, plan.by_task()
    assert new is not None and repair.result.status in ("optimal", "feasible"), repair.result.log
    report = verify_schedule(repair.problem, new)
    assert report.feasible, report.violations
    for c in repair.changes:
        if c.change == "started":
            assert c.new_start == old[c.task].start < repair.now and c.new_resources == c.old_resources
        elif c.new_start is not None:
            assert c.new_start >= repair.now, c
    assert repair.objective == report.objective
    moved = [c for c in repair.changes if c.change in ("moved", "resource", "redone")]
    deviation = sum(1 + abs((c.new_start or 0) - (c.old_start or 0)) for c in moved)
    movable = sum(c.change not in ("started", "new", "cancelled") for c in repair.changes)
    assert repair.deviation == deviation and repair.scale == (movable if stability else 1)
    assert repair.stability == pytest.approx(stability * deviation / repair.scale)
    assert repair.total == pytest.approx(repair.objective + repair.stability)
    assert repair.result.objective == repair.scale * repair.objective + stability * deviation  # what was minimised


@pytest.mark.parametrize("name", CLASSES)
def test_a_breakdown_is_repaired_on_every_class(name: str) -> None:
    problem = _problem(name)
    plan = _plan(problem)
    now = max(1, plan.makespan // 4)
    busy = problem.task(plan.tasks[0].task).modes[plan.tasks[0].mode].resources[0]
    events = events_from_dict([{"type": "breakdown", "resource": busy, "start": now, "end": now + 5}])
    for method in ("auto", "cpsat"):
        repair = reschedule(problem, plan, now, events, method=method, time_limit=10)
        _checked(problem, plan, repair)
        for e in repair.result.schedule.tasks if repair.result.schedule else []:
            uses = repair.problem.task(e.task).modes[e.mode].resources
            assert busy not in uses or e.end <= now or e.start >= now + 5 or e.end == e.start, e


def test_the_repair_of_cpsat_is_no_worse_than_right_shift_and_stability_keeps_tasks_in_place() -> None:
    problem = example("ft06_job_shop")
    plan = _plan(problem)
    events = events_from_dict([{"type": "breakdown", "resource": "M2", "start": 10, "end": 20}])
    shifted = reschedule(problem, plan, 8, events, method="right_shift")
    best = reschedule(problem, plan, 8, events, method="auto", time_limit=10)
    _checked(problem, plan, shifted)
    _checked(problem, plan, best)
    assert best.result.objective <= shifted.result.objective
    free = reschedule(problem, plan, 8, events, method="cpsat", stability=0, time_limit=10)
    _checked(problem, plan, free, stability=0)
    assert free.objective <= best.objective and free.stability == 0 and free.scale == 1
    steady = reschedule(problem, plan, 8, events, method="cpsat", stability=20, time_limit=10)
    _checked(problem, plan, steady, stability=20)
    assert steady.moved <= free.moved and steady.shifted <= free.shifted


def test_a_task_cut_by_a_breakdown_is_redone_after_it() -> None:
    problem = example("ft06_job_shop")
    plan = _plan(problem)
    running = next(e for e in sorted(plan.tasks, key=lambda e: e.start) if e.start < 10 < e.end)
    machine = problem.task(running.task).modes[0].resources[0]
    events = events_from_dict([{"type": "breakdown", "resource": machine, "start": 10, "end": 14}])
    repair = reschedule(problem, plan, 10, events, time_limit=10)
    _checked(problem, plan, repair)
    change = next(c for c in repair.changes if c.task == running.task)
    assert change.change == "redone" and change.new_start is not None and change.new_start >= 14


def test_a_longer_running_task_keeps_its_start() -> None:
    problem = example("ft06_job_shop")
    plan = _plan(problem)
    running = next(e for e in plan.tasks if e.start < 5 < e.end)
    events = events_from_dict([{"type": "duration", "task": running.task, "duration": running.end - running.start + 7}])
    repair = reschedule(problem, plan, 5, events, time_limit=10)
    _checked(problem, plan, repair)
    entry = repair.result.schedule.by_task()[running.task] if repair.result.schedule else None
    assert entry is not None and (entry.start, entry.end) == (running.start, running.end + 7)


def test_new_job_cancel_rush_due_and_release() -> None:
    problem = example("ft06_job_shop")
    plan = _plan(problem)
    later = [t.id for t in problem.tasks if plan.by_task()[t.id].start >= 12 and t.job != "J1"]
    events = events_from_dict({"schema": "ordino-events/1", "events": [
        {"type": "new_job", "job": {"id": "URGENT", "weight": 5}, "tasks": [
            {"id": "U1", "modes": [{"resources": ["M1"], "duration": 2}]},
            {"id": "U2", "modes": [{"resources": ["M3"], "duration": 1}]}]},
        {"type": "cancel", "task": later[0]},
        {"type": "release", "task": later[1], "release": 30},
        {"type": "rush", "job": "J1", "weight": 9, "due": 30},
        {"type": "due", "job": "J2", "due": 45}]})
    repair = reschedule(problem, plan, 6, events, time_limit=10)
    _checked(problem, plan, repair)
    new = repair.result.schedule.by_task() if repair.result.schedule else {}
    assert new["U2"].start >= new["U1"].end >= 6 + 2 and later[0] not in new and new[later[1]].start >= 30
    kinds = {c.task: c.change for c in repair.changes}
    assert kinds["U1"] == kinds["U2"] == "new" and kinds[later[0]] == "cancelled"
    assert any(later[0] in note for note in repair.notes)  # its job's chain also bound the tasks that stay
    j1, j2 = repair.problem.job_by_id["J1"], repair.problem.job_by_id["J2"]
    assert (j1.weight, j1.due, j2.due) == (9, 30, 45)


def test_the_cpsat_repair_is_the_brute_force_optimum() -> None:
    """On a tiny shop the repair problem's optimum (own objective plus deviation) is the oracle's."""
    problem = Problem.model_validate({
        "resources": [{"id": "A"}, {"id": "B"}],
        "jobs": [{"id": j, "due": d} for j, d in (("x", 6), ("y", 8), ("z", 9))],
        "tasks": [{"id": f"{j}{k}", "job": j, "modes": [{"resources": [m], "duration": p}]}
                  for j, ops in (("x", (("A", 2), ("B", 3))), ("y", (("B", 2), ("A", 2))), ("z", (("A", 1), ("B", 2))))
                  for k, (m, p) in enumerate(ops)],
        "constraints": [{"type": "end_before_start", "first": f"{j}0", "then": f"{j}1"} for j in "xyz"],
        "objective": [{"term": "total_tardiness"}]})
    plan = _plan(problem)
    events = events_from_dict([{"type": "breakdown", "resource": "B", "start": 3, "end": 5}])
    repair = reschedule(problem, plan, 1, events, method="cpsat", stability=2, time_limit=10)
    _checked(problem, plan, repair, stability=2)
    after, _ = apply_events(problem, events, plan.by_task(), 1)
    pinned, _ = started_tasks(after, plan.by_task(), 1)
    oracle = brute_force(repair_problem(after, plan.by_task(), 1, pinned, 2)[0])
    assert repair.result.status == "optimal" and repair.result.objective == oracle.objective


@pytest.mark.parametrize(("events", "now", "fragment"), [
    ([{"type": "breakdown", "resource": "M9", "start": 1, "end": 4}], 3, "unknown resource 'M9'"),
    ([{"type": "duration", "task": "nope", "duration": 4}], 3, "unknown task 'nope'"),
    ([{"type": "cancel", "job": "J99"}], 3, "unknown job 'J99'"),
    ([{"type": "duration", "task": "J1.1", "duration": 4}], 40, "can no longer change"),
    ([], 10**6, "must lie within the problem's horizon"),
])
def test_bad_events_name_the_event_and_the_fix(events: list, now: int, fragment: str) -> None:
    problem = example("ft06_job_shop")
    with pytest.raises(InputError, match=fragment.replace("(", r"\(")):
        reschedule(problem, _plan(problem), now, events_from_dict(events))


def test_a_schedule_of_another_problem_is_refused() -> None:
    plan = _plan(example("ft06_job_shop"))
    with pytest.raises(InputError, match="the schedule does not match the problem"):
        reschedule(example("flexible_job_shop"), plan, 3, Events())


@pytest.mark.parametrize("method", ["gt", "tabu", "portfolio"])
def test_shop_heuristics_repair_the_part_still_to_run(method: str) -> None:
    """With breakdowns that have begun, what is left of a job shop is a plain shop: the shop methods solve it,
    the started part is put back, and no heuristic beats the proven optimum of the same repair."""
    problem = example("ft06_job_shop")
    plan = _plan(problem)
    events = events_from_dict([{"type": "breakdown", "resource": "M2", "start": 5, "end": 15},
                               {"type": "cancel", "job": "J6"}])
    exact = reschedule(problem, plan, 8, events, method="cpsat", stability=0, time_limit=20)
    repair = reschedule(problem, plan, 8, events, method=method, stability=0, time_limit=2)
    _checked(problem, plan, exact, stability=0)
    _checked(problem, plan, repair, stability=0)
    assert exact.result.status == "optimal" and repair.result.objective >= exact.result.objective
    assert "plain shop" in repair.result.log[0]


def test_a_shop_method_names_why_it_cannot_repair() -> None:
    problem = example("ft06_job_shop")
    later = events_from_dict([{"type": "breakdown", "resource": "M2", "start": 30, "end": 35}])
    with pytest.raises(ModelError, match="M2 breaks down at 30, after it is free again"):
        reschedule(problem, _plan(problem), 8, later, method="tabu", time_limit=1)


def test_right_shift_takes_another_mode_when_one_finds_no_stretch_before_the_horizon() -> None:
    problem = Problem.model_validate({  # seed 102152 of the differential tests: t1's first mode needs 5 days of a
        # machine whose calendar never works more than 4 in a row; its second needs nothing and fits
        "schema": "ordino/1", "time_unit": "day", "start": "2026-01-09T00:00:00",
        "calendars": [{"id": "cal0", "week": {"mon-thu": ["00:00-24:00"]},
                       "closed": [["2026-01-11T00:00:00", "2026-01-13T00:00:00"]]}],
        "resources": [{"id": "M0", "calendar": "cal0"}, {"id": "R", "kind": "renewable", "capacity": 2}],
        "tasks": [{"id": "t0", "modes": [{"duration": 3}, {"resources": ["M0", "R"], "duration": 2,
                                                            "demands": [1, 2]}], "release": 3},
                  {"id": "t1", "modes": [{"resources": ["M0", "R"], "duration": 5}, {"duration": 3}]}],
        "objective": [{"term": "makespan"}, {"term": "deviation", "baseline": [{"task": "t0", "mode": 1, "start": 3,
                                                                                "end": 4}]}]})
    result = solve(problem, method="right_shift", time_limit=5)
    assert result.status == "feasible" and result.schedule is not None
    assert verify_schedule(problem, result.schedule).feasible
    assert {e.task: e.mode for e in result.schedule.tasks}["t1"] == 1
