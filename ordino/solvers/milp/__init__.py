"""MILP back end: Pyomo models solved by HiGHS, with a formulation chosen by the problem's structure.

- positional (assignment) for single and parallel machines,
- disjunctive big-M for flow, job and flexible job shops,
- time-indexed for renewable resources (RCPSP) and machines with down periods.
"""

from ordino.solvers.milp.core import MilpModel
from ordino.solvers.milp.solve import Infeasible, build_milp, solve_milp
from ordino.solvers.milp.support import choose_formulation, milp_supports

__all__ = ["Infeasible", "MilpModel", "build_milp", "choose_formulation", "milp_supports", "solve_milp"]
