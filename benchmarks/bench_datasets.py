"""Dataset benchmark: time to read whole sets, and a short CP-SAT bench on a sample of psplib-j30.

Usage::

    python benchmarks/bench_datasets.py                      # read timings + CP-SAT on 24 j30 instances, 3 s
    python benchmarks/bench_datasets.py --sample 480 --time-limit 10 --workers 2   # the full j30 run
    python benchmarks/bench_datasets.py --no-solve --sets psplib-j30,jssp-classic,psplib-j60

Reading = parse the files and attach labels (Problems are built on first access); read+build also builds and
validates every ontology Problem. Timings are the best
of `--repeat` runs (wall clock and process CPU time). The CP-SAT sample takes every k-th instance so that all
48 parameter classes of j30 are represented. Needs ORDINO_DATA_MIRROR (defaults to ../shared/data).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("ORDINO_DATA_MIRROR", str((ROOT.parent / "shared" / "data").resolve()))

from ordino.batching.bench import bench  # noqa: E402
from ordino.datasets import load_suite  # noqa: E402
from ordino.datasets.registry import known_labels  # noqa: E402


def time_read(name: str, repeat: int) -> dict:
    """Best wall and CPU seconds to read a whole set (labels tables warmed first): `read` parses the files and
    attaches labels (Problems deferred), `read_build` also builds and validates every ontology Problem."""
    known_labels()
    out: dict = {"set": name}
    for key, build in (("read", False), ("read_build", True)):
        walls, cpus = [], []
        for _ in range(repeat):
            w, c = time.perf_counter(), time.process_time()
            instances = load_suite(name)
            if build:
                for inst in instances:
                    _ = inst.problem
            walls.append(time.perf_counter() - w)
            cpus.append(time.process_time() - c)
        out["instances"] = len(instances)
        out[f"{key}_wall_s"] = round(min(walls), 3)
        out[f"{key}_cpu_s"] = round(min(cpus), 3)
    return out


def solve_sample(sample: int, time_limit: float, workers: int) -> dict:
    """CP-SAT on every k-th psplib-j30 instance: proven optimal count, gaps, mean time, label issues."""
    instances = load_suite("psplib-j30")
    step = max(1, len(instances) // max(1, sample))
    chosen = instances[::step][:sample]
    report = bench(chosen, ["cpsat"], time_limit=time_limit, workers=workers, progress=True)
    s = report.summary[0]
    runtimes = [r.runtime for r in report.rows]
    return {"instances": s.instances, "time_limit": time_limit, "workers": workers,
            "proven_optimal": s.proven_optimal, "best_known_hits": s.best_known_hits, "mean_gap": s.mean_gap,
            "max_gap": s.max_gap, "mean_runtime": s.mean_runtime,
            "median_runtime": round(statistics.median(runtimes), 3),
            "label_issues": [m for r in report.rows for m in r.label_issues],
            "not_optimal": [r.instance for r in report.rows if r.status != "optimal"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", default="psplib-j30,jssp-classic")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sample", type=int, default=24)
    parser.add_argument("--time-limit", type=float, default=3.0)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--no-solve", action="store_true")
    parser.add_argument("--json", type=Path, default=None, help="Also write the results here.")
    args = parser.parse_args()
    out: dict = {"read": [time_read(name, args.repeat) for name in args.sets.split(",") if name]}
    for row in out["read"]:
        print(f"{row['set']:<14} {row['instances']:>4} instances  read: wall {row['read_wall_s']:.3f} s "
              f"cpu {row['read_cpu_s']:.3f} s | read+build Problems: wall {row['read_build_wall_s']:.3f} s "
              f"cpu {row['read_build_cpu_s']:.3f} s")
    if not args.no_solve:
        out["cpsat_j30"] = solve_sample(args.sample, args.time_limit, args.workers)
        r = out["cpsat_j30"]
        print(f"cpsat psplib-j30 sample {r['instances']} at {r['time_limit']} s, {r['workers']} worker(s): "
              f"{r['proven_optimal']} proven optimal, {r['best_known_hits']} best-known hits, mean gap "
              f"{r['mean_gap']} %, mean time {r['mean_runtime']} s (median {r['median_runtime']} s)")
        for message in r["label_issues"]:
            print("label:", message)
    if args.json is not None:
        args.json.write_text(json.dumps(out, indent=2) + "\n")


if __name__ == "__main__":
    main()
