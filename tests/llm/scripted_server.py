"""A scripted OpenAI-compatible HTTP server for tests: replays canned chat-completion answers in order.

It speaks enough of the API for the real `openai` client: POST /v1/chat/completions with JSON mode or
structured output, usage fields, HTTP errors with headers (429 with retry-after-ms, 5xx), and delays.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SECRET = "sk-test-DO-NOT-LEAK-4f2a9c81b7e3"  # the API key tests must never find in outputs


@dataclass
class Step:
    """One scripted answer: a chat message (`content`) or an HTTP error (`status` != 200, `error`)."""

    content: str | None = None
    status: int = 200
    error: str = "scripted error"
    delay: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    usage: tuple[int, int] = (100, 50)


@dataclass
class Request:
    """What the server received."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def response_format(self) -> str | None:
        """The requested response_format type, if any."""
        rf = self.body.get("response_format")
        return rf.get("type") if isinstance(rf, dict) else None

    @property
    def last_message(self) -> str:
        """Content of the last message sent."""
        return self.body["messages"][-1]["content"]


class ScriptedLLM:
    """The server; `add` queues answers, `requests` records what came in."""

    def __init__(self) -> None:
        self.script: deque[Step] = deque()
        self.requests: list[Request] = []
        self.refuse: set[str] = set()  # response_format types answered with HTTP 400
        self.echo_key_in_errors = False
        self.reject_params: set[str] = set()  # request parameters answered with HTTP 400, as some models do
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    @property
    def url(self) -> str:
        """Base URL for the openai client."""
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def add(self, content: str | dict | None = None, **kwargs: Any) -> ScriptedLLM:
        """Queue one answer (a dict is sent as its JSON text)."""
        if isinstance(content, dict | list):
            content = json.dumps(content)
        self.script.append(Step(content=content, **kwargs))
        return self

    def start(self) -> ScriptedLLM:
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._server.shutdown()
        self._server.server_close()

    def next_step(self, request: Request) -> Step:
        """Record the request and pick the answer."""
        with self._lock:
            self.requests.append(request)
            for param in sorted(self.reject_params & set(request.body)):
                hint = " Use 'max_completion_tokens' instead." if param == "max_tokens" else ""
                return Step(status=400, error=f"Unsupported parameter: '{param}' is not supported with this "
                                                f"model.{hint}")
            if request.response_format in self.refuse:
                return Step(status=400, error=f"response_format {request.response_format} is not supported")
            if not self.script:
                return Step(status=400, error="the test script has no answer left")
            return self.script.popleft()


def _handler(owner: ScriptedLLM) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # keep pytest output clean
            return

        def do_POST(self) -> None:  # noqa: N802 - http.server naming
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            request = Request(self.path, {k.lower(): v for k, v in self.headers.items()}, body)
            if not self.path.endswith("/chat/completions"):
                self._send(404, {"error": {"message": f"no route {self.path}"}})
                return
            step = owner.next_step(request)
            if step.delay:
                time.sleep(step.delay)
            if step.status != 200:
                message = step.error
                if owner.echo_key_in_errors:
                    message += f" (Incorrect API key provided: {request.headers.get('authorization', '')})"
                self._send(step.status, {"error": {"message": message, "type": "invalid_request_error"}},
                           step.headers)
                return
            prompt, completion = step.usage
            self._send(200, {
                "id": f"chatcmpl-{len(owner.requests)}", "object": "chat.completion", "created": int(time.time()),
                "model": body.get("model", "scripted"),
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": step.content}}],
                "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                          "total_tokens": prompt + completion},
            }, step.headers)

        def _send(self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None) -> None:
            data = json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
                pass

    return Handler
