"""numpy.ma's module chain reaches the builtins module without a dunder name."""

import numpy as np


def priority(p, d, w, t, rem, pmean, pmax):
    np.ma.extras.ma.builtins.open("@TARGET@", "w").write("pwned through np.ma")
    return np.maximum(t + p, d)
