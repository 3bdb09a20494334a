"""The ontology parts added for the LLM path (indexed linear models, the permutation constraint) go through the
pipeline: the real openai client against the scripted server, the prompts describe them, the solver solves them."""

from __future__ import annotations

import json

import ordino
from ordino.formulate import formulate
from ordino.formulate.templates import examples
from ordino.llm.client import LLMConfig
from ordino.models import model_from_dict
from ordino.verify import verify
from tests.formulate.answers import CRITIC_OK
from tests.llm.scripted_server import ScriptedLLM


def test_an_indexed_linear_answer_is_expanded_and_solved(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    from tests.models.test_linear_indexed import PLANTS

    text = ("A bakery makes bread and cake. Bread needs 1 oven hour and 3 kg of flour, cake 2 oven hours and 2 kg. "
            "There are 40 oven hours and 60 kg of flour. Bread earns 4, cake 5; at most 100 of each. "
            "How many of each maximise the profit?")
    classify = {"scheduling": True, "family": "linear", "class": "single_machine", "unsupported": []}
    llm_server.add(classify).add(PLANTS).add(CRITIC_OK)
    f = formulate(text, engine="llm", config=llm_config, time_limit=5)
    assert f.status == "optimal" and f.objective == 115 and f.family == "linear"
    assert f.result.solution.values == {"make[bread]": 10.0, "make[cake]": 15.0}
    prompt = llm_server.requests[1].body["messages"][0]["content"]
    assert "## The indexed form" in prompt and "### IndexedConstraint" in prompt
    schema = llm_server.requests[1].body["response_format"]["json_schema"]["schema"]
    assert "indexed_constraints" in schema["properties"]


def test_a_permutation_flow_shop_answer_is_solved_in_one_order(llm_server: ScriptedLLM,
                                                               llm_config: LLMConfig) -> None:
    (example,) = [e for e in examples("scheduling") if "permutation" in json.dumps(e["problem"])]
    classify = {"scheduling": True, "family": "scheduling", "class": "flow_shop", "unsupported": []}
    llm_server.add(classify).add(example["problem"]).add(CRITIC_OK)
    f = formulate(example["text"], engine="llm", config=llm_config, time_limit=10)
    direct = ordino.solve(model_from_dict(example["problem"]), method="cpsat", time_limit=10, workers=1)
    assert f.status == "optimal" and f.objective == direct.objective
    assert verify(f.problem, f.result.schedule).feasible
    prompt = llm_server.requests[1].body["messages"][0]["content"]
    assert "permutation" in prompt and "no kitchen can overtake another" in prompt


def test_a_span_cost_answer_rents_the_crane_only_while_needed(llm_server: ScriptedLLM,
                                                              llm_config: LLMConfig) -> None:
    from tests.models.test_span import crane

    text = ("Lifting takes 3 hours in the crane bay, then fitting takes 2 hours at the dock; the parts for fitting "
            "arrive at hour 10. A crane is rented at 1 per hour from the start of lifting to the end of fitting. "
            "Minimise the finishing time plus the rent.")
    classify = {"scheduling": True, "family": "scheduling", "class": "general", "unsupported": []}
    answer = json.loads(crane().to_json())
    llm_server.add(classify).add(answer).add(CRITIC_OK)
    f = formulate(text, engine="llm", config=llm_config, time_limit=10)
    assert (f.status, f.objective) == ("optimal", 17)
    assert f.result.schedule.by_task()["lift"].start == 7
    prompt = llm_server.requests[1].body["messages"][0]["content"]
    assert '"term": "span"' in prompt and "`start_of`" in prompt
    critic = json.dumps(llm_server.requests[2].body["messages"])
    assert "span(lift..fit)" in critic
