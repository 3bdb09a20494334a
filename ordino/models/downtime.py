"""Down times as the back ends see them: merged intervals, and where a resumable task ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ordino.models.problem import Problem


def merged(intervals: list[tuple[int, int]] | list[list[int]]) -> list[tuple[int, int]]:
    """Half-open intervals sorted, overlapping or touching ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted((int(a), int(b)) for a, b in intervals):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def pauses(problem: Problem, task_index: int, mode: int) -> list[tuple[int, int]]:
    """The down times a task pauses over in a mode: none unless it is resumable and takes time; else those of
    every resource the mode needs some of (consumables have none), merged."""
    task = problem.tasks[task_index]
    m = task.modes[mode]
    if not task.resumable or not m.duration:
        return []
    return merged([(a, b) for k, rid in enumerate(m.resources) if m.demand(k)
                   for a, b in problem.down_times(rid) if problem.resource(rid).kind != "consumable"])


def resumed_end(start: int, duration: int, breaks: list[tuple[int, int]]) -> int:
    """When `duration` units of work that start at `start` are done, pausing over `breaks` (from `merged`)."""
    now, left = start, duration
    for a, b in breaks:
        if b <= now:
            continue
        if now + left <= a:
            break
        left -= a - now
        now = b
    return now + left
