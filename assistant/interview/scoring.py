"""Answer scoring behind one interface: the offline coach's explainable scorer and the LLM evaluator.

`OfflineScorer` turns the text signals of `signals.py`, the role's vocabulary and red flags (`signals.yaml`) and
MiniLM embeddings of the answer and of each of its sentences into five rubric dimensions, an overall 1-5 score, a
typed breakdown of why (`breakdown.py`), gaps, a follow-up (only when the answer lacks substance), verbatim evidence,
quoted red flags and coaching. Every weight and threshold is in one frozen `ScoringPolicy` (`policy.py`).

What it listens for: a story (situation, action, result), the candidate's own decisions, specifics attached to those
decisions (numbers in someone else's statistic or a buzzword do not count), the question that was asked (per
sentence, so a rehearsed story for another competency is caught even when its words overlap), evasion (a vision
with nothing delivered, a framework with no instance, no action in the asked situation) and red flags (concealment,
discrimination, blame, ...), which cap the score at 2 whatever the polish (a director-wide one at 1). Long is never good by itself. What it
cannot do is weigh a judgment call; `OFFLINE_SCOPE` says so on every offline result.

Off-question stories (issue #17): the per-sentence check compares each sentence with the asked bank question and the
nearest other one, and a polished story for another question slipped under its cap (coaching managers told for a
technical-direction question: 30% of the answer read as off-question; a deployment migration told in the words of
"model quality across the org": 56%, against a cap at 65%). `_action_pivot` reads only the candidate's action
sentences, against each competency's bank questions (the mean of the three nearest), and caps an answer whose actions
sit nearer another competency by `action_pivot_cap_at` (0.12). On the tuning parts the good answers reach at most
0.09 (a grade-5 answer) and the two misses 0.14-0.16; 42 invented strong answers (to 31 bank questions, and 5 to
questions worded off the bank) reach at most 0.09. It is a partial fix: it cannot tell stories that share the
question's nouns. Hiring managers from outside, told for "how did you grow someone into a manager", reads 0.10; of
six invented off-question answers the old rule missed it catches one (a reorganisation told for model quality),
while an external tech lead hired for "grow someone", senior engineers hired and tech leads coached for a
technical-direction question, a hiring loop for "fair promotions" and a team merger for a doubled GPU bill all read
between -0.04 and 0.09.

The LLM evaluator (`llm_evaluator.py`) asks a model for the same `Evaluation` and checks its verdict against this
scorer before it is shown.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, get_args

import numpy as np

from assistant.errors import InputError
from assistant.interview.breakdown import (
    Cap,
    DimensionValues,
    Evasion,
    Penalties,
    RelevanceBreakdown,
    ScoreBreakdown,
    StoryCounts,
)
from assistant.interview.models import (
    OFFLINE_SCOPE,
    POSSIBLE_FLAG_ADVICE,
    Dimensions,
    Evaluation,
    Gap,
    QuestionContext,
)
from assistant.interview.policy import DEFAULT_POLICY, ScoringPolicy
from assistant.interview.redflag_probe import shipped_probe
from assistant.interview.redflags import FlagHit, RedFlagDetector, to_red_flag
from assistant.interview.signals import (
    Lexicon,
    SentenceSignals,
    TextSignals,
    content_words,
    extract,
    most_common,
    numbers_in,
    own_actions,
    result_strength,
    sets_the_scene,
    states_a_measure,
)
from assistant.knowledge.schema import Competency, RoleKnowledge
from assistant.text.plural import count_of, verb_for

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


class TextEmbedder(Protocol):
    """The one thing the scorer needs from `assistant.knowledge.embeddings.Embedder`: L2-normalised rows."""

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class AnswerScorer(Protocol):
    """What the interview engine and the CLI call; the offline scorer and the LLM evaluator both satisfy it.

    `prepare` and `evaluate_timed` have defaults here, so a scorer that subclasses this protocol explicitly (as test
    scorers do) gets them; the engine calls them directly rather than probing for them.
    """

    def evaluate(self, question: QuestionContext, answer: str) -> Evaluation: ...

    def prepare(self, questions: Sequence[QuestionContext]) -> None:
        """Embed or load whatever the planned questions need, before the first answer (default: nothing)."""
        return None

    def evaluate_timed(self, question: QuestionContext, answer: str) -> tuple[Evaluation, float | None]:
        """`evaluate`, plus the seconds spent waiting for a model, or None when the scorer does not measure that
        (the caller then charges the whole call to the model when a model is configured)."""
        return self.evaluate(question, answer), None


# --- policy-derived constants (the engine uses these) ------------------------------------------------------------

FOLLOW_UP_BELOW = DEFAULT_POLICY.follow_up_below
TOO_SHORT_WORDS = DEFAULT_POLICY.too_short_words
SUBSTANTIVE_GAPS: tuple[Gap, ...] = (
    "red_flag", "off_topic", "too_short", "evasive", "no_own_actions", "no_outcome", "missing_point", "no_numbers",
)
ALL_GAPS: frozenset[Gap] = frozenset(get_args(Gap))
# An answer that tells the scorer how to score it (see `assistant.text.instructions`) never scores above this,
# whatever engine scored it: in an interview it is a red flag, and a higher score would reward the attempt.
FLAGGED_CEILING = int(DEFAULT_POLICY.flagged_ceiling)
FLAGGED_TIP = "Leave out instructions about how to score you; they count against an answer."

GAP_FOLLOW_UPS: dict[str, str] = {
    "red_flag": "Let me push on one thing you said: who else knew, and how would you handle it if you did it again?",
    "off_topic": "Let me bring us back to the question: can you give one specific example that answers it directly?",
    "too_short": "Can you walk me through one specific example: the situation, what you did, and how it ended?",
    "evasive": "Can you tell me about one time this actually happened: what did you decide, and what happened next?",
    "no_own_actions": "What did you personally decide or do there, and why that rather than something else?",
    "no_outcome": "What changed as a result of what you did, and by how much?",
    "no_numbers": "Can you put numbers on it: team size, scale, cost or time, and the before and after?",
    "missing_point": "What would a complete answer include that you have not covered yet?",
}
# A technical answer that leaves out a point a strong answer covers is asked about that point, by name.
MISSING_POINT_FOLLOW_UP = "Say more about {point}: how would you approach it?"
# The tip for an answer with no gap to name: (no trade-off named, one named) per kind of question.
_LAST_TIPS: dict[str, tuple[str, str]] = {
    "story": ("Make the trade-off explicit: what you chose not to do, and why it was the right cost to accept.",
              "Add one sentence on what you would do differently next time."),
    "plan": ("Make the trade-off explicit: what you would not do, and why that cost is worth accepting.",
             "Say what would change your plan: the early sign you would watch, and what you would do if it appeared."),
    "technical": ("Make the trade-off explicit: what this design gives up, and when you would choose differently.",
                  "Say how you would know it works once it is live: the measure you would watch, and its threshold."),
}
# A question that asks for a plan or a design is not answered with "one specific example ... how it ended": when the
# answer is off the question or too short, the follow-up asks for what the question asks for.
_FOLLOW_UPS_BY_KIND: dict[str, dict[str, str]] = {
    "plan": {
        "off_topic": "Let me bring us back to the question: how would you go about it, and why that way?",
        "too_short": "Can you walk me through it: how you would go about it, step by step, and how you would know "
                     "it worked?",
    },
    "technical": {
        "off_topic": "Let me bring us back to the question: how would you approach it, piece by piece?",
        "too_short": "Can you walk me through it: the main pieces, how they fit together, and the trade-off you "
                     "would make?",
    },
}
# A technical answer's numbers are the ones it would be held to, not a story's before and after.
TECHNICAL_NUMBERS_FOLLOW_UP = "What numbers would you hold it to: the thresholds, budgets or sizes?"
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


class OfflineScorer(AnswerScorer):
    """The offline coach's scorer: explainable signals, MiniLM embeddings of the answer and its sentences, no LLM.

    `embedder` is anything with `embed(texts) -> normalised rows` (the knowledge area's `Embedder`); with None,
    relevance falls back to word overlap and red flags to patterns. Question, competency, strong-point, bank and
    red-flag reference vectors are cached, so a warm scorer embeds only the answer and its sentences (two calls).
    """

    def __init__(
        self, knowledge: RoleKnowledge, embedder: TextEmbedder | None = None, policy: ScoringPolicy = DEFAULT_POLICY
    ) -> None:
        self.knowledge = knowledge
        self.embedder = embedder
        self.policy = policy
        self.lexicon = Lexicon.from_role(knowledge.signals)
        probe = shipped_probe() if embedder is not None else None
        self.red_flags = RedFlagDetector(knowledge, policy, probe if probe is not None and probe.fits(embedder) else None)
        self._cache: dict[str, np.ndarray] = {}
        self._matrices: dict[tuple[str, ...], np.ndarray] = {}
        self._lock = threading.Lock()
        self._keywords = {c.id: [k.lower() for k in c.keywords] for c in knowledge.rubric.competencies}
        self._kinds = {q.id: q.kind for q in knowledge.questions.questions}

    # -- embeddings ------------------------------------------------------------------------------------------
    def prepare(self, questions: Sequence[QuestionContext]) -> None:
        """Embed everything answers will be compared with, in length-sorted batches, before any answer.

        An interview knows its questions when it is planned; embedding each question's texts (question,
        competency, strong-answer points, bank follow-ups) and the red-flag references on the first answer would
        cost seconds inside the turn the user waits for. After `prepare`, a turn embeds only the answer.
        """
        if self.embedder is None:
            return
        texts: list[str] = list(GAP_FOLLOW_UPS.values())
        texts.extend(q.text for q in self.knowledge.questions.questions)  # for the pivot check
        texts.extend(self.red_flags.reference_texts())
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
                if len(self._cache) > 4096:  # questions and references are few; a bounded cache is plenty
                    self._cache.clear()
                self._cache.update(zip(missing, vectors, strict=True))
        with self._lock:
            return [self._cache[t] for t in texts]

    def _matrix(self, texts: list[str]) -> np.ndarray:
        """The cached vectors of `texts` as one matrix, itself cached (reference sets are compared every turn)."""
        key = tuple(texts)
        with self._lock:
            matrix = self._matrices.get(key)
        if matrix is None:
            matrix = np.vstack(self._cached_vectors(texts)) if texts else np.zeros((0, 1), dtype=np.float32)
            with self._lock:
                if len(self._matrices) > 256:
                    self._matrices.clear()
                self._matrices[key] = matrix
        return matrix

    def _competency(self, competency_id: str) -> Competency | None:
        try:
            return self.knowledge.competency(competency_id)
        except KeyError:
            return None

    def _asks_for_a_story(self, question: QuestionContext) -> bool:
        """Behavioural questions ask what happened; a plan or a vision does not answer them."""
        kind = self._kinds.get(question.question_id or "")
        if kind is not None:
            return kind == "behavioral"
        return bool(re.match(r"\s*(?:tell me about|describe a time|walk me through a time|give me an example)",
                             question.text, re.IGNORECASE))

    def _judged_as_technical(self, question: QuestionContext) -> bool:
        """A bank question of the technical kind, when the policy judges those on their own weights."""
        return self._kinds.get(question.question_id or "") == "technical" and self.policy.technical_weights is not None

    def _question_kind(self, question: QuestionContext) -> str:
        """story (what happened), plan (what would you do) or technical (how would you design it): what an answer
        off the question, or too short, is asked for."""
        if self._judged_as_technical(question):
            return "technical"
        return "story" if self._asks_for_a_story(question) else "plan"

    def _weights(self, question: QuestionContext) -> Mapping[str, float]:
        """How much each dimension counts toward the score of an answer to this question."""
        technical = self.policy.technical_weights
        return technical if technical is not None and self._judged_as_technical(question) else self.policy.weights

    def _sentence_vectors(self, sig: TextSignals) -> np.ndarray | None:
        """Every sentence of the answer in one embedding call (short texts: one padded batch is cheap)."""
        if self.embedder is None or not sig.sentences:
            return None
        return np.asarray(self.embedder.embed([s.sentence.text for s in sig.sentences]))

    def _sentences_and_echo_free(
        self, sig: TextSignals, question: str
    ) -> tuple[np.ndarray | None, np.ndarray | None]:
        """The answer's sentences embedded as said and, in the same call, with the question's content words taken
        out (a sentence left with no content word keeps its own vector): the second is what the per-sentence
        relevance check reads, so a rehearsed story that borrows the question's wording is judged by what it tells."""
        if self.embedder is None or not sig.sentences:
            return None, None
        asked = set(content_words(question))
        texts = [s.sentence.text for s in sig.sentences]
        stripped: dict[int, str] = {}
        for i, text in enumerate(texts):
            # Only a sentence that restates the question (several of its words) is read without them: a sentence
            # that merely names the topic ("one calibration meeting for the three teams") is on the question.
            if len(asked & set(content_words(text))) < self.policy.echo_min_words:
                continue
            kept = " ".join(w for w in text.split() if not set(content_words(w)) & asked)
            if content_words(kept):
                stripped[i] = kept
        vectors = np.asarray(self.embedder.embed([*texts, *stripped.values()]))
        sentence_vectors, extra = vectors[: len(texts)], vectors[len(texts) :]
        echo_free = np.array(sentence_vectors, copy=True)
        if stripped:
            echo_free[list(stripped)] = extra
        return sentence_vectors, echo_free

    def _relevance(
        self,
        question: QuestionContext,
        answer: str,
        sig: TextSignals,
        sentence_vectors: np.ndarray | None,
        echo_free: np.ndarray | None = None,
    ) -> RelevanceBreakdown:
        p = self.policy
        fixed_texts = self._fixed_texts(question)
        lowered = answer.lower()
        keyword_hits = sum(1 for k in self._keywords.get(question.competency, []) if k in lowered)
        question_words = set(content_words(question.text))
        keyword_hits += len(question_words & set(content_words(answer))) // 3
        story = not self._asks_for_a_story(question)
        acting = [s for s in sig.sentences if s.own_actions or (story and s.future and s.first_person)]
        if self.embedder is None:
            points = [_lexical_cosine(pt, answer) for pt in question.strong_answer]
            sims = [_lexical_cosine(question.text, answer), _lexical_cosine(fixed_texts[1], answer), *points]
            return self._relevance_from(sims, keyword_hits, None, 0.0, bool(acting))
        fixed = self._cached_vectors(fixed_texts)
        answer_vector = self.embedder.embed([answer])[0]
        sims = [float(v @ answer_vector) for v in fixed]
        bank = self.knowledge.questions.questions
        others = [q.text for q in bank if q.competency != question.competency]
        margin: float | None = None
        action_pivot: float | None = None
        off_share = 0.0
        action_on_question = bool(acting)
        if others:
            other_matrix = self._matrix(others)
            # A question worded off the bank ("said no to an exciting approach") is short and abstract, so a
            # concrete answer sits nearer some concrete bank question whatever it is about; for such a question,
            # its own competency's bank questions stand for the asked situation too, and only an answer (or a
            # sentence) told for another competency counts as a pivot. A bank question is its own reference.
            own = [q.text for q in bank if q.competency == question.competency] if question.question_id is None else []
            own_matrix = self._matrix(own) if own else None
            reference = sims[0]
            if own_matrix is not None:
                reference = max(reference, float((own_matrix @ answer_vector).max()))
            margin = reference - float((other_matrix @ answer_vector).max())
            if sentence_vectors is not None and len(sig.sentences):
                # Per sentence: how much closer it is to another competency's question than to this one. A
                # rehearsed story for another question shares words with this one, but its sentences each sit
                # nearer the question it was prepared for.
                # The question's own words are taken out first: a rehearsed story that borrows them ("model quality
                # as a property of the whole org is exactly what I did when I led our migration") is judged by
                # what it tells, not by the words it echoes.
                masked = sentence_vectors if echo_free is None else echo_free
                to_question = masked @ fixed[0]
                if own_matrix is not None:
                    to_question = np.maximum(to_question, (masked @ own_matrix.T).max(axis=1))
                to_other = (masked @ other_matrix.T).max(axis=1)
                off = np.clip((to_other - to_question - p.sentence_pivot_offset) / p.sentence_pivot_span, 0, 1)
                weights = np.array([max(len(s.sentence.text.split()), 1) for s in sig.sentences], dtype=float)
                off_share = float((off * weights).sum() / weights.sum())
                on_question = {id(s) for s, o in zip(sig.sentences, off, strict=True) if o < 0.5}
                action_on_question = any(id(s) in on_question for s in acting)
                action_pivot = self._action_pivot(question, sig, masked, acting)
        return self._relevance_from(sims, keyword_hits, margin, off_share, action_on_question, action_pivot)

    def _action_pivot(
        self, question: QuestionContext, sig: TextSignals, masked: np.ndarray, acting: Sequence[SentenceSignals]
    ) -> float | None:
        """How much nearer the candidate's own actions sit to another competency than to the asked one.

        Whole-answer and per-sentence relevance read the topic, and a rehearsed story shares it with the question
        ("managers" in a story about hiring them, for "how did you grow someone into a manager"). What the candidate
        *did* is what the question asks about, so each action sentence is compared with each competency's bank
        questions (the mean of its few nearest, so that one odd question does not decide), the asked question
        counting among its competency's. Sentences weigh by their words; with no action sentence, None."""
        p = self.policy
        index = {id(s): i for i, s in enumerate(sig.sentences)}
        # The scene ("In my last role I ran a team of 12") is not what the candidate did in this story: it is left
        # out when the story tells an action of its own.
        taken = [s for s in acting if not sets_the_scene(s.sentence.text)] or list(acting)
        rows = [index[id(s)] for s in taken if id(s) in index]
        if not rows or sum(len(content_words(sig.sentences[i].sentence.text)) for i in rows) < p.action_pivot_min_words:
            return None
        by_competency: dict[str, list[str]] = {}
        for q in self.knowledge.questions.questions:
            by_competency.setdefault(q.competency, []).append(q.text)
        asked = list(dict.fromkeys([question.text, *by_competency.get(question.competency, [])]))
        vectors = masked[rows]

        def nearness(texts: list[str]) -> np.ndarray:
            sims: np.ndarray = np.sort(vectors @ self._matrix(texts).T, axis=1)
            nearest: np.ndarray = sims[:, -min(p.action_pivot_top, sims.shape[1]) :].mean(axis=1)
            return nearest

        others = [nearness(texts) for c, texts in by_competency.items() if c != question.competency]
        if not others:
            return None
        diff = np.max(others, axis=0) - nearness(asked)
        weights = np.array([max(len(sig.sentences[i].sentence.text.split()), 1) for i in rows], dtype=float)
        return float((diff * weights).sum() / weights.sum())

    def _relevance_from(
        self, sims: list[float], keyword_hits: int, margin: float | None, off_share: float, action_on_question: bool,
        action_pivot: float | None = None,
    ) -> RelevanceBreakdown:
        p = self.policy
        question, competency, points = sims[0], sims[1], sims[2:]
        point = float(np.mean(sorted(points, reverse=True)[:2])) if points else question
        semantic = p.semantic_question * question + p.semantic_competency * competency + p.semantic_points * point
        return RelevanceBreakdown(
            similarity_question=question,
            similarity_competency=competency,
            strong_points_covered=sum(1 for s in points if s >= p.strong_point_covered),
            strong_points=len(points),
            point_similarities=list(points),
            competency_keywords=keyword_hits,
            semantic=semantic,
            pivot_margin=margin,
            off_question_share=off_share,
            action_on_question=action_on_question,
            action_pivot=action_pivot,
        )

    # -- scoring ---------------------------------------------------------------------------------------------
    def evaluate(self, question: QuestionContext, answer: str) -> Evaluation:
        """Score one answer (see the module docstring). Raises `InputError` for an empty answer."""
        if not answer or not answer.strip():
            raise InputError("The answer is empty: there is nothing to score.", code="invalid_input")
        from assistant.llm.safety import clean_untrusted

        # Invisible characters cannot hide words from the signals.
        breakdown, sig = self.breakdown(question, clean_untrusted(answer))
        technical = self._judged_as_technical(question)
        uncovered = self._uncovered_point(question, sig, breakdown.relevance)
        gaps = self._gaps(sig, breakdown, plan_answers=not self._asks_for_a_story(question), technical=technical,
                          missed_point=technical and uncovered is not None)
        d = breakdown.dimensions
        return Evaluation(
            score=_to_score(breakdown.overall),
            competency=question.competency,
            dimensions=Dimensions(
                structure=_to_score(d.structure),
                ownership=_to_score(d.ownership),
                specificity=_to_score(d.specificity),
                relevance=_to_score(d.relevance),
                altitude=_to_score(d.altitude),
            ),
            evidence=_evidence(sig, gaps, breakdown),
            strengths=self._strengths(sig, breakdown, plan_answers=not self._asks_for_a_story(question)),
            improvements=self._improvements(sig, breakdown, gaps, question, uncovered),
            gaps=gaps,
            follow_up=self._follow_up(question, gaps, breakdown.overall, uncovered if technical else None),
            engine="offline",
            signals=breakdown.flat(),
            red_flags=breakdown.red_flags,
            scope=OFFLINE_SCOPE,
            flagged=sig.flagged,
            not_counted=[name for name, weight in self._weights(question).items() if weight == 0],
        )

    def breakdown(self, question: QuestionContext, answer: str) -> tuple[ScoreBreakdown, TextSignals]:
        """Everything behind the score, typed (see `breakdown.py`), with the text signals it was computed from."""
        sig = extract(answer, self.lexicon)
        sentence_vectors, echo_free = self._sentences_and_echo_free(sig, question.text)
        rel = self._relevance(question, sig.story or sig.text, sig, sentence_vectors, echo_free)  # not what it demands
        asks_for_story = self._asks_for_a_story(question)
        technical = self._judged_as_technical(question)
        dims, specifics_per_100w = self._dimensions(sig, rel, asks_for_story, technical)
        weights = self._weights(question)
        base = sum(weights[name] * value for name, value in dims.model_dump().items())
        evasion = self._evasion(sig, rel, asks_for_story, technical, question.text)
        penalties, hedges_per_100w, information_per_100w = self._penalties(sig, evasion)
        hits = self.red_flags.detect(
            sig.sentences, sentence_vectors, self._matrix if self.embedder is not None else None
        )
        red_flags = [to_red_flag(h, _flag_quote(h)) for h in hits]
        red_flags = [f for f in red_flags if f.quote in answer]  # quotes are verbatim by construction; be sure
        caps = self._caps(sig, rel, dims.relevance, hits, evasion)
        overall = _apply_caps(base - penalties.total, caps)
        return (
            ScoreBreakdown(
                counts=_story_counts(sig),
                relevance=rel,
                dimensions=dims,
                penalties=penalties,
                evasion=evasion,
                red_flags=red_flags,
                caps=caps,
                hedges_per_100w=hedges_per_100w,
                specifics_per_100w=specifics_per_100w,
                information_per_100w=information_per_100w,
                base=base,
                overall=_clip(overall, 1.0, 5.0),
            ),
            sig,
        )

    def _dimensions(self, sig: TextSignals, rel: RelevanceBreakdown, asks_for_story: bool, technical: bool = False
                    ) -> tuple[DimensionValues, float]:
        """The five rubric dimensions (1-5) before penalties and caps, and the specifics per 100 words."""
        p = self.policy
        wc = max(sig.word_count, 1)
        # Structure: situation, action, result (+ reflection). Tried for issue 17 and reverted (stop 33): a plan's
        # steps ("First I'd ...") as its actions here, and a plan's numbers as owned in specificity below. Tuning
        # parts: hard 0.857 -> 0.876, fresh 0.516 -> 0.513; check parts: hard 0.803 -> 0.787, fresh 0.241 -> 0.222.
        team_only_action = sig.team_refs >= 2 and sig.own_actions == 0
        action = (
            p.action_two_or_more if sig.own_actions >= 2
            else p.action_one if sig.own_actions == 1
            else p.action_team_only if team_only_action
            else 0.0
        )
        result = sig.result if asks_for_story else max(sig.result, p.plan_measure_result * states_a_measure(sig.story))
        structure = 1 + 4 * _clip(
            p.structure_situation * sig.situation + p.structure_action * action
            + p.structure_result * result + p.structure_reflection * sig.reflection
        )

        # Ownership: the candidate's own actions, diluted by "we" and "the team". Tried for issue 17 and reverted
        # (branch scorer7, stop 26): a leader's "we <did>" at half an own action once the answer shows their own
        # part, "I said no" as a decision, questions about the candidate's past as story questions. Tuning parts
        # rose (fresh 0.440 -> 0.532, hard 0.857 -> 0.878) but the check parts did not (fresh 0.260 -> 0.265, hard
        # 0.802 -> 0.801, calibration 0.913 -> 0.889).
        # A plan ("I'd roll back first") answers a situational question; a behavioural one asks what happened.
        plan_credit = p.hypothetical_credit if asks_for_story else p.plan_credit
        own = sig.own_actions + plan_credit * min(sig.hypothetical, p.hypothetical_max)
        ratio = own / (own + p.team_weight * sig.team_refs) if own else 0.0
        ownership = 1 + 3 * _clip(own / p.ownership_full_at) + 1 * ratio

        # Specificity: numbers and named things that belong to this story; without an owned action and a result,
        # they are polish, not evidence.
        attached = sig.attached_numbers
        specifics = len(attached) + p.named_weight * len(sig.named)
        if not (sig.own_actions and sig.result):
            specifics *= (p.technical_unowned_specifics if technical and p.technical_unowned_specifics is not None
                          else p.unowned_specifics)
        specifics_per_100w = 100 * specifics / max(wc, p.density_floor_words)
        specificity = 1 + 4 * (
            p.specifics_count_share * _clip(specifics / p.specifics_full_at)
            + (1 - p.specifics_count_share) * _clip(specifics_per_100w / p.specifics_density_full_at)
        )

        # Relevance is a gate, not a gradient. MiniLM cosine between an answer and an abstract question is below
        # ~0.1 when unrelated and 0.3+ once on topic; above that, more similarity mostly means the answer restates
        # the question's words, so the scale saturates early and rubric keywords confirm the topic lexically.
        topical = p.topical_semantic_share * _clip((rel.semantic - p.topical_floor) / p.topical_span) + (
            1 - p.topical_semantic_share
        ) * _clip(rel.competency_keywords / p.keyword_hits_full_at)
        if rel.pivot_margin is not None:
            # An answer that matches another competency's question far better than this one is a pivot.
            topical *= p.pivot_floor + (1 - p.pivot_floor) * _clip(
                (rel.pivot_margin + p.pivot_offset) / p.pivot_span
            )
        topical *= 1 - p.off_question_weight * rel.off_question_share
        relevance = 1 + 4 * topical

        distinct_altitude = len(set(sig.altitude_terms))
        altitude = 1 + 4 * (
            p.altitude_terms_share * _clip(distinct_altitude / p.altitude_terms_full_at)
            + (1 - p.altitude_terms_share) * _clip(sig.tradeoffs / p.tradeoffs_full_at)
        )
        dims = DimensionValues(
            structure=structure, ownership=ownership, specificity=specificity, relevance=relevance, altitude=altitude
        )
        return dims, specifics_per_100w

    def _penalties(self, sig: TextSignals, evasion: Evasion) -> tuple[Penalties, float, float]:
        """What delivery costs (hedging, platitudes, rambling without information, text addressed to the scorer,
        evasion), with the hedges and the information per 100 words they were judged from."""
        p = self.policy
        wc = max(sig.word_count, 1)
        attached = sig.attached_numbers
        hedges_per_100w = 100 * len(sig.hedges) / wc
        information = len(attached) + sig.own_actions + p.named_weight * len(sig.named) + 2 * sig.result
        information_per_100w = 100 * information / wc
        rambling = 0.0
        if sig.word_count > p.rambling_from_words:
            excess = _clip((sig.word_count - p.rambling_from_words) / p.rambling_span_words)
            rambling = excess * _clip(1 - information_per_100w / p.information_full_per_100w) + _clip(
                sig.repetition - p.repetition_free
            )
        penalties = Penalties(
            hedging=p.hedge_penalty_max * _clip((hedges_per_100w - p.hedges_free_per_100w) / p.hedges_span_per_100w),
            platitudes=_clip(p.platitude_penalty_each * len(sig.platitudes), 0, p.platitude_penalty_max),
            rambling=rambling,
            # Addressing the scorer ("rate this 5/5") is a sign of a weak answer, never a reason to raise a score.
            instructions=_clip(p.instruction_penalty_each * sig.instructions, 0, p.instruction_penalty_max),
            # (A denied premise is capped instead: an answer already weak for it is not pushed further down.)
            evasion=_clip(p.evasion_penalty * (evasion.kinds - (evasion.denied_premise is not None)), 0,
                          p.evasion_penalty_max),
        )

        return penalties, hedges_per_100w, information_per_100w

    def red_flag_hits(self, text: str) -> list[FlagHit]:
        """The red flags in `text` alone (`RedFlagDetector.detect` on its sentences), for measuring the detector."""
        sig = extract(text, self.lexicon)
        return self.red_flags.detect(
            sig.sentences, self._sentence_vectors(sig), self._matrix if self.embedder is not None else None
        )

    def _evasion(self, sig: TextSignals, rel: RelevanceBreakdown, asks_for_story: bool, technical: bool = False,
                 question_text: str = "") -> Evasion:
        """Ways of sounding like an answer without giving one (see `Evasion`). `technical`: the question asks what
        must be true or how a thing works, so an answer that never says what the candidate did is not evading it."""
        p = self.policy
        n = len(sig.sentences)
        if n < p.evasion_min_sentences or sig.word_count < p.too_short_words:
            return Evasion()  # too short to tell; `too_short` says what is wrong
        delivered = sig.past_own_actions > 0 and sig.result > 0
        future = sum(1 for s in sig.sentences if s.future and not (s.past and s.own_actions))
        generic = sum(1 for s in sig.sentences if s.generic and not s.own_actions)
        concrete = len(sig.attached_numbers) + len(sig.named) >= 2
        # Asked for a plan, an answer in the future tense is the answer: it is a vision only when it names no step
        # of the candidate's own ("I'd hire three managers first", "I steer ...") and no specific.
        planned = not asks_for_story and not technical and sig.own_actions >= 2
        reasons: list[str] = []
        future_vision = future / n >= p.evasion_future_share and not delivered and (
            asks_for_story or not (concrete or planned))
        if future_vision:
            reasons.append(
                f"{future} of {n} sentences say what will or would happen; nothing in the answer was decided or "
                "delivered"
            )
        generic_framework = (
            generic / n >= p.evasion_generic_share and not sig.situation and sig.past_own_actions == 0
        )
        if generic_framework:
            reasons.append(
                f"{generic} of {n} sentences describe how things should be done in general, with no instance of "
                "you doing it"
            )
        acted = bool(sig.own_actions or sig.hypothetical)
        # No action for the asked situation: the candidate's actions are all in a story for another question, or
        # the answer is abstract throughout (no action, no situation, not even the team's).
        abstract = not acted and not sig.situation and sig.team_refs == 0 and not technical
        no_action = (acted and not rel.action_on_question) or abstract
        if no_action:
            reasons.append(
                "no sentence describes something you did in the situation the question asks about"
                if acted
                else "the answer never says what you did or would do"
            )
        denied = _denied_premise(sig, question_text)
        if denied is not None:
            reasons.append(f'asked for one, you say there was none ("{denied}")')
        return Evasion(
            no_action_for_question=no_action,
            future_vision=future_vision,
            generic_framework=generic_framework,
            denied_premise=denied,
            reasons=reasons,
        )

    def _caps(
        self, sig: TextSignals, rel: RelevanceBreakdown, relevance: float, hits: Sequence[Any],
        evasion: Evasion | None = None,
    ) -> list[Cap]:
        """Upper bounds on the overall score, each with its reason (applied together in `_apply_caps`)."""
        p = self.policy
        caps: list[Cap] = []
        # Too short to judge, unless the few words already carry a whole story: the candidate's own action and a
        # result with a number of its own (a terse strong answer is concise, not short).
        complete = sig.own_actions > 0 and sig.result > 0 and bool(sig.attached_numbers)
        if sig.word_count < (p.too_short_complete_words if complete else p.too_short_words):
            has_specifics = 1.0 if (sig.numbers or sig.named) else 0.0
            caps.append(Cap(
                reason="too_short",
                limit=1.0 + 2.0 * sig.word_count / p.too_short_words * (0.5 + 0.5 * has_specifics),
            ))
        # Off topic only when nothing ties the answer to the question: very low similarity, or low similarity with
        # no rubric keyword and no action of the candidate's.
        if rel.semantic < p.off_topic_semantic or (
            rel.semantic < p.off_topic_semantic_weak and rel.competency_keywords == 0 and sig.own_actions == 0
        ):
            caps.append(Cap(reason="off_topic", limit=2.0))
        if rel.off_question_share >= p.off_question_cap_share or (
            p.action_pivot_cap_at is not None and rel.action_pivot is not None
            and rel.action_pivot >= p.action_pivot_cap_at
        ):
            caps.append(Cap(reason="off_question", limit=p.off_question_cap))
        if evasion is not None and (evasion.kinds >= p.evasion_cap_kinds or evasion.denied_premise is not None):
            # (Saying there was no mistake to tell, asked for one, is the evasion in full: the rest of the answer
            # is a framework or someone else's mistakes.)
            caps.append(Cap(reason="evasive", limit=p.evasion_cap))
        # A vivid story about something else is still not an answer: polish cannot carry it past its relevance.
        caps.append(Cap(reason="relevance", limit=relevance + p.relevance_cap_margin))
        if sig.flagged:  # text addressed to the scorer (`assistant.text.instructions`)
            caps.append(Cap(reason="instructions", limit=p.flagged_ceiling))
        clear = [h for h in hits if h.clear]
        if hits and not clear:
            caps.append(Cap(reason="possible_red_flag", limit=p.red_flag_cap))
        hits = clear
        if hits:
            flagged_sentences = {id(h.sentence) for h in hits}
            repeated = len(flagged_sentences) >= 2
            # A director-wide flag (concealment, discrimination, ...) is disqualifying in itself; a rubric flag is
            # a weakness in one competency.
            disqualifying = any(h.definition.source == "director" for h in hits)
            caps.append(Cap(
                reason="red_flag_repeated" if repeated else "red_flag",
                limit=p.red_flag_cap_repeated if repeated
                else p.director_flag_cap if disqualifying else p.red_flag_cap,
            ))
        return caps

    def _gaps(self, sig: TextSignals, b: ScoreBreakdown, plan_answers: bool = False, technical: bool = False,
              missed_point: bool = False) -> list[Gap]:
        """What the answer lacks, for the tips and the follow-up. `plan_answers`: the question asks what the
        candidate would do, so a stated plan ("I would talk to each of them that week") is their own action, as the
        ownership score already counts it. `technical`: the question asks what the candidate knows, and the score
        does not count ownership, so its absence is not a gap; nor are a story's outcome and structure. What a
        technical answer lacks is a point a strong answer covers (`missed_point`), the thing an interviewer asks
        about next."""
        p = self.policy
        gaps: list[Gap] = []
        if b.red_flags:
            gaps.append("red_flag")
        if b.off_topic:
            gaps.append("off_topic")
        if b.too_short:
            gaps.append("too_short")
        if b.evasion.kinds and _to_score(b.overall) < p.follow_up_below:
            # A reading of evasion in an answer that still landed (4+) is the reading's doubt, not the answer's
            # flaw: told "this reads as evasive" beside a 4/5, the candidate is told two opposite things.
            gaps.append("evasive")
        if sig.own_actions == 0 and not technical and not (plan_answers and sig.hypothetical):
            gaps.append("no_own_actions")
        if sig.result == 0 and not technical and not (plan_answers and states_a_measure(sig.text)):
            # A plan has no outcome yet: saying how success will be measured is its outcome.
            gaps.append("no_outcome")
        if missed_point:
            gaps.append("missing_point")
        if not (sig.numbers if technical else sig.attached_numbers):
            # A technical answer's thresholds ("p99 under 150 ms") are its numbers, with no "I" to attach them to.
            gaps.append("no_numbers")
        if b.dimensions.structure < p.no_structure_below and not b.too_short and not technical:
            # Structure is read as situation, action and result: a technical answer is not a story.
            gaps.append("no_structure")
        if b.hedges_per_100w > p.hedging_gap_per_100w or len(sig.platitudes) >= p.hedging_gap_platitudes:
            gaps.append("hedging")
        return gaps

    def _follow_up(self, question: QuestionContext, gaps: list[Gap], overall: float, uncovered: str | None = None
                   ) -> str | None:
        """Only an answer that lacks substance gets a follow-up; it targets the most important gap. A missing
        point (`uncovered`) is asked about by name, or by the bank follow-up that asks about it."""
        substantive = [g for g in SUBSTANTIVE_GAPS if g in gaps]
        if overall >= self.policy.follow_up_below or not substantive:
            return None
        first = substantive[0]
        if first in ("no_own_actions", "no_outcome") and {"no_own_actions", "no_outcome"} <= set(gaps):
            return OWN_AND_OUTCOME_FOLLOW_UP
        template = (TECHNICAL_NUMBERS_FOLLOW_UP if first == "no_numbers" and self._judged_as_technical(question)
                    else _FOLLOW_UPS_BY_KIND.get(self._question_kind(question), {}).get(first, GAP_FOLLOW_UPS[first]))
        target, threshold = template, self.policy.bank_follow_up_similarity
        if first == "missing_point" and uncovered:
            point = uncovered.rstrip(".")
            template = MISSING_POINT_FOLLOW_UP.format(point=point[0].lower() + point[1:])
            # A rubric point is a noun phrase and a follow-up a question: MiniLM puts even a matching pair lower.
            target, threshold = uncovered, self.policy.bank_follow_up_point_similarity
        if first in ("red_flag", "off_topic", "too_short", "evasive") or not question.follow_ups:
            return template
        # A bank follow-up that asks for the same thing is more specific to the question than our template.
        best, best_sim = None, 0.0
        for candidate in question.follow_ups:
            sim = (
                float(np.dot(*self._cached_vectors([candidate, target])))
                if self.embedder is not None
                else _lexical_cosine(candidate, target)
            )
            if sim > best_sim:
                best, best_sim = candidate, sim
        return best if best is not None and best_sim >= threshold else template

    # -- coaching text ---------------------------------------------------------------------------------------
    def _strengths(self, sig: TextSignals, b: ScoreBreakdown, plan_answers: bool = False) -> list[str]:
        """What to keep doing, each with its quote. `plan_answers`: the question asks what the candidate would do,
        so a change they say they would make is part of the plan, not its result; how they will know it worked is."""
        if any(f.certainty == "clear" for f in b.red_flags):
            return []  # praise beside a red flag would tell the candidate the answer mostly worked
        strengths: list[str] = []
        d = b.dimensions
        # The action quoted is one the candidate took, not the sentence that sets the scene ("I inherited a team").
        own = _best(sig, lambda s: s.own_actions - 0.5 * sets_the_scene(s.sentence.text))
        # Not beside "I don't really end up with wrong calls", asked for one: the actions told are a framework's.
        if sig.own_actions >= 2 and own is not None and b.evasion.denied_premise is None:
            strengths.append(f'You say what you personally did — "{_quote(own, "own")}"')
        if sig.result >= 1.0:
            # The last measured change: a story's result comes at its end, and counting numbers would prefer a
            # sentence of durations and dates ("a two-week fix ... shipped on day 12") to the outcome after it.
            # Not the sentence that sets the scene either: "the model started blocking 4% of payments" is the problem.
            # And it comes after what the candidate did: a change told before their first action is the problem
            # ("CTR dropped 8% and nobody noticed until product asked"), not the outcome.
            first_action = next((s.sentence.start for s in sig.sentences
                                 if s.own_actions and not sets_the_scene(s.sentence.text)), -1)

            def outcome(s: SentenceSignals) -> float:
                return s.result - 0.5 * sets_the_scene(s.sentence.text)

            def told(s: SentenceSignals) -> float:
                # In a plan, "I'd cut anything that does not tie to a metric" is a step, not what came of it.
                return 0.0 if plan_answers and _PLANNED.search(s.sentence.text) else outcome(s)

            result = (_best(sig, lambda s: told(s) if s.sentence.start > first_action else 0.0, last_on_ties=True)
                      or _best(sig, told, last_on_ties=True))
            if result is not None:
                kind = "a measured result" if result.result >= 1.0 else "the outcome"
                strengths.append(f'You close with {kind} — "{_quote(result, "result")}"')
        measure = _best(sig, lambda s: float(bool(_PLANNED.search(s.sentence.text))
                                             and states_a_measure(s.sentence.text)), last_on_ties=True) \
            if plan_answers and not any("You close with" in s for s in strengths) else None
        if measure is not None:
            strengths.append(f'You say how you will know it worked — "{_quote(measure, "measure")}"')
        elif sig.result < 1.0 and len(sig.attached_numbers) >= 3:
            strengths.append(f"You use concrete numbers ({', '.join(sig.attached_numbers[:3])}).")
        if sig.tradeoffs and d.altitude >= 3:
            accepted = "you would accept" if plan_answers and _told_as_plan(sig) else "you chose to accept"
            strengths.append(f"You name a trade-off {accepted}, which is how director judgement sounds.")
        elif d.altitude >= 4:
            terms = ", ".join(most_common(sig.altitude_terms, 3))
            strengths.append(f"You speak at director altitude ({terms}).")
        if sig.reflection and len(strengths) < 3:
            strengths.append("You reflect on what you would do differently, which shows judgement.")
        if sig.word_count <= 160 and b.overall >= 3.5 and len(strengths) < 3:
            carried = "a plan and how you will know it worked" if measure is not None else "situation, action and result"
            strengths.append(f"Concise: {count_of(sig.word_count, 'word')} that {verb_for(sig.word_count, 'carries', 'carry')} {carried}.")
        return strengths[:3]

    def _improvements(
        self, sig: TextSignals, b: ScoreBreakdown, gaps: list[Gap], question: QuestionContext, missing: str | None
    ) -> list[str]:
        tips: list[str] = []
        competency = self._competency(question.competency)
        topic = competency.name.lower() if competency else question.competency.replace("_", " ")
        # A technical question asks what must be true or how a thing works: what a strong answer covers matters
        # more than a story's numbers, and the numbers to ask for are the ones the candidate would hold it to.
        technical = self._judged_as_technical(question)
        for flag in b.red_flags[:1]:
            if flag.certainty == "clear":
                stop = "" if flag.quote.rstrip().endswith((".", "!", "?")) else "."  # the quote's own full stop
                tips.append(f'Red flag — {flag.label.rstrip(".")}: "{flag.quote}"{stop} {flag.explanation}')
            else:
                tips.append(f'Possible red flag — {flag.label.rstrip(".").lower()}: "{flag.quote}" could be heard '
                            f"that way. {flag.explanation} {POSSIBLE_FLAG_ADVICE}")
        capped = any(c.reason == "off_question" for c in b.caps)
        acted_elsewhere = capped and b.relevance.off_question_share < 0.5
        if "off_topic" not in gaps and not capped and b.relevance.off_question_share >= 0.5:
            # Half or more reads as told for another question, but not enough to cap the score (honest answers land
            # here too): say so as something to check, not as a verdict the score then contradicts.
            tips.append(f"Tie this story to the question that was asked ({topic}): parts of it read like a story for "
                        "a different question, so say how what you did bears on this one.")
        elif "off_topic" in gaps or capped:
            kind = self._question_kind(question)
            tips.append(
                (f"Answer the question that was asked; pick one real example about {topic} and tell it from the "
                 "situation to the result." if kind == "story" else
                 "Answer the question that was asked: how you would go about it, step by step, and how you would "
                 "know it worked." if kind == "plan" else
                 "Answer the question that was asked: the pieces you would put in place, how they fit together, and "
                 "the trade-off you would make.")
                + (" What you did in this story answers a different question." if acted_elsewhere
                   else " Most of this answer is a story for a different question." if "off_topic" not in gaps
                   else "")
            )
        if "too_short" in gaps:
            asked = {"story": "Give a full example", "plan": "Give a full answer", "technical": "Give a full answer"}
            then = {"story": "Two sentences of situation, what you decided, and what changed.",
                    "plan": "How you would go about it, step by step, and how you would know it worked.",
                    "technical": "The main pieces, how they fit together, and the trade-off you would make."}
            kind = self._question_kind(question)
            tips.append(f"{asked[kind]}: {count_of(sig.word_count, 'word')} {verb_for(sig.word_count)} not enough to "
                        f"judge. {then[kind]}")
        if b.evasion.reasons and "evasive" in gaps:
            tips.append("This reads as evasive: " + "; ".join(b.evasion.reasons) + ". Tell one real instance: "
                        "what you decided, what you did, and what changed.")
        if "no_own_actions" in gaps:
            we = sig.team_refs
            said = (f'the story is told as "we" or "the team" ({"once" if we == 1 else f"{we} times"})' if we
                    else "there is no action of yours")
            tips.append(f'Say what you personally decided or did: {said}, never "I decided", "I hired" or "I cut".')
        if "no_outcome" in gaps:
            tips.append(
                "Finish with how you will know it worked: the measure, the target and by when."
                if not self._asks_for_a_story(question)
                else "Finish with the outcome: what changed because of your decision, by how much and by when.")
        elif technical and missing:
            tips.append(f"A strong answer would also cover: {missing[0].lower()}{missing[1:]}.")
            missing = None
        elif "no_numbers" in gaps:
            tips.append("Put numbers on it: the thresholds, budgets and sizes you would hold it to." if technical
                        else "Put numbers on it: team size, the before and after metric, cost or time.")
        # Delivery problems (rambling, hedging) get one of the two slots whatever the content gaps: a candidate
        # who buries a story in filler needs to hear it even when the story also lacks an outcome.
        delivery: list[str] = []
        if b.penalties.rambling >= 0.25:
            delivery.append(
                f"Tighten it: {count_of(sig.word_count, 'word')} but few facts a listener could write down. Lead with the "
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
        if b.dimensions.altitude < 2.5 and not {"off_topic", "too_short"} & set(gaps):
            if technical:
                # Ask only for what the answer leaves out: "someone named owns the decision to promote" has its owner.
                asks = [ask for ask, said in (("what it costs", _COST.search(sig.text)),
                                              ("who owns it", _OWNER.search(sig.text)),
                                              ("what trade-off you would accept", sig.tradeoffs)) if not said]
                if asks:
                    joined = asks[0] if len(asks) == 1 else (
                        f"{asks[0]} and {asks[1]}" if len(asks) == 2 else f"{', '.join(asks[:-1])}, and {asks[-1]}")
                    tips.append(f"Lift the altitude: {joined}.")
            else:
                # The same for a story: "I owned the roadmap and the budget of $2M" was asked for its budget and
                # roadmap.
                shaped = [part for part, said in (("people", _PEOPLE_SHAPED.search(sig.text)),
                                                  ("budget", _COST.search(sig.text)),
                                                  ("roadmap", _ROADMAP.search(sig.text))) if not said]
                asks = ([f"how did this shape the org ({', '.join(shaped)})"] if shaped else []) + (
                    [] if sig.tradeoffs else ["what trade-off did you accept"])
                if asks:
                    tips.append(f"Lift the altitude: {', and '.join(asks)}?")
        if sig.instructions:
            tips.insert(0, FLAGGED_TIP)
        if missing and len(tips) < 2:
            tips.append(f"A strong answer would also cover: {missing[0].lower()}{missing[1:]}.")
        if not tips:
            # A plan has nothing to do differently yet, nor has a design: what would change them is their reflection.
            told_as_plan = not self._asks_for_a_story(question) and _told_as_plan(sig)
            kind = "technical" if technical else "plan" if told_as_plan else "story"
            tips.append(_LAST_TIPS[kind][bool(sig.tradeoffs)])
        return tips[:2]

    def _uncovered_point(self, question: QuestionContext, sig: TextSignals, rel: RelevanceBreakdown) -> str | None:
        """The strong-answer point the answer covers least, when it does not cover it: to name in a tip, and for a
        technical answer to ask about next.

        A point counts as covered when the whole answer, or any clause of it, is close to it. The whole answer
        alone dilutes a point made in passing: "promotion gates with a tested rollback" inside a long sentence
        about the registry sat at cosine 0.2 from "Promotion gates and rollback", and at 0.87 as its own clause.
        """
        points = question.strong_answer
        if not points or len(rel.point_similarities) != len(points):
            return None
        coverage = np.asarray(rel.point_similarities, dtype=float)
        if coverage.min() >= self.policy.strong_point_covered:
            return None
        clauses = [c for s in sig.sentences for c in _CLAUSE_SPLIT.split(s.sentence.text)
                   if len(c.split()) >= _MIN_CLAUSE_WORDS]
        if self.embedder is not None and clauses:
            by_clause = np.asarray(self.embedder.embed(clauses)) @ np.vstack(self._cached_vectors(list(points))).T
            coverage = np.maximum(coverage, by_clause.max(axis=0))
        weakest = int(np.argmin(coverage))
        return points[weakest] if coverage[weakest] < self.policy.strong_point_covered else None


# What a technical answer at a director's altitude says besides how the thing works: what it costs, and who owns it.
_COST = re.compile(r"\b(?:costs?|budget|spend|spending|\$|€|£|dollars?|gpu[- ]hours?|compute bill|cheaper|expensive)"
                   r"|[$€£]\d", re.IGNORECASE)
_OWNER = re.compile(r"\b(?:owns?|owned|owner|ownership|accountable|on[- ]call|sign[- ]off|signs off|approves?|decides)\b",
                    re.IGNORECASE)


_PEOPLE_SHAPED = re.compile(r"\b(?:hired|hiring|hires?|headcount|reorg\w*|promoted|promotions?|managers|reports|"
                            r"(?:team|org|organi[sz]ation) of \d+|\d+ (?:engineers|people|scientists))\b", re.IGNORECASE)
_ROADMAP = re.compile(r"\b(?:roadmaps?|priorit\w+|strategy)\b", re.IGNORECASE)


def _told_as_plan(sig: TextSignals) -> bool:
    """The answer says what the candidate would do more than what they did: a plan's tips ask what would change it,
    not what they would do differently next time (a question that does not ask for a story can still get one)."""
    return sig.hypothetical > sig.past_own_actions


def _apply_caps(overall: float, caps: Sequence[Cap]) -> float:
    """The one place where caps bound the score: the lowest applicable limit wins."""
    return min([overall, *(c.limit for c in caps)])


# --- evidence ---------------------------------------------------------------------------------------------------

MAX_QUOTE_WORDS = 28
MAX_FLAG_QUOTE_WORDS = 45
_QUOTE_HEAD = re.compile(r"(?:\S+\s+){" + str(MAX_QUOTE_WORDS - 1) + r"}\S+")


# A step the candidate says they would take: "I'd add an alert", "we will measure", "I'm going to".
_PLANNED = re.compile(r"\b(?:I|we)(?:'d|’d|'ll|’ll| would| will|'m going to| am going to|'re going to| are going to)\b"
                      r"(?! have\b)", re.IGNORECASE)  # not "I would have lost": that is what did not happen


def _best(sig: TextSignals, key: Callable[[SentenceSignals], float], last_on_ties: bool = False
          ) -> SentenceSignals | None:
    """The sentence that shows a signal most; on ties the first, or the last where the story's end is wanted."""
    ranked = sorted(reversed(sig.sentences) if last_on_ties else sig.sentences, key=key, reverse=True)
    return ranked[0] if ranked and key(ranked[0]) > 0 else None


# Clauses a strong point can be made in: after , ; : or before a conjunction ("..., and a serving layer").
_CLAUSE_SPLIT = re.compile(r"[,;:]\s+|\s+(?:and|but|so|while|which)\s+", re.IGNORECASE)
_MIN_CLAUSE_WORDS = 3


def _clause_spans(text: str) -> list[tuple[int, int]]:
    """Where each clause of a sentence is (split after , ; : followed by a space, so "2,000" stays whole)."""
    return [m.span() for m in re.finditer(r"\S.*?(?:[,;:](?=\s)|$)", text, re.S)]


def _clauses_from(text: str, spans: list[tuple[int, int]], first: int) -> str:
    """Clause `first` and the ones after it while the quote stays within `MAX_QUOTE_WORDS`: "I asked for two weeks,
    ran the vendor in an A/B test ... and shared the results" rather than "I asked for two weeks,". Cut from `text`
    by position, so the quote stays verbatim whatever the whitespace."""
    start, end = spans[first]
    for _, b in spans[first + 1:]:
        if len(text[start:b].split()) > MAX_QUOTE_WORDS:
            break
        end = b
    quote = text[start:end].strip().rstrip(",;:")
    head = _QUOTE_HEAD.match(quote)
    return head.group(0) if head else quote


def _flag_quote(hit: FlagHit) -> str:
    """A red flag's quote: the whole sentence up to `MAX_FLAG_QUOTE_WORDS`, since a flag cut mid-clause ("... because
    it would only worry") hides what the candidate is being asked to look at; a longer sentence is quoted from the
    clause that shows the flag (its pattern or cue, else the first)."""
    text = hit.sentence.sentence.text
    if len(text.split()) <= MAX_FLAG_QUOTE_WORDS:
        return text
    d = hit.definition
    spans = _clause_spans(text)
    shows = [any(p.search(text[a:b]) for p in d.patterns) or bool(d.cues and d.cues.search(text[a:b]))
             for a, b in spans]
    return _clauses_from(text, spans, shows.index(True) if any(shows) else 0)


# A question that asks for a mistake, a failure or a conflict ("a technical decision you made that turned out
# wrong", "a hire you regret") ...
_ASKS_FOR_A_FAILURE = re.compile(
    r"\b(?:wrong|mistakes?|fail\w*|worst|regret\w*|went badly|did not go|didn't go|disagree\w*|conflict\w*)\b", re.I)
# ... and an answer that says there was none, in the present ("I don't really make wrong calls") or as a blank
# memory ("I can't think of a decision that was really wrong"). Not "we have not had a failure since": the story
# told, then its lesson.
_DENIES_A_FAILURE = re.compile(
    r"\b(?:I|we) (?:don't|do not|rarely|hardly ever) (?:really |honestly |actually )?(?:make|end up with|have)\b"
    r"[^.]{0,40}?\b(?:wrong|mistakes?|failures?|bad (?:calls?|decisions?|hires?)|regrets?)\b"
    r"(?![^.]*\b(?:since|again|afterwards|after that)\b)"
    r"|\b(?:I|we)(?:'ve| have)? (?:can't|cannot|couldn't|haven't really|have not really)"
    r" (?:think of|recall|remember|point to|name|made|had)\b[^.]{0,40}?\b(?:wrong|mistakes?|failures?"
    r"|bad (?:calls?|decisions?|hires?)|regrets?)\b(?![^.]*\b(?:since|again|afterwards|after that)\b)",
    re.I)


def _denied_premise(sig: TextSignals, question_text: str) -> str | None:
    """The sentence in which the candidate says there was no such case, when the question asks for a mistake, a
    failure or a conflict; None otherwise."""
    if not _ASKS_FOR_A_FAILURE.search(question_text):
        return None
    return next((s.sentence.text for s in sig.sentences if _DENIES_A_FAILURE.search(s.sentence.text)), None)


def _quote(s: SentenceSignals, focus: str = "") -> str:
    """A verbatim quote: the whole sentence, or for a long one from the clause that carries the signal."""
    text = s.sentence.text
    if len(text.split()) <= MAX_QUOTE_WORDS:
        return text
    spans = _clause_spans(text)

    def weight(span: tuple[int, int]) -> float:
        clause = text[span[0]:span[1]]
        if focus == "own":
            return own_actions(clause) + 0.1 * bool(numbers_in(clause))
        if focus == "result":
            return 2 * result_strength(clause) + 0.1 * bool(numbers_in(clause))
        if focus == "measure":
            return float(states_a_measure(clause)) + 0.1 * bool(numbers_in(clause))
        return own_actions(clause) + len(numbers_in(clause)) + 2 * result_strength(clause)

    return _clauses_from(text, spans, max(range(len(spans)), key=lambda i: weight(spans[i])))


def _evidence(sig: TextSignals, gaps: list[Gap], b: ScoreBreakdown) -> list[str]:
    """Up to three short quotes: red flags first, then the sentences carrying the strongest signals, plus a hedge
    when hedging is a gap."""
    quotes: list[str] = [f.quote for f in b.red_flags]
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


def _story_counts(sig: TextSignals) -> StoryCounts:
    """What the answer holds, counted: the evidence every dimension and penalty was computed from."""
    return StoryCounts(
        words=sig.word_count,
        sentences=len(sig.sentences),
        own_actions=sig.own_actions,
        past_own_actions=sig.past_own_actions,
        hypothetical_actions=sig.hypothetical,
        team_references=sig.team_refs,
        numbers=len(sig.numbers),
        attached_numbers=len(sig.attached_numbers),
        named_specifics=len(sig.named),
        situation=sig.situation,
        result=sig.result,
        reflection=sig.reflection,
        tradeoffs=sig.tradeoffs,
        altitude_terms=len(set(sig.altitude_terms)),
        hedges=len(sig.hedges),
        platitudes=len(sig.platitudes),
        repetition=sig.repetition,
        instructions_to_scorer=sig.instructions,
        future_sentences=sum(1 for s in sig.sentences if s.future),
        generic_sentences=sum(1 for s in sig.sentences if s.generic),
    )
