"""Review a written exercise (a 90-day plan, a roadmap memo) or role-play replies against the exercise rubric.

The rubric lives in the role knowledge (`exercises.yaml`): per criterion, what a strong plan says (`signals`) and
the words that tie a sentence to it (`keywords`). Offline, each sentence of the text is compared with each signal by
meaning (the shipped MiniLM model); a signal counts as met when a sentence is close to it, or moderately close and
using one of the signal's words, or has a shape the signal names (a measured change, a planned response to a risk:
MiniLM does not see "7 weeks -> 2" in "states metrics of success"). The score grows with the share of signals met,
and a point more when the evidence is specific (numbers, dates, named periods). Every quote is a sentence of the
text, verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
from pydantic import BaseModel, Field

from assistant.errors import InputError
from assistant.limits import check_length
from assistant.text.plural import count_of
from assistant.text.quantities import numbers_in
from assistant.text.tokens import mentions, split_sentences

if TYPE_CHECKING:
    from assistant.knowledge.embeddings import Embedder
    from assistant.knowledge.schema import ExerciseCriterion

#: Cosine (MiniLM) at which a sentence says what a signal describes, on its own. MiniLM puts an abstract rubric
#: sentence and a concrete plan sentence only ~0.3-0.55 apart, so meaning alone is trusted only when high.
SIGNAL_MATCH = 0.50
#: Lower cosine (on topic) that counts when the sentence also uses one of the signal's own words.
SIGNAL_MATCH_WITH_WORDS = 0.18
MAX_QUOTES = 2
MIN_WORDS = 25
MAX_CHARS = 20_000

# Shapes a sentence can have that meet a signal whatever its words (`CriterionSignal.shape`).
_PLANNED_RESPONSE = re.compile(
    r"\b(?:I|we)(?:'ll| will| would| plan to)\b|\bfallback\b|\bif\b[^.;]*?,\s*(?:I|we|the)\b|\bso (?:I|we)\b",
    re.IGNORECASE)
_MOVEMENT = re.compile(r"→|->|\bfrom\b[^.;]*?\bto\b|\b(?:under|below|above|at most|at least|down|up|cut|reduce|"
                       r"increase|target)\b", re.IGNORECASE)

_TIME_MARKER = re.compile(r"\b(?:day|days|week|weeks|month|months|quarter|quarters|Q[1-4]|H[12])\b", re.IGNORECASE)


class CriterionScore(BaseModel):
    criterion: str
    name: str
    score: int = Field(ge=1, le=5)
    level: str = Field(description="What this level looks like, from the rubric.")
    quotes: list[str] = Field(default_factory=list, description="Sentences of the text that meet the criterion.")
    met: list[str] = Field(default_factory=list, description="Signals the text meets.")
    missing: list[str] = Field(default_factory=list, description="Signals it does not: what to add.")

    @property
    def verdict(self) -> str:
        """One line on what the text does for this criterion. The rubric's level sentence describes a typical text
        at that score, so it can contradict this one ("Only a wish to hire great people" beside a quote naming two
        hires). So a text that meets some signals but not all is told which it meets; the level sentence is kept
        where it cannot contradict: a text that meets none, or all."""
        if not self.met or not self.missing:
            return self.level
        return "Found: " + "; ".join(self.met) + "."


class ExerciseReview(BaseModel):
    exercise: str
    overall: float
    scores: list[CriterionScore]
    engine: str = "offline"
    words: int


_WRAPPED_LINE_BREAK = re.compile(r"(?<=\S)[ \t]*\n(?![ \t]*(?:\n|[-*•#>]|\d+[.)]\s))[ \t]*")


def unwrap(text: str) -> str:
    """Join hard-wrapped lines of a paragraph (an editor's 80-column wrap is not a sentence break); blank lines,
    list items and headings still start a new sentence. Quotes are taken from this text, so they match the file
    up to line wrapping."""
    return _WRAPPED_LINE_BREAK.sub(" ", text)


def _has_keyword(sentence: str, keywords: Sequence[str]) -> bool:
    return any(mentions(sentence, k) for k in keywords)


def _has_shape(shape: str | None, sentences: Sequence[str], i: int, keywords: Sequence[str]) -> bool:
    """Does sentence `i` have the signal's shape? `measured_change`: a number that is not only a date, moving
    toward or held to a mark ("7 weeks -> 2", "under 15% by September"). `response`: a planned response ("we'll",
    "if it slips, we ...") with something specific in it (a number, a date), to something this sentence or the one
    before names in the criterion's words: "we'll manage them as they come up" is not a mitigation."""
    from assistant.interview.signals import without_dates

    sentence = sentences[i]
    if shape == "measured_change":
        return bool(numbers_in(without_dates(sentence))) and bool(_MOVEMENT.search(sentence))
    if shape == "response":
        return bool(_PLANNED_RESPONSE.search(sentence)) and _specific(sentence) and any(
            _has_keyword(sentences[j], keywords) for j in (i - 1, i) if j >= 0)
    return False


def _specific(sentence: str) -> bool:
    return bool(numbers_in(sentence)) or bool(_TIME_MARKER.search(sentence))


def reviewable_sentences(text: str) -> list[str]:
    """The sentences a review judges: three words or more ("Thanks." and "OK" carry nothing to score)."""
    return [s.text for s in split_sentences(unwrap(text)) if len(s.text.split()) >= 3]


def review_text(
    text: str,
    criteria: Sequence[ExerciseCriterion],
    embedder: Embedder,
    *,
    exercise: str = "memo",
    min_words: int = MIN_WORDS,
    max_chars: int = MAX_CHARS,
) -> ExerciseReview:
    """Score `text` on each criterion (1-5) with verbatim quotes; see the module docstring for the rule."""
    from assistant.llm.safety import clean_untrusted

    text = clean_untrusted(text)
    words = len(text.split())
    check_length(text, limit=max_chars, what="text", variable=None)
    if words < min_words:
        raise InputError(f"The text has {count_of(words, 'word')}; write at least {count_of(min_words, 'word')} so there is something to review.",
                         code="invalid_input")
    sentences = reviewable_sentences(text)
    if not sentences:
        raise InputError("The text has no sentences to review.", code="invalid_input")
    signals = [signal.says for c in criteria for signal in c.signals]
    vectors = embedder.embed([*sentences, *signals])
    sims = vectors[len(sentences):] @ vectors[: len(sentences)].T  # signals x sentences
    scores: list[CriterionScore] = []
    row = 0
    for criterion in criteria:
        met: list[str] = []
        missing: list[str] = []
        evidence: dict[int, float] = {}
        for signal in criterion.signals:
            sim = sims[row]
            row += 1
            hits = [i for i in range(len(sentences))
                    if sim[i] >= SIGNAL_MATCH
                    or (sim[i] >= SIGNAL_MATCH_WITH_WORDS and _has_keyword(sentences[i], signal.words))
                    or _has_shape(signal.shape, sentences, i, criterion.keywords)]
            if hits:
                met.append(signal.says)
                for i in hits:
                    evidence[i] = max(evidence.get(i, 0.0), float(sim[i]))
            else:
                missing.append(signal.says)
        quotes_idx = sorted(evidence, key=lambda i: -evidence[i])[:MAX_QUOTES]
        coverage = len(met) / len(criterion.signals)
        if not met:
            score = 2 if any(_has_keyword(s, criterion.keywords) for s in sentences) else 1
        else:
            specific = any(_specific(sentences[i]) for i in evidence)
            score = min(5, 1 + round(3 * coverage) + (1 if specific and coverage >= 0.5 else 0))
        scores.append(CriterionScore(
            criterion=criterion.id, name=criterion.name, score=score, level=criterion.levels[score],
            quotes=[sentences[i] for i in sorted(quotes_idx)], met=met, missing=missing,
        ))
    overall = round(float(np.mean([s.score for s in scores])), 2) if scores else 0.0
    return ExerciseReview(exercise=exercise, overall=overall, scores=scores, words=words)
