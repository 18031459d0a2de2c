"""双随机、一公开: inspection items, the inspector pool and declared conflicts, random draws and
their results (published under 双公示)

Sampling ratios per credit class are settings (inspection_ratio_A … _D, see
desktop/services/settings.py); their defaults live in code, so no settings rows are written here.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26 11:20:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inspection_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("matter_code", sa.String(length=32), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("item", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("inspection_items", schema=None) as batch_op:
        batch_op.create_index("ix_inspection_items_matter_code", ["matter_code"], unique=False)
    op.create_table(
        "inspectors",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("department", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("username"),
    )
    with op.batch_alter_table("inspectors", schema=None) as batch_op:
        batch_op.create_index("ix_inspectors_department", ["department"], unique=False)
    op.create_table(
        "inspector_conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("inspector", sa.String(length=64), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("inspector", "uscc"),
    )
    op.create_table(
        "inspection_draws",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("seed", sa.String(length=200), nullable=False),
        sa.Column("matter_code", sa.String(length=32), nullable=False),
        sa.Column("ratio_override", sa.String(length=16), nullable=True),
        sa.Column("drawn_at", sa.String(length=32), nullable=False),
        sa.Column("drawn_by", sa.String(length=64), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("inspection_draws", schema=None) as batch_op:
        batch_op.create_index("ix_inspection_draws_matter_code", ["matter_code"], unique=False)
    op.create_table(
        "inspection_results",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("draw_id", sa.String(length=36), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=False),
        sa.Column("result", sa.String(length=16), nullable=False),
        sa.Column("findings", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.String(length=32), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False),
        sa.Column("published_at", sa.String(length=32), nullable=True),
        sa.ForeignKeyConstraint(["draw_id"], ["inspection_draws.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("draw_id", "uscc"),
    )
    with op.batch_alter_table("inspection_results", schema=None) as batch_op:
        batch_op.create_index("ix_inspection_results_draw_id", ["draw_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("inspection_results", schema=None) as batch_op:
        batch_op.drop_index("ix_inspection_results_draw_id")
    op.drop_table("inspection_results")
    with op.batch_alter_table("inspection_draws", schema=None) as batch_op:
        batch_op.drop_index("ix_inspection_draws_matter_code")
    op.drop_table("inspection_draws")
    op.drop_table("inspector_conflicts")
    with op.batch_alter_table("inspectors", schema=None) as batch_op:
        batch_op.drop_index("ix_inspectors_department")
    op.drop_table("inspectors")
    with op.batch_alter_table("inspection_items", schema=None) as batch_op:
        batch_op.drop_index("ix_inspection_items_matter_code")
    op.drop_table("inspection_items")
