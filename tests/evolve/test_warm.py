"""Evolved rules as solve methods and warm starts: single machine, job shop and project, through the CLI."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ordino.cli import app
from ordino.datasets import read_model
from ordino.evolve import CandidateRow, load_heuristic, save_heuristic
from ordino.evolve.rcpsp import RCPSP_ARGS
from ordino.evolve.warm import rule_schedule
from ordino.heuristics.project.data import project_from_problem
from ordino.heuristics.project.sgs import project_makespan, serial_sgs
from ordino.heuristics.shop.data import shop_from_problem
from ordino.heuristics.shop.gt import generate, makespan_of
from ordino.models import Schedule
from ordino.solve import solve
from ordino.verify import verify
from tests.conftest import EXAMPLES

runner = CliRunner()
FT06 = str(EXAMPLES / "ft06_job_shop.json")
SMTT = str(EXAMPLES / "single_machine_weighted_tardiness.json")
PROJECT = str(EXAMPLES / "rcpsp_project.json")
JSSP_ARGS = "duration, work_remaining, ops_remaining, est, ect, machine_ready, work_total, arrival"


def _rule(tmp_path, name: str, problem: str, kind: str, signature: str, body: str):
    code = f"import numpy as np\n\n\ndef priority({signature}):\n    return {body}\n"
    row = CandidateRow(name, 0, 0, "llm", "manual", code)
    return save_heuristic(tmp_path / f"{name}.py", row, [row], problem=problem, kind=kind)


def _solve(*args: str) -> tuple[dict, str]:
    result = runner.invoke(app, ["solve", *args, "--json", "--workers", "2"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def test_a_job_shop_rule_is_a_method_and_matches_giffler_thompson(tmp_path) -> None:
    path = _rule(tmp_path, "mwkr", "jssp", "jssp", JSSP_ARGS, "-work_remaining")
    data, _ = _solve(FT06, "-m", f"evolved:{path}")
    assert data["status"] == "feasible" and data["violations"] == []
    shop = shop_from_problem(read_model(FT06))
    assert data["objective"] == makespan_of(shop, *generate(shop, "MWKR"))  # the same rule, ordino's own code


def test_a_better_warm_start_is_where_tabu_starts(tmp_path) -> None:
    opt = tmp_path / "opt.json"
    runner.invoke(app, ["solve", FT06, "-m", "cpsat", "-t", "20", "--workers", "2", "--out", str(opt)])
    data, err = _solve(FT06, "-m", "tabu", "-t", "2", "--warm-start", str(opt))
    assert "warm start: objective 55" in err
    assert "warm start: 55" in data["log"] and data["objective"] == 55


def test_a_project_rule_builds_the_serial_sgs_schedule_and_seeds_the_search(tmp_path) -> None:
    path = _rule(tmp_path, "lst", "rcpsp", "rcpsp", ", ".join(RCPSP_ARGS), "ls")
    problem = read_model(PROJECT)
    schedule = rule_schedule(load_heuristic(path), problem, 10)
    assert not verify(problem, schedule).violations
    project = project_from_problem(problem)
    assert schedule.makespan == project_makespan(project, serial_sgs(project, "LST"))
    data, err = _solve(PROJECT, "-m", "sgs", "-t", "2", "--warm-start", str(path))
    assert f"warm start: objective {schedule.makespan}" in err
    assert data["objective"] <= schedule.makespan


def test_ils_starts_from_the_warm_start_only_when_it_beats_the_rules(tmp_path) -> None:
    spt = _rule(tmp_path, "lpt", "smtt", "priority", "p, d, w, t, rem, pmean, pmax", "-p")
    problem = read_model(SMTT)
    warm = rule_schedule(load_heuristic(spt), problem, 10)
    worst = verify(problem, warm).objective
    res = solve(problem, "ils", time_limit=1, warm_start=warm)
    assert any(line.startswith(f"warm start: {worst:g}, the best rule's") for line in res.log)
    assert res.objective is not None and res.objective < worst
    best = solve(problem, "dp").schedule  # the optimum beats every rule: the search starts there
    assert best is not None
    res = solve(problem, "ils", time_limit=1, warm_start=best)
    assert res.log == [f"warm start: {verify(problem, best).objective:g}"]
    assert res.objective == verify(problem, best).objective


def test_a_broken_warm_start_is_refused_in_one_line(tmp_path) -> None:
    opt = tmp_path / "opt.json"
    runner.invoke(app, ["solve", FT06, "-m", "gt", "--out", str(opt)])
    doc = json.loads(opt.read_text())
    doc["tasks"][0]["start"] += 1000  # now it overlaps nothing but breaks its job's order or runs late
    doc["tasks"][1]["start"] = doc["tasks"][0]["start"]
    opt.write_text(json.dumps(doc))
    result = runner.invoke(app, ["solve", FT06, "--warm-start", str(opt)])
    assert result.exit_code != 0 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "the warm start breaks" in lines[0] and "opt.json" in lines[0]


def test_the_portfolio_keeps_a_feasible_warm_start_and_ignores_a_broken_one() -> None:
    problem = read_model(FT06)
    gt = solve(problem, "gt", time_limit=2)
    assert gt.schedule is not None
    res = solve(problem, "portfolio", time_limit=3, workers=2, warm_start=gt.schedule)
    assert res.log[0] == f"warm start: {gt.objective:g}" and res.objective == 55 and not res.violations
    broken = Schedule.of([(t.task, t.mode, t.start, t.end) for t in gt.schedule.tasks[1:]])  # a task is missing
    bad = solve(problem, "portfolio", time_limit=3, workers=2, warm_start=broken)
    assert bad.log[0].startswith("warm start ignored: ") and bad.objective == 55 and not bad.violations
