"""Accuracy of the offline formulator on the hand-written corpus (tests/formulate/corpus/corpus.jsonl).

For each text: formulate offline, solve with CP-SAT, compare the verified objective with the expected optimum.
Roster and linear texts (families.jsonl) are grouped by family; for its `ask` texts the right outcome is a
question, counted as exact. Outcomes: `exact` (same objective and time unit), `asked` (the formulator asks a
question: no silent error),
`wrong` (a model was produced but its optimum differs: a silent wrong answer), `error` (solver trouble).

Usage: ``python benchmarks/bench_offline_corpus.py [--corpus FILE] [--verbose] [--json]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "tests" / "formulate" / "corpus"
FILES = ("corpus.jsonl", "holdout.jsonl", "second.jsonl", "families.jsonl")


def load_cases(path: Path) -> list[dict]:
    """The corpus cases, one JSON object per line."""
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def run_family_case(case: dict) -> dict:
    """A roster / linear case (families.jsonl): `exact` or, for the `ask` cases, `asked` is the right outcome."""
    import math

    from ordino import solve
    from ordino.formulate.offline import extract_offline

    began = time.perf_counter()
    draft = extract_offline(case["text"])
    row = {"id": case["id"], "class": case["family"], "formulate_time": time.perf_counter() - began,
           "expected": case["expected_objective"], "objective": None, "detail": ""}
    if draft.problem is None:
        row["outcome"] = "exact" if case["family"] == "ask" else "asked"
        row["detail"] = " | ".join(q.text for q in draft.missing)
        return row
    result = solve(draft.problem, time_limit=30)
    row["objective"] = result.objective
    if case["family"] == "ask":
        row["outcome"], row["detail"] = "wrong", "a model was produced where the text lacks data"
    elif result.status != "optimal":
        row["outcome"], row["detail"] = "error", f"status {result.status}"
    else:
        same = result.objective is not None and math.isclose(result.objective, case["expected_objective"])
        row["outcome"] = "exact" if same else "wrong"
    return row


def run_case(case: dict) -> dict:
    """Formulate and solve one case; return its outcome, timings and what went wrong."""
    if "family" in case:
        return run_family_case(case)
    from ordino import solve
    from ordino.formulate.offline import extract_offline

    began = time.perf_counter()
    draft = extract_offline(case["text"])
    formulate_time = time.perf_counter() - began
    row = {"id": case["id"], "class": case["class"], "formulate_time": formulate_time, "expected":
           case["expected_objective"], "objective": None, "detail": ""}
    if draft.problem is None:
        row["outcome"] = "asked"
        row["detail"] = " | ".join(q.text for q in draft.missing)
        return row
    result = solve(draft.problem, method="cpsat", time_limit=30, workers=1)
    row["objective"] = result.objective
    if result.status != "optimal":
        row["outcome"] = "error"
        row["detail"] = f"status {result.status}"
    elif result.objective == case["expected_objective"] and draft.problem.time_unit == case["time_unit"]:
        row["outcome"] = "exact"
    else:
        row["outcome"] = "wrong"
        row["detail"] = f"unit {draft.problem.time_unit} vs {case['time_unit']}"
    return row


def summarise(rows: list[dict]) -> list[dict]:
    """Per-class counts of each outcome, accuracy and mean formulation time."""
    by_class: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_class[r["class"]].append(r)
    by_class["ALL"] = rows
    out = []
    for cls, rs in by_class.items():
        counts = {k: sum(r["outcome"] == k for r in rs) for k in ("exact", "asked", "wrong", "error")}
        out.append({"class": cls, "cases": len(rs), **counts, "accuracy": 100.0 * counts["exact"] / len(rs),
                    "mean_ms": 1000.0 * sum(r["formulate_time"] for r in rs) / len(rs)})
    return out


def main(argv: list[str] | None = None) -> int:
    """Run the corpus and print the table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None, help="one .jsonl file (default: all corpus files)")
    parser.add_argument("--verbose", action="store_true", help="print every case that is not exact")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    paths = [args.corpus] if args.corpus else [CORPUS_DIR / f for f in FILES]
    rows = [run_case(c) for p in paths for c in load_cases(p)]
    summary = summarise(rows)
    if args.json:
        print(json.dumps({"rows": rows, "summary": summary}, indent=2))
        return 0
    if args.verbose:
        for r in rows:
            if r["outcome"] != "exact":
                print(f"{r['outcome']:6} {r['id']:20} expected {r['expected']} got {r['objective']} {r['detail']}")
    print(f"{'class':20} {'cases':>5} {'exact':>5} {'asked':>5} {'wrong':>5} {'error':>5} {'acc %':>6} {'ms/text':>8}")
    for s in summary:
        print(f"{s['class']:20} {s['cases']:5d} {s['exact']:5d} {s['asked']:5d} {s['wrong']:5d} {s['error']:5d} "
              f"{s['accuracy']:6.1f} {s['mean_ms']:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
