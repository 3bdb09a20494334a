"""The front door: `solve(model, method=...)` runs a registered method of the model's family and verifies
its solution. Every family (scheduling, assignment, linear) goes through the same steps here."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from pydantic import ValidationError

from ordino.errors import InputError, Interrupted, ModelError, OrdinoError, SolverError
from ordino.models import BaseResult, Family, Model, Problem, Solution, SolveOptions, classify, family_of, gap_percent
from ordino.models.families import FAMILIES, SCHEDULING
from ordino.models.io import describe_validation_error
from ordino.models.limits import check_limits
from ordino.models.method import Method
from ordino.verify import verify

_REGISTRY: dict[tuple[str, str], Method] = {}
R = TypeVar("R", bound=BaseResult)
T = TypeVar("T")

DEFAULT_METHOD = {"assignment": "cpsat", "linear": "highs"}
"""What 'auto' runs for the families whose choice does not depend on the model's structure."""

ALIASES = {("assignment", "highs"): "milp", ("linear", "milp"): "highs"}
"""Other names users write for a family's MILP solver."""


def _registry() -> dict[tuple[str, str], Method]:
    if not _REGISTRY:
        from ordino import heuristics, solvers

        for method in [*solvers.METHODS, *heuristics.METHODS]:
            _REGISTRY.setdefault((method.family, method.name), method)
    return _REGISTRY


def register_method(method: Method, replace: bool = False) -> None:
    """Make a method available by name (within its family) to `solve`, `bench` and `batch`."""
    registry = _registry()
    key = (method.family, method.name)
    if key in registry and not replace:
        raise ValueError(f"a {method.family} method named {method.name!r} is already registered")
    registry[key] = method


def methods(family: str = "scheduling") -> dict[str, Method]:
    """Every registered method of a family (scheduling by default) by name."""
    return {name: m for (fam, name), m in _registry().items() if fam == family}


def all_methods() -> list[Method]:
    """Every registered method of every family, family by family."""
    order = [f.name for f in FAMILIES]
    return sorted(_registry().values(), key=lambda m: (order.index(m.family) if m.family in order else 9, m.name))


def get_method(name: str, family: str = "scheduling") -> Method:
    """The method of this family with this name, or an InputError listing the family's methods."""
    registry = _registry()
    name = ALIASES.get((family, name), name)
    if family == "scheduling" and name.startswith("evolved:") and (family, name) not in registry:
        from ordino.evolve import evolved_method

        registry[(family, name)] = evolved_method(name.split(":", 1)[1])  # a heuristic saved by `ordino evolve`
    if (family, name) not in registry:
        known = ["auto", *sorted(methods(family))] + (["evolved:PATH"] if family == "scheduling" else [])
        raise InputError(f"unknown method {name!r} for {family} models; choose one of: {', '.join(known)}")
    return registry[(family, name)]


def specialised(method: Method, model: Model) -> Method:
    """A structure-specific model behind a generic name ('cpsat', 'milp') when one applies to the model."""
    from ordino.solvers import SPECIALISED

    return next((m for m in SPECIALISED if (m.family, m.name) == (method.family, method.name)
                 and m.supports(model) is None), method)


def choose_method(model: Model) -> str:
    """The method `auto` picks for this model: by structure for schedules, the family's default otherwise."""
    family = family_of(model)
    if family is not SCHEDULING:
        return DEFAULT_METHOD[family.name]
    assert isinstance(model, Problem)
    registry = methods("scheduling")
    kind = classify(model)
    if kind == "single_machine" and registry["dp"].supports(model) is None:
        return "dp"
    if kind == "single_machine" and registry["ils"].supports(model) is None:
        return "ils"
    if kind in ("job_shop", "flow_shop", "flexible_job_shop", "rcpsp", "parallel_machines") \
            and "portfolio" in registry \
            and registry["portfolio"].supports(model) is None:
        return "portfolio"
    return "cpsat"


def solve(model: Model, method: str = "auto", time_limit: float = 10.0, workers: int = 0, seed: int = 0,
          warm_start: Solution | None = None, log: bool = False) -> BaseResult:
    """Solve a model of any family (a Problem, RosterProblem or LinearModel) with a named method of its family
    and return its verified result (`Result`, `RosterResult` or `LinearResult`).

    Raises InputError for bad options or a model beyond what solvers compute exactly
    (`ordino.models.limits`), ModelError when the method cannot express the model, and SolverError when the
    method crashes (with its cause). Ctrl-C raises `Interrupted` carrying the verified best result found so
    far, when the method had one. `warm_start` is a solution of the model's family, given to the method as a
    hint.

    The objective in the result is the verifier's, recomputed from the solution. A solution that breaks a
    rule turns the status into 'error' with the violations listed; it is never passed off as feasible.
    """
    family = family_of(model)
    try:
        options = SolveOptions(time_limit=time_limit, workers=workers, seed=seed, warm_start=warm_start, log=log)
    except ValidationError as exc:
        raise InputError(describe_validation_error(exc)) from None
    if warm_start is not None and not isinstance(warm_start, family.solution):
        raise InputError(f"the warm start of {family.name} models is a {family.solution.__name__}, "
                         f"not a {type(warm_start).__name__}")
    if isinstance(model, Problem):
        check_limits(model)
    name = choose_method(model) if method == "auto" else method
    chosen = specialised(get_method(name, family.name), model)
    reason = chosen.supports(model)
    if reason is not None:
        raise ModelError(f"method {name!r} cannot solve this {family.name} model: {reason}")
    began = time.perf_counter()
    try:
        result = run_guarded(chosen.name, lambda: chosen.run(model, options))
    except Interrupted as stop:  # keep what was found, verified like any result
        if not isinstance(stop.result, family.result):
            raise
        partial = stop.result.model_copy(update={"runtime": time.perf_counter() - began})
        raise Interrupted(result=checked(model, partial)) from None
    result = result.model_copy(update={"runtime": time.perf_counter() - began})
    if result.status == "infeasible" and isinstance(model, Problem) and model.horizon is None:
        result = result.model_copy(update={"log": [*result.log, (
            f"no schedule exists at all: the default horizon {model.effective_horizon} holds an optimal "
            "schedule whenever there is one (see ordino.models.horizon)")]})
    return checked(model, result)


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


def checked(model: Model, result: R) -> R:
    """Verify a result's solution: the objective from the verifier, status 'error' with a log line on any
    violation, and the gap to the proven bound in percent (a feasible result at gap 0 is optimal)."""
    family: Family = family_of(model)
    solution = family.solution_of(result)
    if solution is None:
        return result
    report = verify(model, solution)
    update: dict = {"objective": report.objective, "violations": report.violations}
    if report.violations:
        update["status"] = "error"
        update["log"] = [*result.log, f"verifier found {len(report.violations)} violation(s)"]
    if result.bound is not None and report.objective is not None:
        gap = gap_percent(report.objective, result.bound)
        update["gap"] = None if gap is None else abs(gap)
        if result.status == "feasible" and gap == 0 and not report.violations:
            update["status"] = "optimal"
    return result.model_copy(update=update)
