"""Resources: machines, renewable pools and consumable budgets."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ordino.models.base import Id, Interval, NonNegInt, OntologyModel


class SetupTime(OntologyModel):
    """Sequence-dependent setup on a machine: after a task of family `before`, a task of family `after`
    may start only `time` units after the first one ends. A task's family is its `family` field, or its
    own id when it has none."""

    before: Id
    after: Id
    time: NonNegInt


class Resource(OntologyModel):
    """Something tasks use while they run.

    - `machine`: runs one task at a time (capacity is 1).
    - `renewable`: at most `capacity` units are in use at any moment (workers, cranes, budget per day).
    - `consumable`: at most `capacity` units are used over the whole schedule (material, money).

    `unavailable` lists half-open intervals `[start, end)` during which no task may run on the resource
    (breaks, maintenance, nights); a task is not interrupted by them, it runs wholly before or after.
    `calendar` names one of the problem's `calendars`: the resource is also down whenever that calendar is off.
    `setups` holds sequence-dependent setup times between task families (machines only); `initial_family` is the
    family the machine is set up for at time 0, so that its first task waits for the setup from it (from a state of
    its own such as 'clean' when the setups name one).
    """

    id: Id
    kind: Literal["machine", "renewable", "consumable"] = "machine"
    capacity: NonNegInt = 1
    unavailable: list[Interval] = Field(default_factory=list)
    calendar: Id | None = None
    setups: list[SetupTime] = Field(default_factory=list)
    initial_family: Id | None = None

    @model_validator(mode="after")
    def _check(self) -> Resource:
        if self.kind == "machine" and self.capacity != 1:
            raise ValueError(f"resource {self.id!r}: a machine has capacity 1; use kind 'renewable' for more")
        if (self.setups or self.initial_family) and self.kind != "machine":
            raise ValueError(f"resource {self.id!r}: setup times apply to machines only")
        if self.kind == "consumable" and self.calendar:
            raise ValueError(f"resource {self.id!r}: a consumable is used up, not occupied; calendars apply to "
                             f"machines and renewables")
        for start, end in self.unavailable:
            if end <= start:
                raise ValueError(f"resource {self.id!r}: unavailable interval [{start}, {end}) is empty")
        return self

    @property
    def setup_table(self) -> dict[tuple[str, str], int]:
        """Setup times keyed by (before family, after family)."""
        return {(s.before, s.after): s.time for s in self.setups}
