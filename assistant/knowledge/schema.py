"""The shape of role knowledge. A role is a folder of YAML files validated into these models.

Models forbid unknown keys so a typo in a knowledge file is an error naming the file and field, not silently
ignored data.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

Level = Annotated[int, Field(ge=1, le=5)]


def _every_level(levels: dict[int, str]) -> dict[int, str]:
    """A rubric scale describes every level, 1 to 5, so no score is shown without its meaning."""
    if sorted(levels) != [1, 2, 3, 4, 5]:
        raise ValueError("levels must describe exactly 1, 2, 3, 4 and 5")
    return levels


LevelDescriptions = Annotated[dict[Level, str], AfterValidator(_every_level)]
Focus = Literal["leadership", "platform", "strategy", "mixed"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProfileSection(_Strict):
    """One meaningful part of the role profile (scope, a typical day, success metrics, ...): one chunk."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    heading: str
    text: str = Field(min_length=20)


class SalaryBand(_Strict):
    level: str
    years: str | None = None
    annual_usd: str


class RoleProfile(_Strict):
    """The role as a public career page describes it, in our own words."""

    role: str
    title: str
    summary: str
    sections: list[ProfileSection] = Field(min_length=5)
    salary_bands: list[SalaryBand] = Field(min_length=1)


class Competency(_Strict):
    """A rubric row: what the competency is, what each level 1-5 looks like, and what an interviewer observes."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    focus: list[Focus] = Field(min_length=1, description="Interview focuses this competency belongs to.")
    description: str
    levels: LevelDescriptions
    signals: list[str] = Field(min_length=3, description="Observable evidence of strength in an answer.")
    red_flags: list[str] = Field(default_factory=list, description="Observable evidence of weakness.")
    keywords: list[str] = Field(default_factory=list, description="Terms that tie an answer or bullet to it.")


class Rubric(_Strict):
    role: str
    competencies: list[Competency] = Field(min_length=1)


class Question(_Strict):
    """A bank question with what a strong answer covers (used for scoring hints and the report's outlines)."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    competency: str
    text: str
    follow_ups: list[str] = Field(min_length=1)
    strong_answer: list[str] = Field(min_length=2, description="Points a strong answer covers.")
    kind: Literal["behavioral", "situational", "technical", "strategic"] = "behavioral"


class QuestionBank(_Strict):
    role: str
    questions: list[Question] = Field(min_length=1)


class BulletPattern(_Strict):
    theme: Literal["leadership_scope", "platform_impact", "hiring", "stakeholder_outcomes", "quality_reliability"]
    pattern: str
    example: str
    asks: list[str] = Field(min_length=1, description="Questions to ask the candidate when a bullet lacks this.")


class ResumeTemplate(_Strict):
    """What an ML-engineering director's resume looks like: order, summary pattern, bullet patterns, keywords."""

    role: str
    section_order: list[str] = Field(min_length=3)
    summary_pattern: str
    summary_guidance: list[str] = Field(default_factory=list)
    bullet_patterns: list[BulletPattern] = Field(min_length=4)
    keywords: dict[str, list[str]] = Field(description="Role keyword list for matching, grouped by theme.")
    weak_verbs: list[str] = Field(default_factory=list)
    strong_verbs: list[str] = Field(default_factory=list)


def _compiles(patterns: list[str]) -> list[str]:
    """Every pattern must be a valid regular expression: a typo is a load-time error naming the pattern."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"invalid regular expression {pattern!r}: {exc}") from None
    return patterns


class RedFlagDefinition(_Strict):
    """Something a director answer must never show, whatever the competency (concealment, discrimination, ...).

    Detected per sentence by meaning: close to the `examples`, closer to them than to the `counter_examples` (the
    right behaviour in the same words), and confirmed by one of the `cues` (the words the behaviour cannot be
    described without); `patterns` catch the unambiguous wordings on their own.
    """

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: str
    explanation: str = Field(min_length=20, description="What the candidate is told about why it matters.")
    examples: list[str] = Field(min_length=2, description="The behaviour, said the way a candidate might say it.")
    counter_examples: list[str] = Field(default_factory=list, description="The right behaviour, in similar words.")
    cues: list[str] = Field(min_length=1, description="Regexes: words a sentence showing the behaviour contains.")
    patterns: list[str] = Field(default_factory=list, description="Regexes for unambiguous wordings.")

    @field_validator("cues", "patterns")
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        return _compiles(patterns)


class RoleSignals(_Strict):
    """The role's vocabulary the offline scorer listens for (`signals.yaml`): named specifics, director altitude,
    and the red flags every answer is judged on. Language-level signals (hedges, "I decided") stay in code."""

    role: str
    named_specifics: list[str] = Field(min_length=1, description="Regexes: systems, frameworks and metrics.")
    altitude: list[str] = Field(min_length=1, description="Regexes: the vocabulary of the role's scope.")
    red_flags: list[RedFlagDefinition] = Field(default_factory=list)

    @field_validator("named_specifics", "altitude")
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        return _compiles(patterns)
class CriterionSignal(_Strict):
    """One thing a strong plan says: in words an evaluator recognises, and the words that usually carry it."""

    says: str
    words: list[str] = Field(default_factory=list, description="Words or phrases a sentence meeting it uses.")


class ExerciseCriterion(_Strict):
    """A criterion of the director exercises' rubric (priorities, sequencing, metrics, risks, ...)."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    description: str
    levels: LevelDescriptions
    signals: list[CriterionSignal] = Field(min_length=2, description="What a strong plan says.")
    keywords: list[str] = Field(default_factory=list, description="Terms that tie a sentence to the criterion.")


class WrittenExercise(_Strict):
    """A written exercise (a 90-day plan, a roadmap memo) and the criteria it is reviewed against."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    title: str
    kind: Literal["written"] = "written"
    prompt: str
    criteria: list[str] = Field(min_length=1)


class PersonaBeat(_Strict):
    """One thing a persona raises, the criterion a good reply meets, and the push-back when it does not."""

    say: str
    criterion: str
    pushback: str


class Persona(_Strict):
    """A stakeholder the interviewer plays in a role-play (a CFO, a product VP, a skip-level engineer)."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    name: str
    title: str
    brief: str
    criteria: list[str] = Field(min_length=1, description="Criteria the candidate's replies are scored on.")
    beats: list[PersonaBeat] = Field(min_length=1)
    closing: str


class ExerciseBank(_Strict):
    """`exercises.yaml`: the director exercises' rubric, written exercises and role-play personas (optional)."""

    role: str
    criteria: list[ExerciseCriterion] = Field(min_length=1)
    exercises: list[WrittenExercise] = Field(default_factory=list)
    personas: list[Persona] = Field(default_factory=list)

    @model_validator(mode="after")
    def _known_criteria(self) -> ExerciseBank:
        known = {c.id for c in self.criteria}
        uses: list[tuple[str, list[str]]] = [(x.id, x.criteria) for x in self.exercises]
        uses += [(p.id, p.criteria) for p in self.personas]
        for item_id, criteria in uses:
            for cid in criteria:
                if cid not in known:
                    raise ValueError(f"{item_id!r} names unknown criterion {cid!r}")
        for persona in self.personas:
            for beat in persona.beats:
                if beat.criterion not in known:
                    raise ValueError(f"persona {persona.id!r} has a beat on unknown criterion {beat.criterion!r}")
        ids = [c.id for c in self.criteria] + [x.id for x in self.exercises] + [p.id for p in self.personas]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate id(s): {', '.join(duplicates)}")
        return self

    def criterion(self, criterion_id: str) -> ExerciseCriterion:
        return next(c for c in self.criteria if c.id == criterion_id)


class RoleKnowledge(_Strict):
    """Everything known about one role, validated and cross-checked."""

    role: str
    profile: RoleProfile
    rubric: Rubric
    questions: QuestionBank
    template: ResumeTemplate
    signals: RoleSignals
    exercises: ExerciseBank | None = Field(None, description="Director exercises (optional exercises.yaml).")

    @model_validator(mode="after")
    def _questions_use_known_competencies(self) -> RoleKnowledge:
        known = {c.id for c in self.rubric.competencies}
        for q in self.questions.questions:
            if q.competency not in known:
                raise ValueError(f"question {q.id!r} names unknown competency {q.competency!r}")
        return self

    def competency(self, competency_id: str) -> Competency:
        for c in self.rubric.competencies:
            if c.id == competency_id:
                return c
        raise KeyError(competency_id)

    def question(self, question_id: str) -> Question:
        for q in self.questions.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    @property
    def all_keywords(self) -> list[str]:
        return sorted({k for group in self.template.keywords.values() for k in group})
