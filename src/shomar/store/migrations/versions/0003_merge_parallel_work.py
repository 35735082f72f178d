"""merge the revisions added in parallel (many users → security, web, ingest semantics)

Revision ID: merge_03
Revises: security_01, web_01, ingest_semantics_01
"""

from __future__ import annotations

revision = "merge_03"
down_revision = ("security_01", "web_01", "ingest_semantics_01")
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: this revision only joins the branches into one head."""


def downgrade() -> None:
    """Nothing to change."""
