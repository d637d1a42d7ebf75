"""`assistant prompts ...` and `assistant engine` as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import REPO_ROOT
from assistant.prompting import CONTRACT
from tests.support.openai_server import FakeOpenAIServer

runner = CliRunner()


@pytest.fixture
def prompts_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "my_prompts"
    shutil.copytree(REPO_ROOT / "prompts", folder)
    monkeypatch.setenv("ASSISTANT_PROMPTS_DIR", str(folder))
    return folder


def test_check_passes_on_the_shipped_files() -> None:
    result = runner.invoke(app, ["prompts", "check"])
    assert result.exit_code == 0, result.output
    assert f"All {len(CONTRACT)} prompt files" in result.output


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{{ ''.__class__ }}", "'{{ ''.__class__ }}' is not a plain variable"),
        ("{{ salary_expectation }}", "variable 'salary_expectation' is used but not declared"),
    ],
)
def test_check_fails_naming_the_bad_file(prompts_copy: Path, line: str, expected: str) -> None:
    bad = prompts_copy / "answer_evaluation.md"
    bad.write_text(bad.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    result = runner.invoke(app, ["prompts", "check"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any("answer_evaluation.md line" in ln and expected in ln for ln in lines), result.output
    assert "follow_up.md" not in result.output, "only the bad file is named"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("  max_tokens: 900\n", "  max_tokens: 900\n  frequency_penalty: 0.5\n", "unknown model parameter 'frequency_penalty'"),
        ("  max_tokens: 900\n", "", "must declare model parameter 'max_tokens'"),
        ("  temperature: 0.0\n", "  temperature: 7\n", "'temperature' must be between 0 and 2"),
        ("  max_tokens: 900\n", "  max_tokens: 900.5\n", "'max_tokens' must be a whole number"),
    ],
)
def test_check_rejects_model_settings_the_client_could_not_apply(
    prompts_copy: Path, old: str, new: str, expected: str
) -> None:
    """A declared setting the call path would drop or the server would refuse is a `prompts check` error."""
    bad = prompts_copy / "answer_evaluation.md"
    text = bad.read_text(encoding="utf-8")
    assert old in text
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = runner.invoke(app, ["prompts", "check"])
    assert result.exit_code == 1
    assert any("answer_evaluation.md" in ln and expected in ln for ln in result.output.splitlines()), result.output


def test_check_json_output(prompts_copy: Path) -> None:
    (prompts_copy / "follow_up.md").write_text("no front matter\n", encoding="utf-8")
    result = runner.invoke(app, ["prompts", "check", "--json"])
    payload = json.loads(result.output)
    assert result.exit_code == 1 and payload["ok"] is False
    assert payload["problems"][0]["file"].endswith("follow_up.md")


def test_list_show_and_render() -> None:
    listed = runner.invoke(app, ["prompts", "list", "--json"])
    assert listed.exit_code == 0
    assert {row["name"] for row in json.loads(listed.output)} >= {"answer_evaluation", "interviewer_system"}

    shown = runner.invoke(app, ["prompts", "show", "follow_up"])
    assert shown.exit_code == 0 and shown.output.startswith("---\nname: follow_up\n")

    rendered = runner.invoke(app, ["prompts", "render", "follow_up", "--var", "gaps=no_numbers, no_outcome"])
    assert rendered.exit_code == 0
    assert "What the answer is missing: no_numbers, no_outcome" in rendered.output
    assert "{{" not in rendered.output


def test_render_and_show_refuse_bad_input_without_traceback() -> None:
    traversal = runner.invoke(app, ["prompts", "show", "../.streamlit/secrets.toml"])
    assert traversal.exit_code == 2 and "not a prompt name" in traversal.output
    unknown = runner.invoke(app, ["prompts", "render", "follow_up", "--var", "salary=1"])
    assert unknown.exit_code == 2 and "salary" in unknown.output
    malformed = runner.invoke(app, ["prompts", "render", "follow_up", "--var", "gaps"])
    assert malformed.exit_code == 2 and "key=value" in malformed.output
    assert "Traceback" not in traversal.output + unknown.output + malformed.output


def test_engine_reports_offline_coach_when_nothing_is_configured() -> None:
    result = runner.invoke(app, ["engine"])
    assert result.exit_code == 0
    assert "engine: offline" in result.output
    assert "no OPENAI_API_KEY or OPENAI_BASE_URL configured" in result.output


@pytest.mark.slow
def test_engine_reports_llm_for_a_reachable_compatible_server(
    openai_server: FakeOpenAIServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("CHAT_MODEL", "llama3.1")
    result = runner.invoke(app, ["engine", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["engine"] == "llm" and payload["model"] == "llama3.1"
    assert payload["reason"] == f"OPENAI_BASE_URL={openai_server.base_url} (model llama3.1)"
