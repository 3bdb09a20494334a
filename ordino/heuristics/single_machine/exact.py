"""The exact dynamic programme, bounds and dominance rules for single-machine (weighted) total tardiness.

* :func:`dp_subsets`: dynamic programme over subsets (Held-Karp style), numpy-vectorised by subset size;
  exact for n up to about 22 (memory 2^n int64).
* :func:`lower_bound`: a cheap valid lower bound (max of three simple relaxations).
* :func:`emmons_precedences`: precedence pairs ``i -> j`` that some optimal sequence respects.

The MILP and CP-SAT models of the same problem are in `ordino.solvers.single_machine`.
"""

from __future__ import annotations

import math

import numpy as np

from ordino.heuristics.budget import check

from .evaluate import as_instance

__all__ = [
    "dp_subsets",
    "lower_bound",
    "emmons_precedences",
]


NUMPY_UP_TO = 16
"""Up to this many jobs the numpy layers solve the DP in milliseconds, less than numba takes to load its kernel."""


def dp_subsets(p, d, w=None, max_jobs: int = 22) -> tuple[np.ndarray, int]:
    """Optimal sequence by DP over subsets: ``F(S) = min_{j in S} F(S - j) + w_j max(0, p(S) - d_j)``.

    The job scheduled last in ``S`` completes at ``p(S)``. With numba one compiled sweep in bitmask order
    (every ``S - j`` precedes ``S``); without it, numpy layers by subset size. The sequence is recovered by
    walking back from the full set. Raises ``ValueError`` when ``n > max_jobs`` (memory grows as 2^n).
    """
    p, d, w = as_instance(p, d, w)
    n = p.size
    if n > max_jobs:
        raise ValueError(f"dp_subsets: {n} jobs exceeds max_jobs={max_jobs}")
    if n == 0:
        return np.zeros(0, dtype=np.int64), 0
    if n <= NUMPY_UP_TO:  # loading the compiled kernel costs about a second; numpy is instant at this size
        return _dp_subsets_numpy(p, d, w)
    from . import _kernels

    if _kernels.HAVE_NUMBA:
        worst = int(w.sum()) * max(1, int(p.sum()) - min(0, int(d.min())))
        dtype = np.int32 if worst < 2**29 and int(p.sum()) < 2**29 else np.int64
        f, tot = np.empty(1 << n, dtype=dtype), np.empty(1 << n, dtype=dtype)
        seq, value = _kernels.dp_subsets_kernel(p.astype(dtype), d.astype(dtype), w.astype(dtype), f, tot)
        return seq, int(value)
    return _dp_subsets_numpy(p, d, w)


def _dp_subsets_numpy(p: np.ndarray, d: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, int]:
    """Layered numpy version of :func:`dp_subsets` (used without numba, and to cross-check the kernel)."""
    n = p.size
    if n == 0:
        return np.zeros(0, dtype=np.int64), 0
    size = 1 << n
    tot = np.zeros(size, dtype=np.int64)
    card = np.zeros(size, dtype=np.int8)
    for j in range(n):
        b = 1 << j
        tot[b : 2 * b] = tot[:b] + p[j]
        card[b : 2 * b] = card[:b] + 1
    order = np.argsort(card, kind="stable")
    bounds = np.concatenate(([0], np.cumsum(np.bincount(card, minlength=n + 1))))
    worst = int(w.sum()) * max(1, int(p.sum()) - min(0, int(d.min())))
    dtype = np.int32 if worst < 2**29 else np.int64
    big = np.iinfo(dtype).max // 4
    f = np.full(size, big, dtype=dtype)
    f[0] = 0
    dd = d.astype(dtype)
    wd = w.astype(dtype)
    for layer in range(1, n + 1):
        states = order[bounds[layer] : bounds[layer + 1]].astype(np.int32)
        ptot = tot[states].astype(dtype)
        best = np.full(states.size, big, dtype=dtype)
        # states without job j read a not-yet-computed superset (value >= big), so no mask is needed
        for j in range(n):
            cand = f[states ^ (1 << j)]
            cand += wd[j] * np.maximum(ptot - dd[j], 0)
            np.minimum(best, cand, out=best)
        f[states] = best
    seq = np.empty(n, dtype=np.int64)
    s = size - 1
    for pos in range(n - 1, -1, -1):
        for j in range(n):
            if (s >> j) & 1 and f[s ^ (1 << j)] + w[j] * max(int(tot[s]) - int(d[j]), 0) == f[s]:
                seq[pos] = j
                s ^= 1 << j
                break
    return seq, int(f[size - 1])


def lower_bound(p, d, w=None) -> int:
    """Cheap valid lower bound on the optimal total weighted tardiness.

    The maximum of three relaxations:

    1. every job ends no earlier than its own processing time: ``sum_j w_j max(0, p_j - d_j)``;
    2. ``T_j >= C_j - d_j`` summed with weights, minimised by WSPT (Smith's rule):
       ``min sum w_j C_j - sum w_j d_j``;
    3. ``min_j w_j`` times the unweighted bound ``sum_k max(0, C^SPT_[k] - d_(k))``, where the k-th smallest
       completion time in any sequence is at least the k-th SPT completion and due dates are matched in
       EDD order (pairing sorted completions with sorted due dates minimises the sum of ``max(0, C - d)``).
    """
    p, d, w = as_instance(p, d, w)
    if p.size == 0:
        return 0
    lb1 = int((w * np.maximum(p - d, 0)).sum())
    order = np.argsort(p / np.maximum(w, 1e-12), kind="stable")
    order = np.concatenate((order[w[order] > 0], order[w[order] <= 0]))
    c = np.cumsum(p[order])
    lb2 = int((w[order] * c).sum() - (w * d).sum())
    lb3 = int(w.min()) * int(np.maximum(np.cumsum(np.sort(p)) - np.sort(d), 0).sum())
    return max(0, lb1, lb2, lb3)


def emmons_precedences(p, d, w=None, deadline: float = math.inf) -> np.ndarray:
    """Precedence pairs respected by at least one optimal sequence: ``prec[i, j]`` means ``i`` before ``j``.

    Rules, applied one pair at a time until nothing changes, with transitive closure after each addition
    (``B_j``/``A_j`` are the jobs known to precede/follow ``j``, ``P`` the total processing time):

    * Emmons' first theorem: ``p_i <= p_j`` and ``d_i <= max(d_j, p(B_j) + p_j)`` (and ``w_i >= w_j`` in the
      weighted case, Rinnooy Kan, Lageweg & Lenstra 1975) gives ``i -> j``;
    * never-tardy rule (in the spirit of Emmons' third theorem): if ``d_j >= P - p(A_j)``, job ``j`` cannot be
      tardy in any sequence that respects the known pairs; moving it after ``i`` then costs nothing, so
      ``i -> j`` for every ``i`` whose known successors include those of ``j``. Valid with weights.

    Equal jobs are ordered by index. The pairs are meant as constraints for exact methods (CP-SAT here).
    Roughly cubic in n: raises `OutOfTime` at ``deadline`` (a ``time.perf_counter()`` value).
    """
    p, d, w = as_instance(p, d, w)
    n = p.size
    total = int(p.sum())
    prec = np.zeros((n, n), dtype=bool)
    key = sorted(range(n), key=lambda j: (int(p[j]), -int(w[j]), int(d[j]), j))

    def add(i: int, j: int) -> None:
        before = prec[:, i].copy()
        before[i] = True
        after = prec[j, :].copy()
        after[j] = True
        prec[np.ix_(before, after)] = True

    changed = True
    while changed:
        changed = False
        # never-tardy jobs go after every job whose successors include theirs
        for j in range(n):
            check(deadline)
            if d[j] >= total - int(p[prec[j]].sum()):
                succ = prec[j]
                for i in range(n):
                    if i != j and not prec[i, j] and not prec[j, i] and not (succ & ~prec[i]).any():
                        if d[i] >= total - int(p[prec[i]].sum()) and i > j:
                            continue  # two never-tardy jobs: keep index order
                        add(i, j)
                        changed = True
        # Emmons 1, candidates i in (p, -w, d, index) order
        for a in range(n):
            check(deadline)
            i = key[a]
            for b in range(a + 1, n):
                j = key[b]
                if prec[i, j] or prec[j, i] or w[i] < w[j]:
                    continue
                if d[i] <= max(int(d[j]), int(p[prec[:, j]].sum()) + int(p[j])):
                    add(i, j)
                    changed = True
    return prec
