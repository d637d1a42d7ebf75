"""AppTest flows for the Story bank, Practice plan and Director exercises pages (offline engine)."""

from __future__ import annotations

from tests.support.app_fixtures import assert_no_exception, page_text

ANSWER = (
    "At Acme I led a 40-person ML platform org. I decided to consolidate three feature stores into one after "
    "measuring 30% duplicated pipelines; I set the roadmap, hired two staff engineers and negotiated the budget "
    "with the CTO. As a result deployment time fell from 3 weeks to 2 days and infra cost dropped 22% in two "
    "quarters."
)
PLAN = (
    "Days 1-30: listen and diagnose. I will hold one-on-ones with all 24 engineers and meet the VP of Product and "
    "the CFO.\n\nPriorities: first, cut time to production from 6 weeks to 2 weeks by the end of Q2. We will not "
    "start the LLM research track this half.\n\nRisks: the migration could stall; I will mitigate by migrating the "
    "most willing team first and reviewing adoption every two weeks.\n\nTeam: we are missing a staff MLOps "
    "engineer; I will open the role in the first month."
)


def test_story_bank_saves_an_answer_shows_quotes_and_proposes_bullets(app_test) -> None:
    at = app_test("stories.py")
    assert_no_exception(at)
    assert "No stories yet" in page_text(at)
    at.text_input(key="story_q").set_value("Tell me about an ML platform you built.")
    at.text_area(key="story_a").set_value(ANSWER)
    at.button[0].click().run()  # the form's submit button
    assert_no_exception(at)
    text = page_text(at)
    assert "\u201cAt Acme I led a 40\\-person ML platform org\\.\u201d" in text  # the situation, quoted verbatim
    assert "ML platform and infrastructure" in text
    at.button(key="story_bullets").click().run()
    assert_no_exception(at)
    text = page_text(at)
    assert "deployment time fell from 3 weeks to 2 days" in text.replace("\\", "")
    assert "Not in your story" not in text


def test_plan_page_lists_what_is_due_and_starts_todays_practice(app_test) -> None:
    at = app_test("plan.py")
    assert_no_exception(at)
    assert "Due today: 8" in page_text(at)  # a fresh user: every competency is due, never practised
    at.button(key="plan_start").click().run()
    assert_no_exception(at)
    session = at.session_state["interview"]
    assert session.length == 3 and all(q.source == "bank" for q in session.plan.questions)
    assert len({q.competency for q in session.plan.questions}) == 3


def test_exercises_page_reviews_a_memo_with_quotes_and_runs_a_roleplay(app_test) -> None:
    at = app_test("exercises.py")
    assert_no_exception(at)
    at.text_area(key="ex_text").set_value(PLAN)
    at.button(key="ex_review").click().run()
    assert_no_exception(at)
    text = page_text(at)
    assert "Priorities:" in text and "Overall (1-5)" in text
    assert "We will not start the LLM research track this half" in text.replace("\\", "")

    at.selectbox(key="rp_pick").set_value("cfo").run()
    at.button(key="rp_start").click().run()
    assert_no_exception(at)
    assert "Your ML platform cost us about four million dollars" in page_text(at)
    at.chat_input(key="rp_reply").set_value("It is strategic and enables everything.").run()
    assert_no_exception(at)
    assert "That is activity, not return" in page_text(at)


def test_interview_page_points_to_the_story_that_fits_the_question(app_test) -> None:
    from assistant.config import get_settings
    from assistant.interview.session import Plan, PlannedQuestion
    from assistant.knowledge.embeddings import get_embedder
    from assistant.knowledge.loader import load_role
    from assistant.storage import Database
    from assistant.stories.bank import StoryBank

    settings = get_settings()
    knowledge = load_role(settings.role_dir)
    question = next(q for q in knowledge.questions.questions if q.competency == "ml_platform")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    story = StoryBank(Database.from_settings(settings), knowledge, get_embedder(settings)).add_answer(
        question.text, ANSWER, competency="ml_platform")

    at = app_test("interview.py")
    at.session_state["practice_plan"] = Plan(focus="mixed", seed=0, questions=[PlannedQuestion(
        text=question.text, competency=question.competency, question_id=question.id,
        strong_answer=list(question.strong_answer), follow_ups=list(question.follow_ups))])
    at.run()
    assert_no_exception(at)
    hints = [i.value for i in at.info if "fits here" in i.value]
    assert hints and story.title.split()[0] in hints[0]


def test_a_too_long_story_is_refused_with_the_limit_not_cut_short_silently(app_test, monkeypatch) -> None:
    """The answer box used to carry `max_chars`: a browser cuts a long paste there without a word, and the story
    was saved from the stub. The whole text now reaches the shared limit, which says what it is."""
    monkeypatch.setenv("MAX_ANSWER_CHARS", "500")
    at = app_test("stories.py")
    assert not at.text_area(key="story_a").max_chars, "no silent cut in the browser"
    at.text_input(key="story_q").set_value("Tell me about an ML platform you built.")
    long_answer = (ANSWER + " ") * 3
    at.text_area(key="story_a").set_value(long_answer)
    at.button[0].click().run()
    assert_no_exception(at)
    text = page_text(at).replace("\\", "")
    assert f"{len(long_answer):,} characters long; the limit is 500 characters" in text
    assert "MAX_ANSWER_CHARS" in text
    assert "No stories yet" in text, "nothing was saved"
    assert at.text_area(key="story_a").value == long_answer, "the text is kept to be shortened"


def test_a_refused_role_play_reply_is_explained_and_kept(app_test) -> None:
    """The page reran right after a refused reply, so the error vanished with the text the user had typed."""
    at = app_test("exercises.py")
    at.selectbox(key="rp_pick").set_value("cfo").run()
    at.button(key="rp_start").click().run()
    long_reply = "The platform cut time to production from 6 weeks to 2 weeks and saved 1.2 million. " * 60
    at.chat_input(key="rp_reply").set_value(long_reply).run()
    assert_no_exception(at)
    text = page_text(at).replace("\\", "")
    assert f"The reply is {len(long_reply):,} characters long; the limit is 3,000 characters" in text
    assert at.text_area(key="rp_unsent").value == long_reply, "the reply is kept to be shortened"
    assert not [m for m in at.chat_message if m.name == "user"], "nothing half-recorded in the conversation"


def test_a_role_play_answered_only_with_thanks_ends_saying_there_is_nothing_to_review(app_test) -> None:
    at = app_test("exercises.py")
    at.selectbox(key="rp_pick").set_value("cfo").run()
    at.button(key="rp_start").click().run()
    for _ in range(8):  # the persona presses on each beat, then closes
        if not at.chat_input:
            break
        at.chat_input(key="rp_reply").set_value("Thanks.").run()
        assert_no_exception(at)
        assert "Your reply was not sent" not in page_text(at)
    assert "No review: none of your replies had a sentence to score" in page_text(at)
