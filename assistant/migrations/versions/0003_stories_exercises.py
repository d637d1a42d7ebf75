"""Story bank and director exercises: `stories`, `story_bullets`, `exercise_attempts` (all per user).

These tables were first created on demand by `Database.ensure_tables`; a database that already has them is left
as it is, so this revision only creates what is missing.

Revision ID: 0003_stories_exercises
Revises: 0002_turn_delivery
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003_stories_exercises"
down_revision: str | None = "0002_turn_delivery"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "stories" not in existing:
        op.create_table(
            "stories",
            sa.Column("id", sa.String(length=36), nullable=False),
            sa.Column("user_id", sa.String(length=64), nullable=False),
            sa.Column("title", sa.String(length=200), nullable=False),
            sa.Column("question", sa.Text(), nullable=False),
            sa.Column("answer", sa.Text(), nullable=False),
            sa.Column("competencies", sa.JSON(), nullable=False),
            sa.Column("fields", sa.JSON(), nullable=False),
            sa.Column("score", sa.Integer(), nullable=True),
            sa.Column("source", sa.String(length=20), nullable=False),
            sa.Column("engine", sa.String(length=20), nullable=False),
            sa.Column("session_id", sa.String(length=36), nullable=True),
            sa.Column("turn_index", sa.Integer(), nullable=True),
            sa.Column("notes", sa.Text(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(op.f("ix_stories_user_id"), "stories", ["user_id"], unique=False)
        op.create_index(op.f("ix_stories_session_id"), "stories", ["session_id"], unique=False)
    if "story_bullets" not in existing:
        op.create_table(
            "story_bullets",
            sa.Column("id", sa.String(length=36), nullable=False),
            sa.Column("user_id", sa.String(length=64), nullable=False),
            sa.Column("story_id", sa.String(length=36), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.Column("provenance", sa.JSON(), nullable=False),
            sa.Column("findings", sa.JSON(), nullable=False),
            sa.Column("accepted", sa.Boolean(), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.ForeignKeyConstraint(["story_id"], ["stories.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(op.f("ix_story_bullets_user_id"), "story_bullets", ["user_id"], unique=False)
        op.create_index(op.f("ix_story_bullets_story_id"), "story_bullets", ["story_id"], unique=False)
    if "exercise_attempts" not in existing:
        op.create_table(
            "exercise_attempts",
            sa.Column("id", sa.String(length=36), nullable=False),
            sa.Column("user_id", sa.String(length=64), nullable=False),
            sa.Column("kind", sa.String(length=20), nullable=False),
            sa.Column("ref", sa.String(length=100), nullable=False),
            sa.Column("text", sa.Text(), nullable=False),
            sa.Column("result", sa.JSON(), nullable=False),
            sa.Column("overall", sa.String(length=10), nullable=False),
            sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index(op.f("ix_exercise_attempts_user_id"), "exercise_attempts", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_table("exercise_attempts")
    op.drop_table("story_bullets")
    op.drop_table("stories")
