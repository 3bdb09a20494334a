"""Compiled kernels for dynasearch and the iterated local search (numba, ``cache=True``).

Without numba the same functions run as plain Python (correct, about a hundred times slower).

A dynasearch pass is one O(n^2) sweep over segment ends ``j`` (the DP column) and starts ``i`` (downwards):

* insertions are evaluated incrementally: the forward move "job at ``i`` goes right after ``j``" shifts
  positions ``i+1..j`` by ``-q_i``, so its running sum per row ``i`` gains one term per column; the
  backward move "job at ``j`` goes right before ``i``" shifts ``i..j-1`` by ``+q_j``, a running sum down the
  column;
* a swap of ``i`` and ``j`` shifts the middle by ``delta = q_j - q_i``; its middle sum (O(j-i)) is computed
  only when a cheap upper bound on the gain could beat the best DP candidate of the column: with
  ``W`` the weight and ``T`` the tardiness of the tardy middle jobs, the middle changes by at most
  ``-delta W`` (``delta >= 0``) or ``min(T, -delta W)`` (``delta < 0``).

Segment moves keep the total processing time of the segment, so moves on disjoint segments add up and the
DP ``F[j+1] = max(F[j], max_i F[i] + G[i, j])`` picks the best set of independent moves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from .dynasearch_numpy import dynasearch_pass_numpy

try:  # pragma: no branch
    import numba

    HAVE_NUMBA = True
except ImportError:  # pragma: no cover - plain Python fallback
    HAVE_NUMBA = False


def njit(f: Callable[..., Any]) -> Callable[..., Any]:
    """``numba.njit(cache=True)`` when numba is installed; without it the plain Python function."""
    return numba.njit(cache=True)(f) if HAVE_NUMBA else f


_MASK = (1 << 64) - 1


@njit
def twt(p, d, w, s):
    """Total weighted tardiness of sequence ``s``."""
    c = 0
    tot = 0
    for k in range(s.size):
        j = s[k]
        c += p[j]
        e = c - d[j]
        if e > 0:
            tot += w[j] * e
    return tot


def _dyna_pass_loops(p, d, w, s, out, insert, max_span, max_len):
    """One dynasearch pass on ``s``; writes the improved sequence to ``out`` and returns the gain (0: none).

    ``insert`` adds forward/backward insertions to the swaps (enhanced dynasearch); ``max_span > 0``
    limits swaps to ``j - i <= max_span``; ``max_len > 0`` limits every move to ``j - i <= max_len``.
    """
    n = s.size
    q = np.empty(n, np.int64)
    dd = np.empty(n, np.int64)
    ww = np.empty(n, np.int64)
    c = np.empty(n, np.int64)
    e = np.empty(n, np.int64)
    t = np.empty(n, np.int64)
    tc = np.zeros(n + 1, np.int64)  # prefix sums of tardiness
    wc = np.zeros(n + 1, np.int64)  # prefix sums of the weights of tardy jobs
    run = 0
    for k in range(n):
        j = s[k]
        q[k] = p[j]
        dd[k] = d[j]
        ww[k] = w[j]
        run += p[j]
        c[k] = run
        e[k] = run - d[j]
        if e[k] > 0:
            t[k] = ww[k] * e[k]
            wc[k + 1] = wc[k] + ww[k]
        else:
            t[k] = 0
            wc[k + 1] = wc[k]
        tc[k + 1] = tc[k] + t[k]
    f = np.zeros(n + 1, np.int64)
    choice = np.full(n, -1, np.int64)
    kind = np.zeros(n, np.int64)
    accf = np.zeros(n, np.int64)
    last_tardy = 0 if t[0] > 0 else -1
    for j in range(1, n):
        if t[j] > 0:
            last_tardy = j
        best = f[j]
        bi = -1
        bk = 0
        if last_tardy < 0:  # positions 0..j all early: no move can gain
            f[j + 1] = best
            continue
        qj = q[j]
        tj = t[j]
        wj = ww[j]
        ej = e[j]
        cj = c[j]
        accb = 0
        stop = -1 if max_len <= 0 else max(-1, j - 1 - max_len)
        # segments i..j with i > last_tardy hold only early jobs (gain <= 0); job j is early there, so the
        # forward sums get nothing from column j: only the backward running sum needs those rows
        for i in range(j - 1, max(last_tardy, stop), -1):
            x = e[i] + qj
            accb += t[i] - (ww[i] * x if x > 0 else 0)
        for i in range(min(last_tardy, j - 1), stop, -1):
            base = f[i]
            x = c[i] - q[i] + qj - dd[j]
            new_j = wj * x if x > 0 else 0  # job j moved to the front of the segment
            x = cj - dd[i]
            new_i = ww[i] * x if x > 0 else 0  # job i moved to the back of the segment
            if insert:
                x = ej - q[i]
                accf[i] += tj - (wj * x if x > 0 else 0)
                x = e[i] + qj
                accb += t[i] - (ww[i] * x if x > 0 else 0)
                g = t[i] + accf[i] - new_i
                if base + g > best:
                    best = base + g
                    bi = i
                    bk = 1
                g = tj + accb - new_j
                if base + g > best:
                    best = base + g
                    bi = i
                    bk = 2
            if max_span > 0 and j - i > max_span:
                continue
            endgain = t[i] + tj - new_i - new_j
            delta = qj - q[i]
            wmid = wc[j] - wc[i + 1]
            if delta >= 0:
                ub = endgain - delta * wmid
            else:
                tmid = tc[j] - tc[i + 1]
                ub = endgain + min(tmid, -delta * wmid)
            if base + ub <= best:
                continue
            mid = 0
            for k in range(i + 1, j):
                x = e[k] + delta
                mid += t[k] - (ww[k] * x if x > 0 else 0)
            g = endgain + mid
            if base + g > best:
                best = base + g
                bi = i
                bk = 0
        f[j + 1] = best
        choice[j] = bi
        kind[j] = bk
    for k in range(n):
        out[k] = s[k]
    if f[n] <= 0:
        return 0
    j = n - 1
    while j >= 0:
        i = choice[j]
        if i < 0:
            j -= 1
            continue
        k = kind[j]
        if k == 0:
            out[i] = s[j]
            out[j] = s[i]
        elif k == 1:
            for m in range(i, j):
                out[m] = s[m + 1]
            out[j] = s[i]
        else:
            for m in range(j, i, -1):
                out[m] = s[m - 1]
            out[i] = s[j]
        j = i - 1
    return f[n]


def _dyna_pass_numpy(p, d, w, s, out, insert, max_span, max_len):
    """Without numba: the numpy gain-matrix pass (much faster than the loops above in plain Python)."""
    if max_len > 0:
        raise ValueError("max_len needs numba")
    moves = "swap+insert" if insert else "swap"
    new, gain = dynasearch_pass_numpy(p, d, w, s, moves, max_span if max_span > 0 else None)
    out[:] = new
    return gain


dyna_pass = njit(_dyna_pass_loops) if HAVE_NUMBA else _dyna_pass_numpy
"""One dynasearch pass (see `_dyna_pass_loops`): compiled, or the numpy pass without numba."""


@njit
def descend(p, d, w, s, buf, insert, max_span, max_len, max_passes):
    """Dynasearch passes on ``s`` (in place, ``buf`` is scratch) until no gain; returns the number of passes."""
    passes = 0
    while passes < max_passes:
        g = dyna_pass(p, d, w, s, buf, insert, max_span, max_len)
        passes += 1
        if g <= 0:
            break
        for k in range(s.size):
            s[k] = buf[k]
    return passes


def _rand_uint64(state, bound):
    """Uniform integer in ``[0, bound)`` from a xorshift64* generator stored in ``state[0]``."""
    x = state[0]
    x ^= x >> np.uint64(12)
    x ^= x << np.uint64(25)
    x ^= x >> np.uint64(27)
    state[0] = x
    r = (x * np.uint64(2685821657736338717)) >> np.uint64(33)
    return np.int64(r % np.uint64(bound))


def _rand_python(state, bound):
    """Same xorshift64* stream as the compiled version, in Python integers (no overflow warnings)."""
    x = int(state[0])
    x ^= x >> 12
    x ^= (x << 25) & _MASK
    x ^= x >> 27
    state[0] = x
    return (((x * 2685821657736338717) & _MASK) >> 33) % int(bound)


_rand = njit(_rand_uint64) if HAVE_NUMBA else _rand_python


@njit
def ils_iterations(
    p, d, w, cur, best, st, rng, iters, lb, insert, max_span, max_len, kick_lo, kick_hi, window, restart_after
):
    """Run up to ``iters`` kick-and-descend iterations of the iterated dynasearch.

    ``cur`` and ``best`` are sequences updated in place; ``st`` holds ``[cur_value, best_value, since_best,
    iterations_done]``; ``rng`` is the generator state. A kick is ``kick_lo..kick_hi`` random swaps of
    positions at most ``window`` apart; the new local optimum replaces the current one when not worse;
    after ``restart_after`` iterations without a new best the search returns to the best sequence.
    Stops early when the best value reaches ``lb``.
    """
    n = cur.size
    cand = np.empty(n, np.int64)
    buf = np.empty(n, np.int64)
    for _ in range(iters):
        if st[1] <= lb:
            break
        st[3] += 1
        for k in range(n):
            cand[k] = cur[k]
        strength = kick_lo + _rand(rng, kick_hi - kick_lo + 1)
        for _k in range(strength):
            i = _rand(rng, n - 1)
            j = i + 1 + _rand(rng, window)
            if j > n - 1:
                j = n - 1
            x = cand[i]
            cand[i] = cand[j]
            cand[j] = x
        descend(p, d, w, cand, buf, insert, max_span, max_len, 1_000_000)
        v = twt(p, d, w, cand)
        if v <= st[0]:
            for k in range(n):
                cur[k] = cand[k]
            st[0] = v
        if v < st[1]:
            for k in range(n):
                best[k] = cand[k]
            st[1] = v
            st[2] = 0
        else:
            st[2] += 1
            if st[2] >= restart_after:
                for k in range(n):
                    cur[k] = best[k]
                st[0] = st[1]
                st[2] = 0
    return st[3]


def seed_state(seed: int) -> np.ndarray:
    """Non-zero xorshift state from an integer seed (splitmix64 of the seed)."""
    z = (int(seed) * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & _MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & _MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & _MASK
    z ^= z >> 31
    return np.array([z or 1], dtype=np.uint64)


@njit
def dp_subsets_kernel(p, d, w, f, tot):
    """Subset DP ``F(S) = min_{j in S} F(S - j) + w_j max(0, p(S) - d_j)`` in increasing bitmask order.

    Every ``S - j`` is a smaller integer than ``S``, so one sweep suffices. ``f`` and ``tot`` are work
    arrays of length ``2^n`` (int32 when the values fit: half the memory traffic). Returns
    ``(sequence, value)``.
    """
    n = p.size
    size = 1 << n
    f[0] = 0
    tot[0] = 0
    for s in range(1, size):
        first = 0
        while not (s >> first) & 1:
            first += 1
        ts = tot[s ^ (1 << first)] + p[first]
        tot[s] = ts
        x = ts - d[first]
        best = f[s ^ (1 << first)] + (w[first] * x if x > 0 else 0)
        for j in range(first + 1, n):
            if (s >> j) & 1:
                x = ts - d[j]
                v = f[s ^ (1 << j)] + (w[j] * x if x > 0 else 0)
                if v < best:
                    best = v
        f[s] = best
    seq = np.empty(n, np.int64)
    s = size - 1
    for pos in range(n - 1, -1, -1):
        for j in range(n):
            if (s >> j) & 1:
                x = tot[s] - d[j]
                if f[s ^ (1 << j)] + (w[j] * x if x > 0 else 0) == f[s]:
                    seq[pos] = j
                    s ^= 1 << j
                    break
    return seq, f[size - 1]
