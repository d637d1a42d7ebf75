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
    assert links[:3] == ["Open resume review", "Start an interview", "See history"]
    assert links[3].startswith("Practice plan")


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


def _finished_interview(answer: str, focus: str) -> float:
    """Run a two-question interview to the end through the same services the app uses; returns its overall score."""
    from assistant.config import get_settings
    from assistant.services import build_services

    engine = build_services(get_settings()).new_interview_engine()
    session = engine.start(focus, 2, seed=1)  # type: ignore[arg-type]
    while engine.current_question(session) is not None:
        engine.submit_answer(session, answer)
    report = engine.finish(session)
    assert report.overall is not None
    return report.overall


def test_history_charts_progress_and_lists_finished_sessions_with_scores(app_test, app_data_dir: Path) -> None:
    strong = (
        "At Acme I led a 40-person ML platform org. I decided to consolidate three feature stores into one after "
        "measuring 30% duplicated pipelines; I hired two staff engineers and negotiated the budget with the CTO. "
        "As a result deployment time fell from 3 weeks to 2 days and infra cost dropped 22%."
    )
    scores = [_finished_interview("We worked on some things and it went fine.", "platform"),
              _finished_interview(strong, "leadership")]

    at = app_test("history.py")
    assert_no_exception(at)
    table = at.dataframe[0].value
    assert len(table) == 2 and set(table["Status"]) == {"Finished"}
    assert sorted(table["Overall (1-5)"]) == sorted(round(s, 1) for s in scores)
    assert set(table["Focus"]) == {"Platform", "Leadership"}
    assert "Progress per competency" in page_text(at)
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1, "one progress chart"
    import pyarrow as pa

    (dataset,) = charts[0].proto.datasets
    points = pa.ipc.open_stream(dataset.data.data).read_pandas()
    assert points["When"].nunique() == 2, "the chart plots both sessions"
    assert points["Score"].between(1, 5).all() and points["Competency"].str.len().gt(0).all()
