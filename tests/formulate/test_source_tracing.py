"""Source tracing: an answer's `sources` are looked up in the description, kept with their offsets, shown to the
critic and the user, and a quote the description does not hold is a warning."""

from __future__ import annotations

import json

from ordino.formulate import formulate
from ordino.formulate.sources import Source, locate, unfound
from ordino.llm.client import LLMConfig
from tests.formulate.answers import CLASSIFY_OK, CRITIC_OK, GOOD, OPTIMUM, TEXT
from tests.formulate.test_llm_cli import invoke
from tests.llm.scripted_server import ScriptedLLM

SOURCES = [{"element": "task J1", "quote": "Job J1 takes 3 hours"},
           {"element": "objective total_tardiness", "quote": "minimize the  TOTAL tardiness"},
           {"element": "task J3 due", "quote": "J3 is due at 12"}]


def test_quotes_are_found_ignoring_case_and_spacing_and_keep_their_offsets():
    text = "Job J1 takes\n 3 hours. Minimize the total tardiness."
    first, second, third = locate([*SOURCES, "not a dict", {"element": "", "quote": "x"}], text)
    assert text[first.start:first.end] == "Job J1 takes\n 3 hours"
    assert text[second.start:second.end] == "Minimize the total tardiness"
    assert (third.found, third.start) == (False, None)
    assert unfound([first, second, third]) == [
        'the source given for task J3 due is not in the description: "J3 is due at 12"']


def test_sources_reach_the_formulation_the_critic_and_the_json(llm_server: ScriptedLLM,
                                                               llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_OK).add({**GOOD, "sources": SOURCES}).add(CRITIC_OK)
    f = formulate(TEXT, engine="llm", config=llm_config, time_limit=5)
    assert (f.status, f.objective) == ("optimal", OPTIMUM)
    assert [s.element for s in f.sources] == ["task J1", "objective total_tardiness", "task J3 due"]
    assert TEXT[f.sources[0].start:f.sources[0].end] == "Job J1 takes 3 hours"
    assert f.warnings == ['the source given for task J3 due is not in the description: "J3 is due at 12"']
    critic = llm_server.requests[2].body["messages"][1]["content"]
    assert '- task J1: "Job J1 takes 3 hours"' in critic and '"J3 is due at 12" NOT IN THE TEXT' in critic
    doc = f.to_json()
    assert doc["sources"][0] == Source(element="task J1", quote="Job J1 takes 3 hours", start=33,
                                       end=53).model_dump()
    prompt = llm_server.requests[1].body["messages"][0]["content"]
    assert "## Sources" in prompt
    assert "sources" in llm_server.requests[1].body["response_format"]["json_schema"]["schema"]["properties"]


def test_the_terminal_shows_where_each_part_was_read_from(llm_server: ScriptedLLM) -> None:
    llm_server.add(CLASSIFY_OK).add({**GOOD, "sources": SOURCES}).add(CRITIC_OK)
    result = invoke(llm_server, TEXT, "-t", "5")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "From the description" in out and '"Job J1 takes 3 hours"' in out
    assert "(not in the text)" in out


def test_json_output_lists_sources(llm_server: ScriptedLLM) -> None:
    llm_server.add(CLASSIFY_OK).add({**GOOD, "sources": SOURCES[:1]}).add(CRITIC_OK)
    result = invoke(llm_server, TEXT, "--json", "-t", "5")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sources"] == [
        {"element": "task J1", "quote": "Job J1 takes 3 hours", "start": 33, "end": 53}]


