"""Settings are the single, documented source of configuration; `.env.example` cannot drift from them."""

from __future__ import annotations

import re

from assistant.config import REPO_ROOT, Settings


def _example_keys() -> set[str]:
    text = (REPO_ROOT / ".env.example").read_text(encoding="utf-8")
    return {m.group(1).lower() for m in re.finditer(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, flags=re.M)}


def test_env_example_lists_every_setting_and_nothing_else() -> None:
    fields = set(Settings.model_fields)
    keys = _example_keys()
    assert keys - fields == set(), f".env.example has settings the app does not know: {sorted(keys - fields)}"
    assert fields - keys == set(), f".env.example is missing settings: {sorted(fields - keys)}"


def test_every_setting_is_described() -> None:
    undocumented = [name for name, field in Settings.model_fields.items() if not field.description]
    assert undocumented == []


def test_environment_overrides_defaults(monkeypatch) -> None:
    monkeypatch.setenv("CHAT_MODEL", "llama3.1:8b")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")
    s = Settings(_env_file=None)
    assert s.chat_model == "llama3.1:8b"
    assert s.llm_configured


def test_offline_by_default(settings: Settings) -> None:
    assert not settings.llm_configured


def test_telemetry_is_off_before_heavy_imports() -> None:
    import os

    assert os.environ["ORT_DISABLE_TELEMETRY"] == "1"
    assert os.environ["ANONYMIZED_TELEMETRY"] == "False"
    assert os.environ["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] == "false"


def test_copying_env_example_as_is_keeps_the_offline_defaults(tmp_path) -> None:
    env = tmp_path / ".env"
    env.write_text((REPO_ROOT / ".env.example").read_text(encoding="utf-8"), encoding="utf-8")
    s = Settings(_env_file=env)
    assert not s.llm_configured
    assert s.assistant_prompts_dir == Settings.model_fields["assistant_prompts_dir"].default
