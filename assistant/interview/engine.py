"""The interview turn loop: ask, store the answer, evaluate, then a follow-up or the next question.

Every step is persisted as it happens. A turn row is written when the question is asked, the answer is written
before it is evaluated, and the evaluation after; so a crash, a 429 or a dropped stream at any point leaves a
session that `resume()` continues at the right place with nothing lost.

The same engine runs both engines. Without an LLM the questions come from the plan (bank + resume probe) and
follow-ups from the evaluation's gaps. With an LLM the interviewer may rephrase the planned question, grounded in
retrieved knowledge (kept as citations), and word its follow-ups; any LLM failure falls back to the offline
wording, and an evaluation failure falls back to the offline scorer (flagged). Prompts carry only a rolling
summary and the last turns (`history.py`), so the cost per turn stays flat.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from assistant.errors import CoachError, InputError
from assistant.interview import history
from assistant.interview.models import Evaluation, QuestionContext
from assistant.interview.planner import Searcher, plan_interview
from assistant.interview.report import build_report
from assistant.interview.scoring import FOLLOW_UP_BELOW, GAP_FOLLOW_UPS, SUBSTANTIVE_GAPS, AnswerScorer
from assistant.interview.session import (
    InterviewFocus,
    InterviewSession,
    Mode,
    Plan,
    PlannedQuestion,
    Report,
    Turn,
    TurnResult,
)
from assistant.interview.store import InterviewRepository, new_session_id
from assistant.knowledge.schema import RoleKnowledge
from assistant.limits import check_length
from assistant.llm.errors import LLMError
from assistant.llm.safety import clean_untrusted, new_canary, spotlight
from assistant.llm.usage import approx_tokens
from assistant.resume.models import Resume
from assistant.storage import Database

if TYPE_CHECKING:
    from assistant.llm.client import LLMClient, SystemPrompt
    from assistant.llm.usage import UsageMeter

MAX_FOLLOW_UPS = 2
MAX_GENERATED_QUESTION_CHARS = 700


def needs_follow_up(evaluation: Evaluation) -> bool:
    """Follow up only when the answer lacks substance (see SUBSTANTIVE_GAPS) and has not already landed."""
    return evaluation.score < FOLLOW_UP_BELOW and any(g in SUBSTANTIVE_GAPS for g in evaluation.gaps)


@dataclass
class _TurnClock:
    """Splits a turn's wall time into LLM time and our own work (the 'non-LLM' latency we promise to keep low)."""

    started: float = field(default_factory=time.perf_counter)
    llm_seconds: float = 0.0
    scoring_seconds: float = 0.0
    interviewer_prompt_tokens: int = 0

    def add_llm_seconds(self, seconds: float) -> None:
        """Model time a component measured itself (the LLM evaluator times only its model call)."""
        self.llm_seconds += seconds

    @contextmanager
    def llm_call(self) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.llm_seconds += time.perf_counter() - start

    def timings(self) -> dict[str, float]:
        total = time.perf_counter() - self.started
        return {
            "total_ms": round(total * 1000, 2),
            "llm_ms": round(self.llm_seconds * 1000, 2),
            "non_llm_ms": round((total - self.llm_seconds) * 1000, 2),
            "scoring_ms": round(self.scoring_seconds * 1000, 2),
        }


class InterviewEngine:
    """Runs interviews for one user over a database; holds no per-session state but the system-prompt canary."""

    def __init__(
        self,
        *,
        db: Database,
        knowledge: RoleKnowledge,
        scorer: AnswerScorer,
        store: Searcher | None = None,
        llm: LLMClient | None = None,
        meter: UsageMeter | None = None,
        fallback_scorer: AnswerScorer | None = None,
        max_answer_chars: int = 8000,
        user_id: str = "local",
    ) -> None:
        self.sessions = InterviewRepository(db)
        self.knowledge = knowledge
        self.scorer = scorer
        self.fallback_scorer = fallback_scorer
        self.store = store
        self.llm = llm
        self.meter = meter if meter is not None else getattr(llm, "meter", None)
        self.max_answer_chars = max_answer_chars
        self.user_id = user_id
        self._canaries: dict[str, str] = {}
        # JD text per session, in memory only for question wording: the plan already holds its effect, and a
        # resumed session words questions without it rather than storing a third party's document.
        self._jd: dict[str, str] = {}

    @property
    def engine_kind(self) -> str:
        return "llm" if self.llm is not None else "offline"

    @property
    def budget_notice(self) -> str | None:
        """Once this session's LLM token budget has run out, what the user is told (None until then): the
        interview goes on with bank questions and offline scoring, and says so."""
        if self.meter is None:
            return None
        return self.meter.budget_notice(
            "from here on, questions come from the question bank and answers are scored by the offline coach",
            restart="start a new interview",
        )

    # --- lifecycle ----------------------------------------------------------------------------------------------

    def start(
        self,
        focus: InterviewFocus = "mixed",
        n: int = 6,
        mode: Mode = "practice",
        *,
        resume: Resume | None = None,
        jd: str | None = None,
        resume_ref: str | None = None,
        seed: int | None = None,
        on_question_chunk: Callable[[str], None] | None = None,
        plan: Plan | None = None,
    ) -> InterviewSession:
        """Plan and persist a new session, and ask its first question. A ready `plan` (today's practice from the
        spaced-repetition schedule) is used as given instead of planning one."""
        if mode not in ("practice", "realistic"):
            raise InputError(f"Unknown mode {mode!r}; choose practice or realistic.")
        if plan is not None and not plan.questions:
            raise InputError("The practice plan has no questions.", code="invalid_input")
        plan = plan or plan_interview(
            self.knowledge,
            n=n,
            focus=focus,
            recent_question_ids=self.sessions.recent_question_ids(self.user_id),
            resume=resume,
            job_description=clean_untrusted(jd) if jd else None,
            store=self.store,
            seed=seed,
        )
        session = InterviewSession(
            id=new_session_id(),
            user_id=self.user_id,
            role=self.knowledge.role,
            focus=focus,
            length=len(plan.questions),
            mode=mode,
            engine=self.engine_kind,
            plan=plan,
            resume_ref=resume_ref,
        )
        self.sessions.create_session(session)
        self._jd[session.id] = clean_untrusted(jd) if jd else ""
        self._prepare_scorers(session)
        clock = _TurnClock()
        self._ask_main(session, 0, clock, on_question_chunk)
        return session

    def resume(self, session_id: str) -> InterviewSession:
        """Reload a session (after a crash, in a new process) and complete a turn whose evaluation was lost."""
        session = self.sessions.get_session(session_id, user_id=self.user_id)  # never another user's session
        if session.status == "active":
            self._prepare_scorers(session)
        pending = session.pending_turn
        if session.status == "active" and pending is not None and pending.answered:
            self._evaluate_and_continue(session, pending, _TurnClock(), None)
        elif session.status == "active" and not session.turns:
            self._ask_main(session, 0, _TurnClock(), None)
        return session

    def current_question(self, session: InterviewSession) -> Turn | None:
        """The turn waiting for the candidate's answer, or None when the interview has no question left."""
        pending = session.pending_turn
        return pending if pending is not None and not pending.answered else None

    def submit_answer(
        self,
        session: InterviewSession,
        text: str,
        *,
        on_question_chunk: Callable[[str], None] | None = None,
    ) -> TurnResult:
        """Store the answer, evaluate it, and ask a follow-up or the next question."""
        if session.status != "active":
            raise InputError("This interview is over; start a new one.", code="invalid_input")
        turn = self.current_question(session)
        if turn is None:
            raise InputError("There is no open question in this interview.", code="invalid_input")
        check_length(text, limit=self.max_answer_chars, what="answer", variable="MAX_ANSWER_CHARS")
        answer = clean_untrusted(text).strip()
        if not answer:
            raise InputError("The answer is empty; type an answer (or say you would pass).", code="invalid_input")
        clock = _TurnClock()
        self.sessions.record_answer(session.id, turn.index, answer)  # before evaluation: never lose what they wrote
        turn.answer = answer
        return self._evaluate_and_continue(session, turn, clock, on_question_chunk)

    def report(self, session: InterviewSession) -> Report:
        """The report of the answered questions so far (the session stays as it is)."""
        return build_report(session, self.knowledge, store=self.store, llm=self.llm)

    def finish(self, session: InterviewSession) -> Report:
        """Close the session (also when cut short) and build its report; totals feed the history page."""
        report = self.report(session)
        totals = dict(session.totals)
        totals.update({"answered": float(report.answered_questions), "planned": float(report.planned_questions)})
        if report.overall is not None:
            totals["overall"] = report.overall
        for c in report.competencies:
            totals[f"competency:{c.competency}"] = c.score
        if self.meter is not None:
            totals["prompt_tokens"] = float(self.meter.prompt_tokens)
            totals["completion_tokens"] = float(self.meter.completion_tokens)
        session.totals = totals
        session.status = "finished"
        self.sessions.finish_session(session.id, totals)
        return report

    # --- the turn ----------------------------------------------------------------------------------------------

    def _evaluate_and_continue(
        self,
        session: InterviewSession,
        turn: Turn,
        clock: _TurnClock,
        on_question_chunk: Callable[[str], None] | None,
    ) -> TurnResult:
        planned = session.plan.questions[turn.question_index]
        meter_before = self._meter_totals()
        scoring_started = time.perf_counter()
        evaluation = self._evaluate(planned.context(turn.question), turn.answer or "", clock)
        clock.scoring_seconds = time.perf_counter() - scoring_started
        turn.evaluation = evaluation

        follow_up: str | None = None
        next_question: str | None = None
        if needs_follow_up(evaluation) and session.follow_ups_for(turn.question_index) < MAX_FOLLOW_UPS:
            follow_up = self._follow_up_text(session, planned, turn, evaluation, clock)
        next_index = turn.question_index + 1

        # The summary is updated before the next prompt is built, so that prompt sees the new window.
        if self.llm is not None:
            with clock.llm_call():
                _, changed = history.update_summary(session, llm=self.llm)
        else:
            _, changed = history.update_summary(session)

        new_turn: Turn | None = None
        if follow_up is not None:
            new_turn = Turn(
                index=turn.index + 1,
                question_index=turn.question_index,
                kind="follow_up",
                question=follow_up,
                competency=turn.competency,
                citations=turn.citations,
            )
            if on_question_chunk is not None:
                on_question_chunk(follow_up)
        elif next_index < len(session.plan.questions):
            new_turn = self._main_turn(session, next_index, turn.index + 1, clock, on_question_chunk)
            next_question = new_turn.question

        tokens = self._turn_tokens(meter_before, clock)
        turn.timings, turn.tokens = clock.timings(), tokens
        self.sessions.record_evaluation(session.id, turn.index, evaluation, timings=turn.timings, tokens=tokens)
        if changed:
            self.sessions.update_session(session.id, totals=session.totals, history_summary=session.history_summary)
        if new_turn is not None:
            self.sessions.save_turn(session.id, new_turn)
            session.turns.append(new_turn)
        return TurnResult(
            turn=turn,
            evaluation=evaluation,
            follow_up=follow_up,
            next_question=next_question,
            finished=new_turn is None,
        )

    def _prepare_scorers(self, session: InterviewSession) -> None:
        """Let the scorers embed the planned questions' texts now (`AnswerScorer.prepare`), in one batch, so each
        turn embeds only the answer. The user waits for this once, at start, not on every turn."""
        questions = [planned.context() for planned in session.plan.questions]
        prepared: list[int] = []
        for scorer in (self.scorer, self.fallback_scorer):
            if scorer is None or id(scorer) in prepared:
                continue
            scorer.prepare(questions)
            prepared.append(id(scorer))

    def _evaluate(self, question: QuestionContext, answer: str, clock: _TurnClock) -> Evaluation:
        """The configured scorer; if it fails with an LLM error, the offline scorer, flagged as a fallback.

        A scorer that reports its own model time (`AnswerScorer.evaluate_timed`, the LLM evaluator) is charged only
        that as LLM time: its offline pre-score and validation are our work. A scorer that does not measure it
        (returns None) is charged in full when an LLM is configured.
        """
        try:
            if self.llm is None:
                return self.scorer.evaluate(question, answer)
            started = time.perf_counter()
            evaluation, model_seconds = self.scorer.evaluate_timed(question, answer)
            clock.add_llm_seconds(model_seconds if model_seconds is not None else time.perf_counter() - started)
            return evaluation
        except LLMError:
            if self.fallback_scorer is None:
                raise
            evaluation = self.fallback_scorer.evaluate(question, answer)
            return evaluation.model_copy(update={"fallback": True, "engine": "offline"})

    def _ask_main(
        self,
        session: InterviewSession,
        question_index: int,
        clock: _TurnClock,
        on_question_chunk: Callable[[str], None] | None,
    ) -> Turn:
        turn = self._main_turn(session, question_index, len(session.turns), clock, on_question_chunk)
        self.sessions.save_turn(session.id, turn)
        session.turns.append(turn)
        return turn

    def _main_turn(
        self,
        session: InterviewSession,
        question_index: int,
        turn_index: int,
        clock: _TurnClock,
        on_question_chunk: Callable[[str], None] | None,
    ) -> Turn:
        planned = session.plan.questions[question_index]
        text = planned.text
        if self.llm is not None:
            generated = self._generate_question(session, planned, clock, on_question_chunk)
            text = generated or text
            if not generated and on_question_chunk is not None:
                on_question_chunk(text)
        elif on_question_chunk is not None:
            on_question_chunk(text)
        return Turn(
            index=turn_index,
            question_index=question_index,
            kind="question",
            question=text,
            competency=planned.competency,
            citations=planned.citations,
        )

    # --- LLM wording ------------------------------------------------------------------------------------------

    def _system_prompt(self, session: InterviewSession) -> SystemPrompt:
        """The interviewer's system prompt (name and variables), with this session's canary."""
        canary = self._canaries.get(session.id)
        if canary is None:
            # The client is per session: it withholds any reply carrying this canary (PromptLeakBlocked).
            canary = getattr(self.llm, "canary", None) or new_canary()
            if self.llm is not None and hasattr(self.llm, "canary"):
                self.llm.canary = canary
            self._canaries[session.id] = canary
        return (
            "interviewer_system",
            {
                "role_title": self.knowledge.profile.title,
                "role_summary": self.knowledge.profile.summary,
                "canary": canary,
            },
        )

    def _knowledge_text(self, planned: PlannedQuestion, query: str) -> str:
        """Retrieved chunks for the prompt (the same store that produced the citations), else the rubric."""
        if self.store is not None:
            try:
                hits = self.store.search(query, k=3)
            except CoachError:
                hits = []
            if hits:
                return "\n\n".join(f"[{getattr(h, 'citation', h.id)}]\n{h.text}" for h in hits)
        competency = self.knowledge.competency(planned.competency)
        points = "\n".join(f"- {p}" for p in planned.strong_answer)
        return f"{competency.name}: {competency.description}\nA strong answer covers:\n{points}"

    def _call_llm(
        self,
        session: InterviewSession,
        prompt: str,
        variables: dict[str, object],
        clock: _TurnClock,
        on_chunk: Callable[[str], None] | None,
    ) -> str | None:
        """System prompt + rolling history window + the task prompt; None on any LLM failure (caller falls back)."""
        assert self.llm is not None
        window = history.window(session).render()
        try:
            # Inside the try: an unusable prompt file (PromptUnusable is an LLMError) falls back like a failed call.
            system = self._system_prompt(session)
            call = self.llm.bind(prompt, variables, system=system, context=window)
            clock.interviewer_prompt_tokens += sum(approx_tokens(str(m.content)) for m in call.messages)
            with clock.llm_call():
                if on_chunk is None:
                    text = self.llm.text(prompt, variables, system=system, context=window)
                else:
                    parts: list[str] = []
                    for chunk in self.llm.stream(prompt, variables, system=system, context=window):
                        parts.append(chunk)
                        on_chunk(chunk)
                    text = "".join(parts)
        except LLMError:
            return None
        text = " ".join(text.split()).strip().strip('"').strip()
        canary = self._canaries.get(session.id)
        if not text or len(text) > MAX_GENERATED_QUESTION_CHARS or (canary and canary in text):
            return None
        return text

    def _generate_question(
        self,
        session: InterviewSession,
        planned: PlannedQuestion,
        clock: _TurnClock,
        on_chunk: Callable[[str], None] | None,
    ) -> str | None:
        competency = self.knowledge.competency(planned.competency)
        asked = [t.question for t in session.turns if t.kind == "question"][-6:]
        jd = self._jd.get(session.id)
        variables: dict[str, object] = {
            "competency": competency.name,
            "competency_description": competency.description,
            "knowledge": self._knowledge_text(planned, planned.resume_claim or planned.text),
            "bank_question": planned.text,
            "resume_claim": spotlight(planned.resume_claim, "resume_claim") if planned.resume_claim else "(none)",
            "job_description": spotlight(jd[:3000], "job_description") if jd else "(none)",
            "asked_before": "\n".join(f"- {q}" for q in asked) or "(none)",
        }
        return self._call_llm(session, "question_generation", variables, clock, on_chunk)

    def _follow_up_text(
        self,
        session: InterviewSession,
        planned: PlannedQuestion,
        turn: Turn,
        evaluation: Evaluation,
        clock: _TurnClock,
    ) -> str:
        asked = {t.question for t in session.turns if t.question_index == turn.question_index}
        offline = _offline_follow_up(planned, evaluation, asked)
        if self.llm is None:
            return offline
        variables: dict[str, object] = {
            "question": turn.question,
            "answer": spotlight(turn.answer or "", "candidate_answer"),
            "gaps": ", ".join(g for g in evaluation.gaps if g in SUBSTANTIVE_GAPS),
            "knowledge": self._knowledge_text(planned, turn.question),
        }
        generated = self._call_llm(session, "follow_up", variables, clock, None)
        return generated if generated and generated not in asked else offline

    # --- accounting -------------------------------------------------------------------------------------------

    def _meter_totals(self) -> tuple[int, int]:
        if self.meter is None:
            return (0, 0)
        return (self.meter.prompt_tokens, self.meter.completion_tokens)

    def _turn_tokens(self, before: tuple[int, int], clock: _TurnClock) -> dict[str, int]:
        prompt, completion = self._meter_totals()
        return {
            "interviewer_prompt": clock.interviewer_prompt_tokens,
            "prompt": prompt - before[0],
            "completion": completion - before[1],
        }


def _offline_follow_up(planned: PlannedQuestion, evaluation: Evaluation, asked: set[str]) -> str:
    """The scorer's own follow-up, else one aimed at the first substantive gap, else a bank follow-up; never a
    question already asked about this main question."""
    candidates: list[str] = []
    if evaluation.follow_up:
        candidates.append(evaluation.follow_up)
    candidates += [GAP_FOLLOW_UPS[g] for g in SUBSTANTIVE_GAPS if g in evaluation.gaps]
    candidates += planned.follow_ups
    candidates += list(GAP_FOLLOW_UPS.values())
    for text in candidates:
        if text not in asked:
            return text
    return candidates[0]
