"""Compiled (numba) tabu search for shops judged by a sum over jobs of a * C_j + b * max(0, C_j - d_j): total
(weighted) tardiness, total (weighted) completion time and their sums.

A move swaps two adjacent operations of a machine that lie on the critical path of a job that costs something
(Kreipl 2000; Bierwirth and Kuhpfahl 2017): only such swaps can make that job finish earlier, and swapping a
critical pair never closes a cycle. Every move is evaluated exactly (heads by one topological pass, then the
objective); the best move that is not tabu is taken even when it is worse, the moved operation may not go back
for a tenure, a move that beats the best schedule is always allowed, and after a stall the search restarts from
the best schedule with random critical swaps, one more after each restart that found nothing better (up to a cap).
It runs in chunks of iterations so that the caller can watch
the clock."""

from __future__ import annotations

from typing import Any

import numpy as np


def _heads(p, jp, js, mp, ms, rel, r, indeg, stack):  # pragma: no cover - compiled
    """Earliest starts r; returns False on a cycle."""
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
    done = 0
    while top > 0:
        top -= 1
        v = stack[top]
        done += 1
        e = r[v] + p[v]
        for w in (js[v], ms[v]):  # the job and the machine successor
            if w >= 0:
                if r[w] < e:
                    r[w] = e
                indeg[w] -= 1
                if indeg[w] == 0:
                    stack[top] = w
                    top += 1
    return done == n


def _cost(p, r, last, a, b, d):  # pragma: no cover - compiled
    total = 0.0
    for j in range(last.shape[0]):
        c = r[last[j]] + p[last[j]]
        total += a[j] * c
        if c > d[j]:
            total += b[j] * (c - d[j])
    return total


def _value(p, jp, js, mp, ms, rel, last, a, b, d, r, indeg, stack):  # pragma: no cover - compiled
    if not _heads(p, jp, js, mp, ms, rel, r, indeg, stack):
        return np.inf
    return _cost(p, r, last, a, b, d)


def _swap(mp, ms, u, v):  # pragma: no cover - compiled
    """u directly before v on a machine becomes v directly before u."""
    before = mp[u]
    after = ms[v]
    if before >= 0:
        ms[before] = v
    mp[v] = before
    ms[v] = u
    mp[u] = v
    ms[u] = after
    if after >= 0:
        mp[after] = u


def _moves(p, jp, mp, r, last, b, d, a, out, mark, stamp):  # pragma: no cover - compiled
    """The machine arcs (u, v) on the critical paths of the jobs that cost something; returns how many."""
    k = 0
    for j in range(last.shape[0]):
        o = last[j]
        c = r[o] + p[o]
        if not (b[j] > 0 and c > d[j]) and a[j] <= 0:
            continue
        while o >= 0:
            u = mp[o]
            if u >= 0 and r[u] + p[u] == r[o]:
                if mark[o] != stamp:
                    mark[o] = stamp
                    out[k, 0] = u
                    out[k, 1] = o
                    k += 1
                o = u
                continue
            u = jp[o]
            if u >= 0 and r[u] + p[u] == r[o]:
                o = u
                continue
            o = -1
    return k


def _search(p, jp, js, rel, last, a, b, d, mp, ms, best_mp, best_ms, tabu, state, n_iter, tenure, stall_limit,
            max_moves, kicks, cap):  # pragma: no cover - compiled
    """`n_iter` iterations from the current sequences (mp, ms); the best ones are kept in best_mp/best_ms.
    state = [iteration, best value, current value, iterations since the best improved, restarts since then]."""
    n = p.shape[0]
    r = np.zeros(n, dtype=np.int64)
    indeg = np.zeros(n, dtype=np.int64)
    stack = np.zeros(n, dtype=np.int64)
    mark = np.zeros(n, dtype=np.int64)
    moves = np.zeros((n, 2), dtype=np.int64)
    for _ in range(n_iter):
        it = int(state[0]) + 1
        state[0] = it
        current = _value(p, jp, js, mp, ms, rel, last, a, b, d, r, indeg, stack)  # heads: the critical paths
        k = _moves(p, jp, mp, r, last, b, d, a, moves, mark, it)
        if k == 0:
            break
        chosen = -1
        chosen_value = np.inf
        first = np.random.randint(k)
        for t in range(min(k, max_moves)):  # from a random place, the first improving move, else the best
            m = (first + t) % k
            u = moves[m, 0]
            v = moves[m, 1]
            _swap(mp, ms, u, v)
            value = _value(p, jp, js, mp, ms, rel, last, a, b, d, r, indeg, stack)
            _swap(mp, ms, v, u)
            allowed = tabu[v] < it or value < state[1]
            if allowed and value < chosen_value:
                chosen = m
                chosen_value = value
                if value < current:
                    break
        if chosen < 0:
            state[3] += 1
            continue
        u = moves[chosen, 0]
        v = moves[chosen, 1]
        _swap(mp, ms, u, v)
        tabu[u] = it + tenure + np.random.randint(tenure + 1)  # u may not move ahead again for a while
        state[2] = chosen_value
        if chosen_value < state[1]:
            state[1] = chosen_value
            state[3] = 0
            state[4] = 0
            best_mp[:] = mp
            best_ms[:] = ms
        else:
            state[3] += 1
        if state[3] >= stall_limit:  # restart from the best with a few random critical swaps
            mp[:] = best_mp
            ms[:] = best_ms
            state[3] = 0
            strength = min(kicks + int(state[4]), cap)  # stronger after each restart that found nothing better
            state[4] += 1
            for _kick in range(strength):
                _value(p, jp, js, mp, ms, rel, last, a, b, d, r, indeg, stack)
                k = _moves(p, jp, mp, r, last, b, d, a, moves, mark, -(it * (cap + 1) + _kick + 1))  # a fresh stamp
                if k == 0:
                    break
                m = np.random.randint(k)
                _swap(mp, ms, moves[m, 0], moves[m, 1])
        if state[1] <= 0:
            break
    return state[1]


def _seed(value):  # pragma: no cover - compiled
    np.random.seed(value)


def _starts(p, jp, js, mp, ms, rel):  # pragma: no cover - compiled
    n = p.shape[0]
    r = np.zeros(n, dtype=np.int64)
    _heads(p, jp, js, mp, ms, rel, r, np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64))
    return r


Kernels = tuple[Any, Any, Any]
"""The compiled search, seeding and earliest-start functions."""

_COMPILED: list[Kernels | None] = []


def cache_ready() -> bool:
    """True when the kernels are loaded in this process or compiled on disk (compiling takes several seconds,
    so callers with a short budget do without)."""
    from ordino.heuristics.shop.numba_cache import compiled_on_disk

    return bool(_COMPILED) or compiled_on_disk(__file__, "_search")


def compiled() -> Kernels | None:
    """The compiled kernels, or None when numba is not installed."""
    if not _COMPILED:
        from ordino.heuristics.shop.numba_cache import compile_kernels

        _COMPILED.append(compile_kernels(globals(), ("_heads", "_cost", "_value", "_swap", "_moves"), ("_search",),
                                         ("_seed", "_starts")))
    return _COMPILED[0]
