"""The page data of a solved schedule: one row per resource (cumulative resources in lanes, so that tasks
running together never cover each other), a bar per task with its setup and pauses, down times, and the usage
profile of each renewable resource. Every name is the one the problem uses."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ordino.models import Problem, Schedule
from ordino.models.clock import unit_seconds, wall_label
from ordino.models.downtime import pauses
from ordino.plot import gantt_rows, objective_text


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
        "clock": _clock(problem),
        "end": end,
        "rows": [{"id": rid, "lanes": lanes, "capacity": _capacity(problem, rid)} for rid, lanes in rows.items()],
        "bars": bars,
        "down": down,
        "profiles": _profiles(problem, schedule),
    }


def _capacity(problem: Problem, rid: str) -> int | None:
    return problem.resource(rid).capacity if rid in problem.resource_index else None


def _clock(problem: Problem) -> dict[str, float] | None:
    """What the page needs to label the time axis with wall-clock times: time 0 and one unit, in ms."""
    if problem.wall_start is None:
        return None
    start = problem.wall_start.replace(tzinfo=None) - datetime(1970, 1, 1)
    return {"start_ms": start.total_seconds() * 1000, "unit_ms": unit_seconds(problem.time_unit) * 1000}


def _when(problem: Problem, t: int) -> str:
    """A time as the user reads it: on the wall clock when the problem has one, else the number."""
    start = problem.wall_start
    return wall_label(t, start, problem.time_unit) if start is not None else f"{t}"


def _bars(problem: Problem, schedule: Schedule) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """The bars (one per task and resource it holds) and the number of lanes of each row."""
    entries = schedule.by_task()
    bars: list[dict[str, Any]] = []
    lanes: dict[str, int] = {}
    for rid, row in gantt_rows(problem, schedule).items():
        for bar in row:
            entry = entries[bar.task]
            index = problem.task_index[bar.task]
            bars.append({
                "row": rid, "lane": bar.lane, "task": bar.task, "job": bar.job, "mode": entry.mode,
                "modes": len(problem.tasks[index].modes), "start": bar.start, "end": bar.end, "setup": bar.setup,
                "pieces": _pieces(bar.start, bar.end, pauses(problem, index, entry.mode)),
                "from": _when(problem, bar.start), "to": _when(problem, bar.end),
            })
        lanes[rid] = 1 + max(bar.lane for bar in row)
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
