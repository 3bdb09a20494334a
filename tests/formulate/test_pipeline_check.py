"""Semantic checks shared by both engines, and the model summary the critic reads."""

from __future__ import annotations

from ordino.formulate import check_hints, check_problem
from ordino.formulate.summary import math_text, model_summary
from ordino.models import Problem, problem_from_dict
from tests.formulate.answers import GOOD, TEXT, variant


def chain_problem(**extra) -> Problem:
    """Two tasks on two machines, a -> b."""
    builder = Problem.builder().machine("M1").machine("M2").task("a", 5, on="M1").task("b", 4, on="M2")
    builder.precedence("a", "b", min_lag=3)
    for key, value in extra.items():
        getattr(builder, key)(*value)
    return builder.build()


def test_a_correct_model_has_no_issues() -> None:
    assert check_problem(problem_from_dict(GOOD), TEXT) == []
    assert check_hints(problem_from_dict(GOOD), TEXT) == []


def test_precedence_cycle() -> None:
    p = chain_problem(precedence=("b", "a"))
    issues = check_problem(p)
    assert len(issues) == 1 and "cycle" in issues[0] and "end_before_start b->a" in issues[0]


def test_chain_longer_than_the_horizon() -> None:
    p = chain_problem(horizon=(10,))
    issues = check_problem(p)
    assert any("task 'b' cannot end before 12 (because of end_before_start a->b)" in i and "must end by 10" in i
               for i in issues)
    assert check_problem(chain_problem(horizon=(12,))) == []


def test_work_on_a_machine_exceeds_the_horizon() -> None:
    p = (Problem.builder().machine("M", unavailable=[(4, 6)]).task("a", 4, on="M").task("b", 4, on="M")
         .horizon(9).build())
    issues = check_problem(p)
    assert issues == ["machine 'M' has 8 min of work but the horizon 9 leaves only 7; check the horizon and units"]


def test_time_window_that_cannot_be_met() -> None:
    data = variant()
    data["constraints"] = [{"type": "time_window", "task": "J1", "start_min": 2, "end_max": 4}]
    issues = check_problem(problem_from_dict(data))
    assert issues == ["time_window on 'J1': it cannot end before 5 but end_max is 4"]


def test_consumable_budget() -> None:
    p = (Problem.builder().consumable("steel", 5)
         .task("a", modes=[{"resources": ["steel"], "demands": [3], "duration": 1}])
         .task("b", modes=[{"resources": ["steel"], "demands": [4], "duration": 1}]).build())
    assert check_problem(p) == ["consumable 'steel': the tasks need at least 7 units but the budget (capacity) is 5"]


def test_all_zero_due_dates_with_a_tardiness_objective() -> None:
    data = variant()
    for task in data["tasks"]:
        task["due"] = 0
    p = problem_from_dict(data)
    assert check_problem(p) == [] and any("every due date is 0" in h for h in check_hints(p, TEXT))


def test_hints_units_numbers_unused_and_objective() -> None:
    data = variant(objective=[{"term": "makespan"}])
    data["resources"].append({"id": "spare"})
    data["tasks"][0]["modes"][0]["duration"] = 7
    text = TEXT + " A setup takes 30 minutes."
    hints = check_hints(problem_from_dict(data), text)
    assert any("several time units (minute, hour)" in h for h in hints)
    assert any("do not appear in the text: 7 (duration of J1)" in h for h in hints)
    assert any("never used by any task: spare" in h for h in hints)
    assert any("minimise something about 'tardiness'" in h for h in hints)


def test_an_ordinal_second_is_not_a_time_unit() -> None:
    p = problem_from_dict(variant())
    ordinal = check_hints(p, TEXT + " The second vat is cleaned first.")
    assert not any("several time units" in h for h in ordinal)
    for unit in (" Loading takes 40 seconds.", " A pump moves 3 litres per second.", " It takes 5 sec."):
        assert any("several time units (second, hour)" in h for h in check_hints(p, TEXT + unit)), unit


def test_scaled_numbers_are_recognised() -> None:
    data = variant(time_unit="min")
    for task, minutes in zip(data["tasks"], (180, 120, 240), strict=True):
        task["modes"][0]["duration"] = minutes
        task["due"] *= 60
    assert not any("do not appear" in h for h in check_hints(problem_from_dict(data), TEXT))


def test_summary_and_math_name_everything() -> None:
    p = chain_problem()
    summary = model_summary(p)
    assert "task a: M1: 5" in summary and "start(b) >= end(a) + 3" in summary
    assert "objective: minimise makespan" in summary
    math = math_text(p)
    assert "S_b >= C_a + 3" in math and "no_overlap(M1)" in math and "minimise 1 * makespan" in math
