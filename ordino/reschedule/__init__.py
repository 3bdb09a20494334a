"""Rescheduling: repair a plan after events (a breakdown, a rush job, a cancelled order, a longer task).

`reschedule(problem, schedule, now, events)` applies the events (`ordino.models.events`), keeps every task that
started before `now` as it ran, starts nothing new before `now`, and solves the rest for the problem's own
objective plus `stability` times the mean `deviation` from the plan over the n tasks that may move (per task that
moved or changed mode: 1 plus how far it moved; so at stability 1, moving every task by one time unit costs about
as much as one unit of the objective). A task that a breakdown interrupts, or that follows a task being redone, is
redone in full after the breakdown. The result is verified twice: against the repair problem (by `solve`) and,
independently, against the problem after the events with the pinned part and `now` checked entry by entry.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ordino.errors import InputError, ModelError
from ordino.heuristics.right_shift import right_shift_supports
from ordino.models import Events, Problem, Result, Schedule, ScheduledTask, Violation
from ordino.models.base import OntologyModel
from ordino.reschedule.events import apply_events
from ordino.reschedule.remainder import remainder_problem, with_pinned
from ordino.reschedule.repair import in_plan_modes, repair_problem, started_tasks
from ordino.solve import checked, get_method, solve
from ordino.verify import verify_schedule

Change = Literal["kept", "moved", "resource", "started", "redone", "new", "cancelled"]


class TaskChange(OntologyModel):
    """One task's plan and repair: `change` is kept (same start and mode), moved (another start), resource
    (another mode, so other resources), started (ran before now, left as it is), redone (interrupted, run
    again), new (a new job's) or cancelled."""

    task: str
    change: Change
    old_start: int | None = None
    old_end: int | None = None
    old_resources: list[str] = Field(default_factory=list)
    new_start: int | None = None
    new_end: int | None = None
    new_resources: list[str] = Field(default_factory=list)


class Repair(OntologyModel):
    """A repaired plan: the verified result, the total it minimises and its two parts, how much moved, and the
    change of every task. `result.objective` is in the repair problem's scale: `scale` × total."""

    result: Result
    now: int
    total: float | None = None
    """objective + stability: what the repair minimises."""
    objective: int | None = None
    """The problem's own objective (after the events) on the repaired schedule."""
    stability: float | None = None
    """The `stability` weight times the deviation, divided by `scale`."""
    deviation: int = 0
    """Over the planned tasks that could move: 1 per task that moved or changed mode, plus how far it moved."""
    scale: int = 1
    """The number of planned tasks that could move (1 when the stability weight is 0)."""
    moved: int = 0
    shifted: int = 0
    """Total |new start - planned start| over the tasks the plan has."""
    resource_changes: int = 0
    changes: list[TaskChange] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    problem: Problem = Field(exclude=True)
    """The problem after the events (not in the JSON output)."""


def _plan(problem: Problem, schedule: Schedule) -> dict[str, ScheduledTask]:
    broken = verify_schedule(problem, schedule).violations
    if broken:
        raise InputError(f"the schedule does not match the problem: {broken[0].message}; give a schedule solved "
                         "for this problem (`ordino solve PROBLEM --json`)")
    return schedule.by_task()


def reschedule(problem: Problem, schedule: Schedule, now: int, events: Events | None = None,
               method: str = "auto", time_limit: float = 10.0, stability: int = 1, seed: int = 0) -> Repair:
    """Repair `schedule` of `problem` at time `now` after `events`. `method` 'auto' runs right-shift repair,
    then CP-SAT warm-started with it for `time_limit` seconds, and keeps the better; any other scheduling
    method solves the repair problem alone. Raises InputError for a schedule that does not match the
    problem, a `now` past the horizon and events that name unknown tasks, jobs or resources."""
    if not 0 <= now <= problem.effective_horizon:
        raise InputError(f"now ({now}) must lie within the problem's horizon, 0 to {problem.effective_horizon} "
                         "(past it every task of the plan has ended)")
    if stability < 0:
        raise InputError(f"stability ({stability}) must be 0 or more: the weight of keeping the plan")
    plan = _plan(problem, schedule)
    after, notes = apply_events(problem, events or Events(), plan, now)
    pinned, redone = started_tasks(after, plan, now)
    repair, scale = repair_problem(after, plan, now, pinned, stability)
    result = _solve(repair, method, time_limit, seed, pinned, now)
    if result.schedule is None:
        return Repair(result=result, now=now, notes=notes, problem=after, scale=scale)
    repaired = Schedule(tasks=in_plan_modes(result.schedule.tasks, plan, pinned))
    final = result.model_copy(update={"schedule": repaired})
    checked = verify_schedule(after, repaired)  # the events, apart from the repair problem
    broken = [*checked.violations, *_unkept(plan, now, pinned, repaired)]
    if broken:  # never expected: the repair problem encodes all of this; a safety net, not a path
        final = final.model_copy(update={"status": "error", "violations": [*final.violations, *broken],
                                         "log": [*final.log, f"the repair check found {len(broken)} violation(s)"]})
    own = checked.objective
    changes = _changes(problem, after, plan, pinned, redone, repaired.by_task())
    moved = [c for c in changes if c.change in ("moved", "resource", "redone")]
    shifted = sum(abs((c.new_start or 0) - (c.old_start or 0)) for c in moved)
    part = stability * (len(moved) + shifted) / scale if stability else 0.0
    return Repair(result=final, now=now, objective=int(own) if own is not None else None, stability=part,
                  total=own + part if own is not None else None, deviation=len(moved) + shifted, scale=scale,
                  changes=changes, notes=notes, problem=after, moved=len(moved), shifted=shifted,
                  resource_changes=sum(c.old_resources != c.new_resources for c in moved))


def _solve(repair: Problem, method: str, time_limit: float, seed: int, pinned: set[str], now: int) -> Result:
    if method == "auto":
        return _auto(repair, time_limit, seed)
    chosen = get_method(method)
    if chosen.supports(repair) is None:
        found = solve(repair, method=method, time_limit=time_limit, seed=seed)
        assert isinstance(found, Result)
        return found
    rest = remainder_problem(repair, pinned, now)
    if isinstance(rest, str):
        raise ModelError(f"method {method!r} cannot repair this plan: {chosen.supports(repair)}; nor is the part "
                         f"still to schedule a plain shop ({rest}); use 'auto' or 'cpsat'")
    found = solve(rest, method=method, time_limit=time_limit, seed=seed)
    assert isinstance(found, Result)
    if found.schedule is None:
        return found
    merged = Schedule(tasks=with_pinned(found.schedule.tasks, repair, pinned))
    note = f"{method}: scheduled the {len(rest.tasks)} tasks still to run as a plain shop (machines free from the " \
           "end of what started and of breakdowns already begun); it does not weigh the stability"
    return checked(repair, Result(status="feasible", schedule=merged, method=method, runtime=found.runtime,
                                  log=[note, *found.log]))


def _auto(repair: Problem, time_limit: float, seed: int) -> Result:
    """Right-shift where it applies, then CP-SAT warm-started with its schedule; the better of the two."""
    reason = right_shift_supports(repair)
    quick = solve(repair, method="right_shift", time_limit=time_limit, seed=seed) if reason is None else None
    assert quick is None or isinstance(quick, Result)
    best = solve(repair, method="cpsat", time_limit=time_limit, seed=seed,
                 warm_start=quick.schedule if quick else None)
    assert isinstance(best, Result)
    if quick is None:
        return best.model_copy(update={"log": [f"right_shift: not run ({reason})", *best.log]})
    if best.schedule is None or (quick.objective is not None and best.objective is not None
                                 and quick.objective < best.objective):
        return quick.model_copy(update={"log": [*quick.log, *best.log]})
    return best.model_copy(update={"log": [*quick.log, *best.log]})


def _unkept(plan: dict[str, ScheduledTask], now: int, pinned: set[str], schedule: Schedule) -> list[Violation]:
    """What the repair breaks of the pinned part or `now`, checked entry by entry."""
    broken: list[Violation] = []
    for e in schedule.tasks:
        if e.task in pinned and (e.start, e.mode) != (plan[e.task].start, plan[e.task].mode):
            broken.append(Violation(kind="pinned", message=f"task {e.task!r} started at {plan[e.task].start} "
                                    f"before now and was moved to {e.start}", tasks=[e.task]))
        elif e.task not in pinned and e.start < now:
            broken.append(Violation(kind="now", message=f"task {e.task!r} starts at {e.start}, before now ({now})",
                                    tasks=[e.task]))
    return broken


def _changes(before: Problem, after: Problem, plan: dict[str, ScheduledTask], pinned: set[str], redone: set[str],
             new: dict[str, ScheduledTask]) -> list[TaskChange]:
    """The change of every task of the plan and of the problem after the events, in the problem's order."""
    ids = [t.id for t in before.tasks] + [t.id for t in after.tasks if t.id not in plan]
    out = []
    for tid in ids:
        old, now_ = plan.get(tid), new.get(tid)
        change: Change
        if old is None and now_ is None:
            continue  # an optional task left out of both
        if now_ is None:
            change = "cancelled"
        elif old is None:
            change = "new"
        elif tid in pinned:
            change = "started"
        elif tid in redone:
            change = "redone"
        elif (old.start, old.mode) == (now_.start, now_.mode):
            change = "kept"
        else:
            change = "resource" if old.mode != now_.mode else "moved"
        out.append(TaskChange(
            task=tid, change=change,
            old_start=old.start if old else None, old_end=old.end if old else None,
            old_resources=before.task(tid).modes[old.mode].resources if old else [],
            new_start=now_.start if now_ else None, new_end=now_.end if now_ else None,
            new_resources=after.task(tid).modes[now_.mode].resources if now_ else []))
    return out


__all__ = ["Repair", "TaskChange", "reschedule"]
