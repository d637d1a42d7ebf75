"""The optional LLM reading of roles: every string it returns checked against the resume; filling what an unsure
reading lacks, a second opinion on a confident one (a contradiction makes it provisional, never overrides it), and
the review unchanged when it fails.

The model is a `FakeChatModel` injected through `LLMClient`; what it received is in its `history`.
"""

from __future__ import annotations

import pytest

from assistant.llm.errors import LLMUnavailable
from assistant.resume.llm_extract import refine_with_llm
from assistant.resume.models import ExtractedText
from assistant.resume.parser import parse_resume
from assistant.resume.review import review_resume
from tests.support.resume_fixtures import CONFIDENT_HISTORY, UNSURE_HISTORY


def _parse(text: str):
    return parse_resume(ExtractedText(text=text, pages=1))


def _line(resume, fragment: str) -> int:
    return next(line.number for line in resume.lines if fragment in line.text)


def _roles(resume) -> dict:
    return {"roles": [
        {"line": _line(resume, "staff engineer"), "title": "staff engineer", "employer": "globex", "start": "2019",
         "end": "2023"},
        {"line": _line(resume, "engineer at initech"), "title": "engineer", "employer": "initech", "start": "2015",
         "end": "2019"},
        # Invented: nothing of it is in the resume.
        {"line": 2, "title": "Chief Scientist", "employer": "OpenAI", "start": "2010", "end": "2014"},
    ]}


def test_an_unsure_reading_gets_the_missing_titles_and_employers_from_verified_model_output(
    fake_model, fake_llm_client
) -> None:
    resume = _parse(UNSURE_HISTORY)
    assert [(j.title, j.company) for j in resume.experience] == [(None, None), (None, None)]
    fake_model.enqueue(_roles(resume))
    refined = refine_with_llm(resume, fake_llm_client)
    assert [(j.title, j.company, j.start) for j in refined.experience] == [
        ("staff engineer", "globex", "2019-01"), ("engineer", "initech", "2015-01")]
    prompt = "\n".join(str(m.content) for m in fake_model.history[0])
    assert "robin@example.org" not in prompt and "Robin Example" not in prompt  # contact details never sent


def test_with_no_roles_read_the_verified_roles_replace_the_reading_and_carry_their_bullets(
    fake_model, fake_llm_client
) -> None:
    parsed = _parse(UNSURE_HISTORY)
    unread = parsed.model_copy(update={"experience": [], "years_experience": None,
                                       "confidence": {**parsed.confidence, "experience": 0.1}})
    fake_model.enqueue(_roles(parsed))
    refined = refine_with_llm(unread, fake_llm_client)
    assert [j.company for j in refined.experience] == ["globex", "initech"]  # "OpenAI" was not in the resume
    assert [b.text for b in refined.experience[0].bullets] == ["Ran the build farm for 300 engineers"]
    assert refined.years_experience == 9.0
    assert refined.confidence["experience"] == 0.5
    assert any("language model" in problem for problem in refined.reading_problems)


def _role(title: str, employer: str, start: str, end: str) -> dict:
    return {"line": None, "title": title, "employer": employer, "start": start, "end": end}


def test_a_confident_reading_the_model_agrees_with_stands_as_read(fake_model, fake_llm_client) -> None:
    resume = _parse(CONFIDENT_HISTORY)
    assert resume.confidence["experience"] >= 0.7
    fake_model.enqueue({"roles": [_role("Staff Engineer", "Globex", "Jan 2019", "Present"),
                                  _role("Engineer", "Initech", "Mar 2015", "Dec 2018")]})
    assert refine_with_llm(resume, fake_llm_client) == resume
    assert len(fake_model.history) == 1  # it was asked: a confident reading gets a second opinion too


def test_a_confident_reading_the_model_contradicts_is_marked_unsure_but_never_overridden(
    fake_model, fake_llm_client, role_knowledge, embedder
) -> None:
    """The model reads one role from 2019 where the reader read two from 2015: which is right is the candidate's
    call, so the roles stay as read, the review turns provisional and says why."""
    resume = _parse(CONFIDENT_HISTORY)
    fake_model.enqueue({"roles": [_role("Staff Engineer", "Globex", "Jan 2019", "Present")]},
                       {"sections": [], "bullets": [], "overall": "Quantify outcomes."})
    review = review_resume(resume, role_knowledge, embedder, llm=fake_llm_client)
    assert [(e.title, e.company) for e in review.experience] == [("Staff Engineer", "Globex"), ("Engineer", "Initech")]
    assert review.parse is not None and review.parse.confidence == "low" and review.fit.provisional
    assert any("by the language model" in problem for problem in review.parse.problems)


def test_a_contradiction_the_resume_does_not_support_changes_nothing(fake_model, fake_llm_client) -> None:
    """Roles the model invented are dropped before any comparison, so they cannot make a reading look unsure."""
    resume = _parse(CONFIDENT_HISTORY)
    fake_model.enqueue({"roles": [_role("Chief Scientist", "OpenAI", "2001", "2010")]})
    assert refine_with_llm(resume, fake_llm_client) == resume


def test_an_unusable_reply_leaves_the_offline_reading(fake_model, fake_llm_client) -> None:
    resume = _parse(UNSURE_HISTORY)
    fake_model.enqueue("Here are the roles I found!", "Still no JSON, sorry.")
    assert refine_with_llm(resume, fake_llm_client) == resume


def test_a_server_that_is_down_costs_the_review_one_call_not_two(
    fake_model, fake_llm_client, role_knowledge, embedder
) -> None:
    """The reading of the roles is the review's first call; when the server is down, the review falls back to the
    offline coach at once instead of waiting for the feedback call to fail the same way."""
    resume = _parse(UNSURE_HISTORY)
    fake_model.enqueue(*[LLMUnavailable("The LLM server could not be reached.")] * 3)
    with pytest.raises(LLMUnavailable):
        refine_with_llm(resume, fake_llm_client)
    calls = len(fake_model.history)
    fake_model.enqueue(*[LLMUnavailable("The LLM server could not be reached.")] * 3)
    review = review_resume(resume, role_knowledge, embedder, llm=fake_llm_client)
    assert review.engine == "offline" and review.fallback
    assert len(fake_model.history) == 2 * calls  # the same attempts as the reading alone: no feedback call
    assert review.experience == review_resume(resume, role_knowledge, embedder).experience


def test_the_review_uses_the_verified_roles(fake_model, fake_llm_client, role_knowledge, embedder) -> None:
    resume = _parse(UNSURE_HISTORY)
    fake_model.enqueue(_roles(resume), {"sections": [], "bullets": [], "overall": "Quantify outcomes."})
    review = review_resume(resume, role_knowledge, embedder, llm=fake_llm_client)
    assert review.fit.score is not None
    assert review.engine == "llm"
    assert len(fake_model.history) == 2  # the role reading, then the written feedback
