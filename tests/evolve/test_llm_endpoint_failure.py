"""`ordino evolve --engine llm` against bad endpoints on 127.0.0.1: one that never answers usefully stops the run
with a clear error and exit 1; one that sends the API key back (plain, escaped, split, spaced, base64) or
candidates that compute it at run time leave it in no output and nowhere in run.db."""

from __future__ import annotations

import base64
import itertools
import json
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ordino.cli import app

KEY = "sk-evolve-KEEP-OUT-7c41d09e5fa2b8"
HEAD = "import numpy as np\n\n\ndef priority(p, d, w, t, rem, pmean, pmax):\n"
runner = CliRunner()

Answer = Callable[[str], tuple[int, bytes]]  # last prompt -> (status, body)


def chat(content: str) -> tuple[int, bytes]:
    return 200, json.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}],
                            "usage": {"prompt_tokens": 1, "completion_tokens": 1}}).encode()


@pytest.fixture
def endpoint() -> Iterator[Callable[[Answer], tuple[str, list[str]]]]:
    """Start a server answering with a given function; yields (base URL, prompts received)."""
    servers: list[ThreadingHTTPServer] = []
    stop = threading.Event()

    def start(answer: Answer) -> tuple[str, list[str]]:
        prompts: list[str] = []

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_POST(self) -> None:  # noqa: N802 - http.server naming
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                prompts.append(body["messages"][-1]["content"])
                status, data = answer(prompts[-1])
                if status == 0:  # never answer
                    stop.wait(30)
                    return
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        servers.append(server)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}/v1", prompts

    yield start
    stop.set()
    for server in servers:
        server.shutdown()
        server.server_close()


def closed_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/v1"


def evolve(url: str, run_dir: Path, *args: str, **env: str):
    env = {"ORDINO_LLM_BASE_URL": url, "ORDINO_LLM_API_KEY": KEY, "ORDINO_LLM_MAX_RETRIES": "0",
           "ORDINO_LLM_TIMEOUT": "0.5", "ORDINO_CONFIG": str(run_dir / "none.toml"), "OPENAI_API_KEY": None,
           "OPENAI_BASE_URL": None, **env}
    return runner.invoke(app, ["evolve", "--engine", "llm", "-g", "0", "-n", "9", "--islands", "1",
                               "--train", "pvw-20x40:train", "--test", "pvw-20x40:test",
                               "--run-dir", str(run_dir), *args], env=env)


@pytest.mark.parametrize(("answer", "message"), [
    (lambda _: (503, b'{"error": {"message": "maintenance"}}'), "never answered: 3 calls in a row failed "
                                                               "(last: the LLM endpoint failed after 0 retries: "
                                                               "HTTP 503: maintenance)"),
    (lambda _: (0, b""), "never answered: 3 calls in a row failed (last: the LLM endpoint did not answer within "
                         "0.5s"),
    (lambda _: (200, b"<html>gateway</html>"), "never answered: 3 calls in a row failed (last: the LLM endpoint "
                                               "answered with a body of 20 bytes that is not JSON"),
    (lambda _: chat("I would rather not write code."), "3 LLM calls in a row failed or gave no usable candidate "
                                                        "(last: the answer has neither"),
], ids=["503", "silent", "html", "no-code"])
def test_an_endpoint_that_never_helps_stops_the_run(endpoint, tmp_path: Path, answer: Answer,
                                                    message: str) -> None:
    url, prompts = endpoint(answer)
    began = time.monotonic()
    result = evolve(url, tmp_path, "--json")
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert len(prompts) == 3 and result.stdout == ""
    assert not (tmp_path / "best.py").exists()
    assert time.monotonic() - began < 10


def test_nothing_listening_stops_the_run(tmp_path: Path) -> None:
    result = evolve(closed_port(), tmp_path)
    assert result.exit_code == 1
    assert "never answered: 3 calls in a row failed (last: cannot reach the LLM endpoint" in result.stderr
    assert "best" not in result.stdout


def test_a_failure_streak_is_configurable_and_reset_by_an_answer(endpoint, tmp_path: Path) -> None:
    calls = iter(range(1000))

    def flaky(prompt: str) -> tuple[int, bytes]:  # fails every other call: never 2 in a row
        if next(calls) % 2:
            return 500, b'{"error": {"message": "flaky"}}'
        if "In at most four sentences" in prompt:
            return chat(json.dumps({"thought": "keep going", "code": ""}))
        return chat(json.dumps({"thought": "stretch", "code": HEAD + "    return np.maximum(t + 1.01 * p, d)\n"}))

    url, prompts = endpoint(flaky)
    result = evolve(url, tmp_path, "--json", ORDINO_LLM_MAX_FAILED_CALLS="2")
    assert result.exit_code == 0, result.output
    # 3 candidates with a failure between each two; no reflection after the last generation (nobody reads it)
    assert json.loads(result.stdout)["best_id"] and len(prompts) == 5


def test_the_summary_counts_requests_and_tokens_per_point(endpoint, tmp_path: Path) -> None:
    url, prompts = endpoint(lambda _: chat(json.dumps({"thought": "sharper", "code": HEAD + "    return np.maximum(t + "
                                                                                          "1.01 * p, d) + 0.1 * p\n"})))
    result = evolve(url, tmp_path, "--max-llm-requests", "2")
    assert result.exit_code == 0, result.output
    assert len(prompts) == 2  # the cap: 3 candidates were wanted
    assert "2 LLM requests" in result.stdout and "tokens (estimated locally)" in result.stdout


# --- the key in candidates --------------------------------------------------------------------------------------

def _escaped(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" for c in text)


_CANDIDATES = itertools.count(1)
ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"
FORMS = [KEY, " ".join(KEY), base64.b64encode(KEY.encode()).decode(), KEY.upper()]


def leaky(prompt: str) -> tuple[int, bytes]:
    """Candidates and reflections that carry the key, in the JSON text and after decoding it."""
    if "In at most four sentences" in prompt:
        return chat(json.dumps({"thought": f"reflection, by the way {FORMS[1]}", "code": ""}))
    if "This candidate failed" in prompt:
        return chat(json.dumps({"thought": f"fixed; the key is {KEY[:16]}",
                                "code": HEAD + f"    # {KEY[16:]}\n    return np.maximum(t + p, d) + 0.03 * p\n"}))
    k = next(_CANDIDATES)
    if k % 3 == 0:  # computes the key at run time (from indices no redaction can read) and raises with it
        code = HEAD + (f"    a = {ALPHABET!r}\n"
                       f"    raise ValueError(''.join([a[i] for i in {[ALPHABET.index(c) for c in KEY]}]))\n")
        return chat(json.dumps({"thought": "an error on purpose", "code": code}))
    if k % 3 == 1:  # \u escapes inside the answer's JSON strings
        code = HEAD + f"    # @\n    return np.maximum(t + {1 + k / 100} * p, d)\n"
        text = json.dumps({"thought": "@", "code": code}).replace("@", _escaped(KEY))
        return chat(text)
    form = FORMS[k % len(FORMS)]
    return chat(json.dumps({"thought": f"idea: {form}",
                            "code": HEAD + f"    # {form}\n    return np.maximum(t + {1 + k / 100} * p, d)\n"}))


def _flat(text: str) -> str:
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return re.sub(r"[^0-9a-z]", "", text.lower())


def leaked(text: str) -> list[str]:
    """Pieces of 10 letters or digits of the key or of its base64 found in `text` (any case, separators and
    \\u escapes ignored)."""
    flat = _flat(text)
    needles = [_flat(KEY), _flat(base64.b64encode(KEY.encode()).decode()[:-4])]
    return [n[i:i + 10] for n in needles for i in range(len(n) - 9) if n[i:i + 10] in flat]


def test_the_key_is_in_no_output_and_nowhere_in_the_archive(endpoint, tmp_path: Path) -> None:
    url, prompts = endpoint(leaky)
    result = evolve(url, tmp_path, "--max-repairs", "1")
    assert result.exit_code == 0, result.output
    db = sqlite3.connect(tmp_path / "run.db")
    cells = [str(v) for table, in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
             for row in db.execute(f"SELECT * FROM {table}") for v in row]
    errors = [e for e, in db.execute("SELECT error FROM candidates WHERE error LIKE 'ValueError%'")]
    db.close()
    stored = "\n".join(cells)
    assert "***" in stored and errors and all("***" in e for e in errors)  # the leaks arrived and were scrubbed
    assert any("This candidate failed" in p for p in prompts)
    assert leaked(stored) == [] and leaked(result.stdout + result.stderr) == []
    assert leaked((tmp_path / "best.py").read_text()) == []
    show = runner.invoke(app, ["evolve", "show", str(tmp_path), "--json"], env={"ORDINO_LLM_API_KEY": KEY})
    assert show.exit_code == 0 and leaked(show.stdout) == []
