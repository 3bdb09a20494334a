"""The ontology: validation, JSON round trip, schema, builder, classification."""

from __future__ import annotations

import json

import pytest

from ordino.errors import InputError
from ordino.models import (
    EndBeforeStart,
    LinearModel,
    Mode,
    Problem,
    TimeWindow,
    classify,
    load_model,
    load_problem,
    model_from_dict,
    problem_from_dict,
    problem_json_schema,
)
from ordino.solve import solve
from tests.conftest import EXAMPLES, example


def _base(**extra) -> dict:
    data = {"resources": [{"id": "M1"}], "tasks": [{"id": "a", "modes": [{"resources": ["M1"], "duration": 3}]}]}
    data.update(extra)
    return data


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_examples_round_trip_through_json(path):
    model = load_model(path)
    text = model.to_json() if isinstance(model, Problem) else model.model_dump_json(by_alias=True)
    assert model_from_dict(json.loads(text)) == model
    assert json.loads(text)["schema"] == "ordino/1"


def test_schema_lists_every_constraint_type():
    schema = json.dumps(problem_json_schema())
    for tag in ("end_before_start", "no_wait", "blocking", "select_exactly_one", "time_window", "synchronize"):
        assert tag in schema


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (_base(tasks=[{"id": "a", "modes": [{"resources": ["M1"], "duration": 2.5}]}]),
         "tasks[0](id='a').modes[0].duration"),
        (_base(tasks=[{"id": "a", "modes": [{"resources": ["M1"], "duration": -1}]}]), "greater than or equal to 0"),
        (_base(tasks=[{"id": "a", "modes": []}]), "tasks[0](id='a').modes"),
        (_base(tasks=[{"id": "a", "modes": [{"resources": ["M9"], "duration": 1}]}]), "resource 'M9' is not declared"),
        (_base(colour="red"), "colour: unknown field"),
        (_base(constraints=[{"type": "end_before_start", "first": "a", "then": "zz"}]), "task 'zz' is not declared"),
        (_base(constraints=[{"type": "before", "first": "a", "then": "a"}]), "expected one of: end_before_start"),
        (_base(constraints=[{"type": "time_window", "task": "a", "start_min": 5, "start_max": 2}]),
         "start_max 2 < start_min 5"),
        (_base(objective=[{"term": "total_tardiness"}]), "no job or task has a due date"),
        (_base(schema="ordino/9"), "schema 'ordino/9' is not supported"),
        (_base(resources=[{"id": "M1", "kind": "machine", "capacity": 3}]), "use kind 'renewable'"),
        ([1, 2], "expected a JSON object"),
    ],
)
def test_bad_input_names_the_field(data, fragment):
    with pytest.raises(InputError) as info:
        problem_from_dict(data, "p.json")
    assert fragment in str(info.value)
    assert str(info.value).startswith("p.json: ")


def test_duplicate_ids_and_deadline_before_release_are_rejected():
    with pytest.raises(InputError, match="task id 'a' is used twice"):
        problem_from_dict(_base(tasks=[{"id": "a", "modes": [{"duration": 1}]}] * 2))
    with pytest.raises(InputError, match="exceeds deadline"):
        problem_from_dict(_base(tasks=[{"id": "a", "release": 5, "deadline": 6, "modes": [{"duration": 3}]}]))


def test_malformed_json_file_names_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"tasks": [\n  {"id": "a",,}\n]}')
    with pytest.raises(InputError) as info:
        load_problem(bad)
    assert f"{bad}:2: malformed JSON" in str(info.value)
    with pytest.raises(InputError, match="file not found"):
        load_problem(tmp_path / "missing.json")


def test_builder_matches_json_form():
    built = (Problem.builder("demo").machine("M1").job("J1", due=10, weight=2)
             .task("J1.a", 3, on="M1", job="J1").task("J1.b", 2, on="M1", job="J1")
             .precedence("J1.a", "J1.b", min_lag=1).minimize("total_weighted_tardiness").build())
    assert built.constraints == [EndBeforeStart(first="J1.a", then="J1.b", min_lag=1)]
    assert built.job_views[0].tasks == ["J1.a", "J1.b"]
    assert problem_from_dict(json.loads(built.to_json())) == built


@pytest.mark.parametrize(
    ("name", "kind"),
    [("single_machine_weighted_tardiness", "single_machine"), ("parallel_machines", "parallel_machines"),
     ("ft06_job_shop", "job_shop"), ("flexible_job_shop", "flexible_job_shop"), ("rcpsp_project", "rcpsp"),
     ("setups_and_breaks", "general")],
)
def test_classify_examples(name, kind):
    assert classify(example(name)) == kind


def test_flow_shop_is_recognised():
    b = Problem.builder().machine("A").machine("B")
    for j in range(3):
        b.task(f"{j}.1", 2 + j, on="A", job=f"J{j}").task(f"{j}.2", 3, on="B", job=f"J{j}").job(f"J{j}")
        b.precedence(f"{j}.1", f"{j}.2")
    assert classify(b.build()) == "flow_shop"
    b.constraint(TimeWindow(task="0.1", start_min=1))
    assert classify(b.build()) == "general"


def test_a_copy_with_changes_is_classified_anew():
    """The class is found once per problem; a copy that changes the problem does not inherit it."""
    shop = example("ft06_job_shop")
    assert classify(shop) == "job_shop" and shop.memo
    assert classify(shop.model_copy()) == "job_shop"
    unchained = shop.model_copy(update={"constraints": []})
    assert not unchained.memo and classify(unchained) == "general"
    assert "memo" not in shop.model_dump() and "task_index" not in json.loads(shop.model_dump_json())


def test_mode_demands_must_match_resources():
    with pytest.raises(ValueError, match="demands has 1 entries"):
        Mode(resources=["a", "b"], duration=1, demands=[1])


def test_separation_rejects_a_non_square_matrix() -> None:
    with pytest.raises(ValueError, match="3x3"):
        Problem.model_validate({"tasks": [{"id": x, "modes": [{"duration": 1}]} for x in "abc"],
                                "constraints": [{"type": "separation", "tasks": ["a", "b", "c"], "gaps": [[0, 1]]}]})


def test_linear_model_rejects_undeclared_variables() -> None:
    with pytest.raises(ValueError, match="'z' is not declared"):
        LinearModel.model_validate({"variables": [{"name": "x"}], "objective": {"terms": {"z": 1}}})


def test_load_model_dispatches_on_family(tmp_path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"schema": "ordino/1", "family": "linear", "variables": [{"name": "x", "upper": 2}],
                                "objective": {"sense": "max", "terms": {"x": 1.5}}}))
    model = load_model(path)
    assert isinstance(model, LinearModel) and solve(model).objective == 3.0
    path.write_text(json.dumps({"schema": "ordino/1", "family": "timetable"}))
    with pytest.raises(InputError, match="family 'timetable' is unknown"):
        load_model(path)
    path.write_text(json.dumps({"schema": "ordino/1", "tasks": [{"id": "t", "modes": [{"duration": 2}]}]}))
    assert isinstance(load_model(path), Problem)


def _flow(**constraint: object) -> dict:
    return {"resources": [{"id": "M1"}, {"id": "M2"}, {"id": "R", "kind": "renewable", "capacity": 2}],
            "jobs": [{"id": "A"}, {"id": "B"}],
            "tasks": [{"id": f"{j}{k}", "job": j, "modes": [{"resources": [f"M{k}"], "duration": 1}]}
                      for j in "AB" for k in (1, 2)],
            "constraints": [{"type": "permutation", **constraint}]}


@pytest.mark.parametrize(
    ("constraint", "fragment"),
    [({"jobs": ["A", "Z"]}, "permutation: job 'Z' is not declared"),
     ({"resources": ["M1", "M9"]}, "permutation: resource 'M9' is not declared"),
     ({"resources": ["R"]}, "permutation: resource 'R' is renewable, not a machine"),
     ({"jobs": ["A"]}, "constraints[0].jobs: List should have at least 2 items"),
     ({"jobs": ["A", "A"]}, "a job is listed twice")],
)
def test_permutation_references_are_checked(constraint, fragment):
    with pytest.raises(InputError) as info:
        problem_from_dict(_flow(**constraint), "p.json")
    assert fragment in str(info.value)


def test_permutation_needs_one_task_per_job_and_machine():
    data = _flow()
    data["tasks"][1]["modes"][0]["resources"] = ["M1"]  # A2 on M1 as well
    with pytest.raises(InputError, match=r"job 'A' has several tasks on machine 'M1' \('A1', 'A2'\)"):
        problem_from_dict(data)
    data = _flow()
    data["tasks"][1]["modes"].append({"resources": ["M1"], "duration": 1})  # A2 on M2 or M1
    with pytest.raises(InputError, match="task 'A2' of job 'A' uses machine 'M1' in some of its modes only"):
        problem_from_dict(data)
    data["constraints"][0]["resources"] = ["M2"]  # M1 not listed: A2 still chooses between M2 and M1
    with pytest.raises(InputError, match="task 'A2' of job 'A' uses machine 'M2' in some of its modes only"):
        problem_from_dict(data)
    data["tasks"][1]["modes"][1] = {"resources": ["M2", "R"], "duration": 3}  # two modes, both on M2: fine
    problem = problem_from_dict(data)
    assert problem.permutation_tasks(problem.constraints[0]) == {"A": {"M2": "A2"}, "B": {"M2": "B2"}}
    assert problem_from_dict(json.loads(problem.to_json())) == problem
