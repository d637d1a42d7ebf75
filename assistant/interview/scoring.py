"""Answer scoring behind one interface: the offline coach's explainable scorer and the LLM evaluator.

`OfflineScorer` turns the text signals of `signals.py` plus one embedding of the answer into five rubric
dimensions, an overall 1-5 score, gaps, a follow-up (only when the answer lacks substance), verbatim evidence and
coaching. Nothing in it is fitted to a data set: each signal is what an interviewer listens for, and the weights say
how much each matters to a director loop (ownership and specifics most). Long is never good by itself: rambling,
filler and platitudes are penalised, and information density, not length, is what the specificity dimension sees.

The LLM evaluator (`llm_evaluator.py`) asks a model for the same `Evaluation` and checks its verdict against this
scorer before it is shown.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, get_args

import numpy as np

from assistant.errors import InputError
from assistant.interview.models import Dimensions, Evaluation, Gap, QuestionContext
from assistant.interview.signals import (
    SentenceSignals,
    TextSignals,
    content_words,
    extract,
    most_common,
    numbers_in,
    own_actions,
    result_strength,
)
from assistant.knowledge.schema import Competency, RoleKnowledge

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


class TextEmbedder(Protocol):
    """The one thing the scorer needs from `assistant.knowledge.embeddings.Embedder`: L2-normalised rows."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class AnswerScorer(Protocol):
    """What the interview engine and the CLI call; the offline scorer and the LLM evaluator both satisfy it."""

    def evaluate(self, question: QuestionContext, answer: str) -> Evaluation: ...


# --- policy constants -------------------------------------------------------------------------------------------

TOO_SHORT_WORDS = 40  # under this there is no room for situation, action and result
RAMBLING_FROM_WORDS = 170  # beyond this, length must be paid for with information
FOLLOW_UP_BELOW = 4.0  # a 4-5 answer has landed: the interviewer moves on
SUBSTANTIVE_GAPS: tuple[Gap, ...] = ("off_topic", "too_short", "no_own_actions", "no_outcome", "no_numbers")
ALL_GAPS: frozenset[str] = frozenset(get_args(Gap))
# An answer that tells the scorer how to score it (see `assistant.text.instructions`) never scores above this,
# whatever engine scored it: in an interview it is a red flag, and a higher score would reward the attempt.
FLAGGED_CEILING = 3
FLAGGED_TIP = "Leave out instructions about how to score you; they count against an answer."

# Dimension weights for the overall score: a director answer is judged first on what *they* did and how concretely.
WEIGHTS = {"structure": 0.15, "ownership": 0.25, "specificity": 0.25, "relevance": 0.15, "altitude": 0.20}

GAP_FOLLOW_UPS: dict[str, str] = {
    "off_topic": "Let me bring us back to the question: can you give one specific example that answers it directly?",
    "too_short": "Can you walk me through one specific example: the situation, what you did, and how it ended?",
    "no_own_actions": "What did you personally decide or do there, and why that rather than something else?",
    "no_outcome": "What changed as a result of what you did, and by how much?",
    "no_numbers": "Can you put numbers on it: team size, scale, cost or time, and the before and after?",
}
# When the answer both lacks ownership and an outcome, one question asks for both.
OWN_AND_OUTCOME_FOLLOW_UP = "What did you personally decide, and what changed as a result — by how much?"


def _clip(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def _to_score(value: float) -> int:
    """Continuous 1-5 to an integer score, rounding halves up (3.5 -> 4)."""
    return int(_clip(math.floor(value + 0.5), 1, 5))


# --- question context -------------------------------------------------------------------------------------------


def competency_text(competency: Competency) -> str:
    """What 'about this competency' means, as one text to embed: name, description and observable signals."""
    return f"{competency.name}. {competency.description} " + " ".join(competency.signals)


def rubric_text(competency: Competency) -> str:
    """The rubric for one competency as the LLM evaluator sees it."""
    levels = "\n".join(f"{level}: {text}" for level, text in sorted(competency.levels.items()))
    signals = "\n".join(f"- {s}" for s in competency.signals)
    red_flags = "\n".join(f"- {s}" for s in competency.red_flags) or "- (none listed)"
    return f"{competency.name}: {competency.description}\nLevels:\n{levels}\nSignals of strength:\n{signals}\nRed flags:\n{red_flags}"


def _normalise_question(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


class QuestionResolver:
    """Turns free question text (CLI, calibration) into a `QuestionContext` the way the bank would.

    A question that is (nearly) a bank question gets that question's competency, strong-answer points and
    follow-ups; otherwise the competency is the one given, or the rubric competency closest in meaning.
    """

    BANK_MATCH = 0.86  # cosine above which two question wordings ask the same thing (MiniLM)

    def __init__(self, knowledge: RoleKnowledge, embedder: TextEmbedder | None) -> None:
        self.knowledge = knowledge
        self.embedder = embedder
        self._lock = threading.Lock()
        self._bank_vectors: np.ndarray | None = None
        self._competency_vectors: np.ndarray | None = None

    def _vectors(self) -> tuple[np.ndarray, np.ndarray]:
        assert self.embedder is not None
        with self._lock:
            if self._bank_vectors is None or self._competency_vectors is None:
                self._bank_vectors = self.embedder.embed([q.text for q in self.knowledge.questions.questions])
                self._competency_vectors = self.embedder.embed(
                    [competency_text(c) for c in self.knowledge.rubric.competencies]
                )
            return self._bank_vectors, self._competency_vectors

    def resolve(self, text: str, competency: str | None = None) -> QuestionContext:
        text = text.strip()
        if not text:
            raise InputError("The question is empty: pass the question the answer responds to.")
        known = [c.id for c in self.knowledge.rubric.competencies]
        if competency is not None and competency not in known:
            raise InputError(f"Unknown competency '{competency}'. Known competencies: {', '.join(known)}.")
        bank = self.knowledge.questions.questions
        wanted = _normalise_question(text)
        match = next((q for q in bank if _normalise_question(q.text) == wanted), None)
        inferred = competency
        if self.embedder is not None and (match is None or competency is None):
            bank_vectors, competency_vectors = self._vectors()
            vector = self.embedder.embed([text])[0]
            if match is None:
                sims = bank_vectors @ vector
                best = int(np.argmax(sims))
                if float(sims[best]) >= self.BANK_MATCH and competency in (None, bank[best].competency):
                    match = bank[best]
            if inferred is None and match is None:
                inferred = known[int(np.argmax(competency_vectors @ vector))]
        if match is not None:
            return QuestionContext(
                text=text,
                competency=competency or match.competency,
                question_id=match.id,
                strong_answer=list(match.strong_answer),
                follow_ups=list(match.follow_ups),
            )
        return QuestionContext(text=text, competency=inferred or _lexical_competency(self.knowledge, text))


def _lexical_competency(knowledge: RoleKnowledge, text: str) -> str:
    """Without an embedder: the competency whose keywords and description share most words with the question."""
    words = set(content_words(text))
    best = max(
        knowledge.rubric.competencies,
        key=lambda c: len(words & set(content_words(competency_text(c) + " " + " ".join(c.keywords)))),
    )
    return best.id


# --- offline scorer ---------------------------------------------------------------------------------------------


@dataclass
class _Relevance:
    question: float
    competency: float
    points: list[float]
    keyword_hits: int
    # Similarity to the asked question minus the best similarity to a bank question of another competency:
    # near 0 or above when the answer addresses this question, clearly negative when it is a prepared story that
    # fits a different question better (a pivot). None without an embedder.
    pivot_margin: float | None = None

    @property
    def semantic(self) -> float:
        point = float(np.mean(sorted(self.points, reverse=True)[:2])) if self.points else self.question
        return 0.5 * self.question + 0.3 * self.competency + 0.2 * point


def _lexical_cosine(a: str, b: str) -> float:
    """Bag-of-content-words cosine: the relevance signal when no embedder is available."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    vocabulary = {w: i for i, w in enumerate(sorted(set(wa) | set(wb)))}
    va, vb = np.zeros(len(vocabulary)), np.zeros(len(vocabulary))
    for w in wa:
        va[vocabulary[w]] += 1
    for w in wb:
        vb[vocabulary[w]] += 1
    return float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb)))


_EMBED_BATCH = 16  # texts per embed call when warming the cache (see `_cached_vectors`)


class OfflineScorer:
    """The offline coach's scorer: explainable signals, one embedding per answer, no LLM.

    `embedder` is anything with `embed(texts) -> normalised rows` (the knowledge area's `Embedder`); with None,
    relevance falls back to word overlap. Question, competency and strong-point vectors are cached, so a warm
    scorer embeds only the answer.
    """

    def __init__(self, knowledge: RoleKnowledge, embedder: TextEmbedder | None = None) -> None:
        self.knowledge = knowledge
        self.embedder = embedder
        self._cache: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()
        self._keywords = {c.id: [k.lower() for k in c.keywords] for c in knowledge.rubric.competencies}

    # -- embeddings ------------------------------------------------------------------------------------------
    def prepare(self, questions: Sequence[QuestionContext]) -> None:
        """Embed everything these questions will be compared with, in length-sorted batches, before any answer.

        An interview knows its questions when it is planned; embedding each question's texts (question,
        competency, strong-answer points, bank follow-ups) on its first answer cost one extra embedding call per
        question, inside the turn the user waits for. After `prepare`, a turn embeds only the answer.
        """
        if self.embedder is None or not questions:
            return
        texts: list[str] = list(GAP_FOLLOW_UPS.values())
        texts.extend(q.text for q in self.knowledge.questions.questions)  # for the pivot check
        for question in questions:
            texts.extend(self._fixed_texts(question))
            texts.extend(question.follow_ups)
        self._cached_vectors(texts)

    def _fixed_texts(self, question: QuestionContext) -> list[str]:
        """What an answer to this question is compared with: the question, its competency, the strong points."""
        competency = self._competency(question.competency)
        comp_text = competency_text(competency) if competency else question.competency.replace("_", " ")
        return [question.text, comp_text, *question.strong_answer]

    def _cached_vectors(self, texts: list[str]) -> list[np.ndarray]:
        assert self.embedder is not None
        with self._lock:
            missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            # The embedder pads a batch to its longest text: one call over mixed lengths (a long competency text
            # beside short questions) measured slower than one call per text; length-sorted batches are fastest.
            missing.sort(key=len)
            vectors = [
                row
                for i in range(0, len(missing), _EMBED_BATCH)
                for row in self.embedder.embed(missing[i : i + _EMBED_BATCH])
            ]
            with self._lock:
                if len(self._cache) > 2048:  # questions are few; a bounded cache is plenty
                    self._cache.clear()
                self._cache.update(zip(missing, vectors, strict=True))
        with self._lock:
            return [self._cache[t] for t in texts]

    def _competency(self, competency_id: str) -> Competency | None:
        try:
            return self.knowledge.competency(competency_id)
        except KeyError:
            return None

    def _relevance(self, question: QuestionContext, answer: str) -> _Relevance:
        fixed_texts = self._fixed_texts(question)
        lowered = answer.lower()
        keyword_hits = sum(1 for k in self._keywords.get(question.competency, []) if k in lowered)
        question_words = set(content_words(question.text))
        keyword_hits += len(question_words & set(content_words(answer))) // 3
        if self.embedder is None:
            return _Relevance(
                question=_lexical_cosine(question.text, answer),
                competency=_lexical_cosine(fixed_texts[1], answer),
                points=[_lexical_cosine(p, answer) for p in question.strong_answer],
                keyword_hits=keyword_hits,
            )
        fixed = self._cached_vectors(fixed_texts)
        answer_vector = self.embedder.embed([answer])[0]
        sims = [float(v @ answer_vector) for v in fixed]
        elsewhere = [
            float(v @ answer_vector)
            for q, v in zip(self.knowledge.questions.questions, self._bank_vectors(), strict=True)
            if q.competency != question.competency
        ]
        margin = sims[0] - max(elsewhere) if elsewhere else None
        return _Relevance(question=sims[0], competency=sims[1], points=sims[2:], keyword_hits=keyword_hits,
                          pivot_margin=margin)

    def _bank_vectors(self) -> list[np.ndarray]:
        """Every bank question's vector (short texts, embedded once), to tell an answer from a pivot."""
        return self._cached_vectors([q.text for q in self.knowledge.questions.questions])

    # -- scoring ---------------------------------------------------------------------------------------------
    def evaluate(self, question: QuestionContext, answer: str) -> Evaluation:
        """Score one answer (see the module docstring). Raises `InputError` for an empty answer."""
        if not answer or not answer.strip():
            raise InputError("The answer is empty: there is nothing to score.", code="invalid_input")
        from assistant.llm.safety import clean_untrusted

        sig = extract(clean_untrusted(answer))  # invisible characters cannot hide words from the signals
        rel = self._relevance(question, sig.story or sig.text)  # what the answer says, not what it demands
        values = self._signals(sig, rel, question)
        dims = Dimensions(**{name: _to_score(values[name]) for name in WEIGHTS})
        gaps = self._gaps(sig, values)
        score = _to_score(values["overall"])
        if sig.flagged:
            score = min(score, FLAGGED_CEILING)
        return Evaluation(
            score=score,
            competency=question.competency,
            dimensions=dims,
            evidence=_evidence(sig, gaps),
            strengths=self._strengths(sig, values, question),
            improvements=self._improvements(sig, values, gaps, question, rel),
            gaps=gaps,
            follow_up=self._follow_up(question, gaps, values["overall"]),
            engine="offline",
            signals={k: round(float(v), 4) for k, v in values.items()},
            flagged=sig.flagged,
        )

    def _signals(self, sig: TextSignals, rel: _Relevance, question: QuestionContext) -> dict[str, float]:
        """Every raw count and every continuous dimension, so a coach can see why a score came out as it did."""
        wc = max(sig.word_count, 1)
        own = sig.own_actions + 0.5 * min(sig.hypothetical, 2)  # "I would..." is a plan, not a track record
        team_only_action = sig.team_refs >= 2 and sig.own_actions == 0
        action = (
            1.0 if sig.own_actions >= 2 else 0.7 if sig.own_actions == 1 else 0.4 if team_only_action else 0.0
        )
        structure_parts = 0.3 * sig.situation + 0.35 * action + 0.35 * sig.result + 0.15 * sig.reflection
        structure = 1 + 4 * _clip(structure_parts)

        ratio = own / (own + 0.5 * sig.team_refs) if own else 0.0
        ownership = 1 + 3 * _clip(own / 4) + 1 * ratio

        specifics = len(sig.numbers) + 0.5 * len(sig.named)
        specifics_per_100w = 100 * specifics / max(wc, 60)
        specificity = 1 + 4 * (0.6 * _clip(specifics / 6) + 0.4 * _clip(specifics_per_100w / 5))

        semantic = rel.semantic
        # Relevance is a gate, not a gradient. MiniLM cosine between an answer and an abstract question is below
        # ~0.1 when unrelated and 0.3+ once on topic; above that, more similarity mostly means the answer restates
        # the question's words (generic answers do), while a concrete story about named systems scores lower. So
        # the scale saturates early, and rubric keywords or the question's own words confirm the topic lexically.
        topical = 0.75 * _clip((semantic - 0.08) / 0.22) + 0.25 * _clip(rel.keyword_hits / 2)
        if rel.pivot_margin is not None:
            # An answer that matches another competency's question far better than this one is a pivot, however
            # vivid: on the calibration set on-topic answers sit around -0.04 and pivots around -0.24.
            topical *= 0.4 + 0.6 * _clip((rel.pivot_margin + 0.25) / 0.17)
        relevance = 1 + 4 * topical

        distinct_altitude = len(set(sig.altitude_terms))
        altitude = 1 + 4 * (0.7 * _clip(distinct_altitude / 6) + 0.3 * _clip(sig.tradeoffs / 2))

        base = sum(
            WEIGHTS[name] * value
            for name, value in {
                "structure": structure,
                "ownership": ownership,
                "specificity": specificity,
                "relevance": relevance,
                "altitude": altitude,
            }.items()
        )

        hedges_per_100w = 100 * len(sig.hedges) / wc
        hedge_penalty = 0.8 * _clip((hedges_per_100w - 1.5) / 4)
        platitude_penalty = _clip(0.25 * len(sig.platitudes), 0, 1.0)
        # Information per 100 words: what a listener can write down (numbers, own decisions, named things, results).
        information = len(sig.numbers) + sig.own_actions + 0.5 * len(sig.named) + 2 * sig.result
        information_per_100w = 100 * information / wc
        rambling_penalty = 0.0
        if sig.word_count > RAMBLING_FROM_WORDS:
            excess = _clip((sig.word_count - RAMBLING_FROM_WORDS) / 200)
            rambling_penalty = 1.0 * excess * _clip(1 - information_per_100w / 6) + _clip(
                sig.repetition - 0.2
            )
        # Addressing the scorer ("rate this 5/5") is a sign of a weak answer, never a reason to raise a score.
        instruction_penalty = _clip(0.75 * sig.instructions, 0, 1.5)
        overall = base - hedge_penalty - platitude_penalty - rambling_penalty - instruction_penalty

        too_short = sig.word_count < TOO_SHORT_WORDS
        # Off topic only when nothing ties the answer to the question: very low similarity, or low similarity with
        # no rubric keyword and no action of the candidate's (a concrete first-person story about named systems
        # can look dissimilar to an abstract question and still answer it).
        off_topic = semantic < 0.1 or (semantic < 0.2 and rel.keyword_hits == 0 and sig.own_actions == 0)
        if too_short:
            overall = min(
                overall, 1.0 + 2.0 * sig.word_count / TOO_SHORT_WORDS * (0.5 + 0.5 * (specifics > 0))
            )
        if off_topic:
            overall = min(overall, 2.0)
        # A vivid story about something else is still not an answer: weak relevance caps the overall score one
        # point above it, so polish on the other dimensions cannot carry an answer to a different question.
        overall = min(overall, relevance + 1.0)
        covered = sum(1 for p in rel.points if p >= 0.35)
        return {
            "words": sig.word_count,
            "sentences": len(sig.sentences),
            "own_actions": sig.own_actions,
            "hypothetical_actions": sig.hypothetical,
            "team_references": sig.team_refs,
            "numbers": len(sig.numbers),
            "named_specifics": len(sig.named),
            "specifics_per_100w": specifics_per_100w,
            "situation": float(sig.situation),
            "result": sig.result,
            "reflection": float(sig.reflection),
            "tradeoffs": sig.tradeoffs,
            "altitude_terms": distinct_altitude,
            "hedges": len(sig.hedges),
            "hedges_per_100w": hedges_per_100w,
            "platitudes": len(sig.platitudes),
            "repetition": sig.repetition,
            "information_per_100w": information_per_100w,
            "similarity_question": rel.question,
            "similarity_competency": rel.competency,
            "strong_points_covered": covered,
            "strong_points": len(rel.points),
            "competency_keywords": rel.keyword_hits,
            "semantic_relevance": semantic,
            "pivot_margin": rel.pivot_margin if rel.pivot_margin is not None else 0.0,
            "too_short": float(too_short),
            "off_topic": float(off_topic),
            "hedge_penalty": hedge_penalty,
            "platitude_penalty": platitude_penalty,
            "rambling_penalty": rambling_penalty,
            "instructions_to_scorer": sig.instructions,
            "instruction_penalty": instruction_penalty,
            "structure": structure,
            "ownership": ownership,
            "specificity": specificity,
            "relevance": relevance,
            "altitude": altitude,
            "overall": _clip(overall, 1.0, 5.0),
        }

    @staticmethod
    def _gaps(sig: TextSignals, values: dict[str, float]) -> list[Gap]:
        gaps: list[Gap] = []
        if values["off_topic"]:
            gaps.append("off_topic")
        if values["too_short"]:
            gaps.append("too_short")
        if sig.own_actions == 0:
            gaps.append("no_own_actions")
        if sig.result == 0:
            gaps.append("no_outcome")
        if not sig.numbers:
            gaps.append("no_numbers")
        if values["structure"] < 2.6 and not values["too_short"]:
            gaps.append("no_structure")
        if values["hedges_per_100w"] > 4 or len(sig.platitudes) >= 3:
            gaps.append("hedging")
        return gaps

    def _follow_up(self, question: QuestionContext, gaps: list[Gap], overall: float) -> str | None:
        """Only an answer that lacks substance gets a follow-up; it targets the most important gap."""
        substantive = [g for g in SUBSTANTIVE_GAPS if g in gaps]
        if overall >= FOLLOW_UP_BELOW or not substantive:
            return None
        first = substantive[0]
        if first in ("no_own_actions", "no_outcome") and {"no_own_actions", "no_outcome"} <= set(gaps):
            return OWN_AND_OUTCOME_FOLLOW_UP
        template = GAP_FOLLOW_UPS[first]
        if first in ("off_topic", "too_short") or not question.follow_ups:
            return template
        # A bank follow-up that asks for the same thing is more specific to the question than our template.
        best, best_sim = None, 0.0
        for candidate in question.follow_ups:
            sim = (
                float(np.dot(*self._cached_vectors([candidate, template])))
                if self.embedder is not None
                else _lexical_cosine(candidate, template)
            )
            if sim > best_sim:
                best, best_sim = candidate, sim
        return best if best is not None and best_sim >= 0.55 else template

    # -- coaching text ---------------------------------------------------------------------------------------
    def _strengths(self, sig: TextSignals, values: dict[str, float], question: QuestionContext) -> list[str]:
        strengths: list[str] = []
        own = _best(sig, lambda s: s.own_actions)
        if sig.own_actions >= 2 and own is not None:
            strengths.append(f'You say what you personally did — "{_quote(own, "own")}"')
        if sig.result >= 1.0:
            result = _best(sig, lambda s: s.result * (1 + len(s.numbers)))
            if result is not None:
                strengths.append(f'You close with a measured result — "{_quote(result, "result")}"')
        elif sig.numbers and len(sig.numbers) >= 3:
            strengths.append(f"You use concrete numbers ({', '.join(sig.numbers[:3])}).")
        if sig.tradeoffs and values["altitude"] >= 3:
            strengths.append(
                "You name a trade-off you chose to accept, which is how director judgement sounds."
            )
        elif values["altitude"] >= 4:
            terms = ", ".join(most_common(sig.altitude_terms, 3))
            strengths.append(f"You speak at director altitude ({terms}).")
        if sig.reflection and len(strengths) < 3:
            strengths.append("You reflect on what you would do differently, which shows judgement.")
        if values["words"] <= 160 and values["overall"] >= 3.5 and len(strengths) < 3:
            strengths.append(
                f"Concise: {int(values['words'])} words that carry situation, action and result."
            )
        return strengths[:3]

    def _improvements(
        self,
        sig: TextSignals,
        values: dict[str, float],
        gaps: list[Gap],
        question: QuestionContext,
        rel: _Relevance,
    ) -> list[str]:
        tips: list[str] = []
        competency = self._competency(question.competency)
        topic = competency.name.lower() if competency else question.competency.replace("_", " ")
        if "off_topic" in gaps:
            tips.append(
                f"Answer the question that was asked; pick one real example about {topic} and tell it from the "
                "situation to the result."
            )
        if "too_short" in gaps:
            tips.append(
                f"Give a full example: {int(values['words'])} words is not enough to judge. Two sentences of "
                "situation, what you decided, and what changed."
            )
        if "no_own_actions" in gaps:
            we = int(values["team_references"])
            said = (
                f'the story is told as "we" or "the team" ({we} times)'
                if we
                else "there is no action of yours"
            )
            tips.append(
                f'Say what you personally decided or did: {said}, never "I decided", "I hired" or "I cut".'
            )
        if "no_outcome" in gaps:
            tips.append(
                "Finish with the outcome: what changed because of your decision, by how much and by when."
            )
        elif "no_numbers" in gaps:
            tips.append("Put numbers on it: team size, the before and after metric, cost or time.")
        # Delivery problems (rambling, hedging) get one of the two slots whatever the content gaps: a candidate
        # who buries a story in filler needs to hear it even when the story also lacks an outcome.
        delivery: list[str] = []
        if values["rambling_penalty"] >= 0.25:
            delivery.append(
                f"Tighten it: {int(values['words'])} words but few facts a listener could write down. Lead with the "
                "situation in one sentence, then your decision and the result; aim for 120-200 words."
            )
        if "hedging" in gaps:
            phrases = most_common(sig.hedges + sig.platitudes, 3)
            delivery.append(
                "Cut the hedges and general statements ("
                + ", ".join(f'"{p}"' for p in phrases)
                + "): replace each with something you did or measured."
            )
        if delivery:
            tips = [*tips[:1], delivery[0], *tips[1:]]
        if values["altitude"] < 2.5 and not {"off_topic", "too_short"} & set(gaps):
            tips.append(
                "Lift the altitude: how did this shape the org (people, budget, roadmap), and what trade-off did "
                "you accept?"
            )
        if sig.instructions:
            tips.insert(0, FLAGGED_TIP)
        missing = self._missing_point(question, rel)
        if missing and len(tips) < 2:
            tips.append(f"A strong answer would also cover: {missing[0].lower()}{missing[1:]}.")
        if not tips:
            tips.append(
                "Make the trade-off explicit: what you chose not to do, and why it was the right cost to accept."
                if not sig.tradeoffs
                else "Add one sentence on what you would do differently next time."
            )
        return tips[:2]

    @staticmethod
    def _missing_point(question: QuestionContext, rel: _Relevance) -> str | None:
        """The strong-answer point the answer is furthest from, to name in an improvement."""
        if not question.strong_answer or len(rel.points) != len(question.strong_answer):
            return None
        return question.strong_answer[int(np.argmin(rel.points))]


# --- evidence ---------------------------------------------------------------------------------------------------

MAX_QUOTE_WORDS = 28
_QUOTE_HEAD = re.compile(r"(?:\S+\s+){" + str(MAX_QUOTE_WORDS - 1) + r"}\S+")


def _best(sig: TextSignals, key: Callable[[SentenceSignals], float]) -> SentenceSignals | None:
    ranked = sorted(sig.sentences, key=key, reverse=True)
    return ranked[0] if ranked and key(ranked[0]) > 0 else None


def _quote(s: SentenceSignals, focus: str = "") -> str:
    """A verbatim quote: the whole sentence, or for a long one the clause that carries the signal."""
    text = s.sentence.text
    if len(text.split()) <= MAX_QUOTE_WORDS:
        return text
    clauses = [c.strip() for c in re.split(r"(?<=[,;:])\s+", text) if c.strip()]

    def weight(clause: str) -> float:
        if focus == "own":
            return own_actions(clause) + 0.1 * bool(numbers_in(clause))
        if focus == "result":
            return 2 * result_strength(clause) + 0.1 * bool(numbers_in(clause))
        return own_actions(clause) + len(numbers_in(clause)) + 2 * result_strength(clause)

    best = max(clauses, key=weight)
    # Cut by position, not by re-joining words, so the quote stays a substring whatever the whitespace.
    head = _QUOTE_HEAD.match(best)
    return head.group(0) if head else best


def _evidence(sig: TextSignals, gaps: list[Gap]) -> list[str]:
    """Up to three short quotes: the sentences carrying the strongest signals, plus a hedge when hedging is a gap."""
    quotes: list[str] = []
    for s in sorted(sig.sentences, key=lambda s: s.salience, reverse=True):
        if s.salience < 1.5 or len(quotes) >= 2:
            break
        quotes.append(_quote(s))
    if "hedging" in gaps or not quotes:
        hedgy = _best(sig, lambda s: len(s.hedges) + len(s.platitudes))
        if hedgy is not None:
            quotes.append(_quote(hedgy))
    if not quotes and sig.sentences:
        quotes.append(_quote(sig.sentences[0]))
    return list(dict.fromkeys(q for q in quotes if q and q in sig.text))[:3]


# --- the ceiling for flagged answers, whatever engine scored them ---------------------------------------------


def cap_flagged(evaluation: Evaluation, offline: Evaluation) -> Evaluation:
    """`evaluation` (from any engine) held to the offline ceiling when the offline scorer flagged the answer.

    A flagged answer's score and each dimension are at most the offline coach's (which already left the flagged
    text out and is itself at most `FLAGGED_CEILING`); quotes that come from the flagged text are dropped; the
    flags are carried over so the user is told. An unflagged evaluation is returned unchanged.
    """
    if not offline.flagged:
        return evaluation
    dims = {
        name: min(value, getattr(offline.dimensions, name))
        for name, value in evaluation.dimensions.model_dump().items()
    }
    from assistant.text.instructions import reasons

    flagged_text = " ".join(offline.flagged).lower()
    evidence = [
        q for q in evaluation.evidence if not reasons(q) and " ".join(q.split()).lower()[:60] not in flagged_text
    ] or offline.evidence
    return evaluation.model_copy(update={
        "score": min(evaluation.score, offline.score),
        "dimensions": Dimensions(**dims),
        "evidence": evidence,
        "improvements": [FLAGGED_TIP, *[i for i in evaluation.improvements if i != FLAGGED_TIP]][:2],
        "flagged": list(offline.flagged),
    })


_STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def verbatim_quotes(quotes: Sequence[str], answer: str) -> list[str]:
    """Keep only quotes that occur in the answer, returned as the answer's own characters.

    Whitespace, case and curly-vs-straight quotation marks are forgiven when matching (models normalise them), and
    surrounding quotation marks, trailing full stops and ellipses are ignored; anything else is dropped.
    """
    haystack = answer.translate(_STRAIGHT_QUOTES)  # one character for one, so spans map back to `answer`
    kept: list[str] = []
    for quote in quotes:
        needle = quote.translate(_STRAIGHT_QUOTES).strip()
        if len(needle) >= 2 and needle[0] == needle[-1] and needle[0] in "\"'":  # the model quoted the quote
            needle = needle[1:-1].strip()
        needle = needle.strip(".… ")
        parts = needle.split()
        if len(needle) < 4 or not parts:
            continue
        match = re.search(r"\s+".join(re.escape(p) for p in parts), haystack, re.IGNORECASE)
        if match:
            kept.append(answer[match.start() : match.end()])
    return list(dict.fromkeys(kept))
