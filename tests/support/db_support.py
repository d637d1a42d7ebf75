"""Database helpers shared by the migration, PostgreSQL and load tests: a release-made database, a comparable
snapshot of every row, schema drift against the models, and a writer that runs in its own process."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, create_engine, select
from sqlalchemy.engine import Engine

from assistant.storage.schema import metadata

DATA = Path(__file__).resolve().parent.parent / "data"
# `sqlite3 coach.db .dump` of a database made by release 0.1 (commit 26a9dc3) through its own CLI and storage
# API: three offline interviews (one finished, two unfinished, one with an answer stored before its evaluation)
# and two resume versions. Synthetic answers only.
RELEASE_DUMP = DATA / "release-0.1" / "coach.sql"
#: The interview tables, which every release since 0.1 has and keeps (parents before children).
TABLES = ("interview_sessions", "turns")
#: Release 0.1's tables: also `resume_versions`, which no feature ever wrote and migration 0004 drops.
RELEASE_TABLES = (*TABLES, "resume_versions")


def release_sqlite(path: Path) -> str:
    """A SQLite file holding exactly what release 0.1 wrote; returns its SQLAlchemy URL."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.executescript(RELEASE_DUMP.read_text(encoding="utf-8"))
    return f"sqlite:///{path}"


def snapshot(engine: Engine, tables: tuple[str, ...] = TABLES) -> dict[str, list[dict[str, Any]]]:
    """Every row of `tables`, as plain values sorted by key, so two databases (or one before and after a
    migration, or SQLite and PostgreSQL) compare equal exactly when no value was lost or changed."""
    reflected = MetaData()
    reflected.reflect(engine, only=list(tables))
    out: dict[str, list[dict[str, Any]]] = {}
    with engine.connect() as conn:
        for name in tables:
            table = reflected.tables[name]
            rows = [_plain(dict(row._mapping)) for row in conn.execute(select(table))]
            out[name] = sorted(rows, key=lambda r: (r.get("id") or r.get("session_id"), r.get("turn_index", 0)))
    return out


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    """SQLite hands back naive UTC datetimes and PostgreSQL aware ones: compare the instant."""
    from datetime import UTC, datetime

    return {
        key: (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).isoformat()
        if isinstance(value, datetime) else value
        for key, value in row.items()
    }


def schema_drift(engine: Engine) -> list[Any]:
    """What Alembic's autogenerate would still change: empty when the database matches the models exactly."""
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return [d for d in compare_metadata(context, metadata) if not _is_alembic_table(d)]


def _is_alembic_table(diff: Any) -> bool:
    return isinstance(diff, tuple) and diff[0] == "remove_table" and diff[1].name == "alembic_version"


def copy_rows(source_url: str, target: Engine, tables: tuple[str, ...] = RELEASE_TABLES) -> None:
    """Copy every row of `tables` from one database into another that has the same tables."""
    source = create_engine(source_url)
    reflected = MetaData()
    reflected.reflect(source, only=list(tables))
    target_tables = MetaData()
    target_tables.reflect(target, only=list(tables))
    with source.connect() as read, target.begin() as write:
        for name in tables:  # parents before children
            rows = [dict(r._mapping) for r in read.execute(select(reflected.tables[name]))]
            if rows:
                write.execute(target_tables.tables[name].insert(), rows)
    source.dispose()


def write_sessions(url: str, worker: int, sessions: int, turns: int, start: Any = None,
                   user_id: str | None = None) -> list[str]:
    """One writer process: open the database (migrating it if needed), then store whole interviews turn by turn
    through the interview repository, exactly as the interview engine does. Returns the ids of its sessions.

    `start` is a multiprocessing event all writers wait on, so they really start together. The sessions belong
    to `user_id` (default "writer-N")."""
    from assistant.interview.models import Dimensions, Evaluation
    from assistant.interview.session import InterviewSession, Plan, PlannedQuestion, Turn
    from assistant.interview.store import InterviewRepository, new_session_id
    from assistant.storage import Database

    if start is not None:
        start.wait(timeout=60)
    database = Database(url)
    db = InterviewRepository(database)
    ids: list[str] = []
    try:
        for n in range(sessions):
            plan = Plan(focus="mixed", seed=n, questions=[
                PlannedQuestion(text=f"Question {q}", competency="people_leadership", question_id=f"q{q}")
                for q in range(turns)
            ])
            session = db.create_session(InterviewSession(
                id=new_session_id(), user_id=user_id or f"writer-{worker}", role="ml-director", focus="mixed",
                length=turns, plan=plan,
            ))
            for index in range(turns):
                db.save_turn(session.id, Turn(index=index, question_index=index, question=f"Question {index}",
                                              competency="people_leadership"))
                db.record_answer(session.id, index, f"writer {worker} session {n} answer {index}")
                dims = Dimensions(structure=3, ownership=3, specificity=3, relevance=3, altitude=3)
                db.record_evaluation(session.id, index,
                                     Evaluation(score=3, competency="people_leadership", dimensions=dims),
                                     timings={"total_ms": 1.0}, tokens={})
            db.finish_session(session.id, {"overall": 3.0})
            ids.append(session.id)
    finally:
        database.close()
    return ids


def release_schema() -> MetaData:
    """The tables exactly as release 0.1 declared them (assistant/storage.py at commit 26a9dc3), for making a
    release database on a server: release 0.1 created its tables with `metadata.create_all`, and this is that
    metadata, frozen here so later changes to the models cannot change what "a release database" means."""
    from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, String, Table, Text

    meta = MetaData()
    Table(
        "interview_sessions", meta,
        Column("id", String(36), primary_key=True),
        Column("user_id", String(64), nullable=False, index=True),
        Column("role", String(100), nullable=False),
        Column("focus", String(20), nullable=False),
        Column("length", Integer, nullable=False),
        Column("mode", String(20), nullable=False),
        Column("engine", String(20), nullable=False),
        Column("plan", JSON, nullable=False),
        Column("status", String(20), nullable=False, index=True),
        Column("totals", JSON, nullable=False),
        Column("history_summary", Text, nullable=False),
        Column("resume_ref", String(64), nullable=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    )
    Table(
        "turns", meta,
        Column("session_id", String(36), ForeignKey("interview_sessions.id", ondelete="CASCADE"), primary_key=True),
        Column("turn_index", Integer, primary_key=True),
        Column("question_index", Integer, nullable=False),
        Column("kind", String(20), nullable=False),
        Column("question", Text, nullable=False),
        Column("competency", String(100), nullable=False),
        Column("citations", JSON, nullable=False),
        Column("answer", Text, nullable=True),
        Column("evaluation", JSON(none_as_null=True), nullable=True),
        Column("timings", JSON, nullable=False),
        Column("tokens", JSON, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
    )
    Table(
        "resume_versions", meta,
        Column("id", String(36), primary_key=True),
        Column("user_id", String(64), nullable=False, index=True),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("label", String(200), nullable=False),
        Column("source_hash", String(128), nullable=False),
        Column("structured", JSON, nullable=False),
        Column("tailored", JSON(none_as_null=True), nullable=True),
    )
    return meta
