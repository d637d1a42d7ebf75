"""AppTest flows for Home, Settings, Prompts and History with the offline engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.app_fixtures import assert_no_exception, page_text

# The app fixtures (app_test, app_data_dir, ...) are loaded as a plugin for this module.


def test_home_names_the_offline_coach_and_the_next_steps(app_test) -> None:
    at = app_test()
    assert_no_exception(at)
    text = page_text(at)
    assert "Offline coach" in text
    assert "Director of Machine Learning Engineering" in text or "ML Engineering" in text
    assert "competencies in the rubric" in text
    links = [link.label for link in at.get("page_link")]
    assert links == ["Open resume review", "Start an interview", "See history"]


def test_settings_page_runs_the_checks_and_never_shows_the_api_key(app_test, monkeypatch) -> None:
    secret = "sk-test-DO-NOT-SHOW-1234567890"
    monkeypatch.setenv("OPENAI_API_KEY", secret)
    at = app_test("settings.py")
    assert_no_exception(at)
    text = page_text(at)
    assert "Checks passing" in text
    assert "Role knowledge**: OK" in text or "Role knowledge" in text
    assert "set (hidden)" in text
    assert secret not in text and secret[-10:] not in text


def _prompt_names(at) -> list[str]:
    return list(at.selectbox(key="prompt_name").options)


def test_prompts_page_rejects_a_bad_edit_and_leaves_the_file_untouched(app_test, app_data_dir: Path) -> None:
    at = app_test("prompts.py")
    assert_no_exception(at)
    names = _prompt_names(at)
    assert "interviewer_system" in names
    at.selectbox(key="prompt_name").set_value("follow_up").run()
    path = next(Path(app_data_dir).parent.joinpath("prompts").glob("follow_up.*"))
    before = path.read_bytes()

    editor = at.text_area(key="prompt_editor::follow_up")
    editor.set_value(editor.value + "\n{{ ''.__class__.__mro__ }}\n{{ not_declared }}\n").run()
    at.button(key="prompt_save").click().run()

    assert_no_exception(at)
    assert at.error, "a bad edit must show an error"
    assert "not saved" in at.error[0].value.lower()
    assert path.read_bytes() == before


def test_prompts_page_saves_a_valid_edit_and_resets_it(app_test, app_data_dir: Path) -> None:
    at = app_test("prompts.py")
    at.selectbox(key="prompt_name").set_value("follow_up").run()
    path = next(Path(app_data_dir).parent.joinpath("prompts").glob("follow_up.*"))
    original = path.read_text(encoding="utf-8")

    editor = at.text_area(key="prompt_editor::follow_up")
    edited = original.rstrip("\n") + "\nAsk exactly one question.\n"
    editor.set_value(edited).run()
    at.button(key="prompt_save").click().run()
    assert_no_exception(at)
    assert not at.error
    assert "Saved" in at.success[0].value
    assert path.read_text(encoding="utf-8") == edited
    assert "Ask exactly one question." in page_text(at)  # the diff against the default shows the change

    at.button(key="prompt_reset").click().run()
    assert_no_exception(at)
    assert path.read_text(encoding="utf-8") == original


def test_history_is_empty_at_first_and_delete_needs_confirmation(app_test) -> None:
    at = app_test("history.py")
    assert_no_exception(at)
    assert "No interviews yet" in page_text(at)
    assert at.button(key="delete_data").disabled
    at.checkbox(key="delete_confirm").check().run()
    assert not at.button(key="delete_data").disabled


@pytest.mark.parametrize("page", ["home.py", "interview.py", "resume.py", "history.py", "prompts.py", "settings.py"])
def test_every_page_renders_without_error(app_test, page: str) -> None:
    at = app_test(page)
    assert_no_exception(at)
    assert not at.error, [e.value for e in at.error]
