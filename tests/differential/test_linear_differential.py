"""Differential tests of the linear family: every linear method against a brute-force oracle.

Each seed gives a tiny LinearModel (`gen_linear.gen_linear`), solved by `ordino.solve` with 'highs' and 'auto'
and, when all its data is integral and every variable integer with finite bounds, 'cpsat'; and by
`brute_linear.brute_linear`. A failure prints the seed, the model JSON, every answer and the oracle's;
reproduce with `check_linear(seed)` or `ORDINO_DIFF_SEEDS=17 pytest -k linear_differential_fast -s`.
Set ORDINO_DIFF_SHRINK=1 to also print a greedily shrunk JSON that still fails the same way.
"""

from __future__ import annotations

import json

import pytest
from brute_linear import BruteLinear, brute_linear, evaluate_linear
from gen_assignment import shrink
from gen_linear import gen_linear, linear_dict, linear_tags, pure_integer_data
from harness import SLOW_PROCESSES, chosen_seeds, report, run_seeds

import ordino
from ordino.models.linear import LinearModel
from ordino.verify.linear import verify_linear

TIME_LIMIT = 20.0
FAST_SEEDS = range(0, 250)
SLOW_SEEDS = range(20_000, 25_000)
FAST_REQUIRED_TAGS = {"var:integer", "var:binary", "var:continuous", "sense:<=", "sense:>=", "sense:==",
                      "objective:min", "objective:max", "bounds:free", "bounds:box", "bounds:fixed",
                      "bounds:upper only", "bounds:lower only", "shape:integer", "shape:mixed", "shape:lp",
                      "cpsat applies", "no constraints"}
REQUIRED_ORACLE_STATUSES = {"optimal", "infeasible", "unbounded"}


def close(a: float, b: float) -> bool:
    """Equal up to the continuous tolerance."""
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def methods_for(model: LinearModel) -> list[str]:
    """Every method that must take this model."""
    return ["highs", "auto", "cpsat"] if pure_integer_data(model) else ["highs", "auto"]


def judge(model: LinearModel, oracle: BruteLinear, results: dict) -> list[str]:
    """Every way the methods' results disagree with the oracle or with their own verification."""
    errors: list[str] = []
    better = (lambda a, b: a < b) if model.objective.sense == "min" else (lambda a, b: a > b)
    for method, res in results.items():
        if isinstance(res, str):
            errors.append(f"{method}: raised {res}")
            continue
        if res.status == "error":
            errors.append(f"{method}: status error, log {res.log[-3:]}")
        if res.status in ("infeasible", "unbounded") and oracle.status != res.status:
            errors.append(f"{method}: {res.status}, but brute force says {oracle.status} {oracle.objective}")
        if res.status == "unknown":  # exact methods settle these tiny models well within the limit
            errors.append(f"{method}: unknown, but brute force says {oracle.status} {oracle.objective}")
        if res.solution is None:
            if res.status in ("optimal", "feasible"):
                errors.append(f"{method}: status {res.status} without a solution")
            continue
        report = verify_linear(model, res.solution)
        if report.violations:
            errors.append(f"{method}: verifier violations {[v.message for v in report.violations][:3]}")
        if res.objective is None or report.objective is None or not close(res.objective, report.objective):
            errors.append(f"{method}: reported objective {res.objective} != verifier's {report.objective}")
        ok, value, why = evaluate_linear(model, res.solution.values)
        if not ok or value is None or report.objective is None or not close(value, report.objective):
            errors.append(f"{method}: oracle reads the solution as feasible={ok} objective={value} ({why}), "
                          f"verifier: violations={len(report.violations)} objective={report.objective}")
        if oracle.status == "infeasible":
            errors.append(f"{method}: returned a solution ({res.status}) but brute force proves infeasibility")
            continue
        if res.status not in ("optimal", "feasible"):
            errors.append(f"{method}: status {res.status} with a solution")
        if oracle.status == "unbounded":
            if res.status == "optimal":
                errors.append(f"{method}: optimal {res.objective} on an unbounded model")
            continue
        assert oracle.objective is not None
        if res.status == "optimal" and (res.objective is None or not close(res.objective, oracle.objective)):
            errors.append(f"{method}: optimal {res.objective} but brute-force optimum is {oracle.objective}")
        if res.objective is not None and better(res.objective, oracle.objective) \
                and not close(res.objective, oracle.objective):
            errors.append(f"{method}: objective {res.objective} beats the brute-force optimum {oracle.objective}")
        if res.bound is not None and better(oracle.objective, res.bound) and not close(res.bound, oracle.objective):
            errors.append(f"{method}: bound {res.bound} is on the wrong side of the optimum {oracle.objective}")
    return errors


def solve_all(model: LinearModel, seed: int) -> dict:
    """Every applicable method's result (or the text of what it raised)."""
    results: dict = {}
    for method in methods_for(model):
        try:
            results[method] = ordino.solve(model, method=method, time_limit=TIME_LIMIT, seed=seed,
                                           workers=1 + seed % 2)
        except Exception as exc:  # a crash is a finding, reported with the others
            results[method] = f"{type(exc).__name__}: {exc}"
    return results


def _answer(res) -> str:  # noqa: ANN001
    if isinstance(res, str):
        return res
    values = None if res.solution is None else res.solution.values
    return f"status={res.status} objective={res.objective} bound={res.bound} values={values}"


def _kinds(errors: list[str]) -> set[str]:
    return {e.split(": ")[0] + ": " + e.split(": ")[1].split()[0] for e in errors if ": " in e}


def check_linear(seed: int, shrink_json: bool = False) -> tuple[list[str], set[str], dict]:
    """Solve the model of `seed` every way; (failure report lines, feature tags, statuses by method)."""
    model = gen_linear(seed)
    oracle = brute_linear(model)
    results = solve_all(model, seed)
    errors = judge(model, oracle, results)
    statuses = {m: r if isinstance(r, str) else r.status for m, r in results.items()}
    statuses["brute"] = oracle.status
    tags = linear_tags(model)
    if not errors:
        return [], tags, statuses
    lines = [f"seed {seed}: " + "; ".join(errors),
             f"  brute force: {oracle.status} objective={oracle.objective} witness={oracle.witness} "
             f"({oracle.points} integer points)"]
    lines += [f"  {m}: {_answer(r)}" for m, r in results.items()]
    lines.append(f"  model: {model.model_dump_json(by_alias=True)}")
    if shrink_json:
        kinds = _kinds(errors)

        def still_fails(data: dict) -> bool:
            m = LinearModel.model_validate(data)
            return bool(kinds & _kinds(judge(m, brute_linear(m), solve_all(m, seed))))

        lines.append(f"  shrunk: {json.dumps(shrink(linear_dict(seed), still_fails, LinearModel.model_validate))}")
    return lines, tags, statuses






def _model(variables: list[dict], constraints: list[dict], objective: dict) -> LinearModel:
    return LinearModel.model_validate({"variables": variables, "constraints": constraints, "objective": objective})


def test_oracle_hand_cases() -> None:
    """The oracle on models whose answer is known by hand."""
    xy = [{"name": "x"}, {"name": "y"}]
    m = _model(xy, [{"terms": {"x": 1, "y": 2}, "sense": "<=", "rhs": 4}, {"terms": {"x": 3, "y": 1}, "sense": "<=",
                                                                             "rhs": 6}],
               {"sense": "max", "terms": {"x": 1, "y": 1}})
    assert close(brute_linear(m).objective, 2.8)  # vertex (1.6, 1.2)
    m = _model([{"name": "x", "lower": None}, {"name": "y", "lower": None}],
               [{"terms": {"x": 1, "y": -1}, "sense": "==", "rhs": 1}], {"terms": {"x": 1, "y": -1}, "constant": 2})
    assert close(brute_linear(m).objective, 3)  # a line of optima, no vertex without the lineality rows
    m = _model([{"name": "x", "lower": None}], [], {"terms": {"x": 1}})
    assert brute_linear(m).status == "unbounded"
    m = _model([{"name": "x", "kind": "integer", "lower": 0, "upper": 3}, {"name": "y"}],
               [{"terms": {"x": 2}, "sense": "==", "rhs": 3}], {"terms": {"y": -1}})
    assert brute_linear(m).status == "infeasible"  # the ray in y does not matter: no integer point is feasible
    m = _model([{"name": "x", "kind": "integer", "lower": -0.5, "upper": 2.5}, {"name": "y", "upper": 1.5}],
               [{"terms": {"x": 1, "y": 1}, "sense": "<=", "rhs": 3}], {"sense": "max", "terms": {"x": 2, "y": 1}})
    assert close(brute_linear(m).objective, 5.0)  # x = 2, y = 1
    m = _model([{"name": "b", "kind": "binary", "lower": 2, "upper": 5}], [], {"sense": "max", "terms": {"b": 3}})
    assert close(brute_linear(m).objective, 3.0)  # binary bounds are [0, 1] whatever is written


def test_linear_differential_fast() -> None:
    """The fast profile: every method agrees with brute force on a few hundred tiny models."""
    failures, tags, statuses = run_seeds(check_linear, chosen_seeds(FAST_SEEDS))
    missing = FAST_REQUIRED_TAGS - set(tags)
    assert not missing, f"the fast profile no longer covers {missing}"
    oracle = {k.split(":")[1] for k in statuses if k.startswith("brute:")}
    assert oracle >= REQUIRED_ORACLE_STATUSES, f"the fast profile no longer has {REQUIRED_ORACLE_STATUSES - oracle}"
    report("linear fast", len(FAST_SEEDS), failures, tags, statuses)




@pytest.mark.slow
def test_linear_differential_slow() -> None:
    """The slow profile: thousands of tiny models."""
    report("linear slow", len(SLOW_SEEDS), *run_seeds(check_linear, SLOW_SEEDS, SLOW_PROCESSES))
