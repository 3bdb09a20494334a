"""The offline formulator on rostering and allocation texts: the expected optimum, or a question (never a guess)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ordino import solve
from ordino.formulate import formulate
from ordino.formulate.offline import detect_family, extract_offline
from ordino.models import LinearModel, RosterProblem, model_from_dict
from ordino.verify import verify

HERE = Path(__file__).resolve().parent / "corpus"
CASES = [json.loads(line) for line in (HERE / "families.jsonl").read_text().splitlines() if line.strip()]
MODELS = [c for c in CASES if c["family"] != "ask"]
ASKS = [c for c in CASES if c["family"] == "ask"]
TYPES = {"assignment": RosterProblem, "linear": LinearModel}


def test_corpus_covers_both_families() -> None:
    assert sum(c["family"] == "assignment" for c in MODELS) >= 6
    assert sum(c["family"] == "linear" for c in MODELS) >= 6
    assert len(ASKS) >= 4 and len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", MODELS, ids=[c["id"] for c in MODELS])
def test_offline_reproduces_expected_objective(case: dict) -> None:
    draft = extract_offline(case["text"])
    assert draft.missing == [], [q.text for q in draft.missing]
    assert isinstance(draft.problem, TYPES[case["family"]]) and draft.family == case["family"]
    result = solve(draft.problem, time_limit=20)
    assert result.status == "optimal"
    solution = result.roster if case["family"] == "assignment" else result.solution
    assert verify(draft.problem, solution).violations == []
    assert result.objective == pytest.approx(case["expected_objective"])


@pytest.mark.parametrize("case", ASKS, ids=[c["id"] for c in ASKS])
def test_offline_asks_instead_of_guessing(case: dict) -> None:
    draft = extract_offline(case["text"])
    assert draft.problem is None and draft.missing
    assert detect_family(case["text"]) is not None


def test_stored_ground_truth_still_has_the_stored_optimum() -> None:
    for case in MODELS[::4]:
        result = solve(model_from_dict(case["problem"]), time_limit=20)
        assert result.objective == pytest.approx(case["expected_objective"]), case["id"]


def test_formulate_offline_end_to_end_for_both_families() -> None:
    small = next(c for c in MODELS if c["id"] == "roster-weekday-names")
    roster = formulate(small["text"], engine="offline", time_limit=10)
    assert roster.status == "optimal" and roster.family == "assignment"
    assert roster.objective == small["expected_objective"] and roster.to_json()["roster"]["assignments"]
    linear = next(c for c in MODELS if c["family"] == "linear")
    f = formulate(linear["text"], engine="offline", time_limit=10)
    assert f.status == "optimal" and f.family == "linear" and f.objective == pytest.approx(linear["expected_objective"])
    assert "family: linear" in next(e for e in f.transcript if e["stage"] == "validate")["summary"]


def test_missing_parts_are_questions_listing_them() -> None:
    text = next(c for c in ASKS if c["id"] == "linear-ask-coefficient")["text"]
    linear = formulate(text, engine="offline")
    assert linear.status == "needs_input" and any("painting hours does each table" in q.text
                                                  for q in linear.questions)
    text = next(c for c in ASKS if c["id"] == "roster-ask-staff")["text"]
    unasked = formulate(text, engine="offline")
    assert unasked.status == "needs_input" and any("How many staff are available" in q.text
                                                   for q in unasked.questions)
    asked: list[str] = []
    roster = formulate(text, engine="offline", ask=lambda q: asked.append(q.text) or "7")  # 35 shifts: 7 x 5
    assert asked == ["How many staff are available?"] and roster.status == "optimal"
    assert verify(roster.problem, roster.result.roster).feasible


def test_scheduling_texts_are_not_routed_to_the_new_families() -> None:
    for text in ("4 jobs on one machine, processing times 3 2 4 1, due dates 4 6 8 3, minimize total tardiness",
                 "Three jobs on two machines in a flow shop; how many hours does it take at least? minimize makespan"):
        assert detect_family(text) is None
