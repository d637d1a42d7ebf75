"""The offline turn loop: follow-ups only on vague answers (at most two), crash-safe persistence, fallbacks,
and a report built from the knowledge base."""

from __future__ import annotations

import time
from collections.abc import Callable
from statistics import mean

import pytest

from assistant.errors import InputError
from assistant.interview.engine import InterviewEngine
from assistant.interview.llm_evaluator import LLMEvaluator
from assistant.interview.models import Evaluation, QuestionContext
from assistant.interview.report import to_markdown
from assistant.interview.scoring import AnswerScorer, OfflineScorer
from assistant.knowledge.schema import RoleKnowledge
from assistant.llm.client import LLMClient
from assistant.llm.errors import LLMUnavailable
from assistant.llm.fakes import FakeChatModel
from assistant.llm.usage import UsageMeter
from assistant.resume.models import Resume
from assistant.storage import Database
from tests.support.interview_fixtures import STRONG_ANSWER, VAGUE_ANSWER, RuleScorer


def test_vague_answer_gets_a_follow_up_and_a_strong_one_does_not(make_engine: Callable[..., InterviewEngine]) -> None:
    engine = make_engine()
    session = engine.start("mixed", 3, seed=4)
    first = engine.current_question(session)

    vague = engine.submit_answer(session, VAGUE_ANSWER)
    assert vague.follow_up is not None and vague.next_question is None
    assert {"no_own_actions", "no_numbers"} <= set(vague.evaluation.gaps)
    follow_up_turn = engine.current_question(session)
    assert follow_up_turn.kind == "follow_up" and follow_up_turn.question_index == first.question_index

    strong = engine.submit_answer(session, STRONG_ANSWER)
    assert strong.evaluation.score >= 4
    assert strong.follow_up is None
    assert strong.next_question == session.plan.questions[1].text


def test_at_most_two_follow_ups_per_question(make_engine: Callable[..., InterviewEngine]) -> None:
    engine = make_engine()
    session = engine.start("mixed", 2, seed=4)
    results = [engine.submit_answer(session, VAGUE_ANSWER) for _ in range(3)]
    assert [r.follow_up is not None for r in results] == [True, True, False]
    assert results[2].next_question == session.plan.questions[1].text
    asked = [t.question for t in session.turns if t.question_index == 0]
    assert len(asked) == len(set(asked)) == 3  # the two follow-ups differ from the question and each other


def test_full_interview_finishes_with_a_grounded_report(make_engine: Callable[..., InterviewEngine]) -> None:
    engine = make_engine()
    session = engine.start("mixed", 6, seed=9)
    steps = 0
    while engine.current_question(session) is not None:
        answer = STRONG_ANSWER if steps % 2 == 0 else VAGUE_ANSWER
        result = engine.submit_answer(session, answer)
        steps += 1
        if result.finished:
            break
    report = engine.finish(session)

    assert report.finished and report.answered_questions == 6 and report.overall is not None
    assert len(report.questions) == 6 and all(q.strong_answer_outline for q in report.questions)
    for q, planned in zip(report.questions, session.plan.questions, strict=True):
        assert planned.strong_answer[0] in q.strong_answer_outline  # outline comes from the bank...
        assert not any("42 days" in point for point in q.strong_answer_outline)  # ...not from the candidate
    assert any("numbers" in g for g in report.gaps) and report.next_steps
    markdown = to_markdown(report)
    assert "Overall:" in markdown and "A strong answer covers:" in markdown
    stored = engine.sessions.get_session(session.id)
    assert stored.status == "finished" and stored.totals["overall"] == report.overall

    non_llm = [t.timings["non_llm_ms"] for t in stored.turns if t.evaluated]
    print(f"\nper-turn non-LLM latency (ms): mean {mean(non_llm):.1f}, max {max(non_llm):.1f}")
    assert max(non_llm) < 1000


def test_resume_probe_is_asked_when_a_resume_is_attached(
    make_engine: Callable[..., InterviewEngine], director_resume: Resume
) -> None:
    engine = make_engine()
    session = engine.start("mixed", 3, resume=director_resume, seed=2)
    engine.submit_answer(session, STRONG_ANSWER)
    probe = engine.current_question(session)
    assert probe.question.startswith('Your resume says: "Grew the ML engineering org')


class CrashingScorer(RuleScorer):
    """Dies (like a killed process) on the n-th evaluation."""

    def __init__(self, crash_on: int) -> None:
        super().__init__()
        self.crash_on = crash_on

    def evaluate(self, question: QuestionContext, answer: str) -> Evaluation:
        if len(self.calls) + 1 == self.crash_on:
            self.calls.append((question.text, answer))
            raise SystemExit("simulated crash")
        return super().evaluate(question, answer)


def test_crash_between_answer_and_evaluation_loses_nothing(
    make_engine: Callable[..., InterviewEngine], interview_db: Database
) -> None:
    engine = make_engine(scorer=CrashingScorer(crash_on=2))
    session = engine.start("mixed", 3, seed=5)
    engine.submit_answer(session, STRONG_ANSWER)
    second_answer = STRONG_ANSWER.replace("2023", "2022")
    with pytest.raises(SystemExit):
        engine.submit_answer(session, second_answer)

    # A new process: new engine, same database.
    restarted = make_engine()
    resumed = restarted.resume(session.id)
    assert [t.answer for t in resumed.turns if t.answered] == [STRONG_ANSWER, second_answer]
    assert all(t.evaluated for t in resumed.turns if t.answered)  # the lost evaluation was redone
    current = restarted.current_question(resumed)
    assert current.question_index == 2 and current.kind == "question"
    result = restarted.submit_answer(resumed, STRONG_ANSWER)
    assert result.finished
    assert restarted.finish(resumed).answered_questions == 3


class UnavailableScorer(AnswerScorer):
    def evaluate(self, question: QuestionContext, answer: str) -> Evaluation:
        raise LLMUnavailable("The LLM server kept answering 429 (rate limited).")


def test_llm_scorer_failure_falls_back_to_offline_and_is_flagged(
    make_engine: Callable[..., InterviewEngine],
) -> None:
    engine = make_engine(scorer=UnavailableScorer(), fallback_scorer=RuleScorer())
    session = engine.start("mixed", 2, seed=1)
    result = engine.submit_answer(session, STRONG_ANSWER)
    assert result.evaluation.fallback and result.evaluation.engine == "offline"
    assert engine.sessions.get_session(session.id).turns[0].evaluation.fallback


def test_bad_answers_are_refused_and_store_nothing(make_engine: Callable[..., InterviewEngine]) -> None:
    engine = make_engine(max_answer_chars=500)
    session = engine.start("mixed", 2, seed=1)
    for bad, code in (("   \u200b ", "invalid_input"), ("x" * 501, "too_large")):
        with pytest.raises(InputError) as info:
            engine.submit_answer(session, bad)
        assert info.value.code == code
    assert engine.sessions.get_session(session.id).turns[0].answer is None


def test_unfinished_session_reports_only_answered_questions(make_engine: Callable[..., InterviewEngine]) -> None:
    engine = make_engine()
    session = engine.start("mixed", 6, seed=3)
    result = engine.submit_answer(session, STRONG_ANSWER)
    report = engine.report(session)
    assert not report.finished and report.answered_questions == 1
    # The first question scored; the second was asked but not answered; the rest were never reached.
    assert [q.score for q in report.questions] == [float(result.evaluation.score), None]
    assert engine.sessions.get_session(session.id).status == "active"


class _PreparingScorer(RuleScorer):
    """A scorer that can warm itself for the planned questions (as the offline scorer and LLM evaluator can)."""

    def __init__(self) -> None:
        super().__init__()
        self.prepared: list[list[str]] = []

    def prepare(self, questions: list[QuestionContext]) -> None:
        self.prepared.append([q.text for q in questions])


def test_planned_questions_are_prepared_once_at_start_and_on_resume(
    make_engine: Callable[..., InterviewEngine],
) -> None:
    scorer = _PreparingScorer()
    engine = make_engine(scorer=scorer, fallback_scorer=scorer)
    session = engine.start("mixed", 4, seed=5)
    planned = [q.text for q in session.plan.questions]
    assert scorer.prepared == [planned]  # one batch for the whole plan; the shared fallback is not warmed twice

    make_engine(scorer=scorer).resume(session.id)  # a new process continuing the interview warms its scorer too
    assert scorer.prepared == [planned, planned]


class _SlowOfflineScorer(OfflineScorer):
    """The offline pre-score made slow, to see which side of the turn's timing it is charged to."""

    def evaluate(self, question: QuestionContext, answer: str) -> Evaluation:
        time.sleep(1.0)  # far above what an instant model's call costs even on a loaded machine
        return super().evaluate(question, answer)


def test_llm_evaluators_offline_pre_score_counts_as_our_time_not_llm_time(
    make_engine: Callable[..., InterviewEngine], interview_knowledge: RoleKnowledge, fake_model: FakeChatModel
) -> None:
    fake_model.responder = lambda _messages: "Tell me about a platform decision you made."  # instant model
    client = LLMClient(fake_model, UsageMeter(5_000_000), max_retries=0, backoff_s=0.0)
    offline = _SlowOfflineScorer(interview_knowledge)
    evaluator = LLMEvaluator(client, interview_knowledge, fallback=offline)
    engine = make_engine(scorer=evaluator, fallback_scorer=offline, llm=client)
    session = engine.start("mixed", 2, seed=4)

    result = engine.submit_answer(session, STRONG_ANSWER)
    timings = result.turn.timings
    assert timings["non_llm_ms"] >= 1000  # the pre-score is our work, and the latency budget must see it
    assert timings["llm_ms"] < 1000
