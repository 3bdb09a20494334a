"""Score an LLM formulation run against the same model writing OR-Tools code directly, on the same texts.

Inputs are what the two runs leave behind: the rows of `benchmarks/formulation.py --set nl-dev --engine llm
--json rows.json` (ordino's pipeline through an OpenAI-compatible endpoint, e.g. `../shared/tools/relay_openai.py`
with a person or model answering under its honesty rules), and the baseline's `results.json`
(`{"textNN": {"objective": ..., "invented": "..."}}`) with the map `{"textNN": record id}`.

Each text is scored against its dataset label and, for texts that hold all their data, against the optimum of the
hand-made model in `tests/solvers/dev_records/` (solved here by ordino; some dataset labels are wrong). For texts
that leave data out, what counts is whether the answer asked (ordino: status `needs_input`) or gave a number built
on invented data.

    python benchmarks/llm_vs_direct_code.py --llm rows.json --baseline results.json --ids ids.json
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import Any

import ordino
from ordino.models import load_model

ROOT = Path(__file__).resolve().parents[1]
DEV_RECORDS = ROOT / "tests" / "solvers" / "dev_records"


def checked_optimum(record: str) -> float | None:
    """The optimum of the record's hand-made model (times its objective scale), when it holds all its data."""
    path = DEV_RECORDS / f"{record}.json"
    if not path.is_file():
        return None
    spec = json.loads(path.read_text(encoding="utf-8"))
    if spec.get("data_completion", "none") != "none":
        return None
    result = ordino.solve(load_model_from(spec["model"], path), time_limit=30)
    if result.status != "optimal" or result.objective is None:
        return None
    return float(result.objective) * spec.get("objective_scale", 1)


def load_model_from(model: Any, path: Path) -> Any:
    """The record's model (inline JSON in the spec)."""
    tmp = path.with_suffix(".model.json.tmp")
    try:
        tmp.write_text(json.dumps(model), encoding="utf-8")
        return load_model(tmp)
    finally:
        tmp.unlink(missing_ok=True)


def same(value: Any, reference: Any) -> bool:
    """Equal up to floating-point noise; False when either is missing."""
    try:
        return value is not None and reference is not None and math.isclose(float(value), float(reference),
                                                                            rel_tol=1e-6, abs_tol=1e-6)
    except (TypeError, ValueError):
        return False


def in_units(text: str | None) -> list[float]:
    """The values of an `objective_units` line ("846 min = 14.1 h" -> [846.0, 14.1])."""
    values = []
    for part in (text or "").split("="):
        try:
            values.append(float(part.split()[0]))
        except (IndexError, ValueError):
            continue
    return values


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--llm", type=Path, required=True, action="append",
                        help="rows JSON of benchmarks/formulation.py (repeat for several runs)")
    parser.add_argument("--baseline", type=Path, required=True, action="append",
                        help="the baseline's results.json (one per run, in the same order)")
    parser.add_argument("--ids", type=Path, required=True, action="append",
                        help='{"textNN": record id} of the baseline texts (one per run, in the same order)')
    args = parser.parse_args(argv)
    if not len(args.llm) == len(args.baseline) == len(args.ids):
        parser.error("give one --baseline and one --ids per --llm")
    rows: dict[str, Any] = {}
    baseline: dict[str, Any] = {}
    record_of: dict[str, str] = {}
    for run, (llm, base, ids) in enumerate(zip(args.llm, args.baseline, args.ids, strict=True)):
        rows.update((r["id"], r) for r in json.loads(llm.read_text())["rows"])
        baseline.update((f"{run}:{text}", v) for text, v in json.loads(base.read_text()).items())
        record_of.update((f"{run}:{text}", record) for text, record in json.loads(ids.read_text()).items())
    print(f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'record':30} {'data':10} {'label':>7} {'checked':>7} | {'ordino':22} | {'direct code':22}")
    tally: dict[tuple[str, str], int] = {}

    def count(key: tuple[str, str]) -> None:
        tally[key] = tally.get(key, 0) + 1

    for text, record in sorted(record_of.items()):
        row, base = rows[record], baseline[text]
        data = row["data"]
        checked = checked_optimum(record) if data == "complete" else None
        ours = f"{row['status']} {row['objective']}"
        theirs = f"{base['objective']}" + (" (invented data)" if base.get("invented") else "")
        print(f"{record:30} {data:10} {row['expected']!s:>7} {checked!s:>7} | {ours:22} | {theirs:22}")
        count((data, "texts"))
        if data == "complete" and row["expected"] is None and checked == 0:
            # a feasibility question: any feasible answer counts (ordino's verified, the baseline's as printed)
            for who, status in (("ordino", row["status"]), ("direct", base.get("status"))):
                if status in ("optimal", "feasible"):
                    count((data, f"{who} found a feasible answer (feasibility text)"))
        elif data == "complete":
            for who, value in (("ordino", row["objective"]), ("direct", base["objective"])):
                if same(value, row["expected"]):
                    count((data, f"{who} = label"))
                if same(value, checked):
                    count((data, f"{who} = checked optimum"))
            shown = in_units(row.get("objective_units"))  # what the user also reads: "846 min = 14.1 h"
            if not same(row["objective"], row["expected"]) and any(same(v, row["expected"]) for v in shown):
                count((data, "ordino = label in another unit it shows"))
        else:
            if row["status"] == "needs_input":
                count((data, "ordino asked"))
            elif row["objective"] is not None:
                count((data, "ordino answered a number"))
            count((data, "direct asked" if base["objective"] is None else "direct answered a number"))
            if base.get("invented"):
                count((data, "direct invented data"))
        if row.get("assumptions"):
            count((data, "ordino listed assumptions"))
    print()
    for (data, what), n in sorted(tally.items()):
        print(f"{data:10} {what:28} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
