"""Infeasibility in plain words: on real infeasible schedules and rosters (the issue's cases and those of the other
tests), the conflict names the expected requirements, relaxing them all makes the model feasible, and relaxing
any one of them does too (the set is minimal); checked by solving again. Then `ordino solve` on an infeasible
file, as text and as --json."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ordino import solve
from ordino.cli import app
from ordino.explain.conflict import (
    Conflict,
    conflict,
    find_conflict,
    relaxed_model,
    roster_items,
    schedule_items,
    source_of,
)
from ordino.models import Problem, RosterProblem
from tests.llm.scripted_server import SECRET, ScriptedLLM

runner = CliRunner()


def chain_past_down_time() -> Problem:
    """J3's three operations (20 on M2, 30 on M1, 12 on M4, in order) fit its deadline 70 only if M4 is up
    from 50 on; M4 is down during [50, 65). A short job J1 shares M1."""
    return Problem.model_validate({
        "resources": [{"id": "M1"}, {"id": "M2"}, {"id": "M4", "unavailable": [[50, 65]]}],
        "jobs": [{"id": "J3", "deadline": 70}, {"id": "J1"}],
        "tasks": [{"id": "J3.1", "job": "J3", "modes": [{"resources": ["M2"], "duration": 20}]},
                  {"id": "J3.2", "job": "J3", "modes": [{"resources": ["M1"], "duration": 30}]},
                  {"id": "J3.3", "job": "J3", "modes": [{"resources": ["M4"], "duration": 12}]},
                  {"id": "J1.1", "job": "J1", "modes": [{"resources": ["M1"], "duration": 5}]}],
        "constraints": [{"type": "end_before_start", "first": "J3.1", "then": "J3.2"},
                        {"type": "end_before_start", "first": "J3.2", "then": "J3.3"}]})


def windows_overlap() -> Problem:
    """Two tasks pinned by time windows to overlap on one machine."""
    return Problem.model_validate({
        "resources": [{"id": "press"}],
        "tasks": [{"id": "a", "modes": [{"resources": ["press"], "duration": 5}]},
                  {"id": "b", "modes": [{"resources": ["press"], "duration": 5}]},
                  {"id": "c", "modes": [{"resources": ["press"], "duration": 1}]}],
        "constraints": [{"type": "time_window", "task": "a", "start_min": 0, "start_max": 2},
                        {"type": "time_window", "task": "b", "start_min": 1, "start_max": 3}]})


def release_after_deadline() -> Problem:
    """`a` is released at 10 and `b`, which follows it, must end by 12."""
    return Problem.model_validate({
        "tasks": [{"id": "a", "release": 10, "modes": [{"duration": 5}]},
                  {"id": "b", "deadline": 12, "modes": [{"duration": 3}]}],
        "constraints": [{"type": "end_before_start", "first": "a", "then": "b"}]})


def pool_too_small() -> Problem:
    """Three tasks need 2 of a crew of 3 each, so they run one at a time: 30 time units, not 20."""
    return Problem.model_validate({
        "resources": [{"id": "crew", "kind": "renewable", "capacity": 3}],
        "tasks": [{"id": t, "deadline": 20, "modes": [{"resources": ["crew"], "duration": 10, "demands": [2]}]}
                  for t in ("x", "y", "z")]})


def budget_too_small() -> Problem:
    """Two tasks use 3 of a budget of 5 each."""
    return Problem.model_validate({
        "resources": [{"id": "money", "kind": "consumable", "capacity": 5}],
        "tasks": [{"id": t, "modes": [{"resources": ["money"], "duration": 1, "demands": [3]}]} for t in ("p", "q")]})


def deadlines_on_one_machine(deadline: int) -> Problem:
    """tests/solvers/test_cpsat.py and tests/cli/test_cli_solve.py: two tasks on M, each alone fits the deadline."""
    return Problem.model_validate({"resources": [{"id": "M"}], "tasks": [
        {"id": t, "deadline": deadline, "modes": [{"resources": ["M"], "duration": deadline - 1}]} for t in "ab"]})


def landings_past_horizon() -> Problem:
    """tests/models/test_horizon.py: five landings 8 apart need 32, the horizon is 30."""
    dues = [100, 130, 160, 190, 220]
    return Problem.model_validate({
        "horizon": 30,
        "tasks": [{"id": f"L{k}", "modes": [{"duration": 0}], "due": d, "deadline": d + 30, "weight": 3,
                   "earliness_weight": 1} for k, d in enumerate(dues)],
        "constraints": [{"type": "separation", "tasks": [f"L{k}" for k in range(5)],
                         "gaps": [[0 if i == j else 8 for j in range(5)] for i in range(5)]}],
        "objective": [{"term": "total_weighted_earliness"}, {"term": "total_weighted_tardiness"}]})


def short_of_nurses() -> RosterProblem:
    """Tuesday's night needs two nurses; there are two, and bob is away on Tuesday."""
    return RosterProblem.model_validate({
        "staff": [{"id": "ann", "skills": ["nurse"]}, {"id": "bob", "skills": ["nurse"]}, {"id": "cy"}],
        "shifts": [{"id": "day"}, {"id": "night"}], "days": ["Mon", "Tue"],
        "cover": [{"shift": "night", "day": "Tue", "skill": "nurse", "min": 2}, {"shift": "day", "min": 1}],
        "rules": [{"type": "unavailable", "staff": ["bob"], "days": ["Tue"]},
                  {"type": "max_consecutive_days", "max_on": 2}]})


def cyclic_cover() -> RosterProblem:
    """tests/differential/test_assignment_differential.py: 2-on-1-off people cover 2 of 3 days each, and each
    day wants exactly one person."""
    return RosterProblem.model_validate({
        "staff": [{"id": "a"}, {"id": "b"}], "shifts": [{"id": "s"}], "days": ["1", "2", "3"], "cyclic": True,
        "cover": [{"min": 1, "max": 1}], "rules": [{"type": "cyclic_pattern", "on": 2, "off": 1}]})


def calendar_and_deadline(work: int = 660, resumable: bool = True) -> Problem:
    """A lathe working Monday to Friday, 8-12 and 13-17, with Tuesday a holiday: by Wednesday 10:00 it has worked
    10 hours, so 11 hours of work cannot meet that deadline (and 5 hours without a pause never fit)."""
    return Problem.model_validate({
        "start": "2026-12-07 08:00", "time_unit": "min",
        "calendars": [{"id": "day", "week": {"mon-fri": ["08:00-12:00", "13:00-17:00"]}, "holidays": ["2026-12-08"]}],
        "resources": [{"id": "Lathe", "calendar": "day"}],
        "tasks": [{"id": "shaft", "modes": [{"resources": ["Lathe"], "duration": work}], "resumable": resumable,
                   "deadline": "2026-12-09 10:00" if resumable else None}]})


CASES: list[tuple[Callable[[], Problem | RosterProblem], set[str]]] = [
    (chain_past_down_time, {"constraint:0", "constraint:1", "down:M4:0", "deadline:job:J3"}),
    (windows_overlap, {"constraint:0", "constraint:1", "capacity:press"}),
    (release_after_deadline, {"release:task:a", "constraint:0", "deadline:task:b"}),
    (pool_too_small, {"capacity:crew", "deadline:task:x", "deadline:task:y", "deadline:task:z"}),
    (budget_too_small, {"capacity:money"}),
    (lambda: deadlines_on_one_machine(6), {"capacity:M", "deadline:task:a", "deadline:task:b"}),
    (lambda: deadlines_on_one_machine(4), {"capacity:M", "deadline:task:a", "deadline:task:b"}),
    (landings_past_horizon, {"constraint:0", "horizon"}),
    (short_of_nurses, {"rule:0", "cover:0"}),
    (cyclic_cover, {"rule:0", "cover:0"}),
    (calendar_and_deadline, {"calendar:Lathe", "deadline:task:shaft"}),
    (lambda: calendar_and_deadline(300, resumable=False), {"calendar:Lathe"}),
]


def feasible(model: Problem | RosterProblem) -> bool:
    """Solved again, from scratch: a verified roster or schedule exists (an unproven answer fails the test)."""
    status = solve(model, method="cpsat", time_limit=10, workers=1).status
    assert status in ("optimal", "feasible", "infeasible"), status
    return status != "infeasible"


def without(model: Problem | RosterProblem, ids: set[str]) -> Problem | RosterProblem:
    """The model with the items of these ids relaxed."""
    items = schedule_items(model) if isinstance(model, Problem) else roster_items(model)
    assert ids <= {r.item.id for r in items}
    return relaxed_model(model, [r for r in items if r.item.id in ids])


@pytest.mark.parametrize(("build", "expected"), CASES, ids=[
    "chain", "windows", "release", "pool", "budget", "cpsat_test", "cli_test", "landings", "nurses", "cyclic",
    "calendar_deadline", "calendar_no_stretch"])
def test_the_conflict_is_the_expected_minimal_set(build: Callable[[], Problem | RosterProblem],
                                                  expected: set[str]) -> None:
    model = build()
    assert not feasible(model)
    found = conflict(model, time_limit=30)
    assert isinstance(found, Conflict) and found.minimal, find_conflict(model, 30)
    assert {item.id for item in found.items} == expected
    assert feasible(without(model, expected))
    for item in expected:
        assert feasible(without(model, {item})), f"{item} is not needed for the conflict"
    assert all(item.text and "{" not in item.text for item in found.items)
    assert json.loads(found.model_dump_json())["items"][0]["id"] in expected


def texts(model: Problem | RosterProblem) -> dict[str, str]:
    """The text of each item of the model's conflict, by id."""
    found = conflict(model, time_limit=30)
    assert found is not None
    return {item.id: item.text for item in found.items}


def test_the_words_name_the_tasks_resources_windows_and_the_tasks_own_data() -> None:
    chain = texts(chain_past_down_time())
    assert chain["down:M4:0"] == "M4 is down during [50, 65)"
    assert chain["constraint:0"].startswith("J3.2 starts after J3.1 ends")
    assert chain["deadline:job:J3"] == ("job J3 must be finished by 70 (its 3 tasks take 62 min in all: "
                                        "J3.1 20 on M2, J3.2 30 on M1, J3.3 12 on M4)")
    windows = texts(windows_overlap())
    assert windows["constraint:1"].startswith("time window of b: start in [1, 3]")
    assert windows["capacity:press"].startswith("press runs one task at a time")
    nurses = texts(short_of_nurses())
    assert nurses == {"rule:0": "bob cannot work any shift on Tue",
                      "cover:0": "on Tue, at least 2 staff with skill nurse on night (2 could: ann, bob)"}


def test_relaxing_by_hand_agrees() -> None:
    """Independent of the module's relaxations: without M4's down time, or with a later deadline, J3 fits."""
    data = chain_past_down_time().model_dump(by_alias=True)
    data["resources"][2]["unavailable"] = []
    assert feasible(Problem.model_validate(data))
    data = chain_past_down_time().model_dump(by_alias=True)
    data["jobs"][0]["deadline"] = 77
    assert feasible(Problem.model_validate(data))


def test_a_feasible_model_has_no_conflict() -> None:
    model = Problem.model_validate({"tasks": [{"id": "a", "deadline": 5, "modes": [{"duration": 3}]}]})
    assert conflict(model, time_limit=10) is None
    assert "feasible" in str(find_conflict(model, time_limit=10))


def test_a_spent_budget_is_said_not_guessed() -> None:
    found = find_conflict(chain_past_down_time(), time_limit=0.01)
    assert isinstance(found, str) and "could not be isolated" in found and "ran out" in found


def test_a_quote_is_given_only_when_the_source_says_it() -> None:
    found = conflict(chain_past_down_time(), time_limit=30)
    assert found is not None
    item = next(i for i in found.items if i.id == "down:M4:0")
    assert source_of(item, [("task J3.3", "J3 ends on M4"), ("resource M4", "M4 is serviced from 50 to 65")]) \
        == "M4 is serviced from 50 to 65"
    assert source_of(item, [("resource M4", "M4 is a lathe")]) is None


def test_solve_prints_the_conflict_and_exits_3(tmp_path: Path) -> None:
    path = tmp_path / "late.json"
    path.write_text(chain_past_down_time().to_json())
    result = runner.invoke(app, ["solve", str(path), "-t", "10", "--workers", "1"])
    assert result.exit_code == 3, result.output
    out = result.stdout
    assert "infeasible" in out and "These 4 requirements cannot all hold together" in out
    assert "M4 is down during [50, 65)" in out and "J3.3 starts after J3.2 ends" in out
    result = runner.invoke(app, ["solve", str(path), "-t", "10", "--workers", "1", "--json"])
    assert result.exit_code == 3, result.output
    doc = json.loads(result.stdout)
    assert doc["status"] == "infeasible" and doc["conflict"]["minimal"]
    assert {i["id"] for i in doc["conflict"]["items"]} == {"constraint:0", "constraint:1", "down:M4:0",
                                                           "deadline:job:J3"}
    assert {"id", "kind", "names", "values", "text"} <= set(doc["conflict"]["items"][0])


def test_solve_prints_names_literally_and_null_when_feasible(tmp_path: Path) -> None:
    path = tmp_path / "odd.json"
    path.write_text(json.dumps({"resources": [{"id": "[bold]M"}], "tasks": [
        {"id": t, "deadline": 4, "modes": [{"resources": ["[bold]M"], "duration": 3}]} for t in ("[red]a", "b")]}))
    result = runner.invoke(app, ["solve", str(path), "-t", "10", "--workers", "1"])
    assert result.exit_code == 3 and "[red]a must end by 4" in result.stdout and "[bold]M runs one task" in \
        result.stdout, result.output
    ok = tmp_path / "ok.json"
    ok.write_text(json.dumps({"tasks": [{"id": "a", "modes": [{"duration": 3}]}]}))
    result = runner.invoke(app, ["solve", str(ok), "-t", "5", "--workers", "1", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["conflict"] is None


def test_formulate_quotes_the_sentence_each_item_came_from(tmp_path: Path) -> None:
    text = "One machine M. Job J1 takes 3 hours and is due by 4. Job J2 takes 2 hours and is due by 4."
    answer = {"schema": "ordino/1", "time_unit": "h", "resources": [{"id": "M"}],
              "tasks": [{"id": "J1", "deadline": 4, "modes": [{"resources": ["M"], "duration": 3}]},
                        {"id": "J2", "deadline": 4, "modes": [{"resources": ["M"], "duration": 2}]}],
              "sources": [{"element": "resource M", "quote": "One machine M"},
                          {"element": "task J1", "quote": "Job J1 takes 3 hours and is due by 4"},
                          {"element": "task J2", "quote": "Job J2 takes 2 hours and is due by 4"}]}
    server = ScriptedLLM().start()
    try:
        server.add({"scheduling": True, "class": "single_machine", "unsupported": [], "reason": "one machine"})
        server.add(answer)
        env = {"ORDINO_LLM_BASE_URL": server.url, "ORDINO_LLM_API_KEY": SECRET, "ORDINO_LLM_MODEL": "scripted",
               "ORDINO_CONFIG": str(tmp_path / "no-llm.toml")}
        result = runner.invoke(app, ["formulate", text, "--max-rounds", "1", "-t", "5"], env=env)
    finally:
        server.stop()
    assert result.exit_code == 3, result.output
    out = " ".join(result.stdout.split())
    assert 'J1 must end by 4 (J1 takes 3 h on M) (from "Job J1 takes 3 hours and is due by 4")' in out
    assert 'J2 must end by 4 (J2 takes 2 h on M) (from "Job J2 takes 2 hours and is due by 4")' in out
    assert "M runs one task at a time (it is needed by J1, J2)" in out and '(from "One machine M")' not in out


def test_a_calendar_too_short_for_a_task_says_so() -> None:
    words = texts(calendar_and_deadline(300, resumable=False))["calendar:Lathe"]
    assert "longest stretch of working time is 240 min" in words and "shaft needs 300 without a pause" in words
