"""Resumable tasks (issue 19, item 1): a task that pauses over the down times of its resources and resumes
after them, in every back end that takes it, checked by the verifier and by the brute-force oracle."""

from __future__ import annotations

import pytest

import ordino
from ordino.errors import ModelError
from ordino.formulate import formulate
from ordino.models import Problem, Result, Schedule, ScheduledTask
from ordino.plot import gantt_png, gantt_text
from ordino.verify import verify_schedule
from tests.differential.brute_schedule import brute_force

EXACT = ("cpsat", "milp")


def _problem(tasks: list[dict], down: list[list[int]], objective: str = "makespan", kind: str = "machine",
             capacity: int = 1) -> Problem:
    return Problem.model_validate({
        "resources": [{"id": "M", "kind": kind, "capacity": capacity, "unavailable": down}],
        "tasks": [{"modes": [{"resources": ["M"], "duration": t.pop("p")}], **t} for t in tasks],
        "objective": [{"term": objective}]})


@pytest.mark.parametrize("method", EXACT)
def test_a_task_of_8_over_a_break_5_to_10_ends_at_13(method: str) -> None:
    problem = _problem([{"id": "a", "p": 8, "resumable": True}], [[5, 10]])
    result = ordino.solve(problem, method=method, time_limit=10, workers=1)
    assert isinstance(result, Result) and result.schedule is not None
    assert result.status == "optimal" and result.schedule.tasks[0].end == 13 and result.objective == 13


def test_the_verifier_counts_working_time_only() -> None:
    problem = _problem([{"id": "a", "p": 8, "resumable": True}, {"id": "b", "p": 2}], [[5, 10]])

    def check(a: tuple[int, int], b: tuple[int, int]) -> list[str]:
        schedule = Schedule(tasks=[ScheduledTask(task="a", start=a[0], end=a[1]),
                                   ScheduledTask(task="b", start=b[0], end=b[1])])
        return [v.kind for v in verify_schedule(problem, schedule).violations]

    assert check((0, 13), (13, 15)) == []
    assert check((0, 8), (13, 15)) == ["duration"]  # it does not work through the break
    assert check((6, 14), (0, 2)) == ["unavailable"]  # it cannot start inside the break
    assert check((0, 13), (7, 9)) == ["unavailable", "overlap"]  # b is not resumable, and a holds M until 13
    assert check((2, 10), (0, 2)) == ["duration"]  # 3 units before the break, 5 after: it ends at 15, not 10
    assert check((2, 15), (0, 2)) == []


@pytest.mark.parametrize("objective", ["makespan", "total_completion_time"])
def test_back_ends_agree_with_the_brute_force_optimum(objective: str) -> None:
    problem = _problem([{"id": "a", "p": 8, "resumable": True}, {"id": "b", "p": 3},
                        {"id": "c", "p": 4, "resumable": True}, {"id": "d", "p": 1, "release": 6}],
                       [[5, 10], [12, 14]], objective)
    oracle = brute_force(problem)
    for method in EXACT:
        result = ordino.solve(problem, method=method, time_limit=20, workers=1)
        assert isinstance(result, Result) and not result.violations
        assert result.status == "optimal" and result.objective == oracle.objective, (method, result.log)


@pytest.mark.parametrize("method", EXACT)
def test_a_pool_of_two_is_held_through_the_break_by_the_tasks_that_pause(method: str) -> None:
    problem = _problem([{"id": "a", "p": 4, "resumable": True}, {"id": "b", "p": 4, "resumable": True},
                        {"id": "c", "p": 3}], [[3, 6]], "total_completion_time", kind="renewable", capacity=2)
    oracle = brute_force(problem)
    result = ordino.solve(problem, method=method, time_limit=20, workers=1)
    assert isinstance(result, Result) and result.status == "optimal" and result.objective == oracle.objective


def test_heuristics_refuse_a_problem_whose_tasks_pause() -> None:
    problem = _problem([{"id": "a", "p": 8, "resumable": True}, {"id": "b", "p": 2, "due": 3}], [[5, 10]],
                       "total_tardiness")
    assert ordino.classify(problem) == "general"
    with pytest.raises(ModelError):
        ordino.solve(problem, method="edd")


def test_the_gantt_chart_shows_the_pause(tmp_path) -> None:
    problem = _problem([{"id": "a", "p": 8, "resumable": True}], [[5, 10]])
    schedule = Schedule(tasks=[ScheduledTask(task="a", start=0, end=13)])
    row = gantt_text(problem, schedule).splitlines()[0]
    assert row.index("/") > row.index("A") and row.rindex("A") > row.rindex("/")  # A, the pause, A again
    assert gantt_png(problem, schedule, tmp_path / "g.png").read_bytes()[:4] == b"\x89PNG"


def test_the_offline_reader_reads_that_work_resumes_after_the_break() -> None:
    text = ("One machine. Jobs A, B and C take 4, 8 and 3 hours. The machine has a break from 5 to 10; work stops "
            "over the lunch break and continues after. Minimise the makespan.")
    resumed = formulate(text, engine="offline", time_limit=10)
    assert resumed.problem is not None and all(t.resumable for t in resumed.problem.tasks)
    assert resumed.objective == 15 + 5  # all work, and the break it pauses over
    plain = formulate(text.replace("; work stops over the lunch break and continues after", ""), engine="offline",
                      time_limit=10)
    assert plain.problem is not None and not any(t.resumable for t in plain.problem.tasks)
    assert plain.objective == 21  # A before the break; B and C after it
