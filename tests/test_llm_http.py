"""The fault matrix of SECURITY.md through the REAL ChatOpenAI over HTTP, against the scripted local server."""

from __future__ import annotations

import json
import time

import pytest
from pydantic import BaseModel, Field, SecretStr

from assistant.config import Settings
from assistant.interview.llm_evaluator import LLMEvaluator
from assistant.interview.models import QuestionContext
from assistant.interview.scoring import OfflineScorer
from assistant.knowledge.embeddings import Embedder
from assistant.knowledge.schema import RoleKnowledge
from assistant.llm.client import LLMClient
from assistant.llm.errors import (
    LLMAuthError,
    LLMError,
    LLMTimeout,
    LLMUnavailable,
    StreamInterrupted,
    StructuredOutputError,
)
from assistant.llm.factory import build_chat_model
from assistant.llm.usage import UsageMeter
from assistant.prompting import PromptLibrary, sample_variables
from tests.support.llm_fixtures import ASK_PROMPT  # noqa: F401  (documents where `ask` comes from)
from tests.support.openai_server import FakeOpenAIServer, drop_stream, fault, hang, raw, reply

pytestmark = pytest.mark.slow

# A system prompt and a task, both through the test prompt `ask` (see tests/support/llm_fixtures.py).
ASK = ("ask", {"text": "Ask me a question."})
SYSTEM = ("ask", {"text": "You are an interviewer."})
GOOD = {"score": 4, "evidence": ["I hired two seniors"]}
SECRET_KEY = "sk-test-secret-0123456789"


class Verdict(BaseModel):
    score: int = Field(ge=1, le=5)
    evidence: list[str]


@pytest.fixture
def llm_settings(llm_settings: Settings, ask_prompts: PromptLibrary) -> Settings:
    """The shared settings, with the prompts folder that also holds the test prompt `ask`."""
    return llm_settings.model_copy(update={"assistant_prompts_dir": ask_prompts.prompts_dir})


def _client(settings: Settings, **overrides: object) -> LLMClient:
    """Built as the container builds it (timeouts from settings), with short backoff so retries are quick."""
    settings = settings.model_copy(update=overrides)
    return LLMClient(
        build_chat_model(settings), UsageMeter(settings.session_token_budget),
        max_retries=settings.llm_max_retries, backoff_s=0.05, prompts=PromptLibrary.from_settings(settings),
        first_token_timeout_s=settings.llm_connect_timeout_s, total_timeout_s=settings.llm_timeout_s,
    )


def test_plain_reply_and_usage_reported_by_the_server(llm_settings: Settings, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(reply("Tell me about a team you built."))
    client = _client(llm_settings)
    assert client.text(*ASK, system=SYSTEM) == "Tell me about a team you built."
    [request] = openai_server.chat_requests
    assert request.body is not None and request.body["model"] == "test-model"
    assert [m["role"] for m in request.messages] == ["system", "user"]
    assert request.has_authorization and "authorization" not in request.headers
    [record] = client.meter.records
    assert record.approximate is False and record.prompt_tokens > 0


def test_streaming_over_sse_with_usage(llm_settings: Settings, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(reply("What did you personally decide?"))
    client = _client(llm_settings)
    pieces = list(client.stream(*ASK, system=SYSTEM))
    assert len(pieces) > 1 and "".join(pieces) == "What did you personally decide?"
    [request] = openai_server.chat_requests
    assert request.body is not None and request.body["stream"] is True
    assert request.body["stream_options"] == {"include_usage": True}
    assert client.meter.records[0].approximate is False


def test_401_is_not_retried_and_never_echoes_the_key(llm_settings: Settings, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(fault(401, f"Incorrect API key provided: {SECRET_KEY}"), reply("unused"))
    client = _client(llm_settings, openai_api_key=SecretStr(SECRET_KEY))
    with pytest.raises(LLMAuthError) as caught:
        client.text(*ASK, system=SYSTEM)
    assert len(openai_server.chat_requests) == 1
    assert "OPENAI_API_KEY" in caught.value.message
    assert SECRET_KEY not in caught.value.message and SECRET_KEY not in str(caught.value.to_dict())


def test_429_then_success_is_one_retry(llm_settings: Settings, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(fault(429, "Rate limit reached"), reply("ok"))
    client = _client(llm_settings)
    assert client.text(*ASK, system=SYSTEM) == "ok"
    assert len(openai_server.chat_requests) == 2 and client.retries_made == 1


def test_500_is_retried_a_bounded_number_of_times(llm_settings: Settings, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(*[fault(500, "internal")] * 3, reply("unused"))
    client = _client(llm_settings)
    with pytest.raises(LLMUnavailable, match="HTTP 5xx"):
        client.text(*ASK, system=SYSTEM)
    assert len(openai_server.chat_requests) == 1 + llm_settings.llm_max_retries
    assert openai_server.remaining_steps == 1


def test_hang_times_out_within_the_configured_timeout(llm_settings: Settings, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(hang(30))
    client = _client(llm_settings, llm_timeout_s=1.0)
    started = time.monotonic()
    with pytest.raises(LLMTimeout):
        client.text(*ASK, system=SYSTEM)
    elapsed = time.monotonic() - started
    assert 0.9 <= elapsed < 3.0, f"gave up after {elapsed:.2f} s"
    assert len(openai_server.chat_requests) == 1, "a timeout is not retried"


def test_stream_that_drops_midway_keeps_the_partial_text(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    openai_server.script(drop_stream("What did you personally decide there?", chunks_before_drop=3))
    client = _client(llm_settings)
    shown: list[str] = []
    with pytest.raises(StreamInterrupted) as caught:
        for piece in client.stream(*ASK, system=SYSTEM):
            shown.append(piece)
    assert caught.value.partial == "What did you "
    assert caught.value.complete is False
    assert "".join(shown) == caught.value.partial[: len("".join(shown))]


def test_json_schema_response_is_validated(llm_settings: Settings, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(reply(GOOD))
    client = _client(llm_settings)
    assert client.structured(*ASK, Verdict) == Verdict(**GOOD)
    [request] = openai_server.chat_requests
    assert request.response_format_type == "json_schema"


def test_server_without_json_schema_falls_back_to_tool_calling(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    openai_server.supports_json_schema = False
    openai_server.script(reply(GOOD), reply(GOOD))
    client = _client(llm_settings)
    assert client.structured(*ASK, Verdict) == Verdict(**GOOD)
    first, second = openai_server.chat_requests
    assert first.response_format_type == "json_schema"
    assert second.uses_tools and second.response_format_type is None
    assert client.structured_method == "function_calling"
    client.structured(*ASK, Verdict)
    assert len(openai_server.chat_requests) == 3 and openai_server.chat_requests[2].uses_tools


def test_off_schema_json_gets_one_repair_then_a_typed_error(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    openai_server.script(reply('{"score": 9, "evidence": "none"'), reply({"score": 11, "evidence": []}), reply(GOOD))
    client = _client(llm_settings)
    with pytest.raises(StructuredOutputError, match="repair"):
        client.structured(*ASK, Verdict)
    assert len(openai_server.chat_requests) == 2, "one call plus exactly one repair"
    repair_prompt = openai_server.chat_requests[1].messages[-1]["content"]
    assert "did not match the required JSON schema" in repair_prompt and '"score": 9' in repair_prompt


def test_off_schema_json_repaired_successfully(llm_settings: Settings, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(reply({"score": 0, "evidence": []}), reply(GOOD))
    assert _client(llm_settings).structured(*ASK, Verdict) == Verdict(**GOOD)


# A 200 that is not a chat completion: OPENAI_BASE_URL pointing at a web server or a proxy's error page, a server
# that breaks its JSON, a completion with no choices. The SDK raises whatever its parser hits (AttributeError,
# JSONDecodeError, IndexError); the user must get the LLM error the features fall back from, never a traceback.
NOT_A_COMPLETION = {
    "html page": raw("<html><body>Welcome to nginx!</body></html>", content_type="text/html"),
    "broken json": raw('{"id": "x", "choices": [{"message": '),
    "no choices": raw(json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": "m", "choices": []})),
}


@pytest.mark.parametrize("kind", sorted(NOT_A_COMPLETION))
def test_a_reply_that_is_not_a_chat_completion_is_an_llm_error(
    kind: str, llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    for call in ("text", "structured", "stream"):
        openai_server.script(*[NOT_A_COMPLETION[kind]] * 6)
        client = _client(llm_settings)
        with pytest.raises(LLMError, match="OPENAI_BASE_URL") as caught:
            if call == "text":
                client.text(*ASK, system=SYSTEM)
            elif call == "structured":
                client.structured(*ASK, Verdict)
            else:
                list(client.stream(*ASK, system=SYSTEM))
        assert isinstance(caught.value, LLMUnavailable | StreamInterrupted), (call, caught.value)
        assert "Traceback" not in caught.value.message and "Error" not in caught.value.message  # no raw exception


def test_unreachable_server_is_unavailable_after_retries(llm_settings: Settings) -> None:
    closed = FakeOpenAIServer()
    url = closed.base_url
    closed.stop()
    client = _client(llm_settings, openai_base_url=url)
    with pytest.raises(LLMUnavailable, match="OPENAI_BASE_URL"):
        client.text(*ASK, system=SYSTEM)
    assert client.retries_made == llm_settings.llm_max_retries


def test_llama_cpp_python_500_on_json_schema_falls_back_without_retrying(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    """llama-cpp-python answers json_schema with HTTP 500 naming response_format: a method problem, not an outage."""
    openai_server.refuse_json_schema(status=500)
    openai_server.script(reply(GOOD))
    client = _client(llm_settings)
    assert client.structured(*ASK, Verdict) == Verdict(**GOOD)
    first, second = openai_server.chat_requests
    assert first.response_format_type == "json_schema" and second.uses_tools
    assert client.retries_made == 0 and client.structured_method == "function_calling"


def test_forced_tool_call_printed_as_text_moves_on_to_json_mode_and_is_remembered_per_server(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    openai_server.refuse_json_schema(status=500)
    openai_server.ignore_tool_choice()
    openai_server.script(reply(GOOD), reply(GOOD), reply(GOOD))
    assert _client(llm_settings).structured(*ASK, Verdict) == Verdict(**GOOD)
    methods = [("tools" if r.uses_tools else r.response_format_type) for r in openai_server.chat_requests]
    assert methods == ["json_schema", "tools", "json_object"]
    # A new session (new client) on the same server starts with the method that worked.
    later = _client(llm_settings)
    assert later.structured_method == "json_mode"
    assert later.structured(*ASK, Verdict) == Verdict(**GOOD)
    assert openai_server.chat_requests[-1].response_format_type == "json_object"
    assert len(openai_server.chat_requests) == 4


def test_reply_cut_off_at_max_tokens_is_a_typed_error_not_a_traceback(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    """The SDK raises LengthFinishReasonError for a json_schema reply that hit max_tokens."""
    openai_server.script(reply('{"score": 4, "evid', finish_reason="length"))
    with pytest.raises(StructuredOutputError, match="max_tokens") as caught:
        _client(llm_settings).structured(*ASK, Verdict)
    assert caught.value.code == "llm_bad_output"


def test_stream_with_no_first_token_gives_up_after_the_first_token_timeout(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    openai_server.script(hang(30))
    client = _client(llm_settings, llm_connect_timeout_s=1.0, llm_timeout_s=60.0)
    started = time.monotonic()
    with pytest.raises(LLMTimeout):
        list(client.stream(*ASK))
    assert time.monotonic() - started < 5.0, "the first-token timeout applies, not the 60 s total"


def _declared(prompts: PromptLibrary, name: str) -> tuple[float, int]:
    model = prompts.get(name).model
    return model["temperature"], model["max_tokens"]


def _sent(request: object) -> tuple[float, int]:
    body = getattr(request, "body", None) or {}
    return body.get("temperature"), body.get("max_completion_tokens", body.get("max_tokens"))


SHIPPED = sorted(PromptLibrary.from_settings(Settings(_env_file=None)).names())  # type: ignore[call-arg]


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_prompt_reaches_the_server_with_its_declared_settings(
    name: str, llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    """Through the real ChatOpenAI: the request body carries exactly the temperature and max_tokens the prompt file
    declares, and the rendered prompt is the message; for text, streams and structured replies alike."""
    client = _client(llm_settings)
    prompts = client.prompts
    variables = sample_variables(name, prompts.get(name).variables)
    openai_server.script(reply("A reply."), reply("A streamed reply."), reply(GOOD))
    client.text(name, variables)
    list(client.stream(name, variables))
    client.structured(name, variables, Verdict)
    expected = _declared(prompts, name)
    requests = openai_server.chat_requests
    assert [_sent(r) for r in requests] == [expected] * 3
    rendered = prompts.render(name, **variables)
    assert all(r.messages[-1 if i < 2 else 0]["content"] == rendered for i, r in enumerate(requests))


def test_a_task_prompt_settings_win_over_its_system_prompt(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    client = _client(llm_settings)
    openai_server.script(reply("Tell me about a hire you regret."))
    variables = sample_variables("follow_up")
    client.text("follow_up", variables, system=("interviewer_system", sample_variables("interviewer_system")))
    [request] = openai_server.chat_requests
    assert _sent(request) == _declared(client.prompts, "follow_up")
    assert [m["role"] for m in request.messages] == ["system", "user"]


def test_a_red_flag_the_model_reports_crosses_the_wire_and_is_shown_quoted(
    llm_settings: Settings, openai_server: FakeOpenAIServer, role_knowledge: RoleKnowledge, embedder: Embedder
) -> None:
    """The evaluator's reply schema (nested `red_flags_found`) through the real ChatOpenAI and HTTP: a red flag the
    offline coach missed, quoted from the answer, arrives in the evaluation shown to the candidate."""
    from tests.test_scoring_llm import REFRAMED, REFRAMED_QUOTE

    q = role_knowledge.question("pq_03")
    context = QuestionContext(text=q.text, competency=q.competency, question_id=q.id, strong_answer=q.strong_answer)
    dims = {"structure": 2, "ownership": 2, "specificity": 2, "relevance": 1, "altitude": 1}
    openai_server.script(reply({
        "evidence": ["I rolled back to the previous model the same day"], "dimensions": dims, "strengths": [],
        "improvements": ["Say who you told, and when."], "gaps": [], "follow_up": None, "red_flags_addressed": [],
        "red_flags_found": [{"id": "concealment", "quote": REFRAMED_QUOTE, "why": "the committee was not told"}],
        "score": 1,
    }))
    evaluator = LLMEvaluator(_client(llm_settings), role_knowledge, fallback=OfflineScorer(role_knowledge, embedder))
    evaluation = evaluator.evaluate(context, REFRAMED)
    assert evaluation.engine == "llm" and evaluation.score == 1
    assert [(f.id, f.detected_by, f.quote) for f in evaluation.red_flags] == [("concealment", "llm", REFRAMED_QUOTE)]
    [request] = openai_server.chat_requests
    assert request.response_format_type == "json_schema"
