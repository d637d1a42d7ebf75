"""Every table the coach stores, in one place: the schema belongs to storage, not to the features that use it.

`assistant/migrations` brings a database to match these declarations (and its autogenerate and the tests' drift
check compare against `metadata`). A new table or column goes here, then into a new migration revision; the
feature's repository maps rows to its own models. JSON columns hold a feature's pydantic model dumped as JSON
(`mode="json"`), so their shape is that model's; a change of shape needs a data migration like any column.

Every table holding personal data either has a `user_id` column (then "Delete my data" finds it by reading the
database, see `assistant.storage.deletion`) or hangs off `interview_sessions` with ON DELETE CASCADE.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


metadata = Base.metadata


# --- Interviews: a session, its turns, and how spoken answers were delivered ----------------------------------


class SessionRow(Base):
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


class TurnRow(Base):
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


class TurnDeliveryRow(Base):
    """How a spoken answer was delivered (pace, fillers, pauses), beside its turn; the recording itself only when
    the candidate opted in. A table of its own so typed answers are untouched, and deleting a session removes it
    (ON DELETE CASCADE)."""

    __tablename__ = "turn_delivery"

    session_id: Mapped[str] = mapped_column(
        ForeignKey("interview_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    index: Mapped[int] = mapped_column("turn_index", Integer, primary_key=True)
    metrics: Mapped[dict[str, Any]] = mapped_column(JSON)
    audio: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# --- Story bank: stories and the resume bullets proposed from them --------------------------------------------


class StoryRow(Base):
    __tablename__ = "stories"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64), default="local", index=True)
    title: Mapped[str] = mapped_column(String(200))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str] = mapped_column(Text)
    competencies: Mapped[list[str]] = mapped_column(JSON, default=list)
    fields: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source: Mapped[str] = mapped_column(String(20))
    engine: Mapped[str] = mapped_column(String(20), default="offline")
    session_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    turn_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StoryBulletRow(Base):
    __tablename__ = "story_bullets"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64), default="local", index=True)
    story_id: Mapped[str] = mapped_column(ForeignKey("stories.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    provenance: Mapped[list[Any]] = mapped_column(JSON, default=list)
    findings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# --- Director exercises: saved memo reviews and role-plays ----------------------------------------------------


class ExerciseAttemptRow(Base):
    __tablename__ = "exercise_attempts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(String(64), default="local", index=True)
    kind: Mapped[str] = mapped_column(String(20))  # memo | roleplay
    ref: Mapped[str] = mapped_column(String(100))  # exercise or persona id
    text: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    overall: Mapped[str] = mapped_column(String(10), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
