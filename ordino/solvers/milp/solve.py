"""Build the MILP for a problem's structure and solve it with HiGHS through `pyomo.contrib.solver`."""

from __future__ import annotations

import math
import time

import pyomo.environ as pyo

from ordino.errors import ModelError, OrdinoError, SolverError
from ordino.models import Problem, Result, Schedule, SolveOptions
from ordino.solvers.milp.core import MilpBuilder, MilpModel
from ordino.solvers.milp.data import serial_sgs, time_bounds
from ordino.solvers.milp.disjunctive import DisjunctiveBuilder
from ordino.solvers.milp.positional import PositionalBuilder
from ordino.solvers.milp.support import choose_formulation, milp_supports
from ordino.solvers.milp.timeindexed import TimeIndexedBuilder

_BUILDERS: dict[str, type[MilpBuilder]] = {"positional": PositionalBuilder, "disjunctive": DisjunctiveBuilder,
                                           "time_indexed": TimeIndexedBuilder}


class Infeasible(Exception):
    """The data alone (time bounds) show that no schedule exists."""


def build_milp(problem: Problem, formulation: str | None = None) -> MilpModel:
    """The Pyomo model of `problem` in the formulation its structure calls for (or the one named).

    Raises
    ------
    ModelError
        When the MILP route does not support the problem's features.
    Infeasible
        When the time bounds alone show that some task cannot be scheduled.
    """
    reason = milp_supports(problem)
    if reason is not None:
        raise ModelError(reason)
    name = formulation or choose_formulation(problem)
    if name not in _BUILDERS:
        raise ModelError(f"unknown MILP formulation {name!r}; choose one of {', '.join(_BUILDERS)}")
    if name == "positional" and any(len(md.resources) != 1 or problem.resource(md.resources[0]).kind != "machine"
                                    for t in problem.tasks for md in t.modes):
        raise ModelError("the positional formulation needs every mode to use exactly one machine")
    bounds = time_bounds(problem)
    if isinstance(bounds, str):
        raise Infeasible(bounds)
    built = _BUILDERS[name](problem, bounds).build()
    if built.infeasible is not None:
        raise Infeasible(built.infeasible)
    return built


def _highs():
    from pyomo.contrib.solver.common.factory import SolverFactory

    return SolverFactory("highs")


def solve_milp(problem: Problem, options: SolveOptions, formulation: str | None = None) -> Result:
    """Solve with the MILP route: status, objective, best bound and schedule; never raises for a solver's
    own outcome; a HiGHS or Pyomo failure raises SolverError with its cause.
    `formulation` forces one of positional, disjunctive, time_indexed (default: chosen by structure)."""
    began = time.perf_counter()
    try:
        built = build_milp(problem, formulation)
    except Infeasible as exc:
        return Result(status="infeasible", method="milp", runtime=time.perf_counter() - began,
                      log=[f"milp: infeasible before solving: {exc}"])
    except ModelError:
        raise
    except Exception as exc:
        raise SolverError(f"milp: model building failed: {type(exc).__name__}: {exc}") from exc
    build_time = time.perf_counter() - began
    try:
        return _run(built, options, began, build_time)
    except OrdinoError:
        raise
    except Exception as exc:
        raise SolverError(f"milp ({built.formulation}): HiGHS failed: {type(exc).__name__}: {exc}") from exc


def _run(built: MilpModel, options: SolveOptions, began: float, build_time: float) -> Result:
    from pyomo.contrib.solver.common.results import SolutionStatus, TerminationCondition

    solver = _highs()
    if not solver.available():
        raise SolverError("milp: HiGHS (highspy) is not available; reinstall ordino (pip install -e .)")
    kwargs = {
        "load_solutions": False,
        "raise_exception_on_nonoptimal_result": False,
        "rel_gap": 0.0,
        "abs_gap": 0.99,  # objectives are integer: a gap below 1 proves optimality
        "tee": options.log,
        "solver_options": {"random_seed": options.seed},
    }
    if options.workers:
        kwargs["threads"] = options.workers
        # HiGHS keeps one thread pool per process: a different thread count than the first solve's is
        # refused (status unknown) unless the pool is reset first.
        import highspy

        highspy.Highs.resetGlobalScheduler(True)
    warm = _warm_start(built, options, solver)
    # the model is now loaded into HiGHS, unless the warm start was skipped (then it is loaded in solve())
    loading = 0.0 if solver._model is built.model else build_time
    kwargs["time_limit"] = max(0.01, options.time_limit - (time.perf_counter() - began) - loading)
    res = solver.solve(built.model, **kwargs)
    tc = res.termination_condition
    has_solution = res.solution_status in (SolutionStatus.optimal, SolutionStatus.feasible)
    log = [f"milp ({built.formulation}, horizon {built.bounds.horizon} from {built.bounds.source}): "
           f"built in {build_time:.3f}s, {built.model.nvariables()} variables, {built.model.nconstraints()} "
           f"constraints; {warm}; HiGHS {tc.name} after {time.perf_counter() - began - build_time:.2f}s"]
    bound = None if res.objective_bound is None or not math.isfinite(res.objective_bound) \
        else float(math.ceil(res.objective_bound - 1e-6))
    if tc == TerminationCondition.provenInfeasible or (
            tc == TerminationCondition.infeasibleOrUnbounded and not has_solution):
        # every variable is bounded, so 'infeasible or unbounded' can only be infeasible
        return Result(status="infeasible", method="milp", runtime=time.perf_counter() - began, log=log)
    if tc == TerminationCondition.unbounded:
        return Result(status="unbounded", method="milp", runtime=time.perf_counter() - began, log=log)
    if tc == TerminationCondition.error:
        raise SolverError(f"milp: HiGHS stopped with an error ({log[0]})")
    if not has_solution:
        return Result(status="unknown", method="milp", bound=bound, runtime=time.perf_counter() - began, log=log)
    res.solution_loader.load_vars()
    schedule = built.read_schedule()
    objective = round(pyo.value(built.model.obj))
    status = "optimal" if tc == TerminationCondition.convergenceCriteriaSatisfied else "feasible"
    if status == "optimal":
        bound = float(objective)
    return Result(status=status, objective=objective, bound=bound, schedule=schedule, method="milp",
                  runtime=time.perf_counter() - began, log=log)


def _warm_start(built: MilpModel, options: SolveOptions, solver) -> str:
    """Hand HiGHS the integer variables of a known schedule (the given warm start, else a serial SGS pass),
    as a partial MIP start it completes itself. Best effort: any failure only skips the warm start."""
    import numpy as np

    problem = built.problem
    source = "warm start given"
    starts: list[int] | None = None
    modes: list[int] = []
    if isinstance(options.warm_start, Schedule):
        entries = options.warm_start.by_task()
        if all(t.id in entries for t in problem.tasks):
            starts = [entries[t.id].start for t in problem.tasks]
            modes = [entries[t.id].mode for t in problem.tasks]
    if starts is None:
        found = serial_sgs(problem, built.bounds.horizon)
        if found is None:
            return "no MIP start"
        starts, _, modes = found
        source = "MIP start from a serial SGS pass"
    try:
        values = built.builder.hint(starts, modes)
        if not values:  # nothing to hand over (HiGHS would print a warning on stdout)
            return "no MIP start needed"
        solver.set_instance(built.model)
        cols = solver._pyomo_var_to_solver_var_map
        index = np.array([cols[id(var)] for var, _ in values], dtype=np.int32)
        value = np.array([v for _, v in values], dtype=np.float64)
        solver._solver_model.setSolution(len(index), index, value)
    except Exception as exc:  # the private hand-over may change between Pyomo versions
        return f"MIP start skipped ({type(exc).__name__})"
    return source


__all__ = ["Infeasible", "build_milp", "milp_supports", "solve_milp"]
