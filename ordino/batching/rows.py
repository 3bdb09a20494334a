"""Result rows of a batch (the bench row keys plus file and error) and the one summary of batch and bench rows."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any, Protocol

# Statuses beyond a solver's own (optimal, feasible, infeasible, unbounded, unknown, error):
# "timeout" = the worker was killed at its hard deadline (solver limit plus grace).
SOLVED = ("optimal", "feasible")


@dataclass
class Row:
    """One (file, instance, method) outcome.

    Attributes
    ----------
    file, instance, method : str
        The key.
    status : str
        optimal, feasible, infeasible, unbounded, unknown, error, or timeout (killed at the hard deadline).
    objective : float | None
        The verifier's objective of the schedule.
    bound : float | None
        The solver's proven bound.
    best_known, lower_bound : float | None
        Known labels of the instance.
    gap : float | None
        Percent gap of the objective to the best known value (else to the known lower bound).
    solver_gap : float | None
        Percent gap of the objective to the solver's own bound.
    runtime : float
        Seconds the method ran (measured in the worker).
    wall : float
        Seconds from dispatch to result as the executor saw it (runtime plus process and transport overhead).
    verified : bool
        True when a schedule exists and the independent verifier found no violation.
    error : str | None
        What went wrong (unreadable file, crash, kill, deadline).
    schedule : str | None
        The schedule as JSON.
    """

    file: str
    instance: str
    method: str
    status: str
    objective: float | None = None
    bound: float | None = None
    best_known: float | None = None
    lower_bound: float | None = None
    gap: float | None = None
    solver_gap: float | None = None
    runtime: float = 0.0
    wall: float = 0.0
    verified: bool = False
    error: str | None = None
    schedule: str | None = None
    time_limit: float | None = None
    executor: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        """(file, instance, method)."""
        return (self.file, self.instance, self.method)

    def rank(self) -> tuple[int, float, bool]:
        """How good this outcome is, for choosing between two rows of one key (higher is better): a verified
        schedule beats everything, the lower objective first, then a proven optimum; then a proven answer
        (infeasible, unbounded), then unknown, then timeout and error."""
        if self.verified and self.status in SOLVED and self.objective is not None:
            return (3, -self.objective, self.status == "optimal")
        return ({"infeasible": 2, "unbounded": 2, "unknown": 1}.get(self.status, 0), 0.0, False)

    def to_dict(self, schedule: bool = False) -> dict[str, Any]:
        """Plain dict for JSON output; the schedule only when asked (it can be large)."""
        data = asdict(self)
        if not schedule:
            data.pop("schedule")
        return data


class Outcome(Protocol):
    """What a summary reads of a result row (a batch `Row` or a bench `BenchRow`)."""

    @property
    def method(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def gap(self) -> float | None: ...
    @property
    def runtime(self) -> float: ...
    @property
    def wall(self) -> float: ...
    @property
    def verified(self) -> bool: ...


@dataclass
class Summary:
    """Aggregates of one method's rows. Gaps (percent, `ordino.models.gap_percent`) are over the verified rows
    that have one; a best-known hit is a verified objective at or below the reference of its gap."""

    method: str
    instances: int
    mean_gap: float | None
    max_gap: float | None
    best_known_hits: int
    proven_optimal: int
    mean_runtime: float
    solved: int
    mean_wall: float
    errors: int
    timeouts: int
    unsupported: int
    by_status: dict[str, int]
    label_errors: int | None = None
    """Rows whose labels a verified result contradicts (None when labels were not checked, as in a batch)."""

    def to_dict(self) -> dict[str, Any]:
        """Plain dict for JSON output."""
        return asdict(self)


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def summarize(rows: Sequence[Outcome], methods: Sequence[str] | None = None) -> list[Summary]:
    """Per method (in the order of `methods`, default: sorted), the aggregates of its rows."""
    out = []
    for method in methods if methods is not None else sorted({r.method for r in rows}):
        mine = [r for r in rows if r.method == method]
        gaps = [r.gap for r in mine if r.gap is not None and r.verified]
        counts = dict(Counter(r.status for r in mine))
        out.append(Summary(
            method=method,
            instances=len(mine),
            mean_gap=_mean(gaps),
            max_gap=round(max(gaps), 4) if gaps else None,
            best_known_hits=sum(1 for g in gaps if g <= 0),
            proven_optimal=sum(1 for r in mine if r.status == "optimal" and r.verified),
            mean_runtime=_mean([r.runtime for r in mine]) or 0.0,
            solved=sum(1 for r in mine if r.status in SOLVED and r.verified),
            mean_wall=_mean([r.wall for r in mine]) or 0.0,
            errors=counts.get("error", 0),
            timeouts=counts.get("timeout", 0),
            unsupported=counts.get("unsupported", 0),
            by_status=counts,
        ))
    return out
