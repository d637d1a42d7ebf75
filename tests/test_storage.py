"""The session database: WAL, answers stored before evaluation, history queries, friendly faults, deletion, and
the schema's ownership (storage imports no feature; every table is reached by "Delete my data")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from assistant.config import REPO_ROOT, Settings
from assistant.exercises.store import ExerciseRepository
from assistant.interview.models import Dimensions, Evaluation
from assistant.interview.session import InterviewSession, Plan, PlannedQuestion, Turn
from assistant.interview.store import InterviewRepository, new_session_id
from assistant.storage import Database, StorageError, delete_all_user_data


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


def _interviews(settings: Settings) -> InterviewRepository:
    return InterviewRepository(Database(settings.resolved_database_url))


def test_sqlite_file_runs_in_wal_mode_with_a_busy_timeout(settings: Settings) -> None:
    db = Database(settings.resolved_database_url)
    InterviewRepository(db).list_sessions()
    assert db.journal_mode() == "wal"
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    assert (settings.data_dir / "coach.db").is_file()


def test_answer_is_stored_before_evaluation_and_survives_a_new_connection(settings: Settings) -> None:
    db = _interviews(settings)
    session = db.create_session(_session())
    db.save_turn(session.id, Turn(index=0, question_index=0, question="Tell me about a hard call.",
                                  competency="people_leadership"))
    db.record_answer(session.id, 0, "I let a manager go after two quarters of coaching.")
    db.db.close()

    reopened = _interviews(settings).get_session(session.id)
    turn = reopened.turns[0]
    assert turn.answer == "I let a manager go after two quarters of coaching."
    assert turn.evaluation is None
    assert reopened.pending_turn is turn


def test_history_queries_feed_progress_and_avoid_repeats(settings: Settings) -> None:
    db = _interviews(settings)
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


class _Result(BaseModel):
    overall: str = "strong"


def test_delete_all_user_data_leaves_nothing_behind(settings: Settings) -> None:
    database = Database(settings.resolved_database_url)
    db = InterviewRepository(database)
    s = db.create_session(_session())
    db.save_turn(s.id, Turn(index=0, question_index=0, question="Q", competency="people_leadership"))
    db.record_answer(s.id, 0, "my-private-answer-marker about a reorg")
    db.record_delivery(s.id, 0, {"wpm": 150.0}, audio=b"private-recording-marker")
    ExerciseRepository(database).save("memo", "ex_1", _Result(), text="private-memo-marker")
    ExerciseRepository(database, "someone-else").save("memo", "ex_1", _Result(), text="their memo")

    deleted = delete_all_user_data(database, "local")

    assert (deleted.sessions, deleted.turns, deleted.answers) == (1, 1, 1)
    assert deleted.other["exercise_attempts"] == 1 and deleted.other["stories"] == 0
    assert db.list_sessions() == [] and db.competency_history() == [] and db.delivery_history() == []
    assert ExerciseRepository(database).list_attempts() == []
    assert [a.text for a in ExerciseRepository(database, "someone-else").list_attempts()] == ["their memo"]
    database.close()
    raw = b"".join(p.read_bytes() for p in settings.data_dir.glob("coach.db*"))
    for marker in (b"private-answer-marker", b"private-recording-marker", b"private-memo-marker"):
        assert marker not in raw


def test_every_table_is_reached_by_delete_my_data() -> None:
    """A table holds a user's rows only if "Delete my data" can find them: by its own `user_id` column, or through
    a foreign key that cascades from a table that is reached."""
    from assistant.storage.schema import metadata

    reached: set[str] = set()
    for table in metadata.sorted_tables:  # parents first
        cascades = any(fk.ondelete == "CASCADE" and fk.column.table.name in reached for fk in table.foreign_keys)
        if "user_id" in table.c or cascades:
            reached.add(table.name)
    assert reached == set(metadata.tables)


def test_storage_imports_no_feature() -> None:
    """The schema belongs to storage: opening, migrating and clearing a database loads no feature package."""
    code = (
        "import sys; import assistant.storage, assistant.storage.schema, assistant.migrations; "
        "print(sorted(m for m in sys.modules if m.split('.')[:2] in "
        "(['assistant', f] for f in ('interview', 'stories', 'exercises', 'voice', 'resume', 'practice'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_read_only_database_gives_a_plain_storage_error(settings: Settings) -> None:
    path = settings.data_dir / "coach.db"
    InterviewRepository(Database(f"sqlite:///{path}")).list_sessions()  # create the file and tables
    read_only = InterviewRepository(Database(f"sqlite:///file:{path}?mode=ro&uri=true"))
    with pytest.raises(StorageError) as info:
        read_only.create_session(_session())
    assert "read-only" in info.value.message
    assert info.value.code == "storage"


def test_unknown_session_is_a_not_found_error(settings: Settings) -> None:
    with pytest.raises(StorageError) as info:
        _interviews(settings).get_session("nope")
    assert info.value.code == "not_found"


def test_any_sqlalchemy_url_works_in_memory(tmp_path: Path) -> None:
    db = InterviewRepository(Database("sqlite://"))
    s = db.create_session(_session())
    assert db.get_session(s.id).plan.questions[0].question_id == "q_one"


def test_progress_ignores_answers_not_scored_yet(settings: Settings) -> None:
    """An answer stored before its evaluation (crash, LLM failure) must not break the progress chart."""
    db = _interviews(settings)
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
    db = _interviews(settings)
    mine = _session()
    mine.user_id = "oidc:alice"
    db.create_session(mine)
    assert db.get_session(mine.id, user_id="oidc:alice").id == mine.id
    with pytest.raises(StorageError) as info:
        db.get_session(mine.id, user_id="oidc:bob")
    assert info.value.code == "not_found" and "oidc:alice" not in info.value.message
