"""Result rows of a batch (the bench row keys plus file and error) and their summary."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

# Statuses beyond a solver's own (optimal, feasible, infeasible, unbounded, unknown, error):
# "timeout" = the worker was killed at its hard deadline (solver limit plus grace).
SOLVED = ("optimal", "feasible")
FAILED = ("error", "timeout")


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Row:
        """Inverse of `to_dict` (unknown keys ignored)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


def summarize(rows: list[Row]) -> list[dict[str, Any]]:
    """Per method: the bench summary keys plus counts of each status and the total wall time."""
    out = []
    for method in sorted({r.method for r in rows}):
        mine = [r for r in rows if r.method == method]
        gaps = [r.gap for r in mine if r.gap is not None and r.verified]
        counts: dict[str, int] = {}
        for r in mine:
            counts[r.status] = counts.get(r.status, 0) + 1
        solved = [r for r in mine if r.status in SOLVED and r.verified]
        out.append({
            "method": method,
            "instances": len(mine),
            "solved": len(solved),
            "mean_gap": sum(gaps) / len(gaps) if gaps else None,
            "max_gap": max(gaps) if gaps else None,
            "best_known_hits": sum(1 for g in gaps if g <= 1e-9),
            "proven_optimal": counts.get("optimal", 0),
            "mean_runtime": sum(r.runtime for r in mine) / len(mine) if mine else 0.0,
            "mean_wall": sum(r.wall for r in mine) / len(mine) if mine else 0.0,
            "errors": counts.get("error", 0),
            "timeouts": counts.get("timeout", 0),
            "by_status": counts,
        })
    return out
