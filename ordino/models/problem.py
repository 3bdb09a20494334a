"""The Problem: resources, jobs, tasks, constraints and objective, checked for consistency."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, model_validator

from ordino.models.base import SCHEMA_VERSION, Id, NonNegInt, OntologyModel
from ordino.models.calendar import Calendar, off_times
from ordino.models.clock import UNIT_SECONDS, to_model_time, unit_seconds
from ordino.models.constraints import Constraint, Permutation, TimeWindow, constraint_tasks
from ordino.models.downtime import merged
from ordino.models.horizon import default_horizon
from ordino.models.objective import DUE_DATE_TERMS, ObjectiveTerm
from ordino.models.resources import Resource
from ordino.models.tasks import Job, JobView, Task

if TYPE_CHECKING:
    from ordino.models.builder import ProblemBuilder


class Problem(OntologyModel):
    """A scheduling problem, complete enough that a solver, a heuristic and a person agree on its meaning.

    Time is integer, in `time_unit`. `horizon`, when given, is a hard upper bound on every end time.
    `start`, when given, is the date and time that time 0 stands for: with a `time_unit` of s, min, h or day,
    times in the input may then be written as text (`"2026-12-07 10:30"`, a date, or a clock time `"10:30"` on
    the start's date; `ordino.models.clock`), and resources may follow the working `calendars`.
    """

    schema_: Literal["ordino/1"] = Field(SCHEMA_VERSION, alias="schema")
    name: str = ""
    time_unit: str = "min"
    start: datetime | None = None
    horizon: NonNegInt | None = None
    calendars: list[Calendar] = Field(default_factory=list)
    resources: list[Resource] = Field(default_factory=list)
    jobs: list[Job] = Field(default_factory=list)
    tasks: list[Task] = Field(min_length=1)
    constraints: list[Constraint] = Field(default_factory=list)
    objective: list[ObjectiveTerm] = Field(
        default_factory=lambda: [ObjectiveTerm(term="makespan")], min_length=1
    )

    @model_validator(mode="before")
    @classmethod
    def _read_clock_times(cls, data: Any) -> Any:
        """Times written as dates or clock times, turned into model time against `start`."""
        if isinstance(data, dict) and _has_text_times(data):
            if data.get("start") is None:
                raise ValueError("times are written as dates or clock times but the problem has no start; add "
                                 "\"start\": \"2026-12-07 08:00\" (the moment time 0 stands for)")
            start = datetime.fromisoformat(data["start"]) if isinstance(data["start"], str) else data["start"]
            unit = data.get("time_unit", "min")

            def convert(value: Any, where: str) -> Any:
                try:
                    return to_model_time(value, start, unit) if isinstance(value, str) else value
                except ValueError as e:
                    raise ValueError(f"{where}: {e}") from None

            return _convert_times(data, convert)
        return data

    @model_validator(mode="after")
    def _check_references(self) -> Problem:
        errors: list[str] = []
        _unique("calendar", [c.id for c in self.calendars], errors)
        errors += self._calendar_errors()
        _unique("resource", [r.id for r in self.resources], errors)
        _unique("job", [j.id for j in self.jobs], errors)
        _unique("task", [t.id for t in self.tasks], errors)
        resources = {r.id: r for r in self.resources}
        jobs = {j.id for j in self.jobs}
        tasks = {t.id: t for t in self.tasks}
        for t in self.tasks:
            if t.job is not None and t.job not in jobs:
                errors.append(f"task {t.id!r}: job {t.job!r} is not declared in jobs")
            if t.job is not None and t.due is not None:
                errors.append(f"task {t.id!r}: belongs to job {t.job!r}; put the due date on the job")
            for k, mode in enumerate(t.modes):
                for i, rid in enumerate(mode.resources):
                    res = resources.get(rid)
                    if res is None:
                        errors.append(f"task {t.id!r} mode {k}: resource {rid!r} is not declared")
                    elif res.kind != "consumable" and mode.demand(i) > res.capacity:
                        errors.append(
                            f"task {t.id!r} mode {k}: demand {mode.demand(i)} exceeds capacity "
                            f"{res.capacity} of {rid!r}"
                        )
        for c in self.constraints:
            for tid in constraint_tasks(c):
                if tid not in tasks:
                    errors.append(f"constraint {c.type}: task {tid!r} is not declared")
            if isinstance(c, TimeWindow) and c.task in tasks:
                task = tasks[c.task]
                if c.start_max is not None and c.start_max < task.release:
                    errors.append(
                        f"time_window on {c.task!r}: start_max {c.start_max} < release {task.release}"
                    )
            if isinstance(c, Permutation):
                errors += _permutation_errors(c, resources, jobs, self.tasks)
        for term in self.objective:
            errors += [f"objective term {term.key}: task {tid!r} is not declared" for tid in term.tasks
                       if tid not in tasks]
            errors += [f"objective term {term.key}: task {e.task!r} has no mode {e.mode}" for e in term.baseline or []
                       if e.task in tasks and e.mode >= len(tasks[e.task].modes)]
        dues = [t.due for t in self.tasks] + [j.due for j in self.jobs]
        if any(term.term in DUE_DATE_TERMS for term in self.objective) and not any(
            due is not None for due in dues
        ):
            errors.append("objective uses due dates but no job or task has a due date")
        if errors:
            raise ValueError("; ".join(errors))
        return self

    def _calendar_errors(self) -> list[str]:
        calendars = {c.id: c for c in self.calendars}
        used = [r for r in self.resources if r.calendar is not None]
        errors = [f"resource {r.id!r}: calendar {r.calendar!r} is not declared in calendars"
                  for r in used if r.calendar not in calendars]
        if not used:
            return errors
        if self.start is None:
            return errors + [f"resource {used[0].id!r} follows calendar {used[0].calendar!r} but the problem has "
                             f"no start; add \"start\": \"2026-12-07 08:00\" (the moment time 0 stands for)"]
        try:
            unit_seconds(self.time_unit)
        except ValueError as e:
            return errors + [str(e)]
        misaligned = [c.alignment_error(self.start, self.time_unit) for c in self.calendars]
        return errors + [m for m in misaligned if m]

    # --- derived views -------------------------------------------------------------------------
    # Computed once per problem (it is immutable); `model_copy` drops them, since its `update` may change what
    # they were derived from.

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Problem:
        copied = super().model_copy(update=update, deep=deep)
        if update:
            for name in [k for k in copied.__dict__ if k not in type(self).model_fields]:
                del copied.__dict__[name]
        return copied

    @cached_property
    def memo(self) -> dict[tuple[Callable[..., Any], bool], Any]:
        """What functions found about this problem's structure, by function and argument
        (`ordino.models.classify.memoised`)."""
        return {}

    @cached_property
    def task_index(self) -> dict[str, int]:
        """Position of each task id in `tasks`."""
        return {t.id: i for i, t in enumerate(self.tasks)}

    @cached_property
    def resource_index(self) -> dict[str, int]:
        """Position of each resource id in `resources`."""
        return {r.id: i for i, r in enumerate(self.resources)}

    def task(self, task_id: str) -> Task:
        """The task with this id."""
        return self.tasks[self.task_index[task_id]]

    def resource(self, resource_id: str) -> Resource:
        """The resource with this id."""
        return self.resources[self.resource_index[resource_id]]

    @cached_property
    def job_views(self) -> list[JobView]:
        """Jobs as objectives see them: declared jobs with their tasks, plus each job-less task alone."""
        members: dict[str, list[str]] = {j.id: [] for j in self.jobs}
        views = []
        for t in self.tasks:
            if t.job is not None:
                members[t.job].append(t.id)
        for j in self.jobs:
            views.append(JobView(id=j.id, tasks=members[j.id], release=j.release, due=j.due, weight=j.weight,
                                 earliness_weight=j.earliness_weight))
        for t in self.tasks:
            if t.job is None:
                views.append(JobView(id=t.id, tasks=[t.id], release=t.release, due=t.due, weight=t.weight,
                                     earliness_weight=t.earliness_weight))
        return [v for v in views if v.tasks]

    @cached_property
    def job_by_id(self) -> dict[str, Job]:
        """Each declared job by its id."""
        return {j.id: j for j in self.jobs}

    def earliest_start(self, task: Task) -> int:
        """Release of the task combined with its job's release."""
        return max(task.release, self.job_by_id[task.job].release if task.job is not None else 0)

    def permutation_tasks(self, c: Permutation) -> dict[str, dict[str, str]]:
        """The tasks a `permutation` constraint orders: per listed job, machine id -> its task on that
        listed machine (only the machines the job visits)."""
        jobs = c.jobs if c.jobs is not None else [j.id for j in self.jobs]
        machines = c.resources if c.resources is not None else \
            [r.id for r in self.resources if r.kind == "machine"]
        out: dict[str, dict[str, str]] = {j: {} for j in jobs}
        for t in self.tasks:
            if t.job in out:
                out[t.job].update((m, t.id) for m in machines if m in t.modes[0].resources)
        return out

    def calendar(self, resource_id: str) -> Calendar | None:
        """The working calendar the resource follows, if any."""
        name = self.resource(resource_id).calendar
        return next(c for c in self.calendars if c.id == name) if name is not None else None

    def down_times(self, resource_id: str, until: int | None = None) -> list[tuple[int, int]]:
        """Every interval `[start, end)` the resource is down, merged: its `unavailable` intervals and the off
        time of its calendar, the latter up to `until` (by default the effective horizon, beyond which no task
        of a schedule a back end returns runs; the verifier passes the end of the schedule it checks)."""
        until = self.effective_horizon if until is None else max(until, self.effective_horizon)
        key = (resource_id, until)
        if key not in self.down_time_memo:
            resource = self.resource(resource_id)
            calendar = self.calendar(resource_id)
            off = off_times(calendar, self.start, self.time_unit, until) if calendar and self.start else []
            self.down_time_memo[key] = merged([*resource.unavailable, *off])
        return self.down_time_memo[key]

    @cached_property
    def down_time_memo(self) -> dict[tuple[str, int], list[tuple[int, int]]]:
        """Down times found by `down_times`, by resource and end."""
        return {}

    @property
    def wall_start(self) -> datetime | None:
        """The date and time that time 0 stands for when times can be read on the wall clock (a `start` and a
        clock unit: s, min, h or day); None otherwise."""
        return self.start if self.start is not None and self.time_unit.strip().lower() in UNIT_SECONDS else None

    @cached_property
    def effective_horizon(self) -> int:
        """The given `horizon`, else the default one that provably contains an optimal schedule
        (`ordino.models.horizon.default_horizon`); every back end and heuristic uses this one."""
        return default_horizon(self)

    def latest_end(self, task: Task) -> int | None:
        """Tightest of the task deadline, its job deadline and the horizon (None when unbounded)."""
        job_deadline = self.job_by_id[task.job].deadline if task.job is not None else None
        bounds = [b for b in (task.deadline, self.horizon, job_deadline) if b is not None]
        return min(bounds) if bounds else None

    # --- JSON ----------------------------------------------------------------------------------

    def to_json(self, indent: int | None = 2) -> str:
        """Versioned JSON (omits fields left at their defaults, keeps the schema tag)."""
        data = self.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        for dumped, constraint in zip(data.get("constraints", []), self.constraints, strict=True):
            dumped["type"] = constraint.type  # the tag is a default, but readers need it
        if "objective" not in data:
            data["objective"] = [t.model_dump() for t in self.objective]
        return json.dumps({"schema": SCHEMA_VERSION, **data}, indent=indent)

    @classmethod
    def builder(cls, name: str = "", time_unit: str = "min", start: str | datetime | None = None) -> ProblemBuilder:
        """A fluent builder: `Problem.builder().machine("M1").task("a", 3, on="M1").build()`.

        The builder module imports this one (its `build` returns a Problem), so it is imported here, when a
        builder is asked for, and not at the top: the dependency points from the builder to the problem."""
        from ordino.models.builder import ProblemBuilder

        return ProblemBuilder(name=name, time_unit=time_unit, start=start)


def _permutation_errors(c: Permutation, resources: dict[str, Resource], jobs: set[str],
                        tasks: list[Task]) -> list[str]:
    """What makes a `permutation` constraint ill-defined: unknown jobs or machines, a job with several tasks
    on a listed machine, a task that uses a listed machine in some of its modes only."""
    errors = [f"permutation: job {j!r} is not declared in jobs" for j in c.jobs or [] if j not in jobs]
    for rid in c.resources or []:
        if rid not in resources:
            errors.append(f"permutation: resource {rid!r} is not declared")
        elif resources[rid].kind != "machine":
            errors.append(f"permutation: resource {rid!r} is {resources[rid].kind}, not a machine")
    listed = set(c.jobs) if c.jobs is not None else jobs
    machines = set(c.resources) if c.resources is not None else \
        {rid for rid, r in resources.items() if r.kind == "machine"}
    seen: dict[tuple[str, str], str] = {}
    for t in tasks:
        if t.job is None or t.job not in listed:
            continue
        for m in sorted({rid for mode in t.modes for rid in mode.resources if rid in machines}):
            if not all(m in mode.resources for mode in t.modes):
                errors.append(f"permutation: task {t.id!r} of job {t.job!r} uses machine {m!r} in some of its "
                              f"modes only; a permutation cannot order a choice between its machines")
            if (t.job, m) in seen:
                errors.append(f"permutation: job {t.job!r} has several tasks on machine {m!r} "
                              f"({seen[t.job, m]!r}, {t.id!r}); list only machines each job visits once")
            else:
                seen[t.job, m] = t.id
    return errors


_TIME_FIELDS = {"tasks": ("release", "deadline", "due"), "jobs": ("release", "deadline", "due"),
                "constraints": ("start_min", "start_max", "end_min", "end_max")}


def _convert_times(data: dict[str, Any], convert: Callable[[Any, str], Any]) -> dict[str, Any]:
    """A copy of problem data with `convert(value, where)` applied to every time field and down interval."""
    out = dict(data)
    if "horizon" in out:
        out["horizon"] = convert(out["horizon"], "horizon")
    for part, names in _TIME_FIELDS.items():
        if isinstance(out.get(part), list):
            out[part] = [{**x, **{n: convert(x[n], f"{part}[{i}].{n}") for n in names if n in x}}
                         if isinstance(x, dict) else x for i, x in enumerate(out[part])]
    if isinstance(out.get("resources"), list):
        out["resources"] = [
            {**r, "unavailable": [[convert(v, f"resources[{i}].unavailable[{k}]") for v in pair]
                                  if isinstance(pair, (list, tuple)) else pair
                                  for k, pair in enumerate(r["unavailable"])]}
            if isinstance(r, dict) and isinstance(r.get("unavailable"), list) else r
            for i, r in enumerate(out["resources"])]
    return out


def _has_text_times(data: dict[str, Any]) -> bool:
    found: list[bool] = []

    def note(value: Any, _: str) -> Any:
        found.append(isinstance(value, str))
        return value

    _convert_times(data, note)
    return any(found)


def _unique(what: str, ids: list[Id], errors: list[str]) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            errors.append(f"{what} id {i!r} is used twice")
        seen.add(i)

