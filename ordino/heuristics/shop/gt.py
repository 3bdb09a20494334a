"""Giffler-Thompson schedule generation (active and non-delay) with priority rules, for job shops and
flexible job shops.

A priority rule is a name from `RULES` or a callable `rule(features) -> scores` over a float matrix with
one row per operation in the conflict set and the columns named in `FEATURES`; the lowest score is
scheduled first (ties go to the earliest completion, then the lowest job index). This is the entry point
the evolution engine uses to score dispatching rules.

Generation takes O(operations x jobs competing for a machine); `rounds` is the linear-time schedule used when
no rule finishes before a deadline.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from ordino.heuristics.budget import OutOfTime, check
from ordino.heuristics.shop.data import ShopData

FEATURES = ("duration", "work_remaining", "ops_remaining", "est", "ect", "job", "release", "due", "arrival",
            "machine_ready", "work_total", "weight", "machine_work_left", "next_duration", "next_machine_ready",
            "next_machine_work_left")
"""Columns of the feature matrix passed to a callable priority rule (named rules read the first twelve). The
rest look ahead: the work not yet scheduled on this operation's machine (the same for a whole conflict set: a
bound's term), and for the job's next operation its (shortest) duration, when its (first option's) machine is
free and the work not yet scheduled there (all 0 for a job's last operation). Operations count on their first
option's machine."""

Priority = str | Callable[[np.ndarray], np.ndarray]

_COL = {name: i for i, name in enumerate(FEATURES)}
_RULE_KEYS: dict[str, Callable[[list[float]], float]] = {
    "SPT": lambda f: f[_COL["duration"]],
    "LPT": lambda f: -f[_COL["duration"]],
    "MWKR": lambda f: -f[_COL["work_remaining"]],
    "LWKR": lambda f: f[_COL["work_remaining"]],
    "MOR": lambda f: -f[_COL["ops_remaining"]],
    "LOR": lambda f: f[_COL["ops_remaining"]],
    "FIFO": lambda f: f[_COL["arrival"]],
    "EDD": lambda f: f[_COL["due"]] if f[_COL["due"]] != float("inf") else 1e18,
    "WEDD": lambda f: f[_COL["due"]] / max(f[_COL["weight"]], 1e-9) if f[_COL["due"]] != float("inf") else 1e18,
    "WSPT": lambda f: f[_COL["duration"]] / max(f[_COL["weight"]], 1e-9),
    "ECT": lambda f: f[_COL["ect"]],
    "MWKR_SPT": lambda f: -f[_COL["work_remaining"]] / max(f[_COL["duration"]], 1.0),
}
RULES = (*_RULE_KEYS, "RANDOM")
"""Names of the built-in priority rules."""


def _remaining_work(data: ShopData) -> tuple[list[float], list[float]]:
    """Work from each operation to its job's end (shortest option of each), and each job's total work."""
    shortest = [min(d for _, d, _ in opts) for opts in data.options]
    rem = [0.0] * data.n_ops
    total = []
    for ops in data.job_ops:
        acc = 0.0
        for o in reversed(ops):
            acc += shortest[o]
            rem[o] = acc
        total.append(acc)
    return rem, total


def generate(data: ShopData, priority: Priority = "MWKR", nondelay: bool = False,
             rng: np.random.Generator | None = None, deadline: float = math.inf) -> tuple[list[int], list[int]]:
    """One Giffler-Thompson schedule.

    Parameters
    ----------
    data : the shop.
    priority : a rule name from RULES or a callable over the FEATURES matrix (lowest score first).
    nondelay : build a non-delay schedule (no machine idles while an operation could start) instead of
        an active one.
    rng : random generator for the 'RANDOM' rule (and random tie noise); seeded default when None.
    deadline : a `time.perf_counter()` value; raises `OutOfTime` when it passes before the schedule is complete.

    Returns
    -------
    starts, choice : start time and chosen option index of each operation.
    """
    rng = rng or np.random.default_rng(0)
    if isinstance(priority, str):
        name = priority.upper()
        if name not in RULES:
            raise ValueError(f"unknown priority rule {priority!r}; choose one of {', '.join(RULES)}")
        key = None if name == "RANDOM" else _RULE_KEYS[name]
        call = None
    else:
        name, key, call = "", None, priority
    rem, total = _remaining_work(data)
    n_jobs = len(data.job_ops)
    inf = float("inf")
    nxt = [0] * n_jobs
    job_ready = [0] * n_jobs
    mach_ready = [0] * data.n_machines
    mach_left = [0.0] * data.n_machines  # unscheduled work on each machine (first options), for the look-ahead
    for opts in data.options:
        mach_left[opts[0][0]] += opts[0][1]
    shortest = [min(d for _, d, _ in opts) for opts in data.options]
    starts = [0] * data.n_ops
    choice = [0] * data.n_ops
    options, release, due, weight, job_ops = data.options, data.release, data.due, data.weight, data.job_ops
    cand: list[list[tuple[int, int, int, int, int]]] = [[] for _ in range(n_jobs)]  # (est, ect, opt, m, d)
    best_ect = [inf] * n_jobs
    best_est = [inf] * n_jobs
    on_machine: list[set[int]] = [set() for _ in range(data.n_machines)]

    def refresh(j: int) -> None:
        o = job_ops[j][nxt[j]]
        ready = max(job_ready[j], release[o])
        rows = []
        be = bs = inf
        for c, (m, d, _) in enumerate(options[o]):
            est = ready if ready > mach_ready[m] else mach_ready[m]
            rows.append((est, est + d, c, m, d))
            if est + d < be:
                be = est + d
            if est < bs:
                bs = est
        cand[j], best_ect[j], best_est[j] = rows, be, bs

    for j in range(n_jobs):
        if job_ops[j]:
            refresh(j)
            for row in cand[j]:
                on_machine[row[3]].add(j)
    remaining = data.n_ops
    while remaining:
        check(deadline)
        if nondelay:
            limit = min(best_est)
            j0 = best_est.index(limit)
            x0 = min((x for x in cand[j0] if x[0] == limit), key=lambda x: x[1])
            m_star = x0[3]
            conflict = sorted((x, j) for j in on_machine[m_star] for x in cand[j] if x[3] == m_star and x[0] == limit)
        else:
            limit = min(best_ect)
            j0 = best_ect.index(limit)
            x0 = min((x for x in cand[j0] if x[1] == limit), key=lambda x: x[0])
            m_star = x0[3]
            conflict = sorted((x, j) for j in on_machine[m_star] for x in cand[j] if x[3] == m_star and x[0] < limit)
            if not conflict:  # zero-duration operation
                conflict = [(x0, j0)]
        if len(conflict) == 1:
            pick, j = conflict[0]
        elif name == "RANDOM":
            pick, j = conflict[int(rng.integers(len(conflict)))]
        else:
            feats = []
            for x, k in conflict:
                o = job_ops[k][nxt[k]]
                feat = [float(x[4]), rem[o], float(len(job_ops[k]) - nxt[k]), float(x[0]), float(x[1]), float(k),
                        float(release[o]), due[k], float(job_ready[k]), float(mach_ready[x[3]]), total[k], weight[k]]
                if call is not None:  # the look-ahead columns, which no named rule reads
                    after = job_ops[k][nxt[k] + 1] if nxt[k] + 1 < len(job_ops[k]) else -1
                    feat += [mach_left[x[3]], float(shortest[after]) if after >= 0 else 0.0,
                             float(mach_ready[options[after][0][0]]) if after >= 0 else 0.0,
                             mach_left[options[after][0][0]] if after >= 0 else 0.0]
                feats.append(feat)
            if key is not None:
                scores = [key(f) for f in feats]
            else:
                assert call is not None
                scores = np.asarray(call(np.asarray(feats, dtype=float)), dtype=float).tolist()
            i = min(range(len(conflict)), key=lambda i: (scores[i], conflict[i][0][1], conflict[i][1]))
            pick, j = conflict[i]
        est, ect, c, m, _ = pick
        o = job_ops[j][nxt[j]]
        starts[o], choice[o] = est, c
        mach_left[options[o][0][0]] -= options[o][0][1]
        job_ready[j] = ect
        mach_ready[m] = ect
        for row in cand[j]:
            on_machine[row[3]].discard(j)
        nxt[j] += 1
        remaining -= 1
        if nxt[j] < len(job_ops[j]):
            refresh(j)
            for row in cand[j]:
                on_machine[row[3]].add(j)
        else:
            cand[j], best_ect[j], best_est[j] = [], inf, inf
        for k in on_machine[m]:
            if k != j:
                refresh(k)
    return starts, choice


def makespan_of(data: ShopData, starts: list[int], choice: list[int]) -> int:
    """Largest end time."""
    return max((s + data.options[o][c][1] for o, (s, c) in enumerate(zip(starts, choice, strict=True))),
               default=0)


def best_rule(data: ShopData, rules: tuple[str, ...] = ("MWKR", "MOR", "SPT", "LPT", "FIFO", "ECT", "MWKR_SPT"),
              nondelay_too: bool = True, deadline: float = math.inf) -> tuple[list[int], list[int], int, str]:
    """Try each rule (active and, if asked, non-delay) until `deadline` and keep the shortest schedule; when
    no rule finishes in time, the `rounds` schedule.

    Returns
    -------
    starts, choice, makespan, label : the best schedule and which rule made it (e.g. 'MWKR/active').
    """
    s, c = rounds(data)  # first, within the budget: what is returned when no rule finishes in time
    best = (s, c, makespan_of(data, s, c), "rounds (no rule finished within the time limit)")
    found = False
    try:
        for rule in rules:
            for nd in (False, True) if nondelay_too else (False,):
                s, c = generate(data, rule, nondelay=nd, deadline=deadline)
                cmax = makespan_of(data, s, c)
                if not found or cmax < best[2]:
                    best, found = (s, c, cmax, f"{rule}/{'nondelay' if nd else 'active'}"), True
    except OutOfTime:
        pass
    return best


def rounds(data: ShopData) -> tuple[list[int], list[int]]:
    """A schedule in linear time: every job's first operation, then every job's second, and so on, each on
    the option that finishes first, as early as its job, release and machine allow. Returns starts, choice."""
    job_ready = [0] * len(data.job_ops)
    mach_ready = [0] * data.n_machines
    starts = [0] * data.n_ops
    choice = [0] * data.n_ops
    for k in range(max(map(len, data.job_ops), default=0)):
        for j, ops in enumerate(data.job_ops):
            if k >= len(ops):
                continue
            o = ops[k]
            ready = max(job_ready[j], data.release[o])
            end, c = min((max(ready, mach_ready[m]) + d, c) for c, (m, d, _) in enumerate(data.options[o]))
            m, d, _ = data.options[o][c]
            starts[o], choice[o] = end - d, c
            job_ready[j] = mach_ready[m] = end
    return starts, choice


def giffler_thompson(durations: np.ndarray | list, machines: np.ndarray | list, priority: Priority = "MWKR",
                     nondelay: bool = False, seed: int = 0) -> np.ndarray:
    """Start times `starts[j, k]` of a Giffler-Thompson job shop schedule on plain arrays.

    Parameters
    ----------
    durations, machines : `durations[j][k]` and 0-based `machines[j][k]` of operation k of job j.
    priority : a rule name from RULES or a callable over the FEATURES matrix (lowest score first).
    nondelay : non-delay instead of active generation.
    seed : seed of the 'RANDOM' rule.

    Examples
    --------
    >>> giffler_thompson([[3, 2], [2, 4]], [[0, 1], [1, 0]], "SPT").tolist()
    [[0, 3], [0, 3]]
    """
    data = ShopData.from_matrices(durations, machines)
    starts, _ = generate(data, priority, nondelay=nondelay, rng=np.random.default_rng(seed))
    shape = (len(data.job_ops), max(len(ops) for ops in data.job_ops))
    out = np.zeros(shape, dtype=np.int64)
    for j, ops in enumerate(data.job_ops):
        for k, o in enumerate(ops):
            out[j, k] = starts[o]
    return out
