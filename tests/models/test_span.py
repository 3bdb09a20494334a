"""The `span` objective term: cost per time unit from the earliest start of some tasks to the latest end of
others (equipment rent), in the ontology, the verifier and both exact back ends.

The instance: a crane is rented from the start of `lift` to the end of `fit`; `fit` cannot start before 10
(its parts arrive then). Started at once, `lift` leaves the crane idle: rent 12 + makespan 12 = 24. Started
as late as it can (7), the rent is 5 and the total 17; no schedule does better, since the makespan is at least
12 and the rent at least lift + fit = 5.
"""

from __future__ import annotations

import json

import pytest

from ordino import solve, verify
from ordino.models import Problem, Schedule, ScheduledTask
from ordino.models.horizon import default_horizon


def crane(optional_fit: bool = False) -> Problem:
    return Problem.model_validate({
        "resources": [{"id": "crane_bay"}, {"id": "dock"}],
        "tasks": [{"id": "lift", "modes": [{"resources": ["crane_bay"], "duration": 3}]},
                  {"id": "fit", "modes": [{"resources": ["dock"], "duration": 2}], "release": 10,
                   "optional": optional_fit, "absence_penalty": 100 if optional_fit else 0}],
        "constraints": [{"type": "end_before_start", "first": "lift", "then": "fit"}],
        "objective": [{"term": "makespan"}, {"term": "span", "start_of": ["lift"], "end_of": ["fit"]},
                      *([{"term": "total_cost"}] if optional_fit else [])]})


def schedule(lift: int, fit: int) -> Schedule:
    return Schedule(tasks=[ScheduledTask(task="lift", mode=0, start=lift, end=lift + 3),
                           ScheduledTask(task="fit", mode=0, start=fit, end=fit + 2)])


def test_the_verifier_counts_the_span_from_first_start_to_last_end():
    problem = crane()
    early, late = verify(problem, schedule(0, 10)), verify(problem, schedule(7, 10))
    assert early.feasible and late.feasible
    assert (early.terms["span(lift..fit)"], early.objective) == (12, 24)
    assert (late.terms["span(lift..fit)"], late.objective) == (5, 17)


@pytest.mark.parametrize("method", ["cpsat", "milp", "auto"])
def test_exact_methods_start_the_rented_work_as_late_as_it_pays(method):
    problem = crane()
    result = solve(problem, method=method, time_limit=10, workers=1)
    assert (result.status, result.objective) == ("optimal", 17)
    assert verify(problem, result.schedule).objective == 17
    assert result.schedule.by_task()["lift"].start == 7


def test_a_span_over_a_task_left_out_counts_the_performed_tasks_only():
    problem = crane(optional_fit=True)
    result = solve(problem, method="cpsat", time_limit=10, workers=1)
    assert (result.status, result.objective) == ("optimal", 17)  # leaving fit out would cost 100
    alone = Schedule(tasks=[ScheduledTask(task="lift", mode=0, start=0, end=3)])
    assert verify(problem, alone).terms["span(lift..fit)"] == 0


def test_the_default_horizon_keeps_the_late_optimum():
    assert default_horizon(crane()) >= 12


@pytest.mark.parametrize("term, message", [
    ({"term": "span", "start_of": ["lift"]}, "needs 'start_of' and 'end_of'"),
    ({"term": "span", "start_of": [], "end_of": ["fit"]}, "needs 'start_of' and 'end_of'"),
    ({"term": "makespan", "end_of": ["fit"]}, "takes no 'start_of' or 'end_of'"),
    ({"term": "span", "start_of": ["lift"], "end_of": ["weld"]}, "task 'weld' is not declared"),
])
def test_ill_formed_span_terms_are_rejected_with_the_fix(term, message):
    data = json.loads(crane().to_json())
    data["objective"] = [term]
    with pytest.raises(ValueError, match=message):
        Problem.model_validate(data)


def test_a_span_term_survives_the_json_round_trip():
    problem = crane()
    assert Problem.model_validate_json(problem.to_json()) == problem
