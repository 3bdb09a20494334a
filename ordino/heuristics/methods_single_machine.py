"""Single-machine tardiness algorithms as solve methods: the ontology in, arrays to the algorithms, a
verified schedule out."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from ordino.heuristics.budget import deadline
from ordino.models import Problem, Result, Schedule, SolveOptions, classify
from ordino.models.method import Method

TARDINESS_TERMS = ("total_tardiness", "total_weighted_tardiness")


def supports_tardiness(problem: Problem) -> str | None:
    """None when the problem is 1||sum(w)T (one machine, no releases, a tardiness objective), else why not."""
    if classify(problem) != "single_machine":
        return f"needs a single-machine problem, this one is {classify(problem).replace('_', ' ')}"
    if any(problem.earliest_start(t) for t in problem.tasks):
        return "release dates are not supported by the single-machine tardiness algorithms"
    if len(problem.objective) != 1 or problem.objective[0].term not in TARDINESS_TERMS:
        return "the objective must be total_tardiness or total_weighted_tardiness alone"
    if any(v.due is None for v in problem.job_views):
        return "every job needs a due date"
    return None


def arrays(problem: Problem) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Processing times, due dates and weights (all ones for total_tardiness) in task order."""
    p = np.array([t.modes[0].duration for t in problem.tasks], dtype=np.int64)
    d = np.array([v.due for v in problem.job_views], dtype=np.int64)
    weighted = problem.objective[0].term == "total_weighted_tardiness"
    w = np.array([v.weight if weighted else 1 for v in problem.job_views], dtype=np.int64)
    return p, d, w


def sequence_schedule(problem: Problem, perm: np.ndarray) -> Schedule:
    """Run the tasks back to back from time 0 in the order `perm`."""
    rows, t = [], 0
    for i in perm:
        task = problem.tasks[int(i)]
        duration = task.modes[0].duration
        rows.append((task.id, 0, t, t + duration))
        t += duration
    return Schedule.of(rows)


def sequence_result(problem: Problem, perm: np.ndarray, method: str, began: float, bound: float | None = None,
            optimal: bool = False, log: list[str] | None = None) -> Result:
    return Result(status="optimal" if optimal else "feasible", schedule=sequence_schedule(problem, perm),
                  bound=bound, method=method, runtime=time.perf_counter() - began, log=log or [])


def rule_method(name: str, rule: Callable[..., np.ndarray]) -> Method:
    """A dispatching rule as a method; a quadratic rule still running at the time limit completes its
    sequence in EDD order."""
    from ordino.heuristics.single_machine.rules import SORTS

    def run(problem: Problem, options: SolveOptions) -> Result:
        began = time.perf_counter()
        end = deadline(began, problem, options)
        p, d, w = arrays(problem)
        perm = rule(p, d, w, deadline=end)
        cut = name not in SORTS and time.perf_counter() >= end
        return sequence_result(problem, perm, name, began, log=[f"{name}: time limit reached; the jobs not yet "
                                                        "sequenced follow in EDD order"] if cut else [])

    doc = (rule.__doc__ or name).strip().splitlines()[0]
    return Method(name, run, f"single machine rule: {doc}", supports_tardiness)


def run_ils(problem: Problem, options: SolveOptions) -> Result:
    """Iterated dynasearch within the time limit, stopping early at a proven lower bound."""
    from ordino.heuristics.single_machine.evaluate import total_weighted_tardiness
    from ordino.heuristics.single_machine.exact import lower_bound
    from ordino.heuristics.single_machine.local_search import ils, quick_start

    began = time.perf_counter()
    end = deadline(began, problem, options)
    p, d, w = arrays(problem)
    bound = int(lower_bound(p, d, w))
    start, log = None, []
    if isinstance(options.warm_start, Schedule):  # the warm start's order, when better than the usual start
        by_task = options.warm_start.by_task()
        warm = np.array(sorted(range(len(problem.tasks)), key=lambda i: by_task[problem.tasks[i].id].start))
        value = int(total_weighted_tardiness(p, d, warm, w))
        rule, rule_value = quick_start(p, d, w, began + 0.1 * (end - began))
        start = warm if value <= rule_value else rule
        log.append(f"warm start: {value}" + ("" if value <= rule_value else f", the best rule's {rule_value} used"))
    perm, value = ils(p, d, w, time_limit=end - time.perf_counter(), seed=options.seed, lower_bound=bound,
                      start=start)
    return sequence_result(problem, perm, "ils", began, bound=bound, optimal=value <= bound, log=log)


def run_dp(problem: Problem, options: SolveOptions) -> Result:
    """Exact dynamic program over subsets (small n)."""
    from ordino.heuristics.single_machine.exact import dp_subsets

    began = time.perf_counter()
    p, d, w = arrays(problem)
    perm, value = dp_subsets(p, d, w)
    return sequence_result(problem, perm, "dp", began, bound=float(value), optimal=True)


def supports_dp(problem: Problem) -> str | None:
    """The DP needs the single-machine tardiness structure and at most 22 jobs."""
    reason = supports_tardiness(problem)
    if reason is None and len(problem.tasks) > 22:
        return f"the dynamic program handles at most 22 jobs, this problem has {len(problem.tasks)}"
    return reason


def single_machine_methods() -> list[Method]:
    """Every single-machine method, by name."""
    from ordino.heuristics.single_machine.rules import RULES

    out = [rule_method(name, rule) for name, rule in RULES.items()]
    out.append(Method("ils", run_ils, "single machine: iterated dynasearch local search with a lower bound",
                      supports_tardiness))
    out.append(Method("dp", run_dp, "single machine: exact dynamic program over subsets (n <= 22)", supports_dp,
                      exact=True))
    return out
