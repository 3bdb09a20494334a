"""Find and repair the JSON object in an LLM answer (code fences, prose around it, trailing commas...)."""

from __future__ import annotations

import json
import re
from typing import Any

_FENCE = re.compile(r"```(?:json|JSON)?\s*\n(.*?)```", re.DOTALL)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_LINE_COMMENT = re.compile(r'("(?:\\.|[^"\\])*")|//[^\n]*')
_PY_LITERALS = {"True": "true", "False": "false", "None": "null"}
MAX_DEPTH = 64  # deeper JSON is refused (an ordino model nests less than 10 levels)


def extract_json(text: str) -> Any:
    """The first JSON object in `text`, repaired if needed.

    Raises
    ------
    ValueError
        With a message that says what was wrong, to be sent back to the LLM: no JSON, invalid JSON, JSON nested
        deeper than `MAX_DEPTH`, a number too long to read.
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
                value = json.loads(attempt)
            except json.JSONDecodeError as exc:
                if first_error is None:
                    first_error = f"{exc.msg} at line {exc.lineno} column {exc.colno}"
                continue
            except RecursionError:
                raise ValueError(f"the answer nests JSON deeper than {MAX_DEPTH} levels; reply with a flat "
                                 "JSON object") from None
            except ValueError:  # json's own limit on integer digits
                raise ValueError("the answer holds a number with more than 4300 digits; reply with ordinary "
                                 "numbers") from None
            if _depth(value) > MAX_DEPTH:
                raise ValueError(f"the answer nests JSON deeper than {MAX_DEPTH} levels; reply with a flat "
                                 "JSON object")
            return integral_floats(value)
    if balanced is None and "{" not in text:
        raise ValueError("the answer contains no JSON object; reply with one JSON object only")
    raise ValueError(f"the answer is not valid JSON ({first_error}); reply with one valid JSON object only")


def _depth(value: Any) -> int:
    """Nesting depth of parsed JSON, stopping just past `MAX_DEPTH` (iterative: no recursion limit)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                break
            stack.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item))
    return deepest


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
