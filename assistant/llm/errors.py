"""Errors of the LLM layer. Each carries a message a candidate or coach can act on, never a key or a traceback.

Features catch `LLMError` as a whole and fall back to the offline coach (flagging the result), so every failure of
a model call, whatever its cause, arrives as one of these.
"""

from __future__ import annotations

from assistant.errors import CoachError


class LLMError(CoachError):
    """Base of every failure of a model call."""

    code = "llm_error"


class LLMAuthError(LLMError):
    """The server refused the credentials (401/403). Never retried: retrying cannot fix a key."""

    code = "llm_auth"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(
            message or "The LLM server rejected the API key; set OPENAI_API_KEY in .env (or unset it to use the "
            "offline coach)."
        )


class LLMUnavailable(LLMError):
    """The server could not be reached or kept failing (connection errors, 429, 5xx) after bounded retries."""

    code = "llm_unavailable"


class LLMTimeout(LLMError):
    """A request found no server within LLM_CONNECT_TIMEOUT_S, or took longer than LLM_TIMEOUT_S in total."""

    code = "llm_timeout"


class LLMRequestRejected(LLMError):
    """The server refused the request itself (400/404: unknown model, unsupported parameter, context too long)."""

    code = "llm_bad_request"


class MethodUnsupported(LLMRequestRejected):
    """The server cannot do one structured-output method (json_schema, tools, JSON mode); the client tries the next.

    Raised for a 400/422/500 whose body names `response_format`, `json_schema`, `tools` or `tool_choice`; it only
    reaches a feature when no method at all works.
    """

    code = "llm_method_unsupported"


class BudgetExceeded(LLMError):
    """The session spent its token budget; no further model calls are made in it."""

    code = "llm_budget"


class StructuredOutputError(LLMError):
    """The model's answer did not fit the expected schema, even after one repair attempt.

    `raw_output` keeps what the model said (for logs at DEBUG, never shown as a valid result).
    """

    code = "llm_bad_output"

    def __init__(self, message: str, *, raw_output: str = "", problem: str = "") -> None:
        super().__init__(message)
        self.raw_output = raw_output
        self.problem = problem


class StreamInterrupted(LLMError):
    """A streamed reply stopped before the server said it was finished.

    `partial` is the text received so far; it is incomplete and must not be stored as a finished turn.
    """

    code = "llm_stream_interrupted"
    complete = False

    def __init__(self, partial: str, message: str | None = None) -> None:
        super().__init__(message or "The LLM's reply was cut off midway; the partial text is marked incomplete.")
        self.partial = partial


class PromptLeakBlocked(LLMError):
    """The model's output contained the system prompt's canary, so the reply was withheld."""

    code = "llm_prompt_leak"

    def __init__(self) -> None:
        super().__init__("The reply was withheld because it repeated the coach's internal instructions.")
