"""Counter workbench: automatic approval rules, ratings and rectifications, intake drafts, queue index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 08:21:36.945471
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "approval_rules",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("matter_codes", sa.JSON(), nullable=False),
        sa.Column("conditions", sa.JSON(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("code", "version"),
    )
    op.create_table(
        "intake_drafts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("intake_drafts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_intake_drafts_owner"), ["owner"], unique=False)

    op.create_table(
        "rectifications",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("callback_record", sa.Text(), nullable=False),
        sa.Column("done_by", sa.String(length=64), nullable=False),
        sa.Column("done_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("rectifications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rectifications_application_id"), ["application_id"], unique=False
        )

    op.create_table(
        "service_ratings",
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
        ),
        sa.PrimaryKeyConstraint("application_id"),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("materials_received", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )

    with op.batch_alter_table("permit_requests", schema=None) as batch_op:
        batch_op.create_index("ix_permit_requests_queue", ["department", "state", "due_date"], unique=False)
        batch_op.create_index("ix_permit_requests_due", ["department", "due_date", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("permit_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_permit_requests_due")
        batch_op.drop_index("ix_permit_requests_queue")

    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_column("materials_received")

    op.drop_table("service_ratings")
    with op.batch_alter_table("rectifications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectifications_application_id"))

    op.drop_table("rectifications")
    with op.batch_alter_table("intake_drafts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_intake_drafts_owner"))

    op.drop_table("intake_drafts")
    op.drop_table("approval_rules")
