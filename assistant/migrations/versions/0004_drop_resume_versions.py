"""Drop `resume_versions`: no feature of any release wrote it (only tests did), so it held no user's data.

The table came with the baseline schema for a resume-history feature that was never built; its read and write
methods were used by tests alone and are gone. Should a feature need saved resume versions, it gets a table
designed for it then. The downgrade recreates the table (empty) exactly as the baseline made it.

Revision ID: 0004_drop_resume_versions
Revises: 0003_stories_exercises
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004_drop_resume_versions"
down_revision: str | None = "0003_stories_exercises"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    if not sa.inspect(op.get_bind()).has_table("resume_versions"):
        return
    op.drop_index(op.f("ix_resume_versions_user_id"), table_name="resume_versions")
    op.drop_table("resume_versions")


def downgrade() -> None:
    op.create_table(
        "resume_versions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("source_hash", sa.String(length=128), nullable=False),
        sa.Column("structured", sa.JSON(), nullable=False),
        sa.Column("tailored", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_resume_versions_user_id"), "resume_versions", ["user_id"], unique=False)
