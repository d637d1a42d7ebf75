"""Fixtures of the LLM layer, shared by every area that exercises the LLM path (registered in tests/conftest.py).

- `openai_server`: a scripted OpenAI-compatible HTTP server on a free loopback port (see `openai_server.py`).
- `llm_settings`: `Settings` pointing the real ChatOpenAI at that server (2 s timeout, LLM_PROVIDER=openai).
- `fake_model` / `fake_llm_client`: the in-process `FakeChatModel` and an `LLMClient` over it (no backoff waits).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.llm.client import LLMClient
from assistant.llm.fakes import FakeChatModel
from assistant.llm.usage import UsageMeter
from tests.support.openai_server import FakeOpenAIServer


@pytest.fixture
def openai_server() -> Iterator[FakeOpenAIServer]:
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
