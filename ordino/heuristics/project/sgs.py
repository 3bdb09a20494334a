"""Schedule generation schemes for the RCPSP: serial and parallel SGS with priority rules, regret-biased
random sampling, and forward-backward improvement (justification).

A priority is an array with one value per activity (lowest first) or a rule name from `RULES`. The schemes
raise `OutOfTime` at a deadline (a `time.perf_counter()` value); justification keeps what it has.
"""

from __future__ import annotations

import heapq
import math
import time

import numpy as np

from ordino.errors import ModelError
from ordino.heuristics.budget import OutOfTime, check
from ordino.heuristics.project.data import ProjectData

RULES = ("LFT", "LST", "MTS", "GRPW", "MSLK", "EST", "EFT", "SPT", "LPT", "GRD")
"""Built-in priority rules (lowest value scheduled first)."""


def _topological(data: ProjectData) -> list[int]:
    indeg = [len(p) for p in data.preds]
    stack = [i for i in range(data.n) if not indeg[i]]
    order = []
    while stack:
        v = stack.pop()
        order.append(v)
        for w in data.succs[v]:
            indeg[w] -= 1
            if not indeg[w]:
                stack.append(w)
    if len(order) < data.n:
        stuck = [data.task_ids[i] for i in range(data.n) if indeg[i]][:5]
        raise ModelError(f"the precedences contain a cycle (involving {', '.join(stuck)}); remove one of them")
    return order


def critical_path_times(data: ProjectData) -> tuple[np.ndarray, np.ndarray, int]:
    """Earliest starts, latest starts (for the critical path length) and the critical path length."""
    order = _topological(data)
    d = data.duration
    es = data.release.copy()
    for v in order:
        for w in data.succs[v]:
            es[w] = max(es[w], es[v] + d[v])
    length = int(max((es + d).max(), 0))
    ls = length - d
    for v in reversed(order):
        for w in data.succs[v]:
            ls[v] = min(ls[v], ls[w] - d[v])
    return es, ls, length


def priority_values(data: ProjectData, rule: str) -> np.ndarray:
    """Priority of each activity under a named rule (lowest first)."""
    rule = rule.upper()
    es, ls, _ = critical_path_times(data)
    d = data.duration.astype(float)
    if rule == "LFT":
        return ls + d
    if rule == "LST":
        return ls.astype(float)
    if rule == "EST":
        return es.astype(float)
    if rule == "EFT":
        return es + d
    if rule == "MSLK":
        return (ls - es).astype(float)
    if rule == "SPT":
        return d
    if rule == "LPT":
        return -d
    if rule == "GRPW":
        return -(d + np.array([sum(data.duration[s] for s in data.succs[i]) for i in range(data.n)]))
    if rule == "GRD":
        return -(d * data.demand.sum(axis=1))
    if rule == "MTS":
        reach = [0] * data.n  # successors, direct or not, as a bit set
        for v in reversed(_topological(data)):
            for w in data.succs[v]:
                reach[v] |= reach[w] | (1 << w)
        return -np.array([r.bit_count() for r in reach], dtype=float)
    raise ValueError(f"unknown priority rule {rule!r}; choose one of {', '.join(RULES)}")


def _profile_size(data: ProjectData) -> int:
    return int(data.release.max(initial=0) + data.duration.sum() + 1)


def _earliest_fit(usage: np.ndarray, need: np.ndarray, t: int, dv: int) -> int:
    """Earliest start from `t` at which usage stays within `need` for `dv` periods, scanning the profile a
    window at a time (the profile is long enough to end with free periods)."""
    window = 8 * dv + 64
    while True:
        bad = (usage[t:t + window + dv] > need).any(axis=1)
        runs = np.concatenate(([0], np.cumsum(bad)))
        fits = np.flatnonzero(runs[dv:] == runs[:-dv])  # no bad period in [i, i + dv)
        if len(fits):
            return t + int(fits[0])
        t += bad.size - dv + 1


def serial_sgs(data: ProjectData, priority: np.ndarray | str, release: bool = True,
               deadline: float = math.inf) -> np.ndarray:
    """Serial SGS: repeatedly take the eligible activity of lowest priority and start it as early as
    precedences and resources allow. Returns start times."""
    prio = priority_values(data, priority) if isinstance(priority, str) else np.asarray(priority, dtype=float)
    n, d, dem, cap = data.n, data.duration, data.demand, data.capacity
    usage = np.zeros((_profile_size(data), len(cap)), dtype=np.int64)
    start = np.zeros(n, dtype=np.int64)
    missing = [len(p) for p in data.preds]
    ready = data.release.copy() if release else np.zeros(n, dtype=np.int64)
    eligible = [(prio[i], i) for i in range(n) if not missing[i]]
    heapq.heapify(eligible)
    done = 0
    while eligible:
        check(deadline)
        _, v = heapq.heappop(eligible)
        t, dv = int(ready[v]), int(d[v])
        if dv > 0 and dem[v].any():
            t = _earliest_fit(usage, cap - dem[v], t, dv)
            usage[t:t + dv] += dem[v]
        start[v] = t
        done += 1
        for w in data.succs[v]:
            ready[w] = max(ready[w], t + dv)
            missing[w] -= 1
            if not missing[w]:
                heapq.heappush(eligible, (prio[w], w))
    if done < n:
        _topological(data)  # raises a ModelError naming the cycle
    return start


def parallel_sgs(data: ProjectData, priority: np.ndarray | str, deadline: float = math.inf) -> np.ndarray:
    """Parallel SGS: advance a clock over finish times; at each time start, by priority, every eligible
    activity that fits in the resources left. Returns start times."""
    prio = priority_values(data, priority) if isinstance(priority, str) else np.asarray(priority, dtype=float)
    n, d, dem, cap = data.n, data.duration, data.demand, data.capacity
    _topological(data)
    usage = np.zeros((_profile_size(data), len(cap)), dtype=np.int64)
    start = np.full(n, -1, dtype=np.int64)
    finish_pred = data.release.copy()
    missing = [len(p) for p in data.preds]
    waiting = {i for i in range(n) if not missing[i]}
    events = {0, *(int(x) for x in data.release)}
    scheduled = 0
    while scheduled < n:
        check(deadline)
        t = min(events)
        events.discard(t)
        for v in sorted((i for i in waiting if finish_pred[i] <= t), key=lambda i: (prio[i], i)):
            dv = int(d[v])
            if dv and (usage[t:t + dv] + dem[v] > cap).any():
                continue
            if dv:
                usage[t:t + dv] += dem[v]
            start[v] = t
            waiting.discard(v)
            scheduled += 1
            events.add(t + dv)
            for w in data.succs[v]:
                finish_pred[w] = max(finish_pred[w], t + dv)
                missing[w] -= 1
                if not missing[w]:
                    waiting.add(w)
                    events.add(int(finish_pred[w]))
        if not events and scheduled < n:
            events.add(min(max(int(finish_pred[i]), t + 1) for i in waiting))
    return start


def project_makespan(data: ProjectData, start: np.ndarray) -> int:
    """Largest finish time."""
    return int((start + data.duration).max(initial=0))


def _reversed(data: ProjectData) -> ProjectData:
    return ProjectData(data.task_ids, data.duration, data.demand, data.capacity, data.succs, data.preds,
                       np.zeros(data.n, dtype=np.int64))


def justify(data: ProjectData, start: np.ndarray, max_rounds: int = 10, deadline: float = math.inf) -> np.ndarray:
    """Forward-backward improvement: right-justify (latest finishers first, as late as possible), then
    left-justify (earliest starters first), while the makespan shrinks and time is left. Returns the best
    start times."""
    best, best_c = start, project_makespan(data, start)
    back = _reversed(data)
    current = start
    try:
        for _ in range(max_rounds):
            finish = current + data.duration
            rev = serial_sgs(back, -finish.astype(float), release=False, deadline=deadline)
            c_rev = project_makespan(back, rev)
            right = c_rev - (rev + data.duration)
            current = serial_sgs(data, right.astype(float), deadline=deadline)
            c = project_makespan(data, current)
            if c >= best_c:
                break
            best, best_c = current, c
    except OutOfTime:
        pass
    return best


def sample_priority(base: np.ndarray, rng: np.random.Generator, alpha: float = 1.0) -> np.ndarray:
    """A randomised priority around `base` (regret-style bias: small values stay likely first)."""
    span = float(base.max() - base.min()) + 1.0
    return base + rng.random(len(base)) * span * alpha * 0.25


def sgs_search(data: ProjectData, time_limit: float = 5.0, seed: int = 0, lower_bound: int | None = None,
               first_within: float | None = None, start: np.ndarray | None = None) -> tuple[np.ndarray, int, str]:
    """A given feasible schedule's `start` times (a warm start) and every rule with both schemes, each followed
    by justification, then the genetic algorithm over activity lists seeded with them
    (`genetic.genetic_search`, which decodes the serial lists itself), or biased random
    sampling when the project is large (`genetic.LARGE`) or the compiled kernels are not at hand, until the time
    runs out or the lower bound is met.
    Without a complete schedule at `time_limit`, the first one may take until `first_within` seconds (default
    `time_limit`); raises `OutOfTime` when none is complete then.

    Returns
    -------
    start, makespan, label : the best schedule and what made it.
    """
    from ordino.heuristics.project import genetic

    began = time.perf_counter()
    deadline = began + time_limit
    first_deadline = began + max(time_limit, first_within or 0.0)
    rng = np.random.default_rng(seed)
    found: list[tuple[np.ndarray, int, str]] = []

    def consider(start: np.ndarray, label: str) -> None:
        start = justify(data, start, deadline=deadline)
        found.append((start, project_makespan(data, start), label))

    def done() -> bool:
        best = min((c for _, c, _ in found), default=None)
        return best is not None and (time.perf_counter() >= deadline or (lower_bound is not None
                                                                          and best <= lower_bound))

    if start is not None:
        consider(np.asarray(start, dtype=np.int64), "warm start")
    use_genetic = data.n <= genetic.LARGE and (genetic.cache_ready() or time_limit >= genetic.COMPILE_SECONDS)
    bases: dict[str, np.ndarray] = {}
    seeds: list[np.ndarray] = []  # the rules' serial lists, decoded and justified by the compiled search
    try:
        for rule in RULES:
            bases[rule] = priority_values(data, rule)
            if use_genetic:
                seeds.append(genetic.list_from_priority(data, bases[rule]))
                check(deadline if found else first_deadline)
            else:
                consider(serial_sgs(data, bases[rule], deadline=deadline if found else first_deadline),
                         f"serial/{rule}")
            consider(parallel_sgs(data, bases[rule], deadline=deadline), f"parallel/{rule}")
            if done():
                break
    except OutOfTime:  # the seeds alone make a schedule at once, but not after the time for the first one
        if not found and not (seeds and time.perf_counter() < first_deadline):
            raise
    rules = list(bases)

    def biased(g: np.random.Generator) -> np.ndarray:
        return sample_priority(bases[rules[int(g.integers(len(rules)))]], g, alpha=float(g.choice([0.5, 1, 2])))

    if use_genetic and not done():
        seeds += [genetic.list_from_priority(data, start.astype(float)) for start, _, _ in found]
        evolved = genetic.genetic_search(data, seeds, deadline, seed=seed, priority=biased,
                                         target=lower_bound if lower_bound is not None else 0)
        if evolved is not None:
            start, cmax, built = evolved
            found.append((start, cmax, f"genetic algorithm, {built} schedules"))
    k = 0
    try:
        while not done():
            k += 1
            scheme = serial_sgs if k % 2 else parallel_sgs
            consider(scheme(data, biased(rng), deadline=deadline), f"sampled/{'serial' if k % 2 else 'parallel'}")
    except OutOfTime:
        if not found:  # the genetic algorithm was not at hand and sampling made nothing in time
            raise
    return min(found, key=lambda f: f[1])
