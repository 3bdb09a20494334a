"""Differential tests of the scheduling family: every method against a brute-force enumerator.

Each seed gives a tiny Problem and its brute-force optimum (`gen_schedule.gen_schedule`). The problem is solved
by `auto` and by every registered method whose `supports()` accepts it, and once more by `cpsat` with a huge
explicit horizon. Every schedule must pass the verifier (and the oracle's own reading of the rules), every
"optimal" must equal the brute-force optimum, nothing may beat it or claim a bound above it, exact methods
must prove their answer, and no schedule may exist when brute force proves there is none.

A failure prints the seed, the problem JSON and every answer. Reproduce with
`ORDINO_DIFF_SEEDS=17,42 python -m pytest tests/differential/test_schedule_differential.py -k fast -s` (see harness.py);
add ORDINO_DIFF_SHRINK=1 to also print a greedily shrunk problem that fails the same way.
"""

from __future__ import annotations

import functools
import json
from collections import Counter

import pytest
from brute_schedule import BruteResult, brute_force, evaluate
from gen_schedule import gen_schedule, schedule_tags, shrink
from harness import SLOW_PROCESSES, chosen_seeds, report, run_seeds

import ordino
from ordino.models import Problem, Schedule, ScheduledTask
from ordino.solve import choose_method

EXACT_LIMIT = 5.0  # never reached on these sizes: an exact method must prove its answer well within it
HEURISTIC_LIMIT = 0.2  # anytime heuristics (exact=False) use whatever they get; tiny problems need little
FAST_BATCHES = [range(k, k + 100) for k in range(0, 300, 100)]
SLOW_BATCHES = [range(k, k + 500) for k in range(100_000, 103_000, 500)]
REQUIRED_TAGS = {f"constraint:{c}" for c in ("end_before_start", "start_before_start", "end_before_end",
                                              "start_before_end", "no_wait", "same_resource", "different_resource",
                                              "time_window", "synchronize", "blocking", "select_exactly_one",
                                              "separation", "permutation")} | \
    {f"term:{t}" for t in ("makespan", "total_completion_time", "total_weighted_completion_time",
                           "total_tardiness", "total_weighted_tardiness", "maximum_lateness", "maximum_tardiness",
                           "number_tardy", "weighted_number_tardy", "total_earliness", "total_weighted_earliness",
                           "total_setup_time", "total_cost", "span", "deviation")} | \
    {"weighted sum", "task release", "job release", "task deadline", "job deadline", "task due",
     "job due (several tasks)", "earliness_weight", "unavailable", "setups", "family", "renewable capacity > 1",
     "demands", "consumable", "multi-mode", "choice of machine", "mode cost", "zero duration", "optional",
     "absence_penalty", "horizon", "negative min_lag", "max_lag", "resumable over a down time", "calendar",
     "resumable over a calendar"}


case = functools.cache(gen_schedule)  # seed -> (problem, brute-force answer), shared by the tests of a run


def entries(schedule: Schedule) -> list[tuple[str, int, int, int]]:
    """A schedule as (task, mode, start, end) tuples."""
    return [(e.task, e.mode, e.start, e.end) for e in schedule.tasks]


def solve_all(problem: Problem) -> dict[str, object]:
    """Every applicable method's Result (or the text of what it raised), `auto`, and the huge-horizon re-solve."""
    registry = ordino.methods()
    names = ["auto", *(name for name, m in registry.items() if m.supports(problem) is None)]
    results: dict[str, object] = {}
    for name in names:
        exact = registry[choose_method(problem) if name == "auto" else name].exact
        try:
            results[name] = ordino.solve(problem, method=name, time_limit=EXACT_LIMIT if exact else HEURISTIC_LIMIT,
                                         workers=1, seed=0)
            if not exact and getattr(results[name], "status", None) == "unknown":
                # a pause of a loaded machine can eat a 0.2 s budget whole (seed 295 once in CI): an anytime
                # method gets one more go with the exact methods' limit; no schedule then is still a finding
                results[name] = ordino.solve(problem, method=name, time_limit=EXACT_LIMIT, workers=1, seed=0)
        except Exception as exc:  # a crash is a finding, reported with the others
            results[name] = f"{type(exc).__name__}: {exc}"
    return results


def huge_horizon(problem: Problem, oracle: BruteResult) -> Problem | None:
    """The problem with an explicit horizon far beyond the oracle's grid (None when it has a horizon)."""
    if problem.horizon is not None:
        return None
    longest = sum(max(m.duration for m in t.modes) for t in problem.tasks)
    # with calendars (in days), past every start of the oracle's grid each task ends within (its work + 1) weeks;
    # ten times the bound would hold so many weeks of down time that a resumable task's model grows tenfold
    far = oracle.bound + 7 * (longest + 1) if problem.calendars else 10 * (oracle.bound + longest + 1)
    return Problem.model_validate({**json.loads(problem.to_json()), "horizon": far})


def judge(problem: Problem, oracle: BruteResult, results: dict[str, object], exact: dict[str, bool]) -> list[str]:
    """Every way the results disagree with the oracle, the verifier or each other."""
    errors: list[str] = []
    best = oracle.objective
    if oracle.witness is not None:
        witness = Schedule(tasks=[ScheduledTask(task=t, mode=m, start=s, end=e) for t, m, s, e in oracle.witness])
        report = ordino.verify(problem, witness)
        if not report.feasible or report.objective != best:
            errors.append(f"oracle: its optimal schedule gets feasible={report.feasible} objective={report.objective}"
                          f" from the verifier ({[v.message for v in report.violations][:2]})")
    for name, res in results.items():
        if isinstance(res, str):
            errors.append(f"{name}: raised {res}")
            continue
        if res.status in ("error", "unbounded"):
            errors.append(f"{name}: status {res.status} {res.log[-2:]} {[v.message for v in res.violations][:2]}")
        if res.status in ("feasible", "unknown") and exact[name]:
            errors.append(f"{name}: exact method ends '{res.status}' on a tiny problem")
        if res.status == "infeasible" and best is not None:
            errors.append(f"{name}: infeasible, but brute force found a schedule of objective {best}")
        if res.status == "optimal" and best is None:
            errors.append(f"{name}: optimal, but brute force proves infeasibility")
        if res.bound is not None and best is not None and res.bound > best + 1e-6:
            errors.append(f"{name}: bound {res.bound} exceeds the brute-force optimum {best}")
        if res.schedule is None:
            if res.status in ("optimal", "feasible"):
                errors.append(f"{name}: status {res.status} without a schedule")
            elif best is not None and res.status != "infeasible":
                errors.append(f"{name}: no schedule ({res.status}) on a feasible problem")
            continue
        report = ordino.verify(problem, res.schedule)
        if not report.feasible:
            errors.append(f"{name}: verifier violations {[v.message for v in report.violations][:3]}")
        if res.objective != report.objective:
            errors.append(f"{name}: reported objective {res.objective} != verifier's {report.objective}")
        ok, value, why = evaluate(problem, entries(res.schedule))
        if ok != report.feasible or (ok and value != report.objective):
            errors.append(f"{name}: oracle reads its schedule as feasible={ok} objective={value} ({why}), verifier "
                          f"as feasible={report.feasible} objective={report.objective}")
        if best is None:
            errors.append(f"{name}: returned a schedule ({res.status}) but brute force proves infeasibility")
            continue
        if res.objective is not None and res.objective < best:
            errors.append(f"{name}: objective {res.objective} beats the brute-force optimum {best}")
        if res.status == "optimal" and res.objective != best:
            errors.append(f"{name}: optimal {res.objective} but the brute-force optimum is {best}")
    optimal = {name: r.objective for name, r in results.items() if not isinstance(r, str) and r.status == "optimal"}
    if len(set(optimal.values())) > 1:
        errors.append(f"proven optima disagree: {optimal}")
    return errors


def _answer(res: object) -> str:
    if isinstance(res, str):
        return res
    return f"status={res.status} objective={res.objective} bound={res.bound}"


def check(seed: int, shrink_json: bool = False) -> tuple[list[str], set[str], Counter]:
    """Solve the problem of `seed` every way: (failure report lines, feature tags, statuses by method)."""
    problem, oracle = case(seed)
    results, exact = run_methods(problem, oracle)
    errors = judge(problem, oracle, results, exact)
    statuses = Counter(f"{m}:{r if isinstance(r, str) else r.status}" for m, r in results.items())
    if not errors:
        return [], schedule_tags(problem), statuses
    lines = [f"seed {seed}: " + "; ".join(errors),
             f"  brute force: objective={oracle.objective} witness={oracle.witness} (grid bound {oracle.bound}, "
             f"{oracle.rows} rows{', ' + oracle.why if oracle.why else ''})"]
    lines += [f"  {m}: {_answer(r)}" for m, r in results.items()]
    lines.append(f"  problem: {problem.to_json(indent=None)}")
    if shrink_json:
        kinds = {e.split(":")[0] for e in errors}

        def still_fails(data: dict) -> bool:
            p = Problem.model_validate(data)
            try:
                o = brute_force(p, max_rows=2_000_000)
            except Exception:  # too large for the oracle: not a smaller case
                return False
            r, ex = run_methods(p, o)
            return bool(kinds & {e.split(":")[0] for e in judge(p, o, r, ex)})

        lines.append(f"  shrunk: {json.dumps(shrink(json.loads(problem.to_json()), still_fails))}")
    return lines, schedule_tags(problem), statuses


def run_methods(problem: Problem, oracle: BruteResult) -> tuple[dict[str, object], dict[str, bool]]:
    """Results of every method and of the huge-horizon cpsat re-solve, and which of them are exact."""
    registry = ordino.methods()
    results = solve_all(problem)
    exact = {name: registry[name].exact for name in results if name != "auto"}
    exact["auto"] = registry[choose_method(problem)].exact
    big = huge_horizon(problem, oracle)
    if big is not None:
        try:
            results["cpsat(huge horizon)"] = ordino.solve(big, method="cpsat", time_limit=EXACT_LIMIT, workers=1,
                                                          seed=0)
        except Exception as exc:
            results["cpsat(huge horizon)"] = f"{type(exc).__name__}: {exc}"
        exact["cpsat(huge horizon)"] = True
    return results, exact






def _problem(data: dict) -> Problem:
    return Problem.model_validate(data)


def test_oracle_hand_cases() -> None:
    """The oracle on problems whose answers are known by hand."""
    one = [{"id": "M"}]

    def task(tid: str, d: int, **kw: object) -> dict:
        return {"id": tid, "modes": [{"resources": ["M"], "duration": d}], **kw}

    # issue 13: earliness wants both tasks to end at their due dates
    p = _problem({"resources": one, "tasks": [task("a", 3, due=20), task("b", 2, due=30)],
                  "objective": [{"term": "total_earliness"}]})
    assert brute_force(p).objective == 0
    # a break [2, 5) pushes a 3-long task to 5; a zero-length task may sit at 2 but not at 3
    p = _problem({"resources": [{"id": "M", "unavailable": [[2, 5]]}], "tasks": [task("a", 3)]})
    assert brute_force(p).objective == 8
    assert evaluate(p, [("a", 0, 0, 3)])[0] is False
    z = _problem({"resources": [{"id": "M", "unavailable": [[2, 5]]}], "tasks": [task("z", 0, release=3)]})
    assert brute_force(z).objective == 5
    # blocking: the machine of `a` stays busy until `b` starts, so `c` (same machine) must wait for it
    p = _problem({"resources": [{"id": "M"}, {"id": "N"}],
                  "tasks": [task("a", 2), {"id": "b", "modes": [{"resources": ["N"], "duration": 1}], "release": 6},
                            task("c", 1)],
                  "constraints": [{"type": "blocking", "first": "a", "then": "b"}]})
    assert evaluate(p, [("a", 0, 0, 2), ("b", 0, 6, 7), ("c", 0, 2, 3)])[0] is False
    assert brute_force(p).objective == 7
    # setups between consecutive tasks only; separation between any two
    p = _problem({"resources": [{"id": "M", "setups": [{"before": "a", "after": "b", "time": 5}]}],
                  "tasks": [task("a", 1), task("b", 1), task("c", 1)], "objective": [{"term": "total_setup_time"}]})
    assert brute_force(p).objective == 0
    p = _problem({"resources": [], "tasks": [{"id": x, "modes": [{"duration": 1}]} for x in "abc"],
                  "constraints": [{"type": "separation", "tasks": ["a", "b", "c"],
                                   "gaps": [[0, 1, 5], [1, 0, 1], [5, 1, 0]]}]})
    assert brute_force(p).objective == 7  # a, b, c back to back would put a and c 3 apart, not 5
    # consumable budget and optional tasks: one of two costly tasks is left out
    p = _problem({"resources": [{"id": "C", "kind": "consumable", "capacity": 3}],
                  "tasks": [{"id": x, "modes": [{"resources": ["C"], "demands": [2], "duration": 1}], "optional": True,
                             "absence_penalty": 4 if x == "a" else 1} for x in "ab"],
                  "objective": [{"term": "total_cost"}]})
    assert brute_force(p).objective == 1
    # maximum lateness may be negative; job completion is its last task's end
    p = _problem({"resources": one, "jobs": [{"id": "J", "due": 10}], "tasks": [task("a", 2, job="J"),
                                                                                task("b", 3, job="J")],
                  "objective": [{"term": "maximum_lateness"}]})
    assert brute_force(p).objective == -5
    # renewable of capacity 2: three unit tasks of demand 1 need two time units
    p = _problem({"resources": [{"id": "R", "kind": "renewable", "capacity": 2}],
                  "tasks": [{"id": x, "modes": [{"resources": ["R"], "duration": 1}]} for x in "abc"]})
    assert brute_force(p).objective == 2
    assert brute_force(_problem({**json.loads(p.to_json()), "horizon": 1})).objective is None


# Minimal problems (shrunk from generated seeds) of each disagreement the harness found, as regressions.
MINIMAL = {
    "overlapping breaks on a machine (seed 59)":
        {"resources": [{"id": "M", "unavailable": [[0, 1], [0, 1]]}],
         "tasks": [{"id": "t", "modes": [{"duration": 0}]}]},
    "overlapping breaks on a renewable (seed 146)":
        {"resources": [{"id": "R", "kind": "renewable", "capacity": 2, "unavailable": [[0, 4], [2, 6]]}],
         "tasks": [{"id": "t", "modes": [{"resources": ["R"], "duration": 1}]}]},
    "same_resource with an absent optional task (seed 199)":
        {"resources": [{"id": "M"}], "tasks": [{"id": "a", "modes": [{"duration": 0}], "optional": True},
                                               {"id": "b", "modes": [{"resources": ["M"], "duration": 0}]}],
         "constraints": [{"type": "same_resource", "tasks": ["a", "b"]}]},
    "zero-duration task inside another on a machine (seed 222)":
        {"resources": [{"id": "M"}], "tasks": [{"id": "a", "modes": [{"resources": ["M"], "duration": 2}], "release": 4,
                                                "due": 0},
                                               {"id": "z", "modes": [{"resources": ["M"], "duration": 0}], "release": 5,
                                                "due": 0}],
         "objective": [{"term": "total_tardiness"}]},
    "synchronize across an absent optional task (seed 223)":
        {"tasks": [{"id": "a", "modes": [{"duration": 0}], "optional": True}, {"id": "b", "modes": [{"duration": 0}]},
                   {"id": "c", "modes": [{"duration": 0}], "release": 1}],
         "constraints": [{"type": "synchronize", "tasks": ["c", "a", "b"]}]},
    "no_wait across an absent optional task (seed 100155)":
        {"tasks": [{"id": "a", "modes": [{"duration": 1}]}, {"id": "b", "modes": [{"duration": 1}], "optional": True},
                   {"id": "c", "modes": [{"duration": 1}]}],
         "constraints": [{"type": "no_wait", "tasks": ["a", "b", "c"]}]},
    "tasks without resources in the MILP (seed 205)":
        {"tasks": [{"id": "a", "modes": [{"duration": 0}]}, {"id": "b", "modes": [{"duration": 0}], "due": -3}],
         "objective": [{"term": "total_earliness"}]},
    "tasks without resources in the MILP, cost objective (seed 100757)":
        {"tasks": [{"id": "a", "modes": [{"duration": 5}]}, {"id": "b", "modes": [{"duration": 5}], "release": 5}],
         "objective": [{"term": "total_cost"}]},
    "mode off a machine with setups (seed 266)":
        {"resources": [{"id": "M", "setups": [{"before": "t", "after": "B", "time": 0}]}],
         "tasks": [{"id": "t", "modes": [{"duration": 0}, {"resources": ["M"], "duration": 0, "cost": 1}]}],
         "objective": [{"term": "total_cost"}]},
    "optional task on a machine with setups (seed 102819)":
        {"resources": [{"id": "M", "setups": [{"before": "A", "after": "B", "time": 2}]}],
         "tasks": [{"id": "t", "modes": [{"resources": ["M"], "duration": 2}], "release": 4, "due": 5,
                    "optional": True}],
         "objective": [{"term": "total_tardiness"}]},
    "sgs bound on a non-makespan objective (seed 295)":
        {"resources": [{"id": "R", "kind": "renewable"}], "tasks": [{"id": "a", "modes": [{"duration": 1}]}],
         "objective": [{"term": "total_cost"}]},
    "zero-duration task inside a renewable's break (seed 100705)":
        {"resources": [{"id": "R", "kind": "renewable", "unavailable": [[2, 7]]}],
         "tasks": [{"id": "t", "modes": [{"resources": ["R"], "duration": 0}], "release": 6}]},
    "zero-duration task at a break's start (seed 101244)":
        {"resources": [{"id": "M", "unavailable": [[0, 5]]}],
         "tasks": [{"id": "t", "modes": [{"resources": ["M"], "duration": 0}], "deadline": 3}]},
    "zero-duration task ending at a break's start (seed 100510)":
        {"resources": [{"id": "M", "unavailable": [[10, 11]]}],
         "tasks": [{"id": "a", "modes": [{"duration": 5}], "release": 5}, {"id": "z", "modes": [{"resources": ["M"],
                                                                                                 "duration": 0}]}],
         "constraints": [{"type": "end_before_end", "first": "a", "then": "z"}]},
    "two blocking constraints with one first (seed 101384)":
        {"resources": [{"id": "M"}, {"id": "N"}],
         "tasks": [{"id": "f", "modes": [{"resources": ["M"], "duration": 1}]},
                   {"id": "x", "modes": [{"resources": ["N"], "duration": 1}], "release": 5},
                   {"id": "y", "modes": [{"resources": ["N"], "duration": 1}], "release": 1},
                   {"id": "z", "modes": [{"resources": ["M"], "duration": 1}], "release": 2}],
         "constraints": [{"type": "blocking", "first": "f", "then": "x"},
                         {"type": "blocking", "first": "f", "then": "y"}],
         "objective": [{"term": "total_completion_time"}]},
    "a setup after a blocked task counts from when the machine is released (seed 100048)":
        {"resources": [{"id": "M0",
                        "unavailable": [[10, 13]],
                        "setups": [{"before": "t2", "after": "A", "time": 2},
                                   {"before": "t2", "after": "B", "time": 3}]}],
         "tasks": [{"id": "t0",
                    "modes": [{"resources": ["M0"], "duration": 1},
                              {"resources": ["M0"], "duration": 0},
                              {"resources": ["M0"], "duration": 1}],
                    "weight": 0,
                    "optional": True,
                    "absence_penalty": 5,
                    "family": "A",
                    "resumable": True},
                   {"id": "t1",
                    "modes": [{"resources": ["M0"], "duration": 3},
                              {"resources": ["M0"], "duration": 3},
                              {"resources": ["M0"], "duration": 1, "cost": 5}],
                    "due": 7,
                    "weight": 0,
                    "earliness_weight": 3,
                    "family": "B"},
                   {"id": "t2", "modes": [{"resources": ["M0"], "duration": 5, "demands": [1]}]}],
         "constraints": [{"first": "t2", "then": "t1", "type": "blocking"},
                         {"tasks": ["t0", "t1"], "type": "no_wait"},
                         {"first": "t0", "then": "t1", "min_lag": 1, "max_lag": 5, "type": "end_before_end"}],
         "objective": [{"term": "maximum_lateness", "weight": 3},
                       {"term": "total_weighted_earliness"},
                       {"term": "span", "start_of": ["t0"], "end_of": ["t1"]}]},
    "a down time of a resource a mode uses none of does not hold it (MILP; seed 100809, with calendars)":
        {"time_unit": "day", "start": "2026-01-09",
         "calendars": [{"id": "thu-fri off", "week": {"sat-wed": ["00:00-24:00"]}}],
         "resources": [{"id": "R0", "kind": "renewable", "capacity": 2, "calendar": "thu-fri off"}],
         "tasks": [{"id": "a0", "modes": [{"resources": ["R0"], "duration": 2, "demands": [1]}]},
                   {"id": "a1", "modes": [{"resources": ["R0"], "duration": 4, "demands": [0]}]}],
         "constraints": [{"first": "a0", "then": "a1", "type": "end_before_start"}],
         "objective": [{"term": "makespan"}]},
}


@pytest.mark.parametrize("name", MINIMAL)
def test_minimal_cases(name: str) -> None:
    """Each minimal disagreement found so far: every method must agree with brute force."""
    problem = _problem(MINIMAL[name])
    oracle = brute_force(problem)
    results, exact = run_methods(problem, oracle)
    errors = judge(problem, oracle, results, exact)
    answers = "; ".join(f"{m}: {_answer(r)}" for m, r in results.items())
    assert not errors, f"{name}: brute force {oracle.objective}; {answers}\n" + "\n".join(errors)


def test_dangling_job_is_a_validation_error() -> None:
    """A task naming an undeclared job is reported as invalid input (not a KeyError) with a due-date objective."""
    with pytest.raises(ValueError):
        _problem({"tasks": [{"id": "a", "job": "J", "modes": [{"duration": 1}]}],
                  "objective": [{"term": "total_tardiness"}]})


@pytest.mark.parametrize("seeds", FAST_BATCHES, ids=lambda r: f"{r.start}-{r.stop - 1}")
def test_schedule_differential_fast(seeds: range) -> None:
    """The fast profile: every method agrees with brute force on a few hundred tiny problems."""
    seeds = chosen_seeds(seeds)
    failures, tags, statuses = run_seeds(check, seeds)
    report("schedule fast", len(seeds), failures, tags, statuses)


def test_schedule_fast_coverage() -> None:
    """The fast profile's problems cover every constraint type, objective term and feature."""
    tags: Counter = Counter()
    for batch in FAST_BATCHES:
        for seed in batch:
            tags.update(schedule_tags(case(seed)[0]))
    missing = REQUIRED_TAGS - set(tags)
    assert not missing, f"the fast profile no longer covers {sorted(missing)}"




@pytest.mark.slow
@pytest.mark.parametrize("seeds", SLOW_BATCHES, ids=lambda r: f"{r.start}-{r.stop - 1}")
def test_schedule_differential_slow(seeds: range) -> None:
    """The slow profile: thousands of tiny problems."""
    report("schedule slow", len(seeds), *run_seeds(check, seeds, SLOW_PROCESSES))
