"""Rich markup in user data (task ids, resource names, file names, error messages quoting input) is printed
literally by every command: never interpreted as a style, never a crash of the printer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ordino.cli import app

runner = CliRunner()
CLOSE, RED = "[/x]", "[red]"


def _hostile() -> dict:
    """Two tasks named like markup on a machine named like markup; the problem's name is markup too."""
    return {"schema": "ordino/1", "name": CLOSE, "resources": [{"id": RED}],
            "tasks": [{"id": CLOSE, "modes": [{"resources": [RED], "duration": 3}]},
                      {"id": RED, "modes": [{"resources": [RED], "duration": 4}]}],
            "objective": [{"term": "makespan"}]}


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    """.../plan[/x].json (a folder 'plan[' holding 'x].json') with the hostile problem."""
    path = tmp_path / f"plan{CLOSE}.json"
    path.parent.mkdir()
    path.write_text(json.dumps(_hostile()))
    return path


def _clean(result, code: int) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    return result.output


def test_solve_prints_ids_literally(hostile_file: Path) -> None:
    out = _clean(runner.invoke(app, ["solve", str(hostile_file), "-m", "cpsat", "-t", "5"]), 0)
    assert f"│ {CLOSE} " in out and f"│ {RED} " in out  # the schedule table
    assert f"{RED} |" in out and f"A={CLOSE}" in out and f"B={RED}" in out  # the text Gantt


@pytest.mark.parametrize("name", ["nope[/x].json", "nope[red].json"])
def test_solve_error_names_a_missing_file_literally(tmp_path: Path, name: str) -> None:
    out = _clean(runner.invoke(app, ["solve", str(tmp_path / name)]), 2)
    assert out.strip() == f"error: {tmp_path / name}: file not found"


def test_solve_error_quoting_ids_is_literal(tmp_path: Path) -> None:
    data = _hostile()
    data["tasks"][0]["modes"][0]["resources"] = ["[/y]"]
    path = tmp_path / "bad[red].json"
    path.write_text(json.dumps(data))
    out = _clean(runner.invoke(app, ["solve", str(path)]), 2)
    assert f"error: {path}: " in out and "task '[/x]' mode 0: resource '[/y]' is not declared" in out


def test_verify_prints_violations_literally(tmp_path: Path, hostile_file: Path) -> None:
    schedule = tmp_path / "s[red].json"
    schedule.write_text(json.dumps({"tasks": [{"task": CLOSE, "start": 0, "end": 3},
                                              {"task": RED, "start": 1, "end": 5}]}))
    out = _clean(runner.invoke(app, ["verify", str(hostile_file), str(schedule)]), 3)
    assert "violation" in out and CLOSE in out and RED in out


def test_bench_prints_instance_and_method_literally(hostile_file: Path) -> None:
    out = _clean(runner.invoke(app, ["bench", str(hostile_file), "-m", "cpsat", "-t", "5"]), 0)
    assert f"│ {CLOSE} " in out  # the instance, named after the problem
    unknown = _clean(runner.invoke(app, ["bench", str(hostile_file), "-m", "nope[/x]"]), 2)
    assert "unknown method 'nope[/x]'" in unknown


def test_batch_prints_instances_errors_and_paths_literally(tmp_path: Path, hostile_file: Path) -> None:
    (tmp_path / f"broken{RED}.json").write_text("{[/x] not json")
    db = tmp_path / f"r{RED}.db"
    out = _clean(runner.invoke(app, ["batch", str(tmp_path), "-m", "cpsat", "-t", "5", "--results", str(db)]), 0)
    assert f"│ broken{RED} " in out  # the failures table
    assert f"2 row(s) in {db}\n" in out


def test_formulate_errors_are_literal(tmp_path: Path) -> None:
    missing = tmp_path / "nope[/x].txt"
    out = _clean(runner.invoke(app, ["formulate", "-f", str(missing)]), 2)
    assert out.strip() == f"error: {missing}: file not found"
    text = f"4 jobs on one machine, processing times 3 2 4 1, minimize makespan. {CLOSE} 99 {RED} note"
    out = _clean(runner.invoke(app, ["formulate", "--offline", "--no-solve", text]), 5)
    assert "open question" in out and f"{CLOSE} 99 {RED} note" in out and "the description leaves data out" in out
