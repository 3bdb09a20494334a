"""Every command takes every model family, or refuses it with one line and exit code 2."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ordino.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
ROSTER = str(EXAMPLES / "nurse_roster.json")
LINEAR = str(EXAMPLES / "production_plan.json")
FT06 = str(EXAMPLES / "ft06_job_shop.json")


def one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and "Traceback" not in output, output
    return lines[0]


def test_solve_a_roster_keeps_the_staff_names_and_verifies(tmp_path):
    out = tmp_path / "roster.json"
    result = runner.invoke(app, ["solve", ROSTER, "-t", "20", "--workers", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "optimal objective 0" in result.stdout and "Anna" in result.stdout and "Sun" in result.stdout
    roster = json.loads(out.read_text())
    assert {a["staff"] for a in roster["assignments"]} <= {"Anna", "Ben", "Chloe", "Dev", "Ella"}
    assert not any(a["staff"] == "Anna" and a["day"] in ("Sat", "Sun") for a in roster["assignments"])
    check = runner.invoke(app, ["verify", ROSTER, str(out), "--json"])
    assert check.exit_code == 0 and json.loads(check.stdout)["violations"] == []


def test_solve_json_of_a_linear_model_is_verified_from_its_own_output(tmp_path):
    result = runner.invoke(app, ["solve", LINEAR, "--json", "-m", "cpsat", "--workers", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "optimal" and data["objective"] == 115 and data["gap"] == 0
    assert data["solution"]["values"] == {"bread": 10.0, "cake": 15.0}
    saved = tmp_path / "result.json"
    saved.write_text(result.stdout)
    check = runner.invoke(app, ["verify", LINEAR, str(saved)])
    assert check.exit_code == 0 and "feasible, objective 115" in check.stdout


def test_verify_finds_a_broken_roster(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"assignments": [{"staff": "Anna", "shift": "early", "day": "Sat"}]}))
    result = runner.invoke(app, ["verify", ROSTER, str(bad), "--json"])
    assert result.exit_code == 3
    kinds = {v["kind"] for v in json.loads(result.stdout)["violations"]}
    assert "unavailable" in kinds and "cover" in kinds


@pytest.mark.parametrize(("args", "says"), [
    (["export", ROSTER, "--to", "md"], "md describes scheduling models"),
    (["solve", ROSTER, "--gantt", "g.png"], "--gantt draws schedules"),
    (["solve", ROSTER, "-m", "tabu"], "choose one of: auto, cpsat, milp"),
    (["solve", LINEAR, "-m", "milp", "-t", "-1"], "time_limit"),
    (["bench", ROSTER], "'assignment' family"),
    (["bench", LINEAR], "'linear' family"),
    (["verify", LINEAR, ROSTER], "unknown field"),
    (["methods", "--family", "timetable"], "expected one of: scheduling, assignment, linear"),
])
def test_refusals_are_one_line_with_exit_2(args, says, tmp_path):
    result = runner.invoke(app, [str(tmp_path / a) if a == "g.png" else a for a in args])
    assert result.exit_code == 2, result.output
    assert says in one_error_line(result.output)


def test_batch_refuses_a_roster_with_one_line(tmp_path):
    result = runner.invoke(app, ["batch", ROSTER, "--results", str(tmp_path / "runs.db")])
    assert result.exit_code == 2, result.output
    assert "'assignment' family" in one_error_line(result.output)


def test_methods_lists_every_family():
    result = runner.invoke(app, ["methods", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    by_family = {(r["family"], r["name"]) for r in rows}
    assert {("scheduling", "cpsat"), ("scheduling", "tabu"), ("assignment", "cpsat"), ("assignment", "milp"),
            ("linear", "highs"), ("linear", "cpsat")} <= by_family
    only = runner.invoke(app, ["methods", "--family", "linear", "--json"])
    assert {r["family"] for r in json.loads(only.stdout)} == {"linear"}


def test_the_scheduling_path_is_unchanged(tmp_path):
    result = runner.invoke(app, ["verify", FT06, str(tmp_path / "missing.json")])
    assert result.exit_code == 2 and "missing.json" in one_error_line(result.output)


def test_export_writes_a_linear_model_as_lp(tmp_path):
    out = tmp_path / "plan.lp"
    result = runner.invoke(app, ["export", LINEAR, "--to", "lp", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "oven_hours: +1 bread +2 cake <= +40" in out.read_text()
