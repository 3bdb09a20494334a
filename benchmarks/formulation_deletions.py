"""Delete one line that holds a number from each fresh text the offline reader answers, and see what it does.

A reader that trusts itself too much answers the shortened text as if nothing were missing. Some deleted lines
leave a complete problem (a list of release times, a breakdown, a precedence, one table row when no count is
stated), so an answer is not always wrong; the lines answered with a changed objective are listed for review,
and every question counts as the reader noticing. Run:

    python benchmarks/formulation_deletions.py benchmarks/fresh/offline_heldout_2026-12-01k.jsonl [...]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import ordino
from ordino.formulate.offline.extract import extract_offline


def answer(text: str) -> float | None | str:
    """The offline answer to a text: its objective, or 'asked'."""
    draft = extract_offline(text)
    if draft.problem is None:
        return "asked"
    return ordino.solve(draft.problem, time_limit=5).objective


def deletions(item: tuple[str, str]) -> list[tuple[str, int, str, float | None | str]]:
    """(id, line number, line, answer) for each line holding a number, deleted in turn."""
    rid, text = item
    lines = text.split("\n")
    return [(rid, k, line, answer("\n".join(lines[:k] + lines[k + 1:])))
            for k, line in enumerate(lines) if re.search(r"\d", line)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path, help="fresh .jsonl sets")
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f}")
    for path in args.sets:
        records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        full = {r["id"]: answer(r["description"]) for r in records if r.get("data", "complete") == "complete"}
        answered = [(r["id"], r["description"]) for r in records if isinstance(full.get(r["id"]), (int, float))]
        # spawned, not forked: a fork of a process whose solver threads have run can hang
        with ProcessPoolExecutor(args.workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            rows = [row for found in pool.map(deletions, answered) for row in found]
        asked = sum(a == "asked" for *_, a in rows)
        same = sum(a == full[rid] for rid, _, _, a in rows)
        changed = [(rid, k, line, a) for rid, k, line, a in rows if a not in ("asked", full[rid])]
        print(f"{path.name}: {len(answered)} answered texts, {len(rows)} deletions: {asked} asked, {same} answered "
              f"the same, {len(changed)} answered differently (review these):")
        for rid, k, line, a in changed:
            print(f"  {rid} line {k} -> {a}: {line.strip()[:90]}")


if __name__ == "__main__":
    main()
