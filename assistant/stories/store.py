"""The story bank's persistence: stories and their proposed resume bullets, per user, beside the interview tables.

The tables are storage's (`assistant.storage.schema`, created by migration 0003, which `Database` applies before
its first unit of work); this repository maps their rows to the story bank's models. Rows carry the same `user_id`
as interview sessions; "delete my data" removes them with everything else.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from assistant.storage import Database, StorageError
from assistant.storage.database import as_utc
from assistant.storage.schema import StoryBulletRow, StoryRow
from assistant.stories.models import STORY_FIELDS, Quote, Story, StoryBullet


def _to_story(row: StoryRow) -> Story:
    fields = {name: Quote.model_validate(q) for name, q in (row.fields or {}).items() if q and name in STORY_FIELDS}
    return Story(
        id=row.id, user_id=row.user_id, title=row.title, question=row.question, answer=row.answer,
        competencies=list(row.competencies or []), score=row.score, source=row.source,
        engine=row.engine,
        session_id=row.session_id, turn_index=row.turn_index, notes=row.notes or "",
        created_at=as_utc(row.created_at), updated_at=as_utc(row.updated_at), **fields,
    )


def _fields_json(story: Story) -> dict[str, Any]:
    return {name: q.model_dump() for name in STORY_FIELDS if (q := story.field(name)) is not None}


def _to_bullet(row: StoryBulletRow) -> StoryBullet:
    return StoryBullet(id=row.id, story_id=row.story_id, text=row.text, provenance=row.provenance or [],
                       findings=row.findings or [], accepted=row.accepted, created_at=as_utc(row.created_at))


def new_id() -> str:
    return str(uuid.uuid4())


class StoryRepository:
    """One user's stories and bullets. Every write checks the story's quotes first: nothing unverified is stored."""

    def __init__(self, db: Database, user_id: str = "local") -> None:
        self.db = db
        self.user_id = user_id

    # -- stories --

    def add(self, story: Story) -> Story:
        problems = story.verify()
        if problems:
            raise StorageError("The story was not saved: " + "; ".join(problems), code="invalid_input")
        story = story.model_copy(update={"user_id": self.user_id})

        def work(db: Session) -> None:
            db.add(StoryRow(
                id=story.id, user_id=story.user_id, title=story.title, question=story.question, answer=story.answer,
                competencies=story.competencies, fields=_fields_json(story), score=story.score, source=story.source,
                engine=story.engine, session_id=story.session_id, turn_index=story.turn_index, notes=story.notes,
                created_at=story.created_at, updated_at=story.updated_at,
            ))

        self.db.run(work)
        return story

    def save(self, story: Story) -> Story:
        """Overwrite an edited story (same checks as `add`)."""
        problems = story.verify()
        if problems:
            raise StorageError("The edit was not saved: " + "; ".join(problems), code="invalid_input")

        def work(db: Session) -> None:
            row = self._row(db, story.id)
            row.title, row.competencies, row.notes = story.title, list(story.competencies), story.notes
            row.fields = _fields_json(story)
            row.updated_at = datetime.now(UTC)

        self.db.run(work)
        return self.get(story.id)

    def get(self, story_id: str) -> Story:
        return self.db.run(lambda db: _to_story(self._row(db, story_id)))

    def list_stories(self, competency: str | None = None) -> list[Story]:
        """Newest first; with `competency`, only stories tagged with it."""

        def work(db: Session) -> list[Story]:
            rows = db.scalars(select(StoryRow).where(StoryRow.user_id == self.user_id)
                              .order_by(StoryRow.created_at.desc())).all()
            return [_to_story(r) for r in rows]

        stories = self.db.run(work)
        return [s for s in stories if competency is None or competency in s.competencies]

    def delete(self, story_id: str) -> None:
        self.db.run(lambda db: db.delete(self._row(db, story_id)))

    def harvested_turns(self, session_id: str) -> set[int]:
        """Turn indexes of a session that already became stories (harvesting is idempotent)."""

        def work(db: Session) -> set[int]:
            rows = db.scalars(select(StoryRow.turn_index).where(
                StoryRow.user_id == self.user_id, StoryRow.session_id == session_id)).all()
            return {r for r in rows if r is not None}

        return self.db.run(work)

    # -- bullets --

    def replace_bullets(self, story_id: str, bullets: list[StoryBullet]) -> list[StoryBullet]:
        """Store freshly proposed bullets for a story, keeping the ones the user already accepted."""

        def work(db: Session) -> None:
            self._row(db, story_id)
            for row in db.scalars(select(StoryBulletRow).where(StoryBulletRow.story_id == story_id,
                                                               StoryBulletRow.accepted.is_(False))).all():
                db.delete(row)
            kept = {r.text for r in db.scalars(select(StoryBulletRow).where(
                StoryBulletRow.story_id == story_id)).all()}
            for b in bullets:
                if b.text in kept:
                    continue
                db.add(StoryBulletRow(
                    id=b.id, user_id=self.user_id, story_id=story_id, text=b.text,
                    provenance=[q.model_dump() for q in b.provenance],
                    findings=[f.model_dump() for f in b.findings], accepted=b.accepted, created_at=b.created_at,
                ))

        self.db.run(work)
        return self.bullets(story_id)

    def bullets(self, story_id: str | None = None, *, accepted: bool | None = None) -> list[StoryBullet]:
        def work(db: Session) -> list[StoryBullet]:
            stmt = select(StoryBulletRow).where(StoryBulletRow.user_id == self.user_id)
            if story_id is not None:
                stmt = stmt.where(StoryBulletRow.story_id == story_id)
            if accepted is not None:
                stmt = stmt.where(StoryBulletRow.accepted.is_(accepted))
            return [_to_bullet(r) for r in db.scalars(stmt.order_by(StoryBulletRow.created_at)).all()]

        return self.db.run(work)

    def set_accepted(self, bullet_id: str, accepted: bool = True) -> StoryBullet:
        """Accept (or withdraw) a bullet. A bullet the guard flagged cannot be accepted: it states an unstated fact."""

        def work(db: Session) -> StoryBullet:
            row = db.get(StoryBulletRow, bullet_id)
            if row is None or row.user_id != self.user_id:
                raise StorageError(f"No story bullet with id {bullet_id!r}.", code="not_found")
            if accepted and row.findings:
                raise StorageError("This bullet states facts your story does not (see its findings); edit the "
                                   "story or pick another bullet.", code="invalid_input")
            row.accepted = accepted
            return _to_bullet(row)

        return self.db.run(work)

    # -- helpers --

    def _row(self, db: Session, story_id: str) -> StoryRow:
        row = db.get(StoryRow, story_id)
        if row is None or row.user_id != self.user_id:
            # Ids are accepted as a unique prefix too, so the CLI can show short ids.
            rows = db.scalars(select(StoryRow).where(StoryRow.user_id == self.user_id,
                                                     StoryRow.id.startswith(story_id, autoescape=True))).all() if story_id else []
            if len(rows) == 1 and len(story_id) >= 4:
                return rows[0]
            raise StorageError(f"No story with id {story_id!r} (see `assistant stories list`).", code="not_found")
        return row
