"""What the solvers can take. Each value of a model is at most `MAX_VALUE` (checked by the field types in
`ordino.models.base`); `check_limits` bounds the sums that matter: the horizon (every start and end lies in it)
and the largest value the objective could take, which CP-SAT holds in 64-bit integers and the verifier, HiGHS
and the reports in doubles, exact only up to 2^53."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ordino.errors import InputError
from ordino.models.base import MAX_VALUE

if TYPE_CHECKING:
    from ordino.models.problem import Problem

MAX_OBJECTIVE = 2**53


def objective_ceiling(problem: Problem, horizon: int) -> int:
    """An upper bound on the absolute value of the objective of any schedule that ends by `horizon`."""
    views = problem.job_views
    span = horizon + max((abs(v.due) for v in views if v.due is not None), default=0)  # bounds |C - due|
    total = 0
    for term in problem.objective:
        name = term.term
        if name == "span":
            value = horizon
        elif name == "deviation":
            value = (horizon + 1) * len(term.baseline or [])
        elif name in ("makespan", "maximum_lateness", "maximum_tardiness"):
            value = span
        elif name == "number_tardy":
            value = len(views)
        elif name == "weighted_number_tardy":
            value = sum(v.weight for v in views)
        elif name == "total_setup_time":  # setups are idle time on a machine, within the horizon
            value = len(problem.resources) * horizon
        elif name == "total_cost":
            value = sum(max(m.cost for m in t.modes) + t.absence_penalty for t in problem.tasks)
        elif name == "total_weighted_earliness":
            value = span * sum(v.early_weight for v in views)
        elif name.startswith("total_weighted"):
            value = span * sum(v.weight for v in views)
        else:  # unweighted sums of completion times, tardiness or earliness
            value = span * len(views)
        total += term.weight * value
    return total


def check_limits(problem: Problem) -> None:
    """An InputError when the horizon exceeds MAX_VALUE or the objective could exceed MAX_OBJECTIVE."""
    horizon = problem.effective_horizon
    if horizon > MAX_VALUE:
        raise InputError(f"the default horizon (latest release or due date plus all work and forced gaps) is "
                         f"{horizon:,}, beyond the limit of {MAX_VALUE:,} time units; give a 'horizon' or use a "
                         "coarser time unit")
    ceiling = objective_ceiling(problem, horizon)
    if ceiling > MAX_OBJECTIVE:
        raise InputError(f"the objective could reach {ceiling:,} (its weights times the horizon {horizon:,}), "
                         f"beyond the limit of 2^53 = {MAX_OBJECTIVE:,} that solvers compute exactly; use smaller "
                         "weights or a coarser time unit")
