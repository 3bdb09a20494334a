"""Batch executors on PSPLIB j30: wall time and executor overhead per instance, local vs Ray.

Usage::

    python benchmarks/bench_batch.py [--sample 20] [--time-limit 2] [--workers 2] [--executors local,ray]
                                     [--json out.json]

`--sample N` takes N instances spread evenly over the 480 (every 480/N-th, so every parameter class is
represented); `--sample 0` runs all 480. Overhead per instance = the executor's wall time for the task
(dispatch to result in the parent) minus the solver's runtime measured inside the worker: process start,
transport, the parent's re-verification. Start-up (fork server imports, Ray runtime) is reported apart.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from ordino.batching import WorkItem, run_items
from ordino.batching.rows import Row
from ordino.datasets import iter_instances


def j30_items(sample: int) -> list[WorkItem]:
    """`sample` j30 instances spread over the set (all for 0)."""
    mirror = Path(os.environ.get("ORDINO_DATA_MIRROR", Path(__file__).resolve().parents[2] / "shared" / "data"))
    instances = list(iter_instances(mirror / "rcpsp" / "psplib_j30.sm.tar.gz"))
    if sample and sample < len(instances):
        step = len(instances) / sample
        instances = [instances[int(i * step)] for i in range(sample)]
    return [WorkItem.from_instance(instance) for instance in instances]


def measure(items: list[WorkItem], executor: str, time_limit: float, workers: int) -> dict:
    """Run the items on one executor; wall, start-up and per-instance overhead."""
    first: list[float] = []
    began = time.perf_counter()

    def on_result(row: Row) -> None:
        if not first:
            first.append(time.perf_counter() - began - row.wall)  # time before the first task was dispatched

    rows = run_items(items, method="cpsat", time_limit=time_limit, workers=workers, executor=executor,
                     threads=1, on_result=on_result)
    wall = time.perf_counter() - began
    overhead = [row.wall - row.runtime for row in rows]
    runtime = [row.runtime for row in rows]
    steady = overhead[workers:] or overhead  # tasks after the first wave: no worker start-up inside
    return {
        "executor": executor,
        "instances": len(rows),
        "workers": workers,
        "time_limit": time_limit,
        "statuses": {s: sum(1 for r in rows if r.status == s) for s in sorted({r.status for r in rows})},
        "all_verified": all(r.verified for r in rows),
        "wall_s": wall,
        "startup_s": first[0] if first else 0.0,
        "mean_runtime_s": statistics.mean(runtime),
        "mean_overhead_s": statistics.mean(overhead),
        "median_overhead_s": statistics.median(overhead),
        "steady_mean_overhead_s": statistics.mean(steady),
        "overhead_pct_of_runtime": 100 * sum(overhead) / sum(runtime),
        "overhead_pct_of_limit": 100 * statistics.mean(overhead) / time_limit,
        "steady_overhead_pct_of_runtime": 100 * sum(steady) / sum(runtime[workers:] or runtime),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=20, help="instances (0 = all 480)")
    parser.add_argument("--time-limit", type=float, default=2.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--executors", default="local,ray")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args()
    items = j30_items(args.sample)
    label = f"psplib-j30, {len(items)} of 480 instances" + (" (sample)" if len(items) < 480 else "")
    print(f"{label}, cpsat {args.time_limit:g} s, 1 thread, {args.workers} workers, load {os.getloadavg()[0]:.1f}")
    results = []
    for executor in args.executors.split(","):
        result = measure(items, executor, args.time_limit, args.workers)
        results.append(result)
        print(f"{executor:>5}: wall {result['wall_s']:.1f} s (start-up {result['startup_s']:.1f} s), "
              f"mean runtime {result['mean_runtime_s']:.3f} s, overhead/instance mean "
              f"{result['mean_overhead_s'] * 1000:.0f} ms (steady {result['steady_mean_overhead_s'] * 1000:.0f} ms, "
              f"median {result['median_overhead_s'] * 1000:.0f} ms) = {result['overhead_pct_of_runtime']:.1f} % of "
              f"solve time ({result['steady_overhead_pct_of_runtime']:.1f} % steady), "
              f"{result['overhead_pct_of_limit']:.1f} % of the limit; {result['statuses']}, "
              f"verified {result['all_verified']}")
    if args.json:
        args.json.write_text(json.dumps({"label": label, "results": results}, indent=2))


if __name__ == "__main__":
    main()
