"""Working hours, holidays and dated times read offline (issue 19, part 2): the reader builds calendars and a
start, rewrites dated times as minutes after it, asks when it cannot place the start, and never answers wrongly
on the held-out calendar texts (written by someone who had not read the reader)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import ordino
from ordino.formulate.offline.calendar import parse_date, read_calendar
from ordino.formulate.offline.extract import extract_offline
from ordino.formulate.offline.text import Rewriting
from ordino.models import Problem

FRESH = Path(__file__).parent / "corpus" / "fresh_calendar.jsonl"
TERMS = {"total_tardiness": "total_tardiness", "makespan": "makespan", "late_count": "number_tardy"}


def _solved(text: str) -> tuple[Problem, ordino.Result]:
    draft = extract_offline(text)
    assert isinstance(draft.problem, Problem), [q.text for q in draft.missing]
    result = ordino.solve(draft.problem, method="cpsat", time_limit=20, workers=1)
    assert ordino.verify(draft.problem, result.schedule).feasible
    return draft.problem, result


def test_hours_a_holiday_a_pausing_job_and_dated_due_times():
    problem, result = _solved(
        "Start Monday 7 December 2026 08:00. The mixer works Monday to Friday 8:00-12:00 and 13:00-17:00; Friday 11 "
        "December is a holiday. Jobs A, B, C take 5, 2 and 3 hours, due Monday 12:00, Monday 17:00 and Tuesday "
        "10:00. A may pause over breaks and continue after; the others must run without interruption. Minimize total "
        "tardiness.")
    assert problem.start is not None and problem.start.isoformat() == "2026-12-07T08:00:00"
    cal = problem.calendars[0]
    assert cal.week["mon"] == ["08:00-12:00", "13:00-17:00"] and "sat" not in cal.week
    assert [d.isoformat() for d in cal.holidays] == ["2026-12-11"]
    assert [(t.id, t.due, t.resumable) for t in problem.tasks] == [("A", 240, True), ("B", 540, False),
                                                                   ("C", 1560, False)]
    assert problem.resources[0].id == "mixer" and problem.resources[0].calendar == cal.id
    # A 8:00-12:00 and 13:00-14:00 (120 late), B 14:00-16:00, C Tuesday 8:00-11:00 (60 late)
    assert result.status == "optimal" and result.objective == 180


def test_a_one_off_maintenance_on_a_weekday_is_a_closure_of_that_day():
    problem, result = _solved(
        "We start on Monday 7 December 2026 at 8:00. The press works weekdays 8:00-16:00. The press is down for "
        "maintenance on Tuesday from 9:00 to 11:00. 3 jobs with processing times 4, 3 and 2 hours. Minimize the "
        "makespan.")
    assert [(a.isoformat(), b.isoformat()) for a, b in problem.calendars[0].closed] == [
        ("2026-12-08T09:00:00", "2026-12-08T11:00:00")]
    assert result.objective == 1440 + 5 * 60  # Monday 4 h + 3 h; the 2 h job on Tuesday 11:00-13:00


def test_the_same_hours_every_day_need_no_date_but_weekly_hours_do():
    draft = extract_offline("One oven. It works every day 8:00-16:00 with a lunch break 12:00-12:30. Jobs A, B, C "
                            "take 3, 2 and 4 hours. Work stops over the lunch break and continues after. Minimize the "
                            "makespan.")
    assert isinstance(draft.problem, Problem)
    assert draft.problem.calendars[0].week["sun"] == ["08:00-12:00", "12:30-16:00"]
    assert any("date does not matter" in n for n in draft.notes)
    asked = extract_offline("The kiln works Monday to Friday 8:00-16:00. We start at 8:00. 3 jobs with processing "
                            "times 4, 3 and 2 hours. Minimize the makespan.")
    assert asked.problem is None and any("which date" in q.text.lower() for q in asked.missing)


def test_hours_of_a_machine_the_reader_cannot_place_are_asked_about():
    draft = extract_offline("Flow shop with 2 machines: every job goes to the saw first, then to the oven. We start "
                            "on Monday 7 December 2026 at 7:00. Saw hours: Mon-Fri 07:00-15:00. Oven hours: Mon-Fri "
                            "09:00-17:00. Processing times (saw, oven): J1 2 h, 1 h; J2 1 h, 3 h; J3 3 h, 2 h. "
                            "Minimize the makespan.")
    assert draft.problem is None and any("'saw'" in q.text for q in draft.missing)


def test_dated_times_become_minutes_after_the_start_and_prose_stays():
    rw = Rewriting("Planning starts Friday 11 December 2026 at 13:00. Working hours: Mon-Fri 08:00-16:00. "
                   "Due Monday at 9:00, then 14 Dec 12:00, then 16:00 today, then 8:00 tomorrow. Loads may run past "
                   "midnight.")
    cal = read_calendar(rw)
    assert cal is not None and cal.start is not None and cal.start.isoformat() == "2026-12-11T13:00:00"
    assert "Due 4080 min, then 4260 min, then 180 min, then 1140 min" in rw.text  # Monday 9:00 is 68 h on
    assert "past midnight" in rw.text and "Working hours" not in rw.text
    assert parse_date("Thursday 24 December") is None and str(parse_date("Dec 24", cal.start.date())) == "2026-12-24"


def test_a_text_without_hours_or_a_dated_start_is_left_alone():
    rw = Rewriting("We start at 8 am. Job 1 is due by 9:30.")
    assert read_calendar(rw) is None and rw.text == "We start at 8 am. Job 1 is due by 9:30."


def _fresh() -> list[dict]:
    return [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", _fresh(), ids=lambda c: c["id"])
def test_held_out_calendar_texts_are_answered_exactly_or_asked_never_wrong(case):
    """Measured first before any tuning: 2 of 10 exact, 3 of 4 asked, 1 wrong; now 5 of 10 exact, every
    incomplete text asked, none wrong (the rest are asked about: see benchmarks/bench_calendar_texts.py)."""
    draft = extract_offline(case["text"])
    if not case["complete"]:
        assert draft.problem is None, "a text that lacks data was answered"
        return
    if not isinstance(draft.problem, Problem):
        return  # asked: not an answer, and counted below
    assert [t.term for t in draft.problem.objective] == [TERMS[case["objective"]]]
    result = ordino.solve(draft.problem, method="cpsat", time_limit=20, workers=1)
    assert result.status == "optimal" and result.objective == case["expected"]


def test_held_out_calendar_texts_exact_count_does_not_fall():
    exact = sum(isinstance(extract_offline(c["text"]).problem, Problem) for c in _fresh() if c["complete"])
    assert exact >= 5


def test_dates_and_weekdays_without_a_start_date_are_asked_never_placed_in_an_example_week():
    draft = extract_offline("We start on Monday at 8:00. The oven works Mon-Fri 8:00-16:00; 24 December is a "
                            "holiday. 2 jobs with processing times 3 and 2 hours. Minimize the makespan.")
    assert draft.problem is None and any("which date" in q.text.lower() for q in draft.missing)
    rw = Rewriting("The oven works every day 8:00-16:00. Job 1 is due Tuesday at 10:00.")
    cal = read_calendar(rw)
    assert cal is not None and cal.start is None and cal.missing and "Tuesday at 10:00" in rw.text


@pytest.mark.parametrize("said", [
    "The catch: the inspector is booked from 10:00 to 10:45 and the furnace has to be empty that whole time.",
    "Heads up: the hood gets its cleaning check from 10:30 to 10:50 and nothing can be in it then.",
])
def test_a_window_when_nothing_runs_is_never_the_working_hours(said: str):
    text = ("One furnace, loads from 09:00. Load A takes 40 min, load B takes 30 min. " + said +
            " Minimise the total completion time in minutes after 09:00.")
    assert read_calendar(Rewriting(text)) is None
    draft = extract_offline(text)
    assert draft.problem is None or all(not r.calendar for r in draft.problem.resources)
