"""Local search over machine sequences of a shop. `critical_search`: the compiled tabu search on the critical paths
of costly jobs (`tardiness_numba`) for objectives that add up over jobs (tardiness, completion). `improve`, for any
objective: each move swaps an operation of a costly job with the one before it on its machine, the schedule is
rebuilt semi-actively (every operation as early as its job and machine predecessors allow) and kept when the
objective does not rise."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from ordino.heuristics.shop.data import ShopData

Score = Callable[[list[int], list[int]], float]


def semi_active(data: ShopData, choice: list[int], sequences: list[list[int]]) -> list[int] | None:
    """Earliest starts for these machine sequences (job order fixed by the routes); None when the sequences and
    routes form a cycle."""
    n = data.n_ops
    dur = [data.options[o][choice[o]][1] for o in range(n)]
    job_prev = [-1] * n
    for ops in data.job_ops:
        for a, b in zip(ops, ops[1:], strict=False):
            job_prev[b] = a
    mach_prev = [-1] * n
    job_next = [-1] * n
    mach_next = [-1] * n
    for seq in sequences:
        for a, b in zip(seq, seq[1:], strict=False):
            mach_prev[b] = a
            mach_next[a] = b
    for o in range(n):
        if job_prev[o] >= 0:
            job_next[job_prev[o]] = o
    waiting = [(job_prev[o] >= 0) + (mach_prev[o] >= 0) for o in range(n)]
    ready = [o for o in range(n) if waiting[o] == 0]
    starts = [0] * n
    done = 0
    while ready:
        o = ready.pop()
        done += 1
        s = data.release[o]
        if job_prev[o] >= 0:
            s = max(s, starts[job_prev[o]] + dur[job_prev[o]])
        if mach_prev[o] >= 0:
            s = max(s, starts[mach_prev[o]] + dur[mach_prev[o]])
        starts[o] = s
        for nxt in (job_next[o], mach_next[o]):
            if nxt >= 0:
                waiting[nxt] -= 1
                if waiting[nxt] == 0:
                    ready.append(nxt)
    return starts if done == n else None


def machine_sequences(data: ShopData, starts: list[int], choice: list[int]) -> list[list[int]]:
    """The operations on each machine in the order the schedule runs them."""
    sequences: list[list[int]] = [[] for _ in range(data.n_machines)]
    for o in sorted(range(data.n_ops), key=lambda o: (starts[o], o)):
        sequences[data.options[o][choice[o]][0]].append(o)
    return sequences


def graph_arrays(data: ShopData, starts: list[int], choice: list[int]) -> tuple[np.ndarray, ...]:
    """The schedule's disjunctive graph as the compiled search reads it: durations, job predecessor and successor,
    machine predecessor and successor (-1 for none) and releases, one entry per operation."""
    n = data.n_ops
    p = np.array([data.options[o][choice[o]][1] for o in range(n)], dtype=np.int64)
    jp, js = np.full(n, -1, dtype=np.int64), np.full(n, -1, dtype=np.int64)
    for ops in data.job_ops:
        for x, y in zip(ops, ops[1:], strict=False):
            js[x], jp[y] = y, x
    mp, ms = np.full(n, -1, dtype=np.int64), np.full(n, -1, dtype=np.int64)
    for seq in machine_sequences(data, starts, choice):
        for x, y in zip(seq, seq[1:], strict=False):
            ms[x], mp[y] = y, x
    return p, jp, js, mp, ms, np.array(data.release, dtype=np.int64)


TENURE, STALL, MAX_MOVES = 10, 400, 64
"""The critical-path search's tabu tenure (iterations, plus a random part up to as many again), the iterations
without a new best before it restarts from the best, and the moves it evaluates per iteration at most."""

KICKS, KICKS_CAP = 3, 40
"""Random critical swaps at a restart: KICKS at first, one more after each restart that found nothing better, at
most KICKS_CAP (a fixed 3 left ta11 with weighted tardiness at 8745 after 25 s and after 100 s; growing, 7572-8084
after 15 s)."""


def critical_search(data: ShopData, starts: list[int], choice: list[int], costs: tuple[np.ndarray, ...], end: float,
                    seed: int = 0, threads: int = 1) -> tuple[list[int], float, int] | None:
    """The compiled tabu search from these starts until `end` (see `tardiness_numba`), `threads` independent runs
    side by side (seeds `seed`, `seed` + 1, ...): the best starts, their value under `costs` (per job a, b, d) and
    the iterations run in all; None when the kernels are not at hand (numba missing, or not compiled yet and too
    little time to compile)."""
    from ordino.heuristics.shop import tardiness_numba

    if not tardiness_numba.cache_ready() and end - time.perf_counter() < 20.0:
        return None
    kernels = tardiness_numba.compiled()
    if kernels is None:
        return None
    search, seed_rng, starts_of = kernels
    n = data.n_ops
    p, jp, js, mp, ms, rel = graph_arrays(data, starts, choice)
    jobs = [k for k, ops in enumerate(data.job_ops) if ops]
    last = np.array([data.job_ops[k][-1] for k in jobs], dtype=np.int64)
    a, b, d = (np.ascontiguousarray(x[jobs], dtype=float) for x in costs)
    ends = np.array(starts, dtype=np.int64)[last] + p[last]
    value = float((a * ends).sum() + (b * np.maximum(ends - d, 0)).sum())

    def run(k: int) -> tuple[float, int, np.ndarray, np.ndarray]:
        """One search (the compiled kernel releases the GIL, so runs proceed side by side)."""
        own_mp, own_ms = mp.copy(), ms.copy()
        best_mp, best_ms = mp.copy(), ms.copy()
        state = np.array([0.0, value, value, 0.0, 0.0])
        tabu = np.zeros(n, dtype=np.int64)
        seed_rng(seed + k)  # numba keeps one random state per thread
        chunk = 1
        while time.perf_counter() < end and state[1] > 0:
            tick = time.perf_counter()
            search(p, jp, js, rel, last, a, b, d, own_mp, own_ms, best_mp, best_ms, tabu, state, chunk, TENURE,
                   STALL, MAX_MOVES, KICKS, KICKS_CAP)
            spent = time.perf_counter() - tick
            chunk = max(1, min(chunk * 4, int(chunk * 0.05 / max(spent, 1e-6))))  # about 50 ms a call
        return float(state[1]), int(state[0]), best_mp, best_ms

    if threads > 1:
        with ThreadPoolExecutor(threads) as pool:
            runs = list(pool.map(run, range(threads)))
    else:
        runs = [run(0)]
    best_value, _, best_mp, best_ms = min(runs, key=lambda found: found[0])
    best = starts_of(p, jp, js, best_mp, best_ms, rel)
    return [int(x) for x in best], best_value, sum(found[1] for found in runs)


def improve(data: ShopData, starts: list[int], choice: list[int], score: Score, end: float,
            seed: int = 0) -> tuple[list[int], float, int]:
    """Swap moves until `end` (see the module docstring): the best starts found, their value, moves kept."""
    machine_of = [data.options[o][choice[o]][0] for o in range(data.n_ops)]
    sequences = machine_sequences(data, starts, choice)
    position = {o: k for seq in sequences for k, o in enumerate(seq)}
    rng = np.random.default_rng(seed)
    best = score(starts, choice)
    kept = 0
    due = np.array(data.due, dtype=float)
    weight = np.array(data.weight, dtype=float)
    while time.perf_counter() < end and best > 0:
        done = np.array([starts[ops[-1]] + data.options[ops[-1]][choice[ops[-1]]][1] if ops else 0
                         for ops in data.job_ops], dtype=float)
        cost = weight * np.maximum(done - np.where(np.isinf(due), done, due), 0.0)
        if cost.sum() <= 0:
            cost = weight * done  # no job is late: move the heavy, late-finishing ones
        job = int(rng.choice(len(cost), p=cost / cost.sum()))
        for _ in range(8):
            o = data.job_ops[job][int(rng.integers(len(data.job_ops[job])))]
            seq = sequences[machine_of[o]]
            k = position[o]
            if k == 0:
                continue
            seq[k - 1], seq[k] = seq[k], seq[k - 1]
            tried = semi_active(data, choice, sequences)
            value = score(tried, choice) if tried is not None else None
            if value is not None and value <= best:
                position[seq[k - 1]], position[seq[k]] = k - 1, k
                kept += value < best
                starts, best = tried, value  # type: ignore[assignment]
                break
            seq[k - 1], seq[k] = seq[k], seq[k - 1]
            if time.perf_counter() >= end:
                break
    return starts, best, kept
