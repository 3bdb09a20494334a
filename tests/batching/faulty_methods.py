"""Test-only plugin for batch tests: a method `test-faulty` that misbehaves on purpose, chosen by problem name.

Loaded into batch workers with ``plugins=[<this file>]``; ordino itself never imports it.
Problem names: ``hang`` ignores its time limit forever, ``sigkill`` kills its own process with SIGKILL,
``crash`` raises, ``hog`` allocates memory until it fails, ``slow`` sleeps 60 s first when the environment has
ORDINO_TEST_SLOW=1; any other problem is solved by CP-SAT.
"""

from __future__ import annotations

import os
import signal
import time

from ordino.models import Problem, Result
from ordino.models.method import Method
from ordino.models.options import SolveOptions
from ordino.solve import get_method, register_method


def run_faulty(problem: Problem, options: SolveOptions) -> Result:
    """Misbehave according to the problem's name, else solve it with CP-SAT."""
    if problem.name == "hang":
        while True:
            time.sleep(0.5)
    if problem.name == "sigkill":
        os.kill(os.getpid(), signal.SIGKILL)
    if problem.name == "crash":
        raise RuntimeError("deliberate crash for the batch tests")
    if problem.name == "hog":
        blocks = []
        while True:
            blocks.append(bytearray(64 * 1024 * 1024))
    if problem.name == "slow" and os.environ.get("ORDINO_TEST_SLOW") == "1":
        time.sleep(60)
    return get_method("cpsat").run(problem, options)


register_method(Method("test-faulty", run_faulty, "batch tests only: misbehaves by problem name"), replace=True)
