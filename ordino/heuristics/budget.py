"""Wall-clock budgets of the heuristics: when a search must stop.

A deadline is a `time.perf_counter()` value. Construction algorithms check it in their loops and raise
`OutOfTime` (or finish cheaply, where a cheap completion exists); searches stop at it.
"""

from __future__ import annotations

import time

from ordino.models import Problem, SolveOptions

FINISH_SECONDS_PER_TASK = 3e-5
"""What a solve spends per task besides the search (checking support, building the Schedule, verifying it):
about 3 s for 100,000 single-machine tasks on a 2-core machine. Kept free at the end of the time limit so
that the whole call returns within it."""


class OutOfTime(Exception):
    """A construction reached its deadline before it had a complete schedule."""


def deadline(began: float, problem: Problem, options: SolveOptions) -> float:
    """When a method that started at `began` must stop searching: its time limit, less the time `solve`
    needs to check and return a schedule of this size."""
    return began + options.time_limit - FINISH_SECONDS_PER_TASK * len(problem.tasks)


def check(deadline: float) -> None:
    """Raise `OutOfTime` once `deadline` has passed."""
    if time.perf_counter() >= deadline:
        raise OutOfTime
