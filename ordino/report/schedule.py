"""The page data of a solved schedule: one row per resource (cumulative resources in lanes, so that tasks
running together never cover each other), a bar per task with its setup and pauses, down times, and the usage
profile of each renewable resource. Every name is the one the problem uses."""

from __future__ import annotations

from typing import Any

from ordino.models import Problem, Schedule
from ordino.models.clock import wall_label
from ordino.models.downtime import pauses
from ordino.plot import objective_text

NO_RESOURCE = "no resource"
"""The row of tasks that use no resource (dummy tasks of length zero are left out)."""


def schedule_section(problem: Problem, schedule: Schedule, title: str = "", status: str = "") -> dict[str, Any]:
    """The section of a report that draws `schedule`: rows, bars, down times and resource profiles."""
    end = schedule.makespan
    bars, rows = _bars(problem, schedule)
    down = [{"row": rid, "start": a, "end": min(b, end)}
            for rid in rows if rid in problem.resource_index
            for a, b in problem.down_times(rid, end) if a < end]
    objective = objective_text(problem, schedule)
    return {
        "kind": "schedule",
        "title": title or problem.name or "schedule",
        "subtitle": ", ".join(x for x in (objective, status) if x),
        "unit": problem.time_unit,
        "end": end,
        "rows": [{"id": rid, "lanes": lanes, "capacity": _capacity(problem, rid)} for rid, lanes in rows.items()],
        "bars": bars,
        "down": down,
        "profiles": _profiles(problem, schedule),
    }


def _capacity(problem: Problem, rid: str) -> int | None:
    return problem.resource(rid).capacity if rid in problem.resource_index else None


def _when(problem: Problem, t: int) -> str:
    """A time as the user reads it: the wall clock when the problem has a start, else the number and unit."""
    if problem.start is not None:
        return wall_label(t, problem.start, problem.time_unit)
    return f"{t}"


def _bars(problem: Problem, schedule: Schedule) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The bars (one per task and resource it holds) and the number of lanes of each row."""
    per_row: dict[str, list[tuple[int, int, str, int]]] = {
        r.id: [] for r in problem.resources if r.kind != "consumable"}
    for e in schedule.tasks:
        index = problem.task_index[e.task]
        mode = problem.tasks[index].modes[e.mode]
        held = [rid for k, rid in enumerate(mode.resources)
                if mode.demand(k) and rid in per_row]
        if not held and e.end == e.start:
            continue  # a dummy task (project start or end): nothing to draw
        for rid in held or [NO_RESOURCE]:
            per_row.setdefault(rid, []).append((e.start, e.end, e.task, index))
    bars: list[dict[str, Any]] = []
    lanes: dict[str, int] = {}
    entries = schedule.by_task()
    for rid, items in per_row.items():
        if not items:
            continue
        items.sort()
        lane_ends: list[int] = []
        setups = problem.resource(rid).setup_table if rid in problem.resource_index else {}
        previous: str | None = None
        for start, end, task_id, index in items:
            lane = next((k for k, free in enumerate(lane_ends) if free <= start), len(lane_ends))
            lane_ends[lane:lane + 1] = [end]
            task = problem.tasks[index]
            setup = setups.get((problem.task(previous).setup_family, task.setup_family), 0) if previous else 0
            previous = task_id
            entry = entries[task_id]
            bars.append({
                "row": rid, "lane": lane, "task": task_id, "job": task.job or task_id, "mode": entry.mode,
                "modes": len(task.modes), "start": start, "end": end, "setup": setup,
                "pieces": _pieces(start, end, pauses(problem, index, entry.mode)),
                "from": _when(problem, start), "to": _when(problem, end),
            })
        lanes[rid] = max(1, len(lane_ends))
    return bars, lanes


def _pieces(start: int, end: int, breaks: list[tuple[int, int]]) -> list[list[int]]:
    """The stretches a task works between `start` and `end`, split by the down times it pauses over."""
    out, now = [], start
    for a, b in breaks:
        if b <= now or a >= end:
            continue
        if a > now:
            out.append([now, a])
        now = max(now, b)
    if now < end or not out:
        out.append([now, end] if now < end else [start, end])
    return out


def _profiles(problem: Problem, schedule: Schedule) -> list[dict[str, Any]]:
    """For each renewable resource that some task uses: its capacity and usage as steps [time, amount]."""
    out = []
    for res in problem.resources:
        if res.kind != "renewable":
            continue
        changes: dict[int, int] = {}
        for e in schedule.tasks:
            mode = problem.task(e.task).modes[e.mode]
            amount = sum(mode.demand(k) for k, rid in enumerate(mode.resources) if rid == res.id)
            if amount and e.end > e.start:
                changes[e.start] = changes.get(e.start, 0) + amount
                changes[e.end] = changes.get(e.end, 0) - amount
        if not changes:
            continue
        level, steps = 0, []
        for t in sorted(changes):
            level += changes[t]
            steps.append([t, level])
        out.append({"resource": res.id, "capacity": res.capacity, "steps": steps})
    return out
