"""The LLM answer evaluator, and the sanity check every LLM verdict passes before anyone sees it.

A real small model (SmolLM2 through llama.cpp's grammar) returned schema-valid verdicts that were nonsense: 5/5
overall with every dimension at 1, and 5/5 for "I think hiring is important and I try to hire good people." A
schema cannot catch that, so `check_verdict` does, in one place:

- the overall score must agree with the model's own dimension scores (within `OVERALL_TOLERANCE`);
- the evidence must exist: quotes are matched against the answer, and a verdict that quotes nothing it was given
  is not evidence-backed;
- the score must agree with the offline scorer (`OfflineScorer`, called through its public `evaluate`) within
  `AGREEMENT_TOLERANCE`: the offline coach is the calibrated reference (Spearman ~0.9 on the labelled answers);
- caps: callers pass `ScoreCap`s (the injection check caps answers flagged as attempts to steer the grader);
- red flags: the offline coach's red flags are sent to the model, quoted. A verdict above the red-flag ceiling
  (`RED_FLAG_CEILING`) must address every one of them (`red_flags_addressed`, each line starting with the flag's
  quote); a flag it passes over keeps the score at the ceiling. The model is the better judge of a judgment call,
  so it may overrule the offline coach, but only by engaging with what the candidate actually said;
- red flags the offline coach missed: it reads one sentence at a time and misses many told indirectly (issue #17),
  so the model is also shown every red flag the role judges director answers on and may report one it sees
  (`red_flags_found`). Such a flag counts when its id is one of the role's, its quote is the candidate's own words
  (`MIN_FOUND_QUOTE_WORDS` or more, matched like evidence) and the model acted on it by scoring at most the
  ceiling; then, and only then, the verdict may sit further below the offline coach than the agreement tolerance
  (a missed red flag is exactly where the offline score is too high), and the flag is shown with its quote like
  the offline ones. A flag the model reports while scoring above the ceiling is ignored: a model that does not act
  on its own finding is not trusted with it (a small model fills every field it is given).

So the one-line non-answer "I think hiring is important ..." (offline 1-2/5) can never be shown at 4 or 5: the
model's 5 disagrees with the reference by more than the tolerance and is not used.

A verdict that fails is not shown as the model's: the offline evaluation is returned instead, flagged
(`fallback=True`, `flag` = the reason). A verdict that passes but exceeds a cap is lowered to it, flagged.
"""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from assistant.interview.models import Dimensions, Evaluation, Gap, QuestionContext, RedFlag
from assistant.interview.policy import DEFAULT_POLICY
from assistant.interview.scoring import ALL_GAPS, OfflineScorer, cap_flagged, rubric_text, verbatim_quotes

if TYPE_CHECKING:
    from assistant.knowledge.schema import RedFlagDefinition, RoleKnowledge
    from assistant.llm.client import LLMClient

log = logging.getLogger(__name__)

PROMPT = "answer_evaluation"
OVERALL_TOLERANCE = 1.0  # |overall - mean of the verdict's own dimensions|
AGREEMENT_TOLERANCE = 1  # |LLM overall - offline overall|, in whole points
RED_FLAG_CEILING = int(DEFAULT_POLICY.red_flag_cap)  # the most a verdict scores without addressing the red flags
MIN_FOUND_QUOTE_WORDS = 5  # a red flag the model reports must quote a clause, not a word ("I", "legal")


def _bounded(items: int, chars: int) -> dict[str, Any]:
    """Size limits written into the JSON schema only. A server that turns the schema into a grammar (llama.cpp)
    then cannot ramble until max_tokens (SmolLM2 did: 900 tokens of evidence, cut off); a model that ignores them
    is not rejected for it: `check_verdict` keeps the first few items."""
    return {"maxItems": items, "items": {"type": "string", "maxLength": chars}}


class FoundRedFlag(BaseModel):
    """A red flag the model sees in the answer that the offline coach did not list."""

    id: str = Field(description="The red flag's id, from the list of red flags every answer is judged on.",
                    json_schema_extra={"maxLength": 40})
    quote: str = Field(description="The candidate's words that show it, copied exactly (a whole clause).",
                       json_schema_extra={"maxLength": 300})
    why: str = Field(default="", description="Why those words show that red flag.", json_schema_extra={"maxLength": 240})


class LLMAnswerEvaluation(BaseModel):
    """What the model is asked to return for one answer (validated by the client's schema, then `check_verdict`).

    Evidence comes first and the overall score last, so a model generating in field order quotes and scores the
    dimensions before it commits to a verdict.
    """

    evidence: list[str] = Field(
        default_factory=list, description="Short verbatim quotes from the answer.", json_schema_extra=_bounded(3, 200)
    )
    dimensions: Dimensions  # the same rubric dimensions (and descriptions) the offline coach reports
    strengths: list[str] = Field(default_factory=list, json_schema_extra=_bounded(3, 200))
    improvements: list[str] = Field(
        default_factory=list, description="One or two concrete improvements.", json_schema_extra=_bounded(2, 240)
    )
    gaps: list[str] = Field(
        default_factory=list, description="Labels from the allowed gap list.", json_schema_extra=_bounded(4, 24)
    )
    follow_up: str | None = Field(
        None, description="One short follow-up question, or null.", json_schema_extra={"maxLength": 240}
    )
    red_flags_addressed: list[str] = Field(
        default_factory=list,
        description='One line per listed red flag: its quote in double quotes, then whether it really shows the '
        "red flag and why. Empty when none were listed.",
        json_schema_extra=_bounded(4, 320),
    )
    red_flags_found: list[FoundRedFlag] = Field(
        default_factory=list,
        description="Red flags from the judged-on list that the answer shows and the offline coach did not list, "
        "each with the candidate's exact words. Usually empty.",
        json_schema_extra={"maxItems": 2},
    )
    score: int = Field(ge=1, le=5, description="Overall score on the competency, 1-5.")


@dataclass(frozen=True)
class ScoreCap:
    """The most a verdict may score, and why (shown to the user when it applies)."""

    max_score: int
    reason: str


@dataclass(frozen=True)
class VerdictCheck:
    """The outcome of `check_verdict`: what is shown, whether it is the model's, and what was found."""

    evaluation: Evaluation
    accepted: bool  # the model's verdict is shown (possibly capped)
    reasons: tuple[str, ...] = ()  # why it was rejected or capped
    quotes_offered: int = 0
    quotes_valid: int = 0
    model_score: int | None = None  # what the model said, before any check (for `assistant eval`)


def _normalised(text: str) -> str:
    return " ".join(text.translate(_STRAIGHT).lower().split())


_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def unaddressed_red_flags(flags: Sequence[RedFlag], addressed: Sequence[str]) -> list[RedFlag]:
    """The offline red flags no line of the model's `red_flags_addressed` engages with.

    A line addresses a flag when it quotes it: the flag's quote, or (for a long quote, which models shorten) its
    first eight words, appear in the line, ignoring case, whitespace and curly quotation marks. Naming the flag's
    label is not enough: the point is that the model looked at what the candidate said.
    """
    lines = [_normalised(a) for a in addressed if a.strip()]
    missing = []
    for flag in flags:
        quote = _normalised(flag.quote).strip(' ."')
        head = " ".join(quote.split()[:8])
        if not any(quote in line or head in line for line in lines):
            missing.append(flag)
    return missing


def _format_red_flags(flags: Sequence[RedFlag]) -> str:
    """The offline red flags as the prompt shows them (quotes are the candidate's words: the caller fences them)."""
    return "\n".join(f'- {"(possible) " if f.certainty == "possible" else ""}{f.label}: "{f.quote}" ({f.explanation})'
                     for f in flags)


def _director_flags_text(definitions: Sequence[RedFlagDefinition]) -> str:
    """The red flags every answer for the role is judged on, as the prompt lists them: id and label only (the labels
    say what each is; the explanations would add ~700 tokens to every evaluation)."""
    return "\n".join(f"- {d.id}: {d.label}" for d in definitions)


def _flags_the_model_found(reply: LLMAnswerEvaluation, answer: str, offline: Evaluation,
                          known: Mapping[str, RedFlagDefinition]) -> tuple[list[RedFlag], list[str]]:
    """The model's own red flags that count (see the module docstring), as flags to show and review lines."""
    if reply.score > RED_FLAG_CEILING:
        return [], []
    listed = {f.id for f in offline.red_flags}
    flags: list[RedFlag] = []
    review: list[str] = []
    for found in reply.red_flags_found[:2]:
        definition = known.get(found.id.strip())
        quoted = verbatim_quotes([found.quote], answer)
        if definition is None or definition.id in listed or not quoted:
            continue
        if len(quoted[0].split()) < MIN_FOUND_QUOTE_WORDS:
            continue
        listed.add(definition.id)
        flags.append(RedFlag(id=definition.id, label=definition.label, quote=quoted[0],
                             explanation=definition.explanation, source="director", detected_by="llm"))
        why = found.why.strip()
        review.append(f'Found by the LLM: "{quoted[0]}" shows {definition.label.lower()}' + (f": {why}" if why else "."))
    return flags, review


def check_verdict(
    reply: LLMAnswerEvaluation,
    answer: str,
    offline: Evaluation,
    *,
    competency: str,
    caps: Sequence[ScoreCap] = (),
    known_flags: Mapping[str, RedFlagDefinition] | None = None,
) -> VerdictCheck:
    """Decide whether an LLM verdict may be shown as the model's (see the module docstring for the rules).

    `known_flags`: the role's director-wide red flags by id, the ones the model may report itself
    (`red_flags_found`); without them, whatever it reports there is ignored."""
    dims = list(reply.dimensions.model_dump().values())
    missing = unaddressed_red_flags(offline.red_flags, reply.red_flags_addressed)
    found, found_review = _flags_the_model_found(reply, answer, offline, known_flags or {})
    reference = offline.score
    if offline.red_flags and "overall_without_red_flags" in offline.signals:
        # The red flags are settled below (addressed, or the score stays at their ceiling); agreement is about the
        # rest of the answer, so it is judged against the offline score without the flag cap.
        reference = int(min(5, max(1, offline.signals["overall_without_red_flags"] + 0.5)))
    offered = [q for q in reply.evidence if q.strip()][:3]
    quotes = verbatim_quotes(offered, answer)
    reasons: list[str] = []
    if not all(isinstance(s, int) and 1 <= s <= 5 for s in [reply.score, *dims]):  # the schema says so; not assumed
        reasons.append("a score outside 1-5")
    else:
        mean = statistics.fmean(dims)
        if abs(reply.score - mean) > OVERALL_TOLERANCE:
            reasons.append(f"its overall {reply.score}/5 contradicts its own dimension scores (mean {mean:.1f})")
        # A red flag the model quoted and acted on lets it score below the offline coach, which missed it.
        below_for_a_flag = bool(found) and reply.score < reference
        if abs(reply.score - reference) > AGREEMENT_TOLERANCE and not below_for_a_flag:
            reasons.append(
                f"its {reply.score}/5 is more than {AGREEMENT_TOLERANCE} point from the offline coach's "
                f"{reference}/5" + (" (before its red-flag cap)" if reference != offline.score else "")
            )
    if not quotes:
        reasons.append(
            f"none of its {len(offered)} quotes occur in the answer" if offered else "it quoted no evidence"
        )
    if reasons:
        why = "The LLM's verdict was not used (" + "; ".join(reasons) + "); the offline coach scored this answer."
        shown = offline.model_copy(update={"fallback": True, "engine": "offline", "flag": why})
        return VerdictCheck(shown, False, tuple(reasons), len(offered), len(quotes), reply.score)

    score = reply.score
    caps = list(caps)
    if missing:
        quoted = "; ".join(f'"{f.quote}"' for f in missing)
        caps.append(ScoreCap(RED_FLAG_CEILING, f"it did not address the red flag the offline coach quoted ({quoted})"))
    applied = [c for c in caps if score > c.max_score]
    if applied:
        score = min(c.max_score for c in applied)
    flag = None
    if applied:
        flag = f"The LLM gave {reply.score}/5; capped at {score}/5 because " + "; ".join(c.reason for c in applied) + "."
    gaps: list[Gap] = [g for g in dict.fromkeys([*reply.gaps, *(["red_flag"] if found else [])]) if g in ALL_GAPS]
    review = [a.strip() for a in reply.red_flags_addressed if a.strip()][:4] if offline.red_flags else []
    shown = Evaluation(
        score=score,
        competency=competency,
        dimensions=reply.dimensions,
        evidence=quotes,
        strengths=[s.strip() for s in reply.strengths if s.strip()][:3],
        improvements=[s.strip() for s in reply.improvements if s.strip()][:2],
        gaps=gaps,
        follow_up=(reply.follow_up or "").strip() or None,
        engine="llm",
        fallback=False,
        flag=flag,
        signals=offline.signals,
        red_flags=[*offline.red_flags, *found],  # the offline flags travel with the result (quoted, explained)
        red_flag_review=review + found_review,
    )
    return VerdictCheck(shown, True, tuple(c.reason for c in applied), len(offered), len(quotes), reply.score)


def _format_knowledge(hits: Sequence[Any]) -> str:
    lines = []
    for hit in hits:
        if isinstance(hit, str):
            lines.append(f"- {hit}")
        else:
            citation = getattr(hit, "citation", "") or ""
            text = getattr(hit, "text", str(hit))
            lines.append(f"- [{citation}] {text}" if citation else f"- {text}")
    return "\n".join(lines) or "(none)"


@dataclass
class EvaluatorOutcome:
    """One evaluation with what `assistant eval` measures about it."""

    evaluation: Evaluation
    check: VerdictCheck | None  # None when the model call itself failed
    model_seconds: float = 0.0
    error: str | None = None  # the LLMError code when the call failed
    extra: dict[str, Any] = field(default_factory=dict)


class LLMEvaluator:
    """Scores with the LLM (prompt `answer_evaluation`), never trusting its output blindly.

    Every answer is scored offline first (the reference and the fallback). The answer is cleaned and spotlighted
    before it meets the prompt; the reply is validated by the client's schema, then by `check_verdict`. Any
    `LLMError` (including `StructuredOutputError` after the client's repair attempt) returns the offline
    evaluation with `fallback=True`, so an invalid score is never presented as valid.
    """

    PROMPT = PROMPT

    def __init__(
        self,
        client: LLMClient,
        knowledge: RoleKnowledge,
        fallback: OfflineScorer,
        retrieve: Callable[[str], Sequence[Any]] | None = None,
        caps: Callable[[QuestionContext, str], Sequence[ScoreCap]] | None = None,
    ) -> None:
        self.client = client
        self.knowledge = knowledge
        self.fallback = fallback
        self.retrieve = retrieve
        self.caps = caps

    def variables(
        self, question: QuestionContext, answer: str, offline: Evaluation | None = None
    ) -> dict[str, object]:
        """The prompt's variables for one answer (the answer spotlighted as data), with the offline coach's red
        flags when its evaluation is given (`messages` and `evaluate_detailed` score offline first to get them)."""
        from assistant.llm.safety import spotlight

        competency = next((c for c in self.knowledge.rubric.competencies if c.id == question.competency), None)
        knowledge = "(none)"
        if self.retrieve is not None:
            try:
                knowledge = _format_knowledge(self.retrieve(question.text))
            except Exception:  # retrieval is grounding, not a requirement: score without it
                log.warning("knowledge retrieval failed for answer evaluation", exc_info=True)
        return {
            "question": question.text,
            "competency": f"{competency.name} ({competency.id})" if competency else question.competency,
            "rubric": rubric_text(competency) if competency else "(no rubric entry for this competency)",
            "strong_answer": "\n".join(f"- {p}" for p in question.strong_answer) or "(not specified)",
            "knowledge": knowledge,
            "answer": spotlight(answer, "candidate_answer"),
            "red_flags": self._red_flags_text(offline),
        }

    def _red_flags_text(self, offline: Evaluation | None) -> str:
        """The offline coach's red flags (or "(none found)"), then the role's list the model judges the answer on."""
        from assistant.llm.safety import spotlight

        if offline is None or not offline.red_flags:
            found = "(none found)"
        else:  # the quotes are the candidate's words: fenced as data like the answer itself
            found = spotlight(_format_red_flags(offline.red_flags), "offline_red_flags")
        judged_on = self.knowledge.signals.red_flags
        if not judged_on:
            return found
        return (f"{found}\n\nRed flags every answer for this role is judged on, whether or not the offline coach found "
                f"them (it reads one sentence at a time and misses many told indirectly):\n"
                f"{_director_flags_text(judged_on)}")

    def messages(self, question: QuestionContext, answer: str) -> list[Any]:
        """The exact messages sent to the model (public so tests and the prompt preview can show them)."""
        offline = self.fallback.evaluate(question, answer)
        return self.client.bind(self.PROMPT, self.variables(question, answer, offline)).messages

    def prepare(self, questions: Sequence[QuestionContext]) -> None:
        """Warm the offline pre-score (every answer is scored offline first; see `OfflineScorer.prepare`)."""
        self.fallback.prepare(questions)

    def evaluate(self, question: QuestionContext, answer: str) -> Evaluation:
        return self.evaluate_detailed(question, answer).evaluation

    def evaluate_timed(self, question: QuestionContext, answer: str) -> tuple[Evaluation, float]:
        """`evaluate`, plus the seconds spent waiting for the model, so a caller can report the rest (offline
        pre-score, retrieval, validation) as its own work rather than as LLM latency."""
        outcome = self.evaluate_detailed(question, answer)
        return outcome.evaluation, outcome.model_seconds

    def evaluate_detailed(self, question: QuestionContext, answer: str) -> EvaluatorOutcome:
        from assistant.llm.errors import LLMError
        from assistant.llm.safety import clean_untrusted

        offline = self.fallback.evaluate(question, answer)  # raises InputError on an empty answer, before any call
        cleaned = clean_untrusted(answer)
        model_seconds = 0.0
        try:
            variables = self.variables(question, cleaned, offline)
            started = time.perf_counter()
            try:
                reply = self.client.structured(self.PROMPT, variables, LLMAnswerEvaluation)
            finally:
                model_seconds = time.perf_counter() - started
        except LLMError as exc:
            log.warning("LLM evaluation failed (%s); the offline coach scored this answer", exc.code)
            flag = f"The LLM could not score this answer ({exc.message}); the offline coach scored this answer."
            shown = offline.model_copy(update={"fallback": True, "engine": "offline", "flag": flag})
            return EvaluatorOutcome(shown, None, model_seconds, error=exc.code)
        caps = list(self.caps(question, cleaned)) if self.caps is not None else []
        check = check_verdict(reply, cleaned, offline, competency=question.competency, caps=caps,
                              known_flags={d.id: d for d in self.knowledge.signals.red_flags})
        if not check.accepted:
            log.info("LLM verdict rejected: %s", "; ".join(check.reasons))
            return EvaluatorOutcome(check.evaluation, check, model_seconds)
        # An answer the offline scorer flagged (text addressed to the grader) is held to its ceiling.
        return EvaluatorOutcome(cap_flagged(check.evaluation, offline), check, model_seconds)
