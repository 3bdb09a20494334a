"""Differential tests of the assignment family: every roster method against a brute-force enumerator.

Each seed gives a tiny RosterProblem (`gen_assignment.gen_roster`), solved by `ordino.solve` with every roster
method and by `brute_assignment.brute_roster`. A failure prints the seed, the model JSON, every answer and the
oracle's; reproduce one with `ORDINO_DIFF_SEEDS=17 pytest -k assignment_differential_fast -s`.
Set ORDINO_DIFF_SHRINK=1 to also print a greedily shrunk JSON that still fails the same way.
"""

from __future__ import annotations

import json

import pytest
from brute_assignment import BruteRoster, brute_roster, evaluate_roster
from gen_assignment import gen_roster, roster_dict, roster_tags, shrink
from harness import SLOW_PROCESSES, chosen_seeds, report, run_seeds

import ordino
from ordino.models.assignment import RosterProblem
from ordino.verify.assignment import verify_roster

METHODS = ("cpsat", "milp")
TIME_LIMIT = 20.0
FAST_SEEDS = range(0, 250)
SLOW_SEEDS = range(10_000, 13_000)
FAST_REQUIRED_TAGS = {"rule:unavailable", "rule:count", "rule:max_consecutive_days", "rule:forbidden_sequence",
                      "rule:cyclic_pattern", "rule:meet", "rule:preference", "rule:relation", "preference:avoid",
                      "preference:want", "cover:shift", "cover:period", "cover:any shift", "cover:day",
                      "cover:skill", "cover:max", "cover:soft", "costs", "hire_cost", "copies", "cyclic",
                      "max_shifts_per_day=2", "objective:total_cost", "objective:total_penalty",
                      "objective:staff_count", "objective:max_shifts", "objective:shift_spread",
                      "objective:max_shifts of some shifts", "objective:shift_spread of some shifts",
                      "objective:none (satisfaction)"}


def _answer(result) -> str:  # noqa: ANN001
    return f"status={result.status} objective={result.objective} bound={result.bound}"


def judge(problem: RosterProblem, oracle: BruteRoster, results: dict) -> list[str]:
    """Every way the methods' results disagree with the oracle or with their own verification."""
    errors: list[str] = []
    for method, res in results.items():
        if isinstance(res, str):
            errors.append(f"{method}: raised {res}")
            continue
        if res.status == "error":
            errors.append(f"{method}: status error, log {res.log[-3:]}")
        if res.status == "unbounded":
            errors.append(f"{method}: unbounded on a finite problem")
        if res.status == "infeasible" and oracle.status != "infeasible":
            errors.append(f"{method}: infeasible, but brute force found a roster of cost {oracle.objective}")
        if res.roster is None:
            if res.status in ("optimal", "feasible"):
                errors.append(f"{method}: status {res.status} without a roster")
            continue
        cells = [(a.staff, a.shift, a.day) for a in res.roster.assignments]
        report = verify_roster(problem, res.roster)
        if report.violations:
            errors.append(f"{method}: verifier violations {[v.message for v in report.violations][:3]}")
        if res.objective != report.objective:
            errors.append(f"{method}: reported objective {res.objective} != verifier's {report.objective}")
        ok, value, why = evaluate_roster(problem, cells)
        if not ok or value != report.objective:
            errors.append(f"{method}: oracle reads the returned roster as feasible={ok} objective={value} ({why}), "
                          f"verifier: violations={len(report.violations)} objective={report.objective}")
        if oracle.status == "infeasible":
            errors.append(f"{method}: returned a roster ({res.status}) but brute force proves infeasibility")
            continue
        if res.status not in ("optimal", "feasible"):
            errors.append(f"{method}: status {res.status} with a roster")
        if res.status == "optimal" and res.objective != oracle.objective:
            errors.append(f"{method}: optimal {res.objective} but brute-force optimum is {oracle.objective}")
        if res.objective is not None and res.objective < oracle.objective:
            errors.append(f"{method}: objective {res.objective} beats the brute-force optimum {oracle.objective}")
        if res.bound is not None and res.bound > oracle.objective + 1e-6:
            errors.append(f"{method}: bound {res.bound} exceeds the brute-force optimum {oracle.objective}")
    return errors


def solve_all(problem: RosterProblem, seed: int) -> dict:
    """Every method's result (or the text of what it raised)."""
    results: dict = {}
    for method in METHODS:
        try:
            results[method] = ordino.solve(problem, method=method, time_limit=TIME_LIMIT, seed=seed,
                                           workers=1 + seed % 2)
        except Exception as exc:  # a crash is a finding, reported with the others
            results[method] = f"{type(exc).__name__}: {exc}"
    return results


def check_roster(seed: int, shrink_json: bool = False) -> tuple[list[str], set[str], dict]:
    """Solve the problem of `seed` every way; (failure report lines, feature tags, statuses by method)."""
    problem = gen_roster(seed)
    oracle = brute_roster(problem)
    results = solve_all(problem, seed)
    errors = judge(problem, oracle, results)
    statuses = {m: r if isinstance(r, str) else r.status for m, r in results.items()}
    if not errors:
        return [], roster_tags(problem), statuses
    lines = [f"seed {seed}: " + "; ".join(errors),
             f"  brute force: {oracle.status} objective={oracle.objective} ({oracle.combos} rosters enumerated, "
             f"{oracle.feasible_rosters} feasible) witness={oracle.witness}"]
    lines += [f"  {m}: {r if isinstance(r, str) else _answer(r)}" for m, r in results.items()]
    lines.append(f"  model: {problem.model_dump_json(by_alias=True, exclude_none=True)}")
    if shrink_json:
        kinds = {e.split(":")[0] + ":" + e.split(":")[1].split()[0] for e in errors if ":" in e}

        def still_fails(data: dict) -> bool:
            p = RosterProblem.model_validate(data)
            errs = judge(p, brute_roster(p), solve_all(p, seed))
            return bool(kinds & {e.split(":")[0] + ":" + e.split(":")[1].split()[0] for e in errs if ":" in e})

        small = shrink(roster_dict(seed), still_fails, RosterProblem.model_validate)
        lines.append(f"  shrunk: {json.dumps(small)}")
    return lines, roster_tags(problem), statuses






def test_oracle_hand_cases() -> None:
    """The oracle on problems whose answer is known by hand."""
    base = {"staff": [{"id": "a"}, {"id": "b"}], "shifts": [{"id": "s"}], "days": ["1", "2", "3"]}
    p = RosterProblem.model_validate({**base, "cover": [{"min": 1}],
                                      "rules": [{"type": "max_consecutive_days", "max_on": 1}],
                                      "objective": [{"term": "staff_count"}]})
    assert brute_roster(p).objective == 2  # nobody can work two days in a row: both are needed
    p = RosterProblem.model_validate({**base, "cyclic": True, "cover": [{"min": 1, "max": 1}],
                                      "rules": [{"type": "cyclic_pattern", "on": 2, "off": 1}]})
    assert brute_roster(p).status == "infeasible"  # 2-on-1-off people cover 2 of 3 days each, overlapping
    p = RosterProblem.model_validate({**base, "rules": [{"type": "preference", "kind": "want", "penalty": 3,
                                                         "staff": ["a"]},
                                                        {"type": "unavailable", "days": ["2"]}],
                                      "objective": [{"term": "total_penalty", "weight": 2}]})
    assert brute_roster(p).objective == 6  # a cannot work day 2: one want missed, 3 x weight 2
    with pytest.raises(ValueError, match="days is an empty list"):
        RosterProblem.model_validate({**base, "rules": [{"type": "count", "per": [], "days": [], "min": 1}]})
    assert evaluate_roster(p, [("a", "s", "9")])[0] is False


def test_assignment_differential_fast() -> None:
    """The fast profile: every method agrees with brute force on a few hundred tiny rosters."""
    failures, tags, statuses = run_seeds(check_roster, chosen_seeds(FAST_SEEDS))
    missing = FAST_REQUIRED_TAGS - set(tags)
    assert not missing, f"the fast profile no longer covers {missing}"
    report("assignment fast", len(FAST_SEEDS), failures, tags, statuses)




@pytest.mark.slow
def test_assignment_differential_slow() -> None:
    """The slow profile: thousands of tiny rosters."""
    report("assignment slow", len(SLOW_SEEDS), *run_seeds(check_roster, SLOW_SEEDS, SLOW_PROCESSES))
