"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-25 15:33:07.209268
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("target", sa.String(length=300), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("name_fa", sa.String(length=300), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("area", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("name", name=op.f("uq_events_name")),
    )
    op.create_table(
        "linkage_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("backend", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("spec", sa.JSON(), nullable=False),
        sa.Column("model", sa.JSON(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_linkage_runs")),
    )
    op.create_table(
        "match_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid_a", sa.String(length=300), nullable=False),
        sa.Column("uid_b", sa.String(length=300), nullable=False),
        sa.Column("verdict", sa.String(length=20), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_match_decisions")),
    )
    with op.batch_alter_table("match_decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_match_decisions_uid_a"), ["uid_a"], unique=False)
        batch_op.create_index(batch_op.f("ix_match_decisions_uid_b"), ["uid_b"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("name", name=op.f("uq_sources_name")),
    )
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("original_name", sa.String(length=500), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=20), nullable=True),
        sa.Column("encoding", sa.String(length=40), nullable=True),
        sa.Column("sheet", sa.String(length=200), nullable=True),
        sa.Column("retrieved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_by", sa.String(length=100), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_documents_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("sha256", name=op.f("uq_documents_sha256")),
    )
    op.create_table(
        "estimate_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("linkage_run_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=40), nullable=False),
        sa.Column("stratum", sa.String(length=200), nullable=False),
        sa.Column("input_hash", sa.String(length=64), nullable=False),
        sa.Column("table_csv", sa.Text(), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.Column("seed", sa.BigInteger(), nullable=True),
        sa.Column("result", sa.JSON(), nullable=False),
        sa.Column("versions", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_estimate_runs_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["linkage_run_id"],
            ["linkage_runs.id"],
            name=op.f("fk_estimate_runs_linkage_run_id_linkage_runs"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_estimate_runs")),
    )
    with op.batch_alter_table("estimate_runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_estimate_runs_event_id"), ["event_id"], unique=False)

    op.create_table(
        "pair_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("uid_a", sa.String(length=300), nullable=False),
        sa.Column("uid_b", sa.String(length=300), nullable=False),
        sa.Column("match_probability", sa.Float(), nullable=False),
        sa.Column("match_weight", sa.Float(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["linkage_runs.id"], name=op.f("fk_pair_scores_run_id_linkage_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pair_scores")),
    )
    with op.batch_alter_table("pair_scores", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pair_scores_run_id"), ["run_id"], unique=False)
        batch_op.create_index("ix_pair_scores_run_pair", ["run_id", "uid_a", "uid_b"], unique=False)

    op.create_table(
        "persons",
        sa.Column("id", sa.String(length=20), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_run_id", sa.Integer(), nullable=True),
        sa.Column("retired_run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_run_id"],
            ["linkage_runs.id"],
            name=op.f("fk_persons_created_run_id_linkage_runs"),
        ),
        sa.ForeignKeyConstraint(
            ["retired_run_id"],
            ["linkage_runs.id"],
            name=op.f("fk_persons_retired_run_id_linkage_runs"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_persons")),
    )
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("claimant_id", sa.Integer(), nullable=False),
        sa.Column("date_stated", sa.Date(), nullable=True),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("counted", sa.String(length=40), nullable=False),
        sa.Column("qualifier", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("lower", sa.Float(), nullable=True),
        sa.Column("upper", sa.Float(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("quote_start", sa.Integer(), nullable=True),
        sa.Column("quote_end", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["claimant_id"], ["sources.id"], name=op.f("fk_claims_claimant_id_sources")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_claims_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_claims_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["claims.id"], name=op.f("fk_claims_supersedes_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
        sa.UniqueConstraint("uid", "version", name="uq_claims_uid_version"),
    )
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claims_claimant_id"), ["claimant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_claims_uid"), ["uid"], unique=False)

    op.create_table(
        "custody_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_custody_entries_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_custody_entries")),
    )
    with op.batch_alter_table("custody_entries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_custody_entries_document_id"), ["document_id"], unique=False
        )

    op.create_table(
        "document_blobs",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_document_blobs_document_id_documents")
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_document_blobs")),
    )
    op.create_table(
        "person_records",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("record_uid", sa.String(length=300), nullable=False),
        sa.Column("person_id", sa.String(length=20), nullable=False),
        sa.Column("match_probability", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["person_id"], ["persons.id"], name=op.f("fk_person_records_person_id_persons")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["linkage_runs.id"], name=op.f("fk_person_records_run_id_linkage_runs")
        ),
        sa.PrimaryKeyConstraint("run_id", "record_uid", name=op.f("pk_person_records")),
    )
    with op.batch_alter_table("person_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_records_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=300), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("sheet", sa.String(length=200), nullable=True),
        sa.Column("row_number", sa.Integer(), nullable=True),
        sa.Column("record_key", sa.String(length=200), nullable=False),
        sa.Column("full_name", sa.Text(), nullable=False),
        sa.Column("given_name", sa.Text(), nullable=False),
        sa.Column("family_name", sa.Text(), nullable=False),
        sa.Column("father_name", sa.Text(), nullable=False),
        sa.Column("aliases", sa.Text(), nullable=False),
        sa.Column("sex", sa.String(length=10), nullable=True),
        sa.Column("age", sa.Integer(), nullable=True),
        sa.Column("birth_date_text", sa.String(length=200), nullable=False),
        sa.Column("birth_start", sa.Date(), nullable=True),
        sa.Column("birth_end", sa.Date(), nullable=True),
        sa.Column("date_text", sa.String(length=200), nullable=False),
        sa.Column("date_calendar", sa.String(length=20), nullable=True),
        sa.Column("date_precision", sa.String(length=20), nullable=True),
        sa.Column("date_qualifier", sa.String(length=20), nullable=True),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_edtf", sa.String(length=100), nullable=True),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("province", sa.String(length=200), nullable=False),
        sa.Column("province_iso", sa.String(length=10), nullable=True),
        sa.Column("violation_text", sa.String(length=200), nullable=False),
        sa.Column("violation", sa.String(length=40), nullable=True),
        sa.Column("event_text", sa.String(length=300), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=True),
        sa.Column("perpetrator", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("confidentiality", sa.String(length=20), nullable=False),
        sa.Column("sensitive", sa.LargeBinary(), nullable=True),
        sa.Column("raw_row", sa.JSON(), nullable=False),
        sa.Column("created", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_records_document_id_documents")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_records_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_records_source_id_sources")
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"], ["records.id"], name=op.f("fk_records_supersedes_id_records")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_records")),
        sa.UniqueConstraint("uid", "version", name="uq_records_uid_version"),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_records_date_start"), ["date_start"], unique=False)
        batch_op.create_index(batch_op.f("ix_records_document_id"), ["document_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_records_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_records_source_id"), ["source_id"], unique=False)
        batch_op.create_index("ix_records_source_key", ["source_id", "record_key"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_records_supersedes_id"), ["supersedes_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_records_uid"), ["uid"], unique=False)

    op.create_table(
        "claim_citations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("cites_claim_uid", sa.String(length=100), nullable=True),
        sa.Column("cites_source_id", sa.Integer(), nullable=True),
        sa.Column("relation", sa.String(length=40), nullable=False),
        sa.ForeignKeyConstraint(
            ["cites_source_id"],
            ["sources.id"],
            name=op.f("fk_claim_citations_cites_source_id_sources"),
        ),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_citations_claim_id_claims")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim_citations")),
    )
    with op.batch_alter_table("claim_citations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_citations_claim_id"), ["claim_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("claim_citations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_citations_claim_id"))

    op.drop_table("claim_citations")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_records_uid"))
        batch_op.drop_index(batch_op.f("ix_records_supersedes_id"))
        batch_op.drop_index("ix_records_source_key")
        batch_op.drop_index(batch_op.f("ix_records_source_id"))
        batch_op.drop_index(batch_op.f("ix_records_event_id"))
        batch_op.drop_index(batch_op.f("ix_records_document_id"))
        batch_op.drop_index(batch_op.f("ix_records_date_start"))

    op.drop_table("records")
    with op.batch_alter_table("person_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_records_person_id"))

    op.drop_table("person_records")
    op.drop_table("document_blobs")
    with op.batch_alter_table("custody_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custody_entries_document_id"))

    op.drop_table("custody_entries")
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claims_uid"))
        batch_op.drop_index(batch_op.f("ix_claims_event_id"))
        batch_op.drop_index(batch_op.f("ix_claims_claimant_id"))

    op.drop_table("claims")
    op.drop_table("persons")
    with op.batch_alter_table("pair_scores", schema=None) as batch_op:
        batch_op.drop_index("ix_pair_scores_run_pair")
        batch_op.drop_index(batch_op.f("ix_pair_scores_run_id"))

    op.drop_table("pair_scores")
    with op.batch_alter_table("estimate_runs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_estimate_runs_event_id"))

    op.drop_table("estimate_runs")
    op.drop_table("documents")
    op.drop_table("users")
    op.drop_table("sources")
    with op.batch_alter_table("match_decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_match_decisions_uid_b"))
        batch_op.drop_index(batch_op.f("ix_match_decisions_uid_a"))

    op.drop_table("match_decisions")
    op.drop_table("linkage_runs")
    op.drop_table("events")
    op.drop_table("audit_entries")
