"""Schedules (what any method produces) and results (what `solve` returns)."""

from __future__ import annotations

import gc
from collections.abc import Iterable

from pydantic import Field

from ordino.models.base import Id, NonNegInt, OntologyModel
from ordino.models.results import BaseResult


class ScheduledTask(OntologyModel):
    """When and how one task runs: its mode (index into the task's modes), start and end."""

    task: Id
    mode: NonNegInt = 0
    start: NonNegInt
    end: NonNegInt


class Schedule(OntologyModel):
    """A schedule: one entry per performed task. Optional tasks that are left out are simply absent."""

    tasks: list[ScheduledTask] = Field(default_factory=list)

    @classmethod
    def of(cls, rows: Iterable[tuple[str, int, int, int]]) -> Schedule:
        """A schedule from (task, mode, start, end) rows, the way every method builds its result. The cyclic
        garbage collector is paused while the entries are made: they hold no cycles, and on 100,000 tasks its
        passes over them took as long as making them (one to two seconds, after the method's time limit)."""
        running = gc.isenabled()
        gc.disable()
        try:
            entries = [ScheduledTask(task=task, mode=mode, start=start, end=end) for task, mode, start, end in rows]
        finally:
            if running:
                gc.enable()
        return cls(tasks=entries)

    def by_task(self) -> dict[str, ScheduledTask]:
        """Entries keyed by task id."""
        return {t.task: t for t in self.tasks}

    @property
    def makespan(self) -> int:
        """End of the last task (0 for an empty schedule)."""
        return max((t.end for t in self.tasks), default=0)


class Result(BaseResult):
    """The outcome of solving a scheduling Problem: the shared result fields and the schedule."""

    objective: int | None = None
    schedule: Schedule | None = None
