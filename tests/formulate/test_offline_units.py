"""Units: times in minutes, hours and days become one integer time unit, scaled explicitly, never rounded."""

from __future__ import annotations

from fractions import Fraction

import ordino
from ordino.formulate.offline import extract_offline
from ordino.formulate.offline.text import time_values
from ordino.formulate.offline.units import TimeVal, choose_scale
from tests.differential.brute_schedule import brute_force
from tests.formulate.test_offline_structures import asked


def test_hours_with_halves_become_minutes_with_a_note() -> None:
    draft = extract_offline("one machine, processing times 1.5 2 0.5 hours, minimize makespan")
    assert draft.problem is not None
    assert draft.problem.time_unit == "min"
    assert [t.modes[0].duration for t in draft.problem.tasks] == [90, 120, 30]
    assert any("converted from h to min" in n for n in draft.notes)


def test_whole_hours_stay_hours() -> None:
    draft = extract_offline("one machine, processing times 3 2 4 hours, due dates 4 6 8 hours, minimize tardiness")
    assert draft.problem is not None
    assert draft.problem.time_unit == "h"
    assert [t.due for t in draft.problem.tasks] == [4, 6, 8]


def test_mixed_units_use_the_finest() -> None:
    draft = extract_offline("single machine. job 1 takes 2 hours, job 2 takes 45 minutes. minimize makespan")
    assert draft.problem is not None
    assert draft.problem.time_unit == "min"
    assert [t.modes[0].duration for t in draft.problem.tasks] == [120, 45]


def test_bare_decimals_are_scaled_and_said_so() -> None:
    draft = extract_offline("one machine, processing times 0.5 1.25 2, minimize total completion time")
    assert draft.problem is not None
    assert draft.problem.time_unit == "1/4 unit"
    assert [t.modes[0].duration for t in draft.problem.tasks] == [2, 5, 8]
    assert any("scaled by 4" in n for n in draft.notes)


def test_scale_of_fractional_seconds() -> None:
    scale = choose_scale([TimeVal(Fraction("0.5"), "s")], None)
    assert (scale.unit, scale.factor) == ("1/2 s", 2)
    assert scale.convert(TimeVal(Fraction(3), "min"), None) == 360


def test_days_to_hours() -> None:
    scale = choose_scale([TimeVal(Fraction("1.5"), "day"), TimeVal(Fraction(2), None)], "day")
    assert scale.unit == "h"
    assert scale.convert(TimeVal(Fraction(2), None), "day") == 48


FEES = """One press, one job at a time, no interruptions. We start at 8:00.

- Flyers - 45 minutes, due 8:30, $1 per minute late
- Menus - 1 h 05, due 9:30, $2 a minute
- Cards - 25 min, due 9:00, $4/min if they're late

What order keeps our total late fees as low as possible?"""


def test_a_fee_per_minute_late_is_each_jobs_weight_and_the_goal_is_the_total_fee():
    draft = extract_offline(FEES)
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert {t.id: t.weight for t in draft.problem.tasks} == {"Flyers": 1, "Menus": 2, "Cards": 4}
    assert draft.problem.objective[0].term == "total_weighted_tardiness"
    result = ordino.solve(draft.problem, time_limit=10)
    assert result.objective == brute_force(draft.problem).objective == 105  # Cards, Menus, then Flyers 105 late


def test_a_fee_per_hour_over_minutes_is_weighed_per_minute_and_a_fraction_of_a_fee_is_asked():
    hourly = FEES.replace("$1 per minute late", "$60 per hour late").replace("$2 a minute", "$120 an hour") \
        .replace("$4/min", "$240/h")
    draft = extract_offline(hourly)
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert {t.id: t.weight for t in draft.problem.tasks} == {"Flyers": 1, "Menus": 2, "Cards": 4}
    assert asked(FEES.replace("$1 per minute late", "$1 per hour late"))  # 1/60 a minute: asked
    assert asked(FEES.replace(", $2 a minute", ""))  # a fee for some jobs only: asked


def test_an_hour_and_minutes_at_the_end_of_a_sentence_and_a_full_hour_are_amounts():
    text = ("Every piece is cut, then sanded; one piece per bench at a time. Minimise the makespan in minutes.\n"
            "Table: cut 1 h 10, sand a full hour.\nShelf: cut 20 min, sand 30 min.")
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert sorted(t.modes[0].duration for t in draft.problem.tasks) == [20, 30, 60, 70]


def test_hours_at_the_end_of_a_numbered_line_never_join_the_number_of_the_next():
    text = ("Every piece goes saw, then sanding; one piece per station at a time. Minimise the makespan in hours.\n"
            "1. Table: saw 3 h, sanding 2 h\n2. Chairs: saw 1 h, sanding 4 h\n")
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert sorted(t.modes[0].duration for t in draft.problem.tasks) == [1, 2, 3, 4]


def test_a_start_said_as_im_in_at_and_tardiness_restated_as_on_time_parts_counting_zero():
    text = ("One oven, one batch at a time. I'm in at 4:30. Minimise total tardiness (minutes past due; on-time "
            "batches count 0).\n- Rye: 40 min, due 5:00\n- Buns: 20 min, due 5:00\n")
    draft = extract_offline(text)
    assert draft.problem is not None, [q.text for q in draft.missing]
    assert sorted(t.due for t in draft.problem.tasks) == [30, 30]
    assert ordino.solve(draft.problem, time_limit=10).objective == 30  # Buns 0-20 on time, Rye 20-60: 30 late


def test_a_unit_written_inside_a_row_applies_to_its_own_number_only():
    assert [(int(v.value), v.unit) for v in time_values("1 h/20/30")] == [(1, "h"), (20, None), (30, None)]
    assert [(int(v.value), v.unit) for v in time_values("3, 2, 4 h")] == [(3, "h"), (2, "h"), (4, "h")]
    problem = extract_offline("Flow shop, 3 machines M1, M2, M3 in that order, times in minutes unless stated "
                              "otherwise (M1/M2/M3): J1 25/30/20, J2 1 h/15/35. Minimise makespan in minutes.").problem
    assert problem is not None
    assert [m.duration for t in problem.tasks for m in t.modes] == [25, 30, 20, 60, 15, 35]
