"""`ordino formulate` through typer's CliRunner, against the scripted LLM server."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from ordino.cli import formulate as formulate_cli
from ordino.models import load_problem, load_schedule
from ordino.verify import verify
from tests.formulate.answers import CLASSIFY_OK, CRITIC_OK, GOOD, OPTIMUM, TEXT, infeasible
from tests.llm.scripted_server import SECRET, ScriptedLLM

runner = CliRunner()
app = typer.Typer()
formulate_cli.register(app)


@app.callback()
def _group() -> None:
    """Keep `formulate` a sub-command."""


def invoke(server: ScriptedLLM, *args: str):
    env = {"ORDINO_LLM_BASE_URL": server.url, "ORDINO_LLM_API_KEY": SECRET, "ORDINO_LLM_MODEL": "scripted"}
    return runner.invoke(app, ["formulate", *args], env=env)


def test_json_output_has_stable_keys(llm_server: ScriptedLLM, tmp_path: Path) -> None:
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    out, trans = tmp_path / "problem.json", tmp_path / "run.json"
    result = invoke(llm_server, TEXT, "--json", "--out", str(out), "--transcript", str(trans), "-t", "5")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"status", "engine", "rounds", "objective", "problem", "questions", "error"} <= set(data)
    assert (data["status"], data["engine"], data["rounds"], data["objective"]) == ("optimal", "llm", 1, OPTIMUM)
    problem = load_problem(out)
    assert [t.id for t in problem.tasks] == ["J1", "J2", "J3"]
    schedule_file = tmp_path / "schedule.json"
    schedule_file.write_text(json.dumps(data["schedule"]))
    report = verify(problem, load_schedule(schedule_file))
    assert report.feasible and report.objective == OPTIMUM
    run = json.loads(trans.read_text())
    assert run["engine"] == "llm" and [e["stage"] for e in run["transcript"]][-1] == "done"
    assert SECRET not in trans.read_text() and SECRET not in result.output


def test_readable_output_with_math_and_gantt(llm_server: ScriptedLLM, tmp_path: Path) -> None:
    llm_server.add(CLASSIFY_OK).add(GOOD).add(CRITIC_OK)
    text_file = tmp_path / "problem.txt"
    text_file.write_text(TEXT)
    png = tmp_path / "g.png"
    result = invoke(llm_server, "-f", str(text_file), "--show-math", "--gantt", str(png), "-t", "5")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Tasks (single_machine" in out and "total_tardiness" in out
    assert "minimise 1 * total_tardiness" in out  # --show-math
    assert "M |" in out and "A=J1" in out  # text Gantt, one row per resource
    assert f"objective {OPTIMUM}" in out
    assert png.stat().st_size > 1000


def test_infeasible_exits_3(llm_server: ScriptedLLM) -> None:
    llm_server.add(CLASSIFY_OK).add(infeasible())
    result = invoke(llm_server, TEXT, "--max-rounds", "1", "--json", "-t", "5")
    assert result.exit_code == 3, result.output
    data = json.loads(result.stdout)
    assert data["status"] == "infeasible" and "contradictory" in data["error"]


def test_formulation_failure_exits_2_with_one_line(llm_server: ScriptedLLM, tmp_path: Path) -> None:
    llm_server.add(CLASSIFY_OK).add("no idea").add("still no idea")
    trans = tmp_path / "run.json"
    result = invoke(llm_server, TEXT, "--max-rounds", "2", "--transcript", str(trans))
    assert result.exit_code == 2
    assert "no valid model after 2 round(s)" in result.stderr
    assert "Traceback" not in result.output
    assert json.loads(trans.read_text())["status"] == "failed"


def test_failure_json_keeps_the_keys(llm_server: ScriptedLLM) -> None:
    llm_server.add(CLASSIFY_OK).add("no idea")
    result = invoke(llm_server, TEXT, "--max-rounds", "1", "--json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["status"] == "failed" and data["problem"] is None and "no valid model" in data["error"]


def test_endpoint_down_is_one_line_exit_1(llm_server: ScriptedLLM) -> None:
    for _ in range(4):
        llm_server.add(status=503, error="maintenance", headers={"retry-after-ms": "5"})
    result = invoke(llm_server, TEXT)
    assert result.exit_code == 1
    assert "HTTP 503" in result.stderr and SECRET not in result.output


def test_bad_input_messages() -> None:
    empty = runner.invoke(app, ["formulate"])
    assert empty.exit_code == 2 and "give a description" in empty.stderr
    both = runner.invoke(app, ["formulate", "x", "-f", "y.txt"])
    assert both.exit_code == 2 and "not both" in both.stderr
    missing = runner.invoke(app, ["formulate", "-f", "/nonexistent/problem.txt"])
    assert missing.exit_code == 2 and "file not found" in missing.stderr
    blank = runner.invoke(app, ["formulate", "   ", "--llm", "--base-url", "http://127.0.0.1:9/v1"])
    assert blank.exit_code == 2 and "description is empty" in blank.stderr


def test_no_llm_configured_says_offline(monkeypatch) -> None:
    result = runner.invoke(app, ["formulate", TEXT, "--no-solve", "--json"])
    assert "engine: offline (no LLM configured" in result.stderr
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["engine"] == "offline" and data["status"] == "formulated"
    assert len(data["problem"]["tasks"]) == 3


def test_offline_ask_keeps_json_on_stdout_clean() -> None:
    text = "Three jobs on one machine, minimize total tardiness"
    result = runner.invoke(app, ["formulate", text, "--offline", "--ask", "--json", "-t", "5"],
                           input="4 3 9\n3 2 4\n\n\n\n")
    assert result.exit_code == 0, result.output
    assert "due dates" not in result.stdout  # the questions go to stderr (CliRunner echoes typed input to stdout)
    data = json.loads(result.stdout[result.stdout.index("{"):])
    assert data["engine"] == "offline" and data["status"] == "optimal" and len(data["problem"]["tasks"]) == 3
    assert "due dates" in result.stderr
