"""Issue 16 items 3 and 4: `unsupported` is a conversation (asked once more before the run stops), the critic
sees the whole model and the solution, and a dispute a fix round leaves unchanged stops as `disputed`. The real
openai client against the scripted server."""

from __future__ import annotations

import json

from ordino.formulate import Formulation, formulate
from ordino.formulate.formulation import model_json
from ordino.llm.client import LLMConfig
from ordino.verify import verify
from tests.formulate.answers import (
    CLASSIFY_OK,
    CRITIC_OK,
    CRITIC_WRONG,
    GOOD,
    OPTIMUM,
    TEXT,
    WRONG_OBJECTIVE,
    variant,
)
from tests.llm.scripted_server import ScriptedLLM

ROSTERING = "rostering nurses over days and shifts with cover requirements"
RANDOM = "durations that are random, to be optimised in expectation"
CLASSIFY_TWO = {"scheduling": True, "class": "general", "reason": "shop with extras",
                "unsupported": [ROSTERING, RANDOM]}
CLASSIFY_ONE = {**CLASSIFY_TWO, "unsupported": [RANDOM]}
ONLY_UNSUPPORTED = {"unsupported": [RANDOM]}


def run(config: LLMConfig, text: str = TEXT, **kwargs) -> Formulation:
    kwargs.setdefault("time_limit", 5.0)
    return formulate(text, engine="llm", config=config, **kwargs)


def stages(f: Formulation) -> list[str]:
    return [e["stage"] for e in f.transcript]


# --- unsupported is a conversation ---------------------------------------------------------------------------

def test_classifier_is_asked_once_more_and_only_what_it_keeps_stops_the_run(
        llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_TWO).add(CLASSIFY_ONE)
    f = run(llm_config)
    assert f.status == "unsupported" and f.problem is None and f.result is None and f.rounds == 0
    assert f.error == f"the problem needs what the ontology cannot express: {RANDOM}"  # exactly the kept item
    assert ROSTERING not in f.error
    assert len(llm_server.requests) == 2  # one extra request, then no extraction
    second = llm_server.requests[1].body["messages"]
    assert [m["role"] for m in second] == ["system", "user", "assistant", "user"]
    assert json.loads(second[2]["content"])["unsupported"] == [ROSTERING, RANDOM]  # its own answer shown back
    asked = second[3]["content"]
    assert f"- {ROSTERING}" in asked and f"- {RANDOM}" in asked and "stops the run" in asked
    for family in ('"scheduling"', '"assignment"', '"linear"'):
        assert family in asked  # the family list
    assert "permutation" in asked and "`cover`" in asked
    assert stages(f) == ["config", "classify", "review", "reconsider", "done"]
    assert f.transcript[-1]["unsupported"] == [RANDOM]
    assert f.to_json()["status"] == "unsupported" and f.to_json()["error"] == f.error


def test_classifier_that_finds_a_rewrite_goes_on(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_TWO).add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert f.status == "optimal" and f.objective == OPTIMUM and f.problem_class == "single_machine"
    assert len(llm_server.requests) == 4


def test_unreadable_second_classification_keeps_the_first(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_ONE).add("hmm, let me think")
    f = run(llm_config)
    assert f.status == "unsupported" and f.error.endswith(RANDOM)
    assert len(llm_server.requests) == 2


def test_classify_prompt_says_what_unsupported_means(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    run(llm_config)
    classify = llm_server.requests[0].body["messages"][0]["content"]
    assert "stops the run" in classify and "permutation" in classify and "non-linear" in classify
    assert "(e.g. preemption, non-linear\n  costs)" not in classify  # the old example contradicted exact rewrites
    extract = llm_server.requests[1].body["messages"][0]["content"]
    assert '{"unsupported": [' in extract and "stops the run" in extract
    assert "## Missing data" in extract  # kept


def test_extract_answer_with_only_unsupported_is_asked_once_more(llm_server: ScriptedLLM,
                                                                  llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(ONLY_UNSUPPORTED).add(ONLY_UNSUPPORTED)
    f = run(llm_config, max_rounds=1)  # the extra request is not a round
    assert f.status == "unsupported" and f.rounds == 1 and f.problem is None
    assert f.error == f"the problem needs what the ontology cannot express: {RANDOM}"
    assert len(llm_server.requests) == 3
    again = llm_server.requests[2].body["messages"]
    assert [m["role"] for m in again] == ["system", "user", "assistant", "user"]
    assert f"- {RANDOM}" in again[3]["content"] and '"linear"' in again[3]["content"]
    assert "properties" in llm_server.requests[2].body["response_format"]["json_schema"]["schema"]
    assert stages(f)[-4:] == ["extract", "review", "reconsider", "done"]


def test_extract_that_finds_a_rewrite_is_reviewed_as_usual(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(ONLY_UNSUPPORTED).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert f.status == "optimal" and f.objective == OPTIMUM and f.rounds == 1
    assert "unsupported" in llm_server.requests[1].body["response_format"]["json_schema"]["schema"]["properties"]


def test_an_empty_unsupported_list_beside_the_model_is_no_issue(llm_server: ScriptedLLM,
                                                                 llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add({**GOOD, "unsupported": []}).add(CRITIC_OK)
    f = run(llm_config)
    assert f.status == "optimal" and f.rounds == 1


# --- the critic sees everything --------------------------------------------------------------------------------

TIGHT_TEXT = ("Task A takes 2 hours and task B takes 3 hours on one machine. B starts at least 1 hour after A "
              "ends and must end by hour 6. Finishing A early is worth 0.5 per hour. Minimize the makespan.")
TIGHT = {"schema": "ordino/1", "time_unit": "h", "resources": [{"id": "M"}],
         "tasks": [{"id": "A", "modes": [{"resources": ["M"], "duration": 2}], "due": 4, "earliness_weight": 3},
                   {"id": "B", "modes": [{"resources": ["M"], "duration": 3}]}],
         "constraints": [{"type": "end_before_start", "first": "A", "then": "B", "min_lag": 1},
                         {"type": "time_window", "task": "B", "end_max": 6}],
         "objective": [{"term": "makespan"}]}


def critic_message(server: ScriptedLLM) -> str:
    return next(r.last_message for r in server.requests
                if r.body.get("response_format", {}).get("json_schema", {}).get("name") == "review")


def test_the_critic_gets_the_whole_model_and_the_schedule(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(TIGHT).add(CRITIC_OK)
    f = run(llm_config, TIGHT_TEXT)
    assert f.status == "optimal" and f.objective == 6
    message = critic_message(llm_server)
    document = message.split("the JSON is the model):\n", 1)[1].split("\n", 1)[0]
    assert json.loads(document) == model_json(f.problem)  # every field, exact
    assert "earliness weight 3" in message  # and in the summary
    assert "A: 0-2, mode 0, M\nB: 3-6, mode 0, M" in message  # start order
    assert "end_before_start A -> B: start(B) = 3 is end(A) = 2 + 1, at its min lag 1" in message
    assert "time window of B: end 6 = end_max" in message
    assert "A: completes 2, due 4, lateness -2" in message
    assert "objective terms (recomputed by the verifier): 1 * makespan = 1 * 6 = 6" in message
    assert verify(f.problem, f.result.schedule).terms["makespan"] == 6
    system = llm_server.requests[2].body["messages"][0]["content"]
    assert "JSON" in system and "tight" in system


def test_the_critic_sees_the_separation_gaps(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    landing = variant(constraints=[{"type": "separation", "tasks": ["J1", "J2", "J3"],
                                    "gaps": [[0, 1, 2], [3, 0, 4], [5, 6, 0]]}])
    llm_server.add(CLASSIFY_OK).add(landing).add(CRITIC_OK)
    f = run(llm_config)
    assert f.status == "optimal"
    message = critic_message(llm_server)
    assert "J1 before J2 1, J3 2; J2 before J1 3, J3 4; J3 before J1 5, J2 6" in message
    assert '"gaps":[[0,1,2],[3,0,4],[5,6,0]]' in message
    assert "separation J" in message and "+ gap" in message  # the tight separations of the schedule


def test_unsolved_models_send_no_solution(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    f = run(llm_config, solve=False)
    assert f.status == "formulated"
    message = critic_message(llm_server)
    assert '"schema":"ordino/1"' in message and "The solution" not in message and "Solver result" not in message


# --- disputes --------------------------------------------------------------------------------------------------

def test_the_same_answer_after_a_dispute_stops_as_disputed(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(WRONG_OBJECTIVE).add(CRITIC_WRONG).add(WRONG_OBJECTIVE)
    f = run(llm_config)  # four rounds allowed, two used
    assert f.status == "disputed" and f.rounds == 2
    assert len(llm_server.requests) == 4  # the same answer is not criticised again
    assert f.problem is not None and f.result is not None and f.result.status == "optimal" and f.objective == 9
    assert verify(f.problem, f.result.schedule).feasible
    words = CRITIC_WRONG["issues"][0]
    assert words in f.error and any(words in w for w in f.warnings)
    assert "unchanged" in stages(f) and f.transcript[-1]["status"] == "disputed"
    fix = llm_server.requests[3].last_message
    assert words in fix and "keep the whole model unchanged" in fix
    doc = f.to_json()
    assert doc["status"] == "disputed" and doc["schedule"] is not None and doc["objective"] == 9


def test_the_same_model_in_other_words_and_the_same_issues_stop(llm_server: ScriptedLLM,
                                                                llm_config: LLMConfig) -> None:
    reworded = json.dumps(WRONG_OBJECTIVE, indent=2)  # other text, same model
    again = {"ok": False, "issues": [CRITIC_WRONG["issues"][0].upper()]}  # the same issue, other case
    llm_server.add(CLASSIFY_OK).add(WRONG_OBJECTIVE).add(CRITIC_WRONG).add(reworded).add(again)
    f = run(llm_config)
    assert f.status == "disputed" and f.rounds == 2 and len(llm_server.requests) == 5
    assert f.objective == 9 and "USE THE OBJECTIVE TERM" in f.error


def test_a_new_issue_against_the_same_model_gets_a_fix_round(llm_server: ScriptedLLM,
                                                              llm_config: LLMConfig) -> None:
    reworded = json.dumps(WRONG_OBJECTIVE, indent=2)
    other = {"ok": False, "issues": ["J2 is due at 3, the model says so but the objective ignores due dates"]}
    llm_server.add(CLASSIFY_OK).add(WRONG_OBJECTIVE).add(CRITIC_WRONG).add(reworded).add(other)
    llm_server.add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert f.status == "optimal" and f.objective == OPTIMUM and f.rounds == 3


def test_a_changed_model_is_no_dispute(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    renamed = variant(name="still wrong", objective=[{"term": "makespan"}])
    llm_server.add(CLASSIFY_OK).add(WRONG_OBJECTIVE).add(CRITIC_WRONG).add(renamed).add(CRITIC_WRONG)
    f = run(llm_config, max_rounds=2)
    assert f.status == "optimal" and f.rounds == 2 and f.error is None  # the rounds ran out, not a dispute
    assert any("critic still disputes" in w for w in f.warnings)


def test_a_dispute_without_solving_keeps_the_model(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(WRONG_OBJECTIVE).add(CRITIC_WRONG).add(WRONG_OBJECTIVE)
    f = run(llm_config, solve=False)
    assert f.status == "disputed" and f.result is None and f.problem is not None
    assert [t.term for t in f.problem.objective] == ["makespan"]


def test_the_cli_exits_2_for_unsupported_and_with_the_solve_status_for_disputed(
        llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    from typer.testing import CliRunner

    from ordino.cli import app

    args = ["formulate", "--llm", "--base-url", llm_config.base_url, "--max-rounds", "4", TEXT]
    llm_server.add(CLASSIFY_ONE).add(CLASSIFY_ONE)
    unsupported = CliRunner().invoke(app, args)
    assert unsupported.exit_code == 2 and "unsupported" in unsupported.stdout
    llm_server.add(CLASSIFY_OK).add(WRONG_OBJECTIVE).add(CRITIC_WRONG).add(WRONG_OBJECTIVE)
    disputed = CliRunner().invoke(app, args)
    assert disputed.exit_code == 0, disputed.output  # a verified answer, the dispute shown beside it
    assert "critic" in disputed.output.lower()
