"""MILP back end: Pyomo models solved by HiGHS, with a formulation chosen by the problem's structure.

- positional (assignment) for single and parallel machines (time-indexed when the horizon is small),
- disjunctive big-M for flow, job and flexible job shops,
- time-indexed for renewable resources (RCPSP) and machines with down periods.

Pyomo is imported only when a model is built, so registering the method costs nothing at start-up.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from ordino.solvers.milp.support import choose_formulation, milp_supports

if TYPE_CHECKING:
    from ordino.models import Problem, Result, SolveOptions
    from ordino.solvers.milp.core import MilpModel


def solve_milp(problem: Problem, options: SolveOptions, formulation: str | None = None) -> Result:
    """Solve with the MILP route (see `ordino.solvers.milp.solve.solve_milp`); the first call's Pyomo import
    counts against the time limit."""
    began = time.perf_counter()
    from ordino.solvers.milp.solve import solve_milp as run

    spent = time.perf_counter() - began
    if spent > 0.01:
        options = options.model_copy(update={"time_limit": max(0.01, options.time_limit - spent)})
    return run(problem, options, formulation)


def build_milp(problem: Problem, formulation: str | None = None) -> MilpModel:
    """Build the Pyomo model (see `ordino.solvers.milp.solve.build_milp`)."""
    from ordino.solvers.milp.solve import build_milp as build

    return build(problem, formulation)


def __getattr__(name: str) -> Any:
    if name == "Infeasible":
        from ordino.solvers.milp.solve import Infeasible

        return Infeasible
    if name == "MilpModel":
        from ordino.solvers.milp.core import MilpModel

        return MilpModel
    raise AttributeError(name)


__all__ = ["Infeasible", "MilpModel", "build_milp", "choose_formulation", "milp_supports", "solve_milp"]
