"""Working calendars and clock times (issue 19, part 2): from JSON, the builder and the API, into down times that
every back end and the verifier obey; the default horizon with calendars holds an optimum; bad input is one line."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from pydantic import ValidationError

from ordino import solve, verify
from ordino.models import Problem
from ordino.models.calendar import Calendar, off_times
from ordino.models.clock import to_model_time, wall_label
from ordino.models.schedule import Schedule, ScheduledTask

START = "2026-12-07 08:00"  # a Monday
WEEK = {"mon-fri": ["08:00-12:00", "13:00-17:00"]}


def _shop(**changes: object) -> dict:
    data = {"start": START, "time_unit": "min", "calendars": [{"id": "day", "week": WEEK}],
            "resources": [{"id": "Lathe", "calendar": "day"}],
            "tasks": [{"id": "shaft", "modes": [{"resources": ["Lathe"], "duration": 300}], "resumable": True},
                      {"id": "gear", "modes": [{"resources": ["Lathe"], "duration": 60}], "due": "09:00"}],
            "objective": [{"term": "total_tardiness"}, {"term": "makespan"}]}
    data.update(changes)
    return data


def test_a_week_of_windows_becomes_down_time_from_the_start():
    cal = Calendar.model_validate({"id": "day", "week": WEEK, "holidays": ["2026-12-09"]})
    off = off_times(cal, datetime(2026, 12, 7, 8), "min", 5 * 1440)
    # Monday lunch, Monday night, Tuesday lunch, Tuesday night through the Wednesday holiday to Thursday 08:00
    assert off[:4] == [(240, 300), (540, 1440), (1680, 1740), (1980, 4320)]
    assert off[-1] == (4 * 1440 + 540, 7 * 1440)  # read to its end: Friday 17:00 to Monday 08:00


def test_night_shifts_weekends_and_day_units():
    night = Calendar.model_validate({"id": "n", "week": {"mon-thu": ["22:00-06:00"]}})
    off = off_times(night, datetime(2026, 12, 7), "h", 7 * 24)
    assert off[0] == (0, 22) and off[1] == (30, 46)  # works Monday 22:00 to Tuesday 06:00
    assert off[-1] == (102, 190)  # the Thursday shift ends Friday 06:00; off until the next Monday 22:00
    days = Calendar.model_validate({"id": "d", "week": {"weekdays": ["00:00-24:00"]}, "holidays": ["2026-12-08"]})
    assert off_times(days, datetime(2026, 12, 7), "day", 14) == [(1, 2), (5, 7), (12, 14)]


def test_clock_times_and_dates_in_json_are_model_time():
    problem = Problem.model_validate(_shop())
    assert problem.task("gear").due == 60
    assert to_model_time("2026-12-08 12:00", problem.start, "min") == 24 * 60 + 240
    assert wall_label(60, problem.start, "min") == "Mon 07 Dec 09:00"
    again = Problem.model_validate_json(problem.to_json())
    assert again.calendars == problem.calendars and again.start == problem.start


def test_a_resumable_task_pauses_over_lunch_and_every_back_end_agrees():
    problem = Problem.model_validate(_shop())
    for method in ("cpsat", "milp", "auto"):
        result = solve(problem, method=method, time_limit=20, workers=1)
        assert result.status == "optimal", (method, result.log[-3:])
        by = result.schedule.by_task()
        assert (by["gear"].start, by["gear"].end) == (0, 60)
        assert (by["shaft"].start, by["shaft"].end) == (60, 420)  # 180 before lunch, 120 after
        assert verify(problem, result.schedule).feasible


def test_a_task_that_may_not_pause_waits_for_a_stretch_long_enough():
    data = _shop()
    data["tasks"][0]["modes"][0]["duration"] = 200
    data["tasks"][0]["resumable"] = False
    result = solve(Problem.model_validate(data), method="cpsat", time_limit=20, workers=1)
    by = result.schedule.by_task()
    assert by["gear"].start == 0 and by["shaft"].start == 300  # 60..240 is too short; after lunch it fits


def test_the_verifier_reads_the_calendar_past_any_horizon():
    problem = Problem.model_validate(_shop())
    late = problem.effective_horizon + 7 * 1440  # a Monday lunch a week past the horizon, at 12:00
    monday_noon = late - late % (7 * 1440) + 240
    bad = Schedule(tasks=[ScheduledTask(task="shaft", start=0, end=360),
                          ScheduledTask(task="gear", start=monday_noon - 30, end=monday_noon + 30)])
    report = verify(problem, bad)
    assert [v.kind for v in report.violations] == ["unavailable"]
    assert f"[{monday_noon}, {monday_noon + 60})" in report.violations[0].message


def test_the_default_horizon_with_calendars_holds_the_optimum_of_a_far_horizon():
    data = _shop()
    data["calendars"][0]["holidays"] = ["2026-12-08"]
    data["tasks"] += [{"id": f"part{k}", "modes": [{"resources": ["Lathe"], "duration": 90 + 20 * k}],
                       "due": "2026-12-10 10:00", "release": 30 * k} for k in range(4)]
    problem = Problem.model_validate(data)
    far = Problem.model_validate({**json.loads(problem.to_json()), "horizon": 10 * problem.effective_horizon})
    a = solve(problem, method="cpsat", time_limit=30, workers=2)
    b = solve(far, method="cpsat", time_limit=30, workers=2)
    assert a.status == b.status == "optimal" and a.objective == b.objective
    assert verify(problem, a.schedule).feasible


def test_a_calendar_that_never_leaves_a_common_gap_falls_back_to_the_bound_by_weeks():
    data = {"start": "2026-12-07 00:00", "time_unit": "h",
            "calendars": [{"id": "days", "week": {"daily": ["06:00-18:00"]}},
                          {"id": "nights", "week": {"daily": ["18:00-06:00"]}}],
            "resources": [{"id": "A", "calendar": "days"}, {"id": "B", "calendar": "nights"}],
            "tasks": [{"id": "a", "modes": [{"resources": ["A"], "duration": 12}]},
                      {"id": "b", "modes": [{"resources": ["B"], "duration": 12}]}],
            "constraints": [{"type": "end_before_start", "first": "a", "then": "b"}]}
    problem = Problem.model_validate(data)
    assert problem.effective_horizon >= 7 * 24  # whole weeks
    result = solve(problem, method="cpsat", time_limit=20, workers=1)
    assert result.status == "optimal" and result.objective == 30  # a 06-18, b 18-06


def test_the_builder_takes_calendars_and_clock_times():
    problem = (Problem.builder(start=START, time_unit="min")
               .calendar("day", WEEK, holidays=["2026-12-08"])
               .machine("Lathe", calendar="day")
               .task("gear", 60, on="Lathe", due="2026-12-09 09:00", release="10:00")
               .minimize("total_tardiness").build())
    assert problem.task("gear").release == 120 and problem.task("gear").due == 2 * 1440 + 60
    result = solve(problem, method="cpsat", time_limit=10, workers=1)
    assert result.schedule.by_task()["gear"].start == 120 and result.objective == 0


@pytest.mark.parametrize(("change", "message"), [
    ({"start": None}, "has no start"),
    ({"time_unit": "shift"}, "not a clock unit"),
    ({"resources": [{"id": "Lathe", "calendar": "night"}]}, "calendar 'night' is not declared"),
    ({"calendars": [{"id": "day", "week": {"mon-fri": ["08:00-25:00"]}}]}, "not a clock time"),
    ({"calendars": [{"id": "day", "week": {"funday": ["08:00-12:00"]}}]}, "is not a day"),
    ({"calendars": [{"id": "day", "week": {"mon": []}}]}, "no working time"),
    ({"calendars": [{"id": "day", "week": {"mon-fri": ["08:30-12:00"]}}], "time_unit": "h"}, "whole number of h"),
])
def test_bad_calendars_are_one_line_naming_the_fix(change, message):
    data = _shop(**change)
    if data["start"] is None:
        data["tasks"][1].pop("due")
    with pytest.raises(ValidationError) as err:
        Problem.model_validate(data)
    assert message in str(err.value)


def test_a_text_time_without_a_start_names_the_fix_and_a_bad_one_its_place():
    data = _shop(start=None, calendars=[], resources=[{"id": "Lathe"}])
    with pytest.raises(ValidationError, match="has no start"):
        Problem.model_validate(data)
    data = _shop()
    data["tasks"][1]["due"] = "tomorrow"
    with pytest.raises(ValidationError, match=r"tasks\[1\]\.due: 'tomorrow' is not a date or time"):
        Problem.model_validate(data)
