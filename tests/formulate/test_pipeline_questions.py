"""Missing data is a question, never a guess: the LLM's questions end the run with `needs_input` (or are asked
and answered), its assumptions are shown; the real openai client against the scripted server."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ordino.cli import app
from ordino.formulate import formulate
from ordino.llm.client import LLMConfig
from tests.formulate.answers import CLASSIFY_OK, CRITIC_OK, GOOD, OPTIMUM, TEXT
from tests.llm.scripted_server import ScriptedLLM

THIN = "Three jobs wait for one machine. Their due dates are 4, 3 and 9 hours. Minimize the total tardiness."
ASKS = {"questions": [{"key": "processing_times", "text": "How long does each job take on the machine?",
                       "where": "Three jobs wait for one machine"}]}


def test_a_question_ends_the_run_with_needs_input(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(ASKS)
    f = formulate(THIN, engine="llm", config=llm_config, time_limit=5)
    assert f.status == "needs_input" and f.problem is None and f.result is None
    assert [(q.key, q.where) for q in f.questions] == [("processing_times", "Three jobs wait for one machine")]
    assert f.to_json()["questions"][0]["text"] == "How long does each job take on the machine?"
    assert len(llm_server.requests) == 2  # nothing solved, nothing criticised, no invented numbers
    prompt = llm_server.requests[1].body["messages"][0]["content"]
    assert "Never invent a number" in prompt
    schema = llm_server.requests[1].body["response_format"]["json_schema"]["schema"]
    assert "questions" in schema["properties"] and "assumptions" in schema["properties"]


def test_answers_go_back_to_the_model_and_the_run_goes_on(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(ASKS).add(GOOD).add(CRITIC_OK)
    asked = []
    f = formulate(THIN, engine="llm", config=llm_config, time_limit=5,
                  ask=lambda q: asked.append(q.key) or "3, 2 and 4 hours")
    assert asked == ["processing_times"]
    assert f.status == "optimal" and f.objective == OPTIMUM and f.questions == []
    answer = llm_server.requests[2].body["messages"][-1]["content"]
    assert "How long does each job take on the machine? 3, 2 and 4 hours" in answer
    assert [e["stage"] for e in f.transcript].count("answers") == 1


def test_an_unanswered_question_stays_open(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(ASKS)
    f = formulate(THIN, engine="llm", config=llm_config, time_limit=5, ask=lambda q: None)
    assert f.status == "needs_input" and f.questions[0].key == "processing_times"


def test_assumptions_are_kept_and_shown(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    assumed = {**GOOD, "assumptions": [{"what": "time unit", "value": "h", "reason": "the text speaks of hours"}]}
    llm_server.add(CLASSIFY_OK).add(assumed).add(CRITIC_OK)
    f = formulate(TEXT, engine="llm", config=llm_config, time_limit=5)
    assert f.status == "optimal" and f.assumptions == ["time unit = h (the text speaks of hours)"]
    assert f.to_json()["assumptions"] == f.assumptions


def test_the_cli_lists_the_questions_and_exits_5(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(ASKS)
    result = CliRunner().invoke(app, ["formulate", "--llm", "--base-url", llm_config.base_url, "--json", THIN])
    assert result.exit_code == 5, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "needs_input" and data["questions"][0]["key"] == "processing_times"

