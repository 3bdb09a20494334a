"""The dynasearch pass on the numpy gain matrices of :mod:`.evaluate`: the compiled kernel's stand-in without
numba, and the reference it is checked against."""

from __future__ import annotations

import numpy as np

from .evaluate import insertion_gains, swap_gains


def segment_gains(p, d, w, s, moves: str, max_span: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Best gain and move type per segment ``(i, j)``: type 0 swap, 1 forward insert, 2 backward insert."""
    g = swap_gains(p, d, s, w, max_span=max_span)
    if moves == "swap":
        return g, np.zeros(g.shape, dtype=np.int8)
    fwd, bwd = insertion_gains(p, d, s, w)
    stack = np.stack((g, fwd, bwd))
    kind = np.argmax(stack, axis=0).astype(np.int8)
    return np.take_along_axis(stack, kind[None].astype(np.int64), 0)[0], kind


def dynasearch_pass_numpy(p, d, w, s: np.ndarray, moves: str = "swap+insert",
                          max_span: int | None = None) -> tuple[np.ndarray, int]:
    """Reference dynasearch pass on the numpy gain matrices (kept to cross-check the compiled kernel).

    The DP runs over prefix lengths: ``F[j+1] = max(F[j], max_i F[i] + G[i, j])`` where ``G[i, j]`` is the
    best gain of a move that changes exactly positions ``i..j``.
    """
    n = s.size
    if n < 2:
        return s, 0
    g, kind = segment_gains(p, d, w, s, moves, max_span)
    f = np.zeros(n + 1, dtype=np.int64)
    choice = np.full(n, -1, dtype=np.int64)
    for j in range(1, n):
        cand = f[:j] + g[:j, j]
        i = int(np.argmax(cand))
        if cand[i] > f[j]:
            f[j + 1] = cand[i]
            choice[j] = i
        else:
            f[j + 1] = f[j]
    if f[n] <= 0:
        return s, 0
    out = s.copy()
    j = n - 1
    while j >= 0:
        i = int(choice[j])
        if i < 0:
            j -= 1
            continue
        k = kind[i, j]
        if k == 0:
            out[i], out[j] = s[j], s[i]
        elif k == 1:
            out[i:j] = s[i + 1 : j + 1]
            out[j] = s[i]
        else:
            out[i + 1 : j + 1] = s[i:j]
            out[i] = s[j]
        j = i - 1
    return out, int(f[n])
