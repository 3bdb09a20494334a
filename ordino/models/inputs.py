"""Reading untrusted input: files with a size cap, text decoding, and JSON with limits on nesting and numbers.

Every reader of problem, schedule and benchmark files goes through these, so that a hostile file (too large,
nested 100k deep, a 4301-digit integer) ends in one InputError naming the file, the field and the limit.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from ordino.errors import InputError

MAX_INPUT_BYTES = 100_000_000  # one input file, or everything an archive expands to
MAX_JSON_DIGITS = 30  # longer JSON integers are refused before Python converts them (quadratic in the length)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of an input file; a missing, unreadable or too large file is an InputError."""
    p = Path(path)
    too_large = InputError(f"file is larger than the limit of {MAX_INPUT_BYTES:,} bytes", file=str(p))
    try:
        if p.stat().st_size > MAX_INPUT_BYTES:
            raise too_large
        with p.open("rb") as handle:  # one byte past the cap: pipes and devices report no size
            data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError("file not found", file=str(p)) from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", file=str(p)) from None
    if len(data) > MAX_INPUT_BYTES:
        raise too_large
    return data


def decode(data: bytes, source: str) -> str:
    """Bytes as UTF-8 text (a leading BOM is dropped), or an InputError naming the source."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not a text file (byte {exc.start} is not UTF-8)", file=source) from None


def read_text(path: str | Path) -> str:
    """The file's text (see `read_bytes` and `decode`)."""
    return decode(read_bytes(path), str(path))


class _Refused(ValueError):
    """A JSON token refused while parsing; `parse_json` locates `token` in the text for the message."""

    def __init__(self, token: str, message: str) -> None:
        super().__init__(message)
        self.token = token


def _parse_int(token: str) -> int:
    digits = len(token.lstrip("-"))
    if digits > MAX_JSON_DIGITS:
        raise _Refused(token, f"an integer of {digits:,} digits; JSON integers may have at most {MAX_JSON_DIGITS} "
                              "digits")
    return int(token)


def _refuse_constant(token: str) -> Any:
    raise _Refused(token, f"{token} is not a JSON number; write a finite number")


def parse_json(text: str, source: str, line: int | None = None) -> Any:
    """JSON text as Python data. Malformed JSON, nesting deeper than the interpreter's recursion limit, an
    integer of more than MAX_JSON_DIGITS digits and NaN/Infinity are each one InputError naming the place."""
    try:
        return json.loads(text, parse_int=_parse_int, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", file=source,
                         line=exc.lineno if line is None else line) from None
    except RecursionError:
        raise InputError(f"JSON nested too deeply (the limit is about {sys.getrecursionlimit():,} levels of "
                         "[ and {)", file=source, line=line) from None
    except _Refused as exc:
        at = text.find(exc.token)
        keys = re.findall(r'"([^"\\]{1,100})"\s*:', text[max(0, at - 400):at])
        field = f"field {keys[-1]!r}: " if keys else ""
        where = text.count("\n", 0, at) + 1 if line is None else line
        raise InputError(f"{field}{exc}", file=source, line=where) from None
