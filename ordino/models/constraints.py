"""The constraint typology: one class per constraint type, a discriminated union on `type`.

Each class's docstring is its definition; prompts, docs and elicitation questions are rendered from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field, model_validator

from ordino.models.base import Id, NonNegInt, OntologyModel, Time


class _Precedence(OntologyModel):
    first: Id
    then: Id
    min_lag: Time = 0
    max_lag: Time | None = None
    if TYPE_CHECKING:
        type: str  # each subclass declares its own tag

    @model_validator(mode="after")
    def _check(self) -> _Precedence:
        if self.first == self.then:
            raise ValueError(f"{self.type}: a task cannot precede itself ({self.first!r})")
        if self.max_lag is not None and self.max_lag < self.min_lag:
            raise ValueError(f"{self.type} {self.first!r}->{self.then!r}: max_lag < min_lag")
        return self

    def anchors(self) -> tuple[str, str]:
        """Which time point of `first` and of `then` the lags relate ('start' or 'end')."""
        a, _, b = self.type.partition("_before_")
        return a, b


class EndBeforeStart(_Precedence):
    """`then` starts at least `min_lag` (and at most `max_lag`, if given) after `first` ends:
    end(first) + min_lag <= start(then) <= end(first) + max_lag."""

    type: Literal["end_before_start"] = "end_before_start"


class StartBeforeStart(_Precedence):
    """`then` starts at least `min_lag` (and at most `max_lag`) after `first` starts:
    start(first) + min_lag <= start(then) <= start(first) + max_lag."""

    type: Literal["start_before_start"] = "start_before_start"


class EndBeforeEnd(_Precedence):
    """`then` ends at least `min_lag` (and at most `max_lag`) after `first` ends:
    end(first) + min_lag <= end(then) <= end(first) + max_lag."""

    type: Literal["end_before_end"] = "end_before_end"


class StartBeforeEnd(_Precedence):
    """`then` ends at least `min_lag` (and at most `max_lag`) after `first` starts:
    start(first) + min_lag <= end(then) <= start(first) + max_lag."""

    type: Literal["start_before_end"] = "start_before_end"


class NoWait(OntologyModel):
    """The `tasks` run back to back in the given order: each starts exactly when the previous one ends."""

    type: Literal["no_wait"] = "no_wait"
    tasks: list[Id] = Field(min_length=2)


class SameResource(OntologyModel):
    """The `tasks` run on the same machine(s): a machine used by one of them is used by all of them."""

    type: Literal["same_resource"] = "same_resource"
    tasks: list[Id] = Field(min_length=2)


class DifferentResource(OntologyModel):
    """No two of the `tasks` share a machine."""

    type: Literal["different_resource"] = "different_resource"
    tasks: list[Id] = Field(min_length=2)


class TimeWindow(OntologyModel):
    """`task` starts within [start_min, start_max] and ends within [end_min, end_max]; omitted bounds are
    free. For several disjoint windows, give several modes or tasks; this is one window."""

    type: Literal["time_window"] = "time_window"
    task: Id
    start_min: NonNegInt | None = None
    start_max: NonNegInt | None = None
    end_min: NonNegInt | None = None
    end_max: NonNegInt | None = None

    @model_validator(mode="after")
    def _check(self) -> TimeWindow:
        for lo, hi, what in ((self.start_min, self.start_max, "start"), (self.end_min, self.end_max, "end")):
            if lo is not None and hi is not None and hi < lo:
                raise ValueError(f"time_window on {self.task!r}: {what}_max {hi} < {what}_min {lo}")
        return self


class Synchronize(OntologyModel):
    """The `tasks` all start at the same time."""

    type: Literal["synchronize"] = "synchronize"
    tasks: list[Id] = Field(min_length=2)


class Blocking(OntologyModel):
    """There is no buffer between `first` and `then`: `then` starts after `first` ends, and the machine of
    `first` stays occupied (blocked) until `then` starts."""

    type: Literal["blocking"] = "blocking"
    first: Id
    then: Id


class SelectExactlyOne(OntologyModel):
    """Exactly one of the (optional) `tasks` is performed; the others are left out."""

    type: Literal["select_exactly_one"] = "select_exactly_one"
    tasks: list[Id] = Field(min_length=2)


class Separation(OntologyModel):
    """No two of the `tasks` overlap, and between ANY two of them (not only consecutive ones) a minimum
    separation holds that depends on their order: if task i comes before task j, then
    start(j) >= end(i) + gaps[i][j]. `gaps` is a square matrix in the order of `tasks` (diagonal ignored).
    Models runway separation between landings, or sequence-dependent setups that do not obey the triangle
    inequality; no machine is needed."""

    type: Literal["separation"] = "separation"
    tasks: list[Id] = Field(min_length=2)
    gaps: list[list[NonNegInt]]

    @model_validator(mode="after")
    def _check(self) -> Separation:
        n = len(self.tasks)
        if len(set(self.tasks)) != n:
            raise ValueError(f"separation: a task is listed twice in {self.tasks}")
        if len(self.gaps) != n or any(len(row) != n for row in self.gaps):
            raise ValueError(f"separation: gaps must be a {n}x{n} matrix (one row and column per task)")
        return self

    def gap(self, i: int, j: int) -> int:
        """Minimum time from the end of `tasks[i]` to the start of `tasks[j]` when i comes first."""
        return self.gaps[i][j]


class Permutation(OntologyModel):
    """The listed jobs pass the listed machines in one common order ("the same job order on every machine",
    a permutation flow shop). `jobs`: ids of declared jobs (null: every declared job); `resources`: ids of
    machines (null: every resource of kind machine).

    A job's task on a machine is its task whose modes list that machine. Each listed job has at most one
    task on each listed machine, and a task of a listed job lists a listed machine in all of its modes or in
    none (a choice of mode between listed machines is refused); otherwise the problem is invalid.

    Rule: for any two listed jobs A and B, either on every listed machine where both have a task that is
    performed, A's task ends no later than B's task starts, or on every such machine B's task ends no later
    than A's task starts. A job with no task on a machine (or whose optional task there is left out) is not
    compared on that machine."""

    type: Literal["permutation"] = "permutation"
    jobs: list[Id] | None = Field(default=None, min_length=2)
    resources: list[Id] | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _check(self) -> Permutation:
        for what, ids in (("job", self.jobs), ("resource", self.resources)):
            if ids is not None and len(set(ids)) != len(ids):
                raise ValueError(f"permutation: a {what} is listed twice in {ids}")
        return self


Constraint = Annotated[
    EndBeforeStart
    | StartBeforeStart
    | EndBeforeEnd
    | StartBeforeEnd
    | NoWait
    | SameResource
    | DifferentResource
    | TimeWindow
    | Synchronize
    | Blocking
    | SelectExactlyOne
    | Separation
    | Permutation,
    Field(discriminator="type"),
]

PRECEDENCE_TYPES = (EndBeforeStart, StartBeforeStart, EndBeforeEnd, StartBeforeEnd)
CONSTRAINT_TYPES = (*PRECEDENCE_TYPES, NoWait, SameResource, DifferentResource, TimeWindow, Synchronize,
                    Blocking, SelectExactlyOne, Separation, Permutation)
Precedence = EndBeforeStart | StartBeforeStart | EndBeforeEnd | StartBeforeEnd


def constraint_tasks(constraint: Constraint) -> list[str]:
    """Every task id a constraint refers to (none for `permutation`, which names jobs and machines)."""
    if isinstance(constraint, (_Precedence, Blocking)):
        return [constraint.first, constraint.then]
    if isinstance(constraint, TimeWindow):
        return [constraint.task]
    if isinstance(constraint, Permutation):
        return []
    return list(constraint.tasks)
