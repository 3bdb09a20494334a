"""The one default horizon: a time by which some optimal schedule has ended every task.

Every back end and heuristic that needs an upper bound on time takes it from `default_horizon` (through
`Problem.effective_horizon`), so that no two of them can disagree about which schedules exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ordino.models.constraints import PRECEDENCE_TYPES, Separation, TimeWindow

if TYPE_CHECKING:
    from ordino.models.problem import Problem


def landmark(problem: Problem) -> int:
    """The last time at which the problem's data still changes anything: the latest release, due date,
    window opening (`start_min`, `end_min`), end of a down time and baseline start of a `deviation` term (0 when
    there is none)."""
    times = [0]
    times += [problem.earliest_start(t) for t in problem.tasks]
    times += [t.due for t in problem.tasks if t.due is not None]
    times += [j.due for j in problem.jobs if j.due is not None]
    times += [b for r in problem.resources for _, b in r.unavailable]
    times += [e.start for term in problem.objective for e in term.baseline or []]
    for c in problem.constraints:
        if isinstance(c, TimeWindow):
            times += [x for x in (c.start_min, c.end_min) if x is not None]
    return max(times)


def forced_gaps(problem: Problem) -> int:
    """An upper bound on the total idle time that constraints can force: positive minimum lags, negative
    maximum lags (which push `first` after `then`), setup times and separation gaps."""
    total = 0
    for c in problem.constraints:
        if isinstance(c, PRECEDENCE_TYPES):
            total += max(0, c.min_lag) + (max(0, -c.max_lag) if c.max_lag is not None else 0)
        elif isinstance(c, Separation):
            total += sum(max(row[k] for k in range(len(row)) if k != i) for i, row in enumerate(c.gaps))
    for r in problem.resources:
        if r.setups:
            users = sum(1 for t in problem.tasks if any(r.id in m.resources for m in t.modes))
            total += users * max(s.time for s in r.setups)
    return total


def default_horizon(problem: Problem) -> int:
    """A horizon that provably contains an optimal schedule (when the problem has one), for every objective
    term and constraint kind of the ontology:

        H = landmark + work + forced gaps

    `landmark` is the latest release, due date, window opening or down-time end; `work` the sum over tasks of
    their longest mode; `forced gaps` bounds the idle time constraints can impose (`forced_gaps`).

    Proof sketch. Past the landmark every objective term but `span` is non-decreasing in every end time (earliness
    is 0 after the due date, setup time and cost do not depend on time, a task past its baseline start only
    deviates more by starting later), and no release, window opening or down
    time remains. Take an optimal schedule with the least sum of start times. Suppose some unit [t, t+1) with t >=
    landmark has no task running. Shift every task that starts after t one unit earlier: releases, windows and
    down times still hold, upper bounds (deadlines, maximum lags, the horizon) only get slacker, machines and
    capacities see the same overlaps, the order of any two tasks is kept (so permutation and blocking constraints
    still hold), no-wait and synchronised tasks move together (they cannot straddle an idle unit), and the
    objective does not increase: a `span` term (latest end of some tasks minus earliest start of others, at least
    0) opening before the idle unit loses a unit or keeps its value, one opening after it moves as a whole, and
    one whose tasks lie on both sides the wrong way round stays 0. Since the start sum would drop, some difference
    constraint between a task before t and one after t must be tight across the unit: a minimum lag, a negative
    maximum lag, a setup or a separation, whose span has the length of that lag. So past the landmark the time is
    covered by running tasks (at most `work`) and by spans of such constraints (at most `forced gaps`), and the
    last end is at most H.

    A `horizon` given by the user is a hard bound and is returned as it is.
    """
    if problem.horizon is not None:
        return problem.horizon
    work = sum(max(m.duration for m in t.modes) for t in problem.tasks)
    return landmark(problem) + work + forced_gaps(problem)
