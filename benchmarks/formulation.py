"""Formulation benchmark: formulate each text, solve, and count exact matches with the ground-truth objective,
texts answered with questions (`asked`: status needs_input) and answers that state assumptions (`assumed`).

Sets: `corpus` (tests/formulate/corpus/corpus.jsonl, hand-checked models), `nl-core` and `nl-nominal`
(the `core` / `nominal` tiers of $ORDINO_DATA_MIRROR/nl/scheduling_problems_dev.jsonl), `nl-dev` (all of it), or a
`.jsonl` file of fresh records {"id", "description", "ground_truth_objective", "data": complete|incomplete}.
Engines: `offline`,
`llm` (any configured OpenAI-compatible endpoint), `both`, or `auto` (the LLM when configured, always
offline). Without an endpoint only the offline engine runs, and the report says so.

    python benchmarks/formulation.py --set corpus --engine auto --time-limit 5
    python benchmarks/formulation.py --set nl-core --engine llm --limit 10 --json out.json
    python benchmarks/formulation.py --set benchmarks/fresh/llm_fresh_2026-11-30.jsonl --engine llm

`benchmarks/fresh/` holds fresh texts written by someone who had not read the formulator's code (brute-forced
optima, or null where the text leaves data out), with the rows of the runs reported in the issue notes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from ordino.errors import OrdinoError
from ordino.formulate import formulate
from ordino.llm.client import load_config

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "formulate" / "corpus" / "corpus.jsonl"
NL_FILE = Path("nl") / "scheduling_problems_dev.jsonl"
DEV_RECORDS = ROOT / "tests" / "solvers" / "dev_records"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_set(name: str) -> list[dict[str, Any]]:
    """Items {"set", "id", "text", "expected"} of a named set."""
    if name == "corpus":
        return [{"set": name, "id": r["id"], "text": r["text"], "expected": r["expected_objective"]}
                for r in _jsonl(CORPUS)]
    if name in ("nl-core", "nl-nominal", "nl-dev"):
        mirror = Path(os.environ.get("ORDINO_DATA_MIRROR", ROOT.parent / "shared" / "data"))
        tier = name.removeprefix("nl-")
        return [{"set": name, "id": r["id"], "text": r["description"], "expected": r["ground_truth_objective"],
                 "data": completeness().get(r["id"], "?")}
                for r in _jsonl(mirror / NL_FILE) if tier == "dev" or r.get("tier") == tier]
    if name.endswith(".jsonl") and Path(name).is_file():  # fresh texts, one record per line
        return [{"set": f"fresh:{Path(name).stem}", "id": r["id"], "text": r["description"],
                 "expected": r["ground_truth_objective"], "data": r.get("data", "?")} for r in _jsonl(Path(name))]
    raise SystemExit(f"unknown set {name!r}; choose corpus, nl-core, nl-nominal, nl-dev, all or a .jsonl file")


def completeness() -> dict[str, str]:
    """Record id -> 'complete' when its text holds all the data, 'incomplete' when a hand-made model had to
    assume some (the `data_completion` of tests/solvers/dev_records); records without such a model are absent."""
    out = {}
    for path in sorted(DEV_RECORDS.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        out[spec["record_id"]] = "complete" if spec.get("data_completion", "none") == "none" else "incomplete"
    return out


def matches(objective: float | None, expected: Any) -> bool:
    """Exact match up to floating-point noise (ground truths of some sets are floats)."""
    if objective is None or expected is None:
        return False
    try:
        value = float(expected)
    except (TypeError, ValueError):
        return False
    return math.isclose(objective, value, rel_tol=1e-6, abs_tol=1e-6)


def run_one(item: dict[str, Any], engine: str, time_limit: float, max_rounds: int) -> dict[str, Any]:
    """Formulate and solve one text; one result row."""
    began = time.perf_counter()
    row: dict[str, Any] = {"set": item["set"], "id": item["id"], "engine": engine, "expected": item["expected"],
                           "data": item.get("data", "complete")}
    try:
        f = formulate(item["text"], engine=engine, time_limit=time_limit, max_rounds=max_rounds)
        row.update(status=f.status, objective=f.objective, rounds=f.rounds, tokens=f.usage.get("total_tokens", 0),
                   error=f.error, questions=len(f.questions), assumptions=list(f.assumptions),
                   objective_units=f.objective_units)
    except OrdinoError as exc:
        partial = getattr(exc, "formulation", None)
        row.update(status="failed", objective=None, rounds=partial.rounds if partial else 0,
                   tokens=partial.usage.get("total_tokens", 0) if partial else 0, error=str(exc)[:200],
                   questions=0, assumptions=[])
    row["correct"] = matches(row["objective"], item["expected"])
    row["seconds"] = round(time.perf_counter() - began, 3)
    return row


def summarise(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per (set, engine): counts of formulated, solved and correct, mean rounds, total tokens."""
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_data = r["data"] != "complete" or r["set"] == "nl-dev" or r["set"].startswith("fresh:")
        groups[(f"{r['set']}/{r['data']}" if by_data else r["set"],
                r["engine"])].append(r)
    out = []
    for (name, engine), rs in sorted(groups.items()):
        out.append({
            "set": name, "engine": engine, "problems": len(rs),
            "formulated": sum(r["status"] not in ("failed", "needs_input") for r in rs),
            "solved": sum(r["objective"] is not None for r in rs),
            "correct": sum(r["correct"] for r in rs),
            "asked": sum(r["status"] == "needs_input" for r in rs),
            "assumed": sum(bool(r["assumptions"]) for r in rs),
            "accuracy": round(100.0 * sum(r["correct"] for r in rs) / len(rs), 1),
            "mean_rounds": round(sum(r["rounds"] for r in rs) / len(rs), 2),
            "tokens": sum(r["tokens"] for r in rs),
            "seconds": round(sum(r["seconds"] for r in rs), 1),
        })
    return out


def engines_for(choice: str) -> tuple[list[str], str | None]:
    """The engines to run and a note when the LLM had to be left out."""
    configured = load_config().configured
    if choice == "offline":
        return ["offline"], None
    if not configured:
        note = ("no LLM endpoint configured (set ORDINO_LLM_BASE_URL / ORDINO_LLM_API_KEY or OPENAI_API_KEY); "
                "running the offline engine only")
        return ["offline"], note
    if choice == "llm":
        return ["llm"], None
    return ["offline", "llm"], None


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="corpus", help="corpus, nl-core, nl-nominal, nl-dev, all, or a .jsonl file of "
                        "records {id, description, ground_truth_objective, data: complete|incomplete}")
    parser.add_argument("--engine", default="auto", choices=["auto", "offline", "llm", "both"])
    parser.add_argument("--limit", type=int, default=0, help="at most this many problems per set")
    parser.add_argument("--ids", default="", help="only these record ids (comma-separated)")
    parser.add_argument("--time-limit", type=float, default=5.0)
    parser.add_argument("--max-rounds", type=int, default=4)
    parser.add_argument("--json", type=Path, default=None, help="write rows and summary here")
    parser.add_argument("--quiet", action="store_true", help="summary only")
    args = parser.parse_args(argv)
    names = ["corpus", "nl-core", "nl-nominal"] if args.set == "all" else [args.set]
    engines, note = engines_for(args.engine)
    if note:
        print(note, file=sys.stderr)
    rows = []
    for name in names:
        items = load_set(name)
        if args.ids:
            wanted = args.ids.split(",")
            items = [i for i in items if i["id"] in wanted]
        if args.limit:
            items = items[:args.limit]
        for item in items:
            for engine in engines:
                row = run_one(item, engine, args.time_limit, args.max_rounds)
                rows.append(row)
                if not args.quiet:
                    mark = "ok " if row["correct"] else "   "
                    print(f"{mark}{name:10} {row['id']:28} {engine:7} {row['status']:10} "
                          f"obj={row['objective']} expected={row['expected']} rounds={row['rounds']} "
                          f"tokens={row['tokens']} {row['seconds']:.1f}s"
                          + (f"  [{row['error'][:80]}]" if row.get("error") else ""))
    summary = summarise(rows)
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'set':22} {'engine':8} {'problems':>8} {'formulated':>10} {'solved':>7} {'correct':>8} {'acc%':>6} "
          f"{'asked':>6} {'assumed':>7} {'rounds':>7} {'tokens':>8} {'sec':>7}")
    for s in summary:
        print(f"{s['set']:22} {s['engine']:8} {s['problems']:8} {s['formulated']:10} {s['solved']:7} "
              f"{s['correct']:8} {s['accuracy']:6} {s['asked']:6} {s['assumed']:7} {s['mean_rounds']:7} "
              f"{s['tokens']:8} {s['seconds']:7}")
    if args.json is not None:
        args.json.write_text(json.dumps({"note": note, "rows": rows, "summary": summary}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
