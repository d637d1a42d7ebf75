"""The knowledge store (Chroma) deleted mid-session in LLM mode: the interview in progress keeps working (retrieval
is grounding, not a requirement), its report is written, and the next interview rebuilds the store."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.support.app_fixtures import assert_no_exception, page_text
from tests.test_app_interview import ANSWER, EVALUATION, FIRST_QUESTION, SECOND_QUESTION


def test_a_deleted_chroma_folder_mid_interview_is_survived_and_rebuilt(app_test, app_data_dir: Path,
                                                                        app_fake_model) -> None:
    app_fake_model.enqueue(FIRST_QUESTION, EVALUATION, SECOND_QUESTION)
    at = app_test("interview.py")
    at.slider(key="iv_length").set_value(2)
    at.button[0].click()
    at.run()
    assert_no_exception(at)

    shutil.rmtree(app_data_dir / "chroma")  # deleted by hand (or a clean-up script) while the app runs

    at.chat_input(key="interview_answer").set_value(ANSWER).run()
    assert_no_exception(at)
    text = page_text(at)
    assert "Feedback: 4 / 5" in text and SECOND_QUESTION in re.sub(r"\\(.)", r"\1", text)

    app_fake_model.enqueue("A strong, specific interview; prepare your stakeholder stories next.")
    at.button(key="interview_end").click().run()
    assert_no_exception(at)
    assert "Interview report" in page_text(at)

    app_fake_model.enqueue(FIRST_QUESTION)
    again = app_test("interview.py")
    again.slider(key="iv_length").set_value(2)
    again.button[0].click()
    again.run()
    assert_no_exception(again)
    assert again.chat_message, "a new interview starts"
    assert (app_data_dir / "chroma").is_dir(), "the store was rebuilt from the shipped knowledge"
