"""The LLM pipeline end to end: the real openai client against the scripted server."""

from __future__ import annotations

import json

import pytest

from ordino.errors import FormulationError, LLMError
from ordino.formulate import Formulation, formulate
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
    dangling,
    infeasible,
    variant,
)
from tests.llm.scripted_server import SECRET, ScriptedLLM


def run(config: LLMConfig, text: str = TEXT, **kwargs) -> Formulation:
    kwargs.setdefault("time_limit", 5.0)
    return formulate(text, engine="llm", config=config, **kwargs)


def assert_optimal(f: Formulation) -> None:
    assert f.status == "optimal"
    assert f.objective == OPTIMUM
    assert f.problem is not None and f.result is not None and f.result.schedule is not None
    report = verify(f.problem, f.result.schedule)
    assert report.feasible and report.objective == OPTIMUM


def stages(f: Formulation) -> list[str]:
    return [e["stage"] for e in f.transcript]


def test_happy_path(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert f.engine == "llm" and f.rounds == 1 and f.problem_class == "single_machine"
    assert [t.term for t in f.problem.objective] == ["total_tardiness"]
    assert stages(f) == ["config", "classify", "extract", "validate", "check", "solve", "critic", "done"]
    sent = sum(len(json.dumps(r.body)) for r in llm_server.requests) / 4  # counted locally: the server's 100/50 ignored
    assert f.usage["calls"] == 3 and abs(f.usage["prompt_tokens"] - sent) < 0.1 * sent
    assert f.usage["total_tokens"] == f.usage["prompt_tokens"] + f.usage["completion_tokens"]
    assert all(isinstance(v, int) for v in f.usage.values())
    extract = llm_server.requests[1]
    assert extract.response_format == "json_schema"
    assert extract.body["response_format"]["json_schema"]["name"] == "ordino_problem"
    assert "tasks" in extract.body["response_format"]["json_schema"]["schema"]["properties"]
    assert extract.body["model"] == "scripted-model"
    assert extract.headers["authorization"] == f"Bearer {SECRET}"  # the key is used, just never shown
    assert "Three jobs wait" in extract.last_message


def test_invalid_json_then_fixed(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    broken = 'Here you go: {"schema": "ordino/1", "tasks": [{"id": "J1", "modes": [{"duration": 3'
    llm_server.add(CLASSIFY_OK).add(broken).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert f.rounds == 2
    review = next(e for e in f.transcript if e["stage"] == "review")
    assert review["verdict"] == "invalid JSON"
    fix_request = llm_server.requests[2]
    assert "not valid JSON" in fix_request.last_message
    roles = [m["role"] for m in fix_request.body["messages"]]
    assert roles == ["system", "user", "assistant", "user"]  # the broken answer is shown back


def test_repairable_json_needs_no_extra_round(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    fenced = "```json\n" + json.dumps(GOOD, indent=1).replace("]\n}", "],\n}") + "\n```"
    llm_server.add(CLASSIFY_OK).add(fenced).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert f.rounds == 1


def test_dangling_reference_fixed_in_round_two(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(dangling()).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert f.rounds == 2
    feedback = llm_server.requests[2].last_message
    assert "resource 'M2' is not declared" in feedback
    assert "schema" in feedback


def test_schema_violation_is_sent_back_precisely(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    bad = variant()
    bad["tasks"][1]["modes"][0]["duration"] = "2 hours"
    llm_server.add(CLASSIFY_OK).add(bad).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    feedback = llm_server.requests[2].last_message
    assert "tasks[1](id='J2').modes[0].duration" in feedback


def test_infeasible_model_fixed(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(infeasible()).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert f.rounds == 2
    solve_entries = [e for e in f.transcript if e["stage"] == "solve"]
    assert solve_entries[0]["status"] == "infeasible"
    feedback = llm_server.requests[2].last_message
    assert "infeasible" in feedback and "conflict" in feedback


def test_infeasible_forever_reports_contradictory_data(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(infeasible()).add(infeasible())
    f = run(llm_config, max_rounds=2)
    assert f.status == "infeasible" and f.rounds == 2
    assert f.error is not None and "contradictory" in f.error and "conflict" in f.error
    assert f.problem is not None and f.result is not None and f.result.schedule is None


def test_critic_catches_wrong_objective(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(WRONG_OBJECTIVE).add(CRITIC_WRONG).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert f.rounds == 2
    critic_request = llm_server.requests[2]
    assert "objective: minimise makespan" in critic_request.last_message  # the critic sees the model summary
    assert "Three jobs wait" in critic_request.last_message
    assert "use the objective term total_tardiness" in llm_server.requests[3].last_message


def test_critic_disputing_forever_keeps_model_with_warning(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(WRONG_OBJECTIVE).add(CRITIC_WRONG)
    f = run(llm_config, max_rounds=1)
    assert f.status == "optimal" and f.objective == 9  # makespan of the wrongly modelled objective
    assert f.warnings and "critic still disputes" in f.warnings[0]


def test_rate_limit_then_success(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(status=429, error="slow down", headers={"retry-after-ms": "10"})
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert len(llm_server.requests) == 4  # one retried by the client
    assert f.usage["calls"] == 3


def test_server_error_then_success(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(status=500, error="boom", headers={"retry-after-ms": "10"})
    llm_server.add(status=503, error="busy", headers={"retry-after-ms": "10"}).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert len(llm_server.requests) == 5


def test_errors_beyond_retries_are_a_clean_llm_error(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    for _ in range(3):
        llm_server.add(status=500, error="down", headers={"retry-after-ms": "10"})
    with pytest.raises(LLMError, match="failed after 2 retries: HTTP 500") as info:
        run(llm_config)
    assert len(llm_server.requests) == 3
    assert info.value.formulation.status == "failed"


def test_timeout_is_a_clean_llm_error(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_config.timeout, llm_config.max_retries = 0.3, 0
    llm_server.add(CLASSIFY_OK, delay=1.5)
    with pytest.raises(LLMError, match=r"did not answer within 0.3s"):
        run(llm_config)


def test_timeout_is_retried(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    # a timeout long enough for the other requests on a loaded 2-core machine (0.3 s once timed out the
    # extraction's large request too, and the script ran out of answers), the delayed answer far beyond it
    llm_config.timeout, llm_config.max_retries = 1.5, 1
    llm_server.add(CLASSIFY_OK, delay=4.0).add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert len(llm_server.requests) == 4


def test_json_schema_refused_falls_back_to_json_mode(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.refuse = {"json_schema"}
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    formats = [r.response_format for r in llm_server.requests]
    assert formats == ["json_schema", "json_object", "json_object", "json_object"]  # refused once, then kept
    assert {e.get("mode") for e in f.transcript if "mode" in e} == {"json_object"}


def test_no_structured_output_at_all_falls_back_to_text(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.refuse = {"json_schema", "json_object"}
    llm_server.add(CLASSIFY_OK).add("The model:\n" + json.dumps(GOOD) + "\nDone.").add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert [r.response_format for r in llm_server.requests][-1] is None


def test_garbage_forever_is_a_formulation_error(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK)
    for _ in range(3):
        llm_server.add("I cannot help with that.")
    with pytest.raises(FormulationError, match=r"no valid model after 3 round\(s\); last problem \(invalid JSON\)") \
            as info:
        run(llm_config, max_rounds=3)
    assert len(llm_server.requests) == 4
    partial = info.value.formulation
    assert partial.status == "failed" and partial.rounds == 3 and partial.problem is None
    assert stages(partial).count("review") == 3


def test_not_a_scheduling_problem(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add({"scheduling": False, "class": "general", "unsupported": [], "reason": "it is a poem"})
    with pytest.raises(FormulationError, match="does not describe a scheduling problem: it is a poem"):
        run(llm_config, text="Roses are red, violets are blue.")
    assert len(llm_server.requests) == 1


def test_outside_the_ontology_names_the_part(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    answer = {"scheduling": True, "class": "general", "reason": "stochastic",
              "unsupported": ["durations that are random, optimised in expectation"]}
    llm_server.add(answer).add(answer)  # asked once more, it keeps the part
    f = run(llm_config, text="Three jobs with random durations on one machine; minimise the expected makespan.")
    assert f.status == "unsupported" and f.problem is None
    assert f.error == "the problem needs what the ontology cannot express: durations that are random, optimised " \
                      "in expectation"
    assert len(llm_server.requests) == 2


def test_a_part_another_family_expresses_is_moved_there(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add({"scheduling": True, "class": "general", "reason": "rostering",
                    "unsupported": ["nurse rostering over days and shifts with cover requirements"]})
    llm_server.add({"scheduling": True, "family": "assignment", "class": "general", "reason": "a roster",
                    "unsupported": []})
    llm_server.add(status=400, error="stop here")  # the extraction is not this test's business
    with pytest.raises(LLMError):
        run(llm_config, text="Assign 10 nurses to shifts over a week so every shift has 3 nurses.")
    assert "cyclic_pattern" in llm_server.requests[2].body["messages"][0]["content"]  # the assignment prompt


def test_empty_text_makes_no_call(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    with pytest.raises(FormulationError, match="description is empty"):
        run(llm_config, text="   \n")
    assert llm_server.requests == []


def test_token_budget_stops_the_run(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_config.token_budget = 200
    llm_server.add(CLASSIFY_OK, usage=(150, 60)).add(GOOD)
    with pytest.raises(LLMError, match="token budget of 200 exhausted"):
        run(llm_config)
    assert len(llm_server.requests) == 1


def test_no_solve_and_no_critic(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add(GOOD)
    f = run(llm_config, solve=False, critic=False)
    assert f.status == "formulated" and f.result is None and f.problem is not None
    assert len(f.problem.tasks) == 3


def test_api_key_never_leaks(llm_server: ScriptedLLM, llm_config: LLMConfig, tmp_path) -> None:
    llm_server.echo_key_in_errors = True
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert llm_server.requests[0].headers["authorization"].endswith(SECRET)
    path = tmp_path / "run.json"
    path.write_text(f.transcript_json(SECRET))
    assert SECRET not in path.read_text() and SECRET[:8] not in path.read_text()
    assert SECRET not in json.dumps(f.to_json()) and SECRET not in repr(llm_config)
    # an error that echoes the key (as real servers do on 401) is redacted
    llm_server.add(status=401, error="bad key")
    with pytest.raises(LLMError) as info:
        run(llm_config)
    assert "bad key" in str(info.value)
    assert SECRET not in str(info.value) and SECRET[:8] not in str(info.value)
    assert SECRET not in info.value.formulation.transcript_json()


def test_auto_uses_the_configured_llm(llm_server: ScriptedLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDINO_LLM_BASE_URL", llm_server.url)
    monkeypatch.setenv("ORDINO_LLM_API_KEY", SECRET)
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    f = formulate(TEXT, model="env-chosen", time_limit=5.0)
    assert_optimal(f)
    assert f.engine == "llm" and llm_server.requests[0].body["model"] == "env-chosen"
    prompts = f.transcript[0]["prompts"]
    assert "Worked examples" in prompts["extract"] and "review a scheduling model" in prompts["critic"]


def test_llm_engine_without_endpoint_is_a_clear_error() -> None:
    with pytest.raises(FormulationError, match="no LLM endpoint configured"):
        formulate(TEXT, engine="llm")


def test_unreadable_classification_still_extracts(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add("hmm").add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert f.problem_class is None


def test_adapts_to_models_without_max_tokens_or_temperature(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.reject_params = {"max_tokens", "temperature"}
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    last = llm_server.requests[-1].body
    assert last["max_completion_tokens"] == llm_config.max_tokens and "temperature" not in last
    assert llm_server.requests[-1].response_format == "json_schema"  # the output mode was not downgraded


def test_cost_is_estimated_when_prices_are_set(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_config.prompt_price, llm_config.completion_price = 2.0, 8.0
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert f.usage["cost"] == pytest.approx((f.usage["prompt_tokens"] * 2.0 + f.usage["completion_tokens"] * 8.0) / 1e6)


def test_check_issue_fixed_then_kept_as_contradictory(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    cyclic = variant(constraints=[{"type": "end_before_start", "first": "J1", "then": "J2"},
                                  {"type": "end_before_start", "first": "J2", "then": "J1"}])
    llm_server.add(CLASSIFY_OK).add(cyclic).add(GOOD).add(CRITIC_OK)
    f = run(llm_config)
    assert_optimal(f)
    assert "cycle" in llm_server.requests[2].last_message and "(check)" in llm_server.requests[2].last_message
    llm_server.add(CLASSIFY_OK).add(cyclic)
    kept = run(llm_config, max_rounds=1)
    assert kept.status == "infeasible" and "cycle" in kept.error and kept.result is None


def test_an_answer_with_a_calendar_and_clock_times_is_read_and_solved(llm_server: ScriptedLLM,
                                                                       llm_config: LLMConfig) -> None:
    """The model may write times as the text does ('Tuesday 10:00' as a date and time): ordino converts them
    against the start, and the calendar becomes down time for the solver and the verifier."""
    text = ("We start on Monday 7 December 2026 at 8:00. The lathe works Monday to Friday 8:00-12:00 and 13:00-17:00. "
            "The shaft takes 5 hours and may pause over breaks; the gear takes 1 hour and is due at 9:00. Minimize the "
            "total tardiness.")
    answer = {"schema": "ordino/1", "time_unit": "min", "start": "2026-12-07 08:00",
              "calendars": [{"id": "lathe hours", "week": {"mon-fri": ["08:00-12:00", "13:00-17:00"]}}],
              "resources": [{"id": "lathe", "calendar": "lathe hours"}],
              "tasks": [{"id": "shaft", "modes": [{"resources": ["lathe"], "duration": 300}], "resumable": True},
                        {"id": "gear", "modes": [{"resources": ["lathe"], "duration": 60}], "due": "09:00"}],
              "objective": [{"term": "total_tardiness"}]}
    llm_server.add({**CLASSIFY_OK, "class": "general"}).add(answer).add(CRITIC_OK)
    f = run(llm_config, text)
    assert f.status == "optimal" and f.objective == 0 and f.problem is not None and f.result is not None
    assert f.problem.task("gear").due == 60
    assert f.problem.calendars[0].week == {"mon-fri": ["08:00-12:00", "13:00-17:00"]}
    by = f.result.schedule.by_task()
    assert (by["gear"].start, by["shaft"].start, by["shaft"].end) == (0, 60, 420)
    schema = llm_server.requests[1].body["response_format"]["json_schema"]["schema"]
    assert "calendars" in schema["properties"] and "start" in schema["properties"]
