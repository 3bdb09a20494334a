"""Options every solve method accepts."""

from __future__ import annotations

import os

from pydantic import Field

from ordino.models.assignment import Roster
from ordino.models.base import OntologyModel
from ordino.models.linear import LinearSolution
from ordino.models.schedule import Schedule


def cores() -> int:
    """CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class SolveOptions(OntologyModel):
    """Budget and knobs shared by all methods: wall-clock `time_limit` in seconds, solver threads
    (`workers`, 0 = all cores), random `seed`, an optional `warm_start` solution of the model's family used as a
    hint, and `log` to echo the solver's own log."""

    time_limit: float = Field(10.0, gt=0)
    workers: int = Field(0, ge=0)
    seed: int = 0
    warm_start: Schedule | Roster | LinearSolution | None = None
    log: bool = False

    @property
    def threads(self) -> int:
        """The threads a method may run: `workers`, or every core this process may use when it is 0."""
        return self.workers or cores()
