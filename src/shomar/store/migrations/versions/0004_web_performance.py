"""indexes for the web's read paths: name-key look-ups and the current-version check

Revision ID: web_perf_01
Revises: merge_03

- ``record_name_keys (key, record_id)`` replaces the index on ``key`` alone: a search reads
  the record ids of a key from the index without visiting the table (SQLite's table is keyed by
  its rowid, not by the primary key).
- ``records (supersedes_id, document_id) WHERE supersedes_id IS NOT NULL``: every visibility
  check (``store/queries.current_record``) lists the versions that supersede another; without
  it that list was a scan of every record on each request.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "web_perf_01"
down_revision = "merge_03"
branch_labels = None
depends_on = None

SUPERSEDING = "supersedes_id IS NOT NULL"


def upgrade() -> None:
    op.create_index("ix_record_name_keys_key_record", "record_name_keys", ["key", "record_id"])
    op.drop_index(op.f("ix_record_name_keys_key"), table_name="record_name_keys")
    op.create_index(
        "ix_records_superseding",
        "records",
        ["supersedes_id", "document_id"],
        sqlite_where=sa.text(SUPERSEDING),
        postgresql_where=sa.text(SUPERSEDING),
    )


def downgrade() -> None:
    op.drop_index("ix_records_superseding", table_name="records")
    op.create_index(op.f("ix_record_name_keys_key"), "record_name_keys", ["key"])
    op.drop_index("ix_record_name_keys_key_record", table_name="record_name_keys")
