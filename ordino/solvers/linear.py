"""Solve a LinearModel with HiGHS (any LP/MILP) or CP-SAT (pure integer models with integer data)."""

from __future__ import annotations

import math
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from ordino.models.linear import LinearModel, LinearResult, LinearSolution
from ordino.models.options import SolveOptions
from ordino.solvers.cpsat.run import STATUS, cpsat_solver, run_cpsat


def _quiet_highs(highspy):  # noqa: ANN001, ANN202
    """A Highs instance with its output off; its constructor's banner is kept off stdout (--json output)."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            h = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    h.setOptionValue("output_flag", False)
    return h


def solve_highs(model: LinearModel, options: SolveOptions) -> LinearResult:
    """HiGHS through highspy: columns from variables, rows from constraints; a warm start (a LinearSolution
    with every variable) is offered as the starting point."""
    import highspy

    began = time.perf_counter()
    h = _quiet_highs(highspy)
    h.setOptionValue("time_limit", float(options.time_limit))
    h.setOptionValue("random_seed", int(options.seed))
    h.setOptionValue("output_flag", bool(options.log))
    inf = highspy.kHighsInf
    index = {v.name: k for k, v in enumerate(model.variables)}
    sign = 1.0 if model.objective.sense == "min" else -1.0
    for v in model.variables:
        lo, hi = v.bounds
        cost = sign * model.objective.terms.get(v.name, 0.0)
        h.addCol(cost, max(lo, -inf), min(hi, inf), 0, [], [])
        if v.kind != "continuous":
            h.changeColIntegrality(index[v.name], highspy.HighsVarType.kInteger)
    for c in model.constraints:
        lo = c.rhs if c.sense in (">=", "==") else -inf
        hi = c.rhs if c.sense in ("<=", "==") else inf
        cols = [index[n] for n in c.terms]
        h.addRow(lo, hi, len(cols), cols, list(c.terms.values()))
    _offer_start(h, highspy, model, options.warm_start)
    h.run()
    status = h.getModelStatus()
    s = highspy.HighsModelStatus
    info = h.getInfo()
    runtime = time.perf_counter() - began
    if status == s.kUnboundedOrInfeasible:  # settle it: with a zero objective, feasible means unbounded
        for k in range(len(model.variables)):
            h.changeColCost(k, 0.0)
        h.run()
        settled = h.getModelStatus()
        status = s.kUnbounded if settled == s.kOptimal else s.kInfeasible if settled == s.kInfeasible else status
        runtime = time.perf_counter() - began
    if status == s.kInfeasible:
        return LinearResult(status="infeasible", runtime=runtime, method="highs")
    if status in (s.kUnbounded, s.kUnboundedOrInfeasible):
        return LinearResult(status="unbounded" if status == s.kUnbounded else "unknown", runtime=runtime,
                            method="highs", log=[f"HiGHS: {h.modelStatusToString(status)}"])
    values = list(h.getSolution().col_value)
    if status != s.kOptimal and (not values or info.primal_solution_status != 2):
        return LinearResult(status="unknown", runtime=runtime, method="highs",
                            log=[f"HiGHS: {h.modelStatusToString(status)}"])
    sol = {v.name: _clean(values[index[v.name]], v.kind != "continuous") for v in model.variables}
    objective = model.objective.constant + sum(c * sol[n] for n, c in model.objective.terms.items())
    bound = None
    if model.is_integer:
        bound = model.objective.constant + sign * info.mip_dual_bound
    elif status == s.kOptimal:
        bound = objective
    return LinearResult(status="optimal" if status == s.kOptimal else "feasible", objective=objective,
                        bound=bound, runtime=runtime, solution=LinearSolution(values=sol), method="highs",
                        log=[f"HiGHS: {h.modelStatusToString(status)}"])


def linear_text(model: LinearModel, fmt: str) -> str:
    """The model in LP or MPS format, written by HiGHS. Names keep letters, digits and `_`; any other character
    becomes `_` (and a number is added where that makes two names equal), as both formats accept."""
    import highspy

    h = _quiet_highs(highspy)
    inf = highspy.kHighsInf
    index = {v.name: k for k, v in enumerate(model.variables)}
    names = _file_names([v.name for v in model.variables])
    for k, v in enumerate(model.variables):
        lo, hi = v.bounds
        h.addCol(model.objective.terms.get(v.name, 0.0), max(lo, -inf), min(hi, inf), 0, [], [])
        h.passColName(k, names[k])
        if v.kind != "continuous":
            h.changeColIntegrality(k, highspy.HighsVarType.kInteger)
    rows = _file_names([c.name or f"row{k + 1}" for k, c in enumerate(model.constraints)])
    for k, c in enumerate(model.constraints):
        cols = [index[n] for n in c.terms]
        h.addRow(c.rhs if c.sense in (">=", "==") else -inf, c.rhs if c.sense in ("<=", "==") else inf,
                 len(cols), cols, list(c.terms.values()))
        h.passRowName(k, rows[k])
    if model.objective.sense == "max":
        h.changeObjectiveSense(highspy.ObjSense.kMaximize)
    h.changeObjectiveOffset(model.objective.constant)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / f"model.{fmt}"
        h.writeModel(str(target))
        return target.read_text(encoding="utf-8")


def _file_names(names: list[str]) -> list[str]:
    """Names an LP or MPS file can hold, one per given name, all different."""
    seen: set[str] = set()
    out = []
    for name in names:
        safe = re.sub(r"\W", "_", name, flags=re.ASCII)
        safe = safe if safe[:1].isalpha() else f"_{safe}"
        candidate, k = safe, 1
        while candidate in seen:
            k += 1
            candidate = f"{safe}_{k}"
        seen.add(candidate)
        out.append(candidate)
    return out


def _offer_start(h, highspy, model: LinearModel, start: object) -> None:  # noqa: ANN001
    """Give HiGHS a warm start that names every variable (a partial one is not a point it can use)."""
    if not isinstance(start, LinearSolution) or set(start.values) != {v.name for v in model.variables}:
        return
    solution = highspy.HighsSolution()
    solution.col_value = [float(start.values[v.name]) for v in model.variables]
    h.setSolution(solution)


def _clean(x: float, integral: bool) -> float:
    """Round integer variables to the nearest integer; snap tiny noise on continuous ones."""
    if integral:
        return float(round(x))
    return 0.0 if abs(x) < 1e-12 else x


def cpsat_supports(model: LinearModel) -> str | None:
    """None when CP-SAT can take the model exactly: integer variables, finite bounds, integer coefficients
    (an integer variable's fractional bounds are rounded inwards exactly; a binary's written bounds do not count)."""
    if any(v.kind == "continuous" for v in model.variables):
        return "it has continuous variables (use highs)"
    if any(v.kind == "integer" and (v.lower is None or v.upper is None) for v in model.variables):
        return "an integer variable has no finite lower and upper bound"
    numbers = [c for con in model.constraints for c in (*con.terms.values(), con.rhs)]
    numbers += [*model.objective.terms.values(), model.objective.constant]
    if any(not float(x).is_integer() for x in numbers):
        return "it has fractional coefficients (use highs)"
    return None


def solve_linear_cpsat(model: LinearModel, options: SolveOptions) -> LinearResult:
    """CP-SAT on a pure integer model (see `cpsat_supports`), hinted with a warm start's values."""
    from ortools.sat.python import cp_model

    began = time.perf_counter()
    m = cp_model.CpModel()
    xs = {}
    for v in model.variables:
        lo, hi = math.ceil(v.bounds[0]), math.floor(v.bounds[1])
        if lo > hi:
            return LinearResult(status="infeasible", runtime=time.perf_counter() - began, method="cpsat",
                                log=[f"integer variable {v.name!r} has no integer value within its bounds"])
        xs[v.name] = m.new_int_var(int(lo), int(hi), v.name)
    for c in model.constraints:
        expr = sum(int(k) * xs[n] for n, k in c.terms.items())
        rhs = int(c.rhs)
        m.add(expr <= rhs) if c.sense == "<=" else m.add(expr >= rhs) if c.sense == ">=" else m.add(expr == rhs)
    obj = sum(int(k) * xs[n] for n, k in model.objective.terms.items())
    m.minimize(obj) if model.objective.sense == "min" else m.maximize(obj)
    if isinstance(options.warm_start, LinearSolution):
        for name, value in options.warm_start.values.items():
            if name in xs and float(value).is_integer():
                m.add_hint(xs[name], int(value))
    solver = cpsat_solver(options.time_limit, options.workers or 2, options.seed, options.log)
    code = run_cpsat(solver, m)
    runtime = time.perf_counter() - began
    name = STATUS.get(code, "unknown")
    if name not in ("optimal", "feasible"):
        return LinearResult(status=name, runtime=runtime, method="cpsat", log=[solver.status_name(code)])
    sol = {n: float(solver.value(x)) for n, x in xs.items()}
    const = model.objective.constant
    return LinearResult(status=name, objective=const + solver.objective_value,
                        bound=const + solver.best_objective_bound, runtime=runtime,
                        solution=LinearSolution(values=sol), method="cpsat")
