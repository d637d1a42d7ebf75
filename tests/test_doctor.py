"""`assistant doctor` reports each component as OK or with a fix, and never crashes on one broken part."""

from __future__ import annotations

import json
import shutil

from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import REPO_ROOT, Settings
from assistant.doctor import run_checks


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
