"""`ordino formulate` against a hostile endpoint on 127.0.0.1: deadlines, byte caps, local token counting,
no history re-sent, and the API key scrubbed from every output in every disguise."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from ordino.cli import formulate as formulate_cli
from ordino.errors import FormulationError
from ordino.formulate import formulate
from ordino.llm.client import LLMConfig, LLMLimit
from tests.formulate.answers import CLASSIFY_OK, CRITIC_OK, GOOD, TEXT
from tests.llm.hostile_server import (
    LEAKS,
    HostileLLM,
    chunked,
    delayed,
    escaped_envelope,
    gzipped,
    leaked,
    raw,
    reply,
    silent,
    trickle,
)
from tests.llm.scripted_server import SECRET

runner = CliRunner()
app = typer.Typer()
formulate_cli.register(app)


@app.callback()
def _group() -> None:
    """Keep `formulate` a sub-command."""


@pytest.fixture
def hostile() -> Iterator[HostileLLM]:
    server = HostileLLM()
    yield server
    server.stop()


def config(server: HostileLLM, **changes: float) -> LLMConfig:
    return LLMConfig(**{"base_url": server.url, "api_key": SECRET, "timeout": 5.0, "max_retries": 0, **changes})


def cli(server: HostileLLM, *args: str):
    env = {"ORDINO_LLM_BASE_URL": server.url, "ORDINO_LLM_API_KEY": SECRET, "ORDINO_LLM_MAX_RETRIES": "0"}
    return runner.invoke(app, ["formulate", TEXT, "-t", "5", *args], env=env)


def error_line(result) -> str:
    """The one line on stderr (never a traceback or an internal error)."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "internal error" not in lines[0] and "Traceback" not in result.output
    return lines[0]


# --- deadlines -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("in_headers", [False, True], ids=["body", "headers"])
def test_a_trickling_server_is_cut_at_the_request_deadline(hostile: HostileLLM, in_headers: bool) -> None:
    hostile.add(trickle(0.2, in_headers))  # every read succeeds: a per-read timeout would wait for hours
    began = time.monotonic()
    result = cli(hostile, "--llm-timeout", "1")
    assert result.exit_code == 1
    assert "did not answer within 1s" in error_line(result)
    assert time.monotonic() - began < 3  # 1 s, plus the command's own work on a loaded machine


def test_the_run_deadline_bounds_retries(hostile: HostileLLM) -> None:
    hostile.add(*[silent] * 10)
    began = time.monotonic()
    with pytest.raises(LLMLimit, match=r"run deadline of 1.5s \(run_timeout\) was reached \(last error: the LLM "
                                       r"endpoint did not answer within 0.3s"):
        formulate(TEXT, engine="llm", config=config(hostile, timeout=0.3, max_retries=10, run_timeout=1.5))
    assert time.monotonic() - began < 2
    assert len(hostile.requests) == 2  # cut at 0.3 s, again after a 0.5 s pause; a 1 s pause would pass 1.5 s


def test_the_run_deadline_bounds_slow_calls(hostile: HostileLLM) -> None:
    hostile.add(*(delayed(0.6, reply(answer)) for answer in (CLASSIFY_OK, GOOD, CRITIC_OK)))
    began = time.monotonic()
    result = cli(hostile, "--llm-run-timeout", "1")  # each call is within the request timeout; together not
    assert result.exit_code == 1
    assert "run deadline of 1s" in error_line(result)
    assert len(hostile.requests) == 2 and time.monotonic() - began < 3


# --- unusable replies ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("act", "message"), [
    (raw(200, b"x" * 10_000_000), "declares 10000000 bytes, over the limit of 1000000 bytes (max_reply_bytes)"),
    (chunked(10_000_000), "sent more than 1000000 bytes"),
    (raw(500, b"x" * 10_000_000), "declares 10000000 bytes"),
    (raw(200, b"<html><body>[/x] bad gateway</body></html>", {"Content-Type": "text/html"}), "is not JSON"),
    (raw(200, b""), "body of 0 bytes that is not JSON"),
    (raw(200, b"[" * 100_000 + b"]" * 100_000), "is not JSON"),
    (raw(200, b'{"id": "x", "choices": []}'), "without choices[0].message.content"),
    (raw(200, b'{"choices": [{"message": {"content": 42}}]}'), "content of type int"),
    (gzipped(json.dumps(CLASSIFY_OK)), "sent a 'gzip'-encoded reply"),
], ids=["10MB", "10MB-chunked", "10MB-error", "html", "empty", "deep", "no-choices", "not-text", "gzip"])
def test_unusable_replies_give_one_clear_line(hostile: HostileLLM, act, message: str) -> None:
    hostile.add(act)
    began = time.monotonic()
    result = cli(hostile)
    assert result.exit_code == 1
    assert message in error_line(result)
    assert time.monotonic() - began < 5


def test_an_answer_nested_too_deep_is_sent_back_as_an_issue(hostile: HostileLLM) -> None:
    hostile.add(reply(CLASSIFY_OK), reply("[" * 50_000 + "]" * 50_000), reply(GOOD), reply(CRITIC_OK))
    f = formulate(TEXT, engine="llm", config=config(hostile), time_limit=5)
    assert f.status == "optimal" and f.rounds == 2
    assert "deeper than 64 levels" in hostile.requests[2]["messages"][-1]["content"]


def test_markup_in_answers_is_printed_as_text(hostile: HostileLLM) -> None:
    hostile.add(reply(CLASSIFY_OK), reply({**GOOD, "name": "[/x] [red]plan"}),
                reply({"ok": False, "issues": ["[/y] wrong [bold]"]}))
    result = cli(hostile, "--max-rounds", "1")
    assert result.exit_code == 0, result.output
    assert "formulated [/x] [red]plan" in result.stdout and "[/y] wrong [bold]" in result.stdout


# --- history and tokens ----------------------------------------------------------------------------------------

def test_fix_rounds_send_the_problem_the_last_answer_and_its_errors(hostile: HostileLLM) -> None:
    answers = [f"round {k}: " + "junk " * 2000 + f"MARKER{k}" for k in (1, 2, 3)]
    hostile.add(reply(CLASSIFY_OK), *(reply(a) for a in answers))
    with pytest.raises(FormulationError, match="no valid model after 3 round"):
        formulate(TEXT, engine="llm", config=config(hostile), max_rounds=3)
    third = hostile.requests[3]["messages"]
    assert [m["role"] for m in third] == ["system", "user", "assistant", "user"]
    assert "MARKER2" in third[2]["content"] and "MARKER1" not in json.dumps(third)
    assert abs(hostile.sizes[3] - hostile.sizes[2]) < 100  # the request does not grow round after round


def test_the_token_budget_counts_bytes_not_the_servers_usage(hostile: HostileLLM) -> None:
    hostile.add(reply({**CLASSIFY_OK, "reason": "x" * 120_000}, usage=(0, 0)), reply(GOOD))
    with pytest.raises(LLMLimit, match="token budget of 20000 exhausted") as info:
        formulate(TEXT, engine="llm", config=config(hostile, token_budget=20_000))
    assert len(hostile.requests) == 1
    assert info.value.formulation.usage["completion_tokens"] >= 30_000  # 120 kB received, the server said 0
    boastful = 10**9
    hostile.add(*(reply(a, usage=(boastful, boastful)) for a in (CLASSIFY_OK, GOOD, CRITIC_OK)))
    f = formulate(TEXT, engine="llm", config=config(hostile), time_limit=5)
    assert f.status == "optimal" and f.usage["total_tokens"] < 100_000


# --- secrets ---------------------------------------------------------------------------------------------------

def _escaped(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" for c in text)


def _leaking(form: str) -> list:
    """Classification, model and critic answers that all carry `form`."""
    return [reply({**CLASSIFY_OK, "reason": f"one machine; {form}"}), reply({**GOOD, "name": form}),
            reply({"ok": False, "issues": [f"rename the problem: {form}"]})]


SCRIPTS = {
    **{name: _leaking(form) for name, form in LEAKS.items()},
    "escaped in the answer": [reply(CLASSIFY_OK),
                              reply(json.dumps({**GOOD, "name": "@"}).replace('"@"', f'"{_escaped(SECRET)}"')),
                              reply({"ok": False, "issues": ["the name is " + _escaped(SECRET)]})],
    "escaped in the HTTP body": [escaped_envelope(json.dumps({**CLASSIFY_OK, "reason": SECRET})),
                                 escaped_envelope(json.dumps({**GOOD, "name": SECRET})),
                                 escaped_envelope(json.dumps({"ok": False, "issues": [SECRET]}))],
    "split across answers": [reply({**CLASSIFY_OK, "reason": SECRET[:16]}), reply({**GOOD, "name": SECRET[16:]}),
                             reply({"ok": False, "issues": [SECRET[:16]]})],
    "split across fields": [reply(CLASSIFY_OK), reply({**GOOD, "name": SECRET[:16]}),
                            reply({"ok": False, "issues": [SECRET[:16], SECRET[16:]]})],
}


@pytest.mark.parametrize("as_json", [False, True], ids=["human", "json"])
@pytest.mark.parametrize("name", list(SCRIPTS))
def test_the_key_leaks_into_no_output(hostile: HostileLLM, tmp_path: Path, name: str, as_json: bool) -> None:
    hostile.add(*SCRIPTS[name])
    trans, out = tmp_path / "run.json", tmp_path / "problem.json"
    result = cli(hostile, "--max-rounds", "1", "--transcript", str(trans), "--out", str(out),
                 *(["--json"] if as_json else []))
    assert result.exit_code == 0, result.output
    assert "critic still disputes" in result.output  # the answers were used, their leaks scrubbed
    written = trans.read_text() + out.read_text()
    assert "***" in written
    assert leaked(result.stdout + result.stderr + written) == []


def test_an_error_that_echoes_the_key_escaped_is_scrubbed(hostile: HostileLLM, tmp_path: Path) -> None:
    body = f'{{"error": {{"message": "Incorrect API key provided: {_escaped(SECRET)}"}}}}'.encode()
    hostile.add(raw(401, body))
    trans = tmp_path / "run.json"
    result = cli(hostile, "--transcript", str(trans))
    assert result.exit_code == 1
    line = error_line(result)
    assert "Incorrect API key provided: ***" in line
    assert leaked(result.output + trans.read_text()) == []


# --- settings --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "value", "message"), [
    ("ORDINO_LLM_TIMEOUT", "soon", "ORDINO_LLM_TIMEOUT='soon' is not a number"),
    ("ORDINO_LLM_MAX_REPLY_BYTES", "10", "max_reply_bytes must be an integer >= 1024, got 10"),
    ("ORDINO_LLM_RUN_TIMEOUT", "inf", "run_timeout must be a finite number >= 0, got inf"),
    ("ORDINO_LLM_TIMEOUT", "0", "timeout must be positive"),
])
def test_bad_limits_are_one_line(hostile: HostileLLM, monkeypatch: pytest.MonkeyPatch, name: str, value: str,
                                 message: str) -> None:
    monkeypatch.setenv(name, value)
    result = cli(hostile)
    assert result.exit_code == 2
    assert message in error_line(result)
    assert hostile.requests == []
