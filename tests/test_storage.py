"""The session database: WAL, answers stored before evaluation, history queries, friendly faults, deletion."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.interview.models import Dimensions, Evaluation
from assistant.interview.session import InterviewSession, Plan, PlannedQuestion, Turn
from assistant.storage import Database, StorageError, new_session_id


def _session(question_id: str = "q_one", competency: str = "people_leadership") -> InterviewSession:
    plan = Plan(
        focus="mixed",
        seed=1,
        questions=[PlannedQuestion(text="Tell me about a hard call.", competency=competency, question_id=question_id)],
    )
    return InterviewSession(id=new_session_id(), role="ml-director", focus="mixed", length=1, plan=plan)


def _evaluation(score: int, competency: str = "people_leadership") -> Evaluation:
    d = Dimensions(structure=score, ownership=score, specificity=score, relevance=score, altitude=score)
    return Evaluation(score=score, competency=competency, dimensions=d, gaps=["no_numbers"])


def test_sqlite_file_runs_in_wal_mode_with_a_busy_timeout(settings: Settings) -> None:
    db = Database(settings.resolved_database_url)
    db.list_sessions()
    assert db.journal_mode() == "wal"
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    assert (settings.data_dir / "coach.db").is_file()


def test_answer_is_stored_before_evaluation_and_survives_a_new_connection(settings: Settings) -> None:
    db = Database(settings.resolved_database_url)
    session = db.create_session(_session())
    db.save_turn(session.id, Turn(index=0, question_index=0, question="Tell me about a hard call.",
                                  competency="people_leadership"))
    db.record_answer(session.id, 0, "I let a manager go after two quarters of coaching.")
    db.close()

    reopened = Database(settings.resolved_database_url).get_session(session.id)
    turn = reopened.turns[0]
    assert turn.answer == "I let a manager go after two quarters of coaching."
    assert turn.evaluation is None
    assert reopened.pending_turn is turn


def test_history_queries_feed_progress_and_avoid_repeats(settings: Settings) -> None:
    db = Database(settings.resolved_database_url)
    for qid, score in (("q_one", 2), ("q_two", 4)):
        s = db.create_session(_session(qid))
        db.save_turn(s.id, Turn(index=0, question_index=0, question="Q", competency="people_leadership"))
        db.record_answer(s.id, 0, "answer")
        db.record_evaluation(s.id, 0, _evaluation(score), timings={"total_ms": 3.0}, tokens={"prompt": 0})
        db.finish_session(s.id, {"overall": float(score)})

    sessions = db.list_sessions()
    assert [s.overall for s in sessions] == [4.0, 2.0]  # newest first
    assert all(s.status == "finished" and s.answered == 1 for s in sessions)
    points = db.competency_history()
    assert [(p.competency, p.score) for p in points] == [("people_leadership", 2.0), ("people_leadership", 4.0)]
    assert set(db.recent_question_ids()) == {"q_one", "q_two"}


def test_resume_versions_round_trip(settings: Settings) -> None:
    db = Database(settings.resolved_database_url)
    vid = db.save_resume_version(label="v1", source_hash="abc", structured={"skills": ["mlops"]})
    versions = db.list_resume_versions()
    assert [(v.id, v.label, v.structured, v.tailored) for v in versions] == [(vid, "v1", {"skills": ["mlops"]}, None)]


def test_delete_all_user_data_leaves_nothing_behind(settings: Settings) -> None:
    db = Database(settings.resolved_database_url)
    s = db.create_session(_session())
    db.save_turn(s.id, Turn(index=0, question_index=0, question="Q", competency="people_leadership"))
    db.record_answer(s.id, 0, "my-private-answer-marker about a reorg")
    db.save_resume_version(label="v1", source_hash="h", structured={"name": "private-resume-marker"})

    deleted = db.delete_all_user_data("local")

    assert (deleted.sessions, deleted.turns, deleted.answers, deleted.resume_versions) == (1, 1, 1, 1)
    assert db.list_sessions() == [] and db.list_resume_versions() == [] and db.competency_history() == []
    db.close()
    raw = b"".join(p.read_bytes() for p in settings.data_dir.glob("coach.db*"))
    assert b"private-answer-marker" not in raw and b"private-resume-marker" not in raw


def test_read_only_database_gives_a_plain_storage_error(settings: Settings) -> None:
    path = settings.data_dir / "coach.db"
    Database(f"sqlite:///{path}").list_sessions()  # create the file and tables
    read_only = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
    with pytest.raises(StorageError) as info:
        read_only.create_session(_session())
    assert "read-only" in info.value.message
    assert info.value.code == "storage"


def test_unknown_session_is_a_not_found_error(settings: Settings) -> None:
    with pytest.raises(StorageError) as info:
        Database(settings.resolved_database_url).get_session("nope")
    assert info.value.code == "not_found"


def test_any_sqlalchemy_url_works_in_memory(tmp_path: Path) -> None:
    db = Database("sqlite://")
    s = db.create_session(_session())
    assert db.get_session(s.id).plan.questions[0].question_id == "q_one"


def test_progress_ignores_answers_not_scored_yet(settings: Settings) -> None:
    """An answer stored before its evaluation (crash, LLM failure) must not break the progress chart."""
    db = Database(settings.resolved_database_url)
    scored = db.create_session(_session("q_one"))
    db.save_turn(scored.id, Turn(index=0, question_index=0, question="Q", competency="people_leadership"))
    db.record_answer(scored.id, 0, "answer")
    db.record_evaluation(scored.id, 0, _evaluation(3), timings={}, tokens={})
    pending = db.create_session(_session("q_two", competency="hiring"))
    db.save_turn(pending.id, Turn(index=0, question_index=0, question="Q", competency="hiring"))
    db.record_answer(pending.id, 0, "an answer whose evaluation never arrived")

    points = db.competency_history()
    assert [(p.competency, p.score) for p in points] == [("people_leadership", 3.0)]


def test_another_users_session_is_reported_as_missing(settings: Settings) -> None:
    db = Database(settings.resolved_database_url)
    mine = _session()
    mine.user_id = "oidc:alice"
    db.create_session(mine)
    assert db.get_session(mine.id, user_id="oidc:alice").id == mine.id
    with pytest.raises(StorageError) as info:
        db.get_session(mine.id, user_id="oidc:bob")
    assert info.value.code == "not_found" and "oidc:alice" not in info.value.message
