"""Prompt files that are not UTF-8, a folder, or oversized give clear messages: `prompts check` names them (exit 2),
the app's Prompts page still works and can reset them, and LLM turns fall back to the offline wording/scoring."""

from __future__ import annotations

import re
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import REPO_ROOT
from assistant.llm.errors import LLMError
from assistant.prompting import MAX_PROMPT_BYTES, PromptError, PromptLibrary, PromptUnusable
from tests.support.app_fixtures import assert_no_exception, page_text


def _not_utf8(path: Path) -> None:
    path.write_bytes(path.read_bytes() + b"\n\xff\xfe Latin-1 caf\xe9\n")


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "stray.txt").write_text("a folder where the prompt file should be", encoding="utf-8")


def _huge(path: Path) -> None:
    with path.open("ab") as handle:  # 48 MB without writing 48 MB: a sparse tail
        handle.truncate(48 * 1024 * 1024)


BREAKAGES: dict[str, tuple[Callable[[Path], None], str]] = {
    "not_utf8": (_not_utf8, "is not UTF-8 text (byte 0xff"),
    "folder": (_folder, "is a folder, not a prompt file"),
    "oversized": (_huge, "is 48.0 MB; prompt files are limited to 64 KB"),
}


@pytest.fixture
def prompts_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "prompts"
    folder.mkdir()
    for shipped in (REPO_ROOT / "prompts").glob("*.md"):
        (folder / shipped.name).write_bytes(shipped.read_bytes())
    monkeypatch.setenv("ASSISTANT_PROMPTS_DIR", str(folder))
    return folder


def _library(folder: Path) -> PromptLibrary:
    return PromptLibrary(folder, REPO_ROOT / "prompts")


@pytest.mark.parametrize("kind", list(BREAKAGES))
def test_prompts_check_names_the_file_and_exits_2(prompts_dir: Path, kind: str) -> None:
    breakage, expected = BREAKAGES[kind]
    breakage(prompts_dir / "follow_up.md")
    result = CliRunner().invoke(app, ["prompts", "check"])
    assert result.exit_code == 2, result.output
    assert "follow_up.md" in result.output and expected in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("kind", list(BREAKAGES))
def test_loading_it_for_a_model_call_is_an_llm_error_the_features_fall_back_on(prompts_dir: Path, kind: str) -> None:
    breakage, expected = BREAKAGES[kind]
    breakage(prompts_dir / "follow_up.md")
    library = _library(prompts_dir)
    with pytest.raises(PromptUnusable) as info:
        library.render("follow_up", question="q", answer="a", gaps="", knowledge="")
    assert isinstance(info.value, LLMError) and expected in info.value.message
    assert library.get("answer_evaluation").name == "answer_evaluation", "other prompts keep working"


def test_an_oversized_file_is_never_read_into_memory(prompts_dir: Path) -> None:
    _huge(prompts_dir / "follow_up.md")
    library = _library(prompts_dir)
    tracemalloc.start()
    try:
        with pytest.raises(PromptUnusable, match="limited to 64 KB"):
            library.get("follow_up")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, f"{peak:,} bytes allocated: the 48 MB file was read"


@pytest.mark.parametrize("kind", list(BREAKAGES))
def test_reset_repairs_any_broken_file_and_keeps_what_was_there(prompts_dir: Path, kind: str) -> None:
    breakage, _ = BREAKAGES[kind]
    path = prompts_dir / "follow_up.md"
    breakage(path)
    result = CliRunner().invoke(app, ["prompts", "reset", "follow_up"])
    assert result.exit_code == 0, result.output
    assert path.read_bytes() == (REPO_ROOT / "prompts" / "follow_up.md").read_bytes()
    kept = list((prompts_dir / ".backups").glob("follow_up.*"))
    assert len(kept) == 1
    assert kept[0].is_dir() if kind == "folder" else kept[0].stat().st_size > 0
    assert CliRunner().invoke(app, ["prompts", "check"]).exit_code == 0


def test_an_oversized_edit_is_refused_and_the_file_is_untouched(prompts_dir: Path) -> None:
    path = prompts_dir / "follow_up.md"
    before = path.read_bytes()
    library = _library(prompts_dir)
    with pytest.raises(PromptError, match="limited to 64 KB"):
        library.save("follow_up", before.decode() + "x" * MAX_PROMPT_BYTES)
    assert path.read_bytes() == before


@pytest.mark.parametrize("kind", list(BREAKAGES))
def test_the_prompts_page_explains_and_resets_a_broken_file(app_test, app_data_dir: Path, kind: str) -> None:
    breakage, expected = BREAKAGES[kind]
    path = app_data_dir.parent / "prompts" / "follow_up.md"
    breakage(path)
    at = app_test("prompts.py")
    at.selectbox(key="prompt_name").set_value("follow_up").run()
    assert_no_exception(at)
    text = re.sub(r"\\(.)", r"\1", page_text(at))
    assert "This prompt file cannot be used" in text and expected in text

    at.button(key="prompt_reset_broken").click().run()
    assert_no_exception(at)
    assert path.read_bytes() == (REPO_ROOT / "prompts" / "follow_up.md").read_bytes()
    assert "Reset `follow_up` to the shipped default" in " ".join(s.value for s in at.success)
    assert at.text_area(key="prompt_editor::follow_up").value == path.read_text(encoding="utf-8")


def test_llm_turns_fall_back_cleanly_when_every_prompt_file_is_broken(app_test, app_data_dir: Path,
                                                                     app_fake_model) -> None:
    """The fake model has no replies queued: any call it received would fail the test. With every prompt
    unusable, the interview still runs on the offline wording and scoring, and says so."""
    for path in (app_data_dir.parent / "prompts").glob("*.md"):
        _not_utf8(path)
    at = app_test("interview.py")
    at.slider(key="iv_length").set_value(2)
    at.button[0].click()
    at.run()
    assert_no_exception(at)
    assert at.chat_message, "the planned question is asked in its offline wording"

    at.chat_input(key="interview_answer").set_value(
        "I led a 40-person ML platform org and cut deployment time from 3 weeks to 2 days.").run()
    assert_no_exception(at)
    assert "offline coach scored this answer" in page_text(at)
    assert app_fake_model.history == [], "no prompt built from a broken file reached the model"


def test_a_prompt_past_the_token_budget_is_checked_before_the_call(prompts_dir: Path) -> None:
    """A large (but allowed) prompt file that would take the session past its budget is never sent."""
    from assistant.llm.client import LLMClient
    from assistant.llm.errors import BudgetExceeded
    from assistant.llm.fakes import FakeChatModel
    from assistant.llm.usage import UsageMeter

    path = prompts_dir / "follow_up.md"
    path.write_text(path.read_text(encoding="utf-8") + "Be thorough. " * 4000, encoding="utf-8")  # ~48 KB
    library = _library(prompts_dir)
    model = FakeChatModel()
    model.enqueue("never sent")
    client = LLMClient(model, UsageMeter(5000), max_retries=0, prompts=library)
    with pytest.raises(BudgetExceeded, match=r"needs about 1\d,\d{3} tokens.*was not sent"):
        client.text("follow_up", {"question": "q", "answer": "a", "gaps": "", "knowledge": ""})
    assert model.history == [], "the oversized request never reached the model"
    assert client.meter.total_tokens == 0
