"""Question planning: coverage by focus, no repeats, determinism, resume probes, JD leaning, citations."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.errors import InputError
from assistant.interview.planner import plan_interview, strongest_bullet
from assistant.knowledge.schema import RoleKnowledge
from assistant.resume.models import Resume

PLATFORM_JD = (
    "Director, ML Platform. You will own our ML platform: feature store, model registry, model serving and "
    "inference infrastructure, training pipelines, GPU cost, MLOps and CI/CD for models, monitoring and drift "
    "detection in production, on-call and SLAs for model serving."
)


def test_mixed_plan_covers_distinct_competencies(interview_knowledge: RoleKnowledge) -> None:
    plan = plan_interview(interview_knowledge, n=6, seed=7)
    assert len(plan.questions) == 6
    assert len({q.competency for q in plan.questions}) == 6
    assert all(q.source == "bank" and q.strong_answer and q.follow_ups for q in plan.questions)


@pytest.mark.parametrize("focus", ["leadership", "platform", "strategy"])
def test_focus_keeps_to_its_competencies(interview_knowledge: RoleKnowledge, focus: str) -> None:
    allowed = {c.id for c in interview_knowledge.rubric.competencies if focus in c.focus}
    plan = plan_interview(interview_knowledge, n=6, focus=focus, seed=3)  # type: ignore[arg-type]
    assert {q.competency for q in plan.questions} <= allowed
    assert len({q.competency for q in plan.questions}) == len(allowed)  # every one of them, before any repeats


def test_same_seed_same_plan_and_recent_questions_avoided(interview_knowledge: RoleKnowledge) -> None:
    first = plan_interview(interview_knowledge, n=6, seed=11)
    assert first == plan_interview(interview_knowledge, n=6, seed=11)
    recent = [q.question_id for q in first.questions]
    second = plan_interview(interview_knowledge, n=6, seed=11, recent_question_ids=recent)
    assert not {q.question_id for q in second.questions} & set(recent)


def test_resume_attached_adds_a_defend_this_bullet_question(
    interview_knowledge: RoleKnowledge, director_resume: Resume
) -> None:
    assert strongest_bullet(director_resume).number == 6  # the one with numbers and scope
    plan = plan_interview(interview_knowledge, n=4, seed=1, resume=director_resume)
    probes = [q for q in plan.questions if q.source == "resume_probe"]
    assert len(plan.questions) == 4 and len(probes) == 1
    probe = probes[0]
    assert "Grew the ML engineering org from 8 to 35 engineers" in probe.text
    assert probe.resume_line == 6
    assert probe.competency in {"people_leadership", "hiring"}
    print(f"\nresume probe -> {probe.competency}: {probe.text}")


def test_job_description_pulls_its_competencies_forward(interview_knowledge: RoleKnowledge) -> None:
    plan = plan_interview(interview_knowledge, n=2, focus="mixed", seed=5, job_description=PLATFORM_JD)
    assert set(plan.jd_competencies[:2]) == {"ml_platform", "production_quality"}
    assert {q.competency for q in plan.questions} == set(plan.jd_competencies[:2])


def test_questions_are_grounded_with_citations(interview_knowledge: RoleKnowledge, interview_store: Any) -> None:
    plan = plan_interview(interview_knowledge, n=3, seed=2, store=interview_store)
    for q in plan.questions:
        assert q.citations, q.text
        assert all(c.source.endswith(".yaml") and 0 <= c.score <= 1 for c in q.citations)
    # The bank question itself is the best evidence for its own wording.
    assert any(c.source == "questions.yaml" for c in plan.questions[0].citations)


@pytest.mark.parametrize("kwargs", [{"n": 0}, {"n": 21}, {"focus": "sales"}])
def test_bad_plan_requests_are_input_errors(interview_knowledge: RoleKnowledge, kwargs: dict[str, Any]) -> None:
    with pytest.raises(InputError):
        plan_interview(interview_knowledge, **kwargs)
