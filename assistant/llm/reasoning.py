"""Replies from reasoning models: the thinking is not the answer.

Reasoning models (DeepSeek-R1 and its distils, Qwen3, QwQ, gpt-oss through some servers) think out loud before they
answer. Servers that know the model move the thinking into a separate field (vLLM with `--reasoning-parser`,
llama-server's default `--reasoning-format`, OpenAI itself), which LangChain leaves out of the message text. Others
put it in the reply text between `<think>` tags: Ollama's OpenAI-compatible endpoint, vLLM without a reasoning
parser, several hosted providers. Shown as it is, a candidate would read the interviewer's private deliberation
(often the rubric restated) before every question, and a structured reply would never parse as JSON.

So the client keeps only what follows the thinking, in three shapes:
- `visible_reply`: a whole reply. A chat template that opens the tag itself (DeepSeek-R1's does) leaves only the
  closing tag in the text, so a closing tag with no opening one ends the thinking too. A reply that is all
  thinking (cut off at max_tokens mid-thought) has no answer: the empty string.
- `ReasoningFilter`: the same for a stream, piece by piece, holding back only as much as could still turn out to be
  a tag. The closing-tag-only shape cannot be told from an answer until the tag arrives, so a stream shows that
  thinking; `visible_reply` still cleans the text the client returns and records.
- `json_object_in`: the JSON object a structured reply holds once the thinking, Markdown fences and the polite
  sentence around it are set aside, so a reply with a valid object is not sent back for repair. It is still
  validated against the schema by the caller: this finds the object, it never makes one valid.

Only a leading thinking block is removed: an answer that talks *about* a `<think>` tag later on keeps it.
"""

from __future__ import annotations

import json
import re
from typing import Any

__all__ = ["ReasoningFilter", "json_object_in", "visible_reply"]

_TAGS = ("think", "thinking", "reasoning")
_OPENING = re.compile(r"\A\s*<(think|thinking|reasoning)>", re.IGNORECASE)
_CLOSING = re.compile(r"</(think|thinking|reasoning)>", re.IGNORECASE)
_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL | re.IGNORECASE)


def visible_reply(text: str) -> str:
    """`text` without the thinking that opens it (see the module docstring); unchanged when there is none."""
    opened = _OPENING.match(text)
    if opened is not None:
        closing = re.compile(rf"</{opened.group(1)}>", re.IGNORECASE).search(text, opened.end())
        if closing is None:
            return ""  # all thinking: the reply was cut off before its answer
        return visible_reply(text[closing.end() :].lstrip())  # some models think twice
    closing_only = _CLOSING.search(text)
    if closing_only is not None and "<" + closing_only.group(1).lower() + ">" not in text.lower():
        return text[closing_only.end() :].lstrip()
    return text


class ReasoningFilter:
    """Feed a streamed reply piece by piece; `feed` returns what may be shown now, `finish` the rest at the end.

    States: undecided (the text so far, stripped, could still be the start of an opening tag), thinking (inside a
    leading block: nothing is shown until its closing tag) and answering (everything passes)."""

    def __init__(self) -> None:
        self._buffer = ""
        self._closing: str | None = None
        self._answering = False
        self._thought = False  # a thinking block has ended: the blank lines after it are not the answer

    def feed(self, piece: str) -> str:
        if self._answering:
            return piece
        self._buffer += piece
        while not self._answering:
            if self._closing is not None:
                end = self._buffer.lower().find(self._closing)
                if end < 0:
                    return ""
                self._buffer = self._buffer[end + len(self._closing) :]
                self._closing = None
                self._thought = True
            if self._thought:
                self._buffer = self._buffer.lstrip()
                if not self._buffer:
                    return ""
            opened = _OPENING.match(self._buffer)
            if opened is not None:
                self._closing = f"</{opened.group(1).lower()}>"
                self._buffer = self._buffer[opened.end() :]
                continue
            start = self._buffer.lstrip().lower()
            if any(f"<{tag}>".startswith(start) for tag in _TAGS):
                return ""  # could still become an opening tag: wait for the next piece
            self._answering = True
        shown, self._buffer = self._buffer, ""
        return shown

    def finish(self) -> str:
        """What is still held back when the stream ends: a lone '<' or '<thi' was the answer after all; the inside
        of an unclosed thinking block is not."""
        if self._answering or self._closing is not None:
            return ""
        held, self._buffer = self._buffer, ""
        self._answering = True
        return held


def json_object_in(text: str) -> dict[str, Any] | None:
    """The first JSON object in a reply, past any thinking, Markdown fence or sentence around it; None if none.

    Candidates in order: the whole visible reply, the inside of each fenced block, then each '{' scanned left to
    right with the standard decoder (which stops at the object's end, so trailing prose does not matter)."""
    visible = visible_reply(text).strip()
    candidates = [visible] + [m.group(1).strip() for m in _FENCE.finditer(visible)]
    for candidate in candidates:
        try:
            value = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    decoder = json.JSONDecoder()
    start = visible.find("{")
    while start >= 0:
        try:
            value, _ = decoder.raw_decode(visible, start)
        except ValueError:
            start = visible.find("{", start + 1)
            continue
        if isinstance(value, dict):
            return value
        start = visible.find("{", start + 1)
    return None
