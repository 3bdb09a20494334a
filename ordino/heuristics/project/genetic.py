"""A genetic algorithm over activity lists for the RCPSP, compiled with numba (Hartmann 1998, with the
forward-backward improvement of Valls, Ballestín and Quintanilla 2005 applied to every child).

An individual is a precedence-feasible activity list; the serial schedule generation scheme turns it into a
schedule. Children come from Hartmann's two-point crossover (which keeps lists precedence-feasible) and a
mutation that swaps neighbours unrelated by precedence; each child is justified right then left (its list is
replaced by the order of the improved schedule), and the best of parents and children survive, one copy of each
schedule. The search runs in chunks of generations so that the caller can watch the clock, and restarts all but
the best few individuals from biased random lists when the best stops improving.
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from ordino.heuristics.project.data import ProjectData


def _decode(order, dur, dem, cap, pptr, pidx, release, usage, start):  # pragma: no cover - compiled
    """Serial SGS along `order` (each activity as early as its predecessors and the resources allow); writes
    `start` and returns the makespan. `usage` is all zero on entry and on return."""
    n, n_res = order.shape[0], cap.shape[0]
    cmax = 0
    for pos in range(n):
        v = order[pos]
        t = release[v]
        for k in range(pptr[v], pptr[v + 1]):
            u = pidx[k]
            if start[u] + dur[u] > t:
                t = start[u] + dur[u]
        d = dur[v]
        if d > 0:
            s = 0
            while s < d:
                fits = True
                for r in range(n_res):
                    if usage[t + s, r] + dem[v, r] > cap[r]:
                        fits = False
                        break
                if fits:
                    s += 1
                else:
                    t += s + 1
                    s = 0
            for s in range(d):
                for r in range(n_res):
                    usage[t + s, r] += dem[v, r]
        start[v] = t
        if t + d > cmax:
            cmax = t + d
    usage[:cmax, :] = 0
    return cmax


def _improve(order, dur, dem, cap, pptr, pidx, sptr, sidx, release, zeros, usage, start,
             back, trial, rounds):  # pragma: no cover - compiled
    """Decode `order`, then justify it right (latest finishers first) and left (earliest starters first) while
    the makespan shrinks; `order` and `start` become the best list and schedule. Returns the makespan."""
    cmax = _decode(order, dur, dem, cap, pptr, pidx, release, usage, start)
    for _round in range(rounds):
        reverse = order[::-1].copy()
        finish = -(start[reverse] + dur[reverse])
        backward = reverse[np.argsort(finish, kind="mergesort")]
        c_back = _decode(backward, dur, dem, cap, sptr, sidx, zeros, usage, back)
        forward = backward[::-1].copy()
        latest = c_back - back[forward] - dur[forward]
        forward = forward[np.argsort(latest, kind="mergesort")]
        c = _decode(forward, dur, dem, cap, pptr, pidx, release, usage, trial)
        if c >= cmax:
            break
        cmax = c
        order[:] = forward
        start[:] = trial
    return cmax


def _crossover(mother, father, q1, q2, child, taken):  # pragma: no cover - compiled
    """Hartmann's two-point crossover: the mother's first q1, then the father's order up to q2, then the
    mother's order for the rest (each activity once)."""
    n = mother.shape[0]
    taken[:] = False
    k = 0
    for i in range(q1):
        child[k] = mother[i]
        taken[mother[i]] = True
        k += 1
    for i in range(n):
        if k >= q2:
            break
        if not taken[father[i]]:
            child[k] = father[i]
            taken[father[i]] = True
            k += 1
    for i in range(n):
        if not taken[mother[i]]:
            child[k] = mother[i]
            taken[mother[i]] = True
            k += 1


def _mutate(child, rate, sptr, sidx):  # pragma: no cover - compiled
    """Swap neighbours with probability `rate` when the first is not a direct predecessor of the second."""
    for i in range(child.shape[0] - 1):
        if np.random.random() < rate:
            a, b = child[i], child[i + 1]
            related = False
            for k in range(sptr[a], sptr[a + 1]):
                if sidx[k] == b:
                    related = True
                    break
            if not related:
                child[i], child[i + 1] = b, a


def _fingerprint(start):  # pragma: no cover - compiled
    h = np.int64(1469598103934665603)
    for i in range(start.shape[0]):
        h = (h ^ start[i]) * np.int64(1099511628211)
    return h


def _generations(pop, cost, prints, count, rate, rounds, dur, dem, cap, pptr, pidx, sptr, sidx, release,
                 target):  # pragma: no cover - compiled
    """`count` generations: pop (P x n lists, best first), cost and prints (schedule fingerprints) are updated
    in place. Stops early when the best meets `target`. Returns the generations run."""
    size, n = pop.shape
    n_res = cap.shape[0]
    horizon = release.max() + dur.sum() + 1
    usage = np.zeros((horizon, n_res), dtype=np.int64)
    zeros = np.zeros(n, dtype=np.int64)
    start, back, trial = np.zeros(n, np.int64), np.zeros(n, np.int64), np.zeros(n, np.int64)
    taken = np.zeros(n, dtype=np.bool_)
    kids = np.empty((size, n), dtype=np.int64)
    kid_cost = np.empty(size, dtype=np.int64)
    kid_prints = np.empty(size, dtype=np.int64)
    both = np.empty((2 * size, n), dtype=np.int64)
    both_cost = np.empty(2 * size, dtype=np.int64)
    both_prints = np.empty(2 * size, dtype=np.int64)
    for g in range(count):
        if cost[0] <= target:
            return g
        for c in range(0, size, 2):
            a, b = np.random.randint(size), np.random.randint(size)  # binary tournaments: lower index is better
            mother = min(a, b)
            a, b = np.random.randint(size), np.random.randint(size)
            father = min(a, b)
            q1 = np.random.randint(n + 1)
            q2 = np.random.randint(n + 1)
            if q1 > q2:
                q1, q2 = q2, q1
            for side in range(2):
                if c + side >= size:
                    break
                child = kids[c + side]
                if side == 0:
                    _crossover(pop[mother], pop[father], q1, q2, child, taken)
                else:
                    _crossover(pop[father], pop[mother], q1, q2, child, taken)
                _mutate(child, rate, sptr, sidx)
                kid_cost[c + side] = _improve(child, dur, dem, cap, pptr, pidx, sptr, sidx, release, zeros,
                                              usage, start, back, trial, rounds)
                kid_prints[c + side] = _fingerprint(start)
        both[:size] = pop
        both[size:] = kids
        both_cost[:size] = cost
        both_cost[size:] = kid_cost
        both_prints[:size] = prints
        both_prints[size:] = kid_prints
        ranked = np.argsort(both_cost, kind="mergesort")  # parents first among equals
        kept = 0
        for i in ranked:
            if kept == size:
                break
            seen = False
            for j in range(kept):
                if prints[j] == both_prints[i] and cost[j] == both_cost[i]:
                    seen = True
                    break
            if not seen:
                pop[kept] = both[i]
                cost[kept] = both_cost[i]
                prints[kept] = both_prints[i]
                kept += 1
        for i in ranked:  # too few distinct schedules: fill with copies
            if kept == size:
                break
            pop[kept] = both[i]
            cost[kept] = both_cost[i]
            prints[kept] = both_prints[i]
            kept += 1
    return count


def _evaluate(pop, cost, prints, rounds, dur, dem, cap, pptr, pidx, sptr, sidx,
              release):  # pragma: no cover - compiled
    """Justify and score every list of `pop` in place."""
    n, n_res = pop.shape[1], cap.shape[0]
    usage = np.zeros((release.max() + dur.sum() + 1, n_res), dtype=np.int64)
    zeros = np.zeros(n, dtype=np.int64)
    start, back, trial = np.zeros(n, np.int64), np.zeros(n, np.int64), np.zeros(n, np.int64)
    for i in range(pop.shape[0]):
        cost[i] = _improve(pop[i], dur, dem, cap, pptr, pidx, sptr, sidx, release, zeros, usage, start, back, trial,
                           rounds)
        prints[i] = _fingerprint(start)


def _starts(order, dur, dem, cap, pptr, pidx, release):  # pragma: no cover - compiled
    n = order.shape[0]
    usage = np.zeros((release.max() + dur.sum() + 1, cap.shape[0]), dtype=np.int64)
    start = np.zeros(n, dtype=np.int64)
    _decode(order, dur, dem, cap, pptr, pidx, release, usage, start)
    return start


def _seed(value):  # pragma: no cover - compiled
    np.random.seed(value)


POPULATION = (40, 2000)
"""The first population (time allowing) and the largest. Larger is better as long as time allows: on eight hard
PSPLIB j60 instances (2 s, three seeds) the mean gap to the best known fell from 2.65 % with 40 lists to 1.32 %
with 400 and 1.21 % with 800; at 6 s from 1.08 % with 400 to 0.67 % with 1600."""

SEED_ROUNDS = 10
"""Forward-backward rounds for the first population (at most; they stop when the makespan stays), as `justify`
gives the rules' schedules; children get `rounds` (one: on eight hard j60 instances at 2 s, 2.64 % mean gap
against 2.62 % with up to twenty, and more children)."""

LARGE = 500
"""`sgs` evolves projects of up to this many activities. On larger ones (random projects of 1,000 to 10,000
activities, 2 and 10 s) the rules with the parallel scheme and sampling did as well or better: a generation
takes long there."""

COMPILE_SECONDS = 30.0
"""About how long compiling the kernels takes on a fresh machine: with less time than this, and nothing on disk,
the search does without them."""

Kernels = tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any], Callable[..., Any]]
"""The compiled generations, evaluation, decoding and seeding."""

_COMPILED: list[Kernels | None] = []


def cache_ready() -> bool:
    """True when the kernels are loaded in this process or compiled on disk (compiling from scratch takes
    several seconds, so callers with a short budget do without)."""
    from ordino.heuristics.shop.numba_cache import compiled_on_disk

    return bool(_COMPILED) or compiled_on_disk(__file__, "_generations")


def compiled() -> Kernels | None:
    """The compiled kernels, or None when numba is not installed."""
    if not _COMPILED:
        from ordino.heuristics.shop.numba_cache import compile_kernels

        _COMPILED.append(compile_kernels(globals(), ("_decode", "_improve", "_crossover", "_mutate", "_fingerprint"),
                                         ("_generations", "_evaluate"), ("_starts", "_seed")))
    return _COMPILED[0]


def list_from_priority(data: ProjectData, priority: np.ndarray) -> np.ndarray:
    """The activity list a serial SGS with this priority (lowest first) would follow: a topological order."""
    missing = [len(p) for p in data.preds]
    ready = [(priority[i], i) for i in range(data.n) if not missing[i]]
    heapq.heapify(ready)
    order = []
    while ready:
        _, v = heapq.heappop(ready)
        order.append(v)
        for w in data.succs[v]:
            missing[w] -= 1
            if not missing[w]:
                heapq.heappush(ready, (priority[w], w))
    return np.array(order, dtype=np.int64)


def _csr(lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    ptr = np.zeros(len(lists) + 1, dtype=np.int64)
    ptr[1:] = np.cumsum([len(x) for x in lists])
    idx = np.array([w for x in lists for w in x], dtype=np.int64)
    return ptr, idx


def genetic_search(data: ProjectData, seeds: list[np.ndarray], end: float, seed: int = 0, target: int = 0,
                   size: int | None = None, rate: float = 0.05, rounds: int = 1,
                   priority: Callable[[np.random.Generator], np.ndarray] | None = None,
                   ) -> tuple[np.ndarray, int, int] | None:
    """The genetic algorithm from `seeds` (activity lists, e.g. from priority rules) until `end` (a
    `time.perf_counter()` value) or a makespan of `target`; the population is filled and restarted with lists
    from `priority(rng)` (default: random keys). Without a `size`, the population is as large as a tenth of the
    time allows to build (`POPULATION`). Returns the best start times, their makespan and the number of
    schedules built; None when the kernels are not at hand (numba missing)."""
    kernels = compiled()
    if kernels is None:
        return None
    generations, evaluate, starts_of, seed_rng = kernels
    seed_rng(seed)
    rng = np.random.default_rng(seed)
    sample = priority or (lambda g: g.random(data.n))
    pptr, pidx = _csr(data.preds)
    sptr, sidx = _csr(data.succs)
    arrays = (data.duration.astype(np.int64), data.demand.astype(np.int64), data.capacity.astype(np.int64),
              pptr, pidx, sptr, sidx, data.release.astype(np.int64))

    def fresh(count: int, until: float = math.inf) -> np.ndarray:
        lists = [list_from_priority(data, sample(rng)) for _ in range(min(count, 2))]
        while len(lists) < count and time.perf_counter() < until:  # large projects: as many as time allows
            lists.append(list_from_priority(data, sample(rng)))
        return np.array(lists, dtype=np.int64).reshape(-1, data.n)

    def scored(lists: np.ndarray, until: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The lists justified and scored one by one, two at least, until `until`."""
        cost, prints = np.zeros(len(lists), dtype=np.int64), np.zeros(len(lists), dtype=np.int64)
        for i in range(len(lists)):
            if i >= 2 and time.perf_counter() >= until:
                return lists[:i], cost[:i], prints[:i]
            evaluate(lists[i:i + 1], cost[i:i + 1], prints[i:i + 1], SEED_ROUNDS, *arrays)
        return lists, cost, prints

    first = size or POPULATION[0]
    began = time.perf_counter()
    given = np.array(seeds[:first], dtype=np.int64).reshape(-1, data.n)
    pop = np.concatenate([given, fresh(first - len(given), began + 0.05 * max(end - began, 0.0))])
    pop, cost, prints = scored(pop, end)
    each = (time.perf_counter() - began) / len(pop)  # seconds to build and justify one list
    if size is None:  # as many as a tenth of the time builds, at the pace of the first ones
        extra = min(int(0.1 * (end - time.perf_counter()) / max(each, 1e-9)), POPULATION[1]) - len(pop)
        if extra > 0:
            until = time.perf_counter() + 0.1 * (end - time.perf_counter())
            more, more_cost, more_prints = scored(fresh(extra, until), until)
            pop, cost = np.concatenate([pop, more]), np.concatenate([cost, more_cost])
            prints = np.concatenate([prints, more_prints])
    ranked = np.argsort(cost, kind="stable")[:len(cost) - len(cost) % 2]  # children come in pairs
    pop, cost, prints = pop[ranked].copy(), cost[ranked].copy(), prints[ranked].copy()
    size = len(pop)
    built, chunk, stall, best = size, 1, 0, int(cost[0])
    stall_limit = max(30, 3000 // max(1, data.n))  # generations without a better best before a restart
    while cost[0] > target and time.perf_counter() + each * size / 2 < end:  # time for half a generation
        began = time.perf_counter()
        ran = generations(pop, cost, prints, chunk, rate, rounds, *arrays, target)
        built += ran * size
        took = time.perf_counter() - began
        chunk = max(1, min(chunk * 2, int(chunk * 0.05 / took) if took > 0 else chunk * 2))  # ~50 ms a call
        if cost[0] < best:
            best, stall = int(cost[0]), 0
        else:
            stall += ran
        if stall >= stall_limit:  # keep the best tenth, restart the rest
            keep = max(1, size // 10)
            new = fresh(size - keep, end)
            part = slice(keep, keep + len(new))
            pop[part] = new
            evaluate(pop[part], cost[part], prints[part], rounds, *arrays)  # in place, through the views
            ranked = np.argsort(cost, kind="stable")
            pop, cost, prints = pop[ranked].copy(), cost[ranked].copy(), prints[ranked].copy()
            built += len(new)
            stall = 0
    start = starts_of(pop[0], *arrays[:5], arrays[7])
    return start, int(cost[0]), built


def energy_bound(data: ProjectData) -> int:
    """A lower bound on the makespan from each resource's work: the sum of duration x demand over capacity."""
    work = (data.duration[:, None] * data.demand).sum(axis=0)
    bounds = [math.ceil(w / c) for w, c in zip(work, data.capacity, strict=True) if c > 0]
    return int(max(bounds, default=0))
