"""Start-up cost: `ordino solve` on tiny problems beside a plain CP-SAT script, each a fresh process, in one run.

Usage: python benchmarks/bench_startup.py [--runs 7]
Prints the median wall time of each command over the runs (interleaved, so a load change hits all alike) and
ordino's overhead over the plain script, with the load average.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAIN = ("from ortools.sat.python import cp_model\n"
         "m = cp_model.CpModel(); x = m.new_int_var(0, 10, 'x'); m.minimize(x)\n"
         "s = cp_model.CpSolver(); s.solve(m); print(s.value(x))\n")
ORDINO = [sys.executable, "-c", "import sys; from ordino.cli import main; sys.argv[0] = 'ordino'; main()"]
"""What the `ordino` command runs (its console script)."""
COMMANDS = {
    "plain CP-SAT script": [sys.executable, "-c", PLAIN],
    "ordino solve (4 jobs, one machine)": [*ORDINO, "solve",
                                           str(ROOT / "examples" / "single_machine_weighted_tardiness.json")],
    "ordino solve (ft06 job shop)": [*ORDINO, "solve", str(ROOT / "examples" / "ft06_job_shop.json")],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}; {args.runs} runs each, interleaved")
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(args.runs):
        for name, command in COMMANDS.items():
            began = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[name].append(time.perf_counter() - began)
    plain = statistics.median(times["plain CP-SAT script"])
    for name, values in times.items():
        median = statistics.median(values)
        extra = "" if median == plain else f"   overhead {median - plain:.2f} s"
        print(f"{name:36} {median:6.2f} s{extra}")


if __name__ == "__main__":
    main()
