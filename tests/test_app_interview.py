"""AppTest flows of the Mock interview page: offline engine end to end, an LLM that fails, reopening from History."""

from __future__ import annotations

import re

from langchain_core import exceptions as lc_errors

from assistant.config import get_settings
from assistant.interview.store import InterviewRepository
from assistant.llm.fakes import FakeChatModel
from assistant.services import override_chat_model
from assistant.storage import Database
from tests.support.app_fixtures import assert_no_exception, page_text

ANSWER = (
    "At Acme I led a 40-person ML platform org. I decided to consolidate three feature stores into one after "
    "measuring 30% duplicated pipelines; I set the roadmap, hired two staff engineers and negotiated the budget "
    "with the CTO. As a result deployment time fell from 3 weeks to 2 days and infra cost dropped 22%."
)


def _start(at, *, length: int = 2, mode: str = "practice"):
    at.slider(key="iv_length").set_value(length)
    at.radio(key="iv_mode").set_value(mode)
    at.button[0].click()  # the form's submit button is the only button before an interview starts
    return at.run()


def _answer_until_report(at, limit: int = 8):
    for _ in range(limit):
        if "Interview report" in page_text(at):
            return at
        assert at.chat_input, "an open question must offer the answer box"
        at.chat_input(key="interview_answer").set_value(ANSWER).run()
        assert_no_exception(at)
    raise AssertionError("the interview did not end")


def _messages(at) -> list[tuple[str, str]]:
    """(author, text) of each chat message, with the Markdown escaping of untrusted text undone."""
    return [(m.name, re.sub(r"\\(.)", r"\1", " ".join(md.value for md in m.markdown))) for m in at.chat_message]


def test_offline_practice_interview_gives_feedback_then_a_report(app_test) -> None:
    at = _start(app_test("interview.py"))
    assert_no_exception(at)
    first = _messages(at)
    assert len(first) == 1 and first[0][0] == "assistant", "the interviewer opens with one question"

    at.chat_input(key="interview_answer").set_value(ANSWER).run()
    assert_no_exception(at)
    text = page_text(at)
    assert re.search(r"Feedback: [1-5] / 5", text), "practice mode shows feedback after each answer"
    # ... and says what the offline coach measures and what it cannot judge (md-escaped on the page)
    assert "cannot weigh judgment calls" in re.sub(r"\\(.)", r"\1", text)
    assert any(name == "user" and "40-person" in body for name, body in _messages(at))

    at = _answer_until_report(at)
    text = page_text(at)
    assert "Scores per competency" in text and "Strengths" in text and "Next steps" in text
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download Markdown", "Download PDF"]

    sessions = InterviewRepository(Database(get_settings().resolved_database_url)).list_sessions()
    assert len(sessions) == 1 and sessions[0].status == "finished" and sessions[0].answered == 2


def test_realistic_mode_keeps_feedback_for_the_end(app_test) -> None:
    at = _start(app_test("interview.py"), mode="realistic")
    at.chat_input(key="interview_answer").set_value(ANSWER).run()
    assert_no_exception(at)
    if "Interview report" not in page_text(at):
        assert not re.search(r"Feedback: [1-5] / 5", page_text(at))
    at = _answer_until_report(at)
    assert "Interview report" in page_text(at)


def test_an_llm_that_fails_falls_back_visibly_and_keeps_the_transcript(app_test) -> None:
    def broken(_messages):
        raise lc_errors.ModelConnectionError("connection refused")

    with override_chat_model(lambda _settings: FakeChatModel(responder=broken)):
        at = app_test("interview.py")
        assert "LLM" in page_text(at) and "fake-model" in page_text(at)
        at = _start(at)
        assert_no_exception(at)
        question = _messages(at)[0][1]
        assert question, "the offline wording is used when the LLM cannot word the question"
        at.chat_input(key="interview_answer").set_value(ANSWER).run()
        assert_no_exception(at)
        text = page_text(at)
        assert "offline coach scored this answer" in text
        messages = _messages(at)
        assert messages[0][1] == question and any("40-person" in body for _, body in messages)


def test_an_unfinished_interview_reopens_from_history(app_test) -> None:
    at = _start(app_test("interview.py"), length=3)
    at.chat_input(key="interview_answer").set_value(ANSWER).run()
    transcript = _messages(at)

    at.switch_page("app_pages/history.py").run()
    assert_no_exception(at)
    assert "Active" in page_text(at)
    at.session_state["interview"] = None  # a new browser tab: nothing in memory
    at.button(key="history_open").click().run()
    assert_no_exception(at)
    assert _messages(at)[: len(transcript)] == transcript
    assert at.chat_input, "the reopened interview waits for the next answer"


FIRST_QUESTION = "Tell me about the hardest platform consolidation you led: what did you decide, and what changed?"
SECOND_QUESTION = "How did you decide which ML bets to fund last year, and which did you stop?"
EVALUATION = {  # the `LLMAnswerEvaluation` schema the LLM evaluator asks for
    "score": 4,
    "dimensions": {"structure": 4, "ownership": 5, "specificity": 4, "relevance": 4, "altitude": 3},
    "evidence": ["I decided to consolidate three feature stores into one"],
    "strengths": ["Clear personal decision backed by a measured problem."],
    "improvements": ["Say how you brought the product leads along."],
    "gaps": [],
    "follow_up": None,
}


def test_an_llm_interview_turn_streams_the_models_question_and_its_evaluation(app_test, app_fake_model) -> None:
    # In call order: the first question's wording (streamed), the answer's evaluation (structured), the next question.
    app_fake_model.enqueue(FIRST_QUESTION, EVALUATION, SECOND_QUESTION)
    at = app_test("interview.py")
    assert "Engine: **LLM: fake-model**" in page_text(at)
    at = _start(at)
    assert_no_exception(at)
    opening = _messages(at)
    assert len(opening) == 1 and opening[0][0] == "assistant" and opening[0][1].startswith(FIRST_QUESTION)

    at.chat_input(key="interview_answer").set_value(ANSWER).run()
    assert_no_exception(at)
    assert not app_fake_model.replies, "every queued reply was asked for"
    text = page_text(at)
    assert "Feedback: 4 / 5" in text and "scored by the LLM evaluator" in text
    assert "offline coach scored this answer" not in text
    bodies = [body for _, body in _messages(at)]
    assert bodies[0].startswith(FIRST_QUESTION) and any("40-person" in b for b in bodies)
    assert any("Clear personal decision backed by a measured problem." in b for b in bodies)
    assert any("Say how you brought the product leads along." in b for b in bodies)
    assert bodies[-1].startswith(SECOND_QUESTION), "the model's next question is asked"
    evaluated = InterviewRepository(Database(get_settings().resolved_database_url)).list_sessions()[0]
    assert evaluated.engine == "llm" and evaluated.answered == 1


def test_a_spent_token_budget_is_shown_and_a_new_interview_gets_a_fresh_one(app_test, monkeypatch) -> None:
    """When the session's LLM token budget runs out the page says so (the offline coach took over), and starting
    a new interview, as the message advises, gives the new interview its own budget."""
    monkeypatch.setenv("SESSION_TOKEN_BUDGET", "4000")
    model = FakeChatModel(responder=lambda _messages: FIRST_QUESTION)
    with override_chat_model(lambda _settings: model):
        at = _start(app_test("interview.py"), length=3)
        assert_no_exception(at)
        assert "token budget" not in page_text(at)
        at.chat_input(key="interview_answer").set_value(ANSWER).run()  # the evaluation no longer fits the budget
        assert_no_exception(at)
        notices = [re.sub(r"\\(.)", r"\1", w.value) for w in at.warning]
        notices = [n for n in notices if "token budget of this session ran out" in n]
        assert len(notices) == 1 and "offline coach took over" in notices[0], page_text(at)
        assert "SESSION_TOKEN_BUDGET" in notices[0]

        at.button(key="interview_end").click().run()
        assert_no_exception(at)
        at.button(key="interview_new").click().run()
        at = _start(at, length=2)
        assert_no_exception(at)
        assert "token budget of this session ran out" not in page_text(at)
        assert _messages(at)[0][1].startswith(FIRST_QUESTION), "the new interview's question is the LLM's again"


def test_a_long_spoken_transcript_is_refused_with_the_limit_not_cut_short_silently(app_test, monkeypatch,
                                                                                  tmp_path) -> None:
    """The transcript box carried `max_chars`: a browser cuts a long edit or paste there without a word and the
    stub was scored. The whole transcript now reaches the shared limit, which names it; nothing is sent."""
    import numpy as np

    from tests.support.speech import ANSWERS, silence, synthesise, write_wav

    monkeypatch.setenv("MAX_ANSWER_CHARS", "500")
    at = _start(app_test("interview.py"))
    wav = write_wav(tmp_path / "answer.wav", np.concatenate([silence(0.3), synthesise(ANSWERS[0], 160), silence(0.5)]))
    at.audio_input[0].upload("answer.wav", wav.read_bytes()).run()
    assert_no_exception(at)
    [box] = [t for t in at.text_area if t.label.startswith("Transcript")]
    assert not box.max_chars, "no silent cut in the browser"
    long_answer = (ANSWER + " ") * 3
    box.set_value(long_answer)
    [submit] = [b for b in at.button if b.label == "Submit spoken answer"]
    submit.click().run()
    assert_no_exception(at)
    text = page_text(at).replace("\\", "")
    assert f"The transcript is {len(long_answer):,} characters long; the limit is 500 characters" in text
    assert "MAX_ANSWER_CHARS" in text
    assert not [m for m in at.chat_message if m.name == "user"], "nothing was sent or scored"
    [box] = [t for t in at.text_area if t.label.startswith("Transcript")]
    assert box.value == long_answer, "the transcript is kept to be shortened"

    box.set_value(ANSWER)  # shortened: now it is scored, with its delivery
    [submit] = [b for b in at.button if b.label == "Submit spoken answer"]
    submit.click().run()
    assert_no_exception(at)
    assert any(name == "user" and "40-person" in body for name, body in _messages(at))
    assert re.search(r"Spoken answer · \d+ words/min", page_text(at).replace("\\", ""))


def test_a_red_flag_the_llm_found_is_shown_quoted_and_says_who_found_it(app_test, app_fake_model) -> None:
    from tests.test_scoring_llm import REFRAMED, REFRAMED_QUOTE

    verdict = {
        "score": 1, "dimensions": {"structure": 2, "ownership": 2, "specificity": 2, "relevance": 1, "altitude": 1},
        "evidence": ["I rolled back to the previous model the same day"], "strengths": [],
        "improvements": ["Say who you told, and when."], "gaps": [], "follow_up": None,
        "red_flags_found": [{"id": "concealment", "quote": REFRAMED_QUOTE, "why": "the risk committee was not told"}],
    }
    app_fake_model.enqueue(FIRST_QUESTION, verdict, SECOND_QUESTION)
    at = _start(app_test("interview.py"))
    at.chat_input(key="interview_answer").set_value(REFRAMED).run()
    assert_no_exception(at)
    text = page_text(at)
    assert "Feedback: 1 / 5" in text and "scored by the LLM evaluator" in text
    shown = [e.value for e in at.error if "Red flag" in e.value]
    assert len(shown) == 1 and "(found by the LLM evaluator)" in shown[0] and "routine feature refresh" in shown[0]


def test_an_offline_red_flag_is_shown_with_its_quote_and_explanation(app_test) -> None:
    concealed = ("I kept the incident from legal because they slow everything down; we fixed it quietly and nobody "
                 "outside the team ever knew customers had been overcharged.")
    at = _start(app_test("interview.py"))
    at.chat_input(key="interview_answer").set_value(concealed).run()
    assert_no_exception(at)
    (shown,) = [e.value for e in at.error if "Red flag" in e.value]
    assert "Concealment" in shown and "kept the incident from legal" in shown and "escalating bad news" in shown
    assert "overcharged\\.”." not in shown, "the quote's own full stop is not doubled (the text is Markdown)"
