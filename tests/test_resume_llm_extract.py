"""The optional LLM reading of roles: asked only when the layout reading is unsure, every string it returns checked
against the resume, never overriding what the layout reader found, and the review unchanged when it fails.

The model is a `FakeChatModel` injected through `LLMClient`; what it received is in its `history`.
"""

from __future__ import annotations

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


def test_a_confident_reading_is_never_sent_or_overridden(fake_model, fake_llm_client) -> None:
    resume = _parse(CONFIDENT_HISTORY)
    assert resume.confidence["experience"] >= 0.7
    refined = refine_with_llm(resume, fake_llm_client)
    assert refined == resume
    assert fake_model.history == []


def test_a_failing_model_leaves_the_offline_reading(fake_model, fake_llm_client) -> None:
    resume = _parse(UNSURE_HISTORY)
    fake_model.enqueue(*[LLMUnavailable("The LLM server could not be reached.")] * 3)
    assert refine_with_llm(resume, fake_llm_client) == resume


def test_the_review_uses_the_verified_roles(fake_model, fake_llm_client, role_knowledge, embedder) -> None:
    resume = _parse(UNSURE_HISTORY)
    fake_model.enqueue(_roles(resume), {"sections": [], "bullets": [], "overall": "Quantify outcomes."})
    review = review_resume(resume, role_knowledge, embedder, llm=fake_llm_client)
    assert review.fit.score is not None
    assert review.engine == "llm"
    assert len(fake_model.history) == 2  # the role reading, then the written feedback
