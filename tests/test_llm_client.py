"""LLMClient over the in-process FakeChatModel: retries, error messages, structured fallbacks, repair, budget."""

from __future__ import annotations

import pytest
from langchain_core import exceptions as lc_errors
from langchain_core.messages import HumanMessage
from pydantic import BaseModel, Field

from assistant.llm.client import LLMClient
from assistant.llm.errors import (
    BudgetExceeded,
    LLMAuthError,
    LLMError,
    LLMTimeout,
    LLMUnavailable,
    StreamInterrupted,
    StructuredOutputError,
)
from assistant.llm.fakes import FakeChatModel, InterruptedReply
from assistant.llm.usage import UsageMeter, approx_tokens
from assistant.prompting import PromptLibrary


class Verdict(BaseModel):
    score: int = Field(ge=1, le=5)
    evidence: list[str]


ASK = ("ask", {"text": "Score this answer."})
ASK_MESSAGES = [HumanMessage("Score this answer.\n")]
GOOD = {"score": 4, "evidence": ["I hired two seniors"]}


def _client(
    model: FakeChatModel, prompts: PromptLibrary, budget: int = 1_000_000, retries: int = 2
) -> tuple[LLMClient, list[float]]:
    sleeps: list[float] = []
    client = LLMClient(
        model, UsageMeter(budget), max_retries=retries, backoff_s=0.5, sleep=sleeps.append, prompts=prompts
    )
    return client, sleeps


def test_complete_returns_text_and_records_reported_usage(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary
) -> None:
    fake_model.enqueue("Tell me about a team you built.")
    client, _ = _client(fake_model, ask_prompts)
    assert client.text(*ASK) == "Tell me about a team you built."
    [record] = client.meter.records
    assert (record.prompt_tokens, record.completion_tokens, record.approximate) == (
        approx_tokens("Score this answer.\n"),
        approx_tokens("Tell me about a team you built."),
        False,
    )
    assert fake_model.history == [ASK_MESSAGES]


def test_empty_queue_fails_loudly(fake_model: FakeChatModel, ask_prompts: PromptLibrary) -> None:
    client, _ = _client(fake_model, ask_prompts)
    with pytest.raises(AssertionError, match="no reply was enqueued"):
        client.text(*ASK)


def test_rate_limit_is_retried_with_exponential_backoff(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary
) -> None:
    fake_model.enqueue(lc_errors.ModelRateLimitError("429"), lc_errors.ModelAPIError("503"), "finally")
    client, sleeps = _client(fake_model, ask_prompts)
    assert client.text(*ASK) == "finally"
    assert sleeps == [0.5, 1.0]
    assert len(fake_model.history) == 3


def test_retries_are_bounded_then_a_clear_message(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary
) -> None:
    fake_model.enqueue(*[lc_errors.ModelConnectionError("refused")] * 3, "never reached")
    client, sleeps = _client(fake_model, ask_prompts)
    with pytest.raises(LLMUnavailable, match="Could not reach the LLM server"):
        client.text(*ASK)
    assert len(fake_model.history) == 3 and len(sleeps) == 2


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (lc_errors.ModelAuthenticationError("401 sk-do-not-show"), LLMAuthError),
        (lc_errors.ModelTimeoutError("timed out"), LLMTimeout),
    ],
)
def test_auth_and_timeout_errors_are_not_retried(
    fake_model: FakeChatModel, error: Exception, expected: type, ask_prompts: PromptLibrary
) -> None:
    fake_model.enqueue(error, "unused")
    client, sleeps = _client(fake_model, ask_prompts)
    with pytest.raises(expected) as caught:
        client.text(*ASK)
    assert sleeps == [] and len(fake_model.history) == 1
    assert "sk-do-not-show" not in caught.value.message


def test_programming_errors_are_not_disguised(fake_model: FakeChatModel, ask_prompts: PromptLibrary) -> None:
    fake_model.enqueue(KeyError("bug"))
    client, _ = _client(fake_model, ask_prompts)
    with pytest.raises(KeyError):
        client.text(*ASK)


def test_stream_yields_words_and_records_usage(fake_model: FakeChatModel, ask_prompts: PromptLibrary) -> None:
    fake_model.enqueue("What did you personally decide?")
    client, _ = _client(fake_model, ask_prompts)
    pieces = list(client.stream(*ASK))
    assert len(pieces) > 1 and "".join(pieces) == "What did you personally decide?"
    assert client.meter.calls == 1 and not client.meter.approximate


def test_stream_drop_raises_with_partial_text_marked_incomplete(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary
) -> None:
    fake_model.enqueue(InterruptedReply("What did you"))
    client, _ = _client(fake_model, ask_prompts)
    shown: list[str] = []
    with pytest.raises(StreamInterrupted) as caught:
        for piece in client.stream(*ASK):
            shown.append(piece)
    assert caught.value.partial == "What did you" and caught.value.complete is False
    assert "".join(shown) == "What did you"[: len("".join(shown))]


def test_structured_uses_json_schema_first_and_validates(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary
) -> None:
    fake_model.enqueue(GOOD)
    client, _ = _client(fake_model, ask_prompts)
    assert client.structured(*ASK, Verdict) == Verdict(**GOOD)
    assert client.structured_method == "json_schema"


def test_structured_falls_back_and_remembers_the_working_method(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary
) -> None:
    fake_model.unsupported_methods = {"json_schema", "function_calling"}
    fake_model.enqueue(GOOD, GOOD)
    client, _ = _client(fake_model, ask_prompts)
    assert client.structured(*ASK, Verdict).score == 4
    assert client.structured_method == "json_mode"
    methods = [kw.get("_fake_structured_method") for kw in fake_model.call_kwargs]
    assert methods == ["json_schema", "function_calling", "json_mode"]
    assert "JSON schema" in fake_model.history[-1][-1].content, "JSON mode puts the schema in the prompt"
    client.structured(*ASK, Verdict)
    assert [kw.get("_fake_structured_method") for kw in fake_model.call_kwargs][3:] == ["json_mode"]


def test_invalid_output_gets_one_repair_attempt(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary
) -> None:
    fake_model.enqueue({"score": 9, "evidence": []}, GOOD)
    client, _ = _client(fake_model, ask_prompts)
    assert client.structured(*ASK, Verdict) == Verdict(**GOOD)
    repair = fake_model.history[1][-1].content
    assert "score: Input should be less than or equal to 5" in repair
    assert '"score": 9' in repair and "<<previous_output_" in repair


def test_invalid_score_is_never_returned_as_valid(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary
) -> None:
    fake_model.enqueue({"score": 9, "evidence": []}, "sorry, I cannot", "unused")
    client, _ = _client(fake_model, ask_prompts)
    with pytest.raises(StructuredOutputError) as caught:
        client.structured(*ASK, Verdict)
    assert len(fake_model.history) == 2, "exactly one repair attempt"
    assert caught.value.raw_output == "sorry, I cannot"


def test_budget_stops_calls_before_they_are_made(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary
) -> None:
    fake_model.enqueue("x" * 4_000, "unused")
    client, _ = _client(fake_model, ask_prompts, budget=1_000)
    client.text(*ASK)
    with pytest.raises(BudgetExceeded, match="token budget"):
        client.text(*ASK)
    assert len(fake_model.history) == 1


def test_prompt_model_parameters_apply_per_call() -> None:
    from langchain_openai import ChatOpenAI

    model = ChatOpenAI(model="m", api_key="not-needed", base_url="http://127.0.0.1:9/v1")  # type: ignore[arg-type]
    client = LLMClient(model, UsageMeter(1000))
    tuned = client._model_with({"temperature": 0.0, "max_tokens": 50, "unknown": 1})
    assert (tuned.temperature, tuned.max_tokens) == (0.0, 50)
    assert model.max_tokens is None, "the shared model is not mutated"


def test_an_unexpected_sdk_failure_is_a_plain_message_and_its_text_stays_in_the_debug_log(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary, caplog: pytest.LogCaptureFixture
) -> None:
    """A parser error quotes what it could not parse, which can be the candidate's resume or answer: the user gets
    a clear message with the error code, the raw text goes only to the DEBUG log."""
    echoed = "Invalid output: Jordan Sample, jordan.sample@example.com, +1 555 0100, led 40 engineers"

    def broken(_messages: object) -> str:
        raise lc_errors.OutputParserException(echoed)

    fake_model.responder = broken
    client, _ = _client(fake_model, ask_prompts)
    with caplog.at_level("DEBUG"), pytest.raises(LLMError) as caught:
        client.text(*ASK)
    error = caught.value
    assert error.code == "llm_error"
    assert "jordan.sample@example.com" not in error.message and "OutputParserException" not in error.message
    assert "offline coach" in error.message
    above_debug = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records if r.levelno > 10)
    assert "jordan.sample" not in above_debug and "OutputParserException" in above_debug
    assert any(r.levelno == 10 and r.exc_info for r in caplog.records), "details kept at DEBUG"


def test_a_reply_that_is_not_json_is_not_quoted_to_the_user_or_in_info_logs(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary, caplog: pytest.LogCaptureFixture
) -> None:
    """A small model that answers in prose often repeats the candidate's text; its reply is kept for the repair
    prompt and `raw_output` (DEBUG), never copied into the error message or an INFO log line."""
    echoed = "Sure! Jordan Sample (jordan.sample@example.com) clearly led 40 engineers, I'd give it a 5."
    fake_model.enqueue(echoed, echoed)
    client, _ = _client(fake_model, ask_prompts)
    with caplog.at_level("INFO"), pytest.raises(StructuredOutputError) as caught:
        client.structured(*ASK, Verdict)
    assert "jordan.sample" not in caught.value.message and "not valid JSON" in caught.value.message
    assert caught.value.raw_output == echoed  # still there for a DEBUG look
    assert "jordan.sample" in str(fake_model.history[1][-1].content), "the repair prompt still shows the reply"
    assert not [r for r in caplog.records if "jordan.sample" in r.getMessage()]


def test_a_400_that_echoes_the_request_does_not_show_the_prompt_to_the_user(
    fake_model: FakeChatModel, ask_prompts: PromptLibrary
) -> None:
    """Local servers answer a malformed request with their validation dump, which quotes the request: the prompt,
    with the candidate's resume in it. The message keeps the server's reason, never the quoted request."""
    import httpx
    import openai

    resume_line = "Jordan Sample, jordan.sample@example.com, led 40 engineers at Example Corp"
    server_says = (f"[{{'type': 'string_too_long', 'loc': ('body', 'messages', 0, 'content'), "
                   f"'msg': 'String should have at most 100 characters', 'input': 'Score this answer. {resume_line}'}}]")

    def rejects(_messages: object) -> str:
        request = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
        raise openai.BadRequestError(server_says, response=httpx.Response(400, request=request), body=None)

    fake_model.responder = rejects
    client, _ = _client(fake_model, ask_prompts)
    with pytest.raises(LLMError) as caught:
        client.text("ask", {"text": f"Score this answer. {resume_line}"})
    assert caught.value.code == "llm_bad_request"
    assert "jordan.sample" not in caught.value.message and "Example Corp" not in caught.value.message
    assert "rejected the request" in caught.value.message


def test_a_plain_400_reason_is_still_shown(fake_model: FakeChatModel, ask_prompts: PromptLibrary) -> None:
    import httpx
    import openai

    reason = "This model's maximum context length is 4096 tokens. However, your messages resulted in 5000 tokens."

    def rejects(_messages: object) -> str:
        request = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
        raise openai.BadRequestError(reason, response=httpx.Response(400, request=request), body=None)

    fake_model.responder = rejects
    client, _ = _client(fake_model, ask_prompts)
    with pytest.raises(LLMError) as caught:
        client.text(*ASK)
    assert reason in caught.value.message
