"""Adapters between a Problem of a shop class and flat arrays the shop heuristics work on, and back.

Operations are numbered 0..N-1 job by job in route order. Each operation has one or more options
`(machine, duration, mode)`; a job shop or flow shop has exactly one option per operation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ordino.errors import InputError, ModelError
from ordino.models import Problem, Schedule
from ordino.models.classify import classify, job_chains, memoised

SHOP_CLASSES = ("job_shop", "flow_shop", "flexible_job_shop", "parallel_machines")


@dataclass
class ShopData:
    """A (flexible) job shop as flat lists.

    Attributes
    ----------
    task_ids : the Problem task id of each operation.
    job_ops : operation indices of each job in route order.
    options : per operation, a list of `(machine, duration, mode)` choices.
    release : earliest start of each operation (task release combined with its job's release).
    machine_ids : resource id of each machine index.
    job_of : the job of each operation.
    due, weight : each job's due date (inf when it has none) and weight.
    """

    task_ids: list[str]
    job_ops: list[list[int]]
    options: list[list[tuple[int, int, int]]]
    release: list[int]
    machine_ids: list[str]
    job_of: list[int] = field(default_factory=list)
    due: list[float] = field(default_factory=list)
    weight: list[float] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.job_of:
            self.job_of = [0] * len(self.task_ids)
            for j, ops in enumerate(self.job_ops):
                for o in ops:
                    self.job_of[o] = j
        if not self.due:
            self.due = [float("inf")] * len(self.job_ops)
        if not self.weight:
            self.weight = [1.0] * len(self.job_ops)

    @property
    def n_ops(self) -> int:
        """Number of operations."""
        return len(self.task_ids)

    @property
    def n_machines(self) -> int:
        """Number of machines."""
        return len(self.machine_ids)

    @property
    def flexible(self) -> bool:
        """True when some operation may run on several machines."""
        return any(len(o) > 1 for o in self.options)

    @classmethod
    def from_matrices(cls, durations: np.ndarray | list, machines: np.ndarray | list) -> ShopData:
        """A job shop from `durations[j][k]` and `machines[j][k]` (0-based machine of operation k of job j)."""
        dur = [list(map(int, row)) for row in durations]
        mac = [list(map(int, row)) for row in machines]
        if not dur or len(dur) != len(mac) or any(len(a) != len(b) for a, b in zip(dur, mac, strict=False)):
            raise InputError("durations and machines must be non-empty matrices of the same shape (jobs x operations)")
        if any(d < 0 for row in dur for d in row) or any(m < 0 for row in mac for m in row):
            raise InputError("durations and machine indices must be non-negative (machines are 0-based)")
        n_m = 1 + max((max(row) for row in mac if row), default=0)
        job_ops: list[list[int]] = []
        options: list[list[tuple[int, int, int]]] = []
        ids: list[str] = []
        for j, (drow, mrow) in enumerate(zip(dur, mac, strict=True)):
            job_ops.append(list(range(len(ids), len(ids) + len(drow))))
            for k, (d, m) in enumerate(zip(drow, mrow, strict=True)):
                options.append([(m, d, 0)])
                ids.append(f"J{j}.{k}")
        return cls(ids, job_ops, options, [0] * len(ids), [f"M{i}" for i in range(n_m)])


def _machine_only(problem: Problem) -> str | None:
    if any(r.kind != "machine" for r in problem.resources):
        return "every resource must be a machine"
    return None


def shop_reason(problem: Problem, classes: tuple[str, ...] = SHOP_CLASSES,
                ignore_permutation: bool = False) -> str | None:
    """None when `problem` is of one of `classes` (reading it without its `permutation` constraints when
    `ignore_permutation`), else why not. A permutation constraint makes a problem 'general', so the job shop
    methods, which would not keep its order, refuse it."""
    kind = classify(problem, ignore_permutation)
    if kind not in classes:
        return f"the problem is {kind!r}; this method handles {', '.join(classes)}"
    return _machine_only(problem)


def makespan_reason(problem: Problem) -> str | None:
    """None when the objective is the makespan alone, else why this method cannot optimise it."""
    terms = {t.term for t in problem.objective}
    if terms != {"makespan"}:
        return f"this method minimises the makespan; the objective is {sorted(terms)}"
    return None


def _chains(problem: Problem) -> list[list[str]]:
    """The job chains of a problem that `shop_reason` accepted (it has them by construction)."""
    chains = job_chains(problem)
    assert chains is not None
    return chains


def shop_from_problem(problem: Problem) -> ShopData:
    """Flatten a job shop, flow shop or flexible job shop Problem (raises ModelError for other classes)."""
    ModelError.unless_fits(shop_reason(problem), "a shop problem")
    chains = _chains(problem)
    machine_index = {r.id: i for i, r in enumerate(problem.resources)}
    ids: list[str] = []
    job_ops: list[list[int]] = []
    options: list[list[tuple[int, int, int]]] = []
    release: list[int] = []
    due: list[float] = []
    weight: list[float] = []
    views = {v.id: v for v in problem.job_views}
    for chain in chains:
        view = views[problem.task(chain[0]).job or chain[0]]
        due.append(float("inf") if view.due is None else float(view.due))
        weight.append(float(view.weight))
        job_ops.append(list(range(len(ids), len(ids) + len(chain))))
        for tid in chain:
            task = problem.task(tid)
            ids.append(tid)
            options.append([(machine_index[m.resources[0]], m.duration, k) for k, m in enumerate(task.modes)])
            release.append(problem.earliest_start(task))
    return ShopData(ids, job_ops, options, release, [r.id for r in problem.resources], due=due, weight=weight)


def shop_schedule(data: ShopData, starts: list[int] | np.ndarray, choice: list[int] | np.ndarray) -> Schedule:
    """A Schedule from start times and the chosen option index of each operation."""
    rows = []
    for o, tid in enumerate(data.task_ids):
        _, dur, mode = data.options[o][int(choice[o])]
        s = int(starts[o])
        rows.append((tid, mode, s, s + dur))
    return Schedule.of(rows)


def shop_starts(data: ShopData, schedule: Schedule) -> tuple[list[int], list[int]]:
    """Start times and chosen option indices of the operations in a Schedule of this shop (`shop_schedule`'s
    inverse)."""
    entries = schedule.by_task()
    starts = [entries[t].start for t in data.task_ids]
    choice = [next(k for k, (_, _, mode) in enumerate(data.options[o]) if mode == entries[t].mode)
              for o, t in enumerate(data.task_ids)]
    return starts, choice


@dataclass
class FlowData:
    """A flow shop as a matrix `p[j, k]`: duration of job j on the k-th machine of the common route."""

    p: np.ndarray
    release: np.ndarray
    task_ids: list[list[str]]

    @classmethod
    def from_matrix(cls, p: np.ndarray | list) -> FlowData:
        """A flow shop from a jobs x machines duration matrix."""
        arr = np.asarray(p, dtype=np.int64)
        if arr.ndim != 2 or arr.size == 0 or (arr < 0).any():
            raise InputError("a flow shop needs a non-empty jobs x machines matrix of non-negative durations")
        n, m = arr.shape
        return cls(arr, np.zeros(n, dtype=np.int64), [[f"J{j}.{k}" for k in range(m)] for j in range(n)])


def flow_reason(problem: Problem) -> str | None:
    """None when `problem` is a flow shop whose releases apply to whole jobs, else why not.

    Permutation constraints are allowed: the permutation methods run every job in one order on every
    machine, and in a flow shop (each job visits each machine once) that order keeps any of them."""
    return memoised(problem, _flow_reason)


def _flow_reason(problem: Problem, _: bool) -> str | None:
    reason = shop_reason(problem, ("flow_shop",), ignore_permutation=True)
    if reason is not None:
        return reason
    chains = job_chains(problem, ignore_permutation=True) or []
    for ch in chains:
        first = problem.earliest_start(problem.task(ch[0]))
        if any(problem.earliest_start(problem.task(t)) > first for t in ch[1:]):
            return f"task of job {ch[0]!r} has a release later than its job's first operation; use 'tabu'"
    return None


def flow_from_problem(problem: Problem) -> FlowData:
    """The duration matrix of a flow shop Problem (raises ModelError for other classes)."""
    ModelError.unless_fits(flow_reason(problem), "a permutation flow shop")
    chains = job_chains(problem, ignore_permutation=True)
    assert chains is not None  # flow_reason accepted it
    p = np.array([[problem.task(t).modes[0].duration for t in ch] for ch in chains], dtype=np.int64)
    release = np.array([max(problem.earliest_start(problem.task(t)) for t in ch[:1]) for ch in chains],
                       dtype=np.int64)
    return FlowData(p, release, [list(ch) for ch in chains])


def flow_starts(data: FlowData, perm: list[int] | np.ndarray) -> np.ndarray:
    """Start times `s[j, k]` of the permutation schedule that runs jobs in `perm` on every machine."""
    n, m = data.p.shape
    starts = np.zeros((n, m), dtype=np.int64)
    free = np.zeros(m, dtype=np.int64)
    for j in perm:
        t = int(data.release[j])
        for k in range(m):
            s = max(t, int(free[k]))
            starts[j, k] = s
            t = s + int(data.p[j, k])
            free[k] = t
    return starts


def flow_schedule(data: FlowData, perm: list[int] | np.ndarray) -> Schedule:
    """The permutation schedule of `perm` as a Schedule."""
    starts = flow_starts(data, perm)
    return Schedule.of((tid, 0, int(starts[j, k]), int(starts[j, k] + data.p[j, k]))
                       for j, ids in enumerate(data.task_ids) for k, tid in enumerate(ids))
