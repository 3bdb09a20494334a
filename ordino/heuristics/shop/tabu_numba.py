"""Compiled (numba) core of the job shop tabu search: the same N7 neighbourhood, head/tail estimates, tabu
arcs, aspiration and perturbation as `tabu.py`, on flat int64 arrays, run in chunks of iterations so the
caller can watch the clock. Used for job shops (fixed machine choice) when numba is installed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np


def _evaluate(p, jp, js, mp, ms, rel, r, q, order, indeg, stack):  # pragma: no cover - compiled
    """Heads r, tails q and topological order; returns the makespan, or -1 on a cycle."""
    n = p.shape[0]
    top = 0
    for v in range(n):
        d = 0
        if jp[v] >= 0:
            d += 1
        if mp[v] >= 0:
            d += 1
        indeg[v] = d
        r[v] = rel[v]
        if d == 0:
            stack[top] = v
            top += 1
    k = 0
    while top > 0:
        top -= 1
        v = stack[top]
        order[k] = v
        k += 1
        e = r[v] + p[v]
        w = js[v]
        if w >= 0:
            if r[w] < e:
                r[w] = e
            indeg[w] -= 1
            if indeg[w] == 0:
                stack[top] = w
                top += 1
        w = ms[v]
        if w >= 0:
            if r[w] < e:
                r[w] = e
            indeg[w] -= 1
            if indeg[w] == 0:
                stack[top] = w
                top += 1
    if k < n:
        return -1
    cmax = 0
    for i in range(n - 1, -1, -1):
        v = order[i]
        t = 0
        w = js[v]
        if w >= 0:
            t = q[w] + p[w]
        w = ms[v]
        if w >= 0 and q[w] + p[w] > t:
            t = q[w] + p[w]
        q[v] = t
        if r[v] + p[v] > cmax:
            cmax = r[v] + p[v]
    return cmax


def _critical_path(p, jp, mp, r, lasts, cmax, path):  # pragma: no cover - compiled
    """One critical path into `path` (first to last); returns its length."""
    count = 0
    for v in lasts:
        if r[v] + p[v] == cmax:
            count += 1
    pick = np.random.randint(count)
    v = -1
    for u in lasts:
        if r[u] + p[u] == cmax:
            if pick == 0:
                v = u
                break
            pick -= 1
    k = 0
    while True:
        path[k] = v
        k += 1
        a = mp[v]
        b = jp[v]
        if a >= 0 and r[a] + p[a] == r[v]:
            v = a
        elif b >= 0 and r[b] + p[b] == r[v]:
            v = b
        else:
            break
    path[:k] = path[:k][::-1].copy()
    return k


def _estimate(p, jp, js, rel, r, q, seg, a, b):  # pragma: no cover - compiled
    """Longest path through a reordered machine segment `seg` placed between a and b."""
    k = seg.shape[0]
    heads = np.empty(k, dtype=np.int64)
    t = r[a] + p[a] if a >= 0 else 0
    for i in range(k):
        v = seg[i]
        w = jp[v]
        h = r[w] + p[w] if w >= 0 else 0
        if h > t:
            t = h
        if rel[v] > t:
            t = rel[v]
        heads[i] = t
        t += p[v]
    t = q[b] + p[b] if b >= 0 else 0
    worst = 0
    for i in range(k - 1, -1, -1):
        v = seg[i]
        w = js[v]
        h = q[w] + p[w] if w >= 0 else 0
        if h > t:
            t = h
        if heads[i] + p[v] + t > worst:
            worst = heads[i] + p[v] + t
        t += p[v]
    return worst


def _new_segment(path, lo, hi, forward):  # pragma: no cover - compiled
    k = hi - lo + 1
    seg = np.empty(k, dtype=np.int64)
    if forward:  # path[hi] to the front
        seg[0] = path[hi]
        for i in range(lo, hi):
            seg[i - lo + 1] = path[i]
    else:  # path[lo] to the back
        for i in range(lo + 1, hi + 1):
            seg[i - lo - 1] = path[i]
        seg[k - 1] = path[lo]
    return seg


def _relink(mp, ms, seg, a, b):  # pragma: no cover - compiled
    prev = a
    for v in seg:
        mp[v] = prev
        if prev >= 0:
            ms[prev] = v
        prev = v
    ms[prev] = b
    if b >= 0:
        mp[b] = prev


def _core(p, jp, js, rel, lasts, mp, ms, best_mp, best_ms, tabu, state, n_iter, tenure, stall_limit,
          target):  # pragma: no cover - compiled
    """Run up to `n_iter` iterations. `state` = [iteration, stall, best, cmax]; all arrays updated in place."""
    n = p.shape[0]
    r = np.zeros(n, dtype=np.int64)
    q = np.zeros(n, dtype=np.int64)
    order = np.zeros(n, dtype=np.int64)
    indeg = np.zeros(n, dtype=np.int64)
    stack = np.zeros(n, dtype=np.int64)
    path = np.zeros(n, dtype=np.int64)
    cap = 4 * n + 8
    mv_lo = np.zeros(cap, dtype=np.int64)
    mv_hi = np.zeros(cap, dtype=np.int64)
    mv_fw = np.zeros(cap, dtype=np.bool_)
    mv_key = np.zeros(cap, dtype=np.float64)
    it, stall, best = state[0], state[1], state[2]
    cmax = _evaluate(p, jp, js, mp, ms, rel, r, q, order, indeg, stack)
    for _ in range(n_iter):
        if best <= target:
            break
        it += 1
        length = _critical_path(p, jp, mp, r, lasts, cmax, path)
        # blocks: maximal runs of path with machine adjacency
        n_moves = 0
        start = 0
        n_blocks = 0
        for i in range(1, length + 1):
            if i == length or ms[path[i - 1]] != path[i]:
                n_blocks += 1
        block = 0
        for i in range(1, length + 1):
            if i < length and ms[path[i - 1]] == path[i]:
                continue
            lo, hi = start, i - 1
            start = i
            first, last = block == 0, block == n_blocks - 1
            block += 1
            k = hi - lo + 1
            if k < 2:
                continue
            cands_lo = np.empty(2 * k + 2, dtype=np.int64)
            cands_hi = np.empty(2 * k + 2, dtype=np.int64)
            cands_fw = np.empty(2 * k + 2, dtype=np.bool_)
            c = 0
            if not first:  # swap the first pair
                cands_lo[c], cands_hi[c], cands_fw[c] = lo, lo + 1, True
                c += 1
            if not last and (k > 2 or first):  # swap the last pair
                cands_lo[c], cands_hi[c], cands_fw[c] = hi - 1, hi, True
                c += 1
            if k >= 3:
                f0 = path[lo]
                for j in range(lo + 2, hi + 1):  # path[j] to the block front
                    u = path[j]
                    w = jp[u]
                    if (not first or j < hi) and (w < 0 or r[w] < r[f0] + p[f0]):
                        cands_lo[c], cands_hi[c], cands_fw[c] = lo, j, True
                        c += 1
                e0 = path[hi]
                for j in range(lo, hi - 1):  # path[j] to the block end
                    u = path[j]
                    w = js[u]
                    if (not last or j > lo) and (w < 0 or r[e0] < r[w] + p[w]):
                        cands_lo[c], cands_hi[c], cands_fw[c] = j, hi, False
                        c += 1
            for x in range(c):
                if n_moves < cap:
                    mv_lo[n_moves], mv_hi[n_moves], mv_fw[n_moves] = cands_lo[x], cands_hi[x], cands_fw[x]
                    n_moves += 1
        chosen = -1
        if n_moves > 0:
            allowed = 0
            for x in range(n_moves):
                lo, hi, fw = mv_lo[x], mv_hi[x], mv_fw[x]
                seg = _new_segment(path, lo, hi, fw)
                est = _estimate(p, jp, js, rel, r, q, seg, mp[path[lo]], ms[path[hi]])
                is_tabu = False
                if fw:
                    u = path[hi]
                    for y in range(lo, hi):
                        if tabu[u, path[y]] > it:
                            is_tabu = True
                else:
                    u = path[lo]
                    for y in range(lo + 1, hi + 1):
                        if tabu[path[y], u] > it:
                            is_tabu = True
                if is_tabu and est >= best:
                    mv_key[x] = np.inf
                else:
                    mv_key[x] = est + np.random.random() * 0.5
                    allowed += 1
            if allowed == 0:
                x = np.random.randint(n_moves)
                mv_key[x] = 0.0
            for _try in range(3):
                x = int(np.argmin(mv_key[:n_moves]))
                if mv_key[x] == np.inf:
                    break
                mv_key[x] = np.inf
                lo, hi, fw = mv_lo[x], mv_hi[x], mv_fw[x]
                old = path[lo:hi + 1].copy()
                seg = _new_segment(path, lo, hi, fw)
                a, b = mp[old[0]], ms[old[-1]]
                _relink(mp, ms, seg, a, b)
                value = _evaluate(p, jp, js, mp, ms, rel, r, q, order, indeg, stack)
                if value >= 0:
                    chosen = x
                    cmax = value
                    until = it + tenure + np.random.randint(tenure // 2 + 2)
                    if fw:
                        u = old[-1]
                        for y in range(old.shape[0] - 1):
                            tabu[old[y], u] = until
                    else:
                        u = old[0]
                        for y in range(1, old.shape[0]):
                            tabu[u, old[y]] = until
                    break
                _relink(mp, ms, old, a, b)
                _evaluate(p, jp, js, mp, ms, rel, r, q, order, indeg, stack)
        if chosen < 0 or stall > stall_limit:
            mp[:] = best_mp
            ms[:] = best_ms
            cmax = _evaluate(p, jp, js, mp, ms, rel, r, q, order, indeg, stack)
            for _k in range(2 + np.random.randint(4)):  # random swaps of adjacent critical operations
                length = _critical_path(p, jp, mp, r, lasts, cmax, path)
                pairs = 0
                for i in range(1, length):
                    if ms[path[i - 1]] == path[i] and js[path[i - 1]] != path[i]:
                        pairs += 1
                if pairs == 0:
                    break
                pick = np.random.randint(pairs)
                for i in range(1, length):
                    if ms[path[i - 1]] == path[i] and js[path[i - 1]] != path[i]:
                        if pick == 0:
                            u, v = path[i - 1], path[i]
                            a, b = mp[u], ms[v]
                            seg = np.empty(2, dtype=np.int64)
                            seg[0], seg[1] = v, u
                            _relink(mp, ms, seg, a, b)
                            value = _evaluate(p, jp, js, mp, ms, rel, r, q, order, indeg, stack)
                            if value < 0:
                                seg[0], seg[1] = u, v
                                _relink(mp, ms, seg, a, b)
                                value = _evaluate(p, jp, js, mp, ms, rel, r, q, order, indeg, stack)
                            cmax = value
                            break
                        pick -= 1
            tabu[:, :] = 0
            stall = 0
            continue
        if cmax < best:
            best = cmax
            best_mp[:] = mp
            best_ms[:] = ms
            stall = 0
        else:
            stall += 1
    state[0], state[1], state[2], state[3] = it, stall, best, cmax


Kernels = tuple[Callable[..., Any], Callable[..., Any], Callable[..., Any]]
"""The compiled core, the seeding of its random stream and its heads computation."""

_COMPILED: list[Kernels | None] = []
_USED: list[bool] = []


def note_loaded() -> None:
    """Record that the compiled core runs in this process (`cache_ready` is then True)."""
    _USED.append(True)


def cache_ready() -> bool:
    """True when the compiled core is loaded in this process or cached on disk (loading takes about a
    second; compiling from scratch takes 10-20 s, so callers with a short budget avoid it)."""
    from ordino.heuristics.shop.numba_cache import compiled_on_disk

    return bool(_USED) or compiled_on_disk(__file__, "_core")


def compiled() -> Kernels | None:
    """The numba-compiled kernels, or None when numba is not installed."""
    if not _COMPILED:
        from ordino.heuristics.shop.numba_cache import compile_kernels

        _COMPILED.append(compile_kernels(globals(), ("_evaluate", "_critical_path", "_estimate", "_new_segment",
                                                     "_relink"), ("_core",), ("_seed", "_heads_of")))
    return _COMPILED[0]


def _seed(value):  # pragma: no cover - compiled
    np.random.seed(value)


def _heads_of(p, jp, js, mp, ms, rel):  # pragma: no cover - compiled
    n = p.shape[0]
    r = np.zeros(n, dtype=np.int64)
    q = np.zeros(n, dtype=np.int64)
    order = np.zeros(n, dtype=np.int64)
    indeg = np.zeros(n, dtype=np.int64)
    stack = np.zeros(n, dtype=np.int64)
    _evaluate(p, jp, js, mp, ms, rel, r, q, order, indeg, stack)
    return r
