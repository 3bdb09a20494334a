"""LLM access through the `openai` package against any OpenAI-compatible endpoint.

Configuration, in order of precedence: explicit overrides (CLI flags), `ORDINO_LLM_*` environment variables
(one per setting, e.g. `ORDINO_LLM_TIMEOUT`), `OPENAI_*` environment variables (endpoint, model, key), a TOML
file (`ORDINO_CONFIG` or `~/.config/ordino/llm.toml`), defaults.

Limits enforced here, whatever the server does: a wall-clock deadline per HTTP request (`timeout`, not per
read) and per run (`run_timeout`), both enforced by abandoning the request's worker thread; a byte cap on every
reply (`max_reply_bytes`, checked on the declared length and while reading, compressed replies refused); a
token budget counted locally from the bytes sent and received (`token_budget`; the server's `usage` is
ignored); retries with backoff that never wait past the run deadline.

Secrets: every API key seen is registered, and `scrub` removes it from text and nested data in the forms a
server or a model may return it (plain, any case, with separators between the characters, split into pieces
of `FRAGMENT` characters or more, as JSON/Python/URL/HTML escapes, base64, hex, reversed). The client scrubs
every reply after decoding; callers scrub what they write.
"""

from __future__ import annotations

import base64
import bisect
import contextlib
import dataclasses
import functools
import json
import math
import os
import re
import reprlib
import sys
import threading
import time
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, TypeVar

from ordino.errors import InputError, LLMError
from ordino.llm.jsonfix import extract_json

DEFAULT_MODEL = "gpt-4o-mini"
_ENV_ALIASES = {
    "base_url": ("ORDINO_LLM_BASE_URL", "OPENAI_BASE_URL"),
    "model": ("ORDINO_LLM_MODEL", "OPENAI_MODEL"),
    "api_key": ("ORDINO_LLM_API_KEY", "OPENAI_API_KEY"),
}
# structured-output ladder: the first rung the server accepts is kept for later calls
MODES = ("json_schema", "json_object", "text")
BYTES_PER_TOKEN = 4  # the local token estimate
FRAGMENT = 10  # this many letters and digits of a key in a row (separators ignored) count as a leak
_RETRY_STATUS = (408, 409, 429)
_MAX_SERVER_WAIT = 30.0  # cap on a server's retry-after


@dataclass
class LLMConfig:
    """Where and how to call the LLM.

    Attributes
    ----------
    base_url, model, api_key
        The endpoint; `api_key` is never printed (see `__repr__`).
    timeout
        Wall-clock seconds of one HTTP request: connecting, sending and reading the whole reply.
    run_timeout
        Wall-clock seconds of a run, from the client's creation: no call starts after it and a running one is
        cut (0 = none).
    max_retries
        Retries (exponential backoff, or the server's retry-after up to 30 s) on 408, 409, 429, 5xx, timeouts
        and connection errors; never past the run deadline.
    max_reply_bytes
        Largest reply body accepted.
    max_tokens
        Cap on the tokens of one reply (sent to the server).
    token_budget
        Cap on the tokens of one run, estimated locally at 4 bytes per token sent or received.
    max_failed_calls
        `evolve`: stop after this many LLM calls in a row failed.
    temperature
        Sampling temperature.
    structured
        First structured-output mode to try: json_schema, json_object or text.
    prompt_price, completion_price
        Price per million prompt / completion tokens, for the cost estimate (0 = not tracked).
    """

    base_url: str | None = None
    model: str = DEFAULT_MODEL
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 120.0
    run_timeout: float = 600.0
    max_retries: int = 3
    max_reply_bytes: int = 1_000_000
    max_tokens: int = 4096
    token_budget: int = 200_000
    max_failed_calls: int = 3
    temperature: float = 0.0
    structured: str = "json_schema"
    prompt_price: float = 0.0
    completion_price: float = 0.0

    def __post_init__(self) -> None:
        for name, (kind, low) in _NUMERIC.items():
            value = getattr(self, name)
            ok = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
            if not ok or value < low or (kind is int and not isinstance(value, int)):
                what = "an integer" if kind is int else "a finite number"
                raise InputError(f"LLM setting {name} must be {what} >= {low:g}, got {value!r}")
        if self.timeout <= 0:
            raise InputError(f"LLM setting timeout must be positive, got {self.timeout!r}")
        register_secret(self.api_key)

    @property
    def configured(self) -> bool:
        """True when an endpoint or a key was given somewhere."""
        return bool(self.base_url or self.api_key)

    def public(self) -> dict[str, Any]:
        """The settings safe to show or save (no key, only whether one is set)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "api_key"}
        out["api_key_set"] = bool(self.api_key)
        return out


# numeric settings: (type, smallest allowed value)
_NUMERIC: dict[str, tuple[type, float]] = {
    "timeout": (float, 0), "run_timeout": (float, 0), "max_retries": (int, 0), "max_reply_bytes": (int, 1024),
    "max_tokens": (int, 1), "token_budget": (int, 1), "max_failed_calls": (int, 1), "temperature": (float, 0),
    "prompt_price": (float, 0), "completion_price": (float, 0),
}


def config_path() -> Path:
    """The config file: `ORDINO_CONFIG`, else `~/.config/ordino/llm.toml`."""
    env = os.environ.get("ORDINO_CONFIG")
    return Path(env) if env else Path.home() / ".config" / "ordino" / "llm.toml"


def _read_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read LLM config ({exc}); fix the TOML or unset ORDINO_CONFIG",
                         file=str(path)) from None
    table = data.get("llm", data)
    known = {f.name for f in fields(LLMConfig)} | {"api_key_env"}
    unknown = sorted(set(table) - known)
    if unknown:
        raise InputError(f"unknown LLM setting(s) {unknown}; known: {sorted(known)}", file=str(path))
    table = dict(table)
    key_env = table.pop("api_key_env", None)
    if key_env and os.environ.get(key_env):
        table.setdefault("api_key", os.environ[key_env])
    register_secret(table.get("api_key"))
    return table


def _from_env() -> dict[str, Any]:
    """Settings from `ORDINO_LLM_<NAME>` (and the `OPENAI_*` aliases), converted to the setting's type."""
    values: dict[str, Any] = {}
    for f in fields(LLMConfig):
        names = _ENV_ALIASES.get(f.name, (f"ORDINO_LLM_{f.name.upper()}",))
        for env in reversed(names):  # ORDINO_* wins over OPENAI_*
            raw = os.environ.get(env)
            if not raw:
                continue
            kind = _NUMERIC.get(f.name, (str, 0))[0]
            try:
                values[f.name] = kind(raw)
            except ValueError:
                raise InputError(f"{env}={raw!r} is not {'an integer' if kind is int else 'a number'}") from None
    register_secret(values.get("api_key"))
    return values


def load_config(**overrides: Any) -> LLMConfig:
    """Build the configuration from overrides, environment and config file (overrides of None are ignored)."""
    values: dict[str, Any] = _read_file(config_path())
    values.update(_from_env())
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return LLMConfig(**values)
    except TypeError as exc:
        raise InputError(f"bad LLM setting: {exc}") from None


# --- secrets -----------------------------------------------------------------------------------------------

# one token of the projection: an escape that may encode a letter or digit, or a run of letters and digits
_TOKEN = re.compile(r"\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})|\\([0-7]{3})|%([0-9a-fA-F]{2})|&#([0-9]{1,7});"
                    r"|&#[xX]([0-9a-fA-F]{1,6});|[0-9A-Za-z]+")
_BASES = (16, 16, 8, 16, 10, 16)  # of the token's groups
_SECRET_NAME = re.compile(r"KEY|TOKEN|SECRET|PASSW|CREDENTIAL|AUTH", re.IGNORECASE)
_MIN_SECRET = 4  # shorter keys are placeholders ("x"), not secrets worth redacting from every output
_REGISTRY: dict[str, Redactor] = {}
T = TypeVar("T")


class Redactor:
    """Finds one secret in text, written plainly or disguised, and replaces each occurrence with '***'.

    The exact key is replaced first. Keys with at least `FRAGMENT` letters and digits are then searched in the
    text's projection: its letters and digits, lower-cased, with escapes (`\\u0073`, `\\x73`, `\\163`, `%73`,
    `&#115;`) decoded and everything else dropped. Any `FRAGMENT` consecutive characters of the key's own
    projection, of its hex, base64 (any alignment) or reversed form found there are replaced, together with the
    separators between them: a key split into pieces of `FRAGMENT` characters or more is caught piece by piece.
    Last, for keys of 12 characters or more, the first 8 and last 6 characters (which servers echo in error
    messages) are replaced literally.
    """

    def __init__(self, secret: str) -> None:
        self.secret = secret
        self.affixes = [secret[:8], secret[-6:]] if len(secret) >= 12 else []
        alnum = _alnum(secret)
        self.grams: set[str] = set()
        if len(alnum) >= FRAGMENT:
            raw = secret.encode()
            for form in (alnum, alnum[::-1], raw.hex(), *_base64_cores(raw)):
                form = _alnum(form)
                self.grams.update(form[i:i + FRAGMENT] for i in range(len(form) - FRAGMENT + 1))

    def text(self, text: str) -> str:
        """`text` with every occurrence of the secret replaced by '***'."""
        text = text.replace(self.secret, "***")
        if self.grams and len(text) >= FRAGMENT:
            text = self._fragments(text)
        for affix in self.affixes:
            text = text.replace(affix, "***")
        return text

    def _fragments(self, text: str) -> str:
        proj, starts, runs = _project(text)
        hits = sorted({i for gram in self.grams for i in _find_all(proj, gram)})
        if not hits:
            return text
        spans: list[list[int]] = []
        for i in hits:
            if spans and i <= spans[-1][1]:
                spans[-1][1] = i + FRAGMENT
            else:
                spans.append([i, i + FRAGMENT])
        out, pos = [], 0
        for first, end in spans:
            begin, _ = _locate(first, starts, runs)
            _, stop = _locate(end - 1, starts, runs)
            out += [text[pos:begin], "***"]
            pos = stop
        out.append(text[pos:])
        return "".join(out)


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isascii() and ch.isalnum())


def _base64_cores(raw: bytes) -> list[str]:
    """The base64 text of `raw` at each of the 3 byte alignments, without the characters that also depend on
    the bytes around it."""
    cores = []
    for shift in range(3):
        padded = b"\0" * shift + raw
        encoded = base64.b64encode(padded).decode()
        cores.append(encoded[4 if shift else 0:len(padded) // 3 * 4])
    return cores


def _project(text: str) -> tuple[str, list[int], list[tuple[int, int]]]:
    """(projection, start in the projection of each run, (start in `text`, width per character) of each run)."""
    parts: list[str] = []
    starts: list[int] = []
    runs: list[tuple[int, int]] = []
    size = 0
    for m in _TOKEN.finditer(text):
        if m.lastindex is None:
            chars, width = m.group().lower(), 1
        else:
            code = int(m.group(m.lastindex), _BASES[m.lastindex - 1])
            ch = chr(code) if code < 0x110000 else ""
            if not (ch.isascii() and ch.isalnum()):
                continue
            chars, width = ch.lower(), m.end() - m.start()
        starts.append(size)
        runs.append((m.start(), width))
        parts.append(chars)
        size += len(chars)
    return "".join(parts), starts, runs


def _locate(index: int, starts: list[int], runs: list[tuple[int, int]]) -> tuple[int, int]:
    """The span in the text of the projection's character `index`."""
    k = bisect.bisect_right(starts, index) - 1
    begin, width = runs[k]
    begin += (index - starts[k]) * width
    return begin, begin + width


def _find_all(text: str, needle: str) -> Iterator[int]:
    i = text.find(needle)
    while i >= 0:
        yield i
        i = text.find(needle, i + 1)


@functools.lru_cache(maxsize=8)
def _redactor(secret: str) -> Redactor:
    return Redactor(secret)


def register_secret(secret: str | None) -> None:
    """Treat `secret` as a secret from now on: `scrub` removes it everywhere."""
    if isinstance(secret, str) and len(secret) >= _MIN_SECRET and secret not in _REGISTRY:
        _REGISTRY[secret] = _redactor(secret)


def redact(text: str, secret: str | None) -> str:
    """`text` with `secret` replaced by '***' in any of the forms `Redactor` knows."""
    if not secret or not text or len(secret) < _MIN_SECRET:
        return text
    return _redactor(secret).text(text)


def scrub(value: T, *secrets: str | None) -> T:
    """`value` (text, or lists, tuples, dicts and dataclasses of them) without any registered secret nor any
    of `secrets`."""
    redactors = list(_REGISTRY.values())
    redactors += [_redactor(s) for s in secrets if s and len(s) >= _MIN_SECRET and s not in _REGISTRY]
    return _scrub(value, redactors) if redactors else value


def _scrub(value: Any, redactors: list[Redactor]) -> Any:
    if isinstance(value, str):
        for r in redactors:
            value = r.text(value)
        return value
    if isinstance(value, dict):
        return {_scrub(k, redactors): _scrub(v, redactors) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v, redactors) for v in value]
    if isinstance(value, tuple):
        return tuple(_scrub(v, redactors) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _scrub(getattr(value, f.name), redactors)
                                             for f in fields(value) if f.init})
    return value


def scrubbed_environ(environ: dict[str, str] | None = None) -> dict[str, str]:
    """A copy of the environment (default `os.environ`) for a child process: no variable whose name looks
    like a credential (KEY, TOKEN, SECRET, PASSW, CREDENTIAL, AUTH) and none that holds a registered secret."""
    env = os.environ if environ is None else environ
    return {k: v for k, v in env.items() if not _SECRET_NAME.search(k) and scrub(v) == v}


@contextlib.contextmanager
def scrubbed_errors() -> Iterator[None]:
    """Remove registered secrets from the message of any exception raised inside."""
    try:
        yield
    except Exception as exc:
        exc.args = tuple(scrub(a) if isinstance(a, str) else a for a in exc.args)
        raise


# --- the client --------------------------------------------------------------------------------------------

@dataclass
class Usage:
    """Token counts summed over calls, estimated locally from the bytes sent and received."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0

    @property
    def total_tokens(self) -> int:
        """Prompt plus completion tokens."""
        return self.prompt_tokens + self.completion_tokens

    def as_dict(self) -> dict[str, int]:
        """Counts as a plain dict."""
        return {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens,
                "total_tokens": self.total_tokens, "calls": self.calls}

    def cost(self, config: LLMConfig) -> float:
        """Estimated cost at the configured prices per million tokens."""
        return (self.prompt_tokens * config.prompt_price + self.completion_tokens * config.completion_price) / 1e6


@dataclass
class Reply:
    """One LLM answer (scrubbed): its text, the parsed JSON (or the parse error), tokens and the output mode."""

    text: str
    data: Any = None
    parse_error: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    mode: str = "text"
    seconds: float = 0.0


class LLMLimit(LLMError):
    """A limit of the run (deadline or token budget) stopped the call; the endpoint is not at fault."""


class LLMClient:
    """A thin, accounted and bounded wrapper around `openai.OpenAI` chat completions that returns JSON answers."""

    def __init__(self, config: LLMConfig | None = None) -> None:
        import openai

        self.config = config or load_config()
        register_secret(self.config.api_key)
        self.usage = Usage()
        self._mode_index = MODES.index(self.config.structured) if self.config.structured in MODES else 0
        self._token_param = "max_tokens"  # newer OpenAI models want max_completion_tokens
        self._send_temperature = True  # some reasoning models accept only their default
        run = self.config.run_timeout
        self._deadline = time.monotonic() + run if run else math.inf
        self._local = threading.local()  # the _Transfer of the request running in this thread
        http = openai.DefaultHttpxClient(event_hooks={"request": [self._on_request],
                                                      "response": [self._on_response]})
        self._client = openai.OpenAI(base_url=self.config.base_url, api_key=self.config.api_key or "not-needed",
                                     timeout=self.config.timeout, max_retries=0, http_client=http)

    @property
    def mode(self) -> str:
        """The structured-output mode currently used."""
        return MODES[self._mode_index]

    def chat_text(self, messages: list[dict[str, str]]) -> Reply:
        """Send `messages` and return the plain answer (for prose or code); `data` holds JSON if there was any."""
        self._check_limits()
        return self._call(messages, None, "", "text")

    def chat_json(self, messages: list[dict[str, str]], schema: dict[str, Any] | None = None,
                  schema_name: str = "answer") -> Reply:
        """Send `messages`; ask for JSON matching `schema` (best rung the server supports) and parse it.

        Raises
        ------
        LLMError
            The endpoint failed after its retries or sent an unusable reply; `LLMLimit` when the run deadline
            or the token budget is reached.
        """
        self._check_limits()
        while True:
            try:
                return self._call(messages, schema, schema_name, self.mode)
            except _Unsupported as exc:
                if self._mode_index + 1 >= len(MODES):
                    raise LLMError(scrub(f"the endpoint rejected a plain request: {exc}")) from None
                self._mode_index += 1

    def _check_limits(self) -> None:
        if self.usage.total_tokens >= self.config.token_budget:
            raise LLMLimit(f"token budget of {self.config.token_budget} exhausted ({self.usage.total_tokens} "
                           f"used, estimated at {BYTES_PER_TOKEN} bytes per token); raise token_budget")
        if time.monotonic() >= self._deadline:
            raise LLMLimit(self._run_deadline_message())

    def _run_deadline_message(self) -> str:
        return f"the LLM run deadline of {self.config.run_timeout:g}s (run_timeout) was reached"

    def _call(self, messages: list[dict[str, str]], schema: dict[str, Any] | None, schema_name: str,
              mode: str) -> Reply:
        import openai

        kwargs: dict[str, Any] = {"model": self.config.model, "messages": messages,
                                  self._token_param: self.config.max_tokens}
        if self._send_temperature:
            kwargs["temperature"] = self.config.temperature
        if mode == "json_schema" and schema is not None:
            kwargs["response_format"] = {"type": "json_schema",
                                         "json_schema": {"name": schema_name, "schema": schema, "strict": False}}
        elif mode in ("json_schema", "json_object"):
            kwargs["response_format"] = {"type": "json_object"}
        began = time.monotonic()
        before = (self.usage.prompt_tokens, self.usage.completion_tokens)
        try:
            body = self._send(kwargs)
        except openai.BadRequestError as exc:
            if self._adapt(str(exc)):
                return self._call(messages, schema, schema_name, mode)
            if "response_format" in kwargs:
                raise _Unsupported(str(exc)) from None
            raise LLMError(scrub(f"the endpoint rejected the request: {_describe(exc)}")) from None
        text = _content(body)
        self.usage.calls += 1
        reply = Reply(text=scrub(text), prompt_tokens=self.usage.prompt_tokens - before[0],
                      completion_tokens=self.usage.completion_tokens - before[1], mode=mode,
                      seconds=time.monotonic() - began)
        try:
            reply.data = scrub(extract_json(text))
        except ValueError as exc:
            reply.parse_error = scrub(str(exc))
        return reply

    def _send(self, kwargs: dict[str, Any]) -> bytes:
        """POST with retries and backoff, never waiting past the run deadline: the body of the 2xx reply."""
        failure: _Failure | None = None
        retries = 0
        for attempt in range(self.config.max_retries + 1):
            if failure is not None:
                pause = failure.wait if failure.wait is not None else min(0.5 * 2 ** (attempt - 1), 8.0)
                if time.monotonic() + pause >= self._deadline:
                    raise LLMLimit(scrub(f"{self._run_deadline_message()} (last error: {failure.text(retries)})"))
                time.sleep(pause)
                retries += 1
            try:
                return self._attempt(kwargs)
            except _Failure as exc:
                if not exc.retry:
                    raise (LLMLimit if exc.limit else LLMError)(scrub(exc.text(retries))) from None
                failure = exc
        assert failure is not None  # max_retries >= 0: at least one attempt ran, and every one failed
        raise LLMError(scrub(failure.text(retries))) from None

    def _attempt(self, kwargs: dict[str, Any]) -> bytes:
        """One HTTP request, in a worker thread abandoned at the request's deadline."""
        import openai

        began = time.monotonic()
        deadline = min(began + self.config.timeout, self._deadline)
        transfer = _Transfer(self.config.max_reply_bytes)
        outcome: dict[str, Any] = {}

        def work() -> None:
            self._local.transfer = transfer
            try:
                raw = self._client.chat.completions.with_raw_response.create(
                    **kwargs, timeout=max(deadline - began, 0.001))
                outcome["body"] = raw.http_response.content
            except BaseException as exc:  # handed to the calling thread
                outcome["error"] = exc

        worker = threading.Thread(target=work, name="ordino-llm-request", daemon=True)
        worker.start()
        worker.join(min(max(deadline - time.monotonic(), 0.0), threading.TIMEOUT_MAX))
        transfer.abandoned = True  # a worker still reading stops at its next chunk
        self.usage.prompt_tokens += -(-transfer.sent // BYTES_PER_TOKEN)
        self.usage.completion_tokens += -(-transfer.received // BYTES_PER_TOKEN)
        exc = outcome.get("error")
        if transfer.refused:
            raise _Failure(transfer.refused, retry=False)
        if worker.is_alive() or isinstance(exc, openai.APITimeoutError):
            if deadline >= self._deadline:
                raise _Failure(self._run_deadline_message(), retry=False, limit=True)
            raise _Failure(f"the LLM endpoint did not answer within {self.config.timeout:g}s (timeout per "
                           "request, after {retries} retries); raise timeout or check the server")
        if exc is None:
            return outcome["body"]
        if isinstance(exc, openai.BadRequestError):
            raise exc
        if isinstance(exc, openai.AuthenticationError):
            raise _Failure(f"the endpoint refused the API key: {_describe(exc)}; set ORDINO_LLM_API_KEY",
                           retry=False)
        if isinstance(exc, openai.APIStatusError):
            status = exc.status_code
            raise _Failure(f"the LLM endpoint failed after {{retries}} retries: {_describe(exc)}",
                           retry=status in _RETRY_STATUS or status >= 500, wait=_retry_after(exc.response.headers))
        if isinstance(exc, openai.APIConnectionError):
            raise _Failure(f"cannot reach the LLM endpoint {self.config.base_url or 'api.openai.com'} "
                           f"(after {{retries}} retries): {exc}")
        raise _Failure(f"the LLM request failed: {type(exc).__name__}: {exc}", retry=False)

    def _on_request(self, request: Any) -> None:
        """HTTP hook: no compressed replies; count the bytes sent."""
        request.headers["Accept-Encoding"] = "identity"
        self._local.transfer.sent += len(request.content)

    def _on_response(self, response: Any) -> None:
        """HTTP hook, before the body is read: refuse compressed or over-long replies, cap the rest."""
        transfer: _Transfer = self._local.transfer
        encoding = response.headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("", "identity"):
            transfer.refuse(f"the LLM endpoint sent a {encoding[:20]!r}-encoded reply although ordino asks for "
                            "none; configure the server or proxy not to compress")
        declared = response.headers.get("content-length", "").strip()
        if declared.isdigit() and (len(declared) > 18 or int(declared) > transfer.cap):
            transfer.refuse(transfer.too_large(f"declares {declared[:20]} bytes"))
        response.stream = _capped_stream(sys.modules[type(response).__module__.partition(".")[0]])(
            response.stream, transfer)

    def _adapt(self, message: str) -> bool:
        """Adjust a request parameter the server named as unsupported; True when something changed."""
        if "max_tokens" in message and "max_completion_tokens" in message and self._token_param == "max_tokens":
            self._token_param = "max_completion_tokens"
            return True
        if "temperature" in message and self._send_temperature:
            self._send_temperature = False
            return True
        return False


@dataclass
class _Transfer:
    """Bytes of one HTTP request, shared between the calling thread and the worker's HTTP hooks."""

    cap: int
    sent: int = 0
    received: int = 0
    refused: str | None = None
    abandoned: bool = False

    def take(self, size: int) -> None:
        """Count `size` bytes read; stop reading past the cap or once the caller gave up."""
        self.received += size
        if self.abandoned:
            raise _Refused("the request was abandoned at its deadline")
        if self.received > self.cap:
            self.refuse(self.too_large(f"sent more than {self.cap} bytes"))

    def too_large(self, what: str) -> str:
        """The message for a reply over the cap."""
        return (f"the LLM reply {what}, over the limit of {self.cap} bytes (max_reply_bytes); check the server "
                "or raise max_reply_bytes")

    def refuse(self, message: str) -> None:
        """Stop the transfer with `message` as its error."""
        self.refused = message
        raise _Refused(message)


@functools.cache
def _capped_stream(http: Any) -> type:
    """A byte stream of the `httpx`-style module `http` that counts what is read into a `_Transfer`."""

    class CappedStream(http.SyncByteStream):
        def __init__(self, inner: Any, transfer: _Transfer) -> None:
            self.inner, self.transfer = inner, transfer

        def __iter__(self) -> Iterator[bytes]:
            for chunk in self.inner:
                self.transfer.take(len(chunk))
                yield chunk

        def close(self) -> None:
            self.inner.close()

    return CappedStream


class _Refused(Exception):
    """Raised inside the HTTP stack to stop a reply (the reason is in the `_Transfer`)."""


class _Failure(Exception):
    """One failed attempt: whether to retry it, after how long (None: backoff), whether a run limit stopped it."""

    def __init__(self, message: str, retry: bool = True, wait: float | None = None, limit: bool = False) -> None:
        super().__init__(message)
        self.message, self.retry, self.wait, self.limit = message, retry, wait, limit

    def text(self, retries: int) -> str:
        """The message with the number of retries made."""
        return self.message.replace("{retries}", str(retries))


class _Unsupported(Exception):
    """The server rejected the requested response_format."""


def _retry_after(headers: Any) -> float | None:
    """The server's requested pause (retry-after-ms or retry-after in seconds), capped; None without one."""
    for name, scale in (("retry-after-ms", 1e-3), ("retry-after", 1.0)):
        try:
            value = float(headers.get(name, "")[:20]) * scale
        except ValueError:
            continue
        if math.isfinite(value) and value >= 0:
            return min(value, _MAX_SERVER_WAIT)
    return None


def _content(body: bytes) -> str:
    """The message text of a chat-completion body; LLMError when the body is not one."""
    try:
        doc = json.loads(body)
    except (ValueError, RecursionError):
        raise LLMError(f"the LLM endpoint answered with a body of {len(body)} bytes that is not JSON; check "
                       "base_url (an OpenAI-compatible endpoint usually ends in /v1)") from None
    try:
        content = doc["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise LLMError("the LLM endpoint answered JSON without choices[0].message.content; is base_url an "
                       "OpenAI-compatible chat-completions endpoint?") from None
    if isinstance(content, list):  # content parts
        content = "".join(p.get("text", "") for p in content if isinstance(p, dict) and isinstance(p.get("text"), str))
    if content is None:
        return ""
    if not isinstance(content, str):
        raise LLMError(f"the LLM endpoint answered a message content of type {type(content).__name__}, not text")
    return content


def _describe(exc: Any) -> str:
    """'HTTP <status>: <the server's message>' on one line of at most 300 characters of the message."""
    status = getattr(exc, "status_code", None)
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error")
        detail = next((v for v in (body.get("message"), inner, inner.get("message") if isinstance(inner, dict)
                                   else None) if isinstance(v, str) and v), None) or reprlib.repr(body)
    elif isinstance(body, str) and body:
        detail = body
    else:
        detail = reprlib.repr(body) if body else str(exc)
    detail = " ".join(detail[:300].split())
    return f"HTTP {status}: {detail}" if status else detail
