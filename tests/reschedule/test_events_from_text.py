"""Events from plain words (issue 18, item 4): offline, and with an LLM on a real HTTP server on 127.0.0.1.
What the text leaves out becomes a question; nothing is guessed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ordino import solve
from ordino.cli import app
from ordino.llm.client import LLMConfig
from ordino.models import Result
from ordino.reschedule import reschedule
from ordino.reschedule.llm import read_events_llm
from ordino.reschedule.text import read_events
from tests.conftest import EXAMPLES, example
from tests.llm.scripted_server import ScriptedLLM

runner = CliRunner()


def _events(text: str, zero: str | None = None) -> list[dict]:
    reading = read_events(text, example("ft06_job_shop"), now=8, zero=zero)
    assert reading.events is not None, reading.questions
    return [e.model_dump(exclude_none=True, exclude={"chain", "constraints"}) for e in reading.events.events]


@pytest.mark.parametrize(("text", "expected"), [
    ("M2 breaks down at 10 for 5.", [{"type": "breakdown", "resource": "M2", "start": 10, "end": 15}]),
    ("Machine M3 is down from 12 to 20", [{"type": "breakdown", "resource": "M3", "start": 12, "end": 20}]),
    ("M1 fails for 6", [{"type": "breakdown", "resource": "M1", "start": 8, "end": 14}]),
    ("M4 goes down at 9 until 11", [{"type": "breakdown", "resource": "M4", "start": 9, "end": 11}]),
    ("J1.3 now takes 9; cancel J4", [{"type": "duration", "task": "J1.3", "duration": 9},
                                      {"type": "cancel", "job": "J4"}]),
    ("J1.2 takes 3 longer", [{"type": "duration", "task": "J1.2", "duration": 3 + 3}]),  # 3 in ft06, 3 more
    ("J2 is now due at 40. J5 cannot start before 30.", [{"type": "due", "job": "J2", "due": 40},
                                                          {"type": "release", "job": "J5", "release": 30}]),
    ("Rush J1, due 25", [{"type": "rush", "job": "J1", "due": 25}]),
    ("J6 was cancelled", [{"type": "cancel", "job": "J6"}]),
])
def test_plain_words_become_events(text: str, expected: list[dict]) -> None:
    got = _events(text)
    assert [{k: v for k, v in e.items() if k in x} for e, x in zip(got, expected, strict=True)] == expected


def test_a_new_job_lists_its_route_and_hours_become_minutes() -> None:
    new = _events("new job X: M1 4, M3 2")[0]
    assert new["job"]["id"] == "X" and [(t["id"], t["modes"][0]["resources"], t["modes"][0]["duration"])
                                        for t in new["tasks"]] == [("X.1", ["M1"], 4), ("X.2", ["M3"], 2)]
    assert _events("M2 breaks down at 10:00 for 2 hours", zero="09:30")[0] == {
        "type": "breakdown", "resource": "M2", "start": 30, "end": 150}  # ft06 counts minutes


@pytest.mark.parametrize(("text", "fragment"), [
    ("M1 fails", "how long is M1 down"),
    ("rush J3", "how urgent is J3"),
    ("M2 breaks down at 10:00 for 2 hours", "clock time"),
    ("The forklift is broken at 5", "I could not read 'The forklift is broken at 5'"),
    ("Thanks", "no event"),
])
def test_what_is_missing_is_asked_never_guessed(text: str, fragment: str) -> None:
    reading = read_events(text, example("ft06_job_shop"), now=8)
    assert reading.events is None and any(fragment in q for q in reading.questions), reading.questions


def test_say_on_the_command_line_repairs_or_asks(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    planned = solve(example("ft06_job_shop"), method="cpsat", time_limit=10, workers=2)
    assert isinstance(planned, Result) and planned.schedule is not None
    plan.write_text(planned.schedule.model_dump_json())
    ft06 = str(EXAMPLES / "ft06_job_shop.json")
    done = runner.invoke(app, ["reschedule", ft06, str(plan), "--now", "8", "--say", "M2 breaks down at 10 for 5. "
                               "Cancel J4. Thanks!", "--json", "-t", "5"])
    assert done.exit_code == 0, done.output
    data = json.loads(done.stdout)
    assert {c["change"] for c in data["changes"] if c["task"].startswith("J4.")} == {"cancelled"}
    asked = runner.invoke(app, ["reschedule", ft06, str(plan), "--now", "8", "--say", "M2 breaks down"])
    assert asked.exit_code == 5 and "how long is M2 down" in asked.output


def test_the_llm_reads_events_and_its_questions_pass_through(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    problem = example("ft06_job_shop")
    llm_server.add({"events": [{"type": "breakdown", "resource": "M9", "start": 10, "end": 12}], "questions": []})
    llm_server.add({"events": [{"type": "breakdown", "resource": "M2", "start": 10, "end": 12}], "questions": []})
    reading = read_events_llm("the second machine is down from 10 to 12", problem, 8, llm_config)
    assert reading.events is not None and reading.events.events[0].model_dump()["resource"] == "M2"
    assert "M9" in llm_server.requests[1].last_message  # the unknown name went back to the model once
    assert "M1, M2" in llm_server.requests[0].body["messages"][0]["content"]  # it was told the names
    plan = solve(problem, method="cpsat", time_limit=10, workers=2)
    assert isinstance(plan, Result) and plan.schedule is not None
    repair = reschedule(problem, plan.schedule, 8, reading.events, time_limit=5)
    assert repair.result.status in ("optimal", "feasible") and not repair.result.violations
    llm_server.add({"events": [], "questions": ["For how long is M2 down?"]})
    asked = read_events_llm("M2 is down", problem, 8, llm_config)
    assert asked.events is None and asked.questions == ["For how long is M2 down?"]
