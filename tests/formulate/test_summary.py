"""The model summary leaves nothing out and rounds nothing (the critic checks values in it), and the solution
detail the critic gets is complete but bounded."""

from __future__ import annotations

from ordino import solve
from ordino.formulate.summary import SOLUTION_LIMIT, model_summary, number, solution_detail
from ordino.models import Schedule, model_from_dict
from ordino.models.schedule import Result, ScheduledTask


def test_numbers_are_exact() -> None:
    assert [number(x) for x in (3, 3.0, 0.1234567, 1 / 3, -2.5, 1e-9, float("inf"))] == \
        ["3", "3", "0.1234567", "0.3333333333333333", "-2.5", "1e-09", "inf"]


def test_linear_summary_does_not_round() -> None:
    model = model_from_dict({
        "schema": "ordino/1", "family": "linear",
        "variables": [{"name": "x", "upper": 1234567.5}, {"name": "y", "kind": "integer", "lower": None}],
        "constraints": [{"name": "mix", "terms": {"x": 0.3333333333, "y": -1}, "sense": "<=", "rhs": 0.1234567}],
        "objective": {"sense": "max", "terms": {"x": 1, "y": 2.25}, "constant": -2.5}})
    text = model_summary(model)
    assert "variable x: continuous, 0 <= x <= 1234567.5" in text  # was 1.23457e+06
    assert "variable y: integer, -inf <= y <= inf" in text
    assert "constraint mix: 0.3333333333*x - y <= 0.1234567" in text  # was 0.123457
    assert "objective: maximise x + 2.25*y - 2.5" in text


def test_scheduling_summary_shows_earliness_weights_and_separation_gaps() -> None:
    problem = model_from_dict({
        "schema": "ordino/1", "name": "runway",
        "jobs": [{"id": "J", "due": 5, "earliness_weight": 4}],
        "tasks": [{"id": "a", "modes": [{"duration": 0}], "release": 1, "deadline": 20, "due": 6, "weight": 2,
                   "earliness_weight": 3},
                  {"id": "b", "job": "J", "modes": [{"duration": 0}]},
                  {"id": "c", "modes": [{"duration": 0}]}],
        "constraints": [{"type": "separation", "tasks": ["a", "b", "c"], "gaps": [[0, 3, 4], [5, 0, 6], [7, 8, 0]]}],
        "objective": [{"term": "total_weighted_tardiness"}, {"term": "total_weighted_earliness"}]})
    text = model_summary(problem)
    assert "task a: no resource: 0, release 1, due 6, deadline 20, weight 2, earliness weight 3" in text
    assert "job J: due 5, earliness weight 4" in text
    assert "a before b 3, c 4; b before a 5, c 6; c before a 7, b 8" in text
    assert "name runway" in text


def test_roster_summary_shows_skills_costs_periods_and_whom_rules_bind() -> None:
    roster = model_from_dict({
        "schema": "ordino/1", "family": "assignment",
        "staff": [{"id": "ann", "skills": ["senior"], "hire_cost": 50}, {"id": "P", "copies": 3}],
        "shifts": [{"id": "early", "periods": ["am"]}, {"id": "late", "periods": ["pm"]}],
        "days": ["Mon", "Tue"],
        "cover": [{"day": "Mon", "period": "am", "skill": "senior", "min": 1, "max": 2, "shortfall_penalty": 9}],
        "rules": [{"type": "max_consecutive_days", "staff": ["ann"], "max_on": 1},
                  {"type": "forbidden_sequence", "staff": ["P"], "first": "late", "then": "early"},
                  {"type": "relation", "terms": [{"days": ["Mon"], "coef": 1}, {"days": ["Tue"], "coef": -1}],
                   "min": 0, "max": 0}]})
    text = model_summary(roster)
    assert "ann (skills senior) (hire cost 50)" in text and "P x3" in text
    assert "early (periods am)" in text and "late (periods pm)" in text
    assert "cover on Mon, period am with skill senior: >= 1 and <= 2 (soft, 9 per missing person)" in text
    assert "at most 1 consecutive working days (staff ann)" in text
    assert "no shift early on the day after shift late (staff P)" in text
    assert "relation: 1 * count(staff all, shifts all, days Mon) + -1 * count(staff all, shifts all, days Tue) " \
           "in [0, 0]" in text


def test_a_long_schedule_is_capped_and_says_so() -> None:
    n = SOLUTION_LIMIT + 5
    problem = model_from_dict({"schema": "ordino/1",
                               "tasks": [{"id": f"t{k}", "modes": [{"duration": 1}]} for k in range(n)]})
    schedule = Schedule(tasks=[ScheduledTask(task=f"t{k}", start=k, end=k + 1) for k in range(n)])
    text = solution_detail(problem, Result(status="feasible", objective=n, schedule=schedule))
    assert f"t{SOLUTION_LIMIT - 1}: " in text and f"t{SOLUTION_LIMIT}: " not in text
    assert f"(5 more tasks not shown; the first {SOLUTION_LIMIT} of {n})" in text
    assert f"makespan = 1 * {n} = {n}" in text
    assert len(text) < 20_000


def test_no_solution_no_detail() -> None:
    problem = model_from_dict({"schema": "ordino/1", "tasks": [{"id": "t", "modes": [{"duration": 1}],
                                                               "deadline": 1}]})
    assert solution_detail(problem, None) == ""
    assert solution_detail(problem, Result(status="infeasible")) == ""
    solved = solve(problem, time_limit=5)
    assert "t ends at its deadline 1" in solution_detail(problem, solved)
