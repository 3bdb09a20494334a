"""Solver back ends: CP-SAT for every problem, MILP (Pyomo + HiGHS) for the classic structures."""

from ordino.models.method import Method
from ordino.solvers.cpsat import solve_cpsat
from ordino.solvers.milp import milp_supports, solve_milp

METHODS: list[Method] = [
    Method("cpsat", solve_cpsat, "OR-Tools CP-SAT constraint programming (every problem class)", exact=True),
    Method("milp", solve_milp, "Pyomo MILP solved by HiGHS (single/parallel machines, shops, RCPSP)",
           supports=milp_supports, exact=True),
]

__all__ = ["METHODS", "solve_cpsat", "solve_milp"]
