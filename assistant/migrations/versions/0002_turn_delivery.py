"""Spoken answers: `turn_delivery` (pace, fillers, pauses beside a turn; the recording only when opted in).

A database made between the voice feature and migrations already has this table (made by `create_all`); it is
left as it is, so this revision only creates what is missing.

Revision ID: 0002_turn_delivery
Revises: 0001_baseline
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_turn_delivery"
down_revision: str | None = "0001_baseline"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    if sa.inspect(op.get_bind()).has_table("turn_delivery"):
        return
    op.create_table(
        "turn_delivery",
        sa.Column("session_id", sa.String(length=36), nullable=False),
        sa.Column("turn_index", sa.Integer(), nullable=False),
        sa.Column("metrics", sa.JSON(), nullable=False),
        sa.Column("audio", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["interview_sessions.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id", "turn_index"),
    )


def downgrade() -> None:
    op.drop_table("turn_delivery")
