"""The new families and scheduling features: compile, solve, verify, and the verifier catches violations."""

from __future__ import annotations

import json

import pytest

from ordino.errors import InputError
from ordino.models import Problem, Schedule, ScheduledTask, load_model
from ordino.models.assignment import Assignment, Roster, RosterProblem
from ordino.models.linear import LinearModel, LinearSolution
from ordino.solve import solve
from ordino.verify import verify


def landing() -> Problem:
    tasks = [{"id": f"A{i}", "modes": [{"duration": 0}], "release": r, "deadline": d, "due": t, "weight": late,
              "earliness_weight": early}
             for i, (r, d, t, late, early) in enumerate([(0, 20, 5, 3, 1), (0, 20, 5, 1, 5), (0, 20, 6, 2, 2)])]
    gaps = [[0, 4, 1], [4, 0, 1], [1, 1, 0]]
    return Problem.model_validate({"tasks": tasks, "constraints": [{"type": "separation", "tasks": ["A0", "A1", "A2"],
                                                                   "gaps": gaps}],
                                   "objective": [{"term": "total_weighted_tardiness"},
                                                 {"term": "total_weighted_earliness"}]})


def test_separation_and_earliness_weight_solve_and_verify() -> None:
    p = landing()
    r = solve(p, method="cpsat", time_limit=10)
    assert r.status == "optimal" and not r.violations
    # brute force over integer landing times 0..20
    best = None
    for a in range(21):
        for b in range(21):
            for c in range(21):
                s = Schedule(tasks=[ScheduledTask(task=t, start=x, end=x) for t, x in zip(("A0", "A1", "A2"), (a, b, c),
                                                                                       strict=True)])
                v = verify(p, s)
                if v.feasible and (best is None or v.objective < best):
                    best = v.objective
    assert r.objective == best


def test_separation_verifier_checks_non_consecutive_pairs() -> None:
    p = landing()
    # A0 at 0, A2 at 1, A1 at 2: consecutive gaps 1 and 1 hold, but A0 -> A1 needs 4
    s = Schedule(tasks=[ScheduledTask(task="A0", start=0, end=0), ScheduledTask(task="A2", start=1, end=1),
                        ScheduledTask(task="A1", start=2, end=2)])
    kinds = [v.kind for v in verify(p, s).violations]
    assert kinds == ["separation"]


def test_separation_rejects_a_non_square_matrix() -> None:
    with pytest.raises(ValueError, match="3x3"):
        Problem.model_validate({"tasks": [{"id": x, "modes": [{"duration": 1}]} for x in "abc"],
                                "constraints": [{"type": "separation", "tasks": ["a", "b", "c"], "gaps": [[0, 1]]}]})


def post_office(demand: list[int]) -> RosterProblem:
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return RosterProblem.model_validate({
        "family": "assignment", "staff": [{"id": "W", "copies": 30}], "shifts": [{"id": "day"}], "days": days,
        "cyclic": True, "cover": [{"day": d, "min": k} for d, k in zip(days, demand, strict=True)],
        "rules": [{"type": "cyclic_pattern", "on": 5, "off": 2}], "objective": [{"term": "staff_count"}]})


@pytest.mark.parametrize("method", ["cpsat", "milp"])
def test_roster_five_on_two_off(method: str) -> None:
    r = solve(post_office([15, 13, 15, 18, 14, 16, 10]), method=method, time_limit=30)
    assert r.status == "optimal" and not r.violations and r.objective == 22


def test_roster_verifier_catches_broken_pattern_and_cover() -> None:
    p = post_office([1, 0, 0, 0, 0, 0, 0])
    roster = Roster(assignments=[Assignment(staff="W#1", shift="day", day="Mon")])
    kinds = sorted(v.kind for v in verify(p, roster).violations)
    assert kinds == ["pattern"]
    assert [v.kind for v in verify(p, Roster()).violations] == ["cover"]


def test_roster_rules_soft_cover_rest_and_meet() -> None:
    p = RosterProblem.model_validate({
        "family": "assignment", "staff": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
        "shifts": [{"id": "night"}, {"id": "early"}], "days": ["d1", "d2", "d3"],
        "cover": [{"shift": "night", "min": 1}, {"shift": "early", "min": 2, "shortfall_penalty": 10}],
        "rules": [{"type": "forbidden_sequence", "first": "night", "then": "early"},
                  {"type": "count", "per": ["staff"], "max": 2},
                  {"type": "preference", "staff": ["a"], "days": ["d1"], "penalty": 3},
                  {"type": "meet", "max": 1}],
        "objective": [{"term": "total_penalty"}]})
    a = solve(p, method="cpsat", time_limit=10)
    b = solve(p, method="milp", time_limit=10)
    assert a.status == b.status == "optimal"
    assert a.objective == b.objective and not a.violations and not b.violations


def test_linear_model_both_back_ends_and_verifier() -> None:
    m = LinearModel.model_validate({
        "family": "linear",
        "variables": [{"name": "x", "kind": "integer", "upper": 10}, {"name": "y", "kind": "integer", "upper": 10}],
        "constraints": [{"terms": {"x": 1, "y": 2}, "sense": "<=", "rhs": 14},
                        {"terms": {"x": 3, "y": -1}, "sense": ">=", "rhs": 0}],
        "objective": {"sense": "max", "terms": {"x": 3, "y": 4}}})
    for method in ("highs", "cpsat"):
        r = solve(m, method=method)
        assert r.status == "optimal" and r.objective == 38
    bad = verify(m, LinearSolution(values={"x": 10.0, "y": 2.5}))
    assert {v.kind for v in bad.violations} == {"integrality"}
    bad = verify(m, LinearSolution(values={"x": 10.0, "y": 3.0}))
    assert [v.kind for v in bad.violations] == ["linear_constraint"]


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


def test_relation_rule_links_counts_in_both_back_ends() -> None:
    p = RosterProblem.model_validate({
        "family": "assignment", "staff": [{"id": "a"}, {"id": "b"}], "shifts": [{"id": "s"}], "days": ["d1", "d2"],
        "cover": [{"day": "d1", "min": 1}],
        "rules": [{"type": "relation", "terms": [{"staff": ["a"], "days": ["d1"]},
                                                 {"staff": ["a"], "days": ["d2"], "coef": -1}], "min": 0, "max": 0}],
        "costs": [{"staff": ["a"], "cost": 1}, {"staff": ["b"], "cost": 3}],
        "objective": [{"term": "total_cost"}]})
    for method in ("cpsat", "milp"):
        r = solve(p, method=method)
        assert r.status == "optimal" and r.objective == 2 and not r.violations
    bad = verify(p, Roster(assignments=[Assignment(staff="a", shift="s", day="d1")]))
    assert [v.kind for v in bad.violations] == ["relation"]
