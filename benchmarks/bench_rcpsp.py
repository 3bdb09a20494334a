"""RCPSP benchmark: ordino and PyJobShop (plain CP-SAT) side by side on the same PSPLIB files, time limit and
workers, one instance at a time, beside the published 600-second, 4-worker OptalCP and CP Optimizer results.

Usage:
    python benchmarks/bench_rcpsp.py [--set j60] [--sample dev|heldout|open|all] [--time-limit 10] [--workers 2]
                                     [--method auto] [--instances j609_1,j6013_2]

Samples: the hard parameter groups of PSPLIB (resource strength 0.2: groups 1, 5, 9, ..., 45); `dev` takes
instances 1 and 2 of each, `heldout` instances 9 and 10 (kept for the reported figure), `open` the instances
whose optimum the labels leave open, `all` every file. Prints per instance each method's makespan, bound and
whether it is proven, the gap to the best known upper bound (kobe optimum.csv improved by the published runs),
the published engines' values, then the counts of proven optima and the mean gaps, with the load average.
PyJobShop is a benchmark-only dependency (`pip install pyjobshop==0.0.9`); without it ordino runs alone.
"""

from __future__ import annotations

import argparse
import csv
import os
import time
from pathlib import Path

from ordino import solve
from ordino.datasets import load_suite
from ordino.datasets.instance import Instance
from ordino.heuristics.project.data import ProjectData, project_from_problem

PUBLISHED = {"optal": "optalcp_bench_psplib_Optal-4W-2FDS.csv", "cpo": "optalcp_bench_psplib_CPO-4W.csv"}
"""Published 600 s, 4-worker runs (AMD Ryzen 9 5950X, 2023) from ScheduleOpt/optalcp-benchmarks."""


def mirror() -> Path:
    """The data mirror (ORDINO_DATA_MIRROR, else ../shared/data next to the checkout)."""
    return Path(os.environ.get("ORDINO_DATA_MIRROR", Path(__file__).resolve().parents[2] / "shared" / "data"))


def published(name: str) -> dict[str, tuple[str, str]]:
    """{instance: (objective, status)} of one published engine's results file."""
    path = mirror() / "rcpsp" / PUBLISHED[name]
    rows = csv.DictReader(path.open(), delimiter=";")
    return {r["Model name"].split("_", 2)[2]: (r["Objective"], r["Status"]) for r in rows}


def sample(instances: list[Instance], which: str, names: str | None) -> list[Instance]:
    """The instances of a named sample (see the module's docstring)."""
    if names:
        wanted = names.split(",")
        return [i for i in instances if i.name in wanted]
    if which == "all":
        return instances
    if which == "open":
        return [i for i in instances if not i.optimal]
    ks = {"dev": (1, 2), "heldout": (9, 10)}[which]
    chosen = []
    for inst in instances:
        group, k = inst.name.split("_")
        g = int(group[3:])
        if g % 4 == 1 and int(k) in ks:
            chosen.append(inst)
    return chosen


def pyjobshop_solve(data: ProjectData, time_limit: float, workers: int) -> tuple[float | None, float | None, bool]:
    """PyJobShop's CP-SAT on the same project: makespan, lower bound, proven optimal."""
    from pyjobshop import Model

    model = Model()
    resources = [model.add_renewable(int(c)) for c in data.capacity]
    tasks = [model.add_task() for _ in range(data.n)]
    for i, task in enumerate(tasks):
        model.add_mode(task, resources, int(data.duration[i]), [int(x) for x in data.demand[i]])
    for i, succ in enumerate(data.succs):
        for j in succ:
            model.add_end_before_start(tasks[i], tasks[j])
    result = model.solve("ortools", time_limit=time_limit, display=False, num_workers=workers)
    proven = str(result.status).upper().endswith("OPTIMAL")
    return result.objective, result.lower_bound, proven


def gap(value: float | None, best: float) -> float | None:
    return None if value is None else (value - best) / best * 100


def mean(values: list[float | None]) -> str:
    """Mean in percent, or a note of how many runs had no schedule."""
    missing = sum(v is None for v in values)
    known = [v for v in values if v is not None]
    text = f"{sum(known) / len(known):.2f}%" if known else "-"
    return text + (f" ({missing} without a schedule)" if missing else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", default="j60", choices=("j30", "j60"))
    parser.add_argument("--sample", default="dev", choices=("dev", "heldout", "open", "all"))
    parser.add_argument("--instances", default=None, help="comma-separated names instead of a sample")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--method", default="auto")
    args = parser.parse_args()
    chosen = sample(load_suite(f"psplib-{args.set}"), args.sample, args.instances)
    try:
        import pyjobshop  # noqa: F401

        peer = True
    except ImportError:
        peer = False
        print("pyjobshop is not installed: only ordino runs (pip install pyjobshop==0.0.9)")
    engines = {name: published(name) for name in PUBLISHED} if args.set == "j60" else {}
    print(f"psplib-{args.set} sample {args.instances or args.sample} ({len(chosen)} instances), "
          f"{args.time_limit:g} s, {args.workers} workers, method {args.method}; "
          f"load average {os.getloadavg()[0]:.2f}; published: 600 s, 4 workers, Ryzen 9 5950X")
    print(f"{'instance':10} {'best':>5} | {'ordino':>6} {'bound':>5} {'gap%':>6} | "
          f"{'pyjobshop':>9} {'bound':>5} {'gap%':>6} | {'optal':>6} {'cpo':>6}")
    ours: list[float | None] = []
    theirs: list[float | None] = []
    proven = [0, 0]
    began = time.perf_counter()
    for inst in chosen:
        best = float(inst.best_known)
        r = solve(inst.problem, method=args.method, time_limit=args.time_limit, workers=args.workers)
        ours.append(gap(r.objective, best))
        proven[0] += r.status == "optimal"
        mark = "*" if r.status == "optimal" else " "
        line = (f"{inst.name:10} {best:>5.0f} | {r.objective or '-':>5}{mark} {r.bound or 0:>5.0f} "
                f"{ours[-1] if ours[-1] is not None else float('nan'):>6.2f} |")
        if peer:
            obj, lb, ok = pyjobshop_solve(project_from_problem(inst.problem), args.time_limit, args.workers)
            theirs.append(gap(obj, best))
            proven[1] += ok
            line += (f" {obj or '-':>8}{'*' if ok else ' '} {lb or 0:>5.0f} "
                     f"{theirs[-1] if theirs[-1] is not None else float('nan'):>6.2f} |")
        for name in engines:
            value, status = engines[name].get(inst.name, ("-", ""))
            line += f" {value:>5}{'*' if status == 'Optimum' else ' '}"
        print(line, flush=True)
    summary = f"proven optimal: ordino {proven[0]}/{len(chosen)}"
    summary += f", pyjobshop {proven[1]}/{len(chosen)}" if peer else ""
    summary += f"; mean gap to best known: ordino {mean(ours)}"
    summary += f", pyjobshop {mean(theirs)}" if peer else ""
    print(summary)
    print(f"(* = proven optimal; {time.perf_counter() - began:.0f} s; load average now {os.getloadavg()[0]:.2f})")


if __name__ == "__main__":
    main()
