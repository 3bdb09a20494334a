"""Which problems the MILP route handles, and which formulation it picks for each."""

from __future__ import annotations

from typing import Literal

from ordino.models import Blocking, Permutation, Problem, SelectExactlyOne, Separation, classify

MilpFormulation = Literal["positional", "disjunctive", "time_indexed"]

#: Upper limit on the size of a time-indexed model: nonzeros of its capacity rows (pulses x durations x resources).
TIME_INDEXED_LIMIT = 1_500_000
#: Single and parallel machine problems use the (much tighter) time-indexed model up to this size.
TIME_INDEXED_PREFERRED = 60_000


def pulse_count(problem: Problem) -> int | None:
    """Nonzeros of the capacity rows of a time-indexed model: over every start variable (task, mode, start
    time), the mode's duration times its resources (None when the time bounds show infeasibility)."""
    from ordino.solvers.milp.data import time_bounds

    bounds = time_bounds(problem)
    if isinstance(bounds, str):
        return None
    return sum(max(0, bounds.latest_end[i] - m.duration - bounds.earliest_start[i] + 1)
               * max(1, m.duration) * max(1, len(m.resources)) for i, t in enumerate(problem.tasks) for m in t.modes)


def choose_formulation(problem: Problem) -> MilpFormulation:
    """Positional for single/parallel machines, disjunctive for machine shops, time-indexed with renewables.

    Time-indexed is also used when machines have unavailable periods, which it expresses by removing the
    start times that would overlap them, and for single/parallel machines when it stays small
    (`TIME_INDEXED_PREFERRED` pulses): its LP relaxation is far tighter than the positional big-M links.
    """
    kind = classify(problem)
    if kind in ("rcpsp", "multi_mode_rcpsp"):
        return "time_indexed"
    if any(r.kind == "renewable" or problem.down_times(r.id) for r in problem.resources):
        return "time_indexed"
    if kind in ("single_machine", "parallel_machines"):
        return _positional_or_small_time_indexed(problem)
    if kind in ("flow_shop", "job_shop", "flexible_job_shop"):
        return "disjunctive"
    one_machine_modes = all(len(m.resources) == 1 for t in problem.tasks for m in t.modes)
    relations = [c for c in problem.constraints if c.type != "time_window"]
    if one_machine_modes and not relations:
        return _positional_or_small_time_indexed(problem)
    return "disjunctive"


def _positional_or_small_time_indexed(problem: Problem) -> MilpFormulation:
    size = pulse_count(problem)
    return "time_indexed" if size is not None and size <= TIME_INDEXED_PREFERRED else "positional"


def milp_supports(problem: Problem) -> str | None:
    """None when the MILP route can solve `problem`, else the features it does not support."""
    reasons: list[str] = []
    if any(t.optional for t in problem.tasks):
        reasons.append("optional tasks")
    unsupported = Blocking | SelectExactlyOne | Separation | Permutation
    kinds = sorted({c.type for c in problem.constraints if isinstance(c, unsupported)})
    reasons += [f"{k} constraints" for k in kinds]
    if any(r.setups for r in problem.resources):
        reasons.append("sequence-dependent setup times")
    if any(term.term == "deviation" for term in problem.objective):
        reasons.append("the 'deviation' objective term (rescheduling's stability)")
    if any("earliness" in term.term for term in problem.objective):
        from ordino.solvers.milp.data import job_sinks

        sinks = job_sinks(problem)
        loose = [v.id for v in problem.job_views if v.due is not None and sinks.get(v.id) is None]
        if loose:
            reasons.append(f"earliness of jobs without a single last task ({', '.join(loose[:3])})")
    if reasons:
        return "the MILP route does not support " + ", ".join(reasons) + "; use method 'cpsat'"
    if choose_formulation(problem) == "time_indexed":
        size = pulse_count(problem)
        if size is not None and size > TIME_INDEXED_LIMIT:
            return (f"the MILP route's time-indexed model would have {size} nonzeros in its capacity rows "
                    f"(limit {TIME_INDEXED_LIMIT}); use method 'cpsat'")
    return None
