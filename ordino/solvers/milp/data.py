"""Numbers the MILP formulations need before any variable exists: a horizon, earliest starts, latest ends.

The horizon bounds every end time in some optimal schedule. For a pure makespan objective it is the makespan
of a serial schedule-generation pass (a feasible schedule, so an optimum ends no later); otherwise it is the
problem's own `effective_horizon`.
Earliest starts and latest ends come from longest paths over the precedences; they give the big-M values
and the time-indexed domains.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ordino.models import EndBeforeEnd, EndBeforeStart, Mode, Problem, StartBeforeStart, TimeWindow
from ordino.models.constraints import PRECEDENCE_TYPES


@dataclass(frozen=True)
class TimeBounds:
    """Horizon and per-task earliest start / latest end (indices follow `problem.tasks`)."""

    horizon: int
    source: str
    earliest_start: list[int]
    latest_end: list[int]


def _sgs_applies(problem: Problem) -> bool:
    """The serial SGS below handles releases, min-lag end/start-before-start precedences, machines and
    renewable resources (with down times); anything else makes it skip."""
    if any(r.kind == "consumable" for r in problem.resources):
        return False
    for c in problem.constraints:
        if not isinstance(c, EndBeforeStart | StartBeforeStart) or c.max_lag is not None or c.min_lag < 0:
            return False
    return not any(t.optional for t in problem.tasks)


def _topological(n: int, edges: list[tuple[int, int, int, bool]], priority: list | None = None
                 ) -> list[int] | None:
    """Kahn order of tasks over precedence edges (a, b, lag, end_anchored), smallest `priority` first among
    the ready tasks; None on a cycle."""
    succ: dict[int, list[int]] = defaultdict(list)
    indeg = [0] * n
    for a, b, _, _ in edges:
        succ[a].append(b)
        indeg[b] += 1
    key = priority or [0] * n
    ready = [(key[i], i) for i in range(n) if indeg[i] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        _, a = heapq.heappop(ready)
        order.append(a)
        for b in succ[a]:
            indeg[b] -= 1
            if indeg[b] == 0:
                heapq.heappush(ready, (key[b], b))
    return order if len(order) == n else None


def serial_sgs_makespan(problem: Problem, limit: int) -> int | None:
    """Makespan of a serial schedule-generation pass, or None when it does not apply or fit within `limit`."""
    found = serial_sgs(problem, limit)
    return None if found is None else max(found[1], default=0)


def serial_sgs(problem: Problem, limit: int) -> tuple[list[int], list[int], list[int]] | None:
    """(starts, ends, modes) of a serial schedule-generation pass: tasks in precedence order (earliest due
    date first among the ready ones), each mode tried and the earliest finish kept; None when the pass does
    not apply or does not fit within `limit`."""
    if not _sgs_applies(problem):
        return None
    idx = problem.task_index
    edges = [(idx[c.first], idx[c.then], c.min_lag, isinstance(c, EndBeforeStart)) for c in problem.constraints
             if isinstance(c, EndBeforeStart | StartBeforeStart)]  # all of them, by _sgs_applies
    due = {t: v.due for v in problem.job_views if v.due is not None for t in v.tasks}
    order = _topological(len(problem.tasks), edges,
                         [(due.get(t.id, 10**12), problem.earliest_start(t)) for t in problem.tasks])
    if order is None:
        return None
    preds: dict[int, list[tuple[int, int, bool]]] = defaultdict(list)
    for a, b, lag, end_anchored in edges:
        preds[b].append((a, lag, end_anchored))
    length = limit + max(m.duration for t in problem.tasks for m in t.modes) + 1
    usage = {r.id: np.zeros(length, dtype=np.int64) for r in problem.resources}
    cap = {r.id: r.capacity for r in problem.resources}
    breaks = {r.id: problem.down_times(r.id) for r in problem.resources}
    for r in problem.resources:
        for a, b in breaks[r.id]:
            usage[r.id][a:min(b, length)] = r.capacity + 10**9
    start = [0] * len(problem.tasks)
    end = [0] * len(problem.tasks)
    modes = [0] * len(problem.tasks)
    for i in order:
        task = problem.tasks[i]
        est = problem.earliest_start(task)
        for a, lag, is_end in preds[i]:
            est = max(est, (end[a] if is_end else start[a]) + lag)
        best: tuple[int, int] | None = None
        for k, mode in enumerate(task.modes):
            t = _earliest_fit(usage, cap, mode, est, length, breaks)
            if t is not None and (best is None or t + mode.duration < best[0] + task.modes[best[1]].duration):
                best = (t, k)
        if best is None:
            return None
        t, k = best
        mode = task.modes[k]
        for j, rid in enumerate(mode.resources):
            usage[rid][t:t + mode.duration] += mode.demand(j)
        start[i], end[i], modes[i] = t, t + mode.duration, k
        deadline = problem.latest_end(task)
        if deadline is not None and end[i] > deadline:
            return None
    return (start, end, modes) if max(end) <= limit else None


def _earliest_fit(usage: dict[str, np.ndarray], cap: dict[str, int], mode: Mode, est: int, length: int,
                  breaks: dict[str, list]) -> int | None:
    t = est
    if mode.duration == 0:  # an instant needs no capacity but may not fall strictly inside a down time
        while inside := [b for rid in mode.resources for a, b in breaks[rid] if a < t < b]:
            t = max(inside)  # the end of the down times it falls in
        return t if t < length else None
    while t + mode.duration < length:
        clash = -1
        for j, rid in enumerate(mode.resources):
            window = usage[rid][t:t + mode.duration] + mode.demand(j) > cap[rid]
            if window.any():
                clash = max(clash, int(np.flatnonzero(window)[-1]))
        if clash < 0:
            return t
        t += clash + 1
    return None


def time_bounds(problem: Problem) -> TimeBounds | str:
    """Horizon and longest-path earliest starts / latest ends, or a message when some task cannot fit."""
    horizon = problem.effective_horizon
    source = "given horizon" if problem.horizon is not None else "default horizon (Problem.effective_horizon)"
    if [t.term for t in problem.objective] == ["makespan"]:
        sgs = serial_sgs_makespan(problem, horizon)
        if sgs is not None and sgs < horizon:
            horizon, source = sgs, "makespan of a serial schedule-generation pass"
    n = len(problem.tasks)
    pmin = [min(m.duration for m in t.modes) for t in problem.tasks]
    pmax = [max(m.duration for m in t.modes) for t in problem.tasks]
    es = [problem.earliest_start(t) for t in problem.tasks]
    le = [horizon if (bound := problem.latest_end(t)) is None else min(horizon, bound) for t in problem.tasks]
    idx = problem.task_index
    for c in problem.constraints:
        if isinstance(c, TimeWindow):
            i = idx[c.task]
            es[i] = max(es[i], c.start_min or 0, (c.end_min or 0) - pmax[i])
            if c.end_max is not None:
                le[i] = min(le[i], c.end_max)
            if c.start_max is not None:
                le[i] = min(le[i], c.start_max + pmax[i])
    edges = []
    for c in problem.constraints:
        if isinstance(c, PRECEDENCE_TYPES):
            side_a, side_b = c.anchors()
            edges.append((idx[c.first], idx[c.then], c.min_lag, side_a == "end", side_b == "end"))
    order = _topological(n, [(a, b, lag, ea) for a, b, lag, ea, _ in edges])
    if order is not None:
        into: dict[int, list] = defaultdict(list)
        out: dict[int, list] = defaultdict(list)
        for e in edges:
            into[e[1]].append(e)
            out[e[0]].append(e)
        for b in order:  # start_b >= start_a + [p_a] - [p_b] + lag
            for a, _, lag, ea, eb in into[b]:
                es[b] = max(es[b], es[a] + (pmin[a] if ea else 0) - (pmax[b] if eb else 0) + lag)
        for a in reversed(order):  # end_a <= latest end implied by each successor
            for _, b, lag, ea, eb in out[a]:
                latest_anchor_b = le[b] if eb else le[b] - pmin[b]
                le[a] = min(le[a], latest_anchor_b - lag + (0 if ea else pmax[a]))
    for i, t in enumerate(problem.tasks):
        if es[i] + pmin[i] > le[i]:
            return (f"task {t.id!r} cannot fit: earliest start {es[i]} + shortest duration {pmin[i]} exceeds its "
                    f"latest end {le[i]} (from deadlines, windows, precedences and the horizon {horizon})")
    return TimeBounds(horizon=horizon, source=source, earliest_start=es, latest_end=le)


def job_sinks(problem: Problem) -> dict[str, str | None]:
    """Per job, its one task that ends last by precedence (None when there is no single such task)."""
    succ: dict[str, set[str]] = defaultdict(set)
    for c in problem.constraints:
        if isinstance(c, EndBeforeStart | EndBeforeEnd) and c.min_lag >= 0:
            succ[c.first].add(c.then)
    out: dict[str, str | None] = {}
    for view in problem.job_views:
        members = set(view.tasks)
        sinks = [t for t in view.tasks if not succ[t] & members]
        out[view.id] = sinks[0] if len(sinks) == 1 else None
    return out
