"""The repair problem: the problem after the events, with what has started pinned and the plan as a baseline."""

from __future__ import annotations

from typing import Any

from ordino.models import Problem, ScheduledTask, problem_from_dict
from ordino.models.constraints import PRECEDENCE_TYPES


def started_tasks(after: Problem, plan: dict[str, ScheduledTask], now: int) -> tuple[set[str], set[str]]:
    """(pinned, redone): the tasks that started before `now` and stay as they ran, and those that started but
    must be redone in full: a down time of one of their resources cuts into their run (a breakdown), or a
    task they follow is redone."""
    started = {t.id for t in after.tasks if t.id in plan and plan[t.id].start < now}
    redone = set()
    for tid in started:
        task, entry = after.task(tid), plan[tid]
        end = entry.start + task.modes[entry.mode].duration
        if any(a < end and entry.start < b for rid in task.modes[entry.mode].resources
               for a, b in after.resource(rid).unavailable):
            redone.add(tid)
    grew = True
    while grew:  # a task cannot stay where it ran after something it follows is redone
        follows = {c.then for c in after.constraints if isinstance(c, PRECEDENCE_TYPES) and c.first in redone}
        grew = bool((follows & started) - redone)
        redone |= follows & started
    return started - redone, redone


def repair_problem(after: Problem, plan: dict[str, ScheduledTask], now: int, pinned: set[str],
                   stability: int) -> tuple[Problem, int]:
    """`after` with each pinned task fixed at its planned start in its planned mode (its only mode in the
    repair problem) and nothing else starting before `now`; when `stability` > 0, with a `deviation` term of that
    weight over the plan of the n tasks that may move, and the problem's own terms weighted n times, so that the
    repair minimises n × (objective + stability × deviation / n). Returns the problem and its scale (n, or 1)."""
    data: dict[str, Any] = after.model_dump(by_alias=True, exclude_none=True)
    for task in data["tasks"]:
        tid = task["id"]
        if tid in pinned:
            entry = plan[tid]
            task["modes"] = [task["modes"][entry.mode]]
            data.setdefault("constraints", []).append(
                {"type": "time_window", "task": tid, "start_min": entry.start, "start_max": entry.start})
        else:
            task["release"] = max(task.get("release", 0), now)
    baseline = [plan[t.id].model_dump() for t in after.tasks if t.id in plan and t.id not in pinned]
    scale = len(baseline) if stability > 0 and baseline else 1
    if scale > 1 or (stability > 0 and baseline):
        data["objective"] = [*({**term, "weight": term.get("weight", 1) * scale} for term in data["objective"]),
                             {"term": "deviation", "weight": stability, "baseline": baseline}]
    return problem_from_dict(data, "the repair problem"), scale


def in_plan_modes(schedule: list[ScheduledTask], plan: dict[str, ScheduledTask],
                  pinned: set[str]) -> list[ScheduledTask]:
    """Entries of a repair problem's schedule with the mode numbers of the problem after the events (a pinned
    task has only its planned mode in the repair problem)."""
    return [e.model_copy(update={"mode": plan[e.task].mode}) if e.task in pinned else e for e in schedule]
