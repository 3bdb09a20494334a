"""The one default horizon: a time by which some optimal schedule has ended every task.

Every back end and heuristic that needs an upper bound on time takes it from `default_horizon` (through
`Problem.effective_horizon`), so that no two of them can disagree about which schedules exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ordino.models.calendar import WEEK, off_times
from ordino.models.clock import unit_seconds
from ordino.models.constraints import PRECEDENCE_TYPES, Separation, TimeWindow
from ordino.models.downtime import merged

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

    With working calendars, down time recurs for ever and the shift above fails; `calendar_horizon` takes over.

    A `horizon` given by the user is a hard bound and is returned as it is.
    """
    if problem.horizon is not None:
        return problem.horizon
    work = sum(max(m.duration for m in t.modes) for t in problem.tasks)
    if any(r.calendar for r in problem.resources):
        return calendar_horizon(problem, landmark(problem), work + forced_gaps(problem))
    return landmark(problem) + work + forced_gaps(problem)


def calendar_horizon(problem: Problem, settled: int, budget: int) -> int:
    """The default horizon of a problem whose resources follow calendars, given the landmark `settled` (without
    the calendars' down time) and `budget` = work + forced gaps.

    Let D_r be the down time of calendar resource r widened to the left by d_r - 1, d_r the longest duration of
    a mode that uses r of a task that is not resumable, and D the union of the D_r. The horizon is the start of
    the (budget + 1)-th time unit outside D from the landmark on.

    Proof sketch. Take an optimal schedule with the least sum of starts, T its last end. No task can start
    alone at any earlier time (the objective would not rise, the start sum would drop), so each task starting
    past the landmark is held by what happens just before it: another task (a precedence, a lag, a setup, a
    separation, a machine or a capacity it shares, a partner it must start or chain with), or a down time of
    one of its resources. Following these holds back from T reaches the landmark through a chain of pieces that
    cover [landmark, T): run times of tasks, spans of forced gaps, and for each down time [a, b) of r that a
    task of duration d waits on, the interval [a - d + 1, b) (it could not start at a - d either, so what held it
    there ends after a - d; a resumable task could have started at a - 1 and paused, so for it the piece is
    [a, b)). The first two measure at most work + forced gaps, the third lies in D (a resumable
    task's pauses lie in down time, too). So [landmark, T) holds at most budget units outside D, and T is at most
    the start of the (budget + 1)-th.

    When D covers all time (calendars that never leave a common gap as long as the longest task), a coarser
    bound from the calendars' period P (a week) is used: past the landmark and the last holiday or closure, no
    whole period of an optimal schedule with the least start sum is free of tasks and forced gaps (shifting all
    later tasks one period earlier would keep every rule), so T <= that point + the tasks' spans + forced gaps +
    (3 n + 1) P.
    """
    assert problem.start is not None
    unit = unit_seconds(problem.time_unit)
    period = WEEK // unit
    widen: dict[str, int] = {}
    for t in problem.tasks:
        for m in t.modes:
            for k, rid in enumerate(m.resources):
                if m.demand(k) and problem.resource(rid).calendar is not None:
                    widen[rid] = max(widen.get(rid, 0), 0 if t.resumable else m.duration - 1)
    if not widen:
        return budget
    exceptions = max(problem.calendar(rid).exceptions_end(problem.start, problem.time_unit)  # type: ignore[union-attr]
                     for rid in widen)
    coarse = _period_horizon(problem, max(exceptions, settled), period)
    end = min(settled + budget + period, coarse)
    while True:
        covered = merged([(max(0, a - widen[rid]), b) for rid in widen
                          for a, b in off_times(problem.calendar(rid), problem.start,  # type: ignore[arg-type]
                                                problem.time_unit, end + max(widen.values()) + 1)])
        free, now = 0, settled
        for a, b in [*covered, (end, end)]:
            if free + max(0, min(a, end) - now) > budget:
                return now + budget - free
            free += max(0, min(a, end) - now)
            now = max(now, b)
        if end >= coarse:
            return coarse
        end = min(2 * end, coarse)


def _period_horizon(problem: Problem, settled: int, period: int) -> int:
    """The coarse calendar bound (see `calendar_horizon`): `settled` + spans + forced gaps + (3 n + 1) periods."""
    assert problem.start is not None
    week = (settled + period, settled + 2 * period)
    spans = 0
    for t in problem.tasks:
        longest = 0
        for m in t.modes:
            if not t.resumable or not m.duration:
                longest = max(longest, m.duration)
                continue
            down = merged([iv for k, rid in enumerate(m.resources) if m.demand(k)
                           for iv in _down(problem, rid, week[1])])
            working = period - sum(min(b, week[1]) - max(a, week[0]) for a, b in down if b > week[0] and a < week[1])
            if working:
                longest = max(longest, (-(-m.duration // working) + 1) * period)
        spans += longest
    return settled + spans + forced_gaps(problem) + (3 * len(problem.tasks) + 1) * period


def _down(problem: Problem, resource_id: str, until: int) -> list[tuple[int, int]]:
    """The resource's down time up to `until` (`Problem.down_times` without the horizon it is built on)."""
    r = problem.resource(resource_id)
    calendar = problem.calendar(resource_id)
    if r.kind == "consumable":
        return []
    off = off_times(calendar, problem.start, problem.time_unit, until) if calendar and problem.start else []
    return merged([*r.unavailable, *off])
