"""Which engine answers, and why: the offline coach unless an LLM is configured and (in auto mode) reachable."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.errors import ConfigError
from assistant.llm.factory import PLACEHOLDER_KEY, build_chat_model, resolve_engine
from tests.support.openai_server import FakeOpenAIServer

pytestmark = pytest.mark.slow  # some tests probe the local HTTP server


def _settings(tmp_path: Path, **values: object) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "data", **values)  # type: ignore[call-arg]


def test_nothing_configured_means_the_offline_coach(tmp_path: Path) -> None:
    info = resolve_engine(_settings(tmp_path))
    assert (info.kind, info.reason) == ("offline", "offline coach: no OPENAI_API_KEY or OPENAI_BASE_URL configured")


def test_offline_provider_never_probes(tmp_path: Path, openai_server: FakeOpenAIServer) -> None:
    info = resolve_engine(_settings(tmp_path, llm_provider="offline", openai_base_url=openai_server.base_url))
    assert info.kind == "offline" and "LLM_PROVIDER=offline" in info.reason
    assert openai_server.requests == []


def test_reachable_server_in_auto_mode_is_the_llm(tmp_path: Path, openai_server: FakeOpenAIServer) -> None:
    info = resolve_engine(_settings(tmp_path, openai_base_url=openai_server.base_url, chat_model="llama3.1"))
    assert (info.kind, info.model, info.base_url) == ("llm", "llama3.1", openai_server.base_url)
    assert info.reason == f"OPENAI_BASE_URL={openai_server.base_url} (model llama3.1)"
    assert [(r.method, r.path) for r in openai_server.requests] == [("GET", "/v1/models")]


def test_server_without_models_route_still_counts_as_reachable(
    tmp_path: Path, openai_server: FakeOpenAIServer
) -> None:
    openai_server.set_models_status(404)
    assert resolve_engine(_settings(tmp_path, openai_base_url=openai_server.base_url)).kind == "llm"


def test_rejected_key_falls_back_offline_without_echoing_it(tmp_path: Path, openai_server: FakeOpenAIServer) -> None:
    openai_server.set_models_status(401)
    info = resolve_engine(
        _settings(tmp_path, openai_base_url=openai_server.base_url, openai_api_key="sk-secret-value-123")
    )
    assert info.kind == "offline" and "rejected the API key" in info.reason
    assert "sk-secret" not in info.reason
    assert openai_server.requests[0].has_authorization
    assert "sk-secret-value-123" not in str(openai_server.requests[0].headers)


def test_unreachable_server_falls_back_offline_with_the_reason(tmp_path: Path) -> None:
    closed = FakeOpenAIServer()
    url = closed.base_url
    closed.stop()  # never started: the port is closed
    info = resolve_engine(_settings(tmp_path, openai_base_url=url))
    assert info.kind == "offline" and url in info.reason and "not reachable" in info.reason


def test_explicit_openai_provider_skips_the_probe(tmp_path: Path, openai_server: FakeOpenAIServer) -> None:
    info = resolve_engine(_settings(tmp_path, llm_provider="openai", openai_base_url=openai_server.base_url))
    assert info.kind == "llm" and openai_server.requests == []


def test_chat_model_has_our_timeout_no_sdk_retries_and_streams_usage(tmp_path: Path) -> None:
    model = build_chat_model(
        _settings(tmp_path, openai_base_url="http://127.0.0.1:9/v1", llm_timeout_s=7.5, llm_connect_timeout_s=1.5,
                  llm_temperature=0.1)
    )
    timeout = model.request_timeout
    assert (timeout.read, timeout.connect) == (7.5, 1.5)
    assert (model.max_retries, model.stream_usage, model.temperature) == (0, True, 0.1)
    assert model.openai_api_key is not None and model.openai_api_key.get_secret_value() == PLACEHOLDER_KEY
    assert "sk-" not in repr(model)


def test_chat_model_refuses_without_configuration(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        build_chat_model(_settings(tmp_path))
    with pytest.raises(ConfigError, match="offline"):
        build_chat_model(_settings(tmp_path, llm_provider="offline", openai_base_url="http://127.0.0.1:9/v1"))
