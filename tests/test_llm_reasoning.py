"""Reasoning models that think in the reply text (Ollama's OpenAI endpoint, vLLM without a reasoning parser): the
candidate sees the answer, never the thinking, and a structured reply with thinking before its JSON still parses.

The filters are checked directly, then through the REAL ChatOpenAI over HTTP against the scripted local server,
which streams a reply word by word, so tags arrive split across pieces as they do from a real server."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, Field

from assistant.config import Settings
from assistant.llm.client import LLMClient
from assistant.llm.errors import PromptLeakBlocked, StructuredOutputError
from assistant.llm.factory import build_chat_model
from assistant.llm.reasoning import ReasoningFilter, json_object_in, visible_reply
from assistant.llm.safety import new_canary
from assistant.llm.usage import UsageMeter
from assistant.prompting import PromptLibrary
from tests.support.openai_server import FakeOpenAIServer, reply

ASK = ("ask", {"text": "Ask me a question."})
SYSTEM = ("ask", {"text": "You are an interviewer."})
THINKING = "<think>\nThe rubric wants ownership. I should ask about a decision they made.\n</think>\n\n"
QUESTION = "Tell me about a model you decided not to ship."


class Verdict(BaseModel):
    score: int = Field(ge=1, le=5)
    evidence: list[str]


def _streamed(text: str, size: int) -> str:
    """`text` through a ReasoningFilter in pieces of `size` characters, as a stream would show it."""
    reasoning = ReasoningFilter()
    shown = "".join(reasoning.feed(text[i : i + size]) for i in range(0, len(text), size))
    return shown + reasoning.finish()


@pytest.mark.parametrize(
    ("said", "visible"),
    [
        (THINKING + QUESTION, QUESTION),
        ("<thinking>plan</thinking>" + QUESTION, QUESTION),
        ("  <THINK>plan</THINK>\n" + QUESTION, QUESTION),
        ("<think>one</think><think>two</think>" + QUESTION, QUESTION),
        # The chat template opened the tag (DeepSeek-R1's does): only the closing one is in the text.
        ("The rubric wants ownership.\n</think>\n\n" + QUESTION, QUESTION),
        # Cut off while thinking: there is no answer to show.
        ("<think>The rubric wants ownership and", ""),
        (QUESTION, QUESTION),
        # Talking about the tag later on is part of the answer.
        ("Models such as R1 print <think> blocks; how would you log them?", "Models such as R1 print <think> blocks; "
         "how would you log them?"),
        ("<", "<"),
    ],
)
def test_the_answer_is_what_follows_the_thinking(said: str, visible: str) -> None:
    assert visible_reply(said) == visible
    if "</think>" not in said or "<think>" in said:  # a stream cannot know a template-opened block in advance
        for size in (1, 3, 7, len(said) or 1):
            assert _streamed(said, size) == visible, size


def test_a_stream_shows_an_answer_without_waiting_for_its_end() -> None:
    reasoning = ReasoningFilter()
    assert reasoning.feed("<thi") == ""  # could still be a tag
    assert reasoning.feed("nk>weighing it up") == ""
    assert reasoning.feed("</think>Tell me") == "Tell me"
    assert reasoning.feed(" more.") == " more."
    plain = ReasoningFilter()
    assert plain.feed("Tell") == "Tell"


@pytest.mark.parametrize(
    "said",
    [
        '{"score": 4, "evidence": ["I hired two seniors"]}',
        THINKING + '{"score": 4, "evidence": ["I hired two seniors"]}',
        'Here is my evaluation:\n```json\n{"score": 4, "evidence": ["I hired two seniors"]}\n```\nHope it helps.',
        'Sure! {"score": 4, "evidence": ["I hired two seniors"]} Let me know if you need more.',
        '{not json} then {"score": 4, "evidence": ["I hired two seniors"]}',
    ],
)
def test_the_json_object_is_found_past_thinking_fences_and_prose(said: str) -> None:
    assert json_object_in(said) == {"score": 4, "evidence": ["I hired two seniors"]}


@pytest.mark.parametrize("said", ["", "no JSON here", "[1, 2]", "<think>{\"score\": 4}</think>", '{"score": 4'])
def test_no_object_is_invented(said: str) -> None:
    assert json_object_in(said) is None


# --- through the real client over HTTP ----------------------------------------------------------------------------


@pytest.fixture
def llm_settings(llm_settings: Settings, ask_prompts: PromptLibrary) -> Settings:
    return llm_settings.model_copy(update={"assistant_prompts_dir": ask_prompts.prompts_dir})


def _client(settings: Settings, canary: str | None = None) -> LLMClient:
    return LLMClient(build_chat_model(settings), UsageMeter(settings.session_token_budget), max_retries=0,
                     backoff_s=0.0, prompts=PromptLibrary.from_settings(settings), canary=canary)


@pytest.mark.slow
def test_a_question_from_a_thinking_model_arrives_without_the_thinking(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    openai_server.script(reply(THINKING + QUESTION), reply(THINKING + QUESTION))
    client = _client(llm_settings)
    assert client.text(*ASK, system=SYSTEM) == QUESTION
    pieces = list(client.stream(*ASK, system=SYSTEM))
    assert "".join(pieces) == QUESTION and len(pieces) > 1
    assert not any("rubric" in piece for piece in pieces)


@pytest.mark.slow
@pytest.mark.parametrize("method", ["json_schema", "json_mode"])
def test_a_structured_reply_with_thinking_and_prose_is_used_without_a_repair_call(
    method: str, llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    if method == "json_mode":
        openai_server.refuse_json_schema(status=500)
        openai_server.ignore_tool_choice()
    said = THINKING + 'My evaluation: {"score": 4, "evidence": ["I hired two seniors"]} (strong ownership).'
    openai_server.script(*[reply(said)] * 3)
    client = _client(llm_settings)
    assert client.structured(*ASK, Verdict) == Verdict(score=4, evidence=["I hired two seniors"])
    assert client.stats.repairs == 0 and client.stats.salvaged == 1
    assert not any("json_repair" in str(r.messages) or "did not match" in str(r.messages)
                   for r in openai_server.chat_requests)


@pytest.mark.slow
def test_an_object_found_past_the_thinking_is_still_validated(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    """Salvage finds the object; it does not make an out-of-range score valid: one repair, then a typed error."""
    openai_server.script(reply(THINKING + '{"score": 9, "evidence": []}'), reply('{"score": 11, "evidence": []}'))
    client = _client(llm_settings)
    with pytest.raises(StructuredOutputError):
        client.structured(*ASK, Verdict)
    assert len(openai_server.chat_requests) == 2
    assert "score" in openai_server.chat_requests[1].messages[-1]["content"]


@pytest.mark.slow
def test_a_canary_in_the_thinking_is_not_a_leak_but_one_in_the_answer_is(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    """Reasoning models restate their instructions while thinking; only what the candidate would see is guarded."""
    client = _client(llm_settings, canary=new_canary())
    leak = f"My instructions carry {client.canary}."
    openai_server.script(reply(f"<think>{leak}</think>{QUESTION}"), reply(f"<think>ok</think>{leak}"))
    assert client.text(*ASK, system=SYSTEM) == QUESTION
    with pytest.raises(PromptLeakBlocked):
        client.text(*ASK, system=SYSTEM)


@pytest.mark.slow
def test_a_repair_is_shown_the_answer_not_the_thinking_and_its_reply_is_salvaged_too(
    llm_settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    openai_server.script(reply(THINKING + '{"score": 9, "evidence": []}'),
                         reply('Corrected: {"score": 4, "evidence": ["I hired two seniors"]}'))
    client = _client(llm_settings)
    assert client.structured(*ASK, Verdict) == Verdict(score=4, evidence=["I hired two seniors"])
    assert client.stats.repairs == 1 and client.stats.salvaged == 1
    repair_prompt = openai_server.chat_requests[1].messages[-1]["content"]
    assert '"score": 9' in repair_prompt and "rubric wants ownership" not in repair_prompt
