"""A scripted OpenAI-compatible HTTP server on 127.0.0.1, so the real ChatOpenAI/openai client can be tested.

Tests script what the next requests get (`server.script(reply("hi"), fault(429), reply("ok"))`) and then assert
on what the server received (`server.requests`): the real SDK builds the HTTP requests, parses the responses,
streams SSE and raises its real exceptions. The Authorization header's value is never recorded.

Implements `POST /v1/chat/completions` (JSON, SSE streaming with a usage chunk, tool calls, json_schema/json_object
responses) and `GET /v1/models`.
"""

from __future__ import annotations

import json
import math
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

JSON_SCHEMA_UNSUPPORTED = "'response_format' of type 'json_schema' is not supported with this model"
# What llama-cpp-python's server says (with HTTP 500) to a json_schema request.
JSON_SCHEMA_500 = (
    "1 validation error for CreateChatCompletionRequest\nresponse_format.type\n  Input should be 'text' or "
    "'json_object' [type=literal_error, input_value='json_schema', input_type=str]"
)


@dataclass
class Step:
    """One scripted response. Build with the helpers below rather than directly."""

    kind: str  # reply | fault | hang | drop | raw
    content: Any = None  # text, or a dict answered as tool call / JSON content depending on the request
    status: int = 200
    message: str = ""
    seconds: float = 0.0
    chunks_before_drop: int = 2
    finish_reason: str | None = None
    content_type: str = "application/json"


def reply(content: str | dict[str, Any], finish_reason: str | None = None) -> Step:
    """A normal answer. A dict becomes tool-call arguments when the request offers tools, else JSON content.
    `finish_reason="length"` says the reply hit max_tokens (the SDK then raises on a json_schema request)."""
    return Step("reply", content=content, finish_reason=finish_reason)


def slow_reply(text: str, seconds_per_word: float) -> Step:
    """A streamed answer that arrives one word every `seconds_per_word` (a slow CPU-served model)."""
    return Step("reply", content=text, seconds=seconds_per_word)


def fault(status: int, message: str = "") -> Step:
    """An HTTP error with OpenAI's error body (401, 429, 500, 400...)."""
    return Step("fault", status=status, message=message or f"scripted error {status}")


def raw(body: str, content_type: str = "application/json", status: int = 200) -> Step:
    """Exactly this body, whatever was asked: a proxy's HTML page, broken JSON, a completion with no choices."""
    return Step("raw", content=body, status=status, content_type=content_type)


def hang(seconds: float = 30.0) -> Step:
    """Accept the request and send nothing for `seconds` (ended early when the server stops)."""
    return Step("hang", seconds=seconds)


def drop_stream(text: str, chunks_before_drop: int = 2) -> Step:
    """Stream the first words of `text`, then close the connection without finishing the response."""
    return Step("drop", content=text, chunks_before_drop=chunks_before_drop)


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None
    has_authorization: bool = False

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list((self.body or {}).get("messages", []))

    @property
    def response_format_type(self) -> str | None:
        fmt = (self.body or {}).get("response_format")
        return fmt.get("type") if isinstance(fmt, dict) else None

    @property
    def uses_tools(self) -> bool:
        return bool((self.body or {}).get("tools"))


@dataclass
class _State:
    steps: list[Step] = field(default_factory=list)
    requests: list[RecordedRequest] = field(default_factory=list)
    supports_json_schema: bool = True
    json_schema_status: int = 400  # how an unsupported json_schema is refused (llama-cpp-python: 500)
    honours_tool_choice: bool = True  # False: like small llama.cpp models, print the call as text
    models_status: int = 200
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)


def _approx(text: str) -> int:
    return math.ceil(len(text) / 4) if text else 0


def _words(text: str) -> list[str]:
    words = text.split(" ")
    return [w + (" " if i < len(words) - 1 else "") for i, w in enumerate(words)]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # silence the default stderr access log
        return

    # --- plumbing -------------------------------------------------------------------------------------------
    def _record(self, body: dict[str, Any] | None) -> RecordedRequest:
        headers = {k.lower(): v for k, v in self.headers.items() if k.lower() != "authorization"}
        recorded = RecordedRequest(
            self.command, self.path, headers, body, has_authorization="Authorization" in self.headers
        )
        with self.server.state.lock:
            self.server.state.requests.append(recorded)
        return recorded

    def _send_json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _send_error(self, status: int, message: str, code: str | None = None) -> None:
        kind = {401: "invalid_request_error", 429: "rate_limit_exceeded", 400: "invalid_request_error"}
        self._send_json(
            status, {"error": {"message": message, "type": kind.get(status, "server_error"), "code": code}}
        )

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _sse(self, payload: dict[str, Any] | str) -> None:
        text = payload if isinstance(payload, str) else json.dumps(payload)
        self._chunk(f"data: {text}\n\n".encode())

    # --- routes ---------------------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self._record(None)
        if self.path.rstrip("/").endswith("/models"):
            status = self.server.state.models_status
            if status != 200:
                self._send_error(status, f"models endpoint answered {status}")
                return
            self._send_json(200, {"object": "list", "data": [{"id": "test-model", "object": "model"}]})
            return
        self._send_error(404, f"no route {self.path}")

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._record(None)
            self._send_error(400, "request body is not JSON")
            return
        request = self._record(body)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send_error(404, f"no route {self.path}")
            return
        state = self.server.state
        if request.response_format_type == "json_schema" and not state.supports_json_schema:
            status = state.json_schema_status
            self._send_error(status, JSON_SCHEMA_500 if status == 500 else JSON_SCHEMA_UNSUPPORTED)
            return
        with state.lock:
            step = state.steps.pop(0) if state.steps else None
        if step is None:
            # Fail loudly: 418 is never retried, so a test that under-scripts the server sees an error at once.
            self._send_error(418, "the test server's script is empty: script a reply for every request")
            return
        if step.kind == "fault":
            self._send_error(step.status, step.message)
        elif step.kind == "raw":
            data = str(step.content).encode()
            self.send_response(step.status)
            self.send_header("Content-Type", step.content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif step.kind == "hang":
            state.stopping.wait(step.seconds)
            self.close_connection = True
        elif step.kind == "drop":
            self._stream(body, str(step.content), drop_after=step.chunks_before_drop)
        elif body.get("stream"):
            self._stream(body, step.content, word_delay=step.seconds)
        else:
            self._complete(body, step.content, step.finish_reason)

    # --- responses ------------------------------------------------------------------------------------------
    def _usage(self, body: dict[str, Any], output: str) -> dict[str, int]:
        prompt = _approx("\n".join(str(m.get("content") or "") for m in body.get("messages", [])))
        completion = _approx(output)
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}

    def _message(self, body: dict[str, Any], content: Any) -> tuple[dict[str, Any], str, str]:
        """(assistant message, text used for usage, finish reason) for a scripted reply."""
        tools = body.get("tools") or []
        if isinstance(content, dict) and tools and self.server.state.honours_tool_choice:
            args = json.dumps(content)
            call = {"id": "call_1", "type": "function", "function": {"name": tools[0]["function"]["name"], "arguments": args}}
            return {"role": "assistant", "content": None, "tool_calls": [call]}, args, "tool_calls"
        text = json.dumps(content) if isinstance(content, dict) else str(content)
        return {"role": "assistant", "content": text}, text, "stop"

    def _complete(self, body: dict[str, Any], content: Any, finish_reason: str | None = None) -> None:
        message, text, finish = self._message(body, content)
        finish = finish_reason or finish
        self._send_json(
            200,
            {
                "id": "chatcmpl-test",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": body.get("model", "test-model"),
                "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
                "usage": self._usage(body, text),
            },
        )

    def _stream(self, body: dict[str, Any], content: Any, drop_after: int | None = None, word_delay: float = 0.0) -> None:
        text = json.dumps(content) if isinstance(content, dict) else str(content)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        base = {"id": "chatcmpl-test", "object": "chat.completion.chunk", "created": int(time.time()),
                "model": body.get("model", "test-model")}
        for index, word in enumerate(_words(text)):
            if drop_after is not None and index >= drop_after:
                # Vanish mid-response: no terminating chunk, so the client sees an incomplete body.
                self.close_connection = True
                self.wfile.flush()
                self.connection.shutdown(2)
                return
            if word_delay:
                self.server.state.stopping.wait(word_delay)
            delta: dict[str, Any] = {"content": word}
            if index == 0:
                delta["role"] = "assistant"
            self._sse({**base, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]})
        self._sse({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
        if (body.get("stream_options") or {}).get("include_usage"):
            self._sse({**base, "choices": [], "usage": self._usage(body, text)})
        self._sse("[DONE]")
        self._chunk(b"")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.state = _State()


class FakeOpenAIServer:
    """Start with `start()` (or the `openai_server` fixture); `base_url` ends in /v1 like OpenAI's."""

    def __init__(self) -> None:
        self._server = _Server()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-openai", daemon=True
        )

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAIServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving (safe on a server that was never started: it just closes the port)."""
        self._server.state.stopping.set()  # release any hanging handler at once
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(timeout=5)
        self._server.server_close()

    # --- scripting ------------------------------------------------------------------------------------------
    def script(self, *steps: Step) -> FakeOpenAIServer:
        with self._server.state.lock:
            self._server.state.steps.extend(steps)
        return self

    @property
    def remaining_steps(self) -> int:
        return len(self._server.state.steps)

    @property
    def supports_json_schema(self) -> bool:
        return self._server.state.supports_json_schema

    @supports_json_schema.setter
    def supports_json_schema(self, value: bool) -> None:
        self._server.state.supports_json_schema = value

    def refuse_json_schema(self, status: int = 400) -> None:
        """Answer json_schema requests with an error naming response_format (400, or 500 like llama-cpp-python)."""
        self._server.state.supports_json_schema = False
        self._server.state.json_schema_status = status

    def ignore_tool_choice(self) -> None:
        """Answer a forced tool call with the call printed as text, as small llama.cpp models do."""
        self._server.state.honours_tool_choice = False

    def set_models_status(self, status: int) -> None:
        """What GET /v1/models answers (200 by default; 404 for servers without the route)."""
        self._server.state.models_status = status

    # --- assertions -----------------------------------------------------------------------------------------
    @property
    def requests(self) -> list[RecordedRequest]:
        with self._server.state.lock:
            return list(self._server.state.requests)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == "POST" and r.path.endswith("/chat/completions")]
