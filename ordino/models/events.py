"""Events that change a problem after its schedule was made: what rescheduling (`ordino.reschedule`) repairs.

A file of events is versioned JSON: `{"schema": "ordino-events/1", "events": [{"type": "breakdown", ...}]}`.
References (tasks, jobs, resources) are checked against the problem when the events are applied.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import Field, model_validator

from ordino.models.base import Id, NonNegInt, OntologyModel, PosInt, Time
from ordino.models.constraints import Constraint
from ordino.models.tasks import Job, Task

EVENTS_SCHEMA: Final = "ordino-events/1"


class Breakdown(OntologyModel):
    """`resource` cannot be used during `[start, end)`. A task it interrupts is redone in full after it."""

    type: Literal["breakdown"] = "breakdown"
    resource: Id
    start: NonNegInt
    end: NonNegInt

    @model_validator(mode="after")
    def _check(self) -> Breakdown:
        if self.end <= self.start:
            raise ValueError(f"breakdown of {self.resource!r}: end {self.end} must be after start {self.start}")
        return self


class DurationChange(OntologyModel):
    """`task` now takes `duration` (in its mode `mode`, or in every mode when `mode` is omitted). A task that
    is running keeps its start and ends at its new end."""

    type: Literal["duration"] = "duration"
    task: Id
    duration: NonNegInt
    mode: NonNegInt | None = None


class _JobOrTask(OntologyModel):
    """An event about one job or one task: exactly one of them is named."""

    job: Id | None = None
    task: Id | None = None

    @model_validator(mode="after")
    def _one(self) -> _JobOrTask:
        if (self.job is None) == (self.task is None):
            raise ValueError(f"a {getattr(self, 'type', 'job or task')} event names exactly one of 'job' or 'task'")
        return self


class Cancel(_JobOrTask):
    """`job` (every task of it), or one `task`, is no longer wanted: it leaves the problem and the schedule."""

    type: Literal["cancel"] = "cancel"


class NewJob(OntologyModel):
    """A job arrives with its tasks (their `job` is set to it). With `chain` (the default) the tasks run one
    after another in the order listed, as the operations of a shop job do; `constraints` adds any others."""

    type: Literal["new_job"] = "new_job"
    job: Job
    tasks: list[Task] = Field(min_length=1)
    constraints: list[Constraint] = Field(default_factory=list)
    chain: bool = True


class DueChange(_JobOrTask):
    """The due date of `job` (or of a job-less `task`) becomes `due`."""

    type: Literal["due"] = "due"
    due: Time


class ReleaseChange(_JobOrTask):
    """The tasks of `job` (or one `task`) that have not started cannot start before `release`."""

    type: Literal["release"] = "release"
    release: NonNegInt


class Rush(OntologyModel):
    """`job` becomes urgent: a higher `weight`, an earlier `due`, or both."""

    type: Literal["rush"] = "rush"
    job: Id
    weight: PosInt | None = None
    due: Time | None = None

    @model_validator(mode="after")
    def _check(self) -> Rush:
        if self.weight is None and self.due is None:
            raise ValueError(f"rush of {self.job!r}: give a new 'weight', a new 'due', or both")
        return self


Event = Annotated[Breakdown | DurationChange | Cancel | NewJob | DueChange | ReleaseChange | Rush,
                  Field(discriminator="type")]
EVENT_TYPES = (Breakdown, DurationChange, Cancel, NewJob, DueChange, ReleaseChange, Rush)


class Events(OntologyModel):
    """What happened since the schedule was made, in the order it happened."""

    schema_: Literal["ordino-events/1"] = Field(EVENTS_SCHEMA, alias="schema")
    events: list[Event] = Field(default_factory=list)
