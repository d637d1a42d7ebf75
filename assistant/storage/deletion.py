""""Delete my data": every row of one user, across every aggregate (interviews, story bank, exercises).

It lives in storage, not in a feature, because it must cover tables whose feature this process never loaded: it
walks the whole schema (`assistant.storage.schema`), so a table added there with a `user_id` column is covered
without touching this module (tests/test_storage.py checks that every table either has one or cascades from an
interview session).
"""

from __future__ import annotations

from pydantic import BaseModel, Field
from sqlalchemy import delete, func, select
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from assistant.storage.database import Database
from assistant.storage.schema import SessionRow, TurnRow, metadata


class DeletionReport(BaseModel):
    """Exactly what "Delete my data" removed for one user."""

    sessions: int
    turns: int
    answers: int = 0
    other: dict[str, int] = Field(default_factory=dict, description="Rows removed from other tables, by table.")


def delete_all_user_data(db: Database, user_id: str) -> DeletionReport:
    """Every interview (with its turns and spoken-answer data), story, bullet and exercise attempt of this one
    user, and nobody else's, in one transaction.

    The user id is required: there is deliberately no "everyone" form a page could reach by accident.
    """
    if not user_id:
        raise ValueError("delete_all_user_data needs the user id whose data to delete")

    def work(session: Session) -> DeletionReport:
        session_ids = select(SessionRow.id).where(SessionRow.user_id == user_id)
        answers = session.scalar(
            select(func.count()).select_from(TurnRow).where(
                TurnRow.session_id.in_(session_ids), TurnRow.answer.is_not(None)
            )
        )
        turns = session.execute(delete(TurnRow).where(TurnRow.session_id.in_(session_ids)))
        other: dict[str, int] = {}
        # Children before parents, so each table's count is its own rows, not rows a cascade already took.
        for table in reversed(metadata.sorted_tables):
            if table.name in (SessionRow.__tablename__, TurnRow.__tablename__) or "user_id" not in table.c:
                continue
            other[table.name] = _deleted(session.execute(delete(table).where(table.c.user_id == user_id)))
        # Turn delivery rows (and anything else hanging off a session) go with it: ON DELETE CASCADE.
        sessions = session.execute(delete(SessionRow).where(SessionRow.user_id == user_id))
        return DeletionReport(sessions=_deleted(sessions), turns=_deleted(turns), answers=int(answers or 0),
                              other=other)

    report = db.run(work)
    db.scrub_deleted_rows()
    return report


def _deleted(result: object) -> int:
    """Rows a DELETE removed. The session returns a CursorResult for one, but types `execute` as the wider Result,
    which has no row count."""
    return (result.rowcount or 0) if isinstance(result, CursorResult) else 0
