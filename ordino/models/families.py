"""The three model families and the one place that tells them apart.

A family ties a model type to its JSON tag, the solution its solvers produce and the result `solve` returns.
Code that must treat the families differently asks `family_of(model)` instead of testing types itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ordino.errors import InputError
from ordino.models.assignment import Roster, RosterProblem, RosterResult
from ordino.models.linear import LinearModel, LinearResult, LinearSolution
from ordino.models.problem import Problem
from ordino.models.results import BaseResult
from ordino.models.schedule import Result, Schedule

Model = Problem | RosterProblem | LinearModel
Solution = Schedule | Roster | LinearSolution


@dataclass(frozen=True)
class Family:
    """A model family: its JSON tag (`name`), model, solution and result types, and the result field that
    holds the solution."""

    name: str
    model: type[Model]
    solution: type[Solution]
    result: type[BaseResult]
    solution_field: str
    description: str

    def solution_of(self, result: BaseResult) -> Any:
        """The solution a result of this family carries, or None."""
        return getattr(result, self.solution_field)


SCHEDULING = Family("scheduling", Problem, Schedule, Result, "schedule",
                    "tasks on machines and resources over time (shops, projects, single machines)")
ASSIGNMENT = Family("assignment", RosterProblem, Roster, RosterResult, "roster",
                    "staff x shifts x days rosters and timetables")
LINEAR = Family("linear", LinearModel, LinearSolution, LinearResult, "solution",
                "linear and integer programmes over named variables")
FAMILIES: tuple[Family, ...] = (SCHEDULING, ASSIGNMENT, LINEAR)


def family_of(model: object) -> Family:
    """The family of a model (a Problem, RosterProblem or LinearModel); an InputError for anything else."""
    for family in FAMILIES:
        if isinstance(model, family.model):
            return family
    raise InputError(f"a {type(model).__name__} is not a model of any family; expected a Problem, a RosterProblem "
                     "or a LinearModel")


def family_named(name: str) -> Family:
    """The family with this JSON tag; an InputError naming the three otherwise."""
    for family in FAMILIES:
        if family.name == name:
            return family
    raise InputError(f"family {name!r} is unknown; expected one of: {', '.join(f.name for f in FAMILIES)}")
