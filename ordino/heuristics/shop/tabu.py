"""Tabu search for the job shop makespan on the disjunctive graph (Nowicki-Smutnicki style).

The neighbourhood is N5: swap the first two or the last two operations of each block of the critical path
(not the first pair of the first block nor the last pair of the last block). Moves are ranked by a fast
head/tail estimate (exact for the longest path through the two swapped operations); a move is tabu when it
would restore an arc reversed less than `tenure` iterations ago, unless it beats the best makespan
(aspiration). When the search stalls it jumps back to the best solution and perturbs it with a few random
critical swaps. For a flexible job shop, critical operations may also move to another of their machines
(inserted where their head fits; the old machine is tabu for that operation for a while).
"""

from __future__ import annotations

import heapq
import time
from dataclasses import dataclass

import numpy as np

from ordino.heuristics.shop import tabu_numba
from ordino.heuristics.shop.data import ShopData


@dataclass
class TabuResult:
    """Outcome of a tabu search: start times, makespan, iterations run, and the makespan history."""

    starts: list[int]
    makespan: int
    iterations: int
    improvements: list[tuple[int, int]]
    choice: list[int] | None = None


class _Graph:
    """Machine sequences of a fixed-assignment shop as successor/predecessor arrays, with heads and tails."""

    def __init__(self, data: ShopData, choice: list[int], starts: list[int]) -> None:
        n = data.n_ops
        self.n = n
        self.options = data.options
        self.choice = list(choice)
        self.p = [data.options[o][choice[o]][1] for o in range(n)]
        self.mach = [data.options[o][choice[o]][0] for o in range(n)]
        self.rel = list(data.release)
        self.jp = [-1] * n
        self.js = [-1] * n
        for ops in data.job_ops:
            for a, b in zip(ops, ops[1:], strict=False):
                self.js[a] = b
                self.jp[b] = a
        self.mp = [-1] * n
        self.ms = [-1] * n
        on_machine: list[list[int]] = [[] for _ in range(data.n_machines)]
        for o in range(n):
            on_machine[self.mach[o]].append(o)
        for ops in on_machine:
            seq = sorted(ops, key=lambda o: (starts[o], self.p[o] > 0, o))
            for a, b in zip(seq, seq[1:], strict=False):
                self.ms[a] = b
                self.mp[b] = a
        self.r = [0] * n
        self.q = [0] * n
        self.order: list[int] = []
        self.pos = [0] * n
        self.lasts = [ops[-1] for ops in data.job_ops if ops]
        self.stamp = 0
        self.mark = [0] * n
        self.tail_mark = [0] * n

    def snapshot(self) -> tuple[list[int], list[int], list[int]]:
        """Copies of the machine arcs and the option choice."""
        return self.mp[:], self.ms[:], self.choice[:]

    def restore(self, state: tuple[list[int], list[int], list[int]]) -> None:
        """Back to a snapshot (call `evaluate` next)."""
        self.mp, self.ms, self.choice = state[0][:], state[1][:], state[2][:]
        for o, c in enumerate(self.choice):
            self.mach[o], self.p[o] = self.options[o][c][0], self.options[o][c][1]

    def evaluate(self) -> int:
        """Heads, tails and makespan of the current sequences (-1 when they contain a cycle)."""
        n, p, jp, js, mp, ms = self.n, self.p, self.jp, self.js, self.mp, self.ms
        indeg = [(jp[v] >= 0) + (mp[v] >= 0) for v in range(n)]
        stack = [v for v in range(n) if not indeg[v]]
        r = list(self.rel)
        order: list[int] = []
        push, pop, add = stack.append, stack.pop, order.append
        while stack:
            v = pop()
            add(v)
            e = r[v] + p[v]
            w = js[v]
            if w >= 0:
                if r[w] < e:
                    r[w] = e
                indeg[w] -= 1
                if not indeg[w]:
                    push(w)
            w = ms[v]
            if w >= 0:
                if r[w] < e:
                    r[w] = e
                indeg[w] -= 1
                if not indeg[w]:
                    push(w)
        if len(order) < n:
            return -1
        q = [0] * n
        for v in reversed(order):
            t = 0
            w = js[v]
            if w >= 0:
                t = q[w] + p[w]
            w = ms[v]
            if w >= 0 and q[w] + p[w] > t:
                t = q[w] + p[w]
            q[v] = t
        self.r, self.q = r, q
        self.order = order
        pos = self.pos
        for i, v in enumerate(order):
            pos[v] = i
        return max(map(int.__add__, r, p))

    def reorder(self, nodes: tuple[int, ...]) -> tuple[int, int] | None:
        """Repair the topological order after the machine arcs among `nodes` changed: only the window of
        the order spanning them moves. Returns that window, or None (order untouched) on a cycle."""
        pos, order, jp, mp = self.pos, self.order, self.jp, self.mp
        lo = min(pos[v] for v in nodes)
        hi = max(pos[v] for v in nodes)
        window = order[lo:hi + 1]
        indeg = {}
        heap = []
        for v in window:
            d = 0
            w = jp[v]
            if w >= 0 and lo <= pos[w] <= hi:
                d += 1
            w = mp[v]
            if w >= 0 and lo <= pos[w] <= hi:
                d += 1
            indeg[v] = d
            if not d:
                heap.append((pos[v], v))
        heapq.heapify(heap)
        out = []
        js, ms = self.js, self.ms
        while heap:
            _, v = heapq.heappop(heap)
            out.append(v)
            for w in (js[v], ms[v]):
                if w in indeg:
                    indeg[w] -= 1
                    if not indeg[w]:
                        heapq.heappush(heap, (pos[w], w))
        if len(out) < len(window):
            return None
        order[lo:hi + 1] = out
        for i, v in enumerate(out, lo):
            pos[v] = i
        return lo, hi

    def refresh(self, lo: int, hi: int) -> int:
        """Heads from order position `lo` on, tails up to `hi`, after `reorder`; returns the makespan.

        Only nodes in the window or with a changed predecessor (successor) are recomputed."""
        r, q, p, jp, js, mp, ms, rel, order = self.r, self.q, self.p, self.jp, self.js, self.mp, self.ms, \
            self.rel, self.order
        self.stamp += 2
        mark = self.mark
        new, old = self.stamp, self.stamp - 1  # `new`: head changed; `old`: tail changed
        for i in range(lo, self.n):
            v = order[i]
            w = jp[v]
            x = mp[v]
            if i > hi and not ((w >= 0 and mark[w] == new) or (x >= 0 and mark[x] == new)):
                continue
            t = rel[v]
            if w >= 0 and r[w] + p[w] > t:
                t = r[w] + p[w]
            if x >= 0 and r[x] + p[x] > t:
                t = r[x] + p[x]
            if t != r[v] or i <= hi:
                r[v] = t
                mark[v] = new
        tail = self.tail_mark
        for i in range(hi, -1, -1):
            v = order[i]
            w = js[v]
            x = ms[v]
            if i < lo and not ((w >= 0 and tail[w] == old) or (x >= 0 and tail[x] == old)):
                continue
            t = 0
            if w >= 0:
                t = q[w] + p[w]
            if x >= 0 and q[x] + p[x] > t:
                t = q[x] + p[x]
            if t != q[v] or i >= lo:
                q[v] = t
                tail[v] = old
        return max(r[v] + p[v] for v in self.lasts)

    def reassign_moves(self, blocks: list[list[int]], rng: np.random.Generator,
                       limit: int = 24) -> list[tuple[int, int, int, int, int]]:
        """Moves of critical operations to another of their machines, each inserted in the gap with the best
        head/tail estimate; as (estimate, op, option, new machine predecessor, new machine successor)."""
        r, q, p, jp, js, mp, ms, rel = self.r, self.q, self.p, self.jp, self.js, self.mp, self.ms, self.rel
        cands = [(o, c) for blk in blocks for o in blk for c, opt in enumerate(self.options[o])
                 if opt[0] != self.mach[o]]
        if not cands:
            return []
        if len(cands) > limit:
            cands = [cands[i] for i in rng.choice(len(cands), size=limit, replace=False)]
        firsts = {self.mach[v]: v for v in range(self.n) if mp[v] < 0}
        out = []
        for o, c in cands:
            m, d, _ = self.options[o][c]
            w = jp[o]
            jhead = max(rel[o], r[w] + p[w] if w >= 0 else 0)
            w = js[o]
            jtail = q[w] + p[w] if w >= 0 else 0
            best = None
            prev, x = -1, firsts.get(m, -1)
            while True:  # every gap of machine m: between prev and x
                head = max(jhead, r[prev] + p[prev]) if prev >= 0 else jhead
                tail = max(jtail, q[x] + p[x]) if x >= 0 else jtail
                if best is None or head + d + tail < best[0]:
                    best = (head + d + tail, o, c, prev, x)
                if x < 0:
                    break
                prev, x = x, ms[x]
            out.append(best)
        return out

    def reassign(self, o: int, c: int, prev: int, nxt: int) -> tuple[int, int, int, int]:
        """Move o to option c between prev and nxt; returns what `reassign` needs to undo it."""
        mp, ms = self.mp, self.ms
        a, b = mp[o], ms[o]
        if a >= 0:
            ms[a] = b
        if b >= 0:
            mp[b] = a
        mp[o], ms[o] = prev, nxt
        if prev >= 0:
            ms[prev] = o
        if nxt >= 0:
            mp[nxt] = o
        undo = (self.choice[o], a, b, o)
        self.choice[o] = c
        self.mach[o], self.p[o] = self.options[o][c][0], self.options[o][c][1]
        return undo

    def touched(self, o: int, undo: tuple[int, int, int, int]) -> tuple[int, ...]:
        """Nodes whose arcs or durations changed in a reassignment of o."""
        nodes = [o, undo[1], undo[2], self.mp[o], self.ms[o], self.jp[o], self.js[o]]
        return tuple(v for v in nodes if v >= 0)

    def critical_blocks(self, cmax: int, rng: np.random.Generator) -> list[list[int]]:
        """Blocks (maximal runs on one machine) of one critical path, first to last."""
        r, p, mp, jp = self.r, self.p, self.mp, self.jp
        ends = [v for v in self.lasts if r[v] + p[v] == cmax] or [v for v in range(self.n) if r[v] + p[v] == cmax]
        v = ends[int(rng.integers(len(ends)))]
        path = [v]
        while True:
            a, b = mp[v], jp[v]
            if a >= 0 and r[a] + p[a] == r[v]:
                v = a
            elif b >= 0 and r[b] + p[b] == r[v]:
                v = b
            else:
                break
            path.append(v)
        path.reverse()
        blocks = [[path[0]]]
        for a, b in zip(path, path[1:], strict=False):
            if self.ms[a] == b:
                blocks[-1].append(b)
            else:
                blocks.append([b])
        return blocks

    def estimate(self, new: tuple[int, ...], a: int, b: int) -> int:
        """Longest path through a machine segment after reordering it to `new` (between a and b)."""
        r, q, p, jp, js, rel = self.r, self.q, self.p, self.jp, self.js, self.rel
        heads = []
        t = r[a] + p[a] if a >= 0 else 0
        for v in new:
            w = jp[v]
            h = r[w] + p[w] if w >= 0 else 0
            t = max(t, h, rel[v])
            heads.append(t)
            t += p[v]
        t = q[b] + p[b] if b >= 0 else 0
        worst = 0
        for k in range(len(new) - 1, -1, -1):
            v = new[k]
            w = js[v]
            h = q[w] + p[w] if w >= 0 else 0
            if h > t:
                t = h
            if heads[k] + p[v] + t > worst:
                worst = heads[k] + p[v] + t
            t += p[v]
        return worst

    def relink(self, new: tuple[int, ...], a: int, b: int) -> None:
        """Put the segment `new` between a and b on its machine."""
        mp, ms = self.mp, self.ms
        prev = a
        for v in new:
            mp[v] = prev
            if prev >= 0:
                ms[prev] = v
            prev = v
        ms[prev] = b
        if b >= 0:
            mp[b] = prev

    def apply(self, move: Move) -> tuple[tuple[int, ...], int, int]:
        """Apply a move; returns what `relink` needs to undo it."""
        old, new = _segments(move)
        a, b = self.mp[old[0]], self.ms[old[-1]]
        self.relink(new, a, b)
        return old, a, b


COMPILED_MIN_OPS = 100
"""Smallest shop for which `tabu_search` loads the compiled core from the cache by default: below it the
Python search finds as good schedules in the second the loading takes."""

Move = tuple[int, tuple[int, ...], bool]
"""(u, others, forward): move u before the run `others` (forward) or after it (backward)."""


def _segments(move: Move) -> tuple[tuple[int, ...], tuple[int, ...]]:
    u, others, forward = move
    return (others + (u,), (u,) + others) if forward else ((u,) + others, others + (u,))


def _moves(g: _Graph, blocks: list[list[int]], wide: bool) -> list[Move]:
    """N5 swaps, and with `wide` the N7 insertions of block operations at the block's ends."""
    moves: dict[tuple, Move] = {}
    last = len(blocks) - 1
    r, p, jp, js = g.r, g.p, g.jp, g.js
    for i, blk in enumerate(blocks):
        k = len(blk)
        if k < 2:
            continue
        if i > 0:
            moves[(blk[1], blk[0], "f")] = (blk[1], (blk[0],), True)
        if i < last:
            moves[(blk[-1], blk[-2], "f")] = (blk[-1], (blk[-2],), True)
        if not wide or k < 3:
            continue
        for j in range(2, k):  # blk[j] to the front of the block
            u, first = blk[j], blk[0]
            w = jp[u]
            if (i > 0 or j < k - 1) and (w < 0 or r[w] < r[first] + p[first]):
                moves.setdefault((u, first, "f"), (u, tuple(blk[:j]), True))
        for j in range(0, k - 2):  # blk[j] to the end of the block
            u, end = blk[j], blk[-1]
            w = js[u]
            if (i < last or j > 0) and (w < 0 or r[end] < r[w] + p[w]):
                moves.setdefault((u, end, "b"), (u, tuple(blk[j + 1:]), False))
    return list(moves.values())


def _is_tabu(tabu: dict[tuple[int, int], int], move: Move, it: int) -> bool:
    u, others, forward = move
    if forward:
        return any(tabu.get((u, w), 0) > it for w in others)
    return any(tabu.get((w, u), 0) > it for w in others)


def _record(tabu: dict[tuple[int, int], int], move: Move, until: int) -> None:
    u, others, forward = move
    for w in others:
        tabu[(w, u) if forward else (u, w)] = until


def tabu_search(data: ShopData, choice: list[int], starts: list[int], time_limit: float = 10.0, seed: int = 0,
                max_iterations: int | None = None, target: int | None = None, wide: bool = True,
                tenure: int | None = None, stall_limit: int | None = None,
                use_compiled: bool | None = None) -> TabuResult:
    """Improve a schedule of a job shop (or a flexible job shop with its machine choice fixed).

    Parameters
    ----------
    data : the shop.
    choice, starts : the initial schedule (option index and start time of each operation).
    time_limit : wall-clock budget in seconds.
    seed : random seed (tenures, tie breaks, perturbations).
    max_iterations : optional iteration budget.
    target : stop as soon as this makespan (e.g. a lower bound) is reached.
    wide : use the N7 neighbourhood (N5 swaps plus insertions at block ends) instead of N5 alone.
    tenure : base tabu tenure (default 8 + jobs / machines); each move draws from [tenure, 1.5 tenure].
    stall_limit : iterations without improvement before jumping back to the best solution and perturbing
        it (default max(400, 4 x operations)).
    use_compiled : run the numba-compiled core (same search, ~50x more iterations) for a job shop. None
        (default) uses it when numba is installed and getting it cannot overrun the budget: compiling it
        (10-20 s) with at least 30 s; loading it from the cache (about a second) with
        at least 2 s and `COMPILED_MIN_OPS` operations.

    Returns
    -------
    TabuResult with the semi-active start times of the best sequences found.
    """
    began = time.perf_counter()
    rng = np.random.default_rng(seed)
    g = _Graph(data, choice, starts)
    cmax = g.evaluate()
    if cmax < 0:
        raise ValueError("the initial schedule's machine sequences contain a cycle")
    base_tenure = tenure if tenure is not None else 8 + len(data.job_ops) // max(1, data.n_machines)
    stall_limit = stall_limit if stall_limit is not None else max(400, 4 * data.n_ops)
    if use_compiled is None:
        use_compiled = time_limit >= 30 or (time_limit >= 2 and data.n_ops >= COMPILED_MIN_OPS
                                            and tabu_numba.cache_ready())
    # the compiled core keeps an operations x operations tabu matrix: bounded to ~70 MB
    if not data.flexible and use_compiled and data.n_ops <= 3000 and tabu_numba.compiled() is not None:
        return _compiled_search(g, cmax, began, time_limit, seed, max_iterations, target, base_tenure, stall_limit)
    best, best_state, best_r = cmax, g.snapshot(), g.r[:]
    flexible = data.flexible
    tabu_machine: dict[tuple[int, int], int] = {}
    tabu: dict[tuple[int, int], int] = {}
    it = since_best = 0
    history = [(0, best)]
    while True:
        if target is not None and best <= target:
            break
        if max_iterations is not None and it >= max_iterations:
            break
        if time.perf_counter() - began >= time_limit:
            break
        it += 1
        blocks = g.critical_blocks(cmax, rng)
        moves = _moves(g, blocks, wide)
        ranked: list[tuple] = []
        for i, mv in enumerate(moves):
            if (i & 63) == 63 and time.perf_counter() - began >= time_limit:
                break  # a critical block of thousands of operations: its moves alone take seconds
            old, new = _segments(mv)
            est = g.estimate(new, g.mp[old[0]], g.ms[old[-1]])
            if est >= best and _is_tabu(tabu, mv, it):
                continue
            ranked.append((est, float(rng.random()), mv))
        if flexible:
            for est, o, c, prev, nxt in g.reassign_moves(blocks, rng):
                if est >= best and tabu_machine.get((o, c), 0) > it:
                    continue
                ranked.append((est, float(rng.random()), (o, c, prev, nxt)))
        if not ranked and moves:
            ranked = [(0, 0.0, moves[int(rng.integers(len(moves)))])]
        new_cmax = -1
        chosen = None
        for _, _, mv in sorted(ranked)[:3]:
            if len(mv) == 4:
                o = mv[0]
                undo_r = g.reassign(*mv)
                window = g.reorder(g.touched(o, undo_r))
                if window is None:
                    g.reassign(o, undo_r[0], undo_r[1], undo_r[2])
                    continue
                tabu_machine[(o, undo_r[0])] = it + base_tenure
            else:
                undo = g.apply(mv)
                window = g.reorder(undo[0])
                if window is None:
                    g.relink(*undo)
                    continue
            new_cmax = g.refresh(*window)
            chosen = mv
            break
        if chosen is None or since_best > stall_limit:
            g.restore(best_state)
            cmax = g.evaluate()
            cmax = _perturb(g, best, rng, int(rng.integers(2, 6)))
            tabu.clear()
            tabu_machine.clear()
            since_best = 0
            continue
        if len(chosen) == 3:
            _record(tabu, chosen, it + base_tenure + int(rng.integers(0, base_tenure // 2 + 2)))
        cmax = new_cmax
        if cmax < best:
            best, best_state, best_r, since_best = cmax, g.snapshot(), g.r[:], 0
            history.append((it, best))
        else:
            since_best += 1
    return TabuResult(best_r, best, it, history, best_state[2][:])


def _compiled_search(g: _Graph, cmax: int, began: float, time_limit: float, seed: int,
                     max_iterations: int | None, target: int | None, tenure: int, stall_limit: int) -> TabuResult:
    """Run the numba core in chunks of iterations until the time, the iteration budget or the target."""
    kernels = tabu_numba.compiled()
    assert kernels is not None  # checked by the caller
    core, seed_fn, heads = kernels
    tabu_numba.note_loaded()
    i64 = np.int64
    p, jp, js = np.array(g.p, dtype=i64), np.array(g.jp, dtype=i64), np.array(g.js, dtype=i64)
    rel, lasts = np.array(g.rel, dtype=i64), np.array(g.lasts, dtype=i64)
    mp, ms = np.array(g.mp, dtype=i64), np.array(g.ms, dtype=i64)
    best_mp, best_ms = mp.copy(), ms.copy()
    tabu = np.zeros((g.n, g.n), dtype=i64)
    state = np.array([0, 0, cmax, cmax], dtype=i64)
    seed_fn(int(seed) % (2**32))
    history = [(0, cmax)]
    chunk = 64
    while True:
        if target is not None and state[2] <= target:
            break
        left = None if max_iterations is None else max_iterations - int(state[0])
        if left is not None and left <= 0:
            break
        if time.perf_counter() - began >= time_limit:
            break
        step = chunk if left is None else min(chunk, left)
        t0 = time.perf_counter()
        before = int(state[2])
        core(p, jp, js, rel, lasts, mp, ms, best_mp, best_ms, tabu, state, step, tenure, stall_limit,
             -1 if target is None else int(target))
        if int(state[2]) < before:
            history.append((int(state[0]), int(state[2])))
        spent = time.perf_counter() - t0
        if spent < 0.02:
            chunk *= 2
        elif spent > 0.1 and chunk > 1:
            chunk //= 2
    r = heads(p, jp, js, best_mp, best_ms, rel)
    return TabuResult([int(x) for x in r], int(state[2]), int(state[0]), history, list(g.choice))


def _perturb(g: _Graph, cmax: int, rng: np.random.Generator, swaps: int) -> int:
    """Apply random swaps of adjacent critical operations, and in a flexible shop random machine
    reassignments of critical operations, undoing any that closes a cycle; returns the new makespan."""
    for _ in range(swaps):
        blocks = g.critical_blocks(cmax, rng)
        moves = g.reassign_moves(blocks, rng, limit=4) if rng.random() < 0.5 else []
        if moves:
            _, o, c, prev, nxt = moves[int(rng.integers(len(moves)))]
            undo_r = g.reassign(o, c, prev, nxt)
            value = g.evaluate()
            if value < 0:
                g.reassign(o, undo_r[0], undo_r[1], undo_r[2])
                value = g.evaluate()
            cmax = value
            continue
        pairs = [(a, b) for blk in blocks for a, b in zip(blk, blk[1:], strict=False) if g.js[a] != b]
        if not pairs:
            break
        u, v = pairs[int(rng.integers(len(pairs)))]
        undo = g.apply((v, (u,), True))
        value = g.evaluate()
        if value < 0:
            g.relink(*undo)
            value = g.evaluate()
        cmax = value
    return cmax
