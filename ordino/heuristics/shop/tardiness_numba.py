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


def _insert_after(mp, ms, x, y):  # pragma: no cover - compiled
    """Take x out of its machine sequence and put it directly after y; called with the two arrays swapped
    (`_insert_after(ms, mp, x, y)`), directly before y."""
    if mp[x] >= 0:
        ms[mp[x]] = ms[x]
    if ms[x] >= 0:
        mp[ms[x]] = mp[x]
    after = ms[y]
    ms[y] = x
    mp[x] = y
    ms[x] = after
    if after >= 0:
        mp[after] = x


def _apply(mp, ms, x, y, kind):  # pragma: no cover - compiled
    """Make move (x, y, kind) and return x's machine predecessor and successor before it, to undo it with `_undo`:
    kind 0 swaps x directly before y, 1 moves x after y, 2 moves x before y."""
    before = mp[x]
    after = ms[x]
    if kind == 0:
        _swap(mp, ms, x, y)
    elif kind == 1:
        _insert_after(mp, ms, x, y)
    else:
        _insert_after(ms, mp, x, y)  # before y
    return before, after


def _undo(mp, ms, x, y, kind, before, after):  # pragma: no cover - compiled
    if kind == 0:
        _swap(mp, ms, y, x)
    elif before >= 0:
        _insert_after(mp, ms, x, before)
    else:
        _insert_after(ms, mp, x, after)  # back before its old successor


def _moves(p, jp, mp, r, last, b, d, a, out, mark, stamp, block):  # pragma: no cover - compiled
    """The moves of the critical blocks (runs of one machine) on the critical paths of the jobs that cost
    something, into `out` as rows (x, y, kind): every adjacent pair swapped, and every operation of a block moved
    to its end or to its start (Kuhpfahl and Bierwirth 2016, CT and CEI); returns how many."""
    n = p.shape[0]
    k = 0
    for j in range(last.shape[0]):
        o = last[j]
        c = r[o] + p[o]
        if not (b[j] > 0 and c > d[j]) and a[j] <= 0:
            continue
        while o >= 0:
            size = 1  # the block ending at o, latest first
            block[0] = o
            u = mp[o]
            while u >= 0 and r[u] + p[u] == r[block[size - 1]]:
                block[size] = u
                size += 1
                u = mp[u]
            for i in range(size - 1):  # block[i + 1] directly before block[i]
                if mark[block[i]] != stamp:
                    mark[block[i]] = stamp
                    out[k, 0] = block[i + 1]
                    out[k, 1] = block[i]
                    out[k, 2] = 0
                    k += 1
            for i in range(2, size):  # an earlier one to the end
                x = block[i]
                if mark[n + x] != stamp:
                    mark[n + x] = stamp
                    out[k, 0] = x
                    out[k, 1] = block[0]
                    out[k, 2] = 1
                    k += 1
            for i in range(size - 2):  # a later one to the start
                x = block[i]
                if mark[2 * n + x] != stamp:
                    mark[2 * n + x] = stamp
                    out[k, 0] = x
                    out[k, 1] = block[size - 1]
                    out[k, 2] = 2
                    k += 1
            o = block[size - 1]
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
    mark = np.zeros(3 * n, dtype=np.int64)
    block = np.zeros(n, dtype=np.int64)
    moves = np.zeros((3 * n, 3), dtype=np.int64)
    for _ in range(n_iter):
        it = int(state[0]) + 1
        state[0] = it
        current = _value(p, jp, js, mp, ms, rel, last, a, b, d, r, indeg, stack)  # heads: the critical paths
        k = _moves(p, jp, mp, r, last, b, d, a, moves, mark, it, block)
        if k == 0:
            break
        chosen = -1
        chosen_value = np.inf
        first = np.random.randint(k)
        for t in range(min(k, max_moves)):  # from a random place, the first improving move, else the best
            m = (first + t) % k
            x, y, kind = moves[m, 0], moves[m, 1], moves[m, 2]
            before, after = _apply(mp, ms, x, y, kind)
            value = _value(p, jp, js, mp, ms, rel, last, a, b, d, r, indeg, stack)  # inf on a cycle
            _undo(mp, ms, x, y, kind, before, after)
            ahead = x if kind == 2 else y
            allowed = tabu[ahead] < it or value < state[1]
            if allowed and value < chosen_value:
                chosen = m
                chosen_value = value
                if value < current:
                    break
        if chosen < 0:
            state[3] += 1
            continue
        x, y, kind = moves[chosen, 0], moves[chosen, 1], moves[chosen, 2]
        _apply(mp, ms, x, y, kind)
        back = y if kind == 2 else x
        tabu[back] = it + tenure + np.random.randint(tenure + 1)  # it may not move ahead again for a while
        state[2] = chosen_value
        if chosen_value < state[1]:
            state[1] = chosen_value
            state[3] = 0
            state[4] = 0
            best_mp[:] = mp
            best_ms[:] = ms
        else:
            state[3] += 1
        if state[3] >= stall_limit:  # restart from the best with random critical moves
            mp[:] = best_mp
            ms[:] = best_ms
            state[3] = 0
            strength = min(kicks + int(state[4]), cap)  # stronger after each restart that found nothing better
            state[4] += 1
            _value(p, jp, js, mp, ms, rel, last, a, b, d, r, indeg, stack)
            for kick in range(strength):
                k = _moves(p, jp, mp, r, last, b, d, a, moves, mark, -(it * (cap + 1) + kick + 1), block)
                if k == 0:
                    break
                m = np.random.randint(k)
                x, y, kind = moves[m, 0], moves[m, 1], moves[m, 2]
                before, after = _apply(mp, ms, x, y, kind)
                if not _heads(p, jp, js, mp, ms, rel, r, indeg, stack):  # a cycle: undone
                    _undo(mp, ms, x, y, kind, before, after)
                    _heads(p, jp, js, mp, ms, rel, r, indeg, stack)
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

        helpers = ("_heads", "_cost", "_value", "_swap", "_insert_after", "_apply", "_undo", "_moves")
        _COMPILED.append(compile_kernels(globals(), helpers, ("_search",), ("_seed", "_starts")))
    return _COMPILED[0]
