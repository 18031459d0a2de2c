"""Sync: feed cursors and last-success times, the outbox's send time, supervision feedback,
online applications, where a user account comes from

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 09:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("cursor", sa.Text(), nullable=False),
        sa.Column("last_success", sa.String(length=32), nullable=True),
        sa.Column("last_attempt", sa.String(length=32), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("rejected", sa.Text(), nullable=False),
        sa.Column("rejected_at", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "supervision_feedback",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("licence", sa.String(length=40), nullable=False),
        sa.Column("permit", sa.String(length=40), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column("matter", sa.String(length=32), nullable=False),
        sa.Column("approving_department", sa.String(length=100), nullable=False),
        sa.Column("supervising_department", sa.String(length=100), nullable=False),
        sa.Column("measure", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.String(length=32), nullable=False),
        sa.Column("sent_at", sa.String(length=32), nullable=True),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("acknowledged_by", sa.String(length=64), nullable=True),
        sa.Column("acknowledged_at", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("supervision_feedback", schema=None) as batch_op:
        batch_op.create_index(
            "ix_supervision_feedback_dept", ["approving_department", "acknowledged_at"], unique=False
        )
    op.create_table(
        "online_applications",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("submitted_at", sa.String(length=32), nullable=False),
        sa.Column("received_at", sa.String(length=32), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("taken_by", sa.String(length=64), nullable=True),
        sa.Column("taken_at", sa.String(length=32), nullable=True),
        sa.Column("application_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("online_applications", schema=None) as batch_op:
        batch_op.create_index("ix_online_applications_status", ["status", "submitted_at"], unique=False)

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sent_at", sa.String(length=32), nullable=True))

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source", sa.String(length=16), nullable=False, server_default="local"))


def downgrade() -> None:
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_column("source")

    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_column("sent_at")

    with op.batch_alter_table("online_applications", schema=None) as batch_op:
        batch_op.drop_index("ix_online_applications_status")
    op.drop_table("online_applications")
    with op.batch_alter_table("supervision_feedback", schema=None) as batch_op:
        batch_op.drop_index("ix_supervision_feedback_dept")
    op.drop_table("supervision_feedback")
    op.drop_table("sync_state")
