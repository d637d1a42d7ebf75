"""Fixtures for the interview area: the shipped role knowledge, a real knowledge store, a database per test, a
rule-based scorer implementing the `AnswerScorer` protocol (so engine tests do not depend on the scorer's
calibration), and an engine factory."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assistant.config import REPO_ROOT, Settings
from assistant.interview.engine import InterviewEngine
from assistant.interview.models import Dimensions, Evaluation, QuestionContext
from assistant.interview.scoring import AnswerScorer
from assistant.knowledge.loader import load_role
from assistant.knowledge.schema import RoleKnowledge
from assistant.resume.models import Job, Line, Resume
from assistant.storage import Database

DATA = Path(__file__).resolve().parent.parent / "data"


class RuleScorer(AnswerScorer):
    """Scores by four visible rules (own actions, numbers, an outcome, enough words). Deterministic and simple
    enough that a test can say why an answer got its gaps."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def evaluate(self, question: QuestionContext, answer: str) -> Evaluation:
        self.calls.append((question.text, answer))
        words = answer.split()
        gaps: list[Any] = []
        if len(words) < 25:
            gaps.append("too_short")
        if not re.search(r"\bI\b", answer):
            gaps.append("no_own_actions")
        if not re.search(r"\d", answer):
            gaps.append("no_numbers")
        if not re.search(r"\b(result|outcome|so that|which cut|reduced|increased|improved|grew)\b", answer, re.I):
            gaps.append("no_outcome")
        score = max(1, 5 - len(gaps))
        dims = Dimensions(structure=score, ownership=score, specificity=score, relevance=score, altitude=score)
        return Evaluation(
            score=score,
            competency=question.competency,
            dimensions=dims,
            evidence=[" ".join(words[:8])] if words else [],
            strengths=["Concrete example with your own actions"] if score >= 4 else [],
            improvements=["Add the measurable outcome"] if "no_outcome" in gaps else ["Tighten the story"],
            gaps=gaps,
        )


@pytest.fixture(scope="session")
def interview_knowledge() -> RoleKnowledge:
    return load_role(REPO_ROOT / "knowledge" / "ml-director")


@pytest.fixture(scope="session")
def interview_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A real Chroma store of the shipped knowledge, ingested once per test run."""
    from assistant.knowledge.embeddings import get_embedder
    from assistant.knowledge.store import KnowledgeStore

    settings = Settings(_env_file=None, data_dir=tmp_path_factory.mktemp("interview-store"), llm_provider="offline")  # type: ignore[call-arg]
    store = KnowledgeStore(settings, get_embedder(settings))
    store.ensure_ready()
    return store


@pytest.fixture
def interview_db(settings: Settings) -> Database:
    db = Database(settings.resolved_database_url)
    yield db  # type: ignore[misc]
    db.close()


@pytest.fixture
def make_engine(interview_db: Database, interview_knowledge: RoleKnowledge) -> Callable[..., InterviewEngine]:
    def make(**overrides: Any) -> InterviewEngine:
        kwargs: dict[str, Any] = {"db": interview_db, "knowledge": interview_knowledge, "scorer": RuleScorer()}
        kwargs.update(overrides)
        return InterviewEngine(**kwargs)

    return make


@pytest.fixture
def director_resume() -> Resume:
    """A made-up candidate (no real person's data)."""
    return Resume(
        experience=[
            Job(
                title="Director of ML Engineering",
                company="Example Retail Co",
                bullets=[
                    Line(number=5, text="Responsible for various machine learning projects"),
                    Line(
                        number=6,
                        text="Grew the ML engineering org from 8 to 35 engineers across 4 teams and hired 3 managers",
                    ),
                    Line(number=7, text="Worked with stakeholders on roadmap"),
                ],
            ),
            Job(
                title="ML Engineering Manager",
                company="Example Media",
                bullets=[Line(number=10, text="Helped the team with model deployment tasks")],
            ),
        ]
    )


STRONG_ANSWER = (
    "In 2023 our recommendation models took six weeks to reach production. I owned the fix: I set up a "
    "platform team of 5 engineers, I decided to buy a feature store instead of building one, and I set a target "
    "of two days from merge to canary. The result: median time to production fell from 42 days to 3, which cut "
    "experiment cost by 30 percent and let product ship 4 times more tests per quarter."
)
VAGUE_ANSWER = "We generally try to work well together and things usually get better over time."
