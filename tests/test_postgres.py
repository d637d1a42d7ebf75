"""The session database on a real PostgreSQL server (Debian's `postgresql`, started by the tests on loopback)
through psycopg 3 and SQLAlchemy's connection pool: the storage suite, an unattended interview through the CLI,
migrations from empty and from a release-0.1 database, and concurrent writers from two processes."""

from __future__ import annotations

import json
import multiprocessing
import threading
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import Settings
from assistant.interview.store import InterviewRepository
from assistant.migrations import current_revision, head_revision
from assistant.storage import Database
from tests.support.db_support import (
    RELEASE_TABLES,
    copy_rows,
    release_schema,
    release_sqlite,
    schema_drift,
    snapshot,
    write_sessions,
)

# The storage suite, run again with its `settings` fixture pointing at PostgreSQL (below). Tests about the SQLite
# file itself (WAL, a read-only file, in-memory URLs, bytes left in the file) stay SQLite-only.
from tests.test_storage import (  # noqa: F401  (collected here a second time)
    test_answer_is_stored_before_evaluation_and_survives_a_new_connection,
    test_delete_all_user_data_leaves_nothing_behind,
    test_history_queries_feed_progress_and_avoid_repeats,
    test_progress_ignores_answers_not_scored_yet,
    test_unknown_session_is_a_not_found_error,
)

pytestmark = pytest.mark.slow

ANSWERS = Path(__file__).resolve().parent / "data" / "answers_director_mixed.txt"


@pytest.fixture
def settings(tmp_path: Path, postgres_url: str) -> Settings:
    """Offline settings whose database is a fresh PostgreSQL database."""
    return Settings(_env_file=None, data_dir=tmp_path / "data", llm_provider="offline",  # type: ignore[call-arg]
                    database_url=postgres_url)


def test_the_suite_above_really_runs_on_postgresql(settings: Settings) -> None:
    db = Database.from_settings(settings)
    InterviewRepository(db).list_sessions()
    assert db.engine.dialect.name == "postgresql" and db.engine.dialect.driver == "psycopg"
    assert db.journal_mode() == "postgresql"
    assert type(db.engine.pool).__name__ == "QueuePool" and db.engine.pool.size() == settings.database_pool_size


def test_an_empty_postgresql_database_is_migrated_to_the_models(postgres_url: str) -> None:
    db = Database(postgres_url)
    assert current_revision(db.engine) is None
    InterviewRepository(db).list_sessions()
    assert current_revision(db.engine) == head_revision()
    assert schema_drift(db.engine) == []


def test_a_release_database_on_postgresql_is_upgraded_with_nothing_lost(
    tmp_path: Path, postgres_url: str
) -> None:
    """Release 0.1 pointed at PostgreSQL made its tables with create_all; its interview rows survive the upgrade
    (and its unused resume_versions table, rows and all, is dropped)."""
    target = create_engine(postgres_url)
    release_schema().create_all(target)
    copy_rows(release_sqlite(tmp_path / "release.db"), target)
    before = snapshot(target, RELEASE_TABLES)
    assert [len(before[t]) for t in RELEASE_TABLES] == [3, 12, 2]
    target.dispose()

    db = Database(postgres_url)
    interviews = InterviewRepository(db)
    summaries = interviews.list_sessions()

    assert current_revision(db.engine) == head_revision()
    assert snapshot(db.engine) == {t: before[t] for t in ("interview_sessions", "turns")}
    assert schema_drift(db.engine) == []
    assert sorted((s.status, s.answered) for s in summaries) == [("active", 1), ("active", 3), ("finished", 2)]
    assert all(interviews.get_session(s.id).turns for s in summaries)


def test_two_processes_writing_at_once_lose_nothing(postgres_url: str) -> None:
    """Two app processes start on an empty database at the same moment: one migrates while the other waits on
    the lock, then both store whole interviews concurrently; every session, answer and score is there."""
    sessions, turns = 6, 4
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Manager().Event()
    with ctx.Pool(2) as pool:
        results = [pool.apply_async(write_sessions, (postgres_url, w, sessions, turns, start)) for w in range(2)]
        start.set()
        written = [r.get(timeout=240) for r in results]

    db = InterviewRepository(Database(postgres_url))
    for worker, ids in enumerate(written):
        stored = db.list_sessions(f"writer-{worker}")
        assert sorted(s.id for s in stored) == sorted(ids) and len(ids) == sessions
        assert all(s.status == "finished" and s.answered == turns for s in stored)
        for session_id in ids:
            answers = [t.answer for t in db.get_session(session_id).turns]
            assert len(answers) == turns and all(a and a.startswith(f"writer {worker} ") for a in answers)


def test_threads_sharing_one_small_pool_all_get_their_writes_in(postgres_url: str) -> None:
    """Streamlit serves every browser session of a process from threads sharing one Database: with more threads
    than connections, writers wait for a connection instead of failing."""
    db = InterviewRepository(Database(postgres_url, pool_size=2, max_overflow=1))
    db.list_sessions()
    errors: list[BaseException] = []

    def one(worker: int) -> None:
        try:
            write_sessions(postgres_url, worker, 2, 3)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(w,)) for w in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    assert all(len(db.list_sessions(f"writer-{w}")) == 2 for w in range(6))


@pytest.fixture(scope="module")
def shared_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pg-cli-data")


def test_an_unattended_interview_through_the_cli_is_stored_in_postgresql(
    postgres_url: str, shared_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATA_DIR", str(shared_data_dir))
    monkeypatch.setenv("LLM_PROVIDER", "offline")
    monkeypatch.setenv("DATABASE_URL", postgres_url)
    runner = CliRunner()

    result = runner.invoke(app, ["interview", "--answers", str(ANSWERS), "--json", "--seed", "21"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout[result.stdout.index("{"):])
    assert payload["report"]["finished"] is True and payload["report"]["answered_questions"] == 6

    history = runner.invoke(app, ["history", "--json"])
    assert history.exit_code == 0, history.output
    sessions = json.loads(history.stdout[history.stdout.index("{"):])["sessions"]
    assert [s["id"] for s in sessions] == [payload["session_id"]]
    stored = InterviewRepository(Database(postgres_url)).get_session(payload["session_id"])
    assert [t.answer for t in stored.turns] == [t["answer"] for t in payload["transcript"]]
    assert all(t.evaluation is not None for t in stored.turns)
    assert not (shared_data_dir / "coach.db").exists()  # nothing went to a local SQLite file


def test_backup_and_restore_with_pg_dump_keep_every_row(postgres_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The backup and restore commands docs/DEPLOY.md gives, run as written against a populated database."""
    import subprocess

    source = postgres_server.create_database()
    write_sessions(source, worker=0, sessions=3, turns=2)
    before = snapshot(Database(source).engine)
    dump = tmp_path / "coach.dump"
    libpq = source.replace("postgresql+psycopg://", "postgresql://")
    subprocess.run([str(postgres_server.bindir / "pg_dump"), "--format=custom", f"--file={dump}",
                    f"--dbname={libpq}"], check=True, timeout=120)

    target = postgres_server.create_database()
    subprocess.run([str(postgres_server.bindir / "pg_restore"), "--no-owner", "--clean", "--if-exists",
                    f"--dbname={target.replace('postgresql+psycopg://', 'postgresql://')}", str(dump)],
                   check=True, timeout=120)

    restored = Database(target)
    assert snapshot(restored.engine) == before
    assert current_revision(restored.engine) == head_revision()  # the version stamp travels with the data
    assert len(InterviewRepository(restored).list_sessions("writer-0")) == 3


def test_the_retention_statement_removes_old_sessions_with_their_turns(postgres_url: str) -> None:
    """DEPLOY.md's retention SQL: sessions untouched for N days go, and their answers with them (ON DELETE
    CASCADE); newer sessions stay."""
    from sqlalchemy import text

    ids = write_sessions(postgres_url, worker=0, sessions=2, turns=2)
    db = Database(postgres_url)
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE interview_sessions SET updated_at = now() - interval '400 days' WHERE id = :id"),
                     {"id": ids[0]})
        conn.execute(text("DELETE FROM interview_sessions WHERE updated_at < now() - interval '365 days'"))
        remaining_turns = conn.execute(text("SELECT DISTINCT session_id FROM turns")).scalars().all()
    assert [s.id for s in InterviewRepository(db).list_sessions("writer-0")] == [ids[1]]
    assert remaining_turns == [ids[1]]
