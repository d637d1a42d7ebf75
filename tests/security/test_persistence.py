"""Honest persistence: the interview page says an answer is saved only after the database confirmed it. When the
write fails (database locked, rows deleted from another window, an over-long answer) the text stays on the page,
the page says it was not saved, and a retry is offered; a deleted or missing session says so."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import get_settings
from assistant.interview.store import InterviewRepository
from assistant.storage import LOCAL_USER_ID, Database, delete_all_user_data
from tests.support.app_fixtures import assert_no_exception, page_text

ANSWER = (
    "At Acme I led a 40-person ML platform org. I decided to consolidate three feature stores into one after "
    "measuring 30% duplicated pipelines; deployment time fell from 3 weeks to 2 days and infra cost dropped 22%."
)


def _text(at) -> str:
    return re.sub(r"\\(.)", r"\1", page_text(at))  # undo the Markdown escaping of untrusted text


def _start(at):
    at.slider(key="iv_length").set_value(2)
    at.button[0].click()
    at.run()
    assert_no_exception(at)
    return at


def _db() -> Database:
    return Database(get_settings().resolved_database_url)


def _interviews() -> InterviewRepository:
    return InterviewRepository(_db())


def _stored_answers() -> list[str | None]:
    (summary,) = _interviews().list_sessions(LOCAL_USER_ID)
    return [t.answer for t in _interviews().get_session(summary.id, user_id=LOCAL_USER_ID).turns]


@contextmanager
def _database_locked() -> Iterator[None]:
    """Another program holds the write lock (as a second app process or a backup tool might)."""
    conn = sqlite3.connect(get_settings().data_dir / "coach.db", isolation_level=None, timeout=1)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def _kept_text(at) -> str:
    return at.text_area(key="unsaved_answer_text").value


def test_a_locked_database_keeps_the_answer_on_the_page_and_retry_saves_it(app_test) -> None:
    at = _start(app_test("interview.py"))
    with _database_locked():
        at.chat_input(key="interview_answer").set_value(ANSWER).run()
    assert_no_exception(at)
    text = _text(at)
    assert "Your answer was not saved." in text and "database is busy" in text
    assert "answer is saved" not in text.lower()
    assert _kept_text(at) == ANSWER
    assert _stored_answers() == [None], "nothing was stored"

    at.button(key="unsaved_retry").click().run()
    assert_no_exception(at)
    assert re.search(r"Feedback: [1-5] / 5", _text(at)), "the retried answer is scored"
    assert not at.text_area, "the kept copy goes away once the answer is stored"
    assert _stored_answers()[0] == ANSWER


def test_an_answer_to_an_interview_deleted_in_another_window_is_kept_and_says_so(app_test) -> None:
    at = _start(app_test("interview.py"))
    other_tab = app_test("history.py")
    other_tab.checkbox(key="delete_confirm").check().run()
    other_tab.button(key="delete_data").click().run()
    assert "Deleted 1 interview" in " ".join(s.value for s in other_tab.success)

    at.chat_input(key="interview_answer").set_value(ANSWER).run()
    assert_no_exception(at)
    text = _text(at)
    assert "This interview no longer exists" in text
    assert "Your answer was not saved." in text
    assert "answer is saved" not in text.lower()
    assert _kept_text(at) == ANSWER
    assert _interviews().list_sessions(LOCAL_USER_ID) == []

    at.button(key="interview_gone_new").click().run()
    assert_no_exception(at)
    assert at.button[0].label == "Start the interview", "a new interview can be started"


def test_a_deleted_interview_says_so_before_anything_is_typed(app_test) -> None:
    at = _start(app_test("interview.py"))
    delete_all_user_data(_db(), LOCAL_USER_ID)
    at.run()
    assert_no_exception(at)
    assert "This interview no longer exists" in _text(at)
    assert not at.chat_input, "no answer box for an interview that cannot store answers"


def test_a_65000_character_answer_is_refused_like_the_cli_refuses_it(app_test) -> None:
    long_answer = ("I led the platform team and measured every outcome. " * 1300)[:65_000]
    at = _start(app_test("interview.py"))
    at.chat_input(key="interview_answer").set_value(long_answer).run()
    assert_no_exception(at)
    text = _text(at)
    limit = "65,000 characters long; the limit is 8,000 characters (about 1,300 words, set by MAX_ANSWER_CHARS)"
    assert limit in text and "Your answer was not saved." in text
    assert _kept_text(at) == long_answer, "the text is kept so it can be shortened"
    assert _stored_answers() == [None]
    assert not re.search(r"Feedback: [1-5] / 5", text), "nothing was scored"

    cli = CliRunner().invoke(app, ["score", "--question", "Tell me about a hard call.", "--answer", long_answer])
    assert cli.exit_code == 2 and limit in cli.output


def test_a_65000_character_job_description_is_refused_on_both_pages(app_test) -> None:
    jd = ("We are hiring a Director of ML Engineering to lead platform teams. " * 1000)[:65_000]
    at = app_test("interview.py")
    at.text_area(key="iv_jd").set_value(jd)
    at.button[0].click()
    at.run()
    assert_no_exception(at)
    assert "65,000 characters long; the limit is 60,000 characters (about 10,000 words, set by MAX_TEXT_CHARS)" in _text(at)
    assert _interviews().list_sessions(LOCAL_USER_ID) == [], "no interview was started"

    resume = app_test("resume.py")
    resume.text_area(key="resume_paste").set_value("Jane Doe\nDirector of ML Engineering, Acme (2019-2024)\n"
                                                   "- Led 40 engineers across platform and applied ML.")
    resume.text_area(key="resume_jd").set_value(jd)
    resume.button(key="resume_review_button").click().run()
    assert_no_exception(resume)
    assert "65,000 characters long; the limit is 60,000 characters (about 10,000 words, set by MAX_TEXT_CHARS)" in _text(resume)
    assert resume.status[0].state == "error"


def test_a_bad_file_shows_an_error_state_not_a_tick_on_extracting(app_test) -> None:
    at = app_test("resume.py")
    at.file_uploader(key="resume_upload").upload("resume.pdf", b"PK\x03\x04 not a pdf at all", "application/pdf")
    at.run()
    at.button(key="resume_review_button").click().run()
    assert_no_exception(at)
    (box,) = at.status
    assert box.state == "error" and box.label == "Could not review this resume"
    assert "Extracting" not in box.label
    assert any("PDF" in e.value for e in at.error), "the reason is shown outside the box"


def test_an_answer_saved_but_not_scored_says_saved_and_offers_to_score_it(app_test, app_fake_model) -> None:
    """The write of the evaluation fails (another program takes the lock while the model is answering): the page
    says the answer is saved, because the database has it, shows no feedback that was never stored, and scores it
    on request."""
    from tests.test_app_interview import EVALUATION, FIRST_QUESTION, SECOND_QUESTION

    lock = sqlite3.connect(get_settings().data_dir / "coach.db", isolation_level=None, timeout=1,
                           check_same_thread=False)
    replies = [FIRST_QUESTION, EVALUATION, SECOND_QUESTION, EVALUATION, SECOND_QUESTION]

    def responder(_messages):
        call = len(app_fake_model.history)
        if call == 2:  # the evaluation call: the answer is already stored, the evaluation not yet
            lock.execute("BEGIN EXCLUSIVE")
        return replies[call - 1]

    app_fake_model.responder = responder
    at = _start(app_test("interview.py"))
    try:
        at.chat_input(key="interview_answer").set_value(ANSWER).run()
    finally:
        if lock.in_transaction:
            lock.execute("ROLLBACK")
    assert_no_exception(at)
    text = _text(at)
    assert "Your answer is saved; score it again below." in text and "database is busy" in text
    assert "was not saved" not in text
    assert not re.search(r"Feedback: [1-5] / 5", text), "no feedback that the database does not hold"
    assert _stored_answers() == [ANSWER]

    at.button(key="interview_rescore").click().run()
    assert_no_exception(at)
    assert "Feedback: 4 / 5" in _text(at)
    (summary,) = _interviews().list_sessions(LOCAL_USER_ID)
    assert summary.answered == 1
    lock.close()
