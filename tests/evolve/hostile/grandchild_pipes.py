"""A grandchild keeps every inherited descriptor (the pipes) open for 90 s; the candidate returns at once."""

import numpy as np

PAYLOAD = """
import os, time
if os.fork() == 0:
    os.setsid()
    time.sleep(90)
    os._exit(0)
"""


def priority(p, d, w, t, rem, pmean, pmax):
    gens = []
    gen = (gens[0].gi_frame.f_back for _ in [0])
    gens.append(gen)
    evaluator = list(gen)[0].f_back
    evaluator.f_builtins["exec"](PAYLOAD, dict(evaluator.f_globals))
    return np.maximum(t + p, d)
