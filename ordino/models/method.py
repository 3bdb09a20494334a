"""The shape of a solve method, so that solvers, heuristics and evolved programs register alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ordino.models.options import SolveOptions
from ordino.models.problem import Problem
from ordino.models.schedule import Result


def supports_all(problem: Problem) -> str | None:
    """Accept every problem."""
    return None


@dataclass(frozen=True)
class Method:
    """A named way to solve problems. `supports` returns None when it can solve a problem, else why not."""

    name: str
    run: Callable[[Problem, SolveOptions], Result]
    description: str
    supports: Callable[[Problem], str | None] = supports_all
    exact: bool = False
