"""A hostile OpenAI-compatible server on 127.0.0.1 for tests, and a detector of the test key in any output.

Each queued `Act` writes one HTTP answer straight to the socket, so the server can misbehave below the level
of a well-formed reply: trickle bytes, send a huge or compressed body, answer a 200 that is not JSON, lie about
token usage, or never answer at all.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import json
import re
import sys
import threading
from collections import deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.llm.scripted_server import SECRET

Act = Callable[[BaseHTTPRequestHandler, threading.Event], None]


class _Server(ThreadingHTTPServer):
    """A server that takes a client hanging up on a hostile answer as the expected end, not an error to print
    (printed, it lands on the stderr of the CLI run under test, racing with the one line the test reads)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


class HostileLLM:
    """The server: `add` queues acts (one per request, in order), `requests` records the JSON bodies received."""

    def __init__(self) -> None:
        self.acts: deque[Act] = deque()
        self.requests: list[dict[str, Any]] = []
        self.sizes: list[int] = []  # bytes of each request body
        self.stopping = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def url(self) -> str:
        """Base URL for the openai client."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def add(self, *acts: Act) -> HostileLLM:
        """Queue answers."""
        self.acts.extend(acts)
        return self

    def stop(self) -> None:
        """End trickling answers and close the socket."""
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()


def _handler(owner: HostileLLM) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            return

        def do_POST(self) -> None:  # noqa: N802 - http.server naming
            data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            owner.sizes.append(len(data))
            owner.requests.append(json.loads(data or b"{}"))
            act = owner.acts.popleft() if owner.acts else raw(400, b'{"error": {"message": "no answer left"}}')
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
                act(self, owner.stopping)

    return Handler


def _head(h: BaseHTTPRequestHandler, status: int, headers: dict[str, str]) -> None:
    h.send_response(status)
    for key, value in headers.items():
        h.send_header(key, value)
    h.end_headers()


def completion(content: str, usage: tuple[int, int] = (100, 50)) -> bytes:
    """A chat-completion body carrying `content`, with the (untrusted) usage numbers given."""
    return json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": "hostile",
                       "choices": [{"index": 0, "finish_reason": "stop",
                                    "message": {"role": "assistant", "content": content}}],
                       "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1],
                                 "total_tokens": sum(usage)}}).encode()


def raw(status: int, body: bytes, headers: dict[str, str] | None = None) -> Act:
    """Answer `body` as it is, with its true Content-Length unless `headers` say otherwise."""
    def act(h: BaseHTTPRequestHandler, stop: threading.Event) -> None:
        _head(h, status, {"Content-Type": "application/json", "Content-Length": str(len(body)), **(headers or {})})
        h.wfile.write(body)

    return act


def reply(content: str | dict, usage: tuple[int, int] = (100, 50)) -> Act:
    """A normal 200 answer (a dict is sent as its JSON text)."""
    return raw(200, completion(content if isinstance(content, str) else json.dumps(content), usage))


def escaped_envelope(content: str) -> Act:
    """A 200 answer whose whole content string is written as JSON \\u escapes in the HTTP body."""
    text = "".join(f"\\u{ord(c):04x}" for c in content)
    return raw(200, completion("PLACEHOLDER").replace(b'"PLACEHOLDER"', f'"{text}"'.encode()))


def delayed(seconds: float, act: Act) -> Act:
    """`act` after a pause."""
    def run(h: BaseHTTPRequestHandler, stop: threading.Event) -> None:
        stop.wait(seconds)
        act(h, stop)

    return run


def chunked(total: int) -> Act:
    """A 200 body of `total` bytes in 64 KiB chunks, with no Content-Length."""
    def act(h: BaseHTTPRequestHandler, stop: threading.Event) -> None:
        _head(h, 200, {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        block = b"x" * 65536
        for _ in range(total // len(block)):
            h.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
        h.wfile.write(b"0\r\n\r\n")

    return act


def trickle(every: float, in_headers: bool = False) -> Act:
    """One byte every `every` seconds, in the body (after a Content-Length of 10^6) or in the headers."""
    def act(h: BaseHTTPRequestHandler, stop: threading.Event) -> None:
        if in_headers:
            h.wfile.write(b"HTTP/1.1 200 OK\r\n")
            data = b"X-Slow: " + b"a" * 10_000
        else:
            _head(h, 200, {"Content-Type": "application/json", "Content-Length": "1000000"})
            data = b'{"choices": ' + b" " * 1_000_000
        for byte in data:
            if stop.wait(every):
                return
            h.wfile.write(bytes([byte]))
            h.wfile.flush()

    return act


def silent(h: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    """Accept the request and never answer."""
    stop.wait(60)


def gzipped(content: str) -> Act:
    """A valid answer, gzip-compressed although the client asked for none."""
    return raw(200, gzip.compress(completion(content)), {"Content-Encoding": "gzip"})


# --- the key, disguised, and a detector -----------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


LEAKS: dict[str, str] = {  # forms of the key an endpoint or a model may send, by name
    "plain": SECRET,
    "upper": SECRET.upper(),
    "spaced": " ".join(SECRET),
    "dashed": "-".join(SECRET.replace("-", "")),
    "lines": SECRET[:14] + "\n" + SECRET[14:],
    "base64": _b64(SECRET.encode()),
    "base64 in a header": _b64(b"Authorization: Bearer " + SECRET.encode()),
    "hex": SECRET.encode().hex(),
    "prose": f"the key is {' '.join(SECRET[:10])} then {'_'.join(SECRET[10:])}, keep it safe",
}


def _flat(text: str) -> str:
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return re.sub(r"[^0-9a-z]", "", text.lower())


_NEEDLES = [_flat(SECRET), _flat(_b64(SECRET.encode())[:-4]), _flat(_b64(b"\0" + SECRET.encode())[4:-4]),
            _flat(_b64(b"\0\0" + SECRET.encode())[4:-4]), SECRET.encode().hex()]


def leaked(text: str, piece: int = 10) -> list[str]:
    """The pieces of at least `piece` characters of the key (or of its base64 or hex) found in `text`, letters
    and digits only, any case, separators and \\u escapes ignored."""
    flat = _flat(text)
    return sorted({n[i:i + piece] for n in _NEEDLES for i in range(len(n) - piece + 1) if n[i:i + piece] in flat})

