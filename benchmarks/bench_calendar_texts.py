"""How often the offline formulator reads a working-calendar problem right: exact answers on complete texts,
questions on texts that lack data, and wrong answers (an answer where the optimum differs, or an answer where a
question was due).

Usage: python benchmarks/bench_calendar_texts.py TEXTS.jsonl
Each line: {"id", "text", "complete": bool, "objective": "total_tardiness" | "makespan" | "late_count",
"expected": number | null}. The texts are meant to be written by someone who has not read the reader's code.
"""

from __future__ import annotations

import json
import os
import sys
import time

import ordino
from ordino.formulate.offline.extract import extract_offline
from ordino.models import Problem

TERMS = {"total_tardiness": "total_tardiness", "makespan": "makespan", "late_count": "number_tardy"}


def judge(case: dict) -> tuple[str, str]:
    """(verdict, detail): exact / asked / wrong / refused (a question on a complete text)."""
    draft = extract_offline(case["text"])
    if not isinstance(draft.problem, Problem):
        asked = "; ".join(q.text for q in draft.missing)[:140]
        return ("asked" if not case["complete"] else "refused"), asked
    if not case["complete"]:
        return "wrong", "answered a text that lacks data"
    terms = [t.term for t in draft.problem.objective]
    if terms != [TERMS[case["objective"]]]:
        return "wrong", f"objective read as {terms}"
    result = ordino.solve(draft.problem, time_limit=20, workers=2)
    if result.status != "optimal" or result.objective != case["expected"]:
        return "wrong", f"{result.status} {result.objective} (expected {case['expected']})"
    return "exact", f"{result.objective}"


def main(path: str) -> None:
    with open(path, encoding="utf-8") as lines:
        cases = [json.loads(line) for line in lines if line.strip()]
    print(f"load average {os.getloadavg()[0]:.2f}; {len(cases)} texts from {path}")
    counts: dict[str, int] = {}
    began = time.perf_counter()
    for case in cases:
        verdict, detail = judge(case)
        counts[verdict] = counts.get(verdict, 0) + 1
        print(f"{case['id']:>6}  {verdict:<8} {detail}")
    complete = sum(c["complete"] for c in cases)
    print(f"exact {counts.get('exact', 0)}/{complete} complete texts; asked {counts.get('asked', 0)}/"
          f"{len(cases) - complete} incomplete ones; refused {counts.get('refused', 0)}; wrong {counts.get('wrong', 0)}"
          f" ({time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main(sys.argv[1])
