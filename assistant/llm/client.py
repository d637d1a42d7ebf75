"""`LLMClient`: every model call the product makes goes through here.

A call is bound to its prompt: features name a prompt file, pass its variables (and, for structured output, a reply
schema), and the client renders the messages and applies the prompt's declared model settings (`temperature`,
`max_tokens`, `top_p`). There is no way to send messages without a prompt, so a declared setting cannot be dropped
at a call site (it was, at five of seven before).

It owns the policies a feature should not have to think about: bounded retries with backoff (429, 5xx, connection
errors; never 400/401), one translation of every SDK/LangChain exception into an `LLMError` with a user-facing
message (no traceback ever escapes, including the SDK's `LengthFinishReasonError`), token accounting and the session
budget, canary checks on output, streaming that reports a reply cut off midway, and structured output that degrades
from json_schema to tool calling to JSON mode with one repair attempt. Real servers differ: llama-cpp-python answers
`json_schema` with HTTP 500, small llama.cpp models ignore a forced `tool_choice` and print the call as text; both
move on to the next method, and the method that works is remembered per server (process-wide), so later sessions
start with it.

Timeouts: a connect/first-token timeout (a server that accepts nothing or streams nothing is given up on quickly)
and a total timeout per request. Neither is retried: a hung server rarely recovers in seconds, so retrying would
keep a candidate waiting minutes before the offline fallback.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

import httpx
import openai
from langchain_core import exceptions as lc_errors
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, ValidationError

from assistant.config import REPO_ROOT
from assistant.llm.errors import (
    LLMAuthError,
    LLMError,
    LLMRequestRejected,
    LLMTimeout,
    LLMUnavailable,
    MethodUnsupported,
    PromptLeakBlocked,
    StreamInterrupted,
    StructuredOutputError,
)
from assistant.llm.reasoning import ReasoningFilter, json_object_in, visible_reply
from assistant.llm.safety import CANARY_PATTERN, contains_canary, spotlight
from assistant.llm.usage import UsageMeter, approx_tokens
from assistant.prompting import PromptLibrary

__all__ = ["LLMClient", "SystemPrompt"]  # the errors it raises live in (and are imported from) assistant.llm.errors

log = logging.getLogger(__name__)

# langchain-openai warns when a server rejects json_schema; we handle that by falling back, so the warning would
# only alarm the user.
_FALLBACK_WARNINGS = r"(This model does not support|Invalid schema for) OpenAI's structured output"

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
StructuredMethod = Literal["json_schema", "function_calling", "json_mode"]
STRUCTURED_METHODS: tuple[StructuredMethod, ...] = ("json_schema", "function_calling", "json_mode")
# Model parameters a prompt file may set (front matter `model:`), applied per call (see prompting.MODEL_PARAMS).
CALL_PARAMS = ("temperature", "max_tokens", "top_p")
# A system prompt sent before the task prompt: (prompt name, its variables).
SystemPrompt = tuple[str, Mapping[str, object]]
# Words in a rejection's body that say the *method* (not the request) is what the server cannot do.
_METHOD_HINTS = ("response_format", "json_schema", "json_object", "tool_choice", "tools")
_METHOD_STATUSES = (400, 422, 500)

# Structured-output method that worked, per server (base URL + model): shared by every session of the process, so
# only the first request to a server pays for the methods it does not support.
_method_lock = threading.Lock()
_WORKING_METHOD: dict[str, StructuredMethod] = {}


def forget_structured_methods() -> None:
    """Clear the per-server memory (for `assistant eval`, which measures every method from scratch)."""
    with _method_lock:
        _WORKING_METHOD.clear()
# The tail of a streamed reply that could be the start of a canary is held back until the next piece arrives,
# so a canary split across chunks is caught before any of it is shown.
_CANARY_PREFIX_AT_END = re.compile(r"c(?:n(?:r(?:y(?:-[0-9a-f]{0,15})?)?)?)?\Z", re.IGNORECASE)


class _Retryable(Exception):
    """Internal: a failure worth retrying, carrying the error to raise when retries run out."""

    def __init__(self, final: LLMError) -> None:
        super().__init__(final.message)
        self.final = final


def translate_error(exc: BaseException) -> LLMError | _Retryable | None:
    """Map an SDK/LangChain/httpx exception to our error (wrapped in `_Retryable` when a retry may help).

    LangChain 1.x re-raises openai errors as subclasses of both the openai class and its own `Model*Error`, so
    checking both families covers ChatOpenAI and any other chat model. Returns None for anything else (a bug).
    """
    if isinstance(exc, LLMError):
        return exc
    if isinstance(exc, openai.LengthFinishReasonError):
        return StructuredOutputError(
            "The LLM's reply was cut off at its max_tokens limit before the JSON was complete; raise max_tokens in "
            "the prompt file or use a model that answers more briefly.",
            problem="finish_reason=length",
        )
    if isinstance(exc, openai.ContentFilterFinishReasonError | lc_errors.ModelRefusalError):
        return StructuredOutputError("The LLM refused to answer (content filter).", problem="content_filter")
    method = _method_rejection(exc)
    if method is not None:
        return method
    auth = (
        openai.AuthenticationError,
        openai.PermissionDeniedError,
        lc_errors.ModelAuthenticationError,
        lc_errors.ModelPermissionDeniedError,
    )
    if isinstance(exc, auth):
        return LLMAuthError()
    # Timeouts before connection errors: openai.APITimeoutError is a subclass of APIConnectionError.
    if isinstance(exc, openai.APITimeoutError | lc_errors.ModelTimeoutError | httpx.TimeoutException | TimeoutError):
        return LLMTimeout(
            "The LLM did not answer in time (LLM_CONNECT_TIMEOUT_S to connect and start, LLM_TIMEOUT_S in total); "
            "the offline coach can continue. `assistant doctor` measures the server and suggests values."
        )
    if isinstance(exc, openai.RateLimitError | lc_errors.ModelRateLimitError):
        return _Retryable(LLMUnavailable("The LLM server is rate limiting requests (HTTP 429); try again shortly."))
    if isinstance(exc, openai.InternalServerError | lc_errors.ModelAPIError) or (
        isinstance(exc, openai.APIStatusError) and exc.status_code >= 500
    ):
        return _Retryable(LLMUnavailable("The LLM server kept failing (HTTP 5xx); try again later."))
    if isinstance(exc, (openai.APIConnectionError, lc_errors.ModelConnectionError, httpx.TransportError, ConnectionError)):
        return _Retryable(
            LLMUnavailable("Could not reach the LLM server; check OPENAI_BASE_URL and that the server is running.")
        )
    if isinstance(exc, openai.NotFoundError | lc_errors.ModelNotFoundError):
        return LLMRequestRejected("The LLM server does not know this model; check CHAT_MODEL in .env.")
    if isinstance(exc, openai.BadRequestError | lc_errors.ModelInvalidRequestError) or (
        isinstance(exc, openai.APIStatusError) and 400 <= exc.status_code < 500
    ):
        detail = getattr(exc, "message", None) or str(exc)
        return LLMRequestRejected(f"The LLM server rejected the request: {detail[:300]}")
    if isinstance(exc, openai.OpenAIError | lc_errors.LangChainException):
        # Anything else the SDK or LangChain raises (a malformed response, a parser failure): still a model
        # failure the features can fall back from, never a traceback.
        # Its text is for the log, and only at DEBUG: a parser error quotes the reply it choked on, which can
        # echo the candidate's resume or answer.
        log.warning("LLM call failed unexpectedly (%s); the offline coach takes over", type(exc).__name__)
        log.debug("LLM call failed unexpectedly", exc_info=exc)
        return LLMError(
            "The LLM call failed unexpectedly (its reply could not be used), so the offline coach takes over for "
            "this step. If it keeps happening, run `assistant doctor`; the log has the details.",
            code="llm_error",
        )
    if isinstance(exc, _MALFORMED_REPLY_ERRORS) and _raised_by_client_library(exc):
        # A 200 that is not a chat completion (a web page at OPENAI_BASE_URL, a proxy's error page, broken JSON,
        # no choices): the SDK's parser trips over it with a plain Python error. Not retried: the same URL gives
        # the same page.
        log.info("reply is not a chat completion: %s: %s", type(exc).__name__, str(exc)[:300])
        return LLMUnavailable(
            "The LLM server's reply is not an OpenAI-compatible chat completion (a web page, broken JSON or no "
            "answer in it); check OPENAI_BASE_URL: it must be the server's API root, usually ending in /v1."
        )
    return None


_ECHO_WINDOW = 24


def _without_echo(error: LLMError, messages: Sequence[BaseMessage]) -> LLMError:
    """`error`, unless the server's reason quotes the request (a local server's validation dump carries the
    prompt, and with it the candidate's resume or answers): then a message without it, the reason at DEBUG."""
    if type(error) is not LLMRequestRejected:
        return error
    prompt = " ".join(_prompt_text(messages).split())
    said = " ".join(error.message.split())
    windows = range(0, max(0, len(said) - _ECHO_WINDOW) + 1, 4)
    if not any(said[i : i + _ECHO_WINDOW] in prompt for i in windows):
        return error
    log.debug("the LLM server's 400 reason quoted the request: %s", error.message)
    return LLMRequestRejected(
        "The LLM server rejected the request (HTTP 400). Its reason quoted the request itself, so it is kept out of "
        "this message; check CHAT_MODEL and the server's limits (context length, message size), or run "
        "`assistant doctor`."
    )


class _CutOff(ValueError):
    """A structured reply that stopped at max_tokens (our own reason, safe to show)."""


def _parse_problem(exc: BaseException) -> str:
    """What was wrong with a reply that did not parse, without quoting it: a JSON decoder's position, else the
    kind of failure."""
    for cause in (exc, exc.__cause__, exc.__context__):
        if isinstance(cause, json.JSONDecodeError):
            return f"{cause.msg} at line {cause.lineno} column {cause.colno}"
    if isinstance(exc, _CutOff):
        return str(exc)
    return "the reply is prose or broken JSON, not one JSON object"


# What the SDK's response parsing raises on a body that is not a chat completion.
_MALFORMED_REPLY_ERRORS = (ValueError, AttributeError, IndexError, KeyError, TypeError)
_CLIENT_LIBRARIES = ("openai", "langchain_openai", "langchain_core", "httpx", "httpcore", "pydantic")


def _raised_by_client_library(exc: BaseException) -> bool:
    """Whether the innermost non-stdlib frame of `exc` is in the HTTP client / SDK, not in our code or a test's
    fake model (whose bugs must still surface)."""
    origin = ""
    tb = exc.__traceback__
    while tb is not None:
        module = str(tb.tb_frame.f_globals.get("__name__", "")).split(".")[0]
        if module and module not in sys.stdlib_module_names:
            origin = module
        tb = tb.tb_next
    # Prefixes: the HTTP stack ships under more than one name (httpx, httpx2).
    return bool(origin) and origin.startswith(_CLIENT_LIBRARIES)


def _error_text(exc: BaseException) -> str:
    body = getattr(exc, "body", None)
    return f"{getattr(exc, 'message', '') or exc} {json.dumps(body) if body is not None else ''}".lower()


def _method_rejection(exc: BaseException) -> MethodUnsupported | None:
    """A 400/422/500 whose body names response_format/json_schema/tools/tool_choice: the server cannot do this
    structured-output method (llama-cpp-python answers json_schema with a 500). Not retried: the next method is."""
    status = getattr(exc, "status_code", None)
    if status is None:
        response = getattr(exc, "response", None)
        status = getattr(response, "status_code", None)
    if status is None and isinstance(exc, lc_errors.ModelInvalidRequestError):
        status = 400
    if status not in _METHOD_STATUSES:
        return None
    text = _error_text(exc)
    if not any(hint in text for hint in _METHOD_HINTS):
        return None
    return MethodUnsupported(f"The LLM server does not support this structured-output method (HTTP {status}).")


def _text_of(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content
    parts = [p if isinstance(p, str) else str(p.get("text", "")) for p in content if isinstance(p, str | dict)]
    return "".join(parts)


def _prompt_text(messages: Sequence[BaseMessage]) -> str:
    return "\n".join(_text_of(m) for m in messages)


class _NoToolCall(Exception):
    """Tool calling was forced but the reply carried no tool call (the model printed it as text)."""


def _server_key(model: BaseChatModel) -> str | None:
    """Base URL + model name for a model behind a server (OpenAI-style); None for an in-process model."""
    base = getattr(model, "openai_api_base", None)
    name = getattr(model, "model_name", None) or getattr(model, "model", None)
    return f"{base}|{name}" if base else None


@dataclass(frozen=True)
class BoundCall:
    """One request as the model will receive it: the prompt it came from, its messages and the prompt's settings."""

    prompt: str
    messages: list[BaseMessage]
    params: dict[str, Any]


@dataclass
class CallStats:
    """What this client's calls did, for `assistant eval` and the Settings page (counts and wall-clock seconds)."""

    latencies: list[float] = field(default_factory=list)
    method_attempts: Counter[str] = field(default_factory=Counter)
    method_successes: Counter[str] = field(default_factory=Counter)
    method_rejections: Counter[str] = field(default_factory=Counter)
    repairs: int = 0
    salvaged: int = 0  # structured replies used once their thinking, fence or surrounding prose was set aside
    failures: Counter[str] = field(default_factory=Counter)


class LLMClient:
    """One session's gateway to a chat model (inject `FakeChatModel` in tests, `build_chat_model()` in the app).

    Public calls take a prompt name and its variables: `text`, `stream` and `structured`. An interviewer turn also
    passes `system=("interviewer_system", {...})` and `context` (the rolling history window placed before the task);
    the task prompt's settings apply, over any the system prompt declares.
    """

    def __init__(
        self,
        model: BaseChatModel,
        meter: UsageMeter,
        *,
        max_retries: int = 2,
        backoff_s: float = 0.5,
        prompts: PromptLibrary | None = None,
        canary: str | None = None,
        first_token_timeout_s: float | None = None,
        total_timeout_s: float | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.model = model
        self.meter = meter
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.prompts = prompts or PromptLibrary(REPO_ROOT / "prompts", REPO_ROOT / "prompts")
        self.canary = canary
        self.first_token_timeout_s = first_token_timeout_s
        self.total_timeout_s = total_timeout_s
        self._sleep = sleep
        self.retries_made = 0
        self.stats = CallStats()
        # The structured-output methods this client may use, in order (`assistant eval` probes one at a time).
        self.methods: tuple[StructuredMethod, ...] = STRUCTURED_METHODS
        self._server = _server_key(model)
        self._local_method: StructuredMethod | None = None  # for an in-process model (no server to key by)

    @property
    def model_name(self) -> str | None:
        return getattr(self.model, "model_name", None) or getattr(self.model, "model", None)

    @property
    def structured_method(self) -> StructuredMethod | None:
        """The structured-output method known to work with this server (None until one has)."""
        if self._server is None:
            return self._local_method
        with _method_lock:
            return _WORKING_METHOD.get(self._server)

    def _remember(self, method: StructuredMethod) -> None:
        if self.methods != STRUCTURED_METHODS:
            return  # a probe restricted to some methods says nothing about the server's best one
        if self._server is None:
            self._local_method = method
            return
        with _method_lock:
            _WORKING_METHOD[self._server] = method

    # --- binding a call to its prompt -------------------------------------------------------------------------
    def bind(
        self,
        prompt: str,
        variables: Mapping[str, object],
        *,
        system: SystemPrompt | None = None,
        context: str | None = None,
    ) -> BoundCall:
        """Render `prompt` with `variables` (after an optional system prompt and context) and take its settings.

        Raises `PromptError` (a `CoachError`) when the prompt file is invalid or a variable is missing, before any
        request is made.
        """
        task = self.prompts.get(prompt)
        params: dict[str, Any] = {}
        messages: list[BaseMessage] = []
        if system is not None:
            system_name, system_vars = system
            system_prompt = self.prompts.get(system_name)
            params.update(system_prompt.model)
            messages.append(SystemMessage(content=system_prompt.render(**system_vars)))
        params.update(task.model)
        body = task.render(**variables)
        messages.append(HumanMessage(content=f"{context}\n\n{body}" if context else body))
        return BoundCall(prompt=prompt, messages=messages, params={k: v for k, v in params.items() if k in CALL_PARAMS})

    def text(
        self,
        prompt: str,
        variables: Mapping[str, object],
        *,
        system: SystemPrompt | None = None,
        context: str | None = None,
    ) -> str:
        """The model's whole reply to `prompt` as text."""
        return self._complete(self.bind(prompt, variables, system=system, context=context))

    def stream(
        self,
        prompt: str,
        variables: Mapping[str, object],
        *,
        system: SystemPrompt | None = None,
        context: str | None = None,
    ) -> Iterator[str]:
        """The reply to `prompt`, piece by piece (see `_stream` for how failures midway are reported)."""
        return self._stream(self.bind(prompt, variables, system=system, context=context))

    def structured(
        self,
        prompt: str,
        variables: Mapping[str, object],
        schema: type[M],
        *,
        system: SystemPrompt | None = None,
        context: str | None = None,
    ) -> M:
        """The reply to `prompt` as a validated `schema` instance (see `_structured`)."""
        return self._structured(self.bind(prompt, variables, system=system, context=context), schema)

    # --- plumbing ---------------------------------------------------------------------------------------------
    def _model_with(self, params: Mapping[str, Any]) -> BaseChatModel:
        """A copy of the model carrying the prompt's settings. A setting the model class cannot take is an error,
        never silently dropped."""
        update = {k: v for k, v in params.items() if k in CALL_PARAMS}
        if not update:
            return self.model
        fields = type(self.model).model_fields
        missing = sorted(k for k in update if k not in fields)
        if missing:
            raise LLMRequestRejected(
                f"The chat model ({type(self.model).__name__}) cannot take the prompt setting(s) {missing}."
            )
        return self.model.model_copy(update=update)

    def _call(self, action: Callable[[], T], messages: Sequence[BaseMessage] = ()) -> T:
        """Run one model call with the budget check (including the prompt about to be sent), error translation
        and bounded exponential backoff."""
        attempt = 0
        upcoming = approx_tokens(_prompt_text(messages)) if messages else 0
        while True:
            self.meter.check(upcoming)
            started = time.perf_counter()
            try:
                result = action()
                self.stats.latencies.append(time.perf_counter() - started)
                return result
            except Exception as exc:
                translated = translate_error(exc)
                if translated is None:
                    raise
                if isinstance(translated, _Retryable):
                    if attempt < self.max_retries:
                        delay = self.backoff_s * (2**attempt)
                        log.info("LLM call failed (%s); retry %d in %.2f s", type(exc).__name__, attempt + 1, delay)
                        attempt += 1
                        self.retries_made += 1
                        self._sleep(delay)
                        continue
                    self.stats.failures[translated.final.code] += 1
                    raise translated.final from exc
                if messages:
                    translated = _without_echo(translated, messages)
                self.stats.failures[translated.code] += 1
                raise translated from exc

    def _record(self, messages: Sequence[BaseMessage], reply: BaseMessage | None, output_text: str) -> None:
        usage = getattr(reply, "usage_metadata", None) if reply is not None else None
        if usage and (usage.get("input_tokens") or usage.get("output_tokens")):
            self.meter.record(usage.get("input_tokens", 0), usage.get("output_tokens", 0), self.model_name)
        else:
            self.meter.record(
                approx_tokens(_prompt_text(messages)), approx_tokens(output_text), self.model_name, approximate=True
            )

    def _guard_output(self, text: str) -> None:
        if contains_canary(text, self.canary) or CANARY_PATTERN.search(text):
            log.warning("model output contained the system-prompt canary; reply withheld")
            raise PromptLeakBlocked()

    def _stream_kwargs(self) -> dict[str, Any]:
        """Per-request timeout for a stream: the gap allowed before the first (or next) piece, not the total,
        which `_stream` enforces itself. Only an OpenAI-style model takes it."""
        if self.first_token_timeout_s is None or not hasattr(self.model, "request_timeout"):
            return {}
        return {"timeout": httpx.Timeout(self.first_token_timeout_s)}

    # --- plain text -------------------------------------------------------------------------------------------
    def _complete(self, call: BoundCall) -> str:
        model = self._model_with(call.params)
        reply = self._call(lambda: model.invoke(call.messages), call.messages)
        said = _text_of(reply)
        self._record(call.messages, reply, said)  # the thinking was generated, so it is paid for
        text = visible_reply(said)
        self._guard_output(text)
        return text

    def _stream(self, call: BoundCall) -> Iterator[str]:
        """Yield the reply piece by piece.

        Failures before the first piece are retried like `text`. Once text has been shown, a failure (a stream that
        ends without the server's finish signal, or one that runs past the total timeout) raises
        `StreamInterrupted` with the partial text.
        """
        model = self._model_with(call.params)
        messages = call.messages
        said: list[str] = []  # everything generated, thinking included (token accounting)
        received: list[str] = []  # what the candidate may see
        reasoning = ReasoningFilter()
        shown = 0
        finished = False
        usage: dict[str, int] | None = None
        kwargs = self._stream_kwargs()
        started = time.perf_counter()

        def first_chunk() -> tuple[Iterator[Any], Any | None]:
            iterator = iter(model.stream(messages, **kwargs))
            return iterator, next(iterator, None)

        iterator, chunk = self._call(first_chunk, messages)
        try:
            while chunk is not None:
                if getattr(chunk, "usage_metadata", None):
                    usage = dict(chunk.usage_metadata)
                if (getattr(chunk, "response_metadata", None) or {}).get("finish_reason"):
                    finished = True
                piece = _text_of(chunk)
                if piece:
                    said.append(piece)
                    piece = reasoning.feed(piece)
                if piece:
                    received.append(piece)
                    text = "".join(received)
                    self._guard_output(text)
                    held = _CANARY_PREFIX_AT_END.search(text, shown)
                    safe_until = held.start() if held else len(text)
                    if safe_until > shown:
                        yield text[shown:safe_until]
                        shown = safe_until
                if self.total_timeout_s is not None and time.perf_counter() - started > self.total_timeout_s:
                    raise LLMTimeout(
                        f"The LLM's reply ran past the total timeout (LLM_TIMEOUT_S={self.total_timeout_s:g} s)."
                    )
                chunk = next(iterator, None)
        except PromptLeakBlocked:
            self._record_stream(messages, usage, "".join(said))
            raise
        except Exception as exc:
            if translate_error(exc) is None:
                raise
            self._record_stream(messages, usage, "".join(said))
            raise StreamInterrupted("".join(received)) from exc
        finally:
            close = getattr(iterator, "close", None)
            if close is not None:
                close()
        held_back = reasoning.finish()
        if held_back:
            received.append(held_back)
            self._guard_output("".join(received))
        text = "".join(received)
        self._record_stream(messages, usage, "".join(said))
        if not finished:
            raise StreamInterrupted(text)
        if len(text) > shown:
            yield text[shown:]

    def _record_stream(self, messages: Sequence[BaseMessage], usage: dict[str, int] | None, text: str) -> None:
        reply = AIMessage(content=text, usage_metadata=usage) if usage else None
        self._record(messages, reply, text)

    # --- structured output ------------------------------------------------------------------------------------
    def _structured(self, call: BoundCall, schema: type[M]) -> M:
        """The reply as a validated `schema` instance.

        Methods are tried in order json_schema -> function_calling -> json_mode, starting at the one remembered for
        this server. A method moves on when the server rejects it (`MethodUnsupported`) or, for tool calling, when
        the reply carries no tool call although one was forced. Invalid output gets one repair attempt (prompt
        `json_repair`), then `StructuredOutputError`: an invalid result is never returned as valid.
        """
        json_schema = schema.model_json_schema()
        order = self.methods
        remembered = self.structured_method
        if remembered is not None and remembered in order:
            order = order[order.index(remembered) :]
        last_problem: LLMError | None = None
        for method in order:
            self.stats.method_attempts[method] += 1
            try:
                raw, candidate = self._structured_once(call.messages, json_schema, method, call.params)
            except MethodUnsupported as rejection:
                log.info("structured output method %s not supported by the server; trying the next", method)
                self.stats.method_rejections[method] += 1
                last_problem = rejection
                continue
            except _NoToolCall:
                log.info("a tool call was forced but none came back; trying the next method")
                self.stats.method_rejections[method] += 1
                last_problem = StructuredOutputError("The model did not make the forced tool call.")
                continue
            result, problem = self._validate(schema, candidate)
            if result is None:
                result, problem = self._salvage(schema, raw, problem)
            if result is None:
                result = self._repair(call, schema, json_schema, method, raw, problem)
            self._remember(method)
            self.stats.method_successes[method] += 1
            return result
        raise LLMRequestRejected(
            "The LLM server gave a structured reply through none of the methods (json_schema, tool calling, "
            "JSON mode)."
        ) from last_problem

    def _structured_once(
        self,
        messages: Sequence[BaseMessage],
        json_schema: dict[str, Any],
        method: StructuredMethod,
        params: Mapping[str, Any],
    ) -> tuple[str, Any]:
        """One call; returns (raw output text, parsed candidate or an exception describing the parse failure)."""
        model = self._model_with(params)
        call_messages = list(messages)
        if method == "json_mode":
            # JSON mode guarantees JSON, not the shape: the schema has to be in the prompt.
            call_messages.append(
                SystemMessage(
                    "Respond with only a JSON object that matches this JSON schema:\n" + json.dumps(json_schema)
                )
            )
        runnable = model.with_structured_output(json_schema, method=method, include_raw=True)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_FALLBACK_WARNINGS, category=UserWarning)
            result = self._call(lambda: runnable.invoke(call_messages), call_messages)
        raw_message: BaseMessage | None = result.get("raw") if isinstance(result, dict) else None
        raw_text = self._raw_text(raw_message)
        self._record(call_messages, raw_message, raw_text)
        self._guard_output(visible_reply(raw_text))
        if not isinstance(result, dict):
            return raw_text, result
        if method == "function_calling" and raw_message is not None and not getattr(raw_message, "tool_calls", None):
            raise _NoToolCall()
        error = result.get("parsing_error")
        if error is not None:
            return raw_text, error
        if raw_message is not None and (getattr(raw_message, "response_metadata", None) or {}).get(
            "finish_reason"
        ) == "length" and result.get("parsed") is None:
            return raw_text, _CutOff("the reply was cut off at max_tokens; answer more briefly")
        return raw_text, result.get("parsed")

    @staticmethod
    def _raw_text(message: BaseMessage | None) -> str:
        if message is None:
            return ""
        tool_calls = getattr(message, "tool_calls", None)
        if tool_calls:
            return json.dumps(tool_calls[0].get("args", {}), ensure_ascii=False)
        return _text_of(message)

    def _salvage(self, schema: type[M], raw: str, problem: str) -> tuple[M | None, str]:
        """The object inside a reply that did not parse as it stood (thinking first, a Markdown fence, a sentence
        around it: `json_object_in`), validated like any other; saves a repair round trip. (None, why) otherwise."""
        found = json_object_in(raw)
        if found is None:
            return None, problem
        result, found_problem = self._validate(schema, found)
        if result is not None:
            self.stats.salvaged += 1
        return result, found_problem

    @staticmethod
    def _validate(schema: type[M], candidate: Any) -> tuple[M | None, str]:
        if isinstance(candidate, BaseException):
            # Not the parser's own text: it quotes the reply, which can echo the candidate's resume or answer, and
            # this problem goes into error messages and logs. The repair prompt shows the reply itself anyway.
            return None, f"the output is not valid JSON ({_parse_problem(candidate)})"
        if candidate is None:
            return None, "no JSON object was returned"
        if isinstance(candidate, schema):
            return candidate, ""
        try:
            return schema.model_validate(candidate), ""
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}" for err in exc.errors()[:10]
            )
            return None, problems

    def _repair(
        self,
        call: BoundCall,
        schema: type[M],
        json_schema: dict[str, Any],
        method: StructuredMethod,
        raw: str,
        problem: str,
    ) -> M:
        """One more request: the original messages plus prompt `json_repair`. It carries json_repair's declared
        settings over the original prompt's (the reply is still the original schema, so its max_tokens stays
        unless json_repair declares one)."""
        log.info("structured output invalid (%s); one repair attempt", problem[:200])
        self.stats.repairs += 1
        repair = self.prompts.get("json_repair")
        repair_prompt = repair.render(
            schema=json.dumps(json_schema, indent=1),
            error=problem,
            # The model's own reply shown back as is, less its thinking (which is not the answer being repaired).
            output=spotlight(visible_reply(raw), "previous_output", redact=False),
        )
        params = {**call.params, **{k: v for k, v in repair.model.items() if k in CALL_PARAMS}}
        repair_messages = [*call.messages, HumanMessage(repair_prompt)]
        raw_again, candidate = self._structured_once(repair_messages, json_schema, method, params)
        result, problem_again = self._validate(schema, candidate)
        if result is None:
            result, problem_again = self._salvage(schema, raw_again, problem_again)
        if result is not None:
            return result
        raise StructuredOutputError(
            f"The LLM's answer did not match the expected format even after a repair attempt ({problem_again[:200]}).",
            raw_output=raw_again,
            problem=problem_again,
        )
