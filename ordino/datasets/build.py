"""Build ontology Problems from the plain arrays benchmark formats hold, with the naming conventions of the
datasets package: machines ``M1..Mm``, jobs ``J1..Jn``, tasks ``J1.1, J1.2, ...`` (job shops); one machine
``M`` and tasks ``J1..Jn`` (single machine); activities ``A1..An`` on resources ``R1..Rk`` (PSPLIB)."""

from __future__ import annotations

from collections.abc import Sequence

from ordino.errors import InputError
from ordino.models import Problem
from ordino.models.io import problem_from_dict

UNITLESS = "unit"
"""The time unit of benchmark data: the formats hold plain numbers, never minutes or hours."""


def _problem(data: dict, source: str) -> Problem:
    return problem_from_dict({"time_unit": UNITLESS, **data}, source)


def _check(condition: bool, message: str, source: str) -> None:
    if not condition:
        raise InputError(message, file=source)


def job_shop_problem(durations: Sequence[Sequence[int]], machines: Sequence[Sequence[int]], name: str = "",
                     n_machines: int | None = None, source: str = "<job shop>") -> Problem:
    """A job shop: job j's k-th operation runs on machine ``machines[j][k]`` (0-based) for
    ``durations[j][k]``; operations of a job are chained end-before-start; minimise the makespan.

    A flow shop is the special case where every job has the route 0, 1, ..., m-1.
    """
    flexible = [[[(m, d)] for m, d in zip(mrow, drow, strict=True)] for mrow, drow in zip(machines, durations,
                                                                                          strict=True)]
    return flexible_job_shop_problem(flexible, name=name, n_machines=n_machines, source=source)


def flexible_job_shop_problem(jobs: Sequence[Sequence[Sequence[tuple[int, int]]]], name: str = "",
                              n_machines: int | None = None, source: str = "<flexible job shop>") -> Problem:
    """A flexible job shop: ``jobs[j][k]`` lists the (machine, duration) options of operation k of job j
    (machines 0-based); one mode per option; operations chained; minimise the makespan."""
    _check(len(jobs) > 0, "no jobs", source)
    used = [m for job in jobs for op in job for m, _ in op]
    m_count = n_machines if n_machines is not None else (max(used) + 1 if used else 0)
    _check(all(0 <= m < m_count for m in used), f"machine index outside 0..{m_count - 1}", source)
    # only the machines some operation uses: a stated or implied machine count is no reason to create millions
    resources = [{"id": f"M{i + 1}", "kind": "machine"} for i in sorted(set(used))]
    tasks: list[dict] = []
    constraints: list[dict] = []
    job_list = []
    for j, job in enumerate(jobs, start=1):
        if not job:
            continue
        job_list.append({"id": f"J{j}"})
        for k, options in enumerate(job, start=1):
            _check(len(options) > 0, f"job {j} operation {k} has no machine", source)
            tasks.append({"id": f"J{j}.{k}", "job": f"J{j}",
                          "modes": [{"resources": [f"M{m + 1}"], "duration": d} for m, d in options]})
            if k > 1:
                constraints.append({"type": "end_before_start", "first": f"J{j}.{k - 1}", "then": f"J{j}.{k}"})
    _check(len(tasks) > 0, "no operations", source)
    return _problem({"name": name, "resources": resources, "jobs": job_list, "tasks": tasks,
                     "constraints": constraints, "objective": [{"term": "makespan"}]}, source)


def single_machine_problem(processing: Sequence[int], due: Sequence[int], weights: Sequence[int] | None = None,
                           name: str = "", source: str = "<single machine>") -> Problem:
    """One machine ``M``; job j is task ``J{j}`` with its due date (and weight); minimise total weighted
    tardiness when weights are given, else total tardiness."""
    _check(len(processing) == len(due) > 0, "processing times and due dates differ in length or are empty", source)
    if weights is not None:
        _check(len(weights) == len(processing), "weights and processing times differ in length", source)
    tasks = []
    for j, (p, d) in enumerate(zip(processing, due, strict=True), start=1):
        task = {"id": f"J{j}", "modes": [{"resources": ["M"], "duration": int(p)}], "due": int(d)}
        if weights is not None:
            task["weight"] = int(weights[j - 1])
        tasks.append(task)
    term = "total_tardiness" if weights is None else "total_weighted_tardiness"
    return _problem({"name": name, "resources": [{"id": "M", "kind": "machine"}], "tasks": tasks,
                     "objective": [{"term": term}]}, source)


def project_problem(capacities: Sequence[int], modes: Sequence[Sequence[tuple[int, Sequence[int]]]],
                    successors: Sequence[Sequence[int]], name: str = "", budgets: Sequence[int] = (),
                    source: str = "<project>") -> Problem:
    """A (multi-mode) RCPSP: activity i (0-based) has ``modes[i]``, a list of (duration, demands) with one
    demand per renewable resource ``R1..Rk`` then per non-renewable ``N1..``; ``successors[i]`` are 0-based
    indices of activities that start after i ends; minimise the makespan. Zero demands are left out."""
    k = len(capacities)
    ids = [f"R{r + 1}" for r in range(k)] + [f"N{r + 1}" for r in range(len(budgets))]
    resources = [{"id": f"R{r + 1}", "kind": "renewable", "capacity": c} for r, c in enumerate(capacities)]
    resources += [{"id": f"N{r + 1}", "kind": "consumable", "capacity": c} for r, c in enumerate(budgets)]
    tasks = []
    for i, options in enumerate(modes, start=1):
        task_modes = []
        for duration, demands in options:
            _check(len(demands) == len(ids), f"activity {i}: {len(demands)} demands for {len(ids)} resources",
                   source)
            used = [(rid, q) for rid, q in zip(ids, demands, strict=True) if q]
            mode: dict = {"resources": [rid for rid, _ in used], "duration": duration}
            if any(q != 1 for _, q in used):
                mode["demands"] = [q for _, q in used]
            task_modes.append(mode)
        tasks.append({"id": f"A{i}", "modes": task_modes})
    constraints = []
    n = len(modes)
    for i, succ in enumerate(successors):
        for s in succ:
            _check(0 <= s < n and s != i, f"activity {i + 1}: successor {s + 1} is not an activity", source)
            constraints.append({"type": "end_before_start", "first": f"A{i + 1}", "then": f"A{s + 1}"})
    return _problem({"name": name, "resources": resources, "tasks": tasks, "constraints": constraints,
                     "objective": [{"term": "makespan"}]}, source)
