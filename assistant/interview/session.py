"""Typed state of one mock interview: the plan, the turns, the session and its report.

The same models are what the database stores (as JSON columns), what `--json` prints and what the UI renders, so
there is one definition of "a turn" in the whole product.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal, get_args

from pydantic import BaseModel, Field

from assistant.interview.models import Citation, Engine, Evaluation, QuestionContext, RedFlag

#: A focus id of the role's rubric (`Rubric.focuses`) or "mixed"; checked against the role when planning.
InterviewFocus = str
Mode = Literal["practice", "realistic"]
MODES: tuple[Mode, ...] = get_args(Mode)
SessionStatus = Literal["active", "finished", "abandoned"]
TurnKind = Literal["question", "follow_up"]
QuestionSource = Literal["bank", "resume_probe", "generated"]


def utcnow() -> datetime:
    return datetime.now(UTC)


class PlannedQuestion(BaseModel):
    """One main question of the plan, with everything the scorer and the report need to know about it."""

    text: str
    competency: str = Field(description="Competency id from the rubric.")
    source: QuestionSource = "bank"
    question_id: str | None = Field(default=None, description="Bank question id (also for a resume probe's template).")
    strong_answer: list[str] = Field(default_factory=list)
    follow_ups: list[str] = Field(default_factory=list)
    resume_claim: str | None = Field(default=None, description="The resume bullet a 'defend this bullet' question probes.")
    resume_line: int | None = Field(default=None, description="Source line of that bullet in the parsed resume.")
    citations: list[Citation] = Field(default_factory=list, description="Knowledge chunks that ground it.")

    def context(self, text: str | None = None) -> QuestionContext:
        """The evaluator's view of this question (a follow-up is scored against the same competency)."""
        return QuestionContext(
            text=text or self.text,
            competency=self.competency,
            question_id=self.question_id,
            strong_answer=self.strong_answer,
            follow_ups=self.follow_ups,
            resume_claim=self.resume_claim,
        )


class Plan(BaseModel):
    focus: InterviewFocus
    seed: int
    questions: list[PlannedQuestion]
    jd_competencies: list[str] = Field(
        default_factory=list, description="Competencies the job description leans toward, most relevant first."
    )


class Turn(BaseModel):
    """One exchange: a question (main or follow-up) and, once given, the answer and its evaluation.

    A turn is stored when it is asked; the answer is stored before it is evaluated, so a crash or an LLM failure
    between the two never loses what the candidate wrote.
    """

    index: int = Field(description="0-based position in the session, follow-ups included.")
    question_index: int = Field(description="Which planned question this turn belongs to.")
    kind: TurnKind = "question"
    question: str
    competency: str
    citations: list[Citation] = Field(default_factory=list)
    answer: str | None = None
    evaluation: Evaluation | None = None
    timings: dict[str, float] = Field(default_factory=dict, description="Milliseconds per step of this turn.")
    tokens: dict[str, int] = Field(default_factory=dict, description="Prompt/completion tokens this turn spent.")
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def answered(self) -> bool:
        return self.answer is not None

    @property
    def evaluated(self) -> bool:
        return self.evaluation is not None


class InterviewSession(BaseModel):
    id: str
    user_id: str = "local"
    role: str
    focus: InterviewFocus
    length: int
    mode: Mode = "practice"
    engine: Engine = "offline"
    plan: Plan
    status: SessionStatus = "active"
    turns: list[Turn] = Field(default_factory=list)
    totals: dict[str, float] = Field(default_factory=dict)
    history_summary: str = Field(default="", description="Rolling summary of turns that left the prompt window.")
    resume_ref: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    @property
    def pending_turn(self) -> Turn | None:
        """The turn waiting for an answer or for its evaluation, if any."""
        if self.turns and not self.turns[-1].evaluated:
            return self.turns[-1]
        return None

    def follow_ups_for(self, question_index: int) -> int:
        return sum(1 for t in self.turns if t.question_index == question_index and t.kind == "follow_up")

    @property
    def answered_questions(self) -> int:
        return len({t.question_index for t in self.turns if t.evaluated})


class TurnResult(BaseModel):
    """What `InterviewEngine.submit_answer` returns: how the answer landed and what is asked next."""

    turn: Turn
    evaluation: Evaluation
    follow_up: str | None = None
    next_question: str | None = None
    finished: bool = False


class CompetencyScore(BaseModel):
    competency: str
    name: str
    score: float = Field(description="Mean 1-5 score of the answers on this competency.")
    answers: int


class QuestionReport(BaseModel):
    """Per main question: how it went, and what a strong answer would cover (from the knowledge base)."""

    index: int
    question: str
    competency: str
    source: QuestionSource
    score: float | None = Field(default=None, description="Best of the main answer and its follow-ups; None if unanswered.")
    follow_ups: int = 0
    strengths: list[str] = Field(default_factory=list)
    improvements: list[str] = Field(default_factory=list)
    red_flags: list[RedFlag] = Field(default_factory=list, description="Red flags in this question's answers.")
    strong_answer_outline: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list, description="Citations behind the outline.")


class Report(BaseModel):
    session_id: str
    role: str
    role_title: str
    engine: Engine
    mode: Mode
    finished: bool
    planned_questions: int
    answered_questions: int
    overall: float | None = Field(default=None, description="Mean of the per-competency scores, 1-5.")
    competencies: list[CompetencyScore] = Field(default_factory=list)
    strengths: list[str] = Field(default_factory=list)
    gaps: list[str] = Field(default_factory=list)
    next_steps: list[str] = Field(default_factory=list)
    questions: list[QuestionReport] = Field(default_factory=list)
    narrative: str | None = Field(default=None, description="LLM-written summary, when an LLM was available.")
    fallback: bool = Field(default=False, description="True when some evaluation or the narrative fell back to offline.")
    scope: str | None = Field(default=None, description="What the offline coach measured and what it cannot judge.")
