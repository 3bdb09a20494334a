"""LLM configuration, JSON extraction/repair, key redaction, and the prompts rendered from the ontology."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from llm_server import SECRET

from ordino.errors import InputError
from ordino.formulate.templates import examples, render
from ordino.llm.client import LLMConfig, load_config, redact
from ordino.llm.jsonfix import extract_json
from ordino.models import CONSTRAINT_TYPES, TERM_DEFINITIONS, Task, classify, problem_from_dict
from ordino.solve import solve
from ordino.verify import verify


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


@pytest.mark.parametrize("text", [
    '{"a": 1}',
    'Sure, here it is:\n```json\n{"a": 1}\n```\nAnything else?',
    'The answer is {"a": 1} as requested.',
    '{"a": 1,}',
    '{\n  "a": 1 // the value\n}',
    '{"a": 1.0}',
])
def test_extract_json_finds_and_repairs(text: str) -> None:
    assert extract_json(text) == {"a": 1}


def test_extract_json_keeps_strings_intact() -> None:
    assert extract_json('{"url": "http://a//b", "flag": True, "x": "True"}') == {
        "url": "http://a//b", "flag": True, "x": "True"}
    assert extract_json('{"d": 2.5}') == {"d": 2.5}  # fractions stay for validation to reject


@pytest.mark.parametrize(("text", "message"), [
    ("", "empty"), ("I cannot do that.", "no JSON object"), ('{"a": [1, 2}', "not valid JSON"),
])
def test_extract_json_errors_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        extract_json(text)


def test_prompts_are_rendered_from_the_ontology() -> None:
    prompt = render("extract")
    for constraint in CONSTRAINT_TYPES:
        tag = constraint.model_fields["type"].default
        assert f'"type": "{tag}"' in prompt
        first_line = constraint.__doc__.strip().splitlines()[0]
        assert first_line in prompt
    for term, definition in TERM_DEFINITIONS.items():
        assert f"`{term}`: {definition}" in prompt
    assert Task.__doc__.strip().splitlines()[0] in prompt
    assert "`absence_penalty`: integer (default 0)" in prompt
    critic = render("critic_user", text="T", summary="S", result_line="optimal, objective 3", hints=["h1"])
    assert "optimal, objective 3" in critic and "- h1" in critic
    fix = render("fix", stage="infeasible", issues=["conflict: a"])
    assert "- conflict: a" in fix and "no solution satisfies" in fix


def test_worked_examples_are_valid_and_solvable() -> None:
    assert len(examples()) >= 4
    assert any(any(c.get("type") == "separation" for c in ex["problem"].get("constraints", [])) for ex in examples())
    for ex in examples():
        problem = problem_from_dict(ex["problem"], source=ex["class"])
        assert classify(problem) == ex["class"]
        result = solve(problem, method="cpsat", time_limit=5.0)
        assert result.status == "optimal", ex["class"]
        assert verify(problem, result.schedule).feasible
        assert json.dumps(ex["problem"], separators=(",", ":")) in render("extract")
