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
#: The focus every role has: all competencies. A role's other focuses are data (`Rubric.focuses`).
MIXED_FOCUS = "mixed"
MIXED_FOCUS_LABEL = "Mixed (all competencies)"


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
    focus: list[str] = Field(min_length=1, description="Interview focuses (rubric `focuses` ids or 'mixed').")
    description: str
    levels: LevelDescriptions
    signals: list[str] = Field(min_length=3, description="Observable evidence of strength in an answer.")
    red_flags: list[str] = Field(default_factory=list, description="Observable evidence of weakness.")
    keywords: list[str] = Field(default_factory=list, description="Terms that tie an answer or bullet to it.")


class FocusArea(_Strict):
    """An interview focus the candidate can pick: a group of competencies (each competency names its focuses)."""

    id: str = Field(pattern=r"^[a-z0-9_]+$")
    label: str


class Rubric(_Strict):
    role: str
    focuses: list[FocusArea] = Field(min_length=1, description="Interview focuses besides 'mixed'.")
    competencies: list[Competency] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_focuses(self) -> Rubric:
        """Focus ids are unique and never "mixed"; competencies' focuses are checked by the loader (with the
        field's path)."""
        ids = [f.id for f in self.focuses]
        if MIXED_FOCUS in ids or len(set(ids)) != len(ids):
            raise ValueError(f"focus ids must be unique and not {MIXED_FOCUS!r} (every role has it)")
        return self

    @property
    def focus_labels(self) -> dict[str, str]:
        """Every focus id the role offers, "mixed" first, with its label."""
        return {MIXED_FOCUS: MIXED_FOCUS_LABEL, **{f.id: f.label for f in self.focuses}}


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
    """A kind of strong bullet for the role: its pattern, an example, what to ask when a bullet lacks it, and the
    words that show a bullet is of this kind (`cues`)."""

    theme: str = Field(pattern=r"^[a-z0-9_]+$")
    pattern: str
    example: str
    asks: list[str] = Field(min_length=1, description="Questions to ask the candidate when a bullet lacks this.")
    cues: list[str] = Field(default_factory=list, description="Regexes: words that make a bullet of this theme.")
    lead_weight: int = Field(0, ge=0, le=10, description="How far up tailoring moves a bullet of this theme.")

    @field_validator("cues")
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        return _compiles(patterns)


class FitWeights(_Strict):
    """Points of the resume fit score (out of 100) for each component."""

    keywords: int = Field(25, ge=0)
    competency_coverage: int = Field(25, ge=0)
    quantified_impact: int = Field(15, ge=0)
    leadership_scope: int = Field(15, ge=0)
    experience: int = Field(10, ge=0)
    ats_readiness: int = Field(10, ge=0)

    @model_validator(mode="after")
    def _hundred(self) -> FitWeights:
        total = sum(self.model_dump().values())
        if total != 100:
            raise ValueError(f"fit weights must add up to 100, not {total}")
        return self


class ResumeExpectations(_Strict):
    """What the role asks of a resume, in the words the review uses to explain its fit score."""

    years: float = Field(10, gt=0, description="Full-time years at which the experience component is full.")
    years_typical: str = Field("people in this role typically have 10+", description="After 'N years in roles'.")
    years_advice: str = Field("roles like this usually ask for 10+", description="Told when experience is short.")
    length: str = Field("a resume for this role is usually 2 pages (400-1200 words)")
    fit_weights: FitWeights = Field(default_factory=FitWeights)


class ResumeTemplate(_Strict):
    """What a resume for the role looks like: order, summary pattern, bullet patterns, keywords, and the role's
    vocabulary the review, tailoring and the fabrication guard read (tools, field words, domains)."""

    role: str
    section_order: list[str] = Field(min_length=3)
    summary_pattern: str
    summary_guidance: list[str] = Field(default_factory=list)
    bullet_patterns: list[BulletPattern] = Field(min_length=4)
    scope_theme: str = Field(
        "leadership_scope",
        description="The bullet theme about how many people and how much scope the candidate led: asked when a "
        "bullet shows leadership without a size, tried last when matching a bullet to a theme.",
    )
    keywords: dict[str, list[str]] = Field(description="Role keyword list for matching, grouped by theme.")
    priority_keywords: list[str] = Field(
        default_factory=list, description="Keywords flagged 'add if true' when missing (beside the rubric's)."
    )
    weak_verbs: list[str] = Field(default_factory=list)
    strong_verbs: list[str] = Field(default_factory=list)
    tools: list[str] = Field(default_factory=list, description="Tools, platforms and languages: skills by definition.")
    field_words: list[str] = Field(
        default_factory=list, description="Capitalised words of the field that never name an organisation."
    )
    practice_words: list[str] = Field(
        default_factory=list, description="Words of the field that alone never make a keyword a claimable skill."
    )
    certifications: list[str] = Field(default_factory=list, description="Certification acronyms of the field.")
    domains: list[str] = Field(default_factory=list, description="Domains a resume may name (for the summary).")
    expectations: ResumeExpectations = Field(default_factory=ResumeExpectations)

    @property
    def scope_pattern(self) -> BulletPattern:
        """The `scope_theme` pattern (the loader checks it exists; the first pattern otherwise)."""
        return next((p for p in self.bullet_patterns if p.theme == self.scope_theme), self.bullet_patterns[0])


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
    joint_cues: list[list[str]] = Field(
        default_factory=list,
        description="Groups of regexes that stand in for a cue when every one of a group occurs in a sentence or "
        "the sentences before it (`ScoringPolicy.joint_cue_reach`), one in the sentence itself: a behaviour told in "
        "two parts ('my engineer built it' ... 'I pitched it to the "
        "CTO as my strategy') that no single cue word names.",
    )
    joint_cleared_by: list[str] = Field(
        default_factory=list,
        description="Regexes for the right behaviour told around the two halves ('she presented it herself', 'I "
        "credited him', 'with her as the architect'): when one occurs in the window of a joint cue or in the "
        "sentence after it, that joint cue does not count.",
    )

    cleared_by: list[str] = Field(
        default_factory=list,
        description="Regexes for the right behaviour told in so many words ('I took it to legal', 'escalated to our "
        "shared boss'): a sentence shows the flag by meaning only when neither it nor the sentences either side of "
        "it says one (patterns still count). For flags whose topic words are cues ('consent', 'full rollout').",
    )

    @field_validator("cues", "patterns", "joint_cleared_by", "cleared_by")
    @classmethod
    def _regexes(cls, patterns: list[str]) -> list[str]:
        return _compiles(patterns)

    @field_validator("joint_cues")
    @classmethod
    def _groups(cls, groups: list[list[str]]) -> list[list[str]]:
        for group in groups:
            if len(group) < 2:
                raise ValueError("a joint cue group needs at least two regexes (one would be a plain cue)")
            _compiles(group)
        return groups


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
    shape: Literal["measured_change", "response"] | None = Field(
        None, description="A sentence of this shape meets the signal whatever its words: measured_change, a number "
        "moving toward or held to a mark ('7 weeks -> 2'); response, a planned response ('we'll', 'if it slips, we') "
        "to something named in the criterion's keywords in that sentence or the one before.")


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
