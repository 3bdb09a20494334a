"""Explaining a schedule: the cost of each objective term, the critical chain that ends at the makespan, the
bottleneck resource and the late jobs.

The chain is walked back from a task that ends last. For each task it names the first reason found, in this
order, why the task could not start one time unit earlier with every other task where it is: a precedence
(also blocking and no-wait) to a task ending (or starting) exactly then, the previous task on one of its machines
ending then (plus the setup), a renewable resource too full one unit earlier, its release, its time window, a
resource down until then, time 0; failing those, the verifier is asked about the schedule with the task moved one
unit earlier: a rule it then breaks, or else slack (the task could start earlier).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ordino.explain.report import ChainStep, Explanation, Reason, ResourceLoad, TardyJob, TermCost
from ordino.models.constraints import PRECEDENCE_TYPES, Blocking, NoWait, TimeWindow
from ordino.models.objective import TERM_DEFINITIONS
from ordino.models.problem import Problem
from ordino.models.resources import Resource
from ordino.models.results import Verification, Violation
from ordino.models.schedule import Schedule, ScheduledTask
from ordino.verify import verify_schedule

Uses = dict[str, list[tuple[ScheduledTask, int]]]
"""Per resource id: the entries that use it and their demand."""


def explain_schedule(problem: Problem, schedule: Schedule) -> Explanation:
    """What binds `schedule`: term costs, the critical chain, resource loads and the bottleneck, late jobs; with
    the verifier's violations when it breaks a rule."""
    report = verify_schedule(problem, schedule)
    entries = valid_entries(problem, schedule)
    uses = resource_uses(problem, entries)
    makespan = max((e.end for e in entries.values()), default=0)
    loads = resource_loads(problem, uses, makespan)
    solved = Solved(problem, schedule, entries, uses, report.violations)
    return Explanation(
        family="scheduling", name=problem.name, objective=report.objective, feasible=report.feasible,
        violations=report.violations, terms=term_costs(problem, report), time_unit=problem.time_unit,
        makespan=makespan, makespan_is_term=any(t.term == "makespan" for t in problem.objective),
        critical_chain=critical_chain(solved), loads=loads,
        bottleneck=loads[0] if loads else None, due_jobs=sum(1 for v in problem.job_views if v.due is not None),
        tardy_jobs=tardy_jobs(problem, entries, uses))


def term_costs(problem: Problem, report: Verification) -> list[TermCost]:
    """Each objective term with the verifier's value and its weighted cost."""
    return [TermCost(key=t.key, term=t.term, meaning=TERM_DEFINITIONS[t.term], value=report.terms[t.key],
                     weight=t.weight, cost=t.weight * report.terms[t.key]) for t in problem.objective]


def valid_entries(problem: Problem, schedule: Schedule) -> dict[str, ScheduledTask]:
    """The entries the verifier reads: the first of each task the problem has, in a mode it has."""
    entries: dict[str, ScheduledTask] = {}
    for e in schedule.tasks:
        if e.task in problem.task_index and e.task not in entries and e.mode < len(problem.task(e.task).modes):
            entries[e.task] = e
    return entries


def resource_uses(problem: Problem, entries: dict[str, ScheduledTask]) -> Uses:
    """Per resource: the entries whose mode uses it, with their demand."""
    uses: Uses = defaultdict(list)
    for e in entries.values():
        mode = problem.task(e.task).modes[e.mode]
        for i, rid in enumerate(mode.resources):
            uses[rid].append((e, mode.demand(i)))
    return uses


# --- resources ----------------------------------------------------------------------------------------------

def resource_loads(problem: Problem, uses: Uses, makespan: int) -> list[ResourceLoad]:
    """The load of every machine and renewable resource up to the makespan, highest first (none when the
    makespan is 0)."""
    if makespan == 0:
        return []
    loads = []
    for r in problem.resources:
        if r.kind == "consumable" or r.capacity == 0:
            continue
        busy = sum(demand * (e.end - e.start) for e, demand in uses.get(r.id, []))
        available = r.capacity * makespan
        loads.append(ResourceLoad(resource=r.id, kind=r.kind, capacity=r.capacity, busy=busy, available=available,
                                  load=busy / available))
    return sorted(loads, key=lambda x: -x.load)


# --- late jobs ----------------------------------------------------------------------------------------------

def tardy_jobs(problem: Problem, entries: dict[str, ScheduledTask], uses: Uses) -> list[TardyJob]:
    """Every job that completes after its due date (completion = end of its last task, 0 when none runs, as the
    verifier counts it), the largest weighted lateness first."""
    late = []
    for view in problem.job_views:
        done = [entries[t] for t in view.tasks if t in entries]
        completion = max((e.end for e in done), default=0)
        if view.due is None or completion <= view.due:
            continue
        last = next((e for e in done if e.end == completion), None)
        machines = machines_of(problem, last) if last is not None else []
        late.append(TardyJob(job=view.id, due=view.due, completion=completion, lateness=completion - view.due,
                             weight=view.weight, last_task=last.task if last is not None else None,
                             machines=machines, before=ran_before(uses, machines, last) if last is not None else []))
    return sorted(late, key=lambda j: -j.weight * j.lateness)


def ran_before(uses: Uses, machines: list[str], entry: ScheduledTask) -> list[str]:
    """The tasks that end before `entry` starts on any of `machines`, in the order they start."""
    earlier = {e.task: e for m in machines for e, _ in uses.get(m, []) if e.task != entry.task and e.end <= entry.start}
    return [e.task for e in sorted(earlier.values(), key=lambda e: (e.start, e.end))]


def machines_of(problem: Problem, entry: ScheduledTask) -> list[str]:
    """The machines (resources of kind machine) of an entry's mode."""
    return [rid for rid in problem.task(entry.task).modes[entry.mode].resources
            if problem.resource(rid).kind == "machine"]


# --- the critical chain -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Solved:
    """A schedule as the chain reads it: the problem, the schedule, its valid entries by task, the entries using
    each resource, and the verifier's violations of the schedule as it is."""

    problem: Problem
    schedule: Schedule
    entries: dict[str, ScheduledTask]
    uses: Uses
    violations: list[Violation]

    def busy_resources(self, entry: ScheduledTask) -> list[tuple[Resource, int]]:
        """The machines and renewable resources `entry`'s mode uses with a demand above 0, and the demand."""
        mode = self.problem.task(entry.task).modes[entry.mode]
        return [(self.problem.resource(rid), mode.demand(i)) for i, rid in enumerate(mode.resources)
                if mode.demand(i) and self.problem.resource(rid).kind != "consumable"]


def critical_chain(solved: Solved) -> list[ChainStep]:
    """The chain of tasks that ends at the makespan, earliest first: from a task that ends last, each step back
    goes to the task its reason names, until a reason names none (each task is visited once)."""
    entries = solved.entries
    if not entries:
        return []
    makespan = max(e.end for e in entries.values())
    entry: ScheduledTask | None = next(e for e in entries.values() if e.end == makespan)
    seen: set[str] = set()
    steps: list[ChainStep] = []
    while entry is not None:
        seen.add(entry.task)
        reason = why_not_earlier(solved, entry, seen)
        steps.append(ChainStep(task=entry.task, mode=entry.mode, start=entry.start, end=entry.end, reason=reason,
                               resources=list(solved.problem.task(entry.task).modes[entry.mode].resources)))
        entry = entries[reason.after] if reason.after is not None else None
    return steps[::-1]


def why_not_earlier(solved: Solved, entry: ScheduledTask, seen: set[str]) -> Reason:
    """The first reason (in the order of the module's docstring) why `entry` could not start one unit earlier;
    a task named as `after` is never one of `seen`."""
    linked = (precedence_reason(solved, entry, seen) or machine_reason(solved, entry, seen)
              or resource_reason(solved, entry, seen))
    if linked is not None:
        return linked
    problem = solved.problem
    if entry.start == problem.earliest_start(problem.task(entry.task)) and entry.start > 0:
        return Reason(kind="release", at=entry.start)
    return (window_reason(problem, entry) or unavailable_reason(solved, entry)
            or (Reason(kind="start", at=0) if entry.start == 0 else verifier_reason(solved, entry)))


def precedence_reason(solved: Solved, entry: ScheduledTask, seen: set[str]) -> Reason | None:
    """A precedence, blocking or no-wait constraint to a performed task that holds `entry`'s start exactly."""
    entries = solved.entries
    duration = entry.end - entry.start
    for c in solved.problem.constraints:
        if isinstance(c, PRECEDENCE_TYPES) and c.then == entry.task:
            first_side, then_side = c.anchors()
            offset = c.min_lag - (duration if then_side == "end" else 0)
            links = [(c.first, first_side, offset, c.min_lag)]
        elif isinstance(c, Blocking) and c.then == entry.task:
            links = [(c.first, "end", 0, 0)]
        elif isinstance(c, NoWait) and entry.task in c.tasks:
            present = [t for t in c.tasks if t in entries]
            k = present.index(entry.task)
            links = [(present[k - 1], "end", 0, 0)] if k > 0 else []
        else:
            continue
        for first, side, offset, lag in links:
            if first in entries and first not in seen:
                since = entries[first].start if side == "start" else entries[first].end
                if since + offset == entry.start:
                    return Reason(kind="precedence", at=entry.start, after=first, since=since, lag=lag,
                                  detail=c.type)
    return None


def machine_reason(solved: Solved, entry: ScheduledTask, seen: set[str]) -> Reason | None:
    """A task before `entry` on one of its machines that ends (plus the setup between them) exactly when `entry`
    starts, so that one unit earlier the two would overlap or break the setup."""
    task = solved.problem.task(entry.task)
    if entry.end == entry.start:
        return None
    for resource, _ in solved.busy_resources(entry):
        if resource.kind != "machine":
            continue
        for other, demand in solved.uses[resource.id]:
            if other.task in seen or not demand:
                continue
            setup = resource.setup_table.get((solved.problem.task(other.task).setup_family, task.setup_family), 0)
            if other.start <= entry.start and other.end + setup == entry.start and (setup or other.end > other.start):
                return Reason(kind="machine", at=entry.start, after=other.task, resource=resource.id,
                              since=other.end, lag=setup)
    return None


def resource_reason(solved: Solved, entry: ScheduledTask, seen: set[str]) -> Reason | None:
    """A renewable resource of `entry` that the other tasks fill too much one unit before its start (their
    demand then plus its own exceeds the capacity), and a task using it that ends exactly at its start."""
    instant = entry.start - 1
    if instant < 0 or entry.end == entry.start:
        return None
    for resource, need in solved.busy_resources(entry):
        if resource.kind != "renewable":
            continue
        users = solved.uses[resource.id]
        in_use = sum(d for e, d in users if e.task != entry.task and e.start <= instant < e.end)
        freeing = [e for e, d in users if d and e.end == entry.start and e.start < e.end and e.task not in seen]
        if in_use + need > resource.capacity and freeing:
            return Reason(kind="resource", at=entry.start, after=freeing[0].task, resource=resource.id,
                          since=entry.start,
                          detail=f"{in_use} of {resource.capacity} in use until then, it needs {need}")
    return None


def window_reason(problem: Problem, entry: ScheduledTask) -> Reason | None:
    """A time window of `entry` whose earliest start (or earliest end) holds its start exactly."""
    for c in problem.constraints:
        if isinstance(c, TimeWindow) and c.task == entry.task:
            if c.start_min == entry.start:
                return Reason(kind="time_window", at=entry.start, detail="start_min")
            if c.end_min is not None and c.end_min == entry.end:
                return Reason(kind="time_window", at=entry.start, detail="end_min")
    return None


def unavailable_reason(solved: Solved, entry: ScheduledTask) -> Reason | None:
    """A resource of `entry` that is unavailable until its start, so that one unit earlier it would overlap the
    down time."""
    for resource, _ in solved.busy_resources(entry):
        for down_start, down_end in solved.problem.down_times(resource.id):
            if down_end == entry.start and down_start < entry.end - 1:
                return Reason(kind="unavailable", at=entry.start, resource=resource.id, since=down_start,
                              detail=f"[{down_start}, {down_end})")
    return None


def verifier_reason(solved: Solved, entry: ScheduledTask) -> Reason:
    """Ask the verifier about the schedule with `entry` one unit earlier: the first rule it then breaks that it
    did not break before, or slack when there is none. The moved task keeps its span (start to end); a complaint
    about its own duration is no reason (a task that pauses over down times may take another span)."""
    moved = entry.model_copy(update={"start": entry.start - 1, "end": entry.end - 1})
    shifted = Schedule(tasks=[moved if e is entry else e for e in solved.schedule.tasks])
    before = Counter(_signature(v) for v in solved.violations)
    before[("duration", (entry.task,), None)] += 1
    for v in verify_schedule(solved.problem, shifted).violations:
        if before[_signature(v)] > 0:
            before[_signature(v)] -= 1
        else:
            return Reason(kind="rule", at=entry.start, detail=f"{v.kind}: {v.message}")
    return Reason(kind="slack", at=None)


def _signature(v: Violation) -> tuple[str, tuple[str, ...], str | None]:
    """A violation without its message (which holds times): its kind, tasks and resource."""
    return v.kind, tuple(v.tasks), v.resource
