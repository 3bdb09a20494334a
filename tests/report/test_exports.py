"""--csv, --xlsx and --report from the command line: read back with the csv module and openpyxl, names kept."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from ordino.cli import app
from ordino.models import Problem, load_model, load_schedule
from ordino.verify import verify

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_schedule_csv_and_workbook_have_a_row_per_task(tmp_path: Path) -> None:
    source = EXAMPLES / "calendar_workshop.json"
    res = runner.invoke(app, ["solve", str(source), "-t", "5", "--out", str(tmp_path / "s.json"),
                              "--csv", str(tmp_path / "s.csv"), "--xlsx", str(tmp_path / "s.xlsx"),
                              "--report", str(tmp_path / "s.html")])
    assert res.exit_code == 0, res.output
    problem = load_model(source)
    assert isinstance(problem, Problem)
    schedule = load_schedule(tmp_path / "s.json")
    assert verify(problem, schedule).feasible
    with (tmp_path / "s.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["task"]: (int(r["start"]), int(r["end"])) for r in rows} == {
        e.task: (e.start, e.end) for e in schedule.tasks}
    assert all(r["start_time"][:3] in ("Mon", "Tue", "Wed", "Thu", "Fri") for r in rows)
    sheet = load_workbook(tmp_path / "s.xlsx")["schedule"]
    values = list(sheet.values)
    assert values[0][:6] == ("task", "job", "mode", "resources", "start", "end")
    assert sorted(v[0] for v in values[1:]) == sorted(e.task for e in schedule.tasks)
    assert (tmp_path / "s.html").read_text().count('"kind":"schedule"') == 1


def test_roster_workbook_has_assignments_and_the_grid_in_day_order(tmp_path: Path) -> None:
    source = EXAMPLES / "nurse_roster.json"
    res = runner.invoke(app, ["solve", str(source), "-t", "10", "--json", "--csv", str(tmp_path / "r.csv"),
                              "--xlsx", str(tmp_path / "r.xlsx")])
    assert res.exit_code == 0, res.output
    roster = json.loads(res.stdout)["roster"]["assignments"]
    with (tmp_path / "r.csv").open(newline="") as handle:
        assert list(csv.DictReader(handle)) == [{k: a[k] for k in ("staff", "shift", "day")} for a in roster]
    book = load_workbook(tmp_path / "r.xlsx")
    grid = list(book["roster"].values)
    problem = load_model(source)
    assert grid[0] == ("staff", *problem.days)  # type: ignore[union-attr]
    worked = {(a["staff"], a["day"]): a["shift"] for a in roster}
    for person, *cells in grid[1:]:
        for day, cell in zip(problem.days, cells, strict=True):  # type: ignore[union-attr]
            assert (cell or None) == worked.get((person, day))


def test_linear_models_are_refused_before_solving(tmp_path: Path) -> None:
    res = runner.invoke(app, ["solve", str(EXAMPLES / "production_plan.json"), "--csv", str(tmp_path / "x.csv")])
    assert res.exit_code == 2 and "linear model" in res.stderr
    assert not (tmp_path / "x.csv").exists()


def test_report_command_needs_the_solution_of_a_model(tmp_path: Path) -> None:
    res = runner.invoke(app, ["report", str(EXAMPLES / "ft06_job_shop.json"), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 2 and "--solution" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    res = runner.invoke(app, ["report", str(tmp_path / "missing.csv")])
    assert res.exit_code == 2 and "no such file" in res.stderr
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    res = runner.invoke(app, ["report", str(junk)])
    assert res.exit_code == 2 and "junk.db" in res.stderr


def test_report_command_from_a_solve(tmp_path: Path) -> None:
    source = EXAMPLES / "rcpsp_project.json"
    assert runner.invoke(app, ["solve", str(source), "-t", "5", "--out", str(tmp_path / "s.json")]).exit_code == 0
    res = runner.invoke(app, ["report", str(source), "--solution", str(tmp_path / "s.json"), "-o",
                              str(tmp_path / "r.html")])
    assert res.exit_code == 0, res.output
    page = (tmp_path / "r.html").read_text()
    assert '"resource":"workers"' in page and '"task":"foundation"' in page


def test_batch_results_as_csv_workbook_and_report(tmp_path: Path) -> None:
    db = tmp_path / "results.db"
    res = runner.invoke(app, ["batch", str(EXAMPLES / "ft06_job_shop.json"), str(EXAMPLES / "parallel_machines.json"),
                              "-m", "cpsat", "-t", "5", "--results", str(db), "--csv", str(tmp_path / "b.csv"),
                              "--xlsx", str(tmp_path / "b.xlsx"), "--report", str(tmp_path / "b.html"), "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)["rows"]
    with (tmp_path / "b.csv").open(newline="") as handle:
        stored = list(csv.DictReader(handle))
    assert sorted((r["instance"], r["status"]) for r in stored) == sorted((r["instance"], r["status"]) for r in rows)
    assert set(rows[0]) <= set(stored[0]) | {"finished_at"}  # the JSON keys stay
    sheet = list(load_workbook(tmp_path / "b.xlsx")["results"].values)
    assert len(sheet) == len(rows) + 1
    assert (tmp_path / "b.html").read_text().count('"kind":"runs"') == 1


def test_report_refuses_a_solution_the_model_forbids(tmp_path: Path) -> None:
    source = EXAMPLES / "ft06_job_shop.json"
    assert runner.invoke(app, ["solve", str(source), "-t", "5", "--out", str(tmp_path / "s.json")]).exit_code == 0
    data = json.loads((tmp_path / "s.json").read_text())
    data["tasks"][0]["start"] += 1  # the task now ends later than its length allows
    (tmp_path / "bad.json").write_text(json.dumps(data))
    res = runner.invoke(app, ["report", str(source), "--solution", str(tmp_path / "bad.json"), "-o",
                              str(tmp_path / "r.html")])
    assert res.exit_code == 2 and "breaks the model" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


def test_a_start_with_a_unit_that_is_no_clock_gives_plain_numbers(tmp_path: Path) -> None:
    problem = {"schema": "ordino/1", "time_unit": "unit", "start": "2026-12-07 08:00", "resources": [{"id": "M"}],
               "tasks": [{"id": "A", "modes": [{"resources": ["M"], "duration": 3}]},
                         {"id": "B", "modes": [{"resources": ["M"], "duration": 2}]}],
               "objective": [{"term": "makespan"}]}
    (tmp_path / "p.json").write_text(json.dumps(problem))
    res = runner.invoke(app, ["solve", str(tmp_path / "p.json"), "--csv", str(tmp_path / "s.csv"), "--report",
                              str(tmp_path / "r.html")])
    assert res.exit_code == 0, res.output
    with (tmp_path / "s.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["task"] for r in rows] and "start_time" not in rows[0]
    assert '"clock":null' in (tmp_path / "r.html").read_text()
