"""The container: lazy members, one wiring for app and CLI, explicit test overrides."""

from __future__ import annotations

import subprocess
import sys

import pytest

from assistant.config import REPO_ROOT, Settings
from assistant.interview.llm_evaluator import LLMEvaluator
from assistant.interview.scoring import OfflineScorer
from assistant.llm.fakes import FakeChatModel
from assistant.services import Services, override, settings_fingerprint


def test_offline_scoring_builds_only_what_it_needs() -> None:
    """`assistant score` with the offline coach: no vector store and no LangChain chat model in the process."""
    code = (
        "import sys; from assistant.config import Settings; from assistant.services import Services; "
        "s = Services(Settings(_env_file=None, llm_provider='offline')); "
        "scorer = s.new_scorer(s.new_llm_client()); "
        "print(type(scorer).__name__, 'assistant.knowledge.store' in sys.modules, 'langchain_openai' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120,
                         env={"PYTHONPATH": str(REPO_ROOT), "PATH": "/usr/bin:/bin", "HOME": "/tmp"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["OfflineScorer", "False", "False"]


def test_members_are_built_once_and_shared(settings: Settings) -> None:
    services = Services(settings)
    assert services.prompts is services.prompts
    assert services.offline_scorer is services.offline_scorer
    assert services.new_llm_client() is None and services.engine.kind == "offline"


def test_instance_override_injects_a_model_and_is_undone(settings: Settings) -> None:
    services = Services(settings)
    fake = FakeChatModel()
    with services.override(chat_model=fake):
        client = services.new_llm_client()
        assert client is not None and client.model is fake
        assert services.engine.reason == "chat model injected by a test"
        assert isinstance(services.new_scorer(client), LLMEvaluator)
        engine = services.new_interview_engine(llm=client)
        assert engine.llm is client
    assert services.new_llm_client() is None, "the override ends with the block"
    assert isinstance(services.new_scorer(None), OfflineScorer)


def test_client_carries_the_configured_timeouts_and_prompts(settings: Settings) -> None:
    configured = settings.model_copy(update={"llm_connect_timeout_s": 12.0, "llm_timeout_s": 90.0})
    services = Services(configured)
    with services.override(chat_model=FakeChatModel()):
        client = services.new_llm_client()
        assert client is not None and client.prompts is services.prompts
    assert (client.first_token_timeout_s, client.total_timeout_s) == (12.0, 90.0)


def test_global_override_reaches_containers_built_inside_and_changes_the_cache_key(settings: Settings) -> None:
    before = settings_fingerprint(settings)
    fake = FakeChatModel()
    with override(chat_model=lambda _s: fake):
        assert settings_fingerprint(settings) != before
        client = Services(settings).new_llm_client()
        assert client is not None and client.model is fake
    assert settings_fingerprint(settings) == before
    assert Services(settings).new_llm_client() is None


def test_unknown_member_is_refused(settings: Settings) -> None:
    with pytest.raises(ValueError, match="cannot override"), Services(settings).override(scorer=object()):
        pass
