"""Schema migrations (Alembic), applied when the app or the CLI first touches the database.

Why here and not `create_all`: stored rows outlive releases. `create_all` only ever adds missing tables, so a
changed column would silently not exist for users who already have a database; a migration changes it in place.

- An empty database is brought to the newest revision ("head").
- A database made by release 0.1 (tables created by `create_all`, no `alembic_version` table) is checked against
  the baseline revision, stamped as that revision and upgraded from there: nothing is copied or recreated.
- A database that a newer release has upgraded is refused with a plain message rather than misread.
- Two processes starting at once (two app replicas, the app and the CLI) never both migrate: PostgreSQL takes a
  transaction-scoped advisory lock and SQLite a write lock (`BEGIN IMMEDIATE`) before the version is read, and the
  whole upgrade commits or rolls back as one transaction, so the second process finds the work done.

New revision: change the tables in `assistant/storage/schema.py`, then from the repo root run
`alembic revision --autogenerate -m "what changed"` and read the generated file before committing it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import NullPool, StaticPool

from assistant.storage.database import StorageError, sqlite_pragmas

HERE = Path(__file__).resolve().parent
BASELINE = "0001_baseline"
# Any fixed 64-bit number: every process that migrates this database waits on the same PostgreSQL advisory lock.
_PG_LOCK_KEY = 0x636F616368_01  # "coach" + 1
_SQLITE_LOCK_TIMEOUT_S = 30.0
_process_lock = threading.Lock()


class MigrationError(StorageError):
    """The database's schema cannot be brought to the version this code expects (shown to the user as is)."""


def alembic_config() -> Config:
    """The Alembic configuration, built in code so no alembic.ini needs to be found at run time."""
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("path_separator", "os")
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision a database is at; None for an empty database or one made before migrations existed."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Bring the database to the newest revision; safe to call from several processes at once."""
    with _process_lock, _migration_engine(engine) as migrating, migrating.begin() as conn:
        upgrade_lock(conn)
        _upgrade(conn)


def upgrade_lock(conn: Connection) -> None:
    """Serialise migrations across processes for the rest of this transaction (PostgreSQL).

    SQLite needs no statement here: `_migration_engine` opens its transaction with `BEGIN IMMEDIATE`, which
    already holds the database's single write lock. Other databases run without a lock.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})


def _upgrade(conn: Connection) -> None:
    config = alembic_config()
    config.attributes["connection"] = conn
    found = MigrationContext.configure(conn).get_current_revision()
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    if found is not None and found not in known:
        raise MigrationError(
            f"The database was upgraded by a newer version of the coach (schema revision {found!r}); "
            "update this installation before using it with that database."
        )
    if found is None and _has_release_tables(conn):
        _check_release_database(conn)
        command.stamp(config, BASELINE)
    try:
        command.upgrade(config, "head")
    except CommandError as exc:  # pragma: no cover - a broken revision chain is a packaging bug
        raise MigrationError(f"The database schema could not be upgraded: {exc}") from exc


def _has_release_tables(conn: Connection) -> bool:
    return inspect(conn).has_table("interview_sessions")


def _check_release_database(conn: Connection) -> None:
    """A database without a version stamp must hold every baseline column before it is stamped as the baseline.

    The expected columns are read from the baseline revision itself, applied to a scratch in-memory database,
    so there is no second copy of the baseline schema to drift.
    """
    scratch = create_engine("sqlite://", poolclass=StaticPool)
    try:
        with scratch.begin() as scratch_conn:
            config = alembic_config()
            config.attributes["connection"] = scratch_conn
            command.upgrade(config, BASELINE)
            expected = _columns(scratch_conn)
    finally:
        scratch.dispose()
    found = _columns(conn)
    missing = sorted(f"{table}.{column}" for table, columns in expected.items()
                     for column in columns - found.get(table, set()))
    if missing:
        raise MigrationError(
            "The database was made by an unknown version of the coach and lacks "
            f"{', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}; it was left unchanged. "
            "Point DATABASE_URL at a new database, or restore a backup made by a released version."
        )


def _columns(conn: Connection) -> dict[str, set[str]]:
    inspector = inspect(conn)
    return {
        table: {column["name"] for column in inspector.get_columns(table)}
        for table in inspector.get_table_names()
        if table != "alembic_version"
    }


@contextmanager
def _migration_engine(engine: Engine) -> Iterator[Engine]:
    """For a SQLite file, a private engine whose transactions start with `BEGIN IMMEDIATE` (the write lock).

    Python's sqlite3 module runs DDL outside any transaction unless told otherwise, so without this two processes
    could both see an empty database and both create its tables. In-memory SQLite has one connection and other
    databases have transactional DDL and locks of their own: they use the app's engine as it is.
    """
    url = engine.url
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        yield engine
        return
    private = create_engine(
        url,
        poolclass=NullPool,
        connect_args={"check_same_thread": False, "timeout": _SQLITE_LOCK_TIMEOUT_S},
    )

    @event.listens_for(private, "connect")
    def _manual_transactions(dbapi_connection: Any, record: Any) -> None:
        sqlite_pragmas(dbapi_connection, record)  # WAL from the start, as the app's own connections expect
        dbapi_connection.isolation_level = None  # the driver no longer issues (or skips) BEGIN on its own

    @event.listens_for(private, "begin")
    def _write_lock(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        yield private
    finally:
        private.dispose()
