"""Apply events to a problem: the problem as it stands after them, checked like any problem."""

from __future__ import annotations

from typing import Any

from ordino.errors import InputError
from ordino.models import Events, Problem, ScheduledTask, problem_from_dict
from ordino.models.events import Breakdown, Cancel, DueChange, DurationChange, NewJob, ReleaseChange, Rush


class _Changed:
    """The problem as plain data while the events change it, with the facts the checks need."""

    def __init__(self, problem: Problem, plan: dict[str, ScheduledTask], now: int) -> None:
        self.data: dict[str, Any] = problem.model_dump(by_alias=True, exclude_none=True)
        self.plan, self.now = plan, now
        self.notes: list[str] = []

    def tasks(self) -> dict[str, dict[str, Any]]:
        return {t["id"]: t for t in self.data["tasks"]}

    def jobs(self) -> dict[str, dict[str, Any]]:
        return {j["id"]: j for j in self.data.get("jobs", [])}

    def task(self, where: str, tid: str) -> dict[str, Any]:
        tasks = self.tasks()
        if tid not in tasks:
            raise InputError(f"{where}: unknown task {tid!r}; the problem has {_some(tasks)}")
        return tasks[tid]

    def job_tasks(self, where: str, jid: str) -> list[dict[str, Any]]:
        members = [t for t in self.data["tasks"] if t.get("job") == jid]
        if jid not in self.jobs():
            raise InputError(f"{where}: unknown job {jid!r}; the problem has {_some(self.jobs())}")
        return members

    def started(self, tid: str) -> bool:
        return tid in self.plan and self.plan[tid].start < self.now

    def apply(self, where: str, event: Any) -> None:
        if isinstance(event, Breakdown):
            resources = {r["id"]: r for r in self.data["resources"]}
            if event.resource not in resources:
                raise InputError(f"{where}: unknown resource {event.resource!r}; the problem has {_some(resources)}")
            resources[event.resource].setdefault("unavailable", []).append([event.start, event.end])
        elif isinstance(event, DurationChange):
            task = self.task(where, event.task)
            if event.task in self.plan and self.plan[event.task].end <= self.now:
                raise InputError(f"{where}: task {event.task!r} ended at {self.plan[event.task].end}, before now "
                                 f"({self.now}); its duration can no longer change")
            modes = task["modes"]
            if event.mode is not None and event.mode >= len(modes):
                raise InputError(f"{where}: task {event.task!r} has {len(modes)} mode(s), numbered from 0; "
                                 f"there is no mode {event.mode}")
            for k, mode in enumerate(modes):
                if event.mode is None or k == event.mode:
                    mode["duration"] = event.duration
        elif isinstance(event, Cancel):
            gone = {event.task} if event.task else {t["id"] for t in self.job_tasks(where, event.job or "")}
            if event.task:
                self.task(where, event.task)
            self._drop(gone)
            if event.job:
                self.data["jobs"] = [j for j in self.data.get("jobs", []) if j["id"] != event.job]
                for raw in self.data.get("constraints", []):
                    if raw["type"] == "permutation" and raw.get("jobs"):
                        raw["jobs"] = [j for j in raw["jobs"] if j != event.job]
        elif isinstance(event, NewJob):
            self._add(where, event)
        elif isinstance(event, DueChange | ReleaseChange):
            self._date(where, event)
        elif isinstance(event, Rush):
            self.job_tasks(where, event.job)
            job = self.jobs()[event.job]
            if event.weight is not None:
                job["weight"] = event.weight
            if event.due is not None:
                job["due"] = event.due

    def _drop(self, gone: set[str]) -> None:
        """Remove tasks with every constraint and objective reference to them."""
        self.data["tasks"] = [t for t in self.data["tasks"] if t["id"] not in gone]
        kept = []
        for raw in self.data.get("constraints", []):
            refs = _refs(raw)
            if gone & set(refs):
                if set(refs) - gone:  # it also bound tasks that stay
                    self.notes.append(f"the {raw['type']} constraint on {', '.join(refs)} left with the cancelled "
                                      "tasks")
            else:
                kept.append(raw)
        self.data["constraints"] = kept
        for term in self.data.get("objective", []):
            for field in ("start_of", "end_of"):
                if field in term:
                    term[field] = [t for t in term[field] if t not in gone]
            if "baseline" in term:
                term["baseline"] = [e for e in term["baseline"] if e["task"] not in gone]
        self.data["objective"] = [t for t in self.data.get("objective", [])
                                  if t["term"] != "span" or (t["start_of"] and t["end_of"])]

    def _add(self, where: str, event: NewJob) -> None:
        if event.job.id in self.jobs():
            raise InputError(f"{where}: job {event.job.id!r} already exists; give the new job another id")
        known = self.tasks()
        clash = [t.id for t in event.tasks if t.id in known]
        if clash:
            raise InputError(f"{where}: task {clash[0]!r} already exists; give the new job's tasks other ids")
        self.data.setdefault("jobs", []).append(event.job.model_dump(exclude_none=True))
        self.data["tasks"] += [{**t.model_dump(exclude_none=True), "job": event.job.id} for t in event.tasks]
        constraints = self.data.setdefault("constraints", [])
        if event.chain:
            constraints += [{"type": "end_before_start", "first": a.id, "then": b.id}
                            for a, b in zip(event.tasks, event.tasks[1:], strict=False)]
        constraints += [c.model_dump(exclude_none=True) for c in event.constraints]

    def _date(self, where: str, event: DueChange | ReleaseChange) -> None:
        if isinstance(event, DueChange) and event.job is not None:
            self.job_tasks(where, event.job)
            self.jobs()[event.job]["due"] = event.due
            return
        if isinstance(event, DueChange):
            task = self.task(where, event.task or "")
            if task.get("job") is not None:
                raise InputError(f"{where}: task {event.task!r} belongs to job {task['job']!r}; due dates are "
                                 "the job's, so name the job")
            task["due"] = event.due
            return
        members = self.job_tasks(where, event.job) if event.job else [self.task(where, event.task or "")]
        for task in members:
            if not self.started(task["id"]):
                task["release"] = max(task.get("release", 0), event.release)


def _refs(raw: dict[str, Any]) -> list[str]:
    """The task ids a constraint (as data) names."""
    return [*(raw[k] for k in ("first", "then", "task") if k in raw), *raw.get("tasks", [])]


def _some(named: dict[str, Any]) -> str:
    ids = list(named)
    return ", ".join(repr(i) for i in ids[:6]) + (f" and {len(ids) - 6} more" if len(ids) > 6 else "") \
        if ids else "none"


def apply_events(problem: Problem, events: Events, plan: dict[str, ScheduledTask],
                 now: int) -> tuple[Problem, list[str]]:
    """The problem after `events` (in order), and notes on what they took along (constraints of cancelled
    tasks). `plan` and `now` tell which tasks have started. Raises InputError naming the event at fault."""
    changed = _Changed(problem, plan, now)
    for k, event in enumerate(events.events):
        changed.apply(f"events[{k}] ({event.type})", event)
    return problem_from_dict(changed.data, "after the events"), changed.notes
