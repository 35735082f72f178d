"""The store's tables (SQLAlchemy 2 typed models). The schema changes only by migrations.

Concepts follow DESIGN §3. Rules the services keep:

* ``documents`` keep the raw bytes' SHA-256 and size; the bytes live in the workspace's
  ``documents/`` folder under their hash (or in ``document_blobs`` when no folder is used).
* ``records`` are immutable: a correction is a new row with ``version + 1`` and
  ``supersedes_id`` pointing to the row it replaces. The current version of a record is the one
  no other row supersedes. ``raw_row`` keeps the input row exactly as read (JSON list of
  ``[column, cell]`` pairs in file order) with ``document_id``, ``sheet`` and ``row_number``.
* ``persons`` have stable ids (``P-000001``); ``person_records`` says which record belongs to
  which person in which linkage run (the latest run is the current clustering).
* ``match_decisions`` are append-only human verdicts on record pairs (keyed by record ``uid``,
  so they survive new versions of a record); the latest decision on a pair is in force.
* ``claims`` are append-only, versioned like records; ``claim_citations`` link a claim to the
  claims or sources it cites.
* ``audit_entries`` form a hash chain: each entry stores the hash of the previous one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shomar.store.encrypted import EncryptedField, Sealed

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLES = ("admin", "analyst", "documenter", "viewer")
TIERS = ("public", "restricted", "confidential")
SOURCE_KINDS = (
    "ngo", "media", "government", "opposition", "family", "court", "un", "other",
)  # fmt: skip
VERDICTS = ("same", "different", "unsure")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20), default="viewer")
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: Argon2id hash (``$argon2id$…``); empty for accounts that cannot sign in with a password
    password_hash: Mapped[str] = mapped_column(String(200), default="")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    #: base32 TOTP secret once a second factor is enrolled
    totp_secret: Mapped[str | None] = mapped_column(String(64), default=None)
    #: last TOTP time step accepted (a code is never accepted twice)
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger, default=None)
    #: Argon2id hashes of unused one-time recovery codes
    recovery_codes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    preferred_calendar: Mapped[str] = mapped_column(String(20), default="jalali")


class WebSession(Base):
    """A signed-in browser session: only the SHA-256 of the random session id is stored."""

    __tablename__ = "web_sessions"
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: a second factor is still owed before the session acts as its user
    pending_second_factor: Mapped[bool] = mapped_column(Boolean, default=False)
    csrf_token: Mapped[str] = mapped_column(String(64), default="")
    ended: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    """An API token: only its SHA-256 is stored; it acts with its user's role."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class SignInAttempt(Base):
    """Failed and successful sign-ins, for rate limits per account and per address."""

    __tablename__ = "sign_in_attempts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    address: Mapped[str] = mapped_column(String(100), index=True, default="")
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Source(Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="other")
    description: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    #: how to reach the source (person, phone, address): encrypted, row key ``source:<id>``
    contact: Mapped[Sealed | None] = mapped_column(EncryptedField("sources", "contact"))


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    #: not unique: ``import --replace`` reads the same bytes again as a new document
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    original_name: Mapped[str] = mapped_column(String(500), default="")
    url: Mapped[str | None] = mapped_column(Text, default=None)
    language: Mapped[str | None] = mapped_column(String(20), default=None)
    encoding: Mapped[str | None] = mapped_column(String(40), default=None)
    sheet: Mapped[str | None] = mapped_column(String(200), default=None)
    retrieved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    received_by: Mapped[str] = mapped_column(String(100), default="")
    rows: Mapped[int] = mapped_column(Integer, default=0)
    #: active / withdrawn / replaced: records of a document that is not active count nowhere
    status: Mapped[str] = mapped_column(String(20), default="active", server_default="active")
    status_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    status_changed: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))


class DocumentBlob(Base):
    """Raw bytes of a document, for stores without a workspace folder (e.g. a server)."""

    __tablename__ = "document_blobs"
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)


class CustodyEntry(Base):
    """Who received, copied or exported a document, and when."""

    __tablename__ = "custody_entries"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100), default="")
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str] = mapped_column(Text, default="")


class Event(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    name_fa: Mapped[str] = mapped_column(String(300), default="")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    area: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Record(Base):
    __tablename__ = "records"
    __table_args__ = (
        UniqueConstraint("uid", "version", name="uq_records_uid_version"),
        Index("ix_records_source_key", "source_id", "record_key"),
        # the versions that supersede another, for the current-version check (queries.py)
        Index(
            "ix_records_superseding",
            "supersedes_id",
            "document_id",
            sqlite_where=text("supersedes_id IS NOT NULL"),
            postgresql_where=text("supersedes_id IS NOT NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: stable identity across versions: "<source id>:<record key>"
    uid: Mapped[str] = mapped_column(String(300))  # looked up by uq_records_uid_version
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("records.id"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    sheet: Mapped[str | None] = mapped_column(String(200))
    row_number: Mapped[int | None] = mapped_column(Integer)
    record_key: Mapped[str] = mapped_column(String(200))
    full_name: Mapped[str] = mapped_column(Text, default="")
    given_name: Mapped[str] = mapped_column(Text, default="")
    family_name: Mapped[str] = mapped_column(Text, default="")
    father_name: Mapped[str] = mapped_column(Text, default="")
    aliases: Mapped[str] = mapped_column(Text, default="")
    sex: Mapped[str | None] = mapped_column(String(10))
    age: Mapped[int | None] = mapped_column(Integer)
    birth_date_text: Mapped[str] = mapped_column(String(200), default="")
    birth_start: Mapped[dt.date | None] = mapped_column(Date)
    birth_end: Mapped[dt.date | None] = mapped_column(Date)
    date_text: Mapped[str] = mapped_column(String(200), default="")
    date_calendar: Mapped[str | None] = mapped_column(String(20))
    date_precision: Mapped[str | None] = mapped_column(String(20))
    date_qualifier: Mapped[str | None] = mapped_column(String(20))
    date_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    date_edtf: Mapped[str | None] = mapped_column(String(100))
    place: Mapped[str] = mapped_column(Text, default="")
    province: Mapped[str] = mapped_column(String(200), default="")
    province_iso: Mapped[str | None] = mapped_column(String(10))
    violation_text: Mapped[str] = mapped_column(String(200), default="")
    violation: Mapped[str | None] = mapped_column(String(40))
    event_text: Mapped[str] = mapped_column(String(300), default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    perpetrator: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    confidentiality: Mapped[str] = mapped_column(String(20), default="restricted")
    #: encrypted sensitive fields (witness identity, contact, informant notes) as one JSON
    #: object; row key ``<uid>#<version>`` (see shomar.store.keyring)
    sensitive: Mapped[Sealed | None] = mapped_column(EncryptedField("records", "sensitive"))
    #: blind index (keyed HMAC of the normalized witness name) for exact search
    witness_index: Mapped[str | None] = mapped_column(String(32), index=True)
    #: SHA-256 of the row's canonical content (shomar.store.integrity), attested in the audit
    content_hash: Mapped[str | None] = mapped_column(String(64))
    raw_row: Mapped[list[Any]] = mapped_column(JSON, default=list)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class LinkageRun(Base):
    __tablename__ = "linkage_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    backend: Mapped[str] = mapped_column(String(20), default="duckdb")
    mode: Mapped[str] = mapped_column(String(20), default="full")
    spec: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    model: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: high-water marks of the inputs the run read: the next run finds new work by id, and a
    #: run whose inputs changed while it computed is refused
    last_record_id: Mapped[int | None] = mapped_column(Integer)
    last_decision_id: Mapped[int | None] = mapped_column(Integer)


class Person(Base):
    __tablename__ = "persons"
    id: Mapped[str] = mapped_column(String(20), primary_key=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_run_id: Mapped[int | None] = mapped_column(ForeignKey("linkage_runs.id"))
    retired_run_id: Mapped[int | None] = mapped_column(ForeignKey("linkage_runs.id"))


class PersonRecord(Base):
    __tablename__ = "person_records"
    run_id: Mapped[int] = mapped_column(ForeignKey("linkage_runs.id"), primary_key=True)
    record_uid: Mapped[str] = mapped_column(String(300), primary_key=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("persons.id"), index=True)
    match_probability: Mapped[float | None] = mapped_column(Float)


class PairScore(Base):
    __tablename__ = "pair_scores"
    __table_args__ = (Index("ix_pair_scores_run_pair", "run_id", "uid_a", "uid_b"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("linkage_runs.id"), index=True)
    uid_a: Mapped[str] = mapped_column(String(300))
    uid_b: Mapped[str] = mapped_column(String(300))
    match_probability: Mapped[float] = mapped_column(Float)
    match_weight: Mapped[float | None] = mapped_column(Float)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class MatchDecision(Base):
    __tablename__ = "match_decisions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid_a: Mapped[str] = mapped_column(String(300), index=True)
    uid_b: Mapped[str] = mapped_column(String(300), index=True)
    verdict: Mapped[str] = mapped_column(String(20))
    actor: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Claim(Base):
    __tablename__ = "claims"
    __table_args__ = (UniqueConstraint("uid", "version", name="uq_claims_uid_version"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id"))
    claimant_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    date_stated: Mapped[dt.date | None] = mapped_column(Date)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    counted: Mapped[str] = mapped_column(String(40))
    qualifier: Mapped[str] = mapped_column(String(20), default="exact")
    value: Mapped[float | None] = mapped_column(Float)
    lower: Mapped[float | None] = mapped_column(Float)
    upper: Mapped[float | None] = mapped_column(Float)
    quote: Mapped[str] = mapped_column(Text, default="")
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))
    quote_start: Mapped[int | None] = mapped_column(Integer)
    quote_end: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")


class ClaimCitation(Base):
    __tablename__ = "claim_citations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id"), index=True)
    cites_claim_uid: Mapped[str | None] = mapped_column(String(100))
    cites_source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    relation: Mapped[str] = mapped_column(String(40), default="cites")


class EstimateRun(Base):
    __tablename__ = "estimate_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    linkage_run_id: Mapped[int | None] = mapped_column(ForeignKey("linkage_runs.id"))
    method: Mapped[str] = mapped_column(String(40))
    stratum: Mapped[str] = mapped_column(String(200), default="")
    input_hash: Mapped[str] = mapped_column(String(64))
    table_csv: Mapped[str] = mapped_column(Text, default="")
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    seed: Mapped[int | None] = mapped_column(BigInteger)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    versions: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class AuditEntry(Base):
    __tablename__ = "audit_entries"
    #: one successor per entry: two writers that read the same head cannot both append
    __table_args__ = (UniqueConstraint("prev_hash", name="uq_audit_entries_prev_hash"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(String(300), default="")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64))


class RecordNameKey(Base):
    """Search index: the consonant skeleton of each word of a record's names (both scripts)."""

    __tablename__ = "record_name_keys"
    #: a key's record ids straight from the index, without visiting the table
    __table_args__ = (Index("ix_record_name_keys_key_record", "key", "record_id"),)
    #: no foreign key: a derived index never stands in the way of the records themselves
    record_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)


class DataKey(Base):
    """A data key, wrapped by the master key (which lives outside the database).

    ``purpose`` is ``tier:<tier>`` (record fields of that tier), ``documents`` (raw bytes) or
    ``index`` (blind indexes). The active key of a purpose is its highest ``generation``.
    """

    __tablename__ = "data_keys"
    __table_args__ = (UniqueConstraint("purpose", "generation", name="uq_data_keys_purpose_gen"),)
    key_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    purpose: Mapped[str] = mapped_column(String(40))
    generation: Mapped[int] = mapped_column(Integer, default=1)
    master_key_id: Mapped[str] = mapped_column(String(40))
    wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Counter(Base):
    """Named counters (e.g. the last person number), advanced inside the write transaction."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)


class ReviewQueueItem(Base):
    """The review queue of a linkage run, most informative pair first (``position`` 0)."""

    __tablename__ = "review_queue"
    __table_args__ = (Index("ix_review_queue_run_position", "run_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("linkage_runs.id"))
    position: Mapped[int] = mapped_column(Integer)
    uid_a: Mapped[str] = mapped_column(String(300))
    uid_b: Mapped[str] = mapped_column(String(300))
    match_probability: Mapped[float] = mapped_column(Float)
    same_person: Mapped[bool] = mapped_column(Boolean, default=False)
    value: Mapped[float] = mapped_column(Float, default=0.0)
    evidence: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Job(Base):
    """Background work (import, linkage, estimates, report, backup) and what became of it."""

    __tablename__ = "jobs"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: queued, running, done, failed, cancelled
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    progress_done: Mapped[int] = mapped_column(BigInteger, default=0)
    progress_total: Mapped[int | None] = mapped_column(BigInteger)
    message: Mapped[str] = mapped_column(Text, default="")
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str] = mapped_column(Text, default="")
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    created: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_role: Mapped[str] = mapped_column(String(20), default="")
