"""`formulate` with the offline engine: the same Formulation, checks and verified solve as the LLM engine."""

from __future__ import annotations

import pytest

from ordino.errors import InputError
from ordino.formulate import formulate
from ordino.verify import verify
from tests.formulate.answers import OPTIMUM, TEXT


def test_auto_without_llm_runs_offline_and_says_so() -> None:
    f = formulate(TEXT, time_limit=5.0)
    assert f.engine == "offline" and f.status == "optimal" and f.objective == OPTIMUM
    assert f.transcript[0]["stage"] == "engine" and "no LLM configured" in f.transcript[0]["note"]
    assert verify(f.problem, f.result.schedule).objective == OPTIMUM
    assert f.to_json()["objective"] == OPTIMUM


def test_offline_missing_information_lists_the_questions() -> None:
    partial = formulate("Roses are red, violets are blue.", engine="offline")
    assert partial.status == "needs_input" and partial.questions and partial.problem is None
    assert all(q.text for q in partial.questions) and partial.to_json()["questions"][0]["text"]


def test_offline_elicitation_through_ask() -> None:
    asked = []

    def ask(question) -> str:
        asked.append(question.key)
        return {"due": "4 3 9", "processing_times": "3 2 4"}.get(question.key, "")

    f = formulate("Three jobs on one machine, minimize total tardiness", engine="offline", ask=ask,
                  time_limit=5.0)
    assert asked and f.status == "optimal" and f.objective == OPTIMUM


def test_bad_arguments() -> None:
    with pytest.raises(InputError, match="max_rounds must be at least 1"):
        formulate(TEXT, max_rounds=0)
    with pytest.raises(InputError, match="engine must be auto, llm or offline"):
        formulate(TEXT, engine="magic")  # type: ignore[arg-type]
