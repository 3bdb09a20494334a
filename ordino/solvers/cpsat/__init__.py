"""Solve a Problem with OR-Tools CP-SAT and read the schedule back."""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from ordino.errors import Interrupted
from ordino.models import Problem, Result, Schedule, SolveOptions
from ordino.solvers.cpsat.model import CpsatModel, add_hint, build_cpsat
from ordino.solvers.cpsat.run import STATUS, cpsat_solver, run_cpsat


def _solver(options: SolveOptions, time_limit: float | None = None) -> cp_model.CpSolver:
    return cpsat_solver(time_limit or options.time_limit, options.workers, options.seed, options.log)


def read_schedule(built: CpsatModel, problem: Problem, solver: cp_model.CpSolver) -> Schedule:
    """The schedule in the solver's current solution."""
    rows = []
    for t, v in zip(problem.tasks, built.tasks, strict=True):
        if not isinstance(v.present, int) and not solver.boolean_value(v.present):
            continue
        mode = 0
        if len(v.mode_lits) > 1:
            mode = next(k for k, lit in enumerate(v.mode_lits) if solver.boolean_value(lit))
        rows.append((t.id, mode, solver.value(v.start), solver.value(v.end)))
    return Schedule.of(rows)


def solve_cpsat(problem: Problem, options: SolveOptions) -> Result:
    """Build, hint, solve; report status, objective, bound and the schedule. Ctrl-C raises `Interrupted`
    with the best schedule found so far."""
    began = time.perf_counter()
    built = build_cpsat(problem)
    if isinstance(options.warm_start, Schedule):
        add_hint(built, problem, options.warm_start)
    build_time = time.perf_counter() - began
    if build_time >= options.time_limit:
        return Result(status="unknown", method="cpsat", runtime=build_time,
                      log=[f"cp-sat: building the model took {build_time:.1f}s, the whole time limit; not solved"])
    solver = _solver(options, options.time_limit - build_time)
    try:
        code = run_cpsat(solver, built.model)
    except Interrupted as stop:
        reached = cp_model.UNKNOWN if stop.code is None else cp_model.CpSolverStatus(stop.code)
        partial = _result(problem, built, solver, reached, began, build_time)
        raise Interrupted(result=partial.model_copy(update={"log": [*partial.log, "stopped by Ctrl-C"]})) from None
    result = _result(problem, built, solver, code, began, build_time)
    if result.status == "infeasible":
        left = options.model_copy(update={"time_limit": max(0.01, options.time_limit - result.runtime)})
        result = result.model_copy(update={"log": [*result.log, *explain_infeasibility(problem, left)]})
    return result


def _result(problem: Problem, built: CpsatModel, solver: cp_model.CpSolver, code: cp_model.CpSolverStatus,
            began: float, build_time: float) -> Result:
    status = STATUS.get(code, "unknown")
    log = [f"cp-sat: built in {build_time:.3f}s, {solver.status_name(code)} after {solver.wall_time:.2f}s, "
           f"{solver.num_branches} branches"]
    if status in ("optimal", "feasible"):
        return Result(status=status, objective=round(solver.objective_value),
                      bound=float(solver.best_objective_bound), schedule=read_schedule(built, problem, solver),
                      method="cpsat", runtime=time.perf_counter() - began, log=log)
    return Result(status=status, method="cpsat", runtime=time.perf_counter() - began, log=log)


def explain_infeasibility(problem: Problem, options: SolveOptions) -> list[str]:
    """Name a small set of constraint groups that conflict, found with assumptions in a short solve."""
    built = build_cpsat(problem, diagnose=True)
    if not built.groups:
        return ["conflict: the tasks' own data (durations, releases, resource needs) cannot fit"]
    built.model.add_assumptions(list(built.groups.values()))
    solver = _solver(options, min(5.0, options.time_limit))
    solver.parameters.num_workers = 1
    if run_cpsat(solver, built.model) != cp_model.INFEASIBLE:
        return ["conflict: could not isolate the conflicting constraint groups within the time limit"]
    names = {lit.index: name for name, lit in built.groups.items()}
    core = [names[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in names]
    if not core:
        return ["conflict: the tasks' own data (durations, releases, resource needs) cannot fit"]
    return ["conflict between constraint groups: " + ", ".join(sorted(core))]
