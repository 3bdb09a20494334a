"""Gantt charts: the figure draws a bar per scheduled task on each of its resources, names machines and jobs,
and its title says what the number is; the PNG writer and the text chart draw the same schedule."""

from __future__ import annotations

from pathlib import Path

import matplotlib.image
import pytest
from matplotlib.axes import Axes
from matplotlib.patches import Rectangle

from ordino.errors import InputError
from ordino.models import Problem, Result, Schedule, load_problem
from ordino.plot import gantt_figure, gantt_png, gantt_text, objective_text
from ordino.solve import solve
from ordino.verify import verify
from tests.conftest import EXAMPLES


def solved(name: str) -> tuple[Problem, Schedule]:
    problem = load_problem(EXAMPLES / f"{name}.json")
    result = solve(problem, "cpsat", time_limit=10, workers=1)
    assert isinstance(result, Result) and result.schedule is not None
    return problem, result.schedule


@pytest.fixture(scope="module")
def ft06() -> tuple[Problem, Schedule]:
    return solved("ft06_job_shop")


def task_bars(ax: Axes) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid()
            and not p.get_gid().startswith(("setup before ", "down "))]


def test_one_bar_per_task_with_machines_and_jobs_named(ft06: tuple[Problem, Schedule]) -> None:
    problem, schedule = ft06
    (ax,) = gantt_figure(problem, schedule).axes
    bars = task_bars(ax)
    assert len(bars) == len(schedule.tasks) == 36
    assert sorted(b.get_gid() for b in bars) == sorted(e.task for e in schedule.tasks)
    ends = {e.task: (e.start, e.end) for e in schedule.tasks}
    assert all((b.get_x(), b.get_x() + b.get_width()) == ends[b.get_gid()] for b in bars)
    assert [t.get_text() for t in ax.get_yticklabels()] == [r.id for r in problem.resources]
    assert {t.get_text() for t in ax.texts} <= {e.task for e in schedule.tasks}
    assert len(ax.texts) >= 20  # the task names that fit in their bars
    assert ax.get_title() == f"{problem.name}: makespan 55"
    assert ax.get_xlabel() == f"time ({problem.time_unit})"


def test_title_names_a_weighted_objective_and_down_times_are_not_tasks() -> None:
    problem, schedule = solved("setups_and_breaks")
    (ax,) = gantt_figure(problem, schedule, title="paint shop").axes
    value = verify(problem, schedule).objective
    assert ax.get_title() == f"paint shop: objective {value:g} (10 x total tardiness + makespan)"
    assert objective_text(problem, schedule) in ax.get_title()
    assert len(task_bars(ax)) == len(schedule.tasks)
    down = [p for p in ax.patches if p.get_gid().startswith("down ")]
    assert [(p.get_gid(), p.get_x(), p.get_width(), p.get_hatch()) for p in down] == [("down P1", 20, 6, "//")]
    setups = [p for p in ax.patches if p.get_gid().startswith("setup before ")]
    assert setups and all(p.get_x() + p.get_width() == schedule.by_task()[p.get_gid().split()[-1]].start
                          for p in setups)


def test_a_task_on_two_resources_has_a_bar_on_each() -> None:
    problem, schedule = solved("rcpsp_project")
    (ax,) = gantt_figure(problem, schedule).axes
    used = sum(len(problem.task(e.task).modes[e.mode].resources) for e in schedule.tasks)
    assert len(task_bars(ax)) == used > len(schedule.tasks)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["workers", "crane"]


def test_png_is_the_figure_and_text_chart_names_the_machines(ft06: tuple[Problem, Schedule],
                                                              tmp_path: Path) -> None:
    problem, schedule = ft06
    out = gantt_png(problem, schedule, tmp_path / "ft06.png", title="ft06")
    width, height = gantt_figure(problem, schedule).get_size_inches() * 120
    assert matplotlib.image.imread(out).shape[:2] == (round(height), round(width))
    with pytest.raises(InputError, match="cannot write plot"):
        gantt_png(problem, schedule, tmp_path / "missing" / "ft06.png")
    lines = gantt_text(problem, schedule).splitlines()
    assert [line.split("|")[0].strip() for line in lines[:6]] == [r.id for r in problem.resources]
    assert lines[6].rstrip().endswith(f"55 ({problem.time_unit})")


def test_tasks_running_together_on_a_cumulative_resource_never_cover_each_other() -> None:
    problem, schedule = solved("rcpsp_project")
    (ax,) = gantt_figure(problem, schedule).axes
    bars = task_bars(ax)
    for i, a in enumerate(bars):
        for b in bars[i + 1:]:
            same_height = abs(a.get_y() - b.get_y()) < 1e-9
            overlap = a.get_x() < b.get_x() + b.get_width() and b.get_x() < a.get_x() + a.get_width()
            assert not (same_height and overlap), (a.get_gid(), b.get_gid())
    text = gantt_text(problem, schedule)
    assert text.count("workers |") == 1 and len(text.splitlines()) > 4  # the workers row has lanes


def test_dummy_tasks_are_not_drawn_and_benchmark_data_has_no_minutes() -> None:
    from ordino.datasets.build import project_problem

    problem = project_problem([2], [[(0, [0])], [(3, [1])], [(2, [2])], [(0, [0])]], [[1, 2], [3], [3], []],
                              name="tiny")
    result = solve(problem, "cpsat", time_limit=5, workers=1)
    assert isinstance(result, Result) and result.schedule is not None
    assert verify(problem, result.schedule).feasible
    (ax,) = gantt_figure(problem, result.schedule).axes
    assert [t.get_text() for t in ax.get_yticklabels()] == ["R1"]
    assert len(task_bars(ax)) == 2
    assert ax.get_xlabel() == "time (unit)"


def test_text_chart_with_more_jobs_than_letters_shows_every_task() -> None:
    b = Problem.builder("many").machine("M")
    for j in range(70):
        b.task(f"T{j}", duration=1, on="M")
    problem = b.minimize("makespan").build()
    result = solve(problem, "cpsat", time_limit=5, workers=1)
    assert isinstance(result, Result) and result.schedule is not None
    lines = gantt_text(problem, result.schedule, width=200).splitlines()
    assert lines[0].split("|")[1].count("#") == 35 and lines[0].split("|")[1].count("=") == 35
    assert "70 jobs" in lines[-1] and "--report" in lines[-1]
