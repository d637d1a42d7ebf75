"""Schema migrations: an empty database and one made by release 0.1 both reach the newest schema, nothing that
release stored for a user is lost or changed, and two processes opening a new database at once do not collide."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from assistant.interview.store import InterviewRepository
from assistant.migrations import BASELINE, MigrationError, current_revision, head_revision
from assistant.storage import Database, StorageError
from tests.support.db_support import RELEASE_TABLES, release_sqlite, schema_drift, snapshot, write_sessions


def _sessions(url: str, user_id: str = "local") -> list[str]:
    """The ids of a user's stored sessions, read through a new connection (which migrates on first use)."""
    return [s.id for s in InterviewRepository(Database(url)).list_sessions(user_id)]


def test_an_empty_database_is_migrated_to_the_models_on_first_use(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'new.db'}")
    assert current_revision(db.engine) is None

    assert InterviewRepository(db).list_sessions() == []  # first use migrates

    assert current_revision(db.engine) == head_revision()
    assert schema_drift(db.engine) == []  # the migrations build exactly the tables the code maps
    assert db.journal_mode() == "wal"


def test_a_release_database_keeps_every_row_and_reads_as_before(tmp_path: Path) -> None:
    url = release_sqlite(tmp_path / "release.db")
    database = Database(url)
    db = InterviewRepository(database)
    before = snapshot(database.engine, RELEASE_TABLES)
    assert [len(before[t]) for t in RELEASE_TABLES] == [3, 12, 2]  # with two rows in resume_versions
    assert current_revision(database.engine) is None  # release 0.1 had no version stamp

    summaries = db.list_sessions()  # first use stamps the baseline and upgrades

    assert current_revision(database.engine) == head_revision()
    # Every interview row is there, unchanged; resume_versions (written by no feature of any release) is gone.
    assert snapshot(database.engine) == {t: before[t] for t in ("interview_sessions", "turns")}
    assert not inspect(database.engine).has_table("resume_versions")
    assert schema_drift(database.engine) == []
    # The app reads the release's rows as a user would see them: History, progress, and each transcript.
    assert sorted((s.status, s.answered) for s in summaries) == [("active", 1), ("active", 3), ("finished", 2)]
    finished = next(s for s in summaries if s.status == "finished")
    assert finished.overall == pytest.approx(3.0)
    assert db.competency_history()
    for summary in summaries:
        session = db.get_session(summary.id)
        assert len(session.turns) == sum(1 for t in before["turns"] if t["session_id"] == summary.id)
    pending = [t for s in summaries for t in db.get_session(s.id).turns if t.answer and t.evaluation is None]
    assert [t.answer for t in pending] == ["An answer saved before its evaluation: the process stopped here."]

    # The upgraded release database goes on working: a new interview is stored beside the old ones.
    write_sessions(url, worker=0, sessions=1, turns=2)
    assert len(_sessions(url, "writer-0")) == 1


def test_a_database_at_the_previous_revision_keeps_every_row_of_every_table(tmp_path: Path) -> None:
    """What the release before this change wrote (revision 0003): interviews with a spoken answer, a story with a
    bullet, an exercise attempt, and rows in `resume_versions`. Upgrading keeps every row of every table the code
    maps, unchanged, and each feature reads its rows back."""
    from datetime import UTC, datetime

    from alembic import command

    from assistant.exercises.store import ExerciseRepository
    from assistant.migrations import alembic_config
    from assistant.storage.schema import metadata
    from assistant.stories.store import StoryRepository

    url = release_sqlite(tmp_path / "previous.db")
    engine = Database(url).engine
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.stamp(config, BASELINE)
        command.upgrade(config, "0003_stories_exercises")
    now = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    tables = metadata.tables
    with engine.begin() as conn:
        session_id, turn_index, answer = conn.execute(text(
            "SELECT session_id, turn_index, answer FROM turns WHERE answer IS NOT NULL ORDER BY session_id LIMIT 1"
        )).one()
        conn.execute(tables["turn_delivery"].insert(), [{
            "session_id": session_id, "turn_index": turn_index, "metrics": {"wpm": 141.5, "fillers_per_min": 2.0},
            "audio": b"RIFF-kept-by-choice", "created_at": now}])
        conn.execute(tables["stories"].insert(), [{
            "id": "story-1", "user_id": "local", "title": "A hard call", "question": "Tell me about a hard call.",
            "answer": answer, "competencies": ["people_leadership"],
            "fields": {"action": {"text": answer[:20], "start": 0, "end": 20}}, "score": 4, "source": "interview",
            "engine": "offline", "session_id": session_id, "turn_index": turn_index, "notes": "", "created_at": now,
            "updated_at": now}])
        conn.execute(tables["story_bullets"].insert(), [{
            "id": "bullet-1", "user_id": "local", "story_id": "story-1", "text": "Led a hard call.",
            "provenance": [{"text": answer[:20], "start": 0, "end": 20}], "findings": [], "accepted": True,
            "created_at": now}])
        conn.execute(tables["exercise_attempts"].insert(), [{
            "id": "attempt-1", "user_id": "local", "kind": "memo", "ref": "memo_1", "text": "My memo.",
            "result": {"overall": "solid"}, "overall": "solid", "created_at": now}])
    kept = tuple(t.name for t in metadata.sorted_tables)
    before = snapshot(engine, (*kept, "resume_versions"))
    assert all(before[t] for t in before), "every table holds a row before the upgrade"

    database = Database(url)
    InterviewRepository(database).list_sessions()  # first use upgrades

    assert current_revision(database.engine) == head_revision()
    assert snapshot(database.engine, kept) == {t: before[t] for t in kept}
    assert not inspect(database.engine).has_table("resume_versions")
    assert schema_drift(database.engine) == []
    assert InterviewRepository(database).deliveries(session_id) == {turn_index: {"wpm": 141.5, "fillers_per_min": 2.0}}
    assert [s.title for s in StoryRepository(database).list_stories()] == ["A hard call"]
    assert [b.text for b in StoryRepository(database).bullets(accepted=True)] == ["Led a hard call."]
    assert [a.text for a in ExerciseRepository(database).list_attempts()] == ["My memo."]


def test_the_resume_versions_drop_is_reversible(tmp_path: Path) -> None:
    """Downgrading below 0004 recreates `resume_versions` as the baseline made it (empty: its rows were nobody's),
    and upgrading again drops it; the interview rows ride through both untouched."""
    from alembic import command

    from assistant.migrations import alembic_config

    url = release_sqlite(tmp_path / "release.db")
    engine = Database(url).engine
    _sessions(url)
    kept = snapshot(engine)
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003_stories_exercises")
    columns = {c["name"] for c in inspect(engine).get_columns("resume_versions")}
    assert columns == {"id", "user_id", "created_at", "label", "source_hash", "structured", "tailored"}
    assert snapshot(engine, RELEASE_TABLES) == {**kept, "resume_versions": []}

    assert len(_sessions(url)) == 3  # the next start upgrades again
    assert current_revision(engine) == head_revision()
    assert not inspect(engine).has_table("resume_versions")
    assert snapshot(engine) == kept and schema_drift(engine) == []


def test_opening_an_up_to_date_database_changes_nothing(tmp_path: Path) -> None:
    url = release_sqlite(tmp_path / "release.db")
    _sessions(url)
    first = snapshot(Database(url).engine)
    _sessions(url)
    assert snapshot(Database(url).engine) == first
    with sqlite3.connect(tmp_path / "release.db") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(head_revision(),)]


def test_an_unversioned_database_missing_a_baseline_column_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "odd.db"
    url = release_sqlite(path)
    with sqlite3.connect(path) as conn:
        conn.execute("ALTER TABLE resume_versions DROP COLUMN tailored")
    before = snapshot(Database(url).engine, RELEASE_TABLES)

    with pytest.raises(StorageError) as info:
        _sessions(url)

    assert isinstance(info.value, MigrationError)
    assert "lacks resume_versions.tailored;" in info.value.message and "left unchanged" in info.value.message
    assert current_revision(Database(url).engine) is None
    assert snapshot(Database(url).engine, RELEASE_TABLES) == before


def test_a_database_from_a_newer_release_is_refused_with_a_plain_message(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newer.db'}"
    _sessions(url)
    with Database(url).engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))

    with pytest.raises(MigrationError, match="newer version of the coach") as info:
        _sessions(url)
    assert info.value.code == "storage"


def test_two_processes_opening_a_new_database_at_once_both_work_and_lose_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.db'}"
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Event()
    with ctx.Pool(2) as pool:
        results = [pool.apply_async(write_sessions, (url, w, 3, 3, start)) for w in range(2)]
        start.set()
        ids = [r.get(timeout=120) for r in results]

    assert current_revision(Database(url).engine) == head_revision()
    db = InterviewRepository(Database(url))
    for worker, written in enumerate(ids):
        stored = db.list_sessions(f"writer-{worker}")
        assert sorted(s.id for s in stored) == sorted(written)
        assert all(s.status == "finished" and s.answered == 3 for s in stored)


def test_the_baseline_is_the_first_revision() -> None:
    """A release-0.1 database is stamped as BASELINE, so it must be the root every later revision builds on."""
    from alembic.script import ScriptDirectory

    from assistant.migrations import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert [r.revision for r in script.walk_revisions() if r.down_revision is None] == [BASELINE]


def test_the_frozen_release_schema_is_the_one_release_0_1_created(tmp_path: Path) -> None:
    """The PostgreSQL tests make a release database from `release_schema()`; it must match the real dump."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from tests.support.db_support import release_schema

    engine = Database(release_sqlite(tmp_path / "release.db")).engine
    with engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), release_schema()) == []
