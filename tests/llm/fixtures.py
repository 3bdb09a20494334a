"""Fixtures shared by the llm and formulate tests: a clean LLM environment and the scripted server.

Each directory's conftest imports the ones it uses.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ordino.llm.client import LLMConfig
from tests.llm.scripted_server import SECRET, ScriptedLLM

LLM_ENV = ("ORDINO_LLM_BASE_URL", "ORDINO_LLM_MODEL", "ORDINO_LLM_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_KEY",
           "OPENAI_MODEL", "ORDINO_CONFIG")


@pytest.fixture(autouse=True)
def clean_llm_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No LLM configured unless a test says so: the user's environment and config file are ignored."""
    for name in LLM_ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ORDINO_CONFIG", str(tmp_path / "no-llm.toml"))


@pytest.fixture
def llm_server() -> Iterator[ScriptedLLM]:
    """A scripted server on 127.0.0.1 (random port), stopped after the test."""
    server = ScriptedLLM().start()
    yield server
    server.stop()


@pytest.fixture
def llm_config(llm_server: ScriptedLLM) -> LLMConfig:
    """A configuration pointing at the scripted server, with a secret key and fast timeouts."""
    return LLMConfig(base_url=llm_server.url, model="scripted-model", api_key=SECRET, timeout=5.0, max_retries=2)
