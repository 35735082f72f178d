"""documents: status (active / withdrawn / replaced); the same bytes may be a second document

Revision ID: ingest_semantics_01 (Alembic refuses "-" in ids: the branch name with "_")
Revises: 0001

``documents.sha256`` stops being unique (``import --replace`` reads the same bytes again with
another mapping or source, as a new document); an index keeps look-ups by hash fast. The
duplicate-bytes check moves to the importer, which refuses bytes of an *active* document.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "ingest_semantics_01"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(
            sa.Column("status", sa.String(length=20), server_default="active", nullable=False)
        )
        batch.add_column(sa.Column("status_reason", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("status_changed", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("replaced_by_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_documents_replaced_by_id_documents"),
            "documents",
            ["replaced_by_id"],
            ["id"],
        )
        batch.drop_constraint(op.f("uq_documents_sha256"), type_="unique")
        batch.create_index(op.f("ix_documents_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_index(op.f("ix_documents_sha256"))
        batch.create_unique_constraint(op.f("uq_documents_sha256"), ["sha256"])
        batch.drop_constraint(op.f("fk_documents_replaced_by_id_documents"), type_="foreignkey")
        batch.drop_column("replaced_by_id")
        batch.drop_column("status_changed")
        batch.drop_column("status_reason")
        batch.drop_column("status")
