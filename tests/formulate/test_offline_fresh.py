"""The offline reader on problems written afresh by people who never read it (benchmarks/fresh/): whatever it
answers is right, and every text that leaves data out is a question. (How many it reads is a measurement, in
benchmarks/formulation.py; this test guards the promise that no answer is wrong.)"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from ordino.formulate import formulate

FRESH = Path(__file__).resolve().parents[2] / "benchmarks" / "fresh"
RECORDS = [json.loads(line) for name in ("offline_new_2026-11-30.jsonl", "offline_paraphrases_2026-11-30.jsonl",
                                         "llm_fresh_2026-11-30.jsonl")
           for line in (FRESH / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_an_offline_answer_is_right_or_a_question(record: dict) -> None:
    f = formulate(record["description"], engine="offline", time_limit=10)
    if record["data"] == "incomplete":
        assert f.status == "needs_input", (f.status, f.objective)
    elif f.status != "needs_input":
        assert f.objective is not None and math.isclose(f.objective, record["ground_truth_objective"],
                                                        rel_tol=1e-6), (f.status, f.objective)
