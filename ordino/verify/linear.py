"""Independent verifier of the linear family: bounds, integrality and every constraint, objective recomputed.

Shares no code with the solvers: it reads the model and the values, nothing else.
"""

from __future__ import annotations

from ordino.models.linear import LinearModel, LinearSolution
from ordino.models.results import Verification, Violation

TOLERANCE = 1e-6


def verify_linear(model: LinearModel, solution: LinearSolution, tol: float = TOLERANCE) -> Verification:
    """Every broken bound, integrality or constraint (with a relative tolerance) and the objective value."""
    bad: list[Violation] = []
    values = solution.values
    declared = {v.name for v in model.variables}
    for name in values:
        if name not in declared:
            bad.append(Violation(kind="unknown_variable", message=f"value given for undeclared variable {name!r}"))
    for v in model.variables:
        if v.name not in values:
            bad.append(Violation(kind="missing_value", message=f"variable {v.name!r} has no value"))
            continue
        x = values[v.name]
        lo = 0.0 if v.kind == "binary" else v.lower
        hi = 1.0 if v.kind == "binary" else v.upper
        if lo is not None and x < lo - tol * max(1.0, abs(lo)):
            bad.append(Violation(kind="bound", message=f"variable {v.name!r} = {x} is below its lower bound {lo}"))
        if hi is not None and x > hi + tol * max(1.0, abs(hi)):
            bad.append(Violation(kind="bound", message=f"variable {v.name!r} = {x} is above its upper bound {hi}"))
        if v.kind != "continuous" and abs(x - round(x)) > tol:
            bad.append(Violation(kind="integrality", message=f"variable {v.name!r} = {x} must be integer"))
    if bad:
        return Verification(violations=bad, objective=None)
    for k, c in enumerate(model.constraints):
        lhs = sum(coef * values[n] for n, coef in c.terms.items())
        slack = tol * max(1.0, abs(c.rhs), sum(abs(coef * values[n]) for n, coef in c.terms.items()))
        ok = {"<=": lhs <= c.rhs + slack, ">=": lhs >= c.rhs - slack, "==": abs(lhs - c.rhs) <= slack}[c.sense]
        if not ok:
            label = c.name or f"constraints[{k}]"
            bad.append(Violation(kind="linear_constraint", message=f"{label}: {lhs:g} {c.sense} {c.rhs:g} is false"))
    objective = model.objective.constant + sum(coef * values[n] for n, coef in model.objective.terms.items())
    return Verification(violations=bad, objective=objective)
