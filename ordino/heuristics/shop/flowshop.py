"""Permutation flow shop: makespan evaluation, NEH with Taillard's acceleration, and the iterated greedy
algorithm of Ruiz and Stützle (2007).

Everything works on a jobs x machines duration matrix `p` (machines in route order) and an optional
release time per job. Both stop at a deadline (a `time.perf_counter()` value): NEH then appends the jobs it
has not inserted, the local search stops between job reinsertions.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

import numpy as np


def _release(p: np.ndarray, release: np.ndarray | None) -> np.ndarray:
    return np.zeros(p.shape[0], dtype=np.int64) if release is None else np.asarray(release, dtype=np.int64)


def makespan(p: np.ndarray, perm: list[int] | np.ndarray, release: np.ndarray | None = None) -> int:
    """Makespan of the permutation schedule of `perm`.

    Examples
    --------
    >>> makespan(np.array([[2, 3], [4, 1]]), [0, 1])
    7
    """
    if len(perm) == 0:
        return 0
    rel = _release(p, release)
    heads = _heads(p[np.asarray(perm)], rel[np.asarray(perm)])
    return int(heads[-1, -1])


def _heads(pp: np.ndarray, rel: np.ndarray) -> np.ndarray:
    """Completion times `e[i, k]` of the i-th job of a sequence on machine k (rows follow `pp`)."""
    pt = np.ascontiguousarray(pp.T)
    cum = np.cumsum(pt, axis=1)
    before = cum - pt
    out = np.empty_like(pt)
    prev = np.asarray(rel, dtype=np.int64)
    for k in range(pt.shape[0]):
        # x_i = max(x_{i-1}, prev_i) + p_i  ==  P_i + max_{l<=i} (prev_l - P_{l-1})
        row = out[k]
        np.subtract(prev, before[k], out=row)
        np.maximum.accumulate(row, out=row)
        row += cum[k]
        prev = row
    return out.T


def _tails(pp: np.ndarray) -> np.ndarray:
    """`q[i, k]`: time from the start of the i-th job on machine k to the end of the schedule."""
    return _heads(pp[::-1, ::-1], np.zeros(pp.shape[0], dtype=np.int64))[::-1, ::-1]


def _insertion_loops(p: np.ndarray, perm: np.ndarray, job: int, out: np.ndarray) -> None:
    """Taillard's acceleration as plain loops (compiled with numba when it is installed)."""
    k = perm.shape[0]
    m = p.shape[1]
    e = np.zeros((k + 1, m), dtype=np.int64)
    q = np.zeros((k + 1, m), dtype=np.int64)
    for i in range(k):
        j = perm[i]
        left = 0
        for c in range(m):
            t = e[i, c] if e[i, c] > left else left
            left = t + p[j, c]
            e[i + 1, c] = left
    for i in range(k - 1, -1, -1):
        j = perm[i]
        right = 0
        for c in range(m - 1, -1, -1):
            t = q[i + 1, c] if q[i + 1, c] > right else right
            right = t + p[j, c]
            q[i, c] = right
    for i in range(k + 1):
        f = 0
        worst = 0
        for c in range(m):
            f = (f if f > e[i, c] else e[i, c]) + p[job, c]
            if f + q[i, c] > worst:
                worst = f + q[i, c]
        out[i] = worst


def _local_search_loops(p: np.ndarray, perm: np.ndarray, cmax: int, jobs: np.ndarray) -> int:
    """Insertion moves in place on `perm`: each of `jobs` in turn goes to its first best position when
    that shortens the schedule; returns the makespan. Compiled with numba; calls the compiled
    `_insertion_loops`."""
    n = perm.shape[0]
    rest = np.empty(n - 1, dtype=np.int64)
    costs = np.empty(n, dtype=np.int64)
    for job in jobs:
        r = 0
        for i in range(n):
            if perm[i] != job:
                rest[r] = perm[i]
                r += 1
        _insertion_jit(p, rest, job, costs)
        best = costs[0]
        pos = 0
        for i in range(1, n):
            if costs[i] < best:
                best = costs[i]
                pos = i
        if best < cmax:
            r = 0
            for i in range(n):
                if i == pos:
                    perm[i] = job
                else:
                    perm[i] = rest[r]
                    r += 1
            cmax = best
    return cmax


_insertion_jit: Callable[..., Any] = _insertion_loops
"""The insertion kernel `_local_search_loops` calls: replaced by its compiled version in `_kernel`."""
_KERNEL: list[tuple[Callable[..., Any], Callable[..., Any]] | None] = []


def _kernel() -> tuple[Callable[..., Any], Callable[..., Any]] | None:
    """The numba-compiled (insertion, local search) pair, or None when numba is not installed."""
    global _insertion_jit
    if not _KERNEL:
        try:
            import numba
        except ImportError:
            _KERNEL.append(None)
        else:
            _insertion_jit = numba.njit(cache=True, nogil=True)(_insertion_loops)
            _KERNEL.append((_insertion_jit, numba.njit(cache=True, nogil=True)(_local_search_loops)))
    return _KERNEL[0]


def insertion_makespans(p: np.ndarray, perm: list[int] | np.ndarray, job: int,
                        release: np.ndarray | None = None) -> np.ndarray:
    """Makespan of inserting `job` at each position 0..len(perm) of `perm` (Taillard's acceleration;
    a direct evaluation per position when some job has a release time).

    Examples
    --------
    >>> insertion_makespans(np.array([[2, 3], [4, 1]]), [0], 1).tolist()
    [7, 7]
    """
    rel = _release(p, release)
    m = p.shape[1]
    k = len(perm)
    idx = np.asarray(perm, dtype=np.int64)
    if rel.any():  # tails ignore releases, so evaluate each position directly
        seqs = [np.insert(idx, i, job) for i in range(k + 1)]
        return np.array([_heads(p[s], rel[s])[-1, -1] for s in seqs], dtype=np.int64)
    kernel = _kernel()
    if kernel is not None and p.dtype == np.int64:
        out = np.empty(k + 1, dtype=np.int64)
        kernel[0](p, idx, int(job), out)
        return out
    e = np.zeros((k + 1, m), dtype=np.int64)
    q = np.zeros((k + 1, m), dtype=np.int64)
    if k:
        pp = p[idx]
        e[1:] = _heads(pp, rel[idx])
        q[:k] = _tails(pp)
    # f[i, c] = max(f[i, c-1], e[i, c]) + p[job, c], vectorised along c like `_heads`
    cum = np.cumsum(p[job])
    f = np.maximum.accumulate(e - (cum - p[job]), axis=1) + cum
    return (f + q).max(axis=1)


def best_insertion(p: np.ndarray, perm: list[int], job: int, release: np.ndarray | None,
                   rng: np.random.Generator | None = None) -> tuple[int, int]:
    """Best position for `job` in `perm` and the resulting makespan (ties: first, or random with `rng`)."""
    costs = insertion_makespans(p, perm, job, release)
    low = int(costs.min())
    if rng is None:
        return int(np.argmin(costs)), low
    ties = np.flatnonzero(costs == low)
    return int(ties[rng.integers(len(ties))]), low


def neh(p: np.ndarray, release: np.ndarray | None = None, order: list[int] | None = None,
        deadline: float = math.inf) -> tuple[list[int], int]:
    """NEH: jobs by decreasing total work, each inserted at its best position; at `deadline` the jobs not
    yet inserted go to the end in that order.

    Returns
    -------
    perm, makespan
    """
    p = np.asarray(p, dtype=np.int64)
    if order is None:
        order = [int(j) for j in np.argsort(-p.sum(axis=1), kind="stable")]
    perm: list[int] = []
    for k, j in enumerate(order):
        if time.perf_counter() >= deadline:
            perm += order[k:]
            break
        pos, _ = best_insertion(p, perm, j, release)
        perm.insert(pos, j)
    return perm, makespan(p, perm, release)


_CHUNK_PAIRS = 2_000_000
"""Job x position evaluations per call of the compiled local search (a few ms), between deadline checks."""


def _local_search(p: np.ndarray, perm: list[int], cmax: int, release: np.ndarray | None,
                  rng: np.random.Generator, deadline: float) -> tuple[list[int], int]:
    """Iterative improvement by insertion: remove each job, reinsert it at its best place, until no gain
    or the deadline."""
    kernel = _kernel()
    if kernel is not None and len(perm) > 1 and p.dtype == np.int64 and \
            (release is None or not np.asarray(release).any()):
        arr = np.asarray(perm, dtype=np.int64)
        order = rng.permutation(arr).astype(np.int64)
        step = max(1, _CHUNK_PAIRS // (len(arr) * p.shape[1]))
        improved = True
        while improved:
            improved = False
            for k in range(0, len(order), step):
                if time.perf_counter() >= deadline:
                    return [int(x) for x in arr], int(cmax)
                value = int(kernel[1](p, arr, int(cmax), order[k:k + step]))
                improved, cmax = improved or value < cmax, value
        return [int(x) for x in arr], int(cmax)
    improved = True
    while improved and time.perf_counter() < deadline:
        improved = False
        for job in [perm[i] for i in rng.permutation(len(perm))]:
            if time.perf_counter() >= deadline:
                break
            rest = [x for x in perm if x != job]
            pos, value = best_insertion(p, rest, job, release, rng)
            if value < cmax:
                rest.insert(pos, job)
                perm, cmax, improved = rest, value, True
    return perm, cmax


def iterated_greedy(p: np.ndarray, time_limit: float = 10.0, seed: int = 0, release: np.ndarray | None = None,
                    d: int = 4, temperature: float = 0.4, initial: list[int] | None = None,
                    target: int | None = None, max_iterations: int | None = None) -> tuple[list[int], int, int]:
    """Iterated greedy (Ruiz and Stützle 2007) for the permutation flow shop makespan.

    Each iteration removes `d` random jobs, reinserts them greedily (NEH style), improves by insertion
    local search, and accepts the result if it is not worse, or with a simulated-annealing probability
    at a constant temperature `temperature * sum(p) / (10 n m)`.

    Returns
    -------
    perm, makespan, iterations
    """
    began = time.perf_counter()
    deadline = began + time_limit
    p = np.asarray(p, dtype=np.int64)
    n, m = p.shape
    rng = np.random.default_rng(seed)
    if initial is None:
        perm, cmax = neh(p, release, deadline=deadline)
    else:
        perm, cmax = list(initial), makespan(p, initial, release)
    perm, cmax = _local_search(p, perm, cmax, release, rng, deadline)
    best, best_c = perm[:], cmax
    temp = temperature * float(p.sum()) / (10.0 * n * m)
    it = 0
    d = min(d, max(1, n - 1))
    while time.perf_counter() < deadline and n > 1:
        if target is not None and best_c <= target:
            break
        if max_iterations is not None and it >= max_iterations:
            break
        it += 1
        removed_at = rng.choice(n, size=d, replace=False)
        removed = [perm[i] for i in removed_at]
        partial = [x for x in perm if x not in removed]
        value = cmax
        for job in removed:
            pos, value = best_insertion(p, partial, job, release, rng)
            partial.insert(pos, job)
        cand, value = _local_search(p, partial, value, release, rng, deadline)
        if value < cmax or (value > cmax and rng.random() < np.exp(-(value - cmax) / max(temp, 1e-9))) \
                or value == cmax:
            perm, cmax = cand, value
            if cmax < best_c:
                best, best_c = perm[:], cmax
    return best, int(best_c), it
