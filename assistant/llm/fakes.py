"""`FakeChatModel`: a queue-style LangChain chat model for tests and benchmarks, injected where a real one would be.

Tests `enqueue()` the replies the "model" will give and assert on `history` (the messages it really received).
Unlike LangChain's own fakes it supports `bind_tools` and `with_structured_output` (json_schema, function_calling,
json_mode), streams word by word, and reports `usage_metadata` with `approx_tokens`, so the whole `LLMClient`
path (retries, structured fallbacks, repair, budget) runs without a network.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from langchain_core import exceptions as lc_errors
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.messages.ai import UsageMetadata
from langchain_core.output_parsers import JsonOutputParser, PydanticOutputParser
from langchain_core.output_parsers.openai_tools import JsonOutputKeyToolsParser, PydanticToolsParser
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from langchain_core.runnables import Runnable, RunnableMap, RunnablePassthrough
from langchain_core.utils.function_calling import convert_to_openai_tool
from pydantic import BaseModel, Field

from assistant.llm.usage import approx_tokens

Responder = Callable[[list[BaseMessage]], Any]


@dataclass(frozen=True)
class InterruptedReply:
    """A reply whose stream drops after `partial` was sent (for tests of incomplete turns)."""

    partial: str


Reply = str | dict[str, Any] | BaseModel | AIMessage | BaseException | InterruptedReply


def _stream_pieces(text: str) -> list[str]:
    """A reply cut into word-sized chunks with their spacing, as a provider streams it."""
    return re.findall(r"\S+\s*|\s+", text) or [""]


def _usage(messages: Sequence[BaseMessage], output: str) -> UsageMetadata:
    prompt = approx_tokens("\n".join(str(m.content) for m in messages))
    completion = approx_tokens(output)
    return {"input_tokens": prompt, "output_tokens": completion, "total_tokens": prompt + completion}


class FakeChatModel(BaseChatModel):
    """Replies from a queue; raises loudly when the queue is empty (unless a `responder` is given)."""

    replies: list[Any] = Field(default_factory=list)
    history: list[list[BaseMessage]] = Field(default_factory=list, description="Messages of every call, in order.")
    call_kwargs: list[dict[str, Any]] = Field(default_factory=list, description="Bound kwargs of every call.")
    responder: Responder | None = Field(None, description="Called with the messages when the queue is empty.")
    model_name: str = "fake-model"
    # The settings a prompt file may declare (the client copies the model with them, as it does ChatOpenAI).
    temperature: float | None = None
    max_tokens: int | None = None
    top_p: float | None = None
    received_params: list[dict[str, Any]] = Field(
        default_factory=list, description="temperature/max_tokens/top_p of every call, in order."
    )
    unsupported_methods: set[str] = Field(
        default_factory=set, description="Structured-output methods this fake 'server' rejects with a 400-like error."
    )

    @property
    def _llm_type(self) -> str:
        return "fake-chat-model"

    # --- queue ------------------------------------------------------------------------------------------------
    def enqueue(self, *replies: Reply) -> FakeChatModel:
        """Add replies: a str, a dict or pydantic model (structured), an AIMessage, an exception to raise, or an
        `InterruptedReply`."""
        self.replies.extend(replies)
        return self

    def _next_reply(self, messages: list[BaseMessage]) -> Any:
        if self.replies:
            return self.replies.pop(0)
        if self.responder is not None:
            return self.responder(messages)
        raise AssertionError(
            f"FakeChatModel received call #{len(self.history)} but no reply was enqueued (and no responder is set)"
        )

    def _take(self, messages: list[BaseMessage], kwargs: dict[str, Any]) -> Any:
        self.history.append(list(messages))
        self.call_kwargs.append(dict(kwargs))
        self.received_params.append({"temperature": self.temperature, "max_tokens": self.max_tokens, "top_p": self.top_p})
        method = kwargs.get("_fake_structured_method")
        if method in self.unsupported_methods:
            raise lc_errors.ModelInvalidRequestError(f"'response_format' of type '{method}' is not supported")
        reply = self._next_reply(messages)
        if isinstance(reply, BaseException):
            raise reply
        return reply

    @staticmethod
    def _message_for(reply: Any, kwargs: dict[str, Any]) -> AIMessage:
        if isinstance(reply, AIMessage):
            return reply
        if isinstance(reply, InterruptedReply):
            raise lc_errors.ModelConnectionError("the connection dropped midway through the reply")
        if isinstance(reply, BaseModel):
            reply = reply.model_dump(mode="json")
        if isinstance(reply, dict):
            tools = kwargs.get("tools") or []
            if tools:
                name = tools[0]["function"]["name"]
                call_id = f"call_fake_{next(_ids)}"
                return AIMessage(content="", tool_calls=[{"name": name, "args": reply, "id": call_id}])
            return AIMessage(content=json.dumps(reply))
        return AIMessage(content=str(reply))

    # --- BaseChatModel ------------------------------------------------------------------------------------------
    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        message = self._message_for(self._take(messages, kwargs), kwargs)
        output = message.content if isinstance(message.content, str) else json.dumps(message.content)
        if message.tool_calls:
            output = json.dumps([c["args"] for c in message.tool_calls])
        message = message.model_copy(
            update={
                "usage_metadata": message.usage_metadata or _usage(messages, output),
                "response_metadata": {"finish_reason": "stop", "model_name": self.model_name},
            }
        )
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        reply = self._take(messages, kwargs)
        if isinstance(reply, InterruptedReply):
            for word in _stream_pieces(reply.partial):
                yield ChatGenerationChunk(message=AIMessageChunk(content=word))
            raise lc_errors.ModelConnectionError("the connection dropped midway through the reply")
        message = self._message_for(reply, kwargs)
        text = message.content if isinstance(message.content, str) else json.dumps(message.content)
        for word in _stream_pieces(text):
            yield ChatGenerationChunk(message=AIMessageChunk(content=word))
        yield ChatGenerationChunk(
            message=AIMessageChunk(
                content="",
                usage_metadata=_usage(messages, text),
                response_metadata={"finish_reason": "stop", "model_name": self.model_name},
            )
        )

    def bind_tools(
        self, tools: Sequence[Any], *, tool_choice: Any = None, **kwargs: Any
    ) -> Runnable[LanguageModelInput, AIMessage]:
        return self.bind(tools=[convert_to_openai_tool(t) for t in tools], tool_choice=tool_choice, **kwargs)

    def with_structured_output(
        self,
        schema: dict[str, Any] | type,
        *,
        method: str = "json_schema",
        include_raw: bool = False,
        strict: bool | None = None,
        **kwargs: Any,
    ) -> Runnable[LanguageModelInput, Any]:
        """Same shape as ChatOpenAI's: every method, and `include_raw` giving {raw, parsed, parsing_error}."""
        is_model = isinstance(schema, type) and issubclass(schema, BaseModel)
        if method == "function_calling":
            tool = convert_to_openai_tool(schema)
            name = tool["function"]["name"]
            llm = self.bind(tools=[tool], tool_choice=name, _fake_structured_method=method)
            parser: Runnable[Any, Any] = (
                PydanticToolsParser(tools=[schema], first_tool_only=True)
                if is_model
                else JsonOutputKeyToolsParser(key_name=name, first_tool_only=True)
            )
        elif method in ("json_schema", "json_mode"):
            llm = self.bind(response_format={"type": method}, _fake_structured_method=method)
            parser = PydanticOutputParser(pydantic_object=schema) if is_model else JsonOutputParser()
        else:
            raise ValueError(f"unknown structured output method {method!r}")
        if not include_raw:
            return llm | parser
        parse = RunnablePassthrough.assign(parsed=itemgetter("raw") | parser, parsing_error=lambda _: None)
        no_parse = RunnablePassthrough.assign(parsed=lambda _: None)
        return RunnableMap(raw=llm) | parse.with_fallbacks([no_parse], exception_key="parsing_error")


_ids = itertools.count(1)


def fenced_text(prompt: str, label: str) -> str | None:
    """The body a prompt fenced with `spotlight(text, label)`, for fakes that must quote what they were given (an
    evaluator's evidence has to occur in the answer, or the verdict is rejected)."""
    match = re.search(rf"<<({re.escape(label)}_[0-9a-f]{{6}})>>\n(.*?)\n<</\1>>", prompt, re.DOTALL)
    return match.group(2) if match else None


def first_sentence(text: str) -> str:
    """The first sentence of `text`, verbatim (a quote a fake evaluator can give)."""
    return re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]
