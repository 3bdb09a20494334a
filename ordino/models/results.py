"""What every family shares after a solve: statuses, violations, the verifier's report, the result fields and
the one gap."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import Field

from ordino.models.base import OntologyModel

Status = Literal["optimal", "feasible", "infeasible", "unbounded", "unknown", "error"]


def gap_percent(value: float | None, reference: float | None) -> float | None:
    """`(value - reference) / |reference| * 100`: 0 when the two are equal (also when both are 0); None when
    either is missing or not finite, or when the reference is 0 and the value is not (undefined, never inf)."""
    if value is None or reference is None or not math.isfinite(value) or not math.isfinite(reference):
        return None
    if abs(value - reference) <= 1e-9 * max(1.0, abs(reference)):
        return 0.0
    if reference == 0:
        return None
    return (value - reference) / abs(reference) * 100.0


class Violation(OntologyModel):
    """One broken rule, with the tasks (or variables, or staff cells) and the resource involved."""

    kind: str
    message: str
    tasks: list[str] = Field(default_factory=list)
    resource: str | None = None


class Verification(OntologyModel):
    """What a verifier found: every violation, the objective recomputed from the solution (None when it cannot
    be computed) and, for schedules and rosters, the value of each objective term."""

    violations: list[Violation] = Field(default_factory=list)
    objective: int | float | None = None
    terms: dict[str, int | float] = Field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        """True when no rule is broken."""
        return not self.violations


class BaseResult(OntologyModel):
    """The outcome of a solve in any family: status, the verifier's objective, the proven bound, the gap
    between them in percent (`gap_percent`, as a distance), runtime, method, log and violations. Each family's
    result adds its solution field (`Result.schedule`, `RosterResult.roster`, `LinearResult.solution`)."""

    status: Status
    objective: int | float | None = None
    bound: float | None = None
    gap: float | None = None
    runtime: float = 0.0
    method: str = ""
    log: list[str] = Field(default_factory=list)
    violations: list[Violation] = Field(default_factory=list)
