"""security: encrypted fields, blind index, record content hashes, data keys

Revision ID: security_01
Revises: many_users_01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "security_01"
down_revision = "many_users_01"  # re-chained after merging main (was "0001")
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "data_keys",
        sa.Column("key_id", sa.String(length=40), nullable=False),
        sa.Column("purpose", sa.String(length=40), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("master_key_id", sa.String(length=40), nullable=False),
        sa.Column("wrapped", sa.LargeBinary(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_data_keys")),
        sa.UniqueConstraint("purpose", "generation", name="uq_data_keys_purpose_gen"),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.add_column(sa.Column("witness_index", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("content_hash", sa.String(length=64), nullable=True))
        batch_op.create_index(batch_op.f("ix_records_witness_index"), ["witness_index"])
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("contact", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_column("contact")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_records_witness_index"))
        batch_op.drop_column("content_hash")
        batch_op.drop_column("witness_index")
    op.drop_table("data_keys")
