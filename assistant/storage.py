"""Persistence of interview sessions, turns and resume versions through SQLAlchemy 2.0.

SQLite (a file in the data directory) is the default and runs in WAL mode with a busy timeout, so two browser tabs
or a CLI run beside the app never lose a write; any SQLAlchemy URL (PostgreSQL for a shared deployment) works the
same way. Every write commits at once: the interview engine stores an answer before it is evaluated, so a crash or
an LLM failure in between loses nothing.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, Field
from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    inspect,
    select,
)
from sqlalchemy.engine import CursorResult, Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

from assistant.config import Settings
from assistant.errors import CoachError
from assistant.interview.models import Evaluation
from assistant.interview.session import InterviewSession, Plan, Turn

T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 5000

# The one user of a private (loopback) install: the CLI and every browser tab on this machine are the same person.
# A shared deployment identifies users by sign-in, and every read, write and deletion below is scoped by user id.
LOCAL_USER_ID = "local"


class StorageError(CoachError):
    """The database cannot be read or written (disk full, read-only file, missing session)."""

    code = "storage"


class SessionMissing(StorageError):
    """The interview session does not exist (any more) for this user: deleted in another window, or never theirs.

    A session of another user is reported exactly like a deleted one, so its existence is never revealed."""

    code = "not_found"

    def __init__(self, session_id: str) -> None:
        super().__init__(
            "This interview no longer exists: it was deleted (perhaps with \"Delete my data\" in another window). "
            "Nothing more can be saved to it; start a new interview."
        )
        self.session_id = session_id


# --- Tables ---------------------------------------------------------------------------------------------------


class _Base(DeclarativeBase):
    pass


# The tables as this code expects them; `assistant/migrations` brings a database to match (and its autogenerate
# compares against this).
metadata = _Base.metadata
#: Feature packages (story bank, exercises) declare their tables on this base, so there is one schema and one
#: migration history; every such table with a `user_id` column is covered by `delete_all_user_data`.
Base = _Base


class SessionRow(_Base):
    __tablename__ = "interview_sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64), default="local", index=True)
    role: Mapped[str] = mapped_column(String(100))
    focus: Mapped[str] = mapped_column(String(20))
    length: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(20), default="practice")
    engine: Mapped[str] = mapped_column(String(20), default="offline")
    plan: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="active", index=True)
    totals: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    history_summary: Mapped[str] = mapped_column(Text, default="")
    resume_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TurnRow(_Base):
    __tablename__ = "turns"

    session_id: Mapped[str] = mapped_column(
        ForeignKey("interview_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    index: Mapped[int] = mapped_column("turn_index", Integer, primary_key=True)
    question_index: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    question: Mapped[str] = mapped_column(Text)
    competency: Mapped[str] = mapped_column(String(100))
    citations: Mapped[list[Any]] = mapped_column(JSON, default=list)
    answer: Mapped[str | None] = mapped_column(Text, nullable=True)
    evaluation: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)  # None is SQL NULL, so IS NOT NULL filters work
    timings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    tokens: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class TurnDeliveryRow(_Base):
    """How a spoken answer was delivered (pace, fillers, pauses), beside its turn; the recording itself only when
    the candidate opted in. A table of its own so typed answers and older databases are untouched (created on
    first use like the others) and deleting a session removes it (ON DELETE CASCADE)."""

    __tablename__ = "turn_delivery"

    session_id: Mapped[str] = mapped_column(
        ForeignKey("interview_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    index: Mapped[int] = mapped_column("turn_index", Integer, primary_key=True)
    metrics: Mapped[dict[str, Any]] = mapped_column(JSON)
    audio: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ResumeVersionRow(_Base):
    __tablename__ = "resume_versions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64), default="local", index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    label: Mapped[str] = mapped_column(String(200))
    source_hash: Mapped[str] = mapped_column(String(128))
    structured: Mapped[dict[str, Any]] = mapped_column(JSON)
    tailored: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True), nullable=True)


# --- Read models ----------------------------------------------------------------------------------------------


class SessionSummary(BaseModel):
    """One row of the history list: enough to show progress without loading every turn."""

    id: str
    role: str
    focus: str
    mode: str
    engine: str
    length: int
    status: str
    answered: int
    overall: float | None
    totals: dict[str, Any] = Field(default_factory=dict)
    created_at: datetime
    updated_at: datetime


class CompetencyPoint(BaseModel):
    """Mean score on one competency in one session: a point of the progress chart."""

    session_id: str
    created_at: datetime
    competency: str
    score: float
    answers: int


class ResumeVersion(BaseModel):
    id: str
    created_at: datetime
    label: str
    source_hash: str
    structured: dict[str, Any]
    tailored: dict[str, Any] | None = None


class DeletionReport(BaseModel):
    """Exactly what "Delete my data" removed for one user."""

    sessions: int
    turns: int
    answers: int = 0
    resume_versions: int
    other: dict[str, int] = Field(default_factory=dict, description="Rows removed from feature tables, by table.")


# --- Database -------------------------------------------------------------------------------------------------


def _utc(value: datetime) -> datetime:
    """SQLite hands datetimes back naive; everything we store is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _now() -> datetime:
    return datetime.now(UTC)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return type(exc).__name__


def _friendly(exc: SQLAlchemyError) -> StorageError:
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "database or disk is full" in text:
        message = "The disk is full: the interview could not be saved. Free some space and try again."
    elif "readonly" in text or "read-only" in text:
        message = "The database is read-only: check the permissions of the data directory (DATA_DIR)."
    elif "unable to open" in text:
        message = "The database file cannot be opened: check that DATA_DIR exists and is writable."
    elif "locked" in text or "busy" in text:
        message = "The database is busy (another window or program is writing); try again in a moment."
    else:
        message = f"The database could not be used ({type(exc).__name__}); see `assistant doctor`."
    return StorageError(message)


class Database:
    """Repository of sessions, turns and resume versions. The schema is migrated to the newest revision on first
    use (`assistant.migrations`)."""

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
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._schema_ready = False

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        return cls(settings.resolved_database_url, pool_size=settings.database_pool_size,
                   max_overflow=settings.database_max_overflow)

    def close(self) -> None:
        self.engine.dispose()

    # -- plumbing --

    def _ensure_schema(self) -> None:
        """Apply pending migrations once per Database object (a no-op query when the schema is current)."""
        if not self._schema_ready:
            from assistant.migrations import upgrade_to_head

            upgrade_to_head(self.engine)
            self._schema_ready = True

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """A unit of work that commits on success; database faults become a `StorageError` with a plain message."""
        try:
            self._ensure_schema()
            with self._sessions() as db, db.begin():
                yield db
        except StorageError:
            raise
        except SQLAlchemyError as exc:
            raise _friendly(exc) from exc

    def _run(self, work: Callable[[Session], T]) -> T:
        with self._session() as db:
            return work(db)

    def run(self, work: Callable[[Session], T]) -> T:
        """One committed unit of work for a feature repository; database faults become a `StorageError`."""
        return self._run(work)

    def journal_mode(self) -> str:
        """The SQLite journal mode in force (`wal` by default); the backend's name for other databases."""
        if not self.is_sqlite:
            return self.engine.dialect.name
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA journal_mode").scalar()).lower()

    # -- interview sessions --

    def create_session(self, session: InterviewSession) -> InterviewSession:
        def work(db: Session) -> None:
            db.add(
                SessionRow(
                    id=session.id,
                    user_id=session.user_id,
                    role=session.role,
                    focus=session.focus,
                    length=session.length,
                    mode=session.mode,
                    engine=session.engine,
                    plan=session.plan.model_dump(mode="json"),
                    status=session.status,
                    totals=dict(session.totals),
                    history_summary=session.history_summary,
                    resume_ref=session.resume_ref,
                    created_at=session.created_at,
                    updated_at=session.updated_at,
                )
            )
            for turn in session.turns:
                db.add(_turn_row(session.id, turn))

        self._run(work)
        return session

    def save_turn(self, session_id: str, turn: Turn) -> None:
        """Insert a turn (when it is asked) or overwrite it whole."""

        def work(db: Session) -> None:
            self._session_row(db, session_id)  # a session deleted meanwhile is reported as such
            db.merge(_turn_row(session_id, turn))
            self._touch(db, session_id)

        self._run(work)

    def record_answer(self, session_id: str, index: int, answer: str) -> None:
        """Store the candidate's answer; done before evaluation so an evaluation failure cannot lose it."""

        def work(db: Session) -> None:
            row = self._turn(db, session_id, index)
            row.answer = answer
            self._touch(db, session_id)

        self._run(work)

    def record_evaluation(
        self,
        session_id: str,
        index: int,
        evaluation: Evaluation,
        *,
        timings: dict[str, float] | None = None,
        tokens: dict[str, int] | None = None,
    ) -> None:
        def work(db: Session) -> None:
            row = self._turn(db, session_id, index)
            row.evaluation = evaluation.model_dump(mode="json")
            row.timings = dict(timings or {})
            row.tokens = dict(tokens or {})
            self._touch(db, session_id)

        self._run(work)

    def update_session(
        self,
        session_id: str,
        *,
        status: str | None = None,
        totals: dict[str, Any] | None = None,
        history_summary: str | None = None,
        plan: Plan | None = None,
    ) -> None:
        def work(db: Session) -> None:
            row = self._session_row(db, session_id)
            if status is not None:
                row.status = status
            if totals is not None:
                row.totals = dict(totals)
            if history_summary is not None:
                row.history_summary = history_summary
            if plan is not None:
                row.plan = plan.model_dump(mode="json")
            row.updated_at = _now()

        self._run(work)

    def finish_session(self, session_id: str, totals: dict[str, Any], *, status: str = "finished") -> None:
        self.update_session(session_id, status=status, totals=totals)

    def get_session(self, session_id: str, *, user_id: str | None = None) -> InterviewSession:
        """One session with its turns. With `user_id`, another user's session is reported as missing."""

        def work(db: Session) -> InterviewSession:
            row = self._session_row(db, session_id, user_id)
            turns = db.scalars(
                select(TurnRow).where(TurnRow.session_id == session_id).order_by(TurnRow.index)
            ).all()
            return InterviewSession(
                id=row.id,
                user_id=row.user_id,
                role=row.role,
                focus=row.focus,
                length=row.length,
                mode=row.mode,
                engine=row.engine,
                plan=Plan.model_validate(row.plan),
                status=row.status,
                turns=[_turn_model(t) for t in turns],
                totals=dict(row.totals or {}),
                history_summary=row.history_summary or "",
                resume_ref=row.resume_ref,
                created_at=_utc(row.created_at),
                updated_at=_utc(row.updated_at),
            )

        return self._run(work)

    def session_exists(self, session_id: str, *, user_id: str) -> bool:
        """Whether this user's session is still stored (another window may have deleted it)."""

        def work(db: Session) -> bool:
            owner = db.scalar(select(SessionRow.user_id).where(SessionRow.id == session_id))
            return owner is not None and owner == user_id

        return self._run(work)

    def list_sessions(self, user_id: str = LOCAL_USER_ID, *, limit: int = 100) -> list[SessionSummary]:
        """Newest first."""

        def work(db: Session) -> list[SessionSummary]:
            answered = (
                select(TurnRow.session_id, func.count(func.distinct(TurnRow.question_index)).label("n"))
                .where(TurnRow.evaluation.is_not(None))
                .group_by(TurnRow.session_id)
                .subquery()
            )
            rows = db.execute(
                select(SessionRow, answered.c.n)
                .outerjoin(answered, answered.c.session_id == SessionRow.id)
                .where(SessionRow.user_id == user_id)
                .order_by(SessionRow.created_at.desc())
                .limit(limit)
            ).all()
            return [
                SessionSummary(
                    id=row.id,
                    role=row.role,
                    focus=row.focus,
                    mode=row.mode,
                    engine=row.engine,
                    length=row.length,
                    status=row.status,
                    answered=int(n or 0),
                    overall=(row.totals or {}).get("overall"),
                    totals=dict(row.totals or {}),
                    created_at=_utc(row.created_at),
                    updated_at=_utc(row.updated_at),
                )
                for row, n in rows
            ]

        return self._run(work)

    def latest_unfinished(self, user_id: str = LOCAL_USER_ID) -> str | None:
        def work(db: Session) -> str | None:
            return db.scalar(
                select(SessionRow.id)
                .where(SessionRow.user_id == user_id, SessionRow.status == "active")
                .order_by(SessionRow.updated_at.desc())
                .limit(1)
            )

        return self._run(work)

    def recent_question_ids(self, user_id: str = LOCAL_USER_ID, *, sessions: int = 3) -> list[str]:
        """Bank question ids asked in the user's last few sessions, so a new plan can avoid repeating them."""

        def work(db: Session) -> list[str]:
            rows = db.scalars(
                select(SessionRow.plan)
                .where(SessionRow.user_id == user_id)
                .order_by(SessionRow.created_at.desc())
                .limit(sessions)
            ).all()
            ids: list[str] = []
            for plan in rows:
                for q in (plan or {}).get("questions", []):
                    if q.get("question_id") and q["question_id"] not in ids:
                        ids.append(q["question_id"])
            return ids

        return self._run(work)

    def competency_history(self, user_id: str = LOCAL_USER_ID) -> list[CompetencyPoint]:
        """Per session (oldest first) and competency, the mean score of the evaluated answers."""

        def work(db: Session) -> list[CompetencyPoint]:
            rows = db.execute(
                select(SessionRow.id, SessionRow.created_at, TurnRow.competency, TurnRow.evaluation)
                .join(TurnRow, TurnRow.session_id == SessionRow.id)
                .where(SessionRow.user_id == user_id, TurnRow.evaluation.is_not(None))
                .order_by(SessionRow.created_at, TurnRow.index)
            ).all()
            buckets: dict[tuple[str, str], tuple[datetime, list[int]]] = {}
            for session_id, created_at, competency, evaluation in rows:
                key = (session_id, competency)
                buckets.setdefault(key, (_utc(created_at), []))[1].append(int(evaluation["score"]))
            return [
                CompetencyPoint(
                    session_id=session_id,
                    created_at=created_at,
                    competency=competency,
                    score=round(sum(scores) / len(scores), 2),
                    answers=len(scores),
                )
                for (session_id, competency), (created_at, scores) in buckets.items()
            ]

        return self._run(work)

    # -- resume versions --

    def save_resume_version(
        self,
        *,
        label: str,
        source_hash: str,
        structured: dict[str, Any],
        tailored: dict[str, Any] | None = None,
        user_id: str = LOCAL_USER_ID,
    ) -> str:
        version_id = str(uuid.uuid4())

        def work(db: Session) -> None:
            db.add(
                ResumeVersionRow(
                    id=version_id,
                    user_id=user_id,
                    created_at=_now(),
                    label=label,
                    source_hash=source_hash,
                    structured=structured,
                    tailored=tailored,
                )
            )

        self._run(work)
        return version_id

    def list_resume_versions(self, user_id: str = LOCAL_USER_ID) -> list[ResumeVersion]:
        """Newest first."""

        def work(db: Session) -> list[ResumeVersion]:
            rows = db.scalars(
                select(ResumeVersionRow)
                .where(ResumeVersionRow.user_id == user_id)
                .order_by(ResumeVersionRow.created_at.desc())
            ).all()
            return [
                ResumeVersion(
                    id=r.id,
                    created_at=_utc(r.created_at),
                    label=r.label,
                    source_hash=r.source_hash,
                    structured=r.structured,
                    tailored=r.tailored,
                )
                for r in rows
            ]

        return self._run(work)

    # -- spoken answers --

    def record_delivery(
        self, session_id: str, index: int, metrics: dict[str, Any], *, audio: bytes | None = None
    ) -> None:
        """Store a spoken answer's delivery metrics (and the WAV only if the candidate chose to keep it)."""

        def work(db: Session) -> None:
            self._turn(db, session_id, index)  # the turn must exist: a clear error, not an orphan row
            db.merge(TurnDeliveryRow(session_id=session_id, index=index, metrics=dict(metrics), audio=audio,
                                     created_at=_now()))

        self._run(work)

    def deliveries(self, session_id: str) -> dict[int, dict[str, Any]]:
        """Delivery metrics of a session's spoken answers, by turn index (typed answers have none)."""

        def work(db: Session) -> dict[int, dict[str, Any]]:
            rows = db.execute(
                select(TurnDeliveryRow.index, TurnDeliveryRow.metrics).where(TurnDeliveryRow.session_id == session_id)
            )
            return {int(i): dict(m) for i, m in rows}

        return self._run(work)

    def delivery_audio(self, session_id: str, index: int) -> bytes | None:
        def work(db: Session) -> bytes | None:
            row = db.get(TurnDeliveryRow, (session_id, index))
            return row.audio if row is not None else None

        return self._run(work)

    def delivery_history(self, user_id: str = LOCAL_USER_ID) -> list[dict[str, Any]]:
        """Every spoken answer's metrics with its session date, oldest first (History's delivery trend)."""

        def work(db: Session) -> list[dict[str, Any]]:
            rows = db.execute(
                select(SessionRow.id, SessionRow.created_at, TurnDeliveryRow.index, TurnDeliveryRow.metrics)
                .join(TurnDeliveryRow, TurnDeliveryRow.session_id == SessionRow.id)
                .where(SessionRow.user_id == user_id)
                .order_by(SessionRow.created_at, TurnDeliveryRow.index)
            )
            return [
                {"session_id": sid, "session_created_at": _utc(created), "turn_index": int(i), **dict(m)}
                for sid, created, i, m in rows
            ]

        return self._run(work)

    # -- privacy --

    def delete_all_user_data(self, user_id: str) -> DeletionReport:
        """"Delete my data": every session, turn and resume version of this one user, and nobody else's.

        The user id is required: there is deliberately no "everyone" form a page could reach by accident.
        """
        if not user_id:
            raise ValueError("delete_all_user_data needs the user id whose data to delete")

        def work(db: Session) -> DeletionReport:
            session_ids = select(SessionRow.id).where(SessionRow.user_id == user_id)
            answers = db.scalar(
                select(func.count()).select_from(TurnRow).where(
                    TurnRow.session_id.in_(session_ids), TurnRow.answer.is_not(None)
                )
            )
            turns = db.execute(delete(TurnRow).where(TurnRow.session_id.in_(session_ids)))
            other = _delete_feature_rows(db, user_id)
            sessions = db.execute(delete(SessionRow).where(SessionRow.user_id == user_id))
            resumes = db.execute(delete(ResumeVersionRow).where(ResumeVersionRow.user_id == user_id))
            return DeletionReport(
                sessions=_deleted(sessions),
                turns=_deleted(turns),
                answers=int(answers or 0),
                resume_versions=_deleted(resumes),
                other=other,
            )

        report = self._run(work)
        if self.is_sqlite:
            # Deleted rows must not linger in free pages or the WAL file.
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                    conn.exec_driver_sql("VACUUM")
            except OperationalError as exc:
                raise _friendly(exc) from exc
        return report

    # -- helpers --

    @staticmethod
    def _session_row(db: Session, session_id: str, user_id: str | None = None) -> SessionRow:
        row = db.get(SessionRow, session_id)
        if row is None or (user_id is not None and row.user_id != user_id):
            raise SessionMissing(session_id)
        return row

    @staticmethod
    def _turn(db: Session, session_id: str, index: int) -> TurnRow:
        row = db.get(TurnRow, (session_id, index))
        if row is None:
            if db.get(SessionRow, session_id) is None:
                raise SessionMissing(session_id)
            raise StorageError(f"Session {session_id!r} has no turn {index}.", code="not_found")
        return row

    @staticmethod
    def _touch(db: Session, session_id: str) -> None:
        row = db.get(SessionRow, session_id)
        if row is not None:
            row.updated_at = _now()


_CORE_TABLES = frozenset({"interview_sessions", "turns", "resume_versions"})


def _delete_feature_rows(db: Session, user_id: str | None) -> dict[str, int]:
    """Every other table holding a `user_id` column, read from the database itself (not from imported models), so
    feature data is deleted even in a process that never loaded the feature."""
    connection = db.connection()
    inspector = inspect(connection)
    removed: dict[str, int] = {}
    for name in inspector.get_table_names():
        if name in _CORE_TABLES or name.startswith("alembic"):
            continue
        if "user_id" not in {c["name"] for c in inspector.get_columns(name)}:
            continue
        table = Table(name, MetaData(), autoload_with=connection)
        stmt = delete(table) if not user_id else delete(table).where(table.c.user_id == user_id)
        removed[name] = _deleted(db.execute(stmt))
    return removed


def _deleted(result: object) -> int:
    """Rows a DELETE removed. The session returns a CursorResult for one, but types `execute` as the wider Result,
    which has no row count."""
    return (result.rowcount or 0) if isinstance(result, CursorResult) else 0


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
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


def _turn_row(session_id: str, turn: Turn) -> TurnRow:
    return TurnRow(
        session_id=session_id,
        index=turn.index,
        question_index=turn.question_index,
        kind=turn.kind,
        question=turn.question,
        competency=turn.competency,
        citations=[c.model_dump(mode="json") for c in turn.citations],
        answer=turn.answer,
        evaluation=turn.evaluation.model_dump(mode="json") if turn.evaluation else None,
        timings=dict(turn.timings),
        tokens=dict(turn.tokens),
        created_at=turn.created_at,
    )


def _turn_model(row: TurnRow) -> Turn:
    return Turn(
        index=row.index,
        question_index=row.question_index,
        kind=row.kind,
        question=row.question,
        competency=row.competency,
        citations=row.citations or [],
        answer=row.answer,
        evaluation=Evaluation.model_validate(row.evaluation) if row.evaluation else None,
        timings=dict(row.timings or {}),
        tokens=dict(row.tokens or {}),
        created_at=_utc(row.created_at),
    )


def new_session_id() -> str:
    return str(uuid.uuid4())
