"""A loop inside C code: no Python-level alarm can interrupt it."""

import numpy as np


def priority(p, d, w, t, rem, pmean, pmax):
    return np.maximum(t + p, d) + sum(range(10**13))
