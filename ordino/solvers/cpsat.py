"""Solve a Problem with OR-Tools CP-SAT and read the schedule back."""

from __future__ import annotations

import time

from ortools.sat.python import cp_model

from ordino.models import Problem, Result, Schedule, ScheduledTask, SolveOptions
from ordino.solvers.cpsat_model import CpsatModel, add_hint, build_cpsat

_STATUS = {
    cp_model.OPTIMAL: "optimal",
    cp_model.FEASIBLE: "feasible",
    cp_model.INFEASIBLE: "infeasible",
    cp_model.MODEL_INVALID: "error",
    cp_model.UNKNOWN: "unknown",
}


def _solver(options: SolveOptions, time_limit: float | None = None) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit or options.time_limit
    solver.parameters.num_workers = options.workers
    solver.parameters.random_seed = options.seed
    solver.parameters.log_search_progress = options.log
    return solver


def read_schedule(built: CpsatModel, problem: Problem, solver: cp_model.CpSolver) -> Schedule:
    """The schedule in the solver's current solution."""
    entries = []
    for t, v in zip(problem.tasks, built.tasks, strict=True):
        if not isinstance(v.present, int) and not solver.BooleanValue(v.present):
            continue
        mode = 0
        if len(v.mode_lits) > 1:
            mode = next(k for k, lit in enumerate(v.mode_lits) if solver.BooleanValue(lit))
        entries.append(ScheduledTask(task=t.id, mode=mode, start=solver.Value(v.start), end=solver.Value(v.end)))
    return Schedule(tasks=entries)


def solve_cpsat(problem: Problem, options: SolveOptions) -> Result:
    """Build, hint, solve; report status, objective, bound and the schedule."""
    began = time.perf_counter()
    built = build_cpsat(problem)
    if options.warm_start is not None:
        add_hint(built, problem, options.warm_start)
    build_time = time.perf_counter() - began
    solver = _solver(options, max(0.01, options.time_limit - build_time))
    code = solver.Solve(built.model)
    status = _STATUS.get(code, "unknown")
    log = [f"cp-sat: built in {build_time:.3f}s, {solver.StatusName(code)} after {solver.WallTime():.2f}s, "
           f"{solver.NumBranches()} branches"]
    if status in ("optimal", "feasible"):
        schedule = read_schedule(built, problem, solver)
        objective = round(solver.ObjectiveValue())
        bound = float(solver.BestObjectiveBound())
        return Result(status=status, objective=objective, bound=bound, schedule=schedule, method="cpsat",
                      runtime=time.perf_counter() - began, log=log)
    if status == "infeasible":
        log += explain_infeasibility(problem, options)
    return Result(status=status, method="cpsat", runtime=time.perf_counter() - began, log=log)


def explain_infeasibility(problem: Problem, options: SolveOptions) -> list[str]:
    """Name a small set of constraint groups that conflict, found with assumptions in a short solve."""
    built = build_cpsat(problem, diagnose=True)
    if not built.groups:
        return ["conflict: the tasks' own data (durations, releases, resource needs) cannot fit"]
    built.model.AddAssumptions(list(built.groups.values()))
    solver = _solver(options, min(5.0, options.time_limit))
    solver.parameters.num_workers = 1
    if solver.Solve(built.model) != cp_model.INFEASIBLE:
        return ["conflict: could not isolate the conflicting constraint groups within the time limit"]
    names = {lit.Index(): name for name, lit in built.groups.items()}
    core = [names[i] for i in solver.SufficientAssumptionsForInfeasibility() if i in names]
    if not core:
        return ["conflict: the tasks' own data (durations, releases, resource needs) cannot fit"]
    return ["conflict between constraint groups: " + ", ".join(sorted(core))]
