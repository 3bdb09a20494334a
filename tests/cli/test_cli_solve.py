"""The CLI: solve (text and --json), verify, schema, exit codes, Gantt PNG, no tracebacks."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ordino.cli import app
from tests.conftest import EXAMPLES

runner = CliRunner()
FT06 = str(EXAMPLES / "ft06_job_shop.json")


def test_solve_json_has_stable_keys(tmp_path):
    out = tmp_path / "schedule.json"
    result = runner.invoke(app, ["solve", FT06, "--json", "-t", "20", "--workers", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"status", "objective", "bound", "gap", "runtime", "method", "violations", "schedule"} <= set(data)
    assert data["status"] == "optimal" and data["objective"] == 55 and data["violations"] == []
    check = runner.invoke(app, ["verify", FT06, str(out), "--json"])
    assert check.exit_code == 0 and json.loads(check.stdout)["objective"] == 55


def test_solve_prints_summary_and_gantt(tmp_path):
    png = tmp_path / "g.png"
    result = runner.invoke(app, ["solve", FT06, "-t", "20", "--workers", "2", "--gantt", str(png)])
    assert result.exit_code == 0, result.output
    assert "optimal objective 55" in result.stdout and "M1 |" in result.stdout
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_input_exit_2_without_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"tasks": [{"id": "a", "modes": [{"duration": -3}]}]}')
    result = runner.invoke(app, ["solve", str(bad)])
    assert result.exit_code == 2
    assert "duration" in result.output and "Traceback" not in result.output
    assert runner.invoke(app, ["solve", FT06, "-t", "0"]).exit_code == 2
    assert runner.invoke(app, ["solve", str(tmp_path / "none.json")]).exit_code == 2


def test_infeasible_exit_3(tmp_path):
    problem = {"resources": [{"id": "M"}], "tasks": [
        {"id": "a", "deadline": 4, "modes": [{"resources": ["M"], "duration": 3}]},
        {"id": "b", "deadline": 4, "modes": [{"resources": ["M"], "duration": 3}]}]}
    path = tmp_path / "inf.json"
    path.write_text(json.dumps(problem))
    result = runner.invoke(app, ["solve", str(path), "--json"])
    assert result.exit_code == 3 and json.loads(result.stdout)["status"] == "infeasible"


def test_schema_and_methods():
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert "tasks" in schema["properties"]
    names = {m["name"] for m in json.loads(runner.invoke(app, ["methods", "--json"]).stdout)}
    assert "cpsat" in names


def test_solve_roster_and_linear_files(tmp_path):
    root = EXAMPLES.parent / "tests" / "solvers" / "dev_records"
    for record, expected in (("icml_task3_172", 22), ("optmath_112", 4904)):
        path = tmp_path / f"{record}.json"
        path.write_text(json.dumps(json.loads((root / f"{record}.json").read_text())["model"]))
        result = runner.invoke(app, ["solve", str(path), "--json", "-t", "30", "--workers", "2"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.stdout)  # nothing but JSON on stdout (no solver banner)
        assert data["status"] == "optimal" and round(data["objective"]) == expected and data["violations"] == []
    shown = runner.invoke(app, ["solve", str(tmp_path / "icml_task3_172.json"), "-t", "30"])
    assert "optimal objective 22" in shown.stdout and "Mon" in shown.stdout
