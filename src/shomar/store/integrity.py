"""Tamper evidence that covers the records, not only the audit entries.

Every record row carries ``content_hash``, the SHA-256 of its canonical content
(:func:`record_hash`: a fixed list of columns, :data:`HASHED_COLUMNS`, as JSON). The audit entry
that creates records (``import``) carries ``records_digest``: how many rows the document's
records are and the SHA-256 over their content hashes in row order. The entry is chained, so:

* a record row edited outside Shomar no longer matches its ``content_hash`` (named), or, if the
  hash was recomputed too, no longer matches the digest its entry attests (entry named);
* a row deleted or inserted changes the count and the digest of its document's entry;
* a row of a document no entry attests is reported as inserted outside Shomar.

Writers that add record rows to a document later (a new version, a tier change) append an entry
with target ``document:<id>`` whose payload carries :func:`attest_document`'s result: the latest
attestation of a document is the one checked.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json.encoder
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, RowMapping, select, update
from sqlalchemy.orm import Session

from shomar.store.encrypted import Sealed
from shomar.store.jsontext import dumps, one_shot_encoder
from shomar.store.tables import AuditEntry, Record

DIGEST_KEY = "records_digest"
#: the columns a record's content hash covers (v1); a new column joins only with a new version
HASHED_COLUMNS: tuple[str, ...] = (
    "uid", "version", "supersedes_id", "source_id", "document_id", "sheet", "row_number",
    "record_key", "full_name", "given_name", "family_name", "father_name", "aliases", "sex", "age",
    "birth_date_text", "birth_start", "birth_end", "date_text", "date_calendar", "date_precision",
    "date_qualifier", "date_start", "date_end", "date_edtf", "place", "province", "province_iso",
    "violation_text", "violation", "event_text", "event_id", "perpetrator", "notes",
    "confidentiality", "sensitive", "witness_index", "raw_row", "created", "created_by", "reason",
)  # fmt: skip


def _canonical(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # SQLite gives naive datetimes, stored in UTC
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Sealed):
        return value.envelope.hex()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return value


_AS_IS = frozenset({str, int, type(None), list})
_DAYS = frozenset({dt.date, dt.datetime})
#: ``JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str).encode``, built once
_ENCODE = one_shot_encoder(ensure_ascii=False, separators=(",", ":"), default=str)


_PICK = operator.itemgetter(*HASHED_COLUMNS)
#: where the raw row is among the hashed columns
_RAW = HASHED_COLUMNS.index("raw_row")


@functools.lru_cache(maxsize=4096)
def _canonical_day(value: dt.date) -> Any:
    return _canonical(value)  # an import repeats few dates and one creation time


def record_hash(row: Mapping[str, Any] | RowMapping, raw_row_text: str | None = None) -> str:
    """SHA-256 of a record row's canonical content (a mapping of column → value).

    ``raw_row_text``, when given, is the raw row's canonical JSON text already made
    (:func:`raw_row_texts`); ``row['raw_row']`` is then not read.
    """
    try:
        picked = _PICK(row)
    except KeyError:  # a row without some column: it counts as None
        picked = tuple(row.get(name) for name in HASHED_COLUMNS)
    values: list[Any] = ["shomar-record-v1", *picked]
    for index in _to_convert(tuple(map(type, picked))):
        value = picked[index]
        values[index + 1] = _canonical_day(value) if type(value) in _DAYS else _canonical(value)
    if raw_row_text is None:
        text = _ENCODE(values)
    else:  # the same text: compact JSON of a list is its items' texts joined by ","
        head, tail = _ENCODE(values[: _RAW + 1]), _ENCODE(values[_RAW + 2 :])
        text = f"{head[:-1]},{raw_row_text},{tail[1:]}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: the hashed columns an import's read phase knows, in hash order: before the event id, and
#: between the event id and the sealed fields (:func:`hash_piece`, :func:`record_hash_of`)
READ_BEFORE_EVENT = HASHED_COLUMNS[5:31]
READ_AFTER_EVENT = HASHED_COLUMNS[32:35]
_SPLIT = (
    ("uid", "version", "supersedes_id", "source_id", "document_id"), READ_BEFORE_EVENT,
    ("event_id",), READ_AFTER_EVENT, ("sensitive", "witness_index", "raw_row"),
    ("created", "created_by", "reason"),
)  # fmt: skip
if tuple(name for part in _SPLIT for name in part) != HASHED_COLUMNS:  # pragma: no cover
    raise AssertionError("the split of the hashed columns does not cover HASHED_COLUMNS")


def _canonical_or_text(value: Any) -> Any:
    """What :func:`record_hash` writes for a value JSON has no form for: its canonical form
    (dates, sealed fields, bytes), or else its ``str`` (the encoder's ``default``)."""
    canonical = _canonical_day(value) if type(value) in _DAYS else _canonical(value)
    return str(value) if canonical is value else canonical


#: ``_ENCODE`` of values converted by ``_canonical`` first: the encoder asks ``default`` for
#: exactly the values JSON has no form for, which are the ones ``_canonical`` converts (a
#: value it keeps as it is, ``default=str`` writes as text either way)
_ENCODE_CANONICAL = one_shot_encoder(
    ensure_ascii=False, separators=(",", ":"), default=_canonical_or_text
)


def hash_piece(values: Sequence[Any]) -> str:
    """The canonical JSON text of consecutive hashed values, as inside the hashed list.

    Compact JSON of a list is its items' texts joined by ",": pieces made apart (an import's
    read phase makes the fields it knows) join into the text :func:`record_hash` hashes.
    The values are a record's column values (scalars, as :data:`HASHED_COLUMNS` holds).
    """
    return _ENCODE_CANONICAL(values)[1:-1]


_STRING: Callable[[str], str] = json.encoder.encode_basestring  # as _ENCODE writes a string


def _head_text(head: Sequence[Any]) -> str:
    """``hash_piece(head)`` of (uid, version, supersedes_id, source_id, document_id), without
    the list: a text and integers (exactly, not bools) are written as JSON writes them."""
    uid, version, supersedes_id, source_id, document_id = head
    if (
        type(uid) is str
        and type(version) is int
        and (supersedes_id is None or type(supersedes_id) is int)
        and type(source_id) is int
        and type(document_id) is int
    ):
        supersedes = "null" if supersedes_id is None else supersedes_id
        return f"{_STRING(uid)},{version},{supersedes},{source_id},{document_id}"
    return hash_piece(head)


def record_hash_of(
    head: Sequence[Any],
    before_event: str,
    event_id: int | None,
    after_event: str,
    sealed: Sequence[Any],
    raw_row_text: str,
    tail: str,
) -> str:
    """:func:`record_hash` of a row given in the pieces of :data:`_SPLIT`: ``head`` (uid,
    version, supersedes_id, source_id, document_id), the read phase's two :func:`hash_piece`
    texts around the event id, ``sealed`` (sensitive, witness_index), the raw row's canonical
    text and ``tail`` (``hash_piece`` of created, created_by, reason)."""
    text = (
        f'["shomar-record-v1",{_head_text(head)},{before_event},'
        f"{'null' if event_id is None else int(event_id)},{after_event},"
        f"{'null,null' if sealed[0] is None and sealed[1] is None else hash_piece(sealed)},"
        f"{raw_row_text},{tail}]"
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def raw_row_texts(pairs: list[list[str]]) -> tuple[str, str]:
    """A raw row's JSON text as its column stores it, and as its content hash reads it.

    Made once, in an import's read phase: the rows then travel to the write phase as two
    strings rather than as lists of pairs (which cost more to spool than all the rest).
    """
    return dumps(pairs), _ENCODE(pairs)


@functools.lru_cache(maxsize=1024)
def _to_convert(types: tuple[type, ...]) -> tuple[int, ...]:
    """The positions of a row's values that are not JSON as they are (dates, sealed fields),
    by the row's value types: rows of one import share a few such shapes."""
    return tuple(index for index, kind in enumerate(types) if kind not in _AS_IS)


@dataclass
class Attestation:
    """A running digest over the content hashes of one document's rows, in row order."""

    count: int = 0
    _digest: Any = field(default_factory=lambda: hashlib.sha256(b"shomar-records-v1"))

    def add(self, content_hash: str) -> None:
        self.count += 1
        self._digest.update(bytes.fromhex(content_hash))

    def stamp(self, row: dict[str, Any], raw_row_text: str | None = None) -> None:
        """Set ``row['content_hash']`` and add it (rows in insertion order)."""
        row["content_hash"] = record_hash(row, raw_row_text)
        self.add(row["content_hash"])

    def payload(self) -> dict[str, Any]:
        return {"version": 1, "count": self.count, "sha256": self._digest.hexdigest()}


def _columns() -> list[Any]:
    return [Record.id, Record.content_hash, *(getattr(Record, c) for c in HASHED_COLUMNS)]


def attest_document(session: Session, document_id: int) -> dict[str, Any]:
    """The digest of every record row of a document as stored now (for an entry's payload)."""
    attestation = Attestation()
    rows = session.execute(
        select(*_columns()).where(Record.document_id == document_id).order_by(Record.id)
    )
    for row in rows:
        attestation.add(record_hash(row._mapping))
    return attestation.payload()


@dataclass(frozen=True)
class Finding:
    """One thing that does not verify: the entry (if any) and record (if any) it concerns."""

    message: str
    entry_id: int | None = None
    record_id: int | None = None
    record_uid: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "message": self.message,
            "entry_id": self.entry_id,
            "record_id": self.record_id,
            "record_uid": self.record_uid,
        }


def _attestations(entries: Iterable[AuditEntry]) -> dict[int, tuple[int, dict[str, Any]]]:
    """document id → (entry id, payload digest) of its latest attesting entry."""
    latest: dict[int, tuple[int, dict[str, Any]]] = {}
    for entry in entries:
        digest = (entry.payload or {}).get(DIGEST_KEY)
        if not isinstance(digest, dict) or not entry.target.startswith("document:"):
            continue
        try:
            document_id = int(entry.target.removeprefix("document:"))
        except ValueError:
            continue
        latest[document_id] = (entry.id, digest)
    return latest


def verify_records(session: Session) -> list[Finding]:
    """Every record row checked against its content hash and its document's attestation."""
    entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    attested = _attestations(entries)
    findings: list[Finding] = []
    groups: dict[int | None, Attestation] = {}
    first_row: dict[int | None, tuple[int, str]] = {}
    for row in session.execute(select(*_columns()).order_by(Record.id)):
        mapping = row._mapping
        computed = record_hash(mapping)
        document_id = mapping["document_id"]
        groups.setdefault(document_id, Attestation()).add(computed)
        first_row.setdefault(document_id, (mapping["id"], mapping["uid"]))
        if computed != mapping["content_hash"]:
            entry = attested.get(document_id) if document_id is not None else None
            findings.append(
                Finding(
                    f"record {mapping['uid']!r} (row id {mapping['id']}) does not match its "
                    "content hash: the row was changed outside Shomar",
                    entry[0] if entry else None,
                    mapping["id"],
                    mapping["uid"],
                )
            )
    for document_id, group in groups.items():
        entry = attested.get(document_id) if document_id is not None else None
        if entry is None:
            record_id, uid = first_row[document_id]
            findings.append(
                Finding(
                    f"{group.count} record row(s) of document {document_id} are attested by no "
                    f"audit entry (first: {uid!r}, row id {record_id}): inserted outside Shomar",
                    None,
                    record_id,
                    uid,
                )
            )
            continue
        entry_id, digest = entry
        found = group.payload()
        if digest.get("count") != found["count"] or digest.get("sha256") != found["sha256"]:
            findings.append(
                Finding(
                    f"audit entry {entry_id} attests {digest.get('count')} record row(s) of "
                    f"document {document_id}; the store holds {found['count']} whose digest "
                    + ("matches" if digest.get("sha256") == found["sha256"] else "differs")
                    + ": a row was edited, deleted or inserted outside Shomar",
                    entry_id,
                )
            )
    for document_id, (entry_id, digest) in attested.items():
        if document_id not in groups and digest.get("count"):
            findings.append(
                Finding(
                    f"audit entry {entry_id} attests {digest.get('count')} record row(s) of "
                    f"document {document_id}; none is left: they were deleted outside Shomar",
                    entry_id,
                )
            )
    return sorted(
        findings,
        key=lambda f: (f.entry_id is None, f.entry_id or 0, f.record_id is None, f.record_id or 0),
    )


def backfill(session: Session, actor: str = "shomar-upgrade") -> int:
    """Hash and attest record rows written before records were attested (after an upgrade).

    The attestation covers the rows as they are at the upgrade: an entry per document says so.
    Returns how many rows were hashed.
    """
    rows = session.execute(
        select(*_columns()).where(Record.content_hash.is_(None)).order_by(Record.id)
    ).all()
    _attest_documents(session, _rehash(session, rows), actor, "upgrade")
    return len(rows)


def reattest_records(session: Session, record_ids: list[int], actor: str, reason: str) -> int:
    """After a legitimate in-place change of record rows (e.g. an event attached): rehash them
    and append an attestation of each document they belong to. Returns the documents attested.
    """
    documents: set[int] = set()
    for offset in range(0, len(record_ids), 5000):
        chunk = record_ids[offset : offset + 5000]
        documents |= _rehash(
            session, session.execute(select(*_columns()).where(Record.id.in_(chunk)))
        )
    _attest_documents(session, documents, actor, reason)
    return len(documents)


def _rehash(session: Session, rows: Iterable[Row[Any]]) -> set[int]:
    """Store each record row's content hash; return the documents the rows belong to."""
    documents: set[int] = set()
    for row in rows:
        mapping = row._mapping
        session.execute(
            update(Record)
            .where(Record.id == mapping["id"])
            .values(content_hash=record_hash(mapping))
        )
        if mapping["document_id"] is not None:
            documents.add(mapping["document_id"])
    return documents


def _attest_documents(session: Session, documents: set[int], actor: str, reason: str) -> None:
    """Append an attestation of each document's record rows as they are now, with ``reason``."""
    from shomar.store.audit import append_audit

    for document_id in sorted(documents):
        append_audit(
            session,
            actor,
            "integrity.attest",
            f"document:{document_id}",
            {DIGEST_KEY: attest_document(session, document_id), "reason": reason},
        )
