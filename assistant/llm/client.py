"""`LLMClient`: every model call the product makes goes through here.

It owns the policies a feature should not have to think about: bounded retries with backoff (429, 5xx, connection
errors; never 400/401), one translation of every SDK/LangChain exception into an `LLMError` with a user-facing
message, token accounting and the session budget, canary checks on output, streaming that reports a reply cut off
midway, and structured output that degrades from json_schema to tool calling to JSON mode, with one repair attempt.

Timeouts are not retried: the model already had `LLM_TIMEOUT_S` (about 60 s) and a hung server rarely recovers in
seconds, so retrying would keep a candidate waiting minutes before the offline fallback.
"""

from __future__ import annotations

import json
import logging
import re
import time
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
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
    PromptLeakBlocked,
    StreamInterrupted,
    StructuredOutputError,
)
from assistant.llm.safety import CANARY_PATTERN, contains_canary, spotlight
from assistant.llm.usage import UsageMeter, approx_tokens
from assistant.prompting import PromptLibrary

__all__ = ["LLMClient"]  # the errors it raises live in (and are imported from) assistant.llm.errors

log = logging.getLogger(__name__)

# langchain-openai warns when a server rejects json_schema; we handle that by falling back, so the warning would
# only alarm the user.
_FALLBACK_WARNINGS = r"(This model does not support|Invalid schema for) OpenAI's structured output"

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)
StructuredMethod = Literal["json_schema", "function_calling", "json_mode"]
STRUCTURED_METHODS: tuple[StructuredMethod, ...] = ("json_schema", "function_calling", "json_mode")
# Model parameters a prompt file may set (front matter `model:`), applied per call.
CALL_PARAMS = ("temperature", "max_tokens", "top_p")
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
        return LLMTimeout("The LLM did not answer within the timeout (LLM_TIMEOUT_S); the offline coach can continue.")
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
    if isinstance(exc, openai.BadRequestError | lc_errors.ModelInvalidRequestError):
        detail = getattr(exc, "message", None) or str(exc)
        return LLMRequestRejected(f"The LLM server rejected the request: {detail[:300]}")
    return None


def _text_of(message: BaseMessage) -> str:
    content = message.content
    if isinstance(content, str):
        return content
    parts = [p if isinstance(p, str) else str(p.get("text", "")) for p in content if isinstance(p, str | dict)]
    return "".join(parts)


def _prompt_text(messages: Sequence[BaseMessage]) -> str:
    return "\n".join(_text_of(m) for m in messages)


def _is_unsupported_structured(error: LLMRequestRejected) -> bool:
    """A 400 that says the server lacks this structured-output method (vs. a genuinely bad request)."""
    text = error.message.lower()
    return any(
        hint in text
        for hint in ("response_format", "json_schema", "json_object", "tool", "function", "not supported", "unsupported")
    )


class LLMClient:
    """One session's gateway to a chat model (inject `FakeChatModel` in tests, `build_chat_model()` in the app)."""

    def __init__(
        self,
        model: BaseChatModel,
        meter: UsageMeter,
        *,
        max_retries: int = 2,
        backoff_s: float = 0.5,
        prompts: PromptLibrary | None = None,
        canary: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.model = model
        self.meter = meter
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.prompts = prompts or PromptLibrary(REPO_ROOT / "prompts", REPO_ROOT / "prompts")
        self.canary = canary
        self._sleep = sleep
        self.structured_method: StructuredMethod | None = None  # remembered once a method has worked
        self.retries_made = 0

    @property
    def model_name(self) -> str | None:
        return getattr(self.model, "model_name", None) or getattr(self.model, "model", None)

    # --- plumbing ---------------------------------------------------------------------------------------------
    def _model_with(self, params: Mapping[str, Any] | None) -> BaseChatModel:
        """Apply a prompt's model parameters (temperature, max_tokens) to a copy of the model."""
        if not params:
            return self.model
        fields = type(self.model).model_fields
        update = {k: v for k, v in params.items() if k in CALL_PARAMS and k in fields}
        return self.model.model_copy(update=update) if update else self.model

    def _call(self, action: Callable[[], T], messages: Sequence[BaseMessage] = ()) -> T:
        """Run one model call with the budget check (including the prompt about to be sent), error translation
        and bounded exponential backoff."""
        attempt = 0
        upcoming = approx_tokens(_prompt_text(messages)) if messages else 0
        while True:
            self.meter.check(upcoming)
            try:
                return action()
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
                    raise translated.final from exc
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

    # --- plain text -------------------------------------------------------------------------------------------
    def complete(self, messages: Sequence[BaseMessage], *, params: Mapping[str, Any] | None = None) -> str:
        """The model's whole reply as text."""
        model = self._model_with(params)
        reply = self._call(lambda: model.invoke(list(messages)), messages)
        text = _text_of(reply)
        self._record(messages, reply, text)
        self._guard_output(text)
        return text

    def stream(self, messages: Sequence[BaseMessage], *, params: Mapping[str, Any] | None = None) -> Iterator[str]:
        """Yield the reply piece by piece.

        Failures before the first piece are retried like `complete`. Once text has been shown, a failure (or a
        stream that ends without the server's finish signal) raises `StreamInterrupted` with the partial text.
        """
        model = self._model_with(params)
        received: list[str] = []
        shown = 0
        finished = False
        usage: dict[str, int] | None = None

        def first_chunk() -> tuple[Iterator[Any], Any | None]:
            iterator = iter(model.stream(list(messages)))
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
                    received.append(piece)
                    text = "".join(received)
                    self._guard_output(text)
                    held = _CANARY_PREFIX_AT_END.search(text, shown)
                    safe_until = held.start() if held else len(text)
                    if safe_until > shown:
                        yield text[shown:safe_until]
                        shown = safe_until
                chunk = next(iterator, None)
        except PromptLeakBlocked:
            self._record_stream(messages, usage, "".join(received))
            raise
        except Exception as exc:
            if translate_error(exc) is None:
                raise
            partial = "".join(received)
            self._record_stream(messages, usage, partial)
            raise StreamInterrupted(partial) from exc
        text = "".join(received)
        self._record_stream(messages, usage, text)
        if not finished:
            raise StreamInterrupted(text)
        if len(text) > shown:
            yield text[shown:]

    def _record_stream(self, messages: Sequence[BaseMessage], usage: dict[str, int] | None, text: str) -> None:
        reply = AIMessage(content=text, usage_metadata=usage) if usage else None  # type: ignore[arg-type]
        self._record(messages, reply, text)

    # --- structured output ------------------------------------------------------------------------------------
    def structured(
        self,
        messages: Sequence[BaseMessage],
        schema: type[M],
        *,
        params: Mapping[str, Any] | None = None,
    ) -> M:
        """The reply as a validated `schema` instance.

        Methods are tried in order json_schema -> function_calling -> json_mode, moving on only when the server
        rejects the method itself; the one that works is remembered. Invalid output gets one repair attempt
        (prompt `json_repair`), then `StructuredOutputError`: an invalid result is never returned as valid.
        """
        json_schema = schema.model_json_schema()
        order = STRUCTURED_METHODS
        if self.structured_method is not None:
            start = STRUCTURED_METHODS.index(self.structured_method)
            order = STRUCTURED_METHODS[start:]
        last_rejection: LLMRequestRejected | None = None
        for method in order:
            try:
                raw, candidate = self._structured_once(messages, json_schema, method, params)
            except LLMRequestRejected as rejection:
                if not _is_unsupported_structured(rejection):
                    raise
                log.info("structured output method %s not supported by the server; falling back", method)
                last_rejection = rejection
                continue
            self.structured_method = method
            result, problem = self._validate(schema, candidate)
            if result is not None:
                return result
            return self._repair(messages, schema, json_schema, method, params, raw, problem)
        assert last_rejection is not None
        raise LLMRequestRejected(
            "The LLM server supports none of the structured-output methods (json_schema, tool calling, JSON mode)."
        ) from last_rejection

    def _structured_once(
        self,
        messages: Sequence[BaseMessage],
        json_schema: dict[str, Any],
        method: StructuredMethod,
        params: Mapping[str, Any] | None,
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
        self._guard_output(raw_text)
        if not isinstance(result, dict):
            return raw_text, result
        error = result.get("parsing_error")
        if error is not None:
            return raw_text, error
        return raw_text, result.get("parsed")

    @staticmethod
    def _raw_text(message: BaseMessage | None) -> str:
        if message is None:
            return ""
        tool_calls = getattr(message, "tool_calls", None)
        if tool_calls:
            return json.dumps(tool_calls[0].get("args", {}), ensure_ascii=False)
        return _text_of(message)

    @staticmethod
    def _validate(schema: type[M], candidate: Any) -> tuple[M | None, str]:
        if isinstance(candidate, BaseException):
            return None, f"the output is not valid JSON ({str(candidate)[:300]})"
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
        messages: Sequence[BaseMessage],
        schema: type[M],
        json_schema: dict[str, Any],
        method: StructuredMethod,
        params: Mapping[str, Any] | None,
        raw: str,
        problem: str,
    ) -> M:
        log.info("structured output invalid (%s); one repair attempt", problem[:200])
        repair_prompt = self.prompts.render(
            "json_repair",
            schema=json.dumps(json_schema, indent=1),
            error=problem,
            output=spotlight(raw, "previous_output", redact=False),  # the model's own JSON, shown back as is
        )
        repair_messages = [*messages, HumanMessage(repair_prompt)]
        raw_again, candidate = self._structured_once(repair_messages, json_schema, method, params)
        result, problem_again = self._validate(schema, candidate)
        if result is not None:
            return result
        raise StructuredOutputError(
            f"The LLM's answer did not match the expected format even after a repair attempt ({problem_again[:200]}).",
            raw_output=raw_again,
            problem=problem_again,
        )
