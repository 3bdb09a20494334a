"""Solver back ends: CP-SAT for every problem, MILP (Pyomo + HiGHS) for the classic structures."""

from ordino.models.method import Method
from ordino.solvers.cpsat import solve_cpsat

METHODS: list[Method] = [
    Method("cpsat", solve_cpsat, "OR-Tools CP-SAT constraint programming (every problem class)", exact=True),
]

__all__ = ["METHODS", "solve_cpsat"]
