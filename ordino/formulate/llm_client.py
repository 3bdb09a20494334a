"""LLM access through the `openai` package against any OpenAI-compatible endpoint.

Configuration, in order of precedence: explicit overrides (CLI flags), `ORDINO_LLM_*` environment variables,
`OPENAI_*` environment variables, a TOML file (`ORDINO_CONFIG` or `~/.config/ordino/llm.toml`), defaults.
The API key is kept out of every message, log line, transcript and file this module produces.
"""

from __future__ import annotations

import json
import os
import time
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ordino.errors import InputError, LLMError
from ordino.formulate.jsonfix import extract_json

DEFAULT_MODEL = "gpt-4o-mini"
_ENV = {
    "base_url": ("ORDINO_LLM_BASE_URL", "OPENAI_BASE_URL"),
    "model": ("ORDINO_LLM_MODEL", "OPENAI_MODEL"),
    "api_key": ("ORDINO_LLM_API_KEY", "OPENAI_API_KEY"),
}
# structured-output ladder: the first rung the server accepts is kept for later calls
MODES = ("json_schema", "json_object", "text")


@dataclass
class LLMConfig:
    """Where and how to call the LLM.

    Attributes
    ----------
    base_url, model, api_key
        The endpoint; `api_key` is never printed (see `__repr__`).
    timeout
        Seconds per HTTP request.
    max_retries
        Retries (with the openai client's exponential backoff) on 429, 5xx, timeouts and connection errors.
    max_tokens
        Cap on the tokens of one reply.
    token_budget
        Cap on the total tokens (prompt + completion) of one formulation; exceeding it stops the run.
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
    max_retries: int = 3
    max_tokens: int = 4096
    token_budget: int = 200_000
    temperature: float = 0.0
    structured: str = "json_schema"
    prompt_price: float = 0.0
    completion_price: float = 0.0

    @property
    def configured(self) -> bool:
        """True when an endpoint or a key was given somewhere."""
        return bool(self.base_url or self.api_key)

    def public(self) -> dict[str, Any]:
        """The settings safe to show or save (no key, only whether one is set)."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "api_key"}
        out["api_key_set"] = bool(self.api_key)
        return out


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
    return table


def load_config(**overrides: Any) -> LLMConfig:
    """Build the configuration from overrides, environment and config file (overrides of None are ignored)."""
    values: dict[str, Any] = _read_file(config_path())
    for name, names in _ENV.items():
        for env in reversed(names):  # ORDINO_* wins over OPENAI_*
            if os.environ.get(env):
                values[name] = os.environ[env]
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return LLMConfig(**values)
    except TypeError as exc:
        raise InputError(f"bad LLM setting: {exc}") from None


def redact(text: str, secret: str | None) -> str:
    """`text` with `secret` (and its obvious fragments) replaced by '***'."""
    if not secret or not text:
        return text
    out = text.replace(secret, "***")
    if len(secret) >= 12:  # servers often echo a prefix/suffix ("sk-abc...wxyz")
        out = out.replace(secret[:8], "***").replace(secret[-6:], "***")
    return out


@dataclass
class Usage:
    """Token counts summed over calls."""

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
    """One LLM answer: its text, the parsed JSON (or the parse error), tokens and the output mode used."""

    text: str
    data: Any = None
    parse_error: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    mode: str = "text"
    seconds: float = 0.0


class LLMClient:
    """A thin, accounted wrapper around `openai.OpenAI` chat completions that returns JSON answers."""

    def __init__(self, config: LLMConfig | None = None, client: Any = None) -> None:
        self.config = config or load_config()
        self.usage = Usage()
        self._mode_index = MODES.index(self.config.structured) if self.config.structured in MODES else 0
        self._token_param = "max_tokens"  # newer OpenAI models want max_completion_tokens
        self._send_temperature = True  # some reasoning models accept only their default
        if client is None:
            import openai

            client = openai.OpenAI(
                base_url=self.config.base_url, api_key=self.config.api_key or "not-needed",
                timeout=self.config.timeout, max_retries=self.config.max_retries,
            )
        self._client = client

    @property
    def mode(self) -> str:
        """The structured-output mode currently used."""
        return MODES[self._mode_index]

    def redact(self, text: str) -> str:
        """Remove the API key from `text`."""
        return redact(text, self.config.api_key)

    def chat_text(self, messages: list[dict[str, str]]) -> Reply:
        """Send `messages` and return the plain answer (for prose or code); `data` holds JSON if there was any."""
        self._check_budget()
        return self._call(messages, None, "", "text")

    def _check_budget(self) -> None:
        if self.usage.total_tokens >= self.config.token_budget:
            raise LLMError(f"token budget of {self.config.token_budget} exhausted "
                           f"({self.usage.total_tokens} used); raise token_budget in the LLM config")

    def chat_json(self, messages: list[dict[str, str]], schema: dict[str, Any] | None = None,
                  schema_name: str = "answer") -> Reply:
        """Send `messages`; ask for JSON matching `schema` (best rung the server supports) and parse it.

        Raises
        ------
        LLMError
            The endpoint failed after its retries, or the token budget is exhausted.
        """
        self._check_budget()
        while True:
            mode = self.mode
            try:
                return self._call(messages, schema, schema_name, mode)
            except _Unsupported as exc:
                if self._mode_index + 1 >= len(MODES):
                    raise LLMError(self.redact(f"the endpoint rejected a plain request: {exc}")) from None
                self._mode_index += 1

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
        began = time.perf_counter()
        try:
            response = self._client.chat.completions.create(**kwargs)
        except openai.BadRequestError as exc:
            if self._adapt(str(exc)):
                return self._call(messages, schema, schema_name, mode)
            if "response_format" in kwargs:
                raise _Unsupported(str(exc)) from None
            raise LLMError(self.redact(f"the endpoint rejected the request: {_describe(exc)}")) from None
        except openai.APITimeoutError:
            raise LLMError(f"the LLM endpoint did not answer within {self.config.timeout:g}s "
                           f"(after {self.config.max_retries} retries); raise timeout or check the server") from None
        except openai.APIConnectionError as exc:
            raise LLMError(self.redact(f"cannot reach the LLM endpoint {self.config.base_url or 'api.openai.com'}: "
                                       f"{exc}")) from None
        except openai.AuthenticationError as exc:
            raise LLMError(self.redact(f"the endpoint refused the API key: {_describe(exc)}; "
                                       "set ORDINO_LLM_API_KEY")) from None
        except openai.APIStatusError as exc:
            raise LLMError(self.redact(f"the LLM endpoint failed after {self.config.max_retries} retries: "
                                       f"{_describe(exc)}")) from None
        seconds = time.perf_counter() - began
        usage = getattr(response, "usage", None)
        prompt = int(getattr(usage, "prompt_tokens", 0) or 0)
        completion = int(getattr(usage, "completion_tokens", 0) or 0)
        self.usage.prompt_tokens += prompt
        self.usage.completion_tokens += completion
        self.usage.calls += 1
        text = ""
        if response.choices:
            text = response.choices[0].message.content or ""
        reply = Reply(text=self.redact(text), prompt_tokens=prompt, completion_tokens=completion, mode=mode,
                      seconds=seconds)
        try:
            reply.data = extract_json(text)
        except ValueError as exc:
            reply.parse_error = str(exc)
        return reply


    def _adapt(self, message: str) -> bool:
        """Adjust a request parameter the server named as unsupported; True when something changed."""
        if "max_tokens" in message and "max_completion_tokens" in message and self._token_param == "max_tokens":
            self._token_param = "max_completion_tokens"
            return True
        if "temperature" in message and self._send_temperature:
            self._send_temperature = False
            return True
        return False


class _Unsupported(Exception):
    """The server rejected the requested response_format."""


def _describe(exc: Any) -> str:
    status = getattr(exc, "status_code", None)
    body = getattr(exc, "body", None)
    detail = ""
    if isinstance(body, dict):
        detail = str(body.get("message") or body.get("error") or json.dumps(body)[:300])
    elif body:
        detail = str(body)[:300]
    else:
        detail = str(exc)[:300]
    return f"HTTP {status}: {detail}" if status else detail
