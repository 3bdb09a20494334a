"""A time-valued objective is also given in the units the text speaks of (a model in minutes answering a
question asked in hours says both)."""

from __future__ import annotations

from ordino.formulate import formulate
from ordino.formulate.formulation import objective_units
from ordino.models import Problem


def one_machine(unit: str, objective: str = "makespan", weight: int = 1) -> Problem:
    b = Problem.builder(time_unit=unit).machine("M")
    b.task("A", 90, on="M").task("B", 756, on="M")
    return b.minimize(objective, weight=weight).build()


def test_a_time_objective_is_converted_to_the_units_of_the_text():
    text = "Job A takes 1.5 hours and job B 12.6 hours. How many hours until both are done?"
    assert objective_units(one_machine("min"), 846, text) == "846 min = 14.1 h"
    assert objective_units(one_machine("min"), 846, text + " Breaks last 1 day.") == "846 min = 14.1 h = 0.5875 day"


def test_nothing_is_added_when_units_agree_or_the_objective_is_not_a_time():
    text = "Job A takes 1.5 hours and job B 12.6 hours."
    assert objective_units(one_machine("h"), 14, text) is None
    assert objective_units(one_machine("min"), 846, "Job A takes 90 minutes.") is None
    assert objective_units(one_machine("min", weight=3), 2538, text) is None
    assert objective_units(one_machine("parsecs"), 846, text) is None


def test_formulate_reports_the_objective_in_the_texts_unit():
    f = formulate("One machine. Job A takes 1.5 hours, job B takes 2 hours. Minimise the makespan.",
                  engine="offline", time_limit=5)
    assert f.status == "optimal" and f.problem.time_unit == "min" and f.objective == 210
    assert f.objective_units == "210 min = 3.5 h" and f.to_json()["objective_units"] == "210 min = 3.5 h"
