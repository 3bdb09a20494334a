"""Evolution benchmark: a short offline GP run, the evolved rule's held-out gap next to the classic rules.

Usage::

    python benchmarks/bench_evolve.py                                  # ~150 s GP on the paper sets' train splits
    python benchmarks/bench_evolve.py --seconds 300 --population 60
    python benchmarks/bench_evolve.py --train smtt-paper-20:all --test smtt-paper-100:all   # train on 20 jobs only
    python benchmarks/bench_evolve.py --problem jssp --population 24   # dispatching rules on ta01-ta40 halves
    python benchmarks/bench_evolve.py --problem rcpsp --population 16  # SGS priority rules on psplib-j30 halves

Training and test are disjoint (``:train`` / ``:test`` are stratified halves of each set); the test instances
are only touched after the run. Gaps are mean % over instances with a positive optimum (the paper's
convention, MDDC = 1.52 % on all of smtt-paper-100). The evolved rule is constructive: no local search.
Needs ORDINO_DATA_MIRROR (defaults to ../shared/data).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("ORDINO_DATA_MIRROR", str((ROOT.parent / "shared" / "data").resolve()))

from ordino.heuristics.evolve import EvolveConfig, adapter_for, evolve, plot_convergence, save_heuristic  # noqa: E402
from ordino.heuristics.evolve.adapters import instance_gap  # noqa: E402
from ordino.heuristics.single_machine.evaluate import total_weighted_tardiness  # noqa: E402
from ordino.heuristics.single_machine.rules import RULES  # noqa: E402

BASELINES = ("edd", "mdd", "atc", "eddc", "mddc")


def mean_gap(values: list[float], instances: list) -> float:
    """Mean gap in %, DESIGN convention: an instance with best 0 counts 0 when matched, is left out when missed."""
    gaps = [instance_gap(v, i.best) for v, i in zip(values, instances, strict=True)]
    kept = [g for g in gaps if g is not None]
    return sum(kept) / len(kept)


def paper_gap(values: list[float], instances: list) -> float:
    """Mean gap in % over instances with a positive best value only (the EDDC/MDDC paper's convention)."""
    kept = [(v - i.best) / i.best * 100 for v, i in zip(values, instances, strict=True) if i.best > 0]
    return sum(kept) / len(kept)


def baseline_gaps(instances: list) -> dict[str, float]:
    out = {}
    for name in BASELINES:
        rule = RULES[name]
        vals = [total_weighted_tardiness(i.p, i.d, rule(i.p, i.d, i.w), i.w) for i in instances]
        out[name] = mean_gap(vals, instances)
        if name == "mddc":
            out["mddc_paper_convention"] = paper_gap(vals, instances)
    return out


JSSP_BASELINES = ("SPT", "MWKR", "MOR", "FIFO", "ECT", "MWKR_SPT")


def jssp_baseline_gaps(instances: list) -> dict[str, float]:
    """Mean gap of each classic rule (Giffler-Thompson, active schedules) on the instances."""
    from ordino.heuristics.shop.data import ShopData
    from ordino.heuristics.shop.gt import generate, makespan_of

    out = {}
    for rule in JSSP_BASELINES:
        vals = []
        for i in instances:
            data = ShopData.from_matrices(i.extra["durations"], i.extra["machines"])
            vals.append(makespan_of(data, *generate(data, rule)))
        out[rule.lower()] = mean_gap(vals, instances)
    return out


RCPSP_BASELINES = ("LFT", "LST", "MSLK", "MTS", "GRPW")


def rcpsp_baseline_gaps(instances: list) -> dict[str, float]:
    """Mean gap of each classic priority rule (serial SGS) on the instances."""
    from ordino.heuristics.project.data import ProjectData
    from ordino.heuristics.project.sgs import project_makespan, serial_sgs

    out = {}
    for rule in RCPSP_BASELINES:
        vals = []
        for i in instances:
            e = i.extra
            data = ProjectData.from_arrays(e["duration"], e["demand"], e["capacity"], e["successors"])
            vals.append(project_makespan(data, serial_sgs(data, rule)))
        out[rule.lower()] = mean_gap(vals, instances)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=150.0, help="time budget of the GP run")
    ap.add_argument("--generations", type=int, default=400)
    ap.add_argument("--population", type=int, default=96)
    ap.add_argument("--islands", type=int, default=4)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--problem", default="smtt", choices=["smtt", "jssp", "rcpsp"])
    ap.add_argument("--train", default=None, help="default: the paper sets' train splits (jssp: ta01-ta40:train)")
    ap.add_argument("--test", default=None, help="default: the matching test splits (jssp: ta01-ta40:test)")
    ap.add_argument("--out-dir", type=Path, default=Path("/tmp/ordino-bench-evolve"))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    jssp, rcpsp = args.problem == "jssp", args.problem == "rcpsp"
    default_train = {"jssp": "ta01-ta40:train", "rcpsp": "psplib-j30:train"}
    default_test = {"jssp": "ta01-ta40:test", "rcpsp": "psplib-j30:test"}
    args.train = args.train or default_train.get(args.problem, "smtt-paper-20:train+smtt-paper-100:train")
    args.test = args.test or default_test.get(args.problem, "smtt-paper-20:test+smtt-paper-100:test")
    cfg = EvolveConfig(problem=args.problem, generations=args.generations, population=args.population,
                       islands=args.islands, train=args.train, test=args.test, time_budget=args.seconds,
                       seed=args.seed)
    began = time.perf_counter()
    report = evolve(cfg, args.out_dir / "run.db")
    wall = time.perf_counter() - began
    save_heuristic(args.out_dir / "best.py", report.best, report.lineage, problem=args.problem,
                   train=args.train, test=args.test, train_gap=report.train_gap, test_gap=report.test_gap)
    plot_convergence(report.generations, args.out_dir / "convergence.png", f"GP on {args.problem}")
    adapter = adapter_for(args.problem)
    names = ([r.lower() for r in JSSP_BASELINES] if jssp else [r.lower() for r in RCPSP_BASELINES] if rcpsp
             else list(BASELINES))
    rows = []
    for part in ["+".join(args.test.split("+")), *args.test.split("+")] if "+" in args.test else [args.test]:
        inst = adapter.load(part)
        evolved = adapter.evaluate([("best", report.best.code)], inst)[0]
        # pooled mean over the instances, exactly as for the baselines
        row = {"test_set": part, "instances": len(inst), "evolved": mean_gap(evolved.objectives, inst)}
        if args.problem == "smtt":
            row["evolved_paper_convention"] = paper_gap(evolved.objectives, inst)
        row.update(jssp_baseline_gaps(inst) if jssp else rcpsp_baseline_gaps(inst) if rcpsp else baseline_gaps(inst))
        rows.append(row)
    result = {"train": args.train, "test": args.test, "wall_seconds": round(wall, 1),
              "generations": len(report.generations), "candidates": int(report.costs["candidates"]),
              "train_gap": report.train_gap, "best_code": report.best.code, "rows": rows,
              "files": {"heuristic": str(args.out_dir / "best.py"), "plot": str(args.out_dir / "convergence.png")}}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"GP run: {result['generations']} generations, {result['candidates']} candidates, {wall:.0f} s wall, "
          f"training gap {report.train_gap:.4f} %")
    print(report.best.code)
    head = ["test set", "n", "evolved", *names]
    print(" | ".join(f"{h:>14}" for h in head))
    for r in rows:
        cells = [r["test_set"][:30], str(r["instances"]), *(f"{r[k]:.4f}" for k in ["evolved", *names])]
        print(" | ".join(f"{c:>14}" for c in cells))
    if args.problem == "smtt":
        for r in rows:
            print(f"{r['test_set']}: paper convention (best > 0 only): evolved "
                  f"{r['evolved_paper_convention']:.4f}, mddc {r['mddc_paper_convention']:.4f}")
    print(f"files: {result['files']}")


if __name__ == "__main__":
    main()
