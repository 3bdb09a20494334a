"""The front door: `solve(problem, method=...)` runs any registered method and verifies its schedule."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError

from ordino.errors import InputError, Interrupted, ModelError, OrdinoError, SolverError
from ordino.models import Problem, Result, Schedule, SolveOptions, classify, gap_percent
from ordino.models.io import describe_validation_error
from ordino.models.limits import check_limits
from ordino.models.method import Method
from ordino.verify import verify

_REGISTRY: dict[str, Method] = {}
T = TypeVar("T")


def _registry() -> dict[str, Method]:
    if not _REGISTRY:
        from ordino import heuristics, solvers

        for method in [*solvers.METHODS, *heuristics.METHODS]:
            _REGISTRY.setdefault(method.name, method)
    return _REGISTRY


def register_method(method: Method, replace: bool = False) -> None:
    """Make a method available by name to `solve`, `bench` and `batch`."""
    registry = _registry()
    if method.name in registry and not replace:
        raise ValueError(f"a method named {method.name!r} is already registered")
    registry[method.name] = method


def methods() -> dict[str, Method]:
    """Every registered method by name."""
    return dict(_registry())


def get_method(name: str) -> Method:
    """The method with this name, or an InputError listing the known ones."""
    registry = _registry()
    if name.startswith("evolved:") and name not in registry:
        from ordino.heuristics.evolve import evolved_method

        registry[name] = evolved_method(name.split(":", 1)[1])  # a heuristic saved by `ordino evolve`
    if name not in registry:
        known = ", ".join(["auto", *sorted(registry), "evolved:PATH"])
        raise InputError(f"unknown method {name!r}; choose one of: {known}")
    return registry[name]


def specialised(method: Method, problem: Problem) -> Method:
    """A structure-specific model behind a generic name ('cpsat', 'milp') when one applies to the problem."""
    from ordino.heuristics import SPECIALISED

    return next((m for m in SPECIALISED.get(method.name, []) if m.supports(problem) is None), method)


def choose_method(problem: Problem) -> str:
    """The method `auto` picks for this problem's structure."""
    registry = _registry()
    kind = classify(problem)
    if kind == "single_machine" and registry["dp"].supports(problem) is None:
        return "dp"
    if kind == "single_machine" and registry["ils"].supports(problem) is None:
        return "ils"
    if kind in ("job_shop", "flow_shop", "flexible_job_shop", "rcpsp", "parallel_machines") \
            and "portfolio" in registry \
            and registry["portfolio"].supports(problem) is None:
        return "portfolio"
    return "cpsat"


def solve(problem: Problem, method: str = "auto", time_limit: float = 10.0, workers: int = 0, seed: int = 0,
          warm_start: Schedule | None = None, log: bool = False) -> Result:
    """Solve `problem` with a named method and return a verified Result.

    Raises InputError for bad options or a problem beyond what solvers compute exactly
    (`ordino.models.limits`), ModelError when the method cannot express the problem, and
    SolverError when the method crashes (with its cause). Ctrl-C raises `Interrupted` carrying the verified
    best result found so far, when the method had one.

    The objective in the Result is the verifier's, recomputed from the schedule. A schedule that breaks
    a rule turns the status into 'error' with the violations listed; it is never passed off as feasible.
    A RosterProblem or LinearModel goes to its own family's solvers (`ordino.solve_families`).
    """
    if not isinstance(problem, Problem):
        from ordino.solve_families import solve_any

        return solve_any(problem, method, time_limit, seed, workers)
    try:
        options = SolveOptions(time_limit=time_limit, workers=workers, seed=seed, warm_start=warm_start, log=log)
    except ValidationError as exc:
        raise InputError(describe_validation_error(exc)) from None
    check_limits(problem)
    name = choose_method(problem) if method == "auto" else method
    chosen = specialised(get_method(name), problem)
    reason = chosen.supports(problem)
    if reason is not None:
        raise ModelError(f"method {name!r} cannot solve this problem: {reason}")
    began = time.perf_counter()
    try:
        result = run_guarded(chosen.name, lambda: chosen.run(problem, options))
    except Interrupted as stop:  # keep what was found, verified like any result
        if not isinstance(stop.result, Result):
            raise
        partial = stop.result.model_copy(update={"runtime": time.perf_counter() - began})
        raise Interrupted(result=checked(problem, partial)) from None
    result = result.model_copy(update={"runtime": time.perf_counter() - began})
    if result.status == "infeasible" and problem.horizon is None:
        result = result.model_copy(update={"log": [*result.log, (
            f"no schedule exists at all: the default horizon {problem.effective_horizon} holds an optimal "
            "schedule whenever there is one (see ordino.models.horizon)")]})
    return checked(problem, result)


def run_guarded(name: str, run: Callable[[], T]) -> T:
    """Run a method; its crash becomes a SolverError naming the method and the cause (never a status)."""
    try:
        return run()
    except OrdinoError:
        raise
    except MemoryError:
        raise SolverError(f"method {name!r} ran out of memory; try a smaller problem or a heuristic") from None
    except Exception as exc:
        raise SolverError(f"method {name!r} crashed: {type(exc).__name__}: {exc}") from exc


def checked(problem: Problem, result: Result) -> Result:
    """Verify a result's schedule: objective from the verifier, status 'error' on any violation, gap in %."""
    if result.schedule is None:
        return result
    report = verify(problem, result.schedule)
    update = verdict(result.log, report.objective, report.violations)
    if result.bound is not None and report.objective is not None:
        update["gap"] = gap_percent(report.objective, result.bound)
        if result.status == "feasible" and update["gap"] == 0 and not report.violations:
            update["status"] = "optimal"
    return result.model_copy(update=update)


def verdict(log: list[str], objective: float | None, violations: list) -> dict:
    """Fields a verifier's report sets on any family's result: its objective and violations, and status
    'error' with a log line when anything is violated."""
    update: dict = {"objective": objective, "violations": violations}
    if violations:
        update["status"] = "error"
        update["log"] = [*log, f"verifier found {len(violations)} violation(s)"]
    return update
