"""`ordino reschedule`: the repair in text and --json, its files, and one line with exit 2 for bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ordino.cli import app
from ordino.models import Schedule
from tests.conftest import EXAMPLES

runner = CliRunner()
FT06 = str(EXAMPLES / "ft06_job_shop.json")


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plan") / "plan.json"
    result = runner.invoke(app, ["solve", FT06, "--json", "-t", "20", "--workers", "2"])
    assert result.exit_code == 0, result.output
    path.write_text(result.stdout)
    return path


def _events(tmp_path: Path, events: object) -> str:
    path = tmp_path / "events.json"
    path.write_text(events if isinstance(events, str) else json.dumps(events))
    return str(path)


def test_reschedule_json_gives_both_parts_and_the_diff(tmp_path: Path, plan: Path) -> None:
    events = _events(tmp_path, {"schema": "ordino-events/1", "events": [
        {"type": "breakdown", "resource": "M2", "start": 10, "end": 20}, {"type": "cancel", "job": "J6"}]})
    out, png = tmp_path / "new.json", tmp_path / "new.png"
    result = runner.invoke(app, ["reschedule", FT06, str(plan), "--now", "8", "--events", events, "-t", "10",
                                 "--json", "--out", str(out), "--gantt", str(png)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["status"] in ("optimal", "feasible") and data["violations"] == []
    assert data["objective"] == pytest.approx(data["objective_part"] + data["stability_part"])
    changes = {c["task"]: c["change"] for c in data["changes"]}
    assert {changes[f"J6.{k}"] for k in range(1, 7)} == {"cancelled"}
    assert data["moved"] == sum(c in ("moved", "resource", "redone") for c in changes.values())
    written = Schedule.model_validate_json(out.read_text())
    assert {e.task for e in written.tasks} == {t for t, c in changes.items() if c != "cancelled"}
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_reschedule_prints_what_changed(tmp_path: Path, plan: Path) -> None:
    events = _events(tmp_path, [{"type": "breakdown", "resource": "M1", "start": 5, "end": 30}])
    result = runner.invoke(app, ["reschedule", FT06, str(plan), "--now", "5", "--events", events, "-t", "10"])
    assert result.exit_code == 0, result.output
    assert "stability" in result.stdout and "moved" in result.stdout and "M1 |" in result.stdout


@pytest.mark.parametrize(("events", "now", "fragment"), [
    ([{"type": "breakdown", "resource": "M2", "start": 9, "end": 9}], "3", "end 9 must be after start 9"),
    ([{"type": "breakdown", "resource": "M7", "start": 1, "end": 9}], "3", "unknown resource 'M7'"),
    ([{"type": "cancel", "task": "J1.9"}], "3", "unknown task 'J1.9'"),
    ([{"type": "explode"}], "3", "unknown event type 'explode'"),
    ([{"type": "new_job", "job": {"id": "N"},
       "tasks": [{"id": "N1", "modes": [{"resources": ["Z9"], "duration": 2}]}]}], "3",
     "after the events: task 'N1' mode 0: resource 'Z9' is not declared"),
    ([{"type": "breakdown", "resource": "M1", "start": 1, "end": 4, "colour": "red"}], "3", "colour: unknown field"),
    ("[{", "3", "events.json"),
    ([], "999999", "horizon"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, plan: Path, events: object, now: str,
                                          fragment: str) -> None:
    result = runner.invoke(app, ["reschedule", FT06, str(plan), "--now", now, "--events", _events(tmp_path, events)])
    assert result.exit_code == 2, result.output
    assert fragment in result.output and "Traceback" not in result.output


def test_a_schedule_of_another_problem_is_exit_2(plan: Path) -> None:
    other = str(EXAMPLES / "flexible_job_shop.json")
    result = runner.invoke(app, ["reschedule", other, str(plan), "--now", "3"])
    assert result.exit_code == 2 and "does not match the problem" in result.output
