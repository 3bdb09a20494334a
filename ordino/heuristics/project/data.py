"""Adapter between an RCPSP Problem and the arrays the project heuristics use, and back."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ordino.errors import InputError, ModelError
from ordino.models import EndBeforeStart, Problem, Schedule
from ordino.models.classify import classify


@dataclass
class ProjectData:
    """A single-mode RCPSP as arrays.

    Attributes
    ----------
    task_ids : Problem task id of each activity.
    duration : duration of each activity, shape (n,).
    demand : units of each resource an activity uses, shape (n, R).
    capacity : capacity of each resource, shape (R,).
    preds, succs : immediate predecessors and successors (end-before-start, zero lag).
    release : earliest start of each activity, shape (n,).
    """

    task_ids: list[str]
    duration: np.ndarray
    demand: np.ndarray
    capacity: np.ndarray
    preds: list[list[int]]
    succs: list[list[int]]
    release: np.ndarray

    @property
    def n(self) -> int:
        """Number of activities."""
        return len(self.task_ids)

    @classmethod
    def from_arrays(cls, duration: list[int] | np.ndarray, demand: list[list[int]] | np.ndarray,
                    capacity: list[int] | np.ndarray, successors: list[list[int]]) -> ProjectData:
        """An RCPSP from plain arrays: durations, demands (n x R), capacities (R) and successor lists."""
        dur = np.asarray(duration, dtype=np.int64)
        n = len(dur)
        if len(successors) != n or (dur < 0).any():
            raise InputError(f"give one successor list per activity ({n}) and non-negative durations")
        if np.asarray(demand).size and np.asarray(demand).reshape(n, -1).shape[1] != len(capacity):
            raise InputError("demand must have one column per resource capacity")
        preds: list[list[int]] = [[] for _ in range(n)]
        for i, succ in enumerate(successors):
            for s in succ:
                if not 0 <= s < n or s == i:
                    raise InputError(f"activity {i}: successor {s} is not another activity (0..{n - 1})")
                preds[s].append(i)
        return cls([f"A{i}" for i in range(n)], dur, np.asarray(demand, dtype=np.int64).reshape(n, -1),
                   np.asarray(capacity, dtype=np.int64), preds, [list(s) for s in successors],
                   np.zeros(n, dtype=np.int64))


def project_reason(problem: Problem) -> str | None:
    """None when `problem` is a single-mode RCPSP, else why not."""
    kind = classify(problem)
    if kind != "rcpsp":
        return f"the problem is {kind!r}; this method handles 'rcpsp' (single-mode, renewable resources)"
    return None


def project_from_problem(problem: Problem) -> ProjectData:
    """Arrays of an RCPSP Problem (raises ModelError for other classes)."""
    ModelError.unless_fits(project_reason(problem), "a single-mode RCPSP")
    n, r_index = len(problem.tasks), problem.resource_index
    demand = np.zeros((n, len(problem.resources)), dtype=np.int64)
    for i, t in enumerate(problem.tasks):
        mode = t.modes[0]
        for k, rid in enumerate(mode.resources):
            demand[i, r_index[rid]] = mode.demand(k)
    preds: list[list[int]] = [[] for _ in range(n)]
    succs: list[list[int]] = [[] for _ in range(n)]
    for c in problem.constraints:
        if isinstance(c, EndBeforeStart):
            a, b = problem.task_index[c.first], problem.task_index[c.then]
            succs[a].append(b)
            preds[b].append(a)
    return ProjectData(
        task_ids=[t.id for t in problem.tasks],
        duration=np.array([t.modes[0].duration for t in problem.tasks], dtype=np.int64),
        demand=demand,
        capacity=np.array([r.capacity for r in problem.resources], dtype=np.int64),
        preds=preds, succs=succs,
        release=np.array([problem.earliest_start(t) for t in problem.tasks], dtype=np.int64),
    )


def project_schedule(data: ProjectData, starts: np.ndarray | list[int]) -> Schedule:
    """A Schedule from start times."""
    return Schedule.of((tid, 0, int(starts[i]), int(starts[i] + data.duration[i]))
                       for i, tid in enumerate(data.task_ids))
