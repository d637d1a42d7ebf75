"""Saved exercise attempts (memo reviews and role-plays), per user, beside the interview tables (the table is
storage's: `assistant.storage.schema.ExerciseAttemptRow`)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.storage import Database
from assistant.storage.database import as_utc
from assistant.storage.schema import ExerciseAttemptRow


class ExerciseAttempt(BaseModel):
    id: str
    kind: str
    ref: str
    text: str
    result: dict[str, Any]
    created_at: datetime


class ExerciseRepository:
    def __init__(self, db: Database, user_id: str = "local") -> None:
        self.db = db
        self.user_id = user_id

    def save(self, kind: str, ref: str, result: BaseModel, text: str = "") -> str:
        attempt_id = str(uuid.uuid4())
        payload = result.model_dump(mode="json")
        overall = (payload.get("review") or payload).get("overall") if isinstance(payload, dict) else None

        def work(db: Session) -> None:
            db.add(ExerciseAttemptRow(id=attempt_id, user_id=self.user_id, kind=kind, ref=ref, text=text,
                                      result=payload, overall="" if overall is None else str(overall),
                                      created_at=datetime.now(UTC)))

        self.db.run(work)
        return attempt_id

    def list_attempts(self, kind: str | None = None) -> list[ExerciseAttempt]:
        def work(db: Session) -> list[ExerciseAttempt]:
            stmt = select(ExerciseAttemptRow).where(ExerciseAttemptRow.user_id == self.user_id)
            if kind:
                stmt = stmt.where(ExerciseAttemptRow.kind == kind)
            rows = db.scalars(stmt.order_by(ExerciseAttemptRow.created_at.desc())).all()
            return [ExerciseAttempt(id=r.id, kind=r.kind, ref=r.ref, text=r.text, result=r.result,
                                    created_at=as_utc(r.created_at)) for r in rows]

        return self.db.run(work)
