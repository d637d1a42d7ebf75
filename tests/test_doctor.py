"""`assistant doctor` reports each component as OK or with a fix, and never crashes on one broken part."""

from __future__ import annotations

import json
import shutil
import time

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import REPO_ROOT, Settings
from assistant.doctor import run_checks
from tests.support.openai_server import FakeOpenAIServer, hang, reply, slow_reply


def test_fresh_offline_install_is_healthy(settings: Settings) -> None:
    checks = {c.name: c for c in run_checks(settings)}
    assert set(checks) == {"configuration", "llm", "knowledge", "embeddings", "chroma", "database", "prompts"}
    assert all(c.ok for c in checks.values()), [(c.name, c.detail) for c in checks.values() if not c.ok]
    assert "offline coach" in checks["llm"].detail
    assert "success" in checks["chroma"].detail.lower()


def test_a_broken_knowledge_file_fails_only_its_check_and_names_the_fix(settings: Settings, tmp_path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(REPO_ROOT / "knowledge", knowledge)
    (knowledge / "ml-director" / "rubric.yaml").write_text("role: ml-director\ncompetencies: [", encoding="utf-8")
    broken = settings.model_copy(update={"assistant_knowledge_dir": knowledge})
    checks = {c.name: c for c in run_checks(broken, only=["knowledge", "database", "prompts"])}
    assert not checks["knowledge"].ok
    assert "rubric.yaml" in checks["knowledge"].detail
    assert checks["knowledge"].fix
    assert checks["database"].ok and checks["prompts"].ok


def test_unreachable_llm_server_is_reported_with_a_fix(settings: Settings) -> None:
    configured = settings.model_copy(
        update={"llm_provider": "auto", "openai_base_url": "http://127.0.0.1:9/v1"}
    )
    (check,) = run_checks(configured, only=["llm"])
    assert not check.ok
    assert "OPENAI_BASE_URL" in check.detail or "OPENAI_BASE_URL" in check.fix


def test_cli_doctor_json_never_shows_the_api_key(monkeypatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-canary-123")
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    result = CliRunner().invoke(app, ["doctor", "--json"])
    assert "sk-secret-canary-123" not in result.output
    checks = json.loads(result.output)
    assert {c["name"] for c in checks} >= {"configuration", "llm", "database"}


def _served(settings: Settings, server: FakeOpenAIServer, **update: object) -> Settings:
    return settings.model_copy(update={"llm_provider": "auto", "openai_base_url": server.base_url, **update})


@pytest.mark.slow
def test_llm_check_times_a_real_request(settings: Settings, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(reply(" ".join(str(i) for i in range(1, 21))))
    (check,) = run_checks(_served(settings, openai_server), only=["llm"])
    assert check.ok, check.detail
    assert "first token" in check.detail and "tokens in" in check.detail
    [request] = openai_server.chat_requests
    assert request.body is not None and request.body["stream"] is True


@pytest.mark.slow
def test_a_server_that_accepts_but_never_answers_is_not_ok(settings: Settings, openai_server: FakeOpenAIServer) -> None:
    openai_server.script(hang(30))
    started = time.monotonic()
    (check,) = run_checks(_served(settings, openai_server, llm_connect_timeout_s=1.0), only=["llm"])
    assert not check.ok and "a real request failed" in check.detail
    assert time.monotonic() - started < 10


@pytest.mark.slow
def test_a_timeout_too_tight_for_the_measured_server_is_named_with_a_value(
    settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    openai_server.script(slow_reply(" ".join(str(i) for i in range(1, 21)), seconds_per_word=0.05))
    (check,) = run_checks(_served(settings, openai_server, llm_timeout_s=20.0), only=["llm"])
    assert not check.ok
    assert "timeout too tight" in check.detail and "LLM_TIMEOUT_S=20" in check.detail
    assert "raise it to at least" in check.detail and "LLM_TIMEOUT_S" in check.fix


@pytest.mark.slow
def test_a_model_that_thinks_in_its_reply_is_named_with_what_it_costs(
    settings: Settings, openai_server: FakeOpenAIServer
) -> None:
    """Ollama's OpenAI endpoint leaves a reasoning model's <think> block in the reply: the doctor says so, and that
    the thinking is paid from each prompt's max_tokens."""
    openai_server.script(reply("<think>The user wants numbers. " + "1 2 3 " * 3 + "</think> 1 2 3 4 5"))
    (check,) = run_checks(_served(settings, openai_server), only=["llm"])
    assert check.ok, check.detail
    assert "thinks before it answers" in check.detail and "max_tokens" in check.detail
    openai_server.script(reply(" ".join(str(i) for i in range(1, 21))))
    (plain,) = run_checks(_served(settings, openai_server), only=["llm"])
    assert "thinks" not in plain.detail
