"""Dispatch verification by model family (scheduling, assignment, linear)."""

from __future__ import annotations

from ordino.errors import InputError
from ordino.models.assignment import Roster, RosterProblem
from ordino.models.linear import LinearModel, LinearSolution, LinearVerification
from ordino.models.schedule import Verification


def verify_any(model, solution) -> Verification | LinearVerification:
    """Verify `solution` against `model` with the verifier of the model's family."""
    if isinstance(model, RosterProblem):
        if not isinstance(solution, Roster):
            raise InputError(f"a roster problem is verified against a Roster, not {type(solution).__name__}")
        from ordino.verify_assignment import verify_roster

        return verify_roster(model, solution)
    if isinstance(model, LinearModel):
        if not isinstance(solution, LinearSolution):
            raise InputError(f"a linear model is verified against a LinearSolution, not {type(solution).__name__}")
        from ordino.verify_linear import verify_linear

        return verify_linear(model, solution)
    from ordino.verify import verify

    return verify(model, solution)
