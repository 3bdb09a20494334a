"""Front door for the non-scheduling families: solve a RosterProblem or a LinearModel and verify the result.

`ordino.solve.solve` dispatches here when given one of these models; results carry the verifier's objective.
"""

from __future__ import annotations

import time

from ordino.errors import ModelError
from ordino.models.assignment import RosterProblem, RosterResult
from ordino.models.linear import LinearModel, LinearResult
from ordino.solve import run_guarded, verdict

ROSTER_METHODS = ("cpsat", "milp")


def solve_roster(problem: RosterProblem, method: str = "auto", time_limit: float = 10.0, seed: int = 0,
                 workers: int = 0) -> RosterResult:
    """Solve a roster with 'cpsat' (default for 'auto') or 'milp' (HiGHS); verified."""
    from ordino.solvers.assignment_cpsat import solve_roster_cpsat
    from ordino.solvers.assignment_milp import solve_roster_milp
    from ordino.verify_assignment import verify_roster

    name = "cpsat" if method == "auto" else method
    began = time.perf_counter()
    if name == "cpsat":
        result = run_guarded(name, lambda: solve_roster_cpsat(problem, time_limit, seed, workers))
    elif name in ("milp", "highs"):
        result = run_guarded(name, lambda: solve_roster_milp(problem, time_limit, seed))
    else:
        raise ModelError(f"unknown method {method!r} for a roster problem; choose one of: auto, cpsat, milp")
    result = result.model_copy(update={"runtime": time.perf_counter() - began})
    if result.roster is None:
        return result
    report = verify_roster(problem, result.roster)
    return result.model_copy(update=verdict(result.log, report.objective, report.violations))


def solve_linear_model(model: LinearModel, method: str = "auto", time_limit: float = 10.0, seed: int = 0,
                       workers: int = 0) -> LinearResult:
    """Solve a linear model with 'highs' (default for 'auto') or 'cpsat' (pure integer data); verified."""
    from ordino.solvers.linear import solve_linear
    from ordino.verify_linear import verify_linear

    began = time.perf_counter()
    result = run_guarded(method, lambda: solve_linear(model, method, time_limit, seed, workers))
    result = result.model_copy(update={"runtime": time.perf_counter() - began})
    if result.solution is None:
        return result
    report = verify_linear(model, result.solution)
    return result.model_copy(update=verdict(result.log, report.objective, report.violations))


def solve_any(model, method: str = "auto", time_limit: float = 10.0, seed: int = 0, workers: int = 0):
    """Solve a scheduling Problem, a RosterProblem or a LinearModel; the result is verified."""
    if isinstance(model, RosterProblem):
        return solve_roster(model, method, time_limit, seed, workers)
    if isinstance(model, LinearModel):
        return solve_linear_model(model, method, time_limit, seed, workers)
    from ordino.solve import solve

    return solve(model, method, time_limit=time_limit, workers=workers, seed=seed)
