"""Exact back ends of every family, registered as methods: CP-SAT and MILP (Pyomo + HiGHS) for schedules, the
structure-specific models behind those names, the CP-SAT portfolio, and CP-SAT and HiGHS for rosters and
linear models.

The solver libraries load on first use, so that importing ordino (and `ordino --help`) stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from ordino.models.method import Method
from ordino.models.options import SolveOptions
from ordino.models.results import BaseResult
from ordino.solvers.milp.support import milp_supports
from ordino.solvers.portfolio import PORTFOLIO
from ordino.solvers.single_machine import SPECIALISED


def _on_first_use(module: str, function: str) -> Callable[[Any, SolveOptions], BaseResult]:
    """A method's run that imports its solver module only when called."""

    def run(model: Any, options: SolveOptions) -> BaseResult:
        return getattr(importlib.import_module(module), function)(model, options)

    run.__name__ = function
    return run


def _linear_cpsat_supports(model: Any) -> str | None:
    from ordino.solvers.linear import cpsat_supports

    return cpsat_supports(model)


METHODS: list[Method] = [
    Method("cpsat", _on_first_use("ordino.solvers.cpsat", "solve_cpsat"),
           "OR-Tools CP-SAT constraint programming (every problem class)", exact=True),
    Method("milp", _on_first_use("ordino.solvers.milp", "solve_milp"),
           "Pyomo MILP solved by HiGHS (single/parallel machines, shops, RCPSP)", supports=milp_supports, exact=True),
    PORTFOLIO,
    Method("cpsat", _on_first_use("ordino.solvers.assignment.cpsat", "solve_roster_cpsat"),
           "OR-Tools CP-SAT on the staff x shift x day booleans", exact=True, family="assignment"),
    Method("milp", _on_first_use("ordino.solvers.assignment.milp", "solve_roster_milp"),
           "the roster as a MILP solved by HiGHS", exact=True, family="assignment"),
    Method("highs", _on_first_use("ordino.solvers.linear", "solve_highs"),
           "HiGHS simplex and branch-and-cut (any LP or MILP)", exact=True, family="linear"),
    Method("cpsat", _on_first_use("ordino.solvers.linear", "solve_linear_cpsat"),
           "OR-Tools CP-SAT (integer variables with finite bounds and integer data)",
           supports=_linear_cpsat_supports, exact=True, family="linear"),
]

__all__ = ["METHODS", "SPECIALISED"]
