"""`formulate` with the offline engine: the same Formulation, checks and verified solve as the LLM engine."""

from __future__ import annotations

import pytest

from ordino.errors import FormulationError, InputError
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
    with pytest.raises(FormulationError, match=r"incomplete \(or not a scheduling problem\)") as info:
        formulate("Roses are red, violets are blue.", engine="offline")
    partial = info.value.formulation
    assert partial.status == "failed" and partial.questions
    assert all(q.text for q in partial.questions)


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
