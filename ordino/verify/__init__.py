"""The independent verifiers, one per family; `verify(model, solution)` picks the model's.

They share no code with the model builders: whatever produced a solution (a solver, a heuristic, an evolved
program, a user's file), the verdict comes from here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ordino.errors import InputError
from ordino.models.families import Model, Solution, family_of
from ordino.models.results import Verification
from ordino.verify.assignment import verify_roster
from ordino.verify.linear import verify_linear
from ordino.verify.scheduling import verify_schedule

VERIFIERS: dict[str, Callable[[Any, Any], Verification]] = {
    "scheduling": verify_schedule, "assignment": verify_roster, "linear": verify_linear}


def verify(model: Model, solution: Solution) -> Verification:
    """Every violation of `model`'s rules in `solution` (a Schedule, Roster or LinearSolution of the model's
    family), and the objective recomputed from it."""
    family = family_of(model)
    if not isinstance(solution, family.solution):
        raise InputError(f"{family.name} models are verified against a {family.solution.__name__}, "
                         f"not a {type(solution).__name__}")
    return VERIFIERS[family.name](model, solution)


__all__ = ["VERIFIERS", "verify", "verify_linear", "verify_roster", "verify_schedule"]
