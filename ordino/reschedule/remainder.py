"""The part of a repair still to be scheduled, as a plain shop: where the shop heuristics (`gt`, `tabu`, `neh`,
`ig`, `portfolio`) apply to a repair.

The started part occupies each machine until it ends, and a breakdown that has begun by then only extends
that; a job's next operation waits for its started one. So when every resource is a machine, every task that
may move has one mode, precedences are plain end-before-start ones and no breakdown starts after the machines
are free again, the rest is a shop whose operations are released at `now`, at their machine's first free time
and after their started predecessor: the shop methods solve it, and the pinned tasks are put back around it.
"""

from __future__ import annotations

from typing import Any

from ordino.models import EndBeforeStart, Problem, ScheduledTask, TimeWindow, problem_from_dict


def remainder_problem(repair: Problem, pinned: set[str], now: int) -> Problem | str:
    """The shop of the tasks that may move, each released when its machine, its started predecessor and
    `now` allow; or why the repair is not such a shop."""
    if any(r.kind != "machine" for r in repair.resources):
        return "every resource must be a machine"
    if any(not isinstance(c, EndBeforeStart) or c.max_lag is not None for c in repair.constraints
           if c.type != "time_window"):
        return "the precedences must be plain end-before-start ones"
    loose = [t for t in repair.tasks if t.id not in pinned]
    if any(len(t.modes) != 1 for t in loose):
        return "a task that may move has several modes"
    if any(c.type == "time_window" and c.task not in pinned for c in repair.constraints):
        return "a task that may move has a time window"
    fixed = {t.id: t for t in repair.tasks if t.id in pinned}
    starts = pinned_starts(repair, pinned)
    ends = {tid: starts[tid] + task.modes[0].duration for tid, task in fixed.items()}
    free = {r.id: max([now, *(ends[tid] for tid, t in fixed.items() if r.id in t.modes[0].resources)])
            for r in repair.resources}
    if any(r.calendar for r in repair.resources):
        return "a resource follows a working calendar"
    for r in repair.resources:
        for a, b in repair.down_times(r.id):
            if b > free[r.id] and a > free[r.id]:
                return f"{r.id} breaks down at {a}, after it is free again at {free[r.id]}"
            free[r.id] = max(free[r.id], b) if a <= free[r.id] else free[r.id]
    after_started = {c.then: ends[c.first] + c.min_lag for c in repair.constraints
                     if isinstance(c, EndBeforeStart) and c.first in pinned}
    data: dict[str, Any] = repair.model_dump(by_alias=True, exclude_none=True)
    data["resources"] = [{**r, "unavailable": []} for r in data["resources"]]
    data["tasks"] = [{**t, "release": max(t.get("release", 0), after_started.get(t["id"], 0),
                                           *(free[m] for m in t["modes"][0]["resources"]))}
                     for t in data["tasks"] if t["id"] not in pinned]
    data["constraints"] = [c for c in data.get("constraints", []) if c["type"] != "time_window"
                           and c["first"] not in pinned]
    data["objective"] = [t for t in data["objective"] if t["term"] != "deviation"] or [{"term": "makespan"}]
    data["objective"] = [{**t, "weight": 1} if len(data["objective"]) == 1 else t for t in data["objective"]]
    return problem_from_dict(data, "the part of the repair still to schedule")


def pinned_starts(repair: Problem, pinned: set[str]) -> dict[str, int]:
    """Where each pinned task runs: the start its one-point time window gives."""
    return {c.task: c.start_min for c in repair.constraints if isinstance(c, TimeWindow) and c.task in pinned
            and c.start_min is not None and c.start_min == c.start_max}


def with_pinned(entries: list[ScheduledTask], repair: Problem, pinned: set[str]) -> list[ScheduledTask]:
    """The remainder's schedule with the pinned tasks put back where they ran (mode 0 of the repair problem)."""
    starts = pinned_starts(repair, pinned)
    back = [ScheduledTask(task=t.id, mode=0, start=starts[t.id], end=starts[t.id] + t.modes[0].duration)
            for t in repair.tasks if t.id in pinned]
    return [*back, *entries]
