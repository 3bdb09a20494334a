"""JSON extraction and repair of LLM answers."""

from __future__ import annotations

import pytest

from ordino.llm.jsonfix import extract_json


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
