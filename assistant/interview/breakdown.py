"""The offline scorer's typed breakdown: every count, dimension, penalty and cap behind one score.

Why typed: gaps, coaching text and tests used to read a dict of ~40 string keys by name, so a renamed key failed
silently. The breakdown is the scorer's one result; `Evaluation.signals` (stored, and part of the JSON contract)
is its flat view, `ScoreBreakdown.flat()`, with the same keys as before plus new ones.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assistant.interview.models import RedFlag


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class StoryCounts(_Frozen):
    """What was said, counted (see `signals.py`)."""

    words: int
    sentences: int
    own_actions: int
    past_own_actions: int = Field(description="Own actions told as something that happened.")
    hypothetical_actions: int
    team_references: int
    numbers: int
    attached_numbers: int = Field(description="Numbers in sentences that belong to the candidate's own story.")
    named_specifics: int
    situation: bool
    result: float
    reflection: bool
    tradeoffs: int
    altitude_terms: int
    hedges: int
    platitudes: int
    repetition: float
    instructions_to_scorer: int
    future_sentences: int
    generic_sentences: int


class RelevanceBreakdown(_Frozen):
    """How far the answer is about the question that was asked (MiniLM cosines, or word overlap offline)."""

    similarity_question: float
    similarity_competency: float
    strong_points_covered: int
    strong_points: int
    point_similarities: list[float] = Field(default_factory=list, description="Similarity to each strong point.")
    competency_keywords: int
    semantic: float
    pivot_margin: float | None = Field(None, description="Question similarity minus the best other competency's.")
    off_question_share: float = Field(0.0, description="Share of the answer (by words) told for another question.")
    action_on_question: bool = Field(True, description="An action of the candidate's addresses the asked question.")
    action_pivot: float | None = Field(
        None, description="How much nearer the candidate's own actions sit to another competency's bank questions "
        "than to the asked competency's (cosines, mean over action sentences by words).",
    )


class Evasion(_Frozen):
    """Ways an answer avoids the question while sounding like an answer."""

    no_action_for_question: bool = False
    future_vision: bool = False
    generic_framework: bool = False
    denied_premise: str | None = Field(
        None, description='The sentence that says there was no such case, when the question asks for a mistake or '
        'a failure ("I can\'t think of a decision that was really wrong").')
    reasons: list[str] = Field(default_factory=list, description="Why, in words the candidate is shown.")

    @property
    def kinds(self) -> int:
        return (int(self.no_action_for_question) + int(self.future_vision) + int(self.generic_framework)
                + int(self.denied_premise is not None))


class DimensionValues(_Frozen):
    """The five rubric dimensions before rounding (1.0-5.0)."""

    structure: float
    ownership: float
    specificity: float
    relevance: float
    altitude: float


class Penalties(_Frozen):
    hedging: float = 0.0
    platitudes: float = 0.0
    rambling: float = 0.0
    instructions: float = 0.0
    evasion: float = 0.0

    @property
    def total(self) -> float:
        return self.hedging + self.platitudes + self.rambling + self.instructions + self.evasion


CapReason = Literal[
    "too_short", "off_topic", "off_question", "evasive", "relevance", "red_flag", "red_flag_repeated",
    "possible_red_flag", "instructions",
]


class Cap(_Frozen):
    """An upper bound on the overall score and why it applies."""

    reason: CapReason
    limit: float


class ScoreBreakdown(_Frozen):
    counts: StoryCounts
    relevance: RelevanceBreakdown
    dimensions: DimensionValues
    penalties: Penalties
    evasion: Evasion
    red_flags: list[RedFlag] = Field(default_factory=list)
    caps: list[Cap] = Field(default_factory=list)
    hedges_per_100w: float
    specifics_per_100w: float
    information_per_100w: float
    base: float = Field(description="Weighted dimensions, before penalties and caps.")
    overall: float = Field(description="The continuous overall score, 1.0-5.0.")

    @property
    def too_short(self) -> bool:
        return any(c.reason == "too_short" for c in self.caps)

    @property
    def off_topic(self) -> bool:
        return any(c.reason == "off_topic" for c in self.caps)

    @property
    def overall_without_red_flags(self) -> float:
        """What the answer would score if its red flags did not show what they seem to: every other penalty and
        cap still applies. An LLM evaluator that addresses each red flag is held to this, not to the flag cap."""
        limits = [c.limit for c in self.caps if not c.reason.startswith("red_flag")]
        return max(1.0, min(5.0, self.base - self.penalties.total, *limits))

    def flat(self) -> dict[str, float]:
        """The stored/JSON view (`Evaluation.signals`): the historical keys, plus the new signals."""
        c, r, d, p = self.counts, self.relevance, self.dimensions, self.penalties
        return {
            k: round(float(v), 4)
            for k, v in {
                "words": c.words,
                "sentences": c.sentences,
                "own_actions": c.own_actions,
                "past_own_actions": c.past_own_actions,
                "hypothetical_actions": c.hypothetical_actions,
                "team_references": c.team_references,
                "numbers": c.numbers,
                "attached_numbers": c.attached_numbers,
                "named_specifics": c.named_specifics,
                "specifics_per_100w": self.specifics_per_100w,
                "situation": c.situation,
                "result": c.result,
                "reflection": c.reflection,
                "tradeoffs": c.tradeoffs,
                "altitude_terms": c.altitude_terms,
                "hedges": c.hedges,
                "hedges_per_100w": self.hedges_per_100w,
                "platitudes": c.platitudes,
                "repetition": c.repetition,
                "information_per_100w": self.information_per_100w,
                "future_sentences": c.future_sentences,
                "generic_sentences": c.generic_sentences,
                "similarity_question": r.similarity_question,
                "similarity_competency": r.similarity_competency,
                "strong_points_covered": r.strong_points_covered,
                "strong_points": r.strong_points,
                "competency_keywords": r.competency_keywords,
                "semantic_relevance": r.semantic,
                "pivot_margin": r.pivot_margin if r.pivot_margin is not None else 0.0,
                "off_question_share": r.off_question_share,
                "action_pivot": r.action_pivot if r.action_pivot is not None else 0.0,
                "too_short": self.too_short,
                "off_topic": self.off_topic,
                "evasion_kinds": self.evasion.kinds,
                "red_flags": len(self.red_flags),
                "hedge_penalty": p.hedging,
                "platitude_penalty": p.platitudes,
                "rambling_penalty": p.rambling,
                "instructions_to_scorer": c.instructions_to_scorer,
                "instruction_penalty": p.instructions,
                "evasion_penalty": p.evasion,
                "structure": d.structure,
                "ownership": d.ownership,
                "specificity": d.specificity,
                "relevance": d.relevance,
                "altitude": d.altitude,
                "base": self.base,
                "overall": self.overall,
                "overall_without_red_flags": self.overall_without_red_flags,
            }.items()
        }
