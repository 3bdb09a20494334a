"""Solver back ends: CP-SAT for every problem, MILP (Pyomo + HiGHS) for the classic structures.

The solver libraries load on first use, so that importing ordino (and `ordino --help`) stays fast.
"""

from __future__ import annotations

from ordino.models import Problem, Result, SolveOptions
from ordino.models.method import Method
from ordino.solvers.milp.support import milp_supports


def solve_cpsat(problem: Problem, options: SolveOptions) -> Result:
    """Solve with OR-Tools CP-SAT (see `ordino.solvers.cpsat`)."""
    from ordino.solvers.cpsat import solve_cpsat as run

    return run(problem, options)


def solve_milp(problem: Problem, options: SolveOptions) -> Result:
    """Solve with the Pyomo MILP and HiGHS (see `ordino.solvers.milp`)."""
    from ordino.solvers.milp import solve_milp as run

    return run(problem, options)


METHODS: list[Method] = [
    Method("cpsat", solve_cpsat, "OR-Tools CP-SAT constraint programming (every problem class)", exact=True),
    Method("milp", solve_milp, "Pyomo MILP solved by HiGHS (single/parallel machines, shops, RCPSP)",
           supports=milp_supports, exact=True),
]

__all__ = ["METHODS", "solve_cpsat", "solve_milp"]
