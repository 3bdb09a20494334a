"""Rescheduling benchmark (issue 18): repairs of right-shift, of ordino (`auto`: right-shift, then CP-SAT
warm-started, stability weight 1) and a full re-solve from scratch (CP-SAT on the same repair problem without
the stability term, no warm start), side by side at the same time limit.

Plans are CP-SAT schedules of Taillard job shops (15x15 ta01-ta10, 20x15 ta11-ta20) and PSPLIB j30 projects.
Each instance gets seeded scenarios at now = 25 % and 50 % of the plan's makespan: a breakdown of a busy
resource (10 % of the makespan long, starting at now), a 50 % longer task that has not started, and a rush job
(a copy of a job's route, released at now, weight 5; on projects: the copy of one activity). Per method the
table gives the problem's own objective (makespan), the tasks moved and the total shift against the plan;
the summary gives ratios to the full re-solve.

Usage:
    python benchmarks/bench_reschedule.py [--instances ta01,ta11,j301_1] [--time-limit 10] [--plan-limit 20]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
import zlib

from ordino import solve
from ordino.datasets.registry import load_suite
from ordino.models import Problem, Result, Schedule, events_from_dict
from ordino.reschedule import Repair, reschedule

METHODS = {"right-shift": ("right_shift", 1), "ordino": ("auto", 1), "re-solve": ("cpsat", 0)}
"""Name in the table: (method, stability weight)."""


def instances(names: list[str]) -> list[tuple[str, Problem]]:
    wanted, found = set(names), []
    for suite in ("taillard-jssp", "psplib-j30"):
        for inst in load_suite(suite, limit=None if suite == "taillard-jssp" else 20):
            if inst.name in wanted:
                found.append((inst.name, inst.problem))
    missing = wanted - {n for n, _ in found}
    if missing:
        raise SystemExit(f"unknown instance(s): {', '.join(sorted(missing))} (Taillard ta01-ta80, j30 j301_1...)")
    return found


def scenario(problem: Problem, plan: Schedule, now: int, seed: int) -> list[dict]:
    """A breakdown of a resource busy at now, a longer task not yet started, and a rush copy of a job."""
    rng = random.Random(seed)
    span = plan.makespan
    running = [e for e in plan.tasks if e.start <= now < e.end and problem.task(e.task).modes[e.mode].resources]
    pick = rng.choice(running or plan.tasks)
    resource = problem.task(pick.task).modes[pick.mode].resources[0]
    later = [e for e in plan.tasks if e.start >= now]
    longer = rng.choice(later)
    duration = problem.task(longer.task).modes[longer.mode].duration
    events: list[dict] = [{"type": "breakdown", "resource": resource, "start": now, "end": now + max(1, span // 10)},
                          {"type": "duration", "task": longer.task, "duration": max(1, duration * 3 // 2)}]
    jobs = [j.id for j in problem.jobs]
    if jobs:
        copied = rng.choice(jobs)
        tasks = [t for t in problem.tasks if t.job == copied]
        events.append({"type": "new_job", "job": {"id": "RUSH", "weight": 5}, "tasks": [
            {"id": f"RUSH.{k}", "modes": [m.model_dump(exclude_none=True) for m in t.modes]}
            for k, t in enumerate(tasks)]})
    else:
        t = rng.choice(problem.tasks)
        events.append({"type": "new_job", "job": {"id": "RUSH", "weight": 5}, "tasks": [
            {"id": "RUSH.0", "modes": [m.model_dump(exclude_none=True) for m in t.modes]}]})
    return events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", default="ta01,ta02,ta11,ta12,j301_1,j302_1")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--plan-limit", type=float, default=20.0)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}; time limit {args.time_limit:g} s per repair; "
          f"plans by CP-SAT in {args.plan_limit:g} s")
    header = f"{'instance':10} {'now':>5} " + " ".join(f"{m + ' obj':>15} {'moved':>6} {'shift':>7}" for m in METHODS)
    print(header)
    ratios: dict[str, list[tuple[float, float]]] = {m: [] for m in METHODS}
    for name, problem in instances(args.instances.split(",")):
        planned = solve(problem, method="cpsat", time_limit=args.plan_limit)
        assert isinstance(planned, Result) and planned.schedule is not None, planned.log
        for share in (0.25, 0.5):
            now = int(planned.schedule.makespan * share)
            seed = zlib.crc32(f"{name} {share}".encode())
            events = events_from_dict(scenario(problem, planned.schedule, now, seed))
            row: dict[str, Repair] = {}
            for label, (method, stability) in METHODS.items():
                began = time.perf_counter()
                row[label] = reschedule(problem, planned.schedule, now, events, method=method,
                                        time_limit=args.time_limit, stability=stability)
                assert row[label].result.violations == [], row[label].result.log
                row[label].notes.append(f"{time.perf_counter() - began:.1f} s")
            cells = " ".join(f"{r.objective!s:>15} {r.moved:>6} {r.shifted:>7}" for r in row.values())
            print(f"{name:10} {now:>5} {cells}")
            base = row["re-solve"]
            for label, r in row.items():
                if r.objective and base.objective and base.moved:
                    ratios[label].append((r.objective / base.objective, r.moved / base.moved))
    print("\nmean over scenarios, relative to the full re-solve (1.00 = the same):")
    for label, pairs in ratios.items():
        if pairs:
            print(f"  {label:12} objective x{statistics.mean(p[0] for p in pairs):.3f}   "
                  f"tasks moved x{statistics.mean(p[1] for p in pairs):.2f}")


if __name__ == "__main__":
    main()
