"""LLM configuration (environment, config file, limits), key redaction, environments without the key, and
plain-text chat against the scripted server."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ordino.errors import InputError
from ordino.llm.client import LLMClient, LLMConfig, load_config, redact, scrubbed_environ
from tests.llm.hostile_server import leaked
from tests.llm.scripted_server import SECRET, ScriptedLLM


def test_env_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://openai.example/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    assert load_config().base_url == "http://openai.example/v1" and load_config().configured
    monkeypatch.setenv("ORDINO_LLM_BASE_URL", "http://ordino.example/v1")
    monkeypatch.setenv("ORDINO_LLM_MODEL", "qwen")
    config = load_config()
    assert (config.base_url, config.model, config.api_key) == ("http://ordino.example/v1", "qwen", "sk-openai")
    assert load_config(model="flag-model").model == "flag-model"  # flags win
    assert load_config(model=None).model == "qwen"  # None means "not given"


def test_nothing_configured_by_default() -> None:
    config = load_config()
    assert not config.configured and config.base_url is None and config.api_key is None


def test_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "llm.toml"
    path.write_text('[llm]\nbase_url = "http://localhost:8000/v1"\nmodel = "llama"\ntimeout = 12.5\n'
                    'max_retries = 5\napi_key_env = "MY_KEY"\n')
    monkeypatch.setenv("ORDINO_CONFIG", str(path))
    monkeypatch.setenv("MY_KEY", SECRET)
    config = load_config()
    assert (config.base_url, config.model, config.timeout, config.max_retries) == (
        "http://localhost:8000/v1", "llama", 12.5, 5)
    assert config.api_key == SECRET
    monkeypatch.setenv("ORDINO_LLM_MODEL", "env-model")
    assert load_config().model == "env-model"  # environment beats the file


def test_config_file_errors_name_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "llm.toml"
    path.write_text('modle = "typo"\n')
    monkeypatch.setenv("ORDINO_CONFIG", str(path))
    with pytest.raises(InputError, match=r"llm.toml: unknown LLM setting\(s\) \['modle'\]"):
        load_config()
    path.write_text("base_url = \n")
    with pytest.raises(InputError, match="cannot read LLM config"):
        load_config()


def test_key_is_hidden_from_repr_and_public_view() -> None:
    config = LLMConfig(base_url="http://x/v1", api_key=SECRET)
    assert SECRET not in repr(config) and SECRET not in json.dumps(config.public())
    assert config.public()["api_key_set"] is True


def test_redact() -> None:
    assert redact(f"key {SECRET} and prefix {SECRET[:8]}...", SECRET) == "key *** and prefix ***..."
    assert redact("nothing here", None) == "nothing here"


def test_no_key_in_a_child_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ORDINO_LLM_API_KEY", SECRET)
    monkeypatch.setenv("SOME_TOOL_SETTING", f"url=http://x/?k={SECRET}")  # a harmless name holding the key
    monkeypatch.setenv("ORDINO_TEST_HARMLESS", "1")
    load_config()  # registers the key
    script = "import sys; sys.stdout.buffer.write(open('/proc/self/environ', 'rb').read())"
    env = subprocess.run([sys.executable, "-c", script], env=scrubbed_environ(), capture_output=True,
                         check=True).stdout.decode()
    assert "ORDINO_TEST_HARMLESS=1" in env
    assert leaked(env) == [] and "API_KEY" not in env and "SOME_TOOL_SETTING" not in env


def test_limits_from_the_config_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "llm.toml"
    path.write_text("[llm]\ntimeout = 7\nrun_timeout = 30\nmax_reply_bytes = 4096\nmax_failed_calls = 5\n")
    monkeypatch.setenv("ORDINO_CONFIG", str(path))
    c = load_config(run_timeout=12)
    assert (c.timeout, c.run_timeout, c.max_reply_bytes, c.max_failed_calls) == (7, 12, 4096, 5)
    with pytest.raises(InputError, match="max_retries must be an integer"):
        LLMConfig(max_retries=1.5)  # type: ignore[arg-type]


def test_chat_text_for_prose(llm_server: ScriptedLLM, llm_config: LLMConfig) -> None:
    llm_server.add("def priority(job):\n    return job.due")
    client = LLMClient(llm_config)
    reply = client.chat_text([{"role": "user", "content": "write a rule"}])
    assert reply.text.startswith("def priority") and client.usage.calls == 1
    assert llm_server.requests[0].response_format is None
