"""Typed story-bank data: a story is a candidate's own strong answer cut into STAR+Reflection quotes.

The same models are the CLI's `--json`, the database payloads and what the Stories page renders. Every field of a
story is a `Quote`: a span of the answer it came from, so `answer[start:end] == text` can be checked at any time
(`Story.verify()`), whoever proposed it (the offline coach, an LLM, or the user editing it).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field

from assistant.resume.guard import Finding

StoryField = Literal["situation", "task", "action", "result", "reflection"]
STORY_FIELDS: tuple[StoryField, ...] = ("situation", "task", "action", "result", "reflection")
StorySource = Literal["interview", "manual"]
StoryEngine = Literal["offline", "llm"]

#: An answer scoring this or more in an interview becomes a story on its own (below it, only when the user saves it).
STORY_MIN_SCORE = 4


def utcnow() -> datetime:
    return datetime.now(UTC)


class Quote(BaseModel):
    """A verbatim span of the answer: the only way a story field can hold text."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Story(BaseModel):
    """One prepared story, linked to the transcript turn (or the manual entry) it came from."""

    id: str
    user_id: str = "local"
    title: str
    question: str
    answer: str = Field(description="The candidate's answer, verbatim: the only source of every field.")
    competencies: list[str] = Field(default_factory=list, description="Rubric competency ids; the first is primary.")
    situation: Quote | None = None
    task: Quote | None = None
    action: Quote | None = None
    result: Quote | None = None
    reflection: Quote | None = None
    score: int | None = Field(default=None, description="The answer's score (1-5) when it was evaluated.")
    source: StorySource = "manual"
    engine: StoryEngine = "offline"
    session_id: str | None = Field(default=None, description="The interview session of the transcript turn.")
    turn_index: int | None = None
    notes: str = Field(default="", description="The candidate's own notes; never used as a source of facts.")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)

    def field(self, name: StoryField) -> Quote | None:
        value = getattr(self, name)
        return value if isinstance(value, Quote) else None

    @property
    def missing(self) -> list[StoryField]:
        return [name for name in STORY_FIELDS if self.field(name) is None]

    def verify(self) -> list[str]:
        """Problems: any field that is not exactly the answer's text at its span (empty list when all hold)."""
        problems = []
        for name in STORY_FIELDS:
            quote = self.field(name)
            if quote is not None and self.answer[quote.start : quote.end] != quote.text:
                problems.append(f"{name} is not a quote of the answer")
        return problems

    @property
    def text(self) -> str:
        """The story's own words (its fields in STAR+R order): what bullets may draw facts from."""
        return "\n".join(q.text for name in STORY_FIELDS if (q := self.field(name)) is not None)

    @property
    def summary(self) -> str:
        """What a question is matched against: the situation, action and result the candidate told."""
        parts = [q.text for name in ("situation", "action", "result") if (q := self.field(name)) is not None]
        return " ".join(parts) or self.answer[:600]


class StoryBullet(BaseModel):
    """A resume bullet a story proposes, with the story text each fact comes from and what the guard found."""

    id: str
    story_id: str
    text: str
    provenance: list[Quote] = Field(description="The story quotes this bullet is built from.")
    findings: list[Finding] = Field(default_factory=list, description="Facts the story does not state (guard).")
    accepted: bool = False
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def supported(self) -> bool:
        return not self.findings


class CoverageRow(BaseModel):
    """One competency of the coverage map: which stories back it (none = a gap to prepare)."""

    competency: str
    name: str
    stories: list[str] = Field(default_factory=list, description="Story ids, strongest first.")
    titles: list[str] = Field(default_factory=list)


class StoryHint(BaseModel):
    """During an interview: the story that fits the question being asked."""

    story_id: str
    title: str
    similarity: float
    message: str
