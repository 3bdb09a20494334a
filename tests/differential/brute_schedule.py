"""Brute-force optimum of a tiny scheduling `Problem`, written from the ontology's docstrings alone.

It shares no code with the package: it reads the pydantic fields of the Problem (no method, no derived view)
and decides feasibility and the objective itself. Where the docstrings leave a case open, it takes the
reading of `ordino/verify/scheduling.py` (marked [v] below); the verifier's code is not reused.

Rules of a schedule (each task left out, optional ones only, or run in one mode from an integer start):
- start >= task and job release; end <= task deadline, job deadline and `horizon`; time windows hold.
- A mode uses `demands[i]` (default 1) of `resources[i]`; an amount of 0 does not use the resource.
- Unavailable intervals [a, b) of machines and renewables: a task occupying [s, o) must have not
  (s < b and a < o); a zero-length task at s inside (a, b) breaks it [v]. Consumables have no breaks [v].
  A resumable task (of positive duration) instead pauses over them: it may not start inside one, and it ends
  when its duration of time outside them has passed; it holds its resources from start to end (the time it
  then waits blocked may not overlap them).
- Machine: the occupied intervals [s, o) (o = end, or for the `first` of a blocking constraint the start
  of `then` if later) do not overlap. Zero-length tasks are ignored [v], except on a machine with
  `setups`, where all its tasks form a sequence: s(next) >= o(prev) + setup(family prev, family next)
  for consecutive tasks [v]; tasks at one instant may be taken in the best order. With `initial_family`, the
  first task of the sequence starts >= setup(initial family, its family), and that setup counts as setup time.
- Renewable: at any time the amounts of the tasks running (s <= t < end) sum to <= capacity.
- Consumable: amounts of performed tasks sum to <= capacity.
- Precedences compare start/end points of two performed tasks; no_wait: consecutive performed tasks of
  its list chain exactly [v]; synchronize: performed tasks start together; same/different_resource:
  sets of machines of the chosen modes are equal / disjoint; blocking: start(then) >= end(first);
  select_exactly_one: exactly one performed; separation: any two performed tasks i, j satisfy
  start(j) >= end(i) + gaps[i][j] or start(i) >= end(j) + gaps[j][i]; permutation: for two listed jobs
  (declared jobs when null), take their tasks whose chosen mode lists a listed machine (every machine when
  null) and both are performed; on all such shared machines A's ends <= B's start, or on all B's <= A's.
Objective: weighted sum of TERM_DEFINITIONS; jobs are the declared jobs with tasks plus each job-less task (a
flow time counts from the declared job's `release`, or from a job-less task's own);
C_j is the latest end of its performed tasks, 0 when none is performed [v]; makespan is 0 for an empty
schedule; setup time is summed over consecutive tasks of each machine's sequence; a span term is
max(0, latest end of its performed `end_of` tasks - earliest start of its performed `start_of` tasks); a deviation
term adds, per performed task of its baseline whose start or mode differs from the baseline's, 1 + |start shift|.

Search: each task gets candidates (left out, or a mode and a start in [release, min(deadline - duration,
U)]) passing its own rules; candidates are joined task by task (numpy cross products), a rule is checked as
soon as all its tasks are placed, and a task no pending rule mentions is projected out, keeping for every
key (candidates of tasks still constrained, makespan so far, open jobs' completion, budgets used...) the
cheapest partial schedule. That is dynamic programming over the grid, exhaustive within it.

Why starts in [0, U] (`start_bound`) contain an optimum. Fix the modes, the presences, and for each disjunctive rule
a disjunct that an optimal schedule x satisfies (machine order, side of a break, separation order, order of two jobs
of a permutation, order or closed overlap of two renewable tasks). What remains is a system of difference
constraints on starts (s_q - s_p <= c, s <= c, s >= c), every point of which is feasible (for renewables: the
overlap graph only shrinks, and pairwise overlapping intervals share a point).
- Without an earliness term the objective is non-decreasing in every end and keeps the setup sequence,
  and the system's least solution (longest paths from the lower bounds) is optimal too: each start is a
  lower anchor (release, window minimum, end of a break) plus a simple path of constraints, each adding
  at most one duration per task and one constant (lag, setup, gap) per edge.
- With earliness, a span or a deviation term (each baseline start is an anchor; fix the sign of each shift and
  whether the task stays put), also fix the argmax task of each job's completion and of the makespan,
  the argmax job of the lateness, the sign of each C_j - due_j, and each span's first start, last end and
  sign; the objective is then linear, bounded below, and
  minimised at a vertex of an integral polyhedron (x >= 0, network matrix): each start is an anchor (any
  bound: deadlines, horizon, windows, breaks, |due| + 1) plus/minus a simple tree path, with the same
  per-edge constants plus |due_j - due_l| for the lateness argmax.
So U = max anchor + sum of longest durations + heaviest simple path of per-pair constants.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import numpy as np

from ordino.models import Problem

EARLINESS = frozenset({"total_earliness", "total_weighted_earliness"})
JOB_TERMS = frozenset({"total_completion_time", "total_weighted_completion_time", "total_flow_time",
                       "total_weighted_flow_time", "total_tardiness",
                       "total_weighted_tardiness", "maximum_lateness", "maximum_tardiness", "number_tardy",
                       "weighted_number_tardy", "total_earliness", "total_weighted_earliness"})
CHUNK = 400_000  # rows per cross product, to bound memory


class TooLarge(Exception):
    """The join would hold more rows than allowed."""
NONE = -(10**9)  # "no lateness yet"


@dataclass
class BruteResult:
    """Optimum (None when infeasible), a witness [(task, mode, start, end)], the grid bound and work done."""

    objective: int | None
    witness: list[tuple[str, int, int, int]] | None
    bound: int
    rows: int = 0
    why: str = ""

    @property
    def feasible(self) -> bool:
        """True when a schedule exists."""
        return self.objective is not None


@dataclass
class _Cands:
    """The candidates of one task, as parallel arrays."""

    present: np.ndarray
    mode: np.ndarray
    start: np.ndarray
    end: np.ndarray
    cost: np.ndarray
    amount: dict[str, np.ndarray]
    machines: np.ndarray
    deviation: np.ndarray
    """Weighted cost of the candidate under the `deviation` terms (already multiplied by their weights)."""


@dataclass
class _Group:
    """A rule over a set of tasks, checked once all of them are placed: fn(index of each) -> (ok, cost)."""

    name: str
    tasks: frozenset[int]
    fn: Callable[[dict[int, np.ndarray]], tuple[np.ndarray, np.ndarray | None]]


@dataclass
class _Acc:
    """A running value over a set of tasks (max or sum of per-candidate contributions)."""

    name: str
    tasks: frozenset[int]
    kind: str
    contrib: dict[int, np.ndarray]
    init: int
    cap: int | None = None
    final: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]] | None = None
    due: int | None = None  # a job's due date, feeding the maximum lateness


@dataclass
class _Profile:
    """Usage per unit time slot of a machine or renewable resource, as a running sum over its tasks."""

    name: str
    tasks: frozenset[int]
    cap: int
    usage: dict[int, np.ndarray]  # task -> [candidate, slot] amount


@dataclass
class _State:
    """Rows of partial schedules: candidate per placed task (-1 if not yet), running values, cost so far."""

    wit: np.ndarray
    acc: dict[str, np.ndarray]
    cost: np.ndarray


class _Data:
    """The problem's fields, gathered once."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.tasks = list(problem.tasks)
        self.n = len(self.tasks)
        self.index = {t.id: i for i, t in enumerate(self.tasks)}
        self.res = {r.id: r for r in problem.resources}
        self.w: Counter[str] = Counter()
        self.spans: list[tuple[int, list[int], list[int]]] = []  # (weight, start_of, end_of) of span terms
        self.deviations: list[tuple[int, dict[int, tuple[int, int]]]] = []  # (weight, task -> (start, mode))
        for term in problem.objective:
            if term.term == "span":
                self.spans.append((term.weight, [self.index[t] for t in term.start_of or []],
                                   [self.index[t] for t in term.end_of or []]))
            elif term.term == "deviation":
                self.deviations.append((term.weight, {self.index[e.task]: (e.start, e.mode)
                                                      for e in term.baseline or []}))
            else:
                self.w[term.term] += term.weight
        jobs = {j.id: j for j in problem.jobs}
        self.job_of = [jobs.get(t.job) if t.job is not None else None for t in self.tasks]
        members: dict[str, list[int]] = defaultdict(list)
        for i, t in enumerate(self.tasks):
            if t.job is not None:
                members[t.job].append(i)
        # (tasks, due, weight, earliness weight) of every job as the objective sees it
        self.jobs: list[tuple[list[int], int | None, int, int]] = []
        self.releases: list[int] = []  # each job's release, for its flow time (a lone task's own)
        for j in problem.jobs:
            if members[j.id]:
                ew = j.weight if j.earliness_weight is None else j.earliness_weight
                self.jobs.append((members[j.id], j.due, j.weight, ew))
                self.releases.append(j.release)
        for i, t in enumerate(self.tasks):
            if t.job is None:
                ew = t.weight if t.earliness_weight is None else t.earliness_weight
                self.jobs.append(([i], t.due, t.weight, ew))
                self.releases.append(t.release)
        self.machine_bit = {r.id: 1 << k for k, r in enumerate(r for r in problem.resources if r.kind == "machine")}
        self.thens: dict[int, list[int]] = defaultdict(list)  # blocking: first -> thens
        for c in problem.constraints:
            if c.type == "blocking":
                self.thens[self.index[c.first]].append(self.index[c.then])
        self.windows = defaultdict(list)
        for c in problem.constraints:
            if c.type == "time_window":
                self.windows[self.index[c.task]].append(c)
        self.calendar_days = {r.id: _working_days(problem, r.calendar) for r in problem.resources if r.calendar}
        self.breaks = {r.id: _joined([*map(tuple, r.unavailable), *_off_days(self.calendar_days.get(r.id, []))])
                       for r in problem.resources}

    def est(self, i: int) -> int:
        job = self.job_of[i]
        return max(self.tasks[i].release, job.release if job else 0)

    def latest(self, i: int) -> int | None:
        job = self.job_of[i]
        bounds = [b for b in (self.tasks[i].deadline, job.deadline if job else None, self.problem.horizon)
                  if b is not None]
        return min(bounds) if bounds else None

    def uses(self, i: int) -> dict[str, int]:
        """Resource -> largest positive amount task i may use (over its modes)."""
        out: dict[str, int] = {}
        for mode in self.tasks[i].modes:
            for k, rid in enumerate(mode.resources):
                amount = 1 if mode.demands is None else mode.demands[k]
                if amount > 0:
                    out[rid] = max(out.get(rid, 0), amount)
        return out

    def setup(self, rid: str) -> dict[tuple[str, str], int]:
        return {(s.before, s.after): s.time for s in self.res[rid].setups}

    def family(self, i: int) -> str:
        return self.tasks[i].family or self.tasks[i].id


# --- the grid bound ----------------------------------------------------------------------------------------

def start_bound(problem: Problem) -> int:
    """U: some optimal schedule (if any) has every start in [0, U] (see the module docstring)."""
    d = _Data(problem)
    regular = not (EARLINESS & set(d.w)) and not d.spans and not d.deviations
    anchors = [0]
    breaks_of: dict[int, set[str]] = defaultdict(set)
    for i in range(d.n):
        breaks_of[i] |= {r for r in d.uses(i) if d.res[r].kind != "consumable"}
        for t in d.thens.get(i, []):
            breaks_of[t] |= {r for r in d.uses(i) if d.res[r].kind == "machine"}
    due_of = {i: due for tasks, due, _, _ in d.jobs for i in tasks}
    anchors += [start for _, plan in d.deviations for start, _ in plan.values()]
    for i in range(d.n):
        anchors.append(d.est(i))
        for w in d.windows[i]:
            anchors += [v for v in (w.start_min, w.end_min) if v is not None]
            if not regular:
                anchors += [v for v in (w.start_max, w.end_max) if v is not None]
        for rid in breaks_of[i]:
            for a, b in d.res[rid].unavailable:  # a calendar's breaks are bounded by its period below
                anchors += [b] if regular else [a, b]
        if not regular:
            latest = d.latest(i)
            anchors += [latest] if latest is not None else []
            if due_of.get(i) is not None:
                anchors.append(abs(due_of[i]) + 1)
    for r in d.res.values():  # a first task waits for the setup from the state at time 0
        if r.initial_family:
            anchors += [x.time for x in r.setups if x.before == r.initial_family]
    weight: dict[tuple[int, int], int] = {}

    def edge(p: int, q: int, c: int) -> None:
        if p != q:
            for key in ((p, q), (q, p)):
                weight[key] = max(weight.get(key, 0), abs(c))

    for c in problem.constraints:
        ids = [d.index[x] for x in _constraint_tasks(c)]
        lags = [c.min_lag, c.max_lag or 0] if c.type.count("_before_") else [0]
        if c.type == "separation":
            lags = [g for row in c.gaps for g in row]
        if c.type not in ("same_resource", "different_resource", "select_exactly_one", "time_window"):
            for p, q in itertools.combinations(ids, 2):
                edge(p, q, max(lags))
                edge(p, q, min(lags))
    for rid, r in d.res.items():
        users = [i for i in range(d.n) if rid in d.uses(i)]
        if r.kind == "consumable":
            continue
        table = d.setup(rid)
        for p, q in itertools.combinations(users, 2):
            s = max(table.get((d.family(p), d.family(q)), 0), table.get((d.family(q), d.family(p)), 0))
            edge(p, q, s)
            if r.kind == "machine":
                for x, y in ((p, q), (q, p)):
                    for t in d.thens.get(x, []):
                        edge(t, y, s)
    if not regular:
        if d.w["makespan"]:
            for p, q in itertools.combinations(range(d.n), 2):
                edge(p, q, 0)
        if JOB_TERMS & set(d.w):
            for tasks, _, _, _ in d.jobs:
                for p, q in itertools.combinations(tasks, 2):
                    edge(p, q, 0)
        for _, first, last in d.spans:
            for p, q in itertools.combinations(sorted(set(first + last)), 2):
                edge(p, q, 0)
        if d.w["maximum_lateness"] or d.w["maximum_tardiness"]:
            dued = [(tasks, due) for tasks, due, _, _ in d.jobs if due is not None]
            for (ta, da), (tb, db) in itertools.combinations(dued, 2):
                for p in ta:
                    for q in tb:
                        edge(p, q, da - db)
    durations = sum(max(m.duration for m in t.modes) for t in d.tasks)
    if d.calendar_days:
        return _calendar_bound(problem, d, max(abs(a) for a in anchors))
    if any(t.resumable for t in d.tasks):  # a resumable task's span also holds the down times it pauses over
        durations += sum(b - a for r in d.res.values() for a, b in r.unavailable)
    return max(abs(a) for a in anchors) + durations + _heaviest_path(d.n, weight)


# --- calendars (time_unit "day", whole working days) -------------------------------------------------------

CALENDAR_DAYS = 400  # the oracle reads calendars this far (every grid it builds ends well before)


def _working_days(problem: Problem, name: str) -> list[bool]:
    """Per day from the start: does the calendar work that day (whole days only: weekday named with window
    00:00-24:00, not a holiday, not inside a closed period)."""
    cal = next(c for c in problem.calendars if c.id == name)
    assert problem.time_unit == "day" and problem.start is not None and problem.start.hour == 0
    names = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    working: set[int] = set()
    for key, windows in cal.week.items():
        assert windows == ["00:00-24:00"], "the oracle reads whole working days only"
        a, _, b = key.partition("-")
        first, last = names.index(a), names.index(b or a)
        working |= {(first + k) % 7 for k in range((last - first) % 7 + 1)}
    out = []
    for k in range(CALENDAR_DAYS):
        day = problem.start + timedelta(days=k)
        closed = any(x <= day < y for x, y in cal.closed)
        out.append(day.weekday() in working and day.date() not in cal.holidays and not closed)
    return out


def _off_days(days: list[bool]) -> list[tuple[int, int]]:
    return [(k, k + 1) for k, works in enumerate(days) if not works]


def _joined(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _calendar_bound(problem: Problem, d: _Data, anchor: int) -> int:
    """U for calendars, by the week P = 7: past the last anchor and the last holiday or closure, shifting every
    later task one week earlier keeps every rule, so an optimal schedule with the least start sum leaves no week
    free of running tasks and forced gaps (lags, setups, separation gaps): its last end is at most that point +
    the tasks' spans (a resumable task of work w on days that work k days a week spans at most
    (ceil(w / k) + 1) weeks) + the gaps + (3 n + 1) weeks."""
    cal_end = max([0] + [k + 1 for days in d.calendar_days.values() for k in range(CALENDAR_DAYS - 7)
                         if days[k] != days[k + 7]])
    spans = 0
    for t in d.tasks:
        longest = 0
        for m in t.modes:
            if t.resumable and m.duration:
                down = _joined([b for j, rid in enumerate(m.resources) if (m.demands is None or m.demands[j])
                                and d.res[rid].kind != "consumable" for b in d.breaks[rid]])
                week = (cal_end + anchor, cal_end + anchor + 7)
                works = 7 - sum(max(0, min(b, week[1]) - max(a, week[0])) for a, b in down)
                longest = max(longest, (-(-m.duration // works) + 1) * 7 if works else 0)
            else:
                longest = max(longest, m.duration)
        spans += longest
    gaps = sum(abs(g) for c in problem.constraints for g in
               ([c.min_lag, c.max_lag or 0] if "_before_" in c.type else
                [x for row in c.gaps for x in row] if c.type == "separation" else []))
    gaps += sum(max(s.time for s in r.setups) * sum(1 for i in range(d.n) if r.id in d.uses(i))
                for r in problem.resources if r.setups)
    return max(anchor, cal_end) + spans + gaps + (3 * d.n + 1) * 7


def _heaviest_path(n: int, weight: dict[tuple[int, int], int]) -> int:
    """Largest sum of edge weights along a simple path (n is tiny: every path is tried)."""
    best = 0
    adj = defaultdict(list)
    for (p, q), w in weight.items():
        adj[p].append((q, w))

    def walk(v: int, seen: set[int], total: int) -> None:
        nonlocal best
        best = max(best, total)
        for q, w in adj[v]:
            if q not in seen:
                walk(q, seen | {q}, total + w)

    for v in range(n):
        walk(v, {v}, 0)
    return best


def _constraint_tasks(c: Any) -> list[str]:
    if c.type == "permutation":
        return []  # it names jobs and machines; its pairs of tasks are found in _Rules.permutation
    if c.type == "time_window":
        return [c.task]
    if hasattr(c, "first"):
        return [c.first, c.then]
    return list(c.tasks)


# --- candidates ------------------------------------------------------------------------------------------

def _candidates(d: _Data, i: int, options: list[tuple[bool, int, int]]) -> _Cands:
    """Arrays for the (present, mode, start) options of task i that pass its own rules."""
    t = d.tasks[i]
    est, latest = d.est(i), d.latest(i)
    keep = []
    for present, k, s in options:
        if not present:
            if t.optional:
                keep.append((False, -1, 0, 0, t.absence_penalty))
            continue
        if not 0 <= k < len(t.modes):
            continue
        mode = t.modes[k]
        pauses = _pauses(d, mode) if t.resumable and mode.duration else []
        e = _resumed_end(s, mode.duration, pauses)
        if s < est or (latest is not None and e > latest) or any(a <= s < b for a, b in pauses):
            continue
        if any(_outside(s, w.start_min, w.start_max) or _outside(e, w.end_min, w.end_max) for w in d.windows[i]):
            continue
        broken = False
        for j, rid in enumerate(mode.resources if not pauses else []):
            amount = 1 if mode.demands is None else mode.demands[j]
            res = d.res.get(rid)
            if res is not None and amount > 0 and res.kind != "consumable":
                broken |= any(s < b and a < e for a, b in d.breaks[rid])
        if not broken:
            keep.append((True, k, s, e, mode.cost))
    moved = [sum(weight * (1 + abs(s - plan[i][0]) if (s, k) != plan[i] else 0) for weight, plan in d.deviations
                 if i in plan) if p else 0 for p, k, s, _, _ in keep]
    arr = np.array([row[:4] for row in keep], dtype=np.int64).reshape(-1, 4)
    present = arr[:, 0].astype(bool)
    amount = {}
    machines = np.zeros(len(keep), dtype=np.int64)
    for rid in d.res:
        amount[rid] = np.zeros(len(keep), dtype=np.int64)
    for row, (p, k, _, _, _) in enumerate(keep):
        if p:
            mode = t.modes[k]
            for j, rid in enumerate(mode.resources):
                amount[rid][row] = 1 if mode.demands is None else mode.demands[j]
                machines[row] |= d.machine_bit.get(rid, 0)
    return _Cands(present=present, mode=arr[:, 1], start=arr[:, 2], end=arr[:, 3],
                  cost=np.array([row[4] for row in keep], dtype=np.int64), amount=amount, machines=machines,
                  deviation=np.array(moved, dtype=np.int64))


def _pauses(d: _Data, mode: Any) -> list[tuple[int, int]]:
    """Down times of the resources a mode needs some of (not consumables), overlapping ones joined."""
    spans = sorted((a, b) for j, rid in enumerate(mode.resources)
                   if (1 if mode.demands is None else mode.demands[j]) > 0 and rid in d.res
                   and d.res[rid].kind != "consumable" for a, b in d.breaks[rid])
    joined: list[tuple[int, int]] = []
    for a, b in spans:
        if joined and a <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], b))
        else:
            joined.append((a, b))
    return joined


def _resumed_end(start: int, work: int, pauses: list[tuple[int, int]]) -> int:
    """The time `work` units of work started at `start` are done, nothing done during `pauses`."""
    t, left = start, work
    for a, b in pauses:
        if b > t and t + left > a:
            left -= max(0, a - t)
            t = b
    return t + left


def _outside(value: int, lo: int | None, hi: int | None) -> bool:
    return (lo is not None and value < lo) or (hi is not None and value > hi)


def _grid(d: _Data, i: int, bound: int) -> list[tuple[bool, int, int]]:
    t = d.tasks[i]
    options: list[tuple[bool, int, int]] = [(False, -1, 0)] if t.optional else []
    for k, mode in enumerate(t.modes):
        hi = bound
        latest = d.latest(i)
        if latest is not None:
            hi = min(hi, latest - mode.duration)
        options += [(True, k, s) for s in range(d.est(i), hi + 1)]
    return options


# --- rules between tasks ------------------------------------------------------------------------------------

class _Rules:
    """The groups (rules checked when all their tasks are placed) and accumulators of a problem."""

    def __init__(self, d: _Data, cands: list[_Cands]) -> None:
        self.d = d
        self.c = cands
        self.groups: list[_Group] = []
        self.accs: list[_Acc] = []
        self.profiles: list[_Profile] = []
        self.constraints()
        self.resources()
        self.objective()

    def col(self, ix: dict[int, np.ndarray], i: int, what: str) -> np.ndarray:
        """Field `what` ('start', 'amount_R'...) of the candidates of task i in the rows."""
        c = self.c[i]
        arr = c.amount[what[len("amount_"):]] if what.startswith("amount_") else getattr(c, what)
        return arr[ix[i]]

    def add(self, name: str, tasks: list[int], fn: Callable) -> None:
        self.groups.append(_Group(name, frozenset(tasks), fn))

    def constraints(self) -> None:
        d = self.d
        for c in d.problem.constraints:
            ids = [d.index[x] for x in _constraint_tasks(c)]
            if "_before_" in c.type:
                self.add(c.type, ids, self.precedence(c, *ids))
            elif c.type == "blocking":
                f, t = ids
                self.add("blocking", ids, lambda ix, f=f, t=t: (
                    ~(self.col(ix, f, "present") & self.col(ix, t, "present"))
                    | (self.col(ix, t, "start") >= self.col(ix, f, "end")), None))
            elif c.type == "separation":
                for a, b in itertools.combinations(range(len(ids)), 2):
                    self.add("separation", [ids[a], ids[b]],
                             self.separation(ids[a], ids[b], c.gaps[a][b], c.gaps[b][a]))
            elif c.type == "synchronize":
                for p, q in itertools.combinations(ids, 2):
                    self.add("synchronize", [p, q], lambda ix, p=p, q=q: (
                        ~(self.col(ix, p, "present") & self.col(ix, q, "present"))
                        | (self.col(ix, p, "start") == self.col(ix, q, "start")), None))
            elif c.type == "no_wait":
                for a, b in itertools.combinations(range(len(ids)), 2):
                    between = ids[a + 1:b]
                    if all(d.tasks[x].optional for x in between):
                        self.add("no_wait", ids[a:b + 1], self.no_wait(ids[a], ids[b], between))
            elif c.type in ("same_resource", "different_resource"):
                same = c.type == "same_resource"
                for p, q in itertools.combinations(ids, 2):
                    self.add(c.type, [p, q], lambda ix, p=p, q=q, same=same: (
                        ~(self.col(ix, p, "present") & self.col(ix, q, "present"))
                        | ((self.col(ix, p, "machines") == self.col(ix, q, "machines")) if same else
                            ((self.col(ix, p, "machines") & self.col(ix, q, "machines")) == 0)), None))
            elif c.type == "permutation":
                self.permutation(c)
            elif c.type == "select_exactly_one":
                contrib = {i: self.c[i].present.astype(np.int64) for i in ids}
                self.accs.append(_Acc("select_exactly_one", frozenset(ids), "sum", contrib, 0, cap=1,
                                      final=lambda v: (v == 1, np.zeros(len(v), dtype=np.int64))))

    def permutation(self, c: Any) -> None:
        d = self.d
        jobs = [j.id for j in d.problem.jobs] if c.jobs is None else c.jobs
        machines = [r.id for r in d.problem.resources if r.kind == "machine"] if c.resources is None else c.resources
        # per job, (machine, task) for each task of the job that lists the machine in some mode
        on = {j: [(m, i) for i, t in enumerate(d.tasks) if t.job == j for m in machines
                  if any(m in mode.resources for mode in t.modes)] for j in jobs}
        for a, b in itertools.combinations(jobs, 2):
            pairs = [(p, q, m) for m, p in on[a] for m2, q in on[b] if m == m2]
            if pairs:
                self.add("permutation", [x for p, q, _ in pairs for x in (p, q)], self.same_order(pairs))

    def same_order(self, pairs: list[tuple[int, int, str]]) -> Callable:
        def fn(ix: dict[int, np.ndarray]) -> tuple[np.ndarray, None]:
            a_first = b_first = True
            for p, q, m in pairs:
                k = self.d.machine_bit[m]
                both = (self.col(ix, p, "present") & self.col(ix, q, "present")
                        & ((self.col(ix, p, "machines") & k) > 0) & ((self.col(ix, q, "machines") & k) > 0))
                a_first = a_first & (~both | (self.col(ix, p, "end") <= self.col(ix, q, "start")))
                b_first = b_first & (~both | (self.col(ix, q, "end") <= self.col(ix, p, "start")))
            return np.asarray(a_first | b_first), None

        return fn

    def precedence(self, c: Any, f: int, t: int) -> Callable:
        a, _, b = c.type.partition("_before_")
        lo, hi = c.min_lag, c.max_lag

        def fn(ix: dict[int, np.ndarray]) -> tuple[np.ndarray, None]:
            lag = self.col(ix, t, "start" if b == "start" else "end") - \
                self.col(ix, f, "start" if a == "start" else "end")
            ok = lag >= lo
            if hi is not None:
                ok &= lag <= hi
            return ~(self.col(ix, f, "present") & self.col(ix, t, "present")) | ok, None

        return fn

    def separation(self, i: int, j: int, gij: int, gji: int) -> Callable:
        def fn(ix: dict[int, np.ndarray]) -> tuple[np.ndarray, None]:
            si, ei, sj, ej = (self.col(ix, x, w) for x in (i, j) for w in ("start", "end"))
            ok = (sj >= ei + gij) | (si >= ej + gji)
            return ~(self.col(ix, i, "present") & self.col(ix, j, "present")) | ok, None

        return fn

    def no_wait(self, a: int, b: int, between: list[int]) -> Callable:
        def fn(ix: dict[int, np.ndarray]) -> tuple[np.ndarray, None]:
            applies = self.col(ix, a, "present") & self.col(ix, b, "present")
            for x in between:
                applies &= ~self.col(ix, x, "present")
            return ~applies | (self.col(ix, b, "start") == self.col(ix, a, "end")), None

        return fn

    def occupancy(self, ix: dict[int, np.ndarray], i: int) -> np.ndarray:
        """End of the time task i holds its machines: its end, or the start of a later blocking `then`."""
        o = self.col(ix, i, "end")
        for t in self.d.thens.get(i, []):
            o = np.where(self.col(ix, t, "present"), np.maximum(o, self.col(ix, t, "start")), o)
        return o

    def resources(self) -> None:
        d = self.d
        horizon = 1 + max((int(c.end.max()) for c in self.c if len(c.end)), default=0)
        for rid, r in d.res.items():
            users = [i for i in range(d.n) if rid in d.uses(i)]
            if not users:
                continue
            extra = {i: d.thens.get(i, []) for i in users}
            if r.kind == "consumable":
                contrib = {i: self.c[i].amount[rid] for i in users}
                self.accs.append(_Acc(f"consumable {rid}", frozenset(users), "sum", contrib, 0, cap=r.capacity))
            elif r.kind == "renewable" or not (r.setups or any(extra.values())):
                # usage per unit slot [t, t + 1), summed over the placed tasks (zero-length tasks use none)
                usage = {}
                for i in users:
                    c = self.c[i]
                    slots = np.arange(horizon)
                    running = (c.start[:, None] <= slots) & (slots < c.end[:, None])
                    usage[i] = (running * c.amount[rid][:, None]).astype(np.int16)
                self.profiles.append(_Profile(rid, frozenset(users), r.capacity, usage))
            else:
                for p, q in itertools.combinations(users, 2):
                    self.add(f"machine {rid}", [p, q, *extra[p], *extra[q]], self.disjoint(rid, p, q))
                for f in users:
                    if extra[f] and d.breaks[rid]:
                        self.add(f"blocked machine {rid} unavailable", [f, *extra[f]], self.blocked_break(rid, f))
                if r.setups:
                    tasks = sorted({*users, *(t for i in users for t in extra[i])})
                    self.add(f"setups on {rid}", tasks, self.sequence(rid, users))

    def disjoint(self, rid: str, p: int, q: int) -> Callable:
        setups = bool(self.d.res[rid].setups)

        def fn(ix: dict[int, np.ndarray]) -> tuple[np.ndarray, None]:
            sp, sq = self.col(ix, p, "start"), self.col(ix, q, "start")
            op, oq = self.occupancy(ix, p), self.occupancy(ix, q)
            both = (self.col(ix, p, "amount_" + rid) > 0) & (self.col(ix, q, "amount_" + rid) > 0)
            if not setups:
                both &= (op > sp) & (oq > sq)
            return ~both | (sq >= op) | (sp >= oq), None

        return fn

    def blocked_break(self, rid: str, f: int) -> Callable:
        def fn(ix: dict[int, np.ndarray]) -> tuple[np.ndarray, None]:
            s, o = self.col(ix, f, "start"), self.occupancy(ix, f)
            if self.d.tasks[f].resumable:  # its work pauses over breaks; only the time it waits blocked may not
                e = self.col(ix, f, "end")
                s = np.where(e > s, e, s)
            bad = np.zeros(len(s), dtype=bool)
            for a, b in self.d.breaks[rid]:
                bad |= (s < b) & (a < o)
            return ~(self.col(ix, f, "amount_" + rid) > 0) | ~bad, None

        return fn

    def sequence(self, rid: str, users: list[int]) -> Callable:
        """Setup rule and setup time of a machine with setups: the best order of its tasks."""
        d = self.d
        initial = d.res[rid].initial_family
        families = sorted({d.family(i) for i in users} | ({initial} if initial else set()))
        fam = np.array([families.index(d.family(i)) for i in users])
        first = families.index(initial) if initial else -1
        table = d.setup(rid)
        setup = np.array([[table.get((a, b), 0) for b in families] for a in families], dtype=np.int64)
        k = len(users)

        def scan(s: np.ndarray, o: np.ndarray, use: np.ndarray, order: tuple[int, ...]) -> tuple:
            ok = np.ones(len(s), dtype=bool)
            total = np.zeros(len(s), dtype=np.int64)
            prev_o = np.zeros(len(s), dtype=np.int64)
            prev_f = np.full(len(s), max(first, 0), dtype=np.int64)
            has = np.full(len(s), first >= 0, dtype=bool)  # the state at time 0 goes before the first task
            for x in order:
                gap = setup[prev_f, fam[x]]
                step = use[:, x] & has
                ok &= ~step | (s[:, x] >= prev_o + gap)
                total += np.where(step, gap, 0)
                prev_o = np.where(use[:, x], o[:, x], prev_o)
                prev_f = np.where(use[:, x], fam[x], prev_f)
                has |= use[:, x]
            return ok, total

        def fn(ix: dict[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
            s = np.stack([self.col(ix, i, "start") for i in users], axis=1)
            o = np.stack([self.occupancy(ix, i) for i in users], axis=1)
            use = np.stack([self.col(ix, i, "amount_" + rid) > 0 for i in users], axis=1)
            key = np.where(use, s * (1 << 20) + o, np.iinfo(np.int64).max)
            order = np.argsort(key, axis=1, kind="stable")
            rows = np.arange(len(s))[:, None]
            ok, total = _sorted_scan(s[rows, order], o[rows, order], use[rows, order], fam[order], setup, first)
            ks = key[rows, order]
            tie = ((ks[:, 1:] == ks[:, :-1]) & use[rows, order][:, 1:]).any(axis=1)
            if tie.any():
                sub = np.flatnonzero(tie)
                best_ok = np.zeros(len(sub), dtype=bool)
                best = np.full(len(sub), np.iinfo(np.int64).max)
                for perm in itertools.permutations(range(k)):
                    pok, ptotal = scan(s[sub], o[sub], use[sub], perm)
                    best = np.where(pok & (ptotal < best), ptotal, best)
                    best_ok |= pok
                ok[sub] = best_ok
                total[sub] = np.where(best_ok, best, 0)
            return ok, total * d.w["total_setup_time"]

        return fn

    def objective(self) -> None:
        d, w = self.d, self.d.w
        for (tasks, due, weight, ew), release in zip(d.jobs, d.releases, strict=True):
            contrib = {i: np.where(self.c[i].present, self.c[i].end, 0) for i in tasks}

            def final(v: np.ndarray, due: int | None = due, weight: int = weight, ew: int = ew,
                      release: int = release) -> tuple:
                cost = (w["total_completion_time"] + w["total_weighted_completion_time"] * weight) * v
                cost = cost + (w["total_flow_time"] + w["total_weighted_flow_time"] * weight) * (v - release)
                if due is not None:
                    late, early, tardy = np.maximum(v - due, 0), np.maximum(due - v, 0), (v > due).astype(np.int64)
                    cost = cost + (w["total_tardiness"] + w["total_weighted_tardiness"] * weight) * late
                    cost = cost + (w["number_tardy"] + w["weighted_number_tardy"] * weight) * tardy
                    cost = cost + (w["total_earliness"] + w["total_weighted_earliness"] * ew) * early
                return np.ones(len(v), dtype=bool), cost

            self.accs.append(_Acc("job", frozenset(tasks), "max", contrib, 0, final=final, due=due))
        for weight, first, last in d.spans:
            self.add("span", first + last, self.span_cost(weight, first, last))
        if w["makespan"]:
            contrib = {i: np.where(c.present, c.end, 0) for i, c in enumerate(self.c)}
            self.accs.append(_Acc("makespan", frozenset(range(d.n)), "max", contrib, 0,
                                  final=lambda v: (np.ones(len(v), dtype=bool), w["makespan"] * v)))


    def span_cost(self, weight: int, first: list[int], last: list[int]) -> Callable:
        """weight * max(0, latest end of performed `last` tasks - earliest start of performed `first` ones)."""
        def fn(ix: dict[int, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
            rows = len(next(iter(ix.values())))
            opens, closes = np.full(rows, 10**9), np.full(rows, -(10**9))
            for i in first:
                c = self.c[i]
                opens = np.minimum(opens, np.where(c.present[ix[i]], c.start[ix[i]], 10**9))
            for i in last:
                c = self.c[i]
                closes = np.maximum(closes, np.where(c.present[ix[i]], c.end[ix[i]], -(10**9)))
            return np.ones(rows, dtype=bool), weight * np.maximum(closes - opens, 0)
        return fn


# --- the join ----------------------------------------------------------------------------------------------

def _search(d: _Data, cands: list[_Cands], max_rows: int | None = None) -> tuple:
    """(optimum, witness candidate indices, largest row count, what emptied the rows); TooLarge past
    `max_rows` rows at any step."""
    for i, c in enumerate(cands):
        if len(c.present) == 0:
            return None, None, 0, f"task {d.tasks[i].id!r} has no candidate"
    rules = _Rules(d, cands)
    order = _order(d.n, rules, [len(c.present) for c in cands])
    acc: dict[str, np.ndarray] = {f"acc{k}": np.array([a.init]) for k, a in enumerate(rules.accs)}
    for p in rules.profiles:
        acc["profile " + p.name] = np.zeros((1, next(iter(p.usage.values())).shape[1]), dtype=np.int16)
    if d.w["maximum_lateness"] or d.w["maximum_tardiness"]:
        acc["lateness"] = np.array([NONE])
    state = _State(wit=np.full((1, d.n), -1, dtype=np.int64), acc=acc, cost=np.zeros(1, dtype=np.int64))
    done: set[int] = set()
    peak = 1
    for i in order:
        done.add(i)
        pieces = []
        per = max(1, CHUNK // len(cands[i].present))
        total = 0
        for lo in range(0, len(state.cost), per):
            piece = _extend(_keep(state, slice(lo, lo + per)), i, cands[i], rules, done)
            total += len(piece.cost)
            if max_rows is not None and total > max_rows:
                raise TooLarge(f"more than {max_rows} rows once {d.tasks[i].id!r} is placed")
            pieces.append(piece)
        peak = max(peak, total)
        state = _dedupe(_concat(pieces), _frontier(rules, done))
        if len(state.cost) == 0:
            return None, None, peak, f"no schedule once {d.tasks[i].id!r} is placed"
    lateness = state.acc.get("lateness", np.zeros(1, dtype=np.int64))
    cost = state.cost + d.w["maximum_lateness"] * lateness + d.w["maximum_tardiness"] * np.maximum(lateness, 0)
    best = int(np.argmin(cost))
    return int(cost[best]), state.wit[best], peak, ""


def _concat(parts: list[_State]) -> _State:
    return _State(np.concatenate([p.wit for p in parts]),
                  {k: np.concatenate([p.acc[k] for p in parts]) for k in parts[0].acc},
                  np.concatenate([p.cost for p in parts]))


def _keep(s: _State, rows: np.ndarray | slice) -> _State:
    return _State(s.wit[rows], {k: v[rows] for k, v in s.acc.items()}, s.cost[rows])


def _extend(state: _State, i: int, cand: _Cands, rules: _Rules, done: set[int]) -> _State:
    """Every row combined with every candidate of task i, filtered by the rules now complete."""
    c = len(cand.present)
    rep = np.repeat(np.arange(len(state.cost)), c)
    ci = np.tile(np.arange(c), len(state.cost))
    s = _keep(state, rep)
    s.cost = s.cost + cand.cost[ci] * rules.d.w["total_cost"] + cand.deviation[ci]
    s.wit[:, i] = ci
    for p in rules.profiles:
        if i in p.tasks:
            key = "profile " + p.name
            s.acc[key] = s.acc[key] + p.usage[i][s.wit[:, i]]
            s = _keep(s, s.acc[key].max(axis=1) <= p.cap)
            if p.tasks <= done:
                del s.acc[key]
    for k, acc in enumerate(rules.accs):
        if i not in acc.tasks:
            continue
        key = f"acc{k}"
        add = acc.contrib[i][s.wit[:, i]]
        s.acc[key] = np.maximum(s.acc[key], add) if acc.kind == "max" else s.acc[key] + add
        if acc.cap is not None:
            s = _keep(s, s.acc[key] <= acc.cap)
        if acc.tasks <= done:
            v = s.acc.pop(key)
            if "lateness" in s.acc and acc.due is not None:
                s.acc["lateness"] = np.maximum(s.acc["lateness"], v - acc.due)
            if acc.final is not None:
                ok, cost = acc.final(v)
                s.cost = s.cost + cost
                s = _keep(s, ok)
    for g in rules.groups:
        if i in g.tasks and g.tasks <= done:
            ok, cost = g.fn({x: s.wit[:, x] for x in g.tasks})
            if cost is not None:
                s.cost = s.cost + cost
            s = _keep(s, ok)
    return s


def _frontier(rules: _Rules, done: set[int]) -> list[int]:
    """Placed tasks still mentioned by a rule with an unplaced task."""
    out: set[int] = set()
    for g in rules.groups:
        if not g.tasks <= done:
            out |= g.tasks & done
    return sorted(out)


def _dedupe(s: _State, frontier: list[int]) -> _State:
    """One row (the cheapest) per key: frontier candidates, open accumulators and usage profiles."""
    if len(s.cost) <= 1:
        return s
    cols = [s.wit[:, x] for x in frontier]
    for v in s.acc.values():
        if v.ndim == 1:
            cols.append(v)
            continue
        per_word = max(1, int(60 // np.log2(int(v.max()) + 2)))  # profile slots packed into int64 words
        base = int(v.max()) + 1
        for lo in range(0, v.shape[1], per_word):
            cols.append(v[:, lo:lo + per_word].astype(np.int64) @ (base ** np.arange(v[:, lo:lo + per_word].shape[1],
                                                                                     dtype=np.int64)))
    key = np.zeros(len(s.cost), dtype=np.int64)
    span = 1
    for col in cols:
        col = col - col.min()
        width = int(col.max()) + 1
        if span * width >= 2**62:
            key = np.unique(key, return_inverse=True)[1].ravel()
            span = int(key.max()) + 1
            if span * width >= 2**62:
                col = np.unique(col, return_inverse=True)[1].ravel()
                width = int(col.max()) + 1
        key = key * width + col
        span *= width
    order = np.lexsort((s.cost, key))
    first = np.ones(len(order), dtype=bool)
    first[1:] = key[order][1:] != key[order][:-1]
    return _keep(s, order[first])


def _order(n: int, rules: _Rules, sizes: list[int]) -> list[int]:
    """The placement order with the least estimated work (rows times candidates, summed over steps)."""
    sets = [g.tasks for g in rules.groups] + [a.tasks for a in rules.accs if a.name != "makespan"]
    typical = int(np.median(sizes))

    def work(perm: tuple[int, ...]) -> float:
        done: set[int] = set()
        total, rows = 0.0, 1.0
        for i in perm:
            total += rows * sizes[i]
            done.add(i)
            frontier = set().union(*[st & done for st in sets if not st <= done]) if sets else set()
            open_accs = sum(1 for st in sets if st & done and not st <= done and len(st) > 2)
            rows = float(np.prod([sizes[x] for x in frontier])) * typical ** min(open_accs, 1)
        return total

    if n > 7:
        return list(range(n))
    return list(min(itertools.permutations(range(n)), key=work))


# --- entry points --------------------------------------------------------------------------------------------

def brute_force(problem: Problem, max_rows: int | None = None) -> BruteResult:
    """The optimum over every mode, presence and start in [0, start_bound(problem)] (TooLarge when the
    join would exceed `max_rows` rows)."""
    d = _Data(problem)
    bound = start_bound(problem)
    cands = [_candidates(d, i, _grid(d, i, bound)) for i in range(d.n)]
    value, wit, peak, why = _search(d, cands, max_rows)
    return BruteResult(objective=value, witness=_witness(d, cands, wit), bound=bound, rows=peak, why=why)


def evaluate(problem: Problem, entries: list[tuple[str, int, int, int]]) -> tuple[bool, int | None, str]:
    """(feasible, objective, why not) of one schedule [(task, mode, start, end)], by the same rules."""
    d = _Data(problem)
    given: dict[str, tuple[int, int, int]] = {}
    for task, mode, start, end in entries:
        if task not in d.index or task in given:
            return False, None, f"task {task!r} unknown or listed twice"
        given[task] = (mode, start, end)
    cands = []
    for i, t in enumerate(d.tasks):
        if t.id in given:
            mode, start, end = given[t.id]
            if not 0 <= mode < len(t.modes):
                return False, None, f"task {t.id!r}: mode {mode} is wrong"
            cand = _candidates(d, i, [(True, mode, start)])
            if len(cand.end) and cand.end[0] != end:
                return False, None, f"task {t.id!r}: ends {end}, its work (with pauses) ends {cand.end[0]}"
            cands.append(cand)
        else:
            cands.append(_candidates(d, i, [(False, -1, 0)]))
    value, _, _, why = _search(d, cands)
    return value is not None, value, why


def _witness(d: _Data, cands: list[_Cands], wit: np.ndarray | None) -> list[tuple[str, int, int, int]] | None:
    if wit is None:
        return None
    out = []
    for i, k in enumerate(wit):
        c = cands[i]
        if c.present[k]:
            out.append((d.tasks[i].id, int(c.mode[k]), int(c.start[k]), int(c.end[k])))
    return out


def _sorted_scan(s: np.ndarray, o: np.ndarray, use: np.ndarray, fam: np.ndarray, setup: np.ndarray,
                 first: int) -> tuple:
    """Setup rule along already sorted columns (fam is per row and column; `first` is the family at time 0, or
    -1); the used tasks come first."""
    ok = np.ones(len(s), dtype=bool)
    total = np.zeros(len(s), dtype=np.int64)
    if first >= 0 and s.shape[1]:
        gap = setup[first, fam[:, 0]]
        ok &= ~use[:, 0] | (s[:, 0] >= gap)
        total += np.where(use[:, 0], gap, 0)
    for x in range(1, s.shape[1]):
        step = use[:, x] & use[:, x - 1]
        gap = setup[fam[:, x - 1], fam[:, x]]
        ok &= ~step | (s[:, x] >= o[:, x - 1] + gap)
        total += np.where(step, gap, 0)
    return ok, total


__all__ = ["BruteResult", "TooLarge", "brute_force", "evaluate", "start_bound"]
