"""The LLM pipeline on the assignment and linear families, against the scripted server; their prompts."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest

from ordino import solve
from ordino.formulate import Formulation, formulate
from ordino.formulate.templates import examples, family_schema, render
from ordino.llm.client import LLMConfig
from ordino.models import LinearModel, RosterProblem, model_from_dict
from ordino.models.assignment import ROSTER_TERM_DEFINITIONS, RULE_TYPES, Cover, Staff
from ordino.models.families import FAMILIES
from ordino.models.linear import LinearConstraint, Variable
from ordino.verify import verify
from tests.formulate.answers import CRITIC_OK
from tests.llm.scripted_server import ScriptedLLM

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
ROSTER_TEXT = ("A help desk needs at least 4 people on Monday, 5 on Tuesday, 5 on Wednesday, 6 on Thursday, "
               "4 on Friday, 2 on Saturday and 2 on Sunday. Everyone works five consecutive days and then has two "
               "days off. How many people must the help desk employ?")
ROSTER = {"schema": "ordino/1", "family": "assignment", "staff": [{"id": "P", "copies": 28}],
          "shifts": [{"id": "day"}], "days": DAYS, "cyclic": True,
          "cover": [{"day": d, "min": m} for d, m in zip(DAYS, [4, 5, 5, 6, 4, 2, 2], strict=True)],
          "rules": [{"type": "cyclic_pattern", "on": 5, "off": 2}], "objective": [{"term": "staff_count"}]}
ROSTER_OPTIMUM = 6  # 28 person-days / 5 -> 6, and Thursday needs 6
CLASSIFY_ROSTER = {"scheduling": True, "family": "assignment", "class": "general", "unsupported": [],
                   "reason": "staff rostering with cover per day"}

LINEAR_TEXT = ("A workshop builds chairs and tables. A chair takes 2 hours of carpentry and 1 hour of painting; "
               "a table takes 3 hours of carpentry and 2 hours of painting. There are 120 carpentry hours and 70 "
               "painting hours. A chair earns $40 and a table $70. How many of each should be built to maximize "
               "profit?")
LINEAR = {"schema": "ordino/1", "family": "linear",
          "variables": [{"name": "chairs", "kind": "integer"}, {"name": "tables", "kind": "integer"}],
          "constraints": [{"name": "carpentry", "terms": {"chairs": 2, "tables": 3}, "sense": "<=", "rhs": 120},
                          {"name": "painting", "terms": {"chairs": 1, "tables": 2}, "sense": "<=", "rhs": 70}],
          "objective": {"sense": "max", "terms": {"chairs": 40, "tables": 70}}}
LINEAR_OPTIMUM = 2600.0  # 2c + 3t <= 120 and c + 2t <= 70 meet at c=30, t=20: 1200 + 1400
CLASSIFY_LINEAR = {"scheduling": True, "family": "linear", "class": "general", "unsupported": [],
                   "reason": "how many of each product"}


def run(config: LLMConfig, text: str, **kwargs) -> Formulation:
    kwargs.setdefault("time_limit", 5.0)
    return formulate(text, engine="llm", config=config, **kwargs)


def stages(f: Formulation) -> list[str]:
    return [e["stage"] for e in f.transcript]


def test_hand_models_have_the_stated_optima() -> None:
    roster = solve(model_from_dict(ROSTER), time_limit=10)
    linear = solve(model_from_dict(LINEAR), time_limit=10)
    assert (roster.status, roster.objective) == ("optimal", ROSTER_OPTIMUM)
    assert (linear.status, linear.objective) == ("optimal", LINEAR_OPTIMUM)


def test_roster_happy_path(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    answer = {k: v for k, v in ROSTER.items() if k != "family"}  # the family comes from the classification
    llm_server.add(CLASSIFY_ROSTER).add(answer).add(CRITIC_OK)
    f = run(llm_config, ROSTER_TEXT)
    assert f.status == "optimal" and f.objective == ROSTER_OPTIMUM and f.rounds == 1
    assert isinstance(f.problem, RosterProblem) and f.family == "assignment" and f.problem_class == "assignment"
    assert verify(f.problem, f.result.roster).violations == []
    assert stages(f) == ["config", "classify", "prompt", "extract", "validate", "check", "solve", "critic", "done"]
    extract = llm_server.requests[1]
    system = extract.body["messages"][0]["content"]
    assert "cyclic_pattern" in system and "staff_count" in system and "`copies`" in system
    assert "total_weighted_tardiness" not in system  # the scheduling ontology is not sent
    schema = extract.body["response_format"]["json_schema"]["schema"]
    assert "staff" in schema["properties"] and "tasks" not in schema["properties"]
    critic = llm_server.requests[2].body["messages"]
    assert "roster" in critic[0]["content"] and "cyclic pattern: 5 days on, 2 days off" in critic[1]["content"]
    assert '"rules":[{"type":"cyclic_pattern","staff":null,"on":5,"off":2}]' in critic[1]["content"]  # the JSON
    assert "cover on Thu, any shift: 6 working (min 6) (binding)" in critic[1]["content"]  # the roster in detail
    assert "1 * staff_count = 1 * 6 = 6" in critic[1]["content"]
    assert critic[1]["content"].count(" day, ") >= 6  # every person's assignments
    doc = f.to_json()
    assert doc["family"] == "assignment" and doc["roster"]["assignments"] and doc["schedule"] is None
    assert doc["problem"]["family"] == "assignment" and model_from_dict(doc["problem"]) == f.problem


def test_roster_fix_round(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    wrong = copy.deepcopy(ROSTER)
    wrong["cover"][3]["day"] = "Thursday"  # not a declared day
    llm_server.add(CLASSIFY_ROSTER).add(wrong).add(ROSTER).add(CRITIC_OK)
    f = run(llm_config, ROSTER_TEXT)
    assert f.status == "optimal" and f.objective == ROSTER_OPTIMUM and f.rounds == 2
    feedback = llm_server.requests[2].last_message
    assert "(schema)" in feedback and "day 'Thursday' is not declared" in feedback


def test_roster_too_few_people_is_a_check_issue(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    few = copy.deepcopy(ROSTER)
    few["staff"][0]["copies"] = 5
    llm_server.add(CLASSIFY_ROSTER).add(few).add(ROSTER).add(CRITIC_OK)
    f = run(llm_config, ROSTER_TEXT)
    assert f.objective == ROSTER_OPTIMUM and f.rounds == 2
    assert "needs at least 6 people on Thu" in llm_server.requests[2].last_message


def test_linear_happy_path(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add(CLASSIFY_LINEAR).add(LINEAR).add(CRITIC_OK)
    f = run(llm_config, LINEAR_TEXT)
    assert f.status == "optimal" and f.objective == pytest.approx(LINEAR_OPTIMUM) and f.rounds == 1
    assert isinstance(f.problem, LinearModel) and f.family == "linear"
    assert verify(f.problem, f.result.solution).violations == []
    assert f.result.solution.values == {"chairs": pytest.approx(30.0), "tables": pytest.approx(20.0)}
    system = llm_server.requests[1].body["messages"][0]["content"]
    assert "LinearConstraint" in system and "coefficient" in system and "cyclic_pattern" not in system
    assert f.to_json()["solution"] == {"chairs": pytest.approx(30.0), "tables": pytest.approx(20.0)}
    validate = next(e for e in f.transcript if e["stage"] == "validate")
    assert "constraint carpentry: 2*chairs + 3*tables <= 120" in validate["summary"]
    critic = llm_server.requests[2].last_message
    assert "chairs = 30\ntables = 20" in critic and "objective (maximise): 2600" in critic
    assert "carpentry: 120 <= 120 (binding)" in critic and "painting: 70 <= 70 (binding)" in critic
    assert '"rhs":120.0' in critic  # the whole model as JSON


def test_linear_fix_round_after_infeasible(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    flipped = copy.deepcopy(LINEAR)
    flipped["constraints"].append({"name": "min_chairs", "terms": {"chairs": 1}, "sense": ">=", "rhs": 200})
    llm_server.add(CLASSIFY_LINEAR).add(flipped).add(LINEAR).add(CRITIC_OK)
    f = run(llm_config, LINEAR_TEXT)
    assert f.status == "optimal" and f.objective == pytest.approx(LINEAR_OPTIMUM) and f.rounds == 2
    solves = [e for e in f.transcript if e["stage"] == "solve"]
    assert solves[0]["status"] == "infeasible"
    assert "(infeasible)" in llm_server.requests[2].last_message
    hints = next(e for e in f.transcript if e["stage"] == "check")["hints"]
    assert any("200" in h for h in hints)  # 200 is not in the text


def test_linear_undeclared_variable_is_sent_back(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    bad = copy.deepcopy(LINEAR)
    bad["objective"]["terms"]["desks"] = 5
    llm_server.add(CLASSIFY_LINEAR).add(bad).add(LINEAR).add(CRITIC_OK)
    f = run(llm_config, LINEAR_TEXT)
    assert f.rounds == 2 and "variable 'desks' is not declared" in llm_server.requests[2].last_message


def test_family_prompts_are_rendered_from_their_models() -> None:
    roster = render("extract", family="assignment")
    for rule in RULE_TYPES:
        assert f'"type": "{rule.model_fields["type"].default}"' in roster
        assert rule.__doc__.strip().splitlines()[0] in roster
    for term, definition in ROSTER_TERM_DEFINITIONS.items():
        assert f"`{term}`: {definition}" in roster
    for model in (Staff, Cover):
        assert model.__doc__.strip().splitlines()[0] in roster
    assert "`copies`: integer (default 1)" in roster
    linear = render("extract", family="linear")
    for model in (Variable, LinearConstraint):
        assert model.__doc__.strip().splitlines()[0] in linear
    assert '`objective`: LinearObjective (default {"sense": "min", "terms": {}, "constant": 0.0})' in linear
    classify = render("classify")
    assert '"assignment"' in classify and '"linear"' in classify and "aircraft landing" in classify
    for family in FAMILIES:
        schema = family_schema(family.name)
        model = family.model.model_json_schema(by_alias=True)
        answer = {k: v for k, v in schema["properties"].items() if k not in ("questions", "assumptions", "sources")}
        if family.name == "linear":  # a linear answer may also be written in an indexed form
            assert set(model["properties"]) <= set(answer)
        else:
            assert answer == model["properties"]
        assert schema["properties"]["questions"]["items"]["required"] == ["text"]
        questions_only = {"questions": [{"key": "durations", "text": "How long does each task take?"}]}
        jsonschema.validate(questions_only, schema)  # a server enforcing the schema lets the model ask
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"questions": "how long?"}, schema)


@pytest.mark.parametrize("family", ["assignment", "linear"])
def test_family_examples_are_valid_solvable_and_shown(family: str) -> None:
    shown = examples(family)
    assert len(shown) == 1
    for ex in shown:
        model = model_from_dict(ex["problem"])
        result = solve(model, time_limit=10)
        assert result.status == "optimal"
        solution = result.roster if family == "assignment" else result.solution
        assert verify(model, solution).violations == []
        assert json.dumps(ex["problem"], separators=(",", ":")) in render("extract", family=family)
        assert ex["text"] not in render("extract")
