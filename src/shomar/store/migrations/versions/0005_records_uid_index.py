"""records: drop ix_records_uid, which repeats the leading column of uq_records_uid_version

Revision ID: records_uid_01
Revises: web_perf_01

Every look-up by ``uid`` (``uid = ?``, ``uid IN (...)``, the joins on ``uid``) is served by the
unique index on ``(uid, version)``, whose first column is ``uid``; the second index on ``uid``
alone only cost each insert another B-tree to update (an import writes ten indexes a row).
"""

from __future__ import annotations

from alembic import op

revision = "records_uid_01"
down_revision = "web_perf_01"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_records_uid", table_name="records")


def downgrade() -> None:
    op.create_index("ix_records_uid", "records", ["uid"], unique=False)
