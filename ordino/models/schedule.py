"""Schedules (what any method produces) and results (what `solve` returns)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ordino.models.base import Id, NonNegInt, OntologyModel

Status = Literal["optimal", "feasible", "infeasible", "unbounded", "unknown", "error"]


class ScheduledTask(OntologyModel):
    """When and how one task runs: its mode (index into the task's modes), start and end."""

    task: Id
    mode: NonNegInt = 0
    start: NonNegInt
    end: NonNegInt


class Schedule(OntologyModel):
    """A schedule: one entry per performed task. Optional tasks that are left out are simply absent."""

    tasks: list[ScheduledTask] = Field(default_factory=list)

    def by_task(self) -> dict[str, ScheduledTask]:
        """Entries keyed by task id."""
        return {t.task: t for t in self.tasks}

    @property
    def makespan(self) -> int:
        """End of the last task (0 for an empty schedule)."""
        return max((t.end for t in self.tasks), default=0)


class Violation(OntologyModel):
    """One broken rule in a schedule, with the tasks and resource involved."""

    kind: str
    message: str
    tasks: list[str] = Field(default_factory=list)
    resource: str | None = None


class Verification(OntologyModel):
    """What the verifier found: every violation and the objective recomputed from the schedule."""

    violations: list[Violation] = Field(default_factory=list)
    objective: int | None = None
    terms: dict[str, int] = Field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        """True when no rule is broken."""
        return not self.violations


class Result(OntologyModel):
    """The outcome of a solve: status, objective, proven bound, gap, runtime and the schedule."""

    status: Status
    objective: int | None = None
    bound: float | None = None
    gap: float | None = None
    runtime: float = 0.0
    schedule: Schedule | None = None
    method: str = ""
    log: list[str] = Field(default_factory=list)
    violations: list[Violation] = Field(default_factory=list)

    @property
    def has_schedule(self) -> bool:
        """True when the result carries a schedule."""
        return self.schedule is not None
