"""many users: a unique audit successor, counters, run high-water marks, review queue, jobs

Revision ID: many_users_01
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "many_users_01"  # Alembic refuses "-" in revision ids
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("audit_entries") as batch:
        batch.create_unique_constraint("uq_audit_entries_prev_hash", ["prev_hash"])
    with op.batch_alter_table("linkage_runs") as batch:
        batch.add_column(sa.Column("last_record_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("last_decision_id", sa.Integer(), nullable=True))
    op.create_table(
        "counters",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counters")),
    )
    op.create_table(
        "review_queue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("uid_a", sa.String(length=300), nullable=False),
        sa.Column("uid_b", sa.String(length=300), nullable=False),
        sa.Column("match_probability", sa.Float(), nullable=False),
        sa.Column("same_person", sa.Boolean(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["linkage_runs.id"], name=op.f("fk_review_queue_run_id_linkage_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_queue")),
    )
    op.create_index("ix_review_queue_run_position", "review_queue", ["run_id", "position"])
    op.create_table(
        "jobs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("progress_done", sa.BigInteger(), nullable=False),
        sa.Column("progress_total", sa.BigInteger(), nullable=True),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("created_role", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_jobs")),
    )
    op.create_index(op.f("ix_jobs_status"), "jobs", ["status"])


def downgrade() -> None:
    op.drop_index(op.f("ix_jobs_status"), table_name="jobs")
    op.drop_table("jobs")
    op.drop_index("ix_review_queue_run_position", table_name="review_queue")
    op.drop_table("review_queue")
    op.drop_table("counters")
    with op.batch_alter_table("linkage_runs") as batch:
        batch.drop_column("last_decision_id")
        batch.drop_column("last_record_id")
    with op.batch_alter_table("audit_entries") as batch:
        batch.drop_constraint("uq_audit_entries_prev_hash", type_="unique")
