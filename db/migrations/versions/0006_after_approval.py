"""After approval: commitment snapshots taken at acceptance (case_commitments), commitment checks
with rectification (commitment_checks), lifecycle decisions on permits (permit_events)

Credit records need no change: credit_records already has the market_ban kind, person_id and
valid_until.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26 12:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_commitments",
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("matter_code", sa.String(length=32), nullable=False),
        sa.Column("catalog_version_id", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.Column("taken_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"]),
        sa.PrimaryKeyConstraint("application_id", "matter_code"),
    )
    op.create_table(
        "commitment_checks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.Column("application_number", sa.String(length=32), nullable=False),
        sa.Column("matter_code", sa.String(length=32), nullable=False),
        sa.Column("matter_name", sa.String(length=200), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("permit_number", sa.String(length=40), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("due_provisional", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=True),
        sa.Column("rectification_due", sa.Date(), nullable=True),
        sa.Column("rectification_note", sa.Text(), nullable=False),
        sa.Column("closed_by", sa.String(length=64), nullable=False),
        sa.Column("closed_at", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["applications.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("commitment_checks", schema=None) as batch_op:
        batch_op.create_index("ix_commitment_checks_application_id", ["application_id"], unique=False)
        batch_op.create_index("ix_commitment_checks_status_due", ["status", "due_on"], unique=False)
    op.create_table(
        "permit_events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("permit_number", sa.String(length=40), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("from_status", sa.String(length=2), nullable=False),
        sa.Column("to_status", sa.String(length=2), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("new_number", sa.String(length=40), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("permit_events", schema=None) as batch_op:
        batch_op.create_index("ix_permit_events_permit_number", ["permit_number"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("permit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_permit_events_permit_number")
    op.drop_table("permit_events")
    with op.batch_alter_table("commitment_checks", schema=None) as batch_op:
        batch_op.drop_index("ix_commitment_checks_status_due")
        batch_op.drop_index("ix_commitment_checks_application_id")
    op.drop_table("commitment_checks")
    op.drop_table("case_commitments")
