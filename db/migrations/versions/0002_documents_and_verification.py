"""Documents and verification: matter conditions, chosen industries, licence QR, trust list, status list

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 07:38:24.714774
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_records",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("document", sa.String(length=120), nullable=False),
        sa.Column("application_number", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("copies", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("print_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_records_document"), ["document"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_print_records_application_number"), ["application_number"], unique=False
        )
    op.create_table(
        "status_list",
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=2), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(length=32), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("number"),
    )
    op.create_table(
        "trusted_keys",
        sa.Column("key_id", sa.String(length=16), nullable=False),
        sa.Column("public_key_pem", sa.Text(), nullable=False),
        sa.Column("authority", sa.String(length=100), nullable=False),
        sa.Column("station", sa.String(length=100), nullable=False),
        sa.Column("registered_at", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("key_id"),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("industries", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )

    with op.batch_alter_table("catalog_matters", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("conditions", sa.JSON(), nullable=False, server_default=sa.text("'[]'"))
        )

    with op.batch_alter_table("industry_licences", schema=None) as batch_op:
        batch_op.add_column(sa.Column("application_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("qr_text", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("key_id", sa.String(length=16), nullable=False, server_default=""))
        batch_op.create_index(
            batch_op.f("ix_industry_licences_application_id"), ["application_id"], unique=False
        )
        batch_op.create_foreign_key(
            "fk_industry_licences_application", "applications", ["application_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("industry_licences", schema=None) as batch_op:
        batch_op.drop_constraint("fk_industry_licences_application", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_industry_licences_application_id"))
        batch_op.drop_column("key_id")
        batch_op.drop_column("qr_text")
        batch_op.drop_column("application_id")

    with op.batch_alter_table("catalog_matters", schema=None) as batch_op:
        batch_op.drop_column("conditions")

    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_column("industries")

    op.drop_table("trusted_keys")
    op.drop_table("print_records")
    op.drop_table("status_list")
