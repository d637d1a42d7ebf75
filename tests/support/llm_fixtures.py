"""Fixtures of the LLM layer, shared by every area that exercises the LLM path (registered in tests/conftest.py).

- `openai_server`: a scripted OpenAI-compatible HTTP server on a free loopback port (see `openai_server.py`).
- `llm_settings`: `Settings` pointing the real ChatOpenAI at that server (2 s timeout, LLM_PROVIDER=openai).
- `fake_model` / `fake_llm_client`: the in-process `FakeChatModel` and an `LLMClient` over it (no backoff waits).
- `ask_prompts`: the shipped prompts plus `ask` (one variable, `text`; declared temperature and max_tokens), so
  tests of the client itself can send a message of their choosing through the one prompt-bound call path.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import REPO_ROOT, Settings
from assistant.llm.client import LLMClient, forget_structured_methods
from assistant.llm.fakes import FakeChatModel
from assistant.llm.usage import UsageMeter
from assistant.prompting import PromptLibrary
from tests.support.openai_server import FakeOpenAIServer


@pytest.fixture
def openai_server() -> Iterator[FakeOpenAIServer]:
    # Ports are reused between tests: a method remembered for an earlier server must not leak into this one.
    forget_structured_methods()
    server = FakeOpenAIServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def llm_settings(openai_server: FakeOpenAIServer, tmp_path: Path) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        data_dir=tmp_path / "data",
        llm_provider="openai",
        openai_base_url=openai_server.base_url,
        chat_model="test-model",
        llm_timeout_s=2.0,
        llm_max_retries=2,
    )


@pytest.fixture
def fake_model() -> FakeChatModel:
    return FakeChatModel()


@pytest.fixture
def fake_llm_client(fake_model: FakeChatModel) -> LLMClient:
    """An `LLMClient` over `fake_model` with a generous budget and no real sleeping between retries."""
    return LLMClient(fake_model, UsageMeter(1_000_000), max_retries=2, backoff_s=0.0)


ASK_PROMPT = """---
name: ask
description: A test prompt that sends its one variable as the whole message.
variables:
  text: The message.
model:
  temperature: 0.1
  max_tokens: 64
---
{{ text }}
"""


def prompt_library_with_ask(folder: Path) -> PromptLibrary:
    """A copy of the shipped prompts plus `ask` (see the module docstring)."""
    shutil.copytree(REPO_ROOT / "prompts", folder, ignore=shutil.ignore_patterns(".backups"))
    (folder / "ask.md").write_text(ASK_PROMPT, encoding="utf-8")
    return PromptLibrary(folder, REPO_ROOT / "prompts")


@pytest.fixture
def ask_prompts(tmp_path: Path) -> PromptLibrary:
    return prompt_library_with_ask(tmp_path / "prompts-with-ask")
