"""Invalid settings never end in a traceback: one message names each bad variable and what it accepts, the CLI
exits 2 (JSON with --json), `assistant doctor` still runs and lists every problem, and the app shows a plain page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import REPO_ROOT, Settings, SettingsError, get_settings, inspect_settings
from assistant.storage import Database, StorageError
from tests.support.app_fixtures import assert_no_exception, page_text

BAD_VALUES = [
    ("LLM_TIMEOUT_S", "-1", "a number greater than 0"),
    ("MAX_UPLOAD_MB", "abc", "a whole number from 1 to 200"),
    ("LLM_PROVIDER", "bogus", "one of auto, openai, offline"),
    ("DATABASE_URL", "garbage", "SQLAlchemy database URL"),
]


def _unusable_data_dir(tmp_path: Path) -> str:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    return str(blocker)


@pytest.mark.parametrize(("variable", "value", "allowed"), BAD_VALUES)
def test_a_bad_value_is_one_message_naming_the_variable_and_exit_2(monkeypatch, variable, value, allowed) -> None:
    monkeypatch.setenv(variable, value)
    result = CliRunner().invoke(app, ["history"])
    assert result.exit_code == 2
    assert f"{variable}='{value}' is not valid" in result.output
    assert allowed in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(("variable", "value", "allowed"), BAD_VALUES)
def test_with_json_the_error_is_the_json_contract(monkeypatch, variable, value, allowed) -> None:
    monkeypatch.setenv(variable, value)
    result = CliRunner().invoke(app, ["history", "--json"])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "settings_invalid"
    assert variable in error["message"] and allowed in error["message"]


def test_an_unusable_data_dir_is_named_with_the_reason(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("DATA_DIR", _unusable_data_dir(tmp_path))
    result = CliRunner().invoke(app, ["history"])
    assert result.exit_code == 2
    assert "DATA_DIR=" in result.output and "it is a file, not a folder" in result.output


def test_every_problem_is_listed_at_once(monkeypatch) -> None:
    for variable, value, _ in BAD_VALUES:
        monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError) as info:
        get_settings()
    assert {p.variable for p in info.value.problems} == {v for v, _, _ in BAD_VALUES}
    assert info.value.message.count("is not valid") == len(BAD_VALUES)


def test_a_database_url_with_a_password_is_never_echoed(monkeypatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "nosuchdb://admin:hunter2-canary@db.internal/coach")
    result = CliRunner().invoke(app, ["history"])
    assert result.exit_code == 2
    assert "DATABASE_URL" in result.output
    assert "hunter2-canary" not in result.output


def test_doctor_still_runs_and_lists_every_problem(monkeypatch, tmp_path) -> None:
    for variable, value, _ in BAD_VALUES:
        monkeypatch.setenv(variable, value)
    monkeypatch.setenv("DATA_DIR", _unusable_data_dir(tmp_path))
    result = CliRunner().invoke(app, ["doctor", "--json"])
    assert result.exit_code == 2
    checks = {c["name"]: c for c in json.loads(result.stdout)}
    configuration = checks["configuration"]
    assert not configuration["ok"]
    for variable, _, allowed in BAD_VALUES:
        assert variable in configuration["detail"] and allowed in configuration["detail"]
    assert "DATA_DIR" in configuration["detail"]
    # Checks that do not depend on a bad value still report on the real thing...
    assert checks["knowledge"]["ok"] and checks["prompts"]["ok"]
    # ...and those that do say which variable blocks them instead of testing a stand-in default.
    assert not checks["database"]["ok"] and "DATABASE_URL" in checks["database"]["detail"]
    assert not checks["llm"]["ok"] and "LLM_PROVIDER" in checks["llm"]["detail"]


def test_a_real_process_prints_no_traceback(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "LLM_", "DATABASE_"))}
    env.update(PYTHONPATH=str(REPO_ROOT), LLM_TIMEOUT_S="-1", LLM_PROVIDER="bogus", DATA_DIR=str(tmp_path / "d"))
    for args in (["history"], ["doctor"], ["serve", "--dry-run"], ["prompts", "check"]):
        done = subprocess.run([sys.executable, "-c", "from assistant.cli import app; app()", *args], cwd=tmp_path,
                              env=env, capture_output=True, text=True, timeout=120)
        output = done.stdout + done.stderr
        assert done.returncode == 2, (args, output)
        assert "Traceback" not in output, (args, output)
        assert "LLM_TIMEOUT_S='-1'" in output and "LLM_PROVIDER='bogus'" in output, (args, output)


def test_inspect_settings_keeps_the_good_values(monkeypatch) -> None:
    monkeypatch.setenv("MAX_UPLOAD_MB", "abc")
    monkeypatch.setenv("CHAT_MODEL", "llama3.1:8b")
    current, problems = inspect_settings(_env_file=None)
    assert current.chat_model == "llama3.1:8b"
    assert current.max_upload_mb == Settings.model_fields["max_upload_mb"].default
    assert [p.variable for p in problems] == ["MAX_UPLOAD_MB"]


def test_a_database_url_naming_no_installed_driver_is_a_storage_error_not_a_crash(tmp_path) -> None:
    with pytest.raises(StorageError) as info:
        Database("postgresql+nosuchdriver://user@localhost/coach")
    assert "DATABASE_URL" in info.value.message


def test_the_app_shows_a_plain_page_for_invalid_settings(app_test, monkeypatch) -> None:
    at = app_test()
    monkeypatch.setenv("MAX_UPLOAD_MB", "abc")
    monkeypatch.setenv("LLM_TIMEOUT_S", "-1")
    at.run()
    assert_no_exception(at)
    text = page_text(at)
    assert "some settings are invalid" in text
    assert "MAX\\_UPLOAD\\_MB" in text or "MAX_UPLOAD_MB" in text
    assert "LLM\\_TIMEOUT\\_S" in text or "LLM_TIMEOUT_S" in text
    assert not at.get("selectbox") and not at.button, "no page runs on settings it cannot trust"


def test_the_app_names_an_unusable_data_dir(app_test, monkeypatch, tmp_path) -> None:
    at = app_test()
    monkeypatch.setenv("DATA_DIR", _unusable_data_dir(tmp_path))
    at.run()
    assert_no_exception(at)
    assert "DATA" in page_text(at) and "it is a file, not a folder" in page_text(at)
