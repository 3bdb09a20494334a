"""Find and repair the JSON object in an LLM answer (code fences, prose around it, trailing commas...)."""

from __future__ import annotations

import json
import re
from typing import Any

_FENCE = re.compile(r"```(?:json|JSON)?\s*\n(.*?)```", re.DOTALL)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_LINE_COMMENT = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*')
_PY_LITERALS = {"True": "true", "False": "false", "None": "null"}


def extract_json(text: str) -> Any:
    """The first JSON object in `text`, repaired if needed.

    Raises
    ------
    ValueError
        With a message that says what was wrong, to be sent back to the LLM.
    """
    if not text or not text.strip():
        raise ValueError("the answer was empty; reply with one JSON object")
    candidates = [m.group(1) for m in _FENCE.finditer(text)]
    balanced = _balanced_object(text)
    if balanced is not None:
        candidates.append(balanced)
    candidates.append(text.strip())
    first_error = None
    for candidate in candidates:
        for attempt in (candidate, _repair(candidate)):
            try:
                return integral_floats(json.loads(attempt))
            except json.JSONDecodeError as exc:
                if first_error is None:
                    first_error = f"{exc.msg} at line {exc.lineno} column {exc.colno}"
    if balanced is None and "{" not in text:
        raise ValueError("the answer contains no JSON object; reply with one JSON object only")
    raise ValueError(f"the answer is not valid JSON ({first_error}); reply with one valid JSON object only")


def _balanced_object(text: str) -> str | None:
    """The substring from the first '{' to its matching '}' (string-aware), or None."""
    start = text.find("{")
    if start < 0:
        return None
    depth, in_string, escape = 0, False, False
    for i in range(start, len(text)):
        ch = text[i]
        if in_string:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
    return None


def _repair(text: str) -> str:
    """Lossless fixes only: comments, trailing commas, Python literals outside strings."""
    out = _LINE_COMMENT.sub(lambda m: m.group(1) or "", text)
    out = _TRAILING_COMMA.sub(r"\1", out)
    return re.sub(r'("(?:\\.|[^"\\])*")|\b(True|False|None)\b',
                  lambda m: m.group(1) or _PY_LITERALS[m.group(2)], out)


def integral_floats(value: Any) -> Any:
    """Turn floats with no fractional part (3.0) into ints; others are kept for validation to reject."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [integral_floats(v) for v in value]
    if isinstance(value, dict):
        return {k: integral_floats(v) for k, v in value.items()}
    return value
