"""Evaluation of single-machine (weighted) total tardiness sequences.

All functions take integer numpy arrays ``p`` (processing times), ``d`` (due dates, may be negative)
and ``w`` (weights, ``None`` means all ones) indexed by job, and sequences given as permutations of job
indices. Time starts at 0; there are no release dates.

Besides the plain objective this module holds the vectorised move evaluators used by the local search:
gain matrices for all pairwise interchanges and all insertions of a sequence. A move that changes only
positions ``i..j`` keeps the completion times outside that segment, so its gain is local and moves on
disjoint segments add up (the basis of dynasearch).
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "as_instance",
    "total_weighted_tardiness",
    "total_tardiness",
    "batch_total_weighted_tardiness",
    "swap_gains",
    "adjacent_swap_gains",
    "insertion_gains",
    "move_to_end_values",
]


def as_instance(p, d, w=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return ``p``, ``d``, ``w`` as int64 arrays of equal length (``w`` defaults to ones)."""
    p = np.asarray(p, dtype=np.int64).ravel()
    d = np.asarray(d, dtype=np.int64).ravel()
    w = np.ones_like(p) if w is None else np.asarray(w, dtype=np.int64).ravel()
    if not (p.shape == d.shape == w.shape):
        raise ValueError(f"p, d, w must have equal length, got {p.size}, {d.size}, {w.size}")
    if p.size and p.min() < 0:
        raise ValueError("processing times must be non-negative")
    return p, d, w


def total_weighted_tardiness(p, d, perm, w=None) -> int:
    """Total weighted tardiness ``sum_j w_j max(0, C_j - d_j)`` of sequence ``perm``.

    Examples
    --------
    >>> total_weighted_tardiness([3, 2], [2, 2], [1, 0])
    5
    """
    perm = np.asarray(perm, dtype=np.int64)
    p = np.asarray(p, dtype=np.int64)
    c = np.cumsum(p[perm])
    t = np.maximum(c - np.asarray(d, dtype=np.int64)[perm], 0)
    if w is None:
        return int(t.sum())
    return int(t @ np.asarray(w, dtype=np.int64)[perm])


def total_tardiness(p, d, perm) -> int:
    """Unweighted total tardiness of ``perm``."""
    return total_weighted_tardiness(p, d, perm)


def batch_total_weighted_tardiness(p, d, perms, w=None) -> np.ndarray:
    """Objective of many sequences at once: ``perms`` has shape ``(m, n)``; returns ``m`` int64 values."""
    perms = np.asarray(perms)
    p, d, w = as_instance(p, d, w)
    c = np.cumsum(p[perms], axis=1)
    return (np.maximum(c - d[perms], 0) * w[perms]).sum(axis=1)


def _seq_arrays(p, d, w, perm):
    perm = np.asarray(perm, dtype=np.int64)
    q, dd, ww = p[perm], d[perm], w[perm]
    c = np.cumsum(q)
    t = ww * np.maximum(c - dd, 0)
    return q, dd, ww, c, t


def adjacent_swap_gains(p, d, perm, w=None) -> np.ndarray:
    """Gain (old minus new objective) of swapping positions ``k`` and ``k+1``, for ``k = 0..n-2``."""
    p, d, w = as_instance(p, d, w)
    q, dd, ww, c, t = _seq_arrays(p, d, w, perm)
    if q.size < 2:
        return np.zeros(0, dtype=np.int64)
    start = c[:-1] - q[:-1]
    new = ww[1:] * np.maximum(start + q[1:] - dd[1:], 0) + ww[:-1] * np.maximum(c[1:] - dd[:-1], 0)
    return t[:-1] + t[1:] - new


def swap_gains(p, d, perm, w=None, max_span: int | None = None) -> np.ndarray:
    """Gains of all pairwise interchanges: ``G[i, j]`` (``i < j``) is old minus new objective.

    Swapping positions ``i < j`` shifts the jobs between them by ``delta = p_j - p_i``; their new cost is
    ``sum w_k (e_k + delta)`` over those with ``e_k = C_k - d_k > -delta``. With the jobs ranked by ``e``,
    two (rank threshold x position) prefix-sum tables answer that for every pair, so the whole matrix costs
    O(n^2 log n) time and O(n^2) memory. Pairs with ``j <= i`` or ``j - i > max_span`` get a very negative
    value so they are never chosen.
    """
    p, d, w = as_instance(p, d, w)
    q, dd, ww, c, t = _seq_arrays(p, d, w, perm)
    n = q.size
    neg = np.iinfo(np.int64).min // 4
    if n < 2:
        return np.full((n, n), neg, dtype=np.int64)
    e = c - dd
    order = np.argsort(e, kind="stable")
    es = e[order]
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    inc = rank[None, :] >= np.arange(n + 1)[:, None]  # inc[r, k]: job at k is above threshold rank r
    m1 = np.zeros((n + 1, n + 1), dtype=np.int64)
    m2 = np.zeros((n + 1, n + 1), dtype=np.int64)
    np.cumsum(inc * ww[None, :], axis=1, out=m1[:, 1:])
    np.cumsum(inc * (ww * e)[None, :], axis=1, out=m2[:, 1:])
    i = np.arange(n)[:, None]
    j = np.arange(n)[None, :]
    delta = q[None, :] - q[:, None]  # [i, j]
    r = np.searchsorted(es, -delta, side="right")  # jobs with e > -delta are ranks >= r
    lo = np.minimum(i + 1, j)  # middle positions i+1..j-1 as prefix range [lo, j)
    mid = (m2[r, j] - m2[r, lo]) + delta * (m1[r, j] - m1[r, lo])
    start = c - q
    ends = ww[None, :] * np.maximum(start[:, None] + q[None, :] - dd[None, :], 0)
    ends += ww[:, None] * np.maximum(c[None, :] - dd[:, None], 0)
    tcum = np.concatenate(([0], np.cumsum(t)))
    old = tcum[None, 1:] - tcum[:-1, None]
    ok = j > i
    if max_span is not None:
        ok &= j - i <= max_span
    return np.where(ok, old - ends - mid, neg)


def insertion_gains(p, d, perm, w=None) -> tuple[np.ndarray, np.ndarray]:
    """Gains of all insertion moves, O(n^2).

    Returns ``(fwd, bwd)``: ``fwd[i, j]`` (``i < j``) is the gain of taking the job at position ``i`` and
    reinserting it right after position ``j``; ``bwd[i, j]`` (``i < j``) is the gain of taking the job at
    position ``j`` and reinserting it right before position ``i``. Other entries are very negative.
    """
    p, d, w = as_instance(p, d, w)
    q, dd, ww, c, t = _seq_arrays(p, d, w, perm)
    n = q.size
    neg = np.iinfo(np.int64).min // 4
    upper = np.triu(np.ones((n, n), dtype=bool), 1)
    start = c - q
    tcum = np.concatenate(([0], np.cumsum(t)))
    old = tcum[None, 1:] - tcum[:-1, None]  # old[i, j] = objective of positions i..j
    # forward: jobs i+1..j shift by -q_i; job i completes at c_j
    sh = ww[None, :] * np.maximum(c[None, :] - q[:, None] - dd[None, :], 0)  # sh[i, k]
    csf = np.cumsum(sh, axis=1)
    mid_f = csf - np.diagonal(csf)[:, None]  # sum_{k=i+1..j}
    new_f = mid_f + ww[:, None] * np.maximum(c[None, :] - dd[:, None], 0)
    fwd = np.where(upper, old - new_f, neg)
    # backward: jobs i..j-1 shift by +q_j; job j completes at start_i + q_j
    shb = ww[None, :] * np.maximum(c[None, :] + q[:, None] - dd[None, :], 0)  # shb[j, k]
    csb = np.concatenate((np.zeros((n, 1), dtype=np.int64), np.cumsum(shb, axis=1)), axis=1)
    # sum_{k=i..j-1} shb[j, k] = csb[j, j] - csb[j, i]  -> index as [i, j]
    jidx = np.arange(n)
    mid_b = csb[jidx, jidx][None, :] - csb.T[:n, :]  # [i, j] = csb[j, j] - csb[j, i]
    new_b = mid_b + ww[None, :] * np.maximum(start[:, None] + q[None, :] - dd[None, :], 0)
    bwd = np.where(upper, old - new_b, neg)
    return fwd, bwd


def move_to_end_values(p, d, perm, w=None) -> np.ndarray:
    """Objective after moving the job at position ``i`` to the end, for every ``i`` (O(n^2))."""
    p, d, w = as_instance(p, d, w)
    q, dd, ww, c, t = _seq_arrays(p, d, w, perm)
    n = q.size
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    total = int(t.sum())
    fwd_last = ww[None, :] * np.maximum(c[None, :] - q[:, None] - dd[None, :], 0)
    k = np.arange(n)
    after = k[None, :] > k[:, None]
    shifted = np.where(after, fwd_last - t[None, :], 0).sum(axis=1)
    moved = ww * np.maximum(c[-1] - dd, 0) - t
    return total + shifted + moved
