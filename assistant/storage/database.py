"""The database connection: engine, SQLite settings, units of work and plain-language faults.

SQLite (a file in the data directory) is the default and runs in WAL mode with a busy timeout, so two browser tabs
or a CLI run beside the app never lose a write; any SQLAlchemy URL (PostgreSQL for a shared deployment) works the
same way. Every unit of work commits at once: the interview engine stores an answer before it is evaluated, so a
crash or an LLM failure in between loses nothing.

What is stored, and how, is the repositories' business (`assistant.interview.store`, `assistant.stories.store`,
`assistant.exercises.store`); this module knows no table.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from assistant.config import Settings
from assistant.errors import CoachError

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 5000

# The one user of a private (loopback) install: the CLI and every browser tab on this machine are the same person.
# A shared deployment identifies users by sign-in, and every read, write and deletion is scoped by user id.
LOCAL_USER_ID = "local"


class StorageError(CoachError):
    """The database cannot be read or written (disk full, read-only file, missing row)."""

    code = "storage"


def as_utc(value: datetime) -> datetime:
    """SQLite hands datetimes back naive; everything we store is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Database:
    """One database (a URL): its engine and connection pool, and committed units of work for the repositories.
    The schema is migrated to the newest revision before the first unit of work (`assistant.migrations`)."""

    def __init__(self, url: str, *, pool_size: int = 5, max_overflow: int = 10) -> None:
        self.url = url
        try:
            parsed = make_url(url)
            self.is_sqlite = parsed.get_backend_name() == "sqlite"
            kwargs: dict[str, Any] = {}
            if not self.is_sqlite:
                # A database server (PostgreSQL through psycopg 3): a bounded pool per process, shared by every
                # browser session it serves; connections are checked before use so a restarted server costs one
                # retry, not an error page.
                kwargs.update(pool_size=pool_size, max_overflow=max_overflow, pool_pre_ping=True, pool_recycle=1800)
            else:
                database = parsed.database or ""
                in_memory = database in (None, "", ":memory:")
                if in_memory:
                    # One shared connection, or every connection would see its own empty database.
                    kwargs.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
                else:
                    if not database.startswith("file:"):  # a URI filename (e.g. ?mode=ro) names an existing file
                        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
                    kwargs.update(
                        connect_args={"check_same_thread": False, "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}
                    )
            self.engine: Engine = create_engine(url, **kwargs)
        except (SQLAlchemyError, ValueError, ImportError, OSError) as exc:
            # A URL that parses but names no installed driver, or a folder that cannot be created: say which
            # setting to fix (the URL itself may hold a password, so it is not repeated).
            raise StorageError(
                f"The database cannot be opened ({_reason(exc)}). Check DATABASE_URL (empty means a SQLite file in "
                "DATA_DIR) and that DATA_DIR is a writable folder.",
                code="config",
            ) from exc
        if self.is_sqlite:
            event.listen(self.engine, "connect", sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._schema_ready = False

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        return cls(settings.resolved_database_url, pool_size=settings.database_pool_size,
                   max_overflow=settings.database_max_overflow)

    def close(self) -> None:
        self.engine.dispose()

    def run(self, work: Callable[[Session], T]) -> T:
        """One committed unit of work for a repository; database faults become a `StorageError` with a plain
        message. The first unit of work of this object applies pending migrations."""
        try:
            self._ensure_schema()
            with self._sessions() as db, db.begin():
                return work(db)
        except StorageError:
            raise
        except SQLAlchemyError as exc:
            raise friendly_error(exc) from exc

    def journal_mode(self) -> str:
        """The SQLite journal mode in force (`wal` by default); the backend's name for other databases."""
        if not self.is_sqlite:
            return self.engine.dialect.name
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar()).lower()

    def scrub_deleted_rows(self) -> None:
        """After a deletion, make sure the deleted rows do not linger in a SQLite file's free pages or its WAL
        (a database server manages its own storage; nothing to do there)."""
        if not self.is_sqlite:
            return
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                conn.exec_driver_sql("VACUUM")
        except OperationalError as exc:
            raise friendly_error(exc) from exc

    def _ensure_schema(self) -> None:
        """Apply pending migrations once per Database object (a no-op query when the schema is current)."""
        if not self._schema_ready:
            from assistant.migrations import upgrade_to_head

            upgrade_to_head(self.engine)
            self._schema_ready = True


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


def friendly_error(exc: SQLAlchemyError) -> StorageError:
    """A database fault as a message the user can act on (the driver's text can hold paths or SQL; not shown)."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "database or disk is full" in text:
        message = ("The disk holding the database is full, so nothing could be saved or updated. Free some space "
                   "(or set DATA_DIR to a folder on a larger disk) and try again.")
    elif "disk i/o error" in text:  # SQLite's answer when a write (the WAL, its index) hits a full disk
        message = ("The database could not write to the disk (disk I/O error): the disk holding it is probably full "
                   "or failing. Free some space (or set DATA_DIR to a folder on a larger disk) and try again.")
    elif "readonly" in text or "read-only" in text:
        message = "The database is read-only: check the permissions of the data directory (DATA_DIR)."
    elif "unable to open" in text:
        message = "The database file cannot be opened: check that DATA_DIR exists and is writable."
    elif "locked" in text or "busy" in text:
        message = "The database is busy (another window or program is writing); try again in a moment."
    else:
        message = f"The database could not be used ({type(exc).__name__}); see `assistant doctor`."
    return StorageError(message)


def sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers and a writer work at once; busy_timeout waits for a lock instead of failing."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        _enable_wal(cursor)
        # In WAL mode NORMAL never corrupts the file and keeps every commit across a process crash; it only
        # skips an fsync per commit (a power cut may lose the last turn), which makes a commit ~1 ms, not ~40.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _enable_wal(cursor: Any) -> None:
    """Switching a new file to WAL takes a moment of exclusive access and SQLite does not wait for it (the busy
    timeout does not apply), so a process opening the file while another one creates it retries briefly."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
