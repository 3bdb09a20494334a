"""Constructive rules for single-machine (weighted) total tardiness.

Every rule has the signature ``rule(p, d, w=None, **params, deadline=inf) -> np.ndarray`` and returns a
permutation of job indices. Static rules are a single sort; dynamic rules (MDD, ATC, COVERT, MDDC, ...) build
the sequence greedily in O(n^2): at time ``t`` (sum of processing times scheduled so far) every unscheduled
job gets a score and the best one is appended. Ties go to the job that comes first in the rule's
candidate order (stated per rule). A dynamic rule still running at ``deadline`` (a ``time.perf_counter()``
value) appends the jobs it has not placed in EDD order, so it always returns a complete sequence.

EDDC, MDDC and augmented MDDC are the heuristics of Cetinkaya et al. (arXiv 2510.24013); they are
implemented as in the released code
(github ibrahimoguzc/DiscoverHeuristics, ``testing/heuristics_comparison.ipynb``), see each docstring for
where it differs from the paper's prose.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np

from .evaluate import as_instance, move_to_end_values

__all__ = [
    "edd",
    "spt",
    "wspt",
    "mdd",
    "atc",
    "covert",
    "psk",
    "eddc",
    "mddc",
    "mddc_augmented",
    "RULES",
]


def edd(p, d, w=None, deadline: float = math.inf) -> np.ndarray:
    """Earliest due date first; ties by shorter processing time, then index."""
    p, d, w = as_instance(p, d, w)
    return np.lexsort((p, d))


def _edd_rest(jobs: np.ndarray, p: np.ndarray, d: np.ndarray) -> np.ndarray:
    """`jobs` in EDD order (ties by shorter processing time, then position)."""
    return jobs[np.lexsort((p[jobs], d[jobs]))]


def spt(p, d, w=None, deadline: float = math.inf) -> np.ndarray:
    """Shortest processing time first; ties by earlier due date, then index."""
    p, d, w = as_instance(p, d, w)
    return np.lexsort((d, p))


def wspt(p, d, w=None, deadline: float = math.inf) -> np.ndarray:
    """Weighted shortest processing time (Smith's rule): ascending ``p/w``; ties by due date.

    With ``w=None`` this is SPT. Jobs with zero weight go last.
    """
    p, d, w = as_instance(p, d, w)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(w > 0, p / np.maximum(w, 1), np.inf)
    return np.lexsort((d, ratio))


def _greedy(order: np.ndarray, p: np.ndarray, d: np.ndarray, score: Callable, maximize: bool,
            deadline: float) -> np.ndarray:
    """Append jobs one by one; ``score(idx, t)`` scores candidate jobs ``idx`` at time ``t``."""
    cand = order.copy()
    seq = np.empty(order.size, dtype=np.int64)
    t = 0
    for k in range(order.size):
        if time.perf_counter() >= deadline:
            seq[k:] = _edd_rest(cand, p, d)
            break
        s = score(cand, t)
        pos = int(np.argmax(s) if maximize else np.argmin(s))
        job = cand[pos]
        seq[k] = job
        t += int(p[job])
        cand = np.delete(cand, pos)
    return seq


def mdd(p, d, w=None, deadline: float = math.inf) -> np.ndarray:
    """Modified due date rule (Baker & Bertrand 1982), weighted form WMDD (Kanet & Li 2004).

    Unweighted: at time ``t`` pick the job minimising ``max(t + p_j, d_j)``; ties go to the lowest index,
    as in the paper's code. Weighted: pick the job minimising ``max(p_j, d_j - t) / w_j``, which for unit
    weights ranks exactly like ``max(t + p_j, d_j)`` (same ties, same sequence).
    """
    p, d, w0 = as_instance(p, d, w)
    n = p.size
    if w is None:
        return _greedy(np.arange(n), p, d, lambda c, t: np.maximum(t + p[c], d[c]), False, deadline)
    wf = np.maximum(w0, 0).astype(float)
    inv = np.where(wf > 0, 1.0 / np.where(wf > 0, wf, 1.0), np.inf)  # zero weight: never urgent

    def score(c, t):
        return np.where(
            np.isinf(inv[c]), np.inf, np.maximum(p[c], d[c] - t) * np.where(np.isinf(inv[c]), 0, inv[c])
        )

    return _greedy(np.arange(n), p, d, score, False, deadline)


def atc(p, d, w=None, k: float = 2.0, deadline: float = math.inf) -> np.ndarray:
    """Apparent tardiness cost (Vepsalainen & Morton 1987) with look-ahead ``k``.

    At time ``t`` pick the job maximising ``(w_j / p_j) exp(-max(d_j - p_j - t, 0) / (k * p_bar))`` where
    ``p_bar`` is the mean processing time of all jobs. The exponent is evaluated in log space so large
    slacks do not underflow to ties. Candidates in EDD order break ties.
    """
    p, d, w = as_instance(p, d, w)
    n = p.size
    pbar = max(float(p.mean()) if n else 1.0, 1e-9)
    with np.errstate(divide="ignore"):
        logwp = np.log(np.maximum(w, 0)) - np.log(np.maximum(p, 1e-9))

    def score(c, t):
        return logwp[c] - np.maximum(d[c] - p[c] - t, 0) / (k * pbar)

    return _greedy(np.lexsort((p, d)), p, d, score, True, deadline)


def covert(p, d, w=None, k: float = 2.0, deadline: float = math.inf) -> np.ndarray:
    """Cost over time (Carroll 1965), with slack horizon ``k * p_j``.

    At time ``t`` pick the job maximising ``(w_j / p_j) * max(0, 1 - max(d_j - p_j - t, 0) / (k p_j))``.
    When every score is zero (all jobs far from due) the earliest due date wins: candidates are in EDD
    order, and among zero scores the first is taken.
    """
    p, d, w = as_instance(p, d, w)
    pf = np.maximum(p, 1e-9).astype(float)

    def score(c, t):
        slack = np.maximum(d[c] - p[c] - t, 0)
        return (w[c] / pf[c]) * np.maximum(0.0, 1.0 - slack / (k * pf[c]))

    return _greedy(np.lexsort((p, d)), p, d, score, True, deadline)


def psk(p, d, w=None, deadline: float = math.inf) -> np.ndarray:
    """PSK rule of Panwalkar, Smith & Koulamas (1993) for total tardiness, as coded in the paper's repo.

    Jobs are kept in SPT order (ties by due date). The first unscheduled job is the active job ``i``;
    it is scheduled at once if it is late when started now (``C + p_i >= d_i``). Otherwise the later jobs
    ``j`` are scanned in SPT order: if ``d_i <= C + p_j`` the active job is scheduled; if ``d_j < d_i`` job
    ``j`` becomes the active job; the active job is scheduled when the scan reaches the end. Weights are
    ignored. (The paper's code returns positions in the sorted order and evaluates them against the sorted
    data; we return original job indices, which gives the same objective value.)
    """
    p, d, w = as_instance(p, d, w)
    order = [int(x) for x in np.lexsort((d, p))]
    seq: list[int] = []
    c = 0
    while order:
        if time.perf_counter() >= deadline:
            seq += _edd_rest(np.asarray(order, dtype=np.int64), p, d).tolist()
            break
        a = 0
        if len(order) > 1 and c + p[order[0]] < d[order[0]]:
            for j in range(1, len(order)):
                i_job, j_job = order[a], order[j]
                if d[i_job] <= c + p[j_job]:
                    break
                if d[i_job] > d[j_job]:
                    a = j
        job = order.pop(a)
        seq.append(job)
        c += int(p[job])
    return np.asarray(seq, dtype=np.int64)


def eddc(p, d, w=None, deadline: float = math.inf) -> np.ndarray:
    """EDD Challenger (EDDC) of Cetinkaya et al., as in the released code.

    Start from SPT order (ties by due date). For each position ``i = 1..n-1`` walk the job backwards like
    insertion sort: while the job at ``j`` has an earlier due date than the one at ``j-1``, the two are
    swapped only if the job at ``j-1`` (the one pushed later) is currently early, ``d > C`` with ``C`` its
    completion time; then ``j`` decreases whether or not a swap happened. This is a single insertion-sort
    pass, not a repeat-until-no-swap loop (the paper's prose suggests the latter). Weights are ignored.
    """
    p, d, w = as_instance(p, d, w)
    s = np.lexsort((d, p))
    c = np.cumsum(p[s])
    for i in range(1, s.size):
        if time.perf_counter() >= deadline:
            s[i:] = _edd_rest(s[i:], p, d)
            break
        j = i
        while j > 0 and d[s[j]] < d[s[j - 1]]:
            if d[s[j - 1]] > c[j - 1]:
                a, b = s[j - 1], s[j]
                s[j - 1], s[j] = b, a
                c[j - 1] = c[j] - p[a]  # completion of the job now at j-1; c[j] unchanged
            j -= 1
    return s


def _mddc_scores(p: np.ndarray, d: np.ndarray, c: np.ndarray, t: int, alpha: float) -> np.ndarray:
    pc = p[c].astype(float)
    u = np.maximum(alpha * pc + t, d[c])
    r = np.minimum(pc / max(t + pc.max(), 1e-12), 1.0)
    u = u * (1.0 + r * r / (1.0 + r * r))
    return u + pc / max(t + pc.mean(), 1e-12)


def mddc(p, d, w=None, alpha: float = 1.1, deadline: float = math.inf) -> np.ndarray:
    """MDD Challenger (MDDC) of Cetinkaya et al., as in the released code.

    Greedy O(n^2): at time ``t`` each unscheduled job scores
    ``max(alpha p_j + t, d_j) (1 + r_j^2 / (1 + r_j^2)) + p_j / (t + mean(p))`` with
    ``r_j = min(1, p_j / (t + max(p)))``, lowest first. In the code ``max(p)`` and ``mean(p)`` are over the
    *remaining* jobs and candidates are kept in EDD order (ties by ``p``), so ties go to the earliest due
    date. ``alpha = 1.1`` is the published constant. Weights are ignored.
    """
    p, d, w = as_instance(p, d, w)
    n = p.size
    ids = np.lexsort((p, d))
    pc = p[ids].astype(float)
    ap = alpha * pc
    dc = d[ids].astype(float)
    total = float(pc.sum())
    seq = np.empty(n, dtype=np.int64)
    t = 0
    for k in range(n):
        if time.perf_counter() >= deadline:
            seq[k:] = ids[np.isfinite(dc)]  # candidates are in EDD order
            break
        # scheduled jobs get d = inf and p = 0: score inf, and they drop out of max(p) and sum(p)
        r = np.minimum(pc * (1.0 / max(t + pc.max(), 1e-12)), 1.0)
        r *= r
        score = np.maximum(ap + t, dc) * (2.0 - 1.0 / (1.0 + r)) + pc * (
            1.0 / max(t + total / (n - k), 1e-12)
        )
        pos = int(np.argmin(score))
        seq[k] = ids[pos]
        t += int(p[ids[pos]])
        total -= pc[pos]
        dc[pos], pc[pos], ap[pos] = np.inf, 0.0, 0.0
    return seq


def mddc_augmented(p, d, w=None, alpha: float = 1.1, deadline: float = math.inf) -> np.ndarray:
    """Augmented MDDC: MDDC plus a move-to-end search after every insertion (paper's code).

    After appending a job, every earlier job of the partial sequence is tried at the end; the best strictly
    improving move is applied (one move per insertion). O(n^3) overall, vectorised per step. The paper's
    code evaluates only the unweighted objective; here the weighted one is used when ``w`` is given.
    """
    p, d, w0 = as_instance(p, d, w)
    n = p.size
    cand = np.lexsort((p, d))
    seq = np.empty(0, dtype=np.int64)
    t = 0
    for _ in range(n):
        if time.perf_counter() >= deadline:
            return np.concatenate((seq, cand))  # candidates are in EDD order
        pos = int(np.argmin(_mddc_scores(p, d, cand, t, alpha)))
        job = cand[pos]
        cand = np.delete(cand, pos)
        t += int(p[job])
        seq = np.append(seq, job)
        if seq.size > 1:
            vals = move_to_end_values(p, d, seq, w0)
            cur = int(vals[-1])  # moving the last job to the end is the identity
            best = int(np.argmin(vals[:-1]))
            if vals[best] < cur:
                seq = np.append(np.delete(seq, best), seq[best])
    return seq


SORTS = ("edd", "spt", "wspt")
"""Rules that are a single sort: they take no time worth a deadline."""

RULES: dict[str, Callable[..., np.ndarray]] = {
    "edd": edd,
    "spt": spt,
    "wspt": wspt,
    "mdd": mdd,
    "atc": atc,
    "covert": covert,
    "psk": psk,
    "eddc": eddc,
    "mddc": mddc,
    "mddc-aug": mddc_augmented,
}
