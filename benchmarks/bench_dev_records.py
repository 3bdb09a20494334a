"""Expressiveness table for the natural-language dev records: hand-written instance vs ground truth.

Run: `python benchmarks/bench_dev_records.py [--time-limit 20]`. Reads the record file through
ORDINO_DATA_MIRROR (default /work/shared/data) and the instances from tests/solvers/dev_records/.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from ordino.models.assignment import RosterProblem
from ordino.models.io import model_from_dict
from ordino.models.linear import LinearModel
from ordino.solve import solve

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "tests" / "solvers" / "dev_records"


def family(model) -> str:
    """Name of the model's family."""
    if isinstance(model, RosterProblem):
        return "assignment"
    return "linear" if isinstance(model, LinearModel) else "scheduling"


def load_records() -> dict[str, dict]:
    """The dev records (core and related tiers) by id."""
    mirror = Path(os.environ.get("ORDINO_DATA_MIRROR", "/work/shared/data"))
    out = {}
    for line in (mirror / "nl" / "scheduling_problems_dev.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["tier"] in ("core", "related"):
            out[r["id"]] = r
    return out


def run(time_limit: float) -> list[dict]:
    """Solve every hand-written instance; one row per core/related record (missing instance: not expressed)."""
    rows = []
    for rid, rec in sorted(load_records().items(), key=lambda kv: (kv[1]["tier"], kv[1]["subtype"], kv[0])):
        path = RECORDS / f"{rid}.json"
        row = {"id": rid, "tier": rec["tier"], "subtype": rec["subtype"], "truth": rec["ground_truth_objective"]}
        if not path.exists():
            rows.append({**row, "family": "-", "ours": None, "verdict": "not expressed", "runtime": 0.0})
            continue
        spec = json.loads(path.read_text(encoding="utf-8"))
        model = model_from_dict(spec["model"], str(path))
        began = time.perf_counter()
        method = "cpsat" if family(model) == "scheduling" else "auto"
        result = solve(model, method=method, time_limit=time_limit)
        runtime = time.perf_counter() - began
        ours = None if result.objective is None else result.objective * spec.get("objective_scale", 1)
        truth = row["truth"]
        solved = result.status in ("optimal",) or (not model_objective(model) and result.status == "feasible")
        if result.violations:
            verdict = "model wrong (violations)"
        elif result.status == "unknown":
            verdict = "unsolved in time"
        elif not solved:
            verdict = f"model wrong ({result.status})"
        elif truth is None:
            verdict = "match (feasible)"
        elif abs(ours - float(truth)) <= 1e-4 * max(1.0, abs(float(truth))):
            verdict = "match" if spec.get("data_completion", "none") in ("none", "partial") else "match (assumed data)"
        elif spec.get("label_error"):
            verdict = "label wrong"
        else:
            verdict = "model wrong"
        rows.append({**row, "family": family(model), "ours": ours, "verdict": verdict, "runtime": runtime,
                     "status": result.status})
    return rows


def model_objective(model) -> bool:
    """True when the model has an objective (satisfaction problems have none)."""
    if isinstance(model, RosterProblem):
        return bool(model.objective)
    return True


def main() -> None:
    """Print the table and the summary counts."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=20.0)
    args = parser.parse_args()
    rows = run(args.time_limit)
    print(f"{'record':48} {'tier':7} {'subtype':34} {'family':10} {'ours':>10} {'truth':>10} {'verdict':22} {'s':>6}")
    for r in rows:
        ours = "-" if r["ours"] is None else f"{r['ours']:g}"
        truth = "-" if r["truth"] is None else f"{float(r['truth']):g}"
        print(f"{r['id']:48} {r['tier']:7} {r['subtype']:34} {r['family']:10} {ours:>10} {truth:>10} "
              f"{r['verdict']:22} {r['runtime']:6.2f}")
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["verdict"]] = counts.get(r["verdict"], 0) + 1
    print("summary:", ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())), f"(of {len(rows)})")


if __name__ == "__main__":
    main()
