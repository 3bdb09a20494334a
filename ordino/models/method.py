"""The shape of a solve method, so that solvers, heuristics and evolved programs of every family register alike."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ordino.models.options import SolveOptions
from ordino.models.results import BaseResult


def supports_all(model: Any) -> str | None:
    """Accept every model of the method's family."""
    return None


@dataclass(frozen=True)
class Method:
    """A named way to solve the models of one family (`family` is its JSON tag). `supports` returns None when
    the method can solve a model, else why not; `exact` methods can prove optimality."""

    name: str
    run: Callable[[Any, SolveOptions], BaseResult]
    description: str
    supports: Callable[[Any], str | None] = supports_all
    exact: bool = False
    family: str = "scheduling"
