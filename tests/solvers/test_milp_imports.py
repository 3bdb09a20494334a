"""highspy and ortools import and solve in one process (highspy 1.15 broke beside ortools 9.15)."""

from __future__ import annotations

import subprocess
import sys

import pytest

SCRIPT = """
{imports}

m = cp_model.CpModel()
x = m.NewIntVar(0, 10, "x")
m.Add(x >= 3)
m.Minimize(x)
s = cp_model.CpSolver()
assert s.Solve(m) == cp_model.OPTIMAL and s.Value(x) == 3

h = highspy.Highs()
h.setOptionValue("output_flag", False)
y = h.addVariable(lb=2.5, ub=10)
h.changeColIntegrality(0, highspy.HighsVarType.kInteger)
h.changeColCost(0, 1.0)
h.run()
assert h.getModelStatus() == highspy.HighsModelStatus.kOptimal
assert round(h.getInfo().objective_function_value) == 3
print("both solved")
"""


IMPORTS = ["import highspy", "from ortools.sat.python import cp_model"]


@pytest.mark.parametrize("order", [IMPORTS, IMPORTS[::-1]], ids=["highspy-first", "ortools-first"])
def test_highspy_and_ortools_solve_in_one_fresh_process(order):
    script = SCRIPT.replace("{imports}", "\n".join(order))
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "both solved" in done.stdout


def test_ordino_solves_with_cpsat_and_milp_in_this_process():
    from test_milp import single_machine

    from ordino.solve import solve

    problem = single_machine(n=5)
    a = solve(problem, method="cpsat", time_limit=10)
    b = solve(problem, method="milp", time_limit=10)
    assert a.status == b.status == "optimal"
    assert a.objective == b.objective
