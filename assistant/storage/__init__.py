"""Persistence through SQLAlchemy 2.0: one schema, one connection, one repository per aggregate.

- `database`: the engine (SQLite in WAL mode by default, any SQLAlchemy URL such as PostgreSQL), committed units of
  work (`Database.run`) and database faults as plain `StorageError`s.
- `schema`: every table, owned here rather than by the feature that reads it; `assistant/migrations` (Alembic,
  applied before the first unit of work) brings a database to match it.
- `deletion`: "Delete my data" across every aggregate.

The repositories that map rows to a feature's own models live with the feature and run through `Database.run`:
`assistant.interview.store.InterviewRepository` (sessions, turns, spoken-answer delivery),
`assistant.stories.store.StoryRepository`, `assistant.exercises.store.ExerciseRepository`. Storage imports no
feature.
"""

from assistant.storage.database import LOCAL_USER_ID, Database, StorageError
from assistant.storage.deletion import DeletionReport, delete_all_user_data

__all__ = ["LOCAL_USER_ID", "Database", "DeletionReport", "StorageError", "delete_all_user_data"]
