"""Right-shift repair: keep a plan's order and modes, move each task only as late as the changes force.

The plan is the baseline of the problem's `deviation` term (what `ordino.reschedule` builds). Tasks are
placed one by one, precedence first and then by their planned start; each starts at the earliest time at or
after its planned start (its release, for a task the plan does not have) where its predecessors have ended
and its resources are free: capacity, down times and setup times. Tasks that must stay where they are (a
time window with `start_min == start_max`) are placed first. Problems with rules this cannot keep (deadlines, a
horizon, maximum lags, synchronisation...) are refused by `right_shift_supports`, with `cpsat` as the way out.
"""

from __future__ import annotations

import bisect
import heapq
import time
from collections import defaultdict
from typing import Any

from ordino.models import Problem, Result, Schedule, ScheduledTask, SolveOptions, TimeWindow
from ordino.models.constraints import PRECEDENCE_TYPES, EndBeforeEnd, EndBeforeStart, StartBeforeEnd
from ordino.models.method import Method
from ordino.models.tasks import Task


class _Placed:
    """What is on each resource so far: per machine, (start, end, setup family) sorted by start (they do not
    overlap, so the ends are sorted too); per renewable, (start, end, demand)."""

    def __init__(self, problem: Problem) -> None:
        self.machines: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        self.renewables: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        self.longest_setup = {r.id: max((x.time for x in r.setups), default=0) for r in problem.resources}
        for r in problem.resources:  # the state at time 0, as a task of no length: the first task waits its setup
            if r.initial_family:
                self.machines[r.id].append((0, 0, r.initial_family))

    def add(self, problem: Problem, task: Task, entry: ScheduledTask) -> None:
        m = task.modes[entry.mode]
        for k, rid in enumerate(m.resources):
            resource = problem.resource(rid)
            if m.demand(k) == 0:
                continue
            if resource.kind == "machine" and (m.duration > 0 or resource.setups):
                bisect.insort(self.machines[rid], (entry.start, entry.end, task.setup_family))
            elif resource.kind == "renewable" and m.duration > 0:
                self.renewables[rid].append((entry.start, entry.end, m.demand(k)))


def _baseline(problem: Problem) -> dict[str, ScheduledTask] | None:
    term = next((t for t in problem.objective if t.term == "deviation"), None)
    return None if term is None else {e.task: e for e in term.baseline or []}


def right_shift_supports(problem: Problem) -> str | None:
    if _baseline(problem) is None:
        return "right-shift repairs a plan: the problem needs a 'deviation' objective term with the plan as its " \
               "baseline (`ordino reschedule` builds one)"
    kept = [c for c in problem.constraints if isinstance(c, PRECEDENCE_TYPES) and c.max_lag is None
            or isinstance(c, TimeWindow) and (c.start_max is None and c.end_max is None or c.start_min == c.start_max)]
    others = sorted({c.type for c in problem.constraints} - {c.type for c in kept})
    if others or len(kept) < len(problem.constraints):
        return f"right-shift keeps precedences without a maximum lag, earliest starts and pinned starts; this " \
               f"problem also has {', '.join(others) or 'upper bounds in time windows or maximum lags'}; use 'cpsat'"
    if problem.horizon is not None or any(t.deadline is not None for t in problem.tasks) or any(
            j.deadline is not None for j in problem.jobs):
        return "right-shift may push tasks past a deadline or the horizon; use 'cpsat'"
    if any(t.resumable for t in problem.tasks) and any(problem.down_times(r.id) for r in problem.resources):
        return "right-shift does not pause resumable tasks over down times; use 'cpsat'"
    if any(r.kind == "consumable" for r in problem.resources):
        return "right-shift does not budget consumable resources; use 'cpsat'"
    pinned = _fixed(problem)
    loose = [c.first for c in problem.constraints if isinstance(c, PRECEDENCE_TYPES) and c.then in pinned
             and c.first not in pinned]
    if loose:
        return f"task {loose[0]!r} is not pinned but a pinned task follows it; use 'cpsat'"
    return None


def _fixed(problem: Problem) -> dict[str, int]:
    """Tasks pinned to one start by a time window."""
    return {c.task: c.start_min for c in problem.constraints
            if isinstance(c, TimeWindow) and c.start_min is not None and c.start_min == c.start_max}


def _order(problem: Problem, key: dict[str, tuple[int, int, int]]) -> list[str]:
    """Tasks in precedence order, the smallest key first among those whose predecessors are placed."""
    before: dict[str, set[str]] = {t.id: set() for t in problem.tasks}
    after: dict[str, list[str]] = defaultdict(list)
    for c in problem.constraints:
        if isinstance(c, PRECEDENCE_TYPES) and c.first != c.then:
            before[c.then].add(c.first)
            after[c.first].append(c.then)
    ready = [(key[t], t) for t, preds in before.items() if not preds]
    heapq.heapify(ready)
    order = []
    while ready:
        _, tid = heapq.heappop(ready)
        order.append(tid)
        for nxt in after[tid]:
            before[nxt].discard(tid)
            if not before[nxt]:
                heapq.heappush(ready, (key[nxt], nxt))
    return order


def _incoming(problem: Problem) -> dict[str, list[Any]]:
    """Per task, the time windows on it and the precedences it follows."""
    out: dict[str, list[Any]] = defaultdict(list)
    for c in problem.constraints:
        if isinstance(c, TimeWindow):
            out[c.task].append(c)
        elif isinstance(c, PRECEDENCE_TYPES):
            out[c.then].append(c)
    return out


def _earliest(problem: Problem, task: Task, duration: int, placed: dict[str, ScheduledTask],
              incoming: list[Any]) -> int:
    """The earliest start the task's release, windows and placed predecessors allow."""
    start = problem.earliest_start(task)
    for c in incoming:
        if isinstance(c, TimeWindow):
            start = max(start, c.start_min or 0, (c.end_min or 0) - duration)
        elif c.first in placed:
            first = placed[c.first]
            anchor = first.end if isinstance(c, EndBeforeStart | EndBeforeEnd) else first.start
            ends = isinstance(c, EndBeforeEnd | StartBeforeEnd)
            start = max(start, anchor + c.min_lag - (duration if ends else 0))
    return start


def _free_from(problem: Problem, task: Task, mode: int, start: int, placed: _Placed) -> int:
    """The earliest start at or after `start` where every resource of the mode is free for the task."""
    m = task.modes[mode]
    while True:
        later, end = start, start + m.duration
        for k, rid in enumerate(m.resources):
            resource = problem.resource(rid)
            if m.demand(k) == 0:
                continue  # an amount of 0 does not use the resource
            for a, b in problem.down_times(rid, end + 1):  # a calendar's, read as far as the task reaches
                if (a < end and start < b) if m.duration else a < start < b:
                    later = max(later, b)
            if resource.kind == "machine" and (m.duration > 0 or resource.setups):
                later = max(later, _machine_from(placed.machines[rid], resource.setup_table,
                                                 placed.longest_setup[rid], task.setup_family, start, end))
            if resource.kind == "renewable" and m.duration > 0:
                later = max(later, _capacity_from(placed.renewables[rid], start, end, m.demand(k), resource.capacity))
        if later == start:
            return start
        if later > problem.effective_horizon:  # an order-keeping schedule never needs to (the horizon's proof)
            raise _PastHorizon
        start = later


def _machine_from(uses: list[tuple[int, int, str]], setups: dict[tuple[str, str], int], longest: int, family: str,
                  start: int, end: int) -> int:
    """`start` when the machine is free for [start, end) with the setup times around it, else the end (plus
    setup) of the first task in the way."""
    k = max(0, bisect.bisect_left(uses, (start,)) - 1)  # the last task starting before: the only earlier one
    # that can reach past `start`, since the tasks on a machine do not overlap
    while k < len(uses) and uses[k][0] < end + longest:
        s, e, other = uses[k]
        before, after = setups.get((other, family), 0), setups.get((family, other), 0)
        if not (e + before <= start or end + after <= s):
            return e + before
        k += 1
    return start


def _capacity_from(uses: list[tuple[int, int, int]], start: int, end: int, demand: int, capacity: int) -> int:
    """`start` when `demand` more units fit in [start, end), else the first end of a use that overlaps the
    first overloaded moment."""
    if demand > capacity:
        raise _NoRoom
    overlapping = [(s, e, d) for s, e, d in uses if s < end and start < e]
    for moment in sorted({start, *(s for s, _, _ in overlapping if start < s)}):
        active = [(s, e, d) for s, e, d in overlapping if s <= moment < e]
        if sum(d for _, _, d in active) + demand > capacity:
            return min(e for _, e, _ in active)
    return start


class _NoRoom(Exception):
    """A mode needs more of a resource than it has."""


class _PastHorizon(Exception):
    """The task finds no time its resources are all up before the default horizon."""


def run_right_shift(problem: Problem, options: SolveOptions) -> Result:
    """Place every task at the earliest start at or after its planned one where the problem's rules allow."""
    began = time.perf_counter()
    plan, fixed = _baseline(problem) or {}, _fixed(problem)
    key = {t.id: (0, fixed[t.id], i) if t.id in fixed else (1, plan[t.id].start, i) if t.id in plan
           else (2, problem.earliest_start(t), i) for i, t in enumerate(problem.tasks)}
    order = _order(problem, key)
    if len(order) < len(problem.tasks):
        return Result(status="unknown", method="right_shift", runtime=time.perf_counter() - began,
                      log=["right_shift: the precedences form a cycle; no order keeps them all"])
    placed: dict[str, ScheduledTask] = {}
    uses, incoming = _Placed(problem), _incoming(problem)
    for tid in sorted(order, key=lambda t: key[t][0] != 0):  # pinned tasks first, then the precedence order
        task = problem.task(tid)
        options_ = [plan[tid].mode] if tid in plan else range(len(task.modes))
        best: ScheduledTask | None = None
        past_horizon = False  # a mode that finds no stretch before the horizon: another mode may
        for mode in options_:
            duration = task.modes[mode].duration
            earliest = _earliest(problem, task, duration, placed, incoming[tid])
            wanted = fixed.get(tid, max(earliest, plan[tid].start if tid in plan else 0))
            try:
                start = _free_from(problem, task, mode, wanted, uses)
            except _NoRoom:
                continue
            except _PastHorizon:
                past_horizon = True
                continue
            if tid in fixed and (start != wanted or earliest > wanted):
                return Result(status="infeasible", method="right_shift", runtime=time.perf_counter() - began,
                              log=[f"right_shift: task {tid!r} is pinned at {wanted}, where its resources, down "
                                   "times or predecessors (pinned too) do not let it run"])
            if best is None or start + duration < best.end:
                best = ScheduledTask(task=tid, mode=mode, start=start, end=start + duration)
        if best is None and past_horizon:
            return Result(status="unknown", method="right_shift", runtime=time.perf_counter() - began,
                          log=[f"right_shift: task {tid!r} finds no time when its resources are up for it before "
                               f"the horizon {problem.effective_horizon} (down times or a calendar leave no "
                               f"stretch long enough); use 'cpsat'"])
        if best is None:
            return Result(status="unknown", method="right_shift", runtime=time.perf_counter() - began,
                          log=[f"right_shift: task {tid!r} needs more of a resource than it has"])
        placed[tid] = best
        uses.add(problem, task, best)
    schedule = Schedule(tasks=[placed[t.id] for t in problem.tasks])
    return Result(status="feasible", schedule=schedule, method="right_shift", runtime=time.perf_counter() - began,
                  log=[f"right_shift: {len(plan)} planned tasks kept in their order and modes"])


RIGHT_SHIFT = Method("right_shift", run_right_shift, "right-shift repair of a plan (rescheduling): each task keeps "
                     "its order and mode and starts as early as the changes allow", right_shift_supports)
