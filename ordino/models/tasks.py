"""Tasks, their modes, and jobs."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field, model_validator

from ordino.models.base import Id, NonNegInt, OntologyModel, PosInt, Time


class Mode(OntologyModel):
    """One way to run a task: the resources it holds for `duration` time units and how much of each.

    `demands[i]` is the amount of `resources[i]` used (1 when `demands` is omitted). A task with one mode
    has a fixed resource; several modes model a choice of machine (flexible shops) or of execution mode
    (multi-mode projects). `cost` counts towards the `total_cost` objective when the mode is chosen.
    """

    resources: list[Id] = Field(default_factory=list)
    duration: NonNegInt
    demands: list[NonNegInt] | None = None
    cost: NonNegInt = 0

    @model_validator(mode="after")
    def _check(self) -> Mode:
        if self.demands is not None and len(self.demands) != len(self.resources):
            raise ValueError(
                f"mode demands has {len(self.demands)} entries but resources has {len(self.resources)}"
            )
        if len(set(self.resources)) != len(self.resources):
            raise ValueError(f"mode lists a resource twice: {self.resources}")
        return self

    def demand(self, index: int) -> int:
        """Amount of `resources[index]` this mode uses."""
        return 1 if self.demands is None else self.demands[index]


class Task(OntologyModel):
    """An activity that runs without interruption in exactly one of its `modes`.

    `release`: earliest start. `deadline`: latest end (hard). `due`: due date for the job-level
    objectives (tardiness, lateness, earliness) and `weight` its weight, used only for a task that belongs
    to no job (it is then a job of its own); `earliness_weight`, when given, replaces `weight` in the
    weighted earliness objective only (per-unit early and late costs differ, as in aircraft landing).
    `optional`: the task may be left out, at `absence_penalty` in the `total_cost` objective.
    `family`: the setup family (defaults to the task id).
    `resumable`: the task pauses during the unavailable intervals of the resources of its mode and resumes after
    them: its duration counts working time only, so it ends once that much working time has passed since its
    start (a start is never inside a down time), and it holds its resources for the whole span from start to
    end. A task that is not resumable (the default) runs wholly before or after each down time.
    """

    id: Id
    job: Id | None = None
    modes: list[Mode] = Field(min_length=1)
    release: NonNegInt = 0
    deadline: NonNegInt | None = None
    due: Time | None = None
    weight: NonNegInt = 1
    earliness_weight: NonNegInt | None = None
    optional: bool = False
    absence_penalty: NonNegInt = 0
    family: Id | None = None
    resumable: bool = False

    @model_validator(mode="after")
    def _check(self) -> Task:
        if self.deadline is not None:
            shortest = min(m.duration for m in self.modes)
            if self.release + shortest > self.deadline:
                raise ValueError(
                    f"task {self.id!r}: release {self.release} + shortest duration {shortest} "
                    f"exceeds deadline {self.deadline}"
                )
        return self

    @property
    def setup_family(self) -> str:
        """Family used to look up setup times."""
        return self.family or self.id


class Job(OntologyModel):
    """A group of tasks judged together: a job completes when its last task ends.

    `release` applies to all its tasks, `due` and `weight` feed the job-level objectives, `deadline` is a
    hard latest completion. `earliness_weight`, when given, replaces `weight` in the weighted earliness
    objective only.
    """

    id: Id
    release: NonNegInt = 0
    due: Time | None = None
    deadline: NonNegInt | None = None
    weight: NonNegInt = 1
    earliness_weight: NonNegInt | None = None


@dataclass(frozen=True, slots=True)
class JobView:
    """A job as the objectives see it: its tasks, release, due date and weights (derived from validated
    tasks and jobs, never read from input, so a plain dataclass)."""

    id: str
    tasks: list[str]
    release: int = 0
    due: int | None = None
    weight: int = 1
    earliness_weight: int | None = None

    @property
    def early_weight(self) -> int:
        """Weight of this job's earliness: `earliness_weight` if given, else `weight`."""
        return self.weight if self.earliness_weight is None else self.earliness_weight


__all__ = ["Job", "JobView", "Mode", "PosInt", "Task"]
