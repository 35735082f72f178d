"""`shomar keys`: rotate the keys, name the default backup recipient, find by blind index."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from shomar.security import blobcrypt, fieldcrypt, masterkey
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.store.audit import append_audit
from shomar.store.integrity import DIGEST_KEY, HASHED_COLUMNS, attest_document, record_hash
from shomar.store.keyring import PURPOSES, KeyRing, add_key, load_keyring
from shomar.store.tables import DataKey, Document, Record, Source
from shomar.store.workspace import Workspace

RECIPIENT_FILE = "backup.recipient"


@dataclass
class RotationReport:
    old_key_ids: list[str]
    new_key_ids: list[str]
    master_rotated: bool
    records: int = 0
    sources: int = 0
    documents: int = 0
    uploads: int = 0
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old_key_ids": self.old_key_ids,
            "new_key_ids": self.new_key_ids,
            "master_rotated": self.master_rotated,
            "records_reencrypted": self.records,
            "sources_reencrypted": self.sources,
            "documents_reencrypted": self.documents,
            "uploads_reencrypted": self.uploads,
            "notes": self.notes,
        }


def rotate_keys(ws: Workspace, *, principal: Principal) -> RotationReport:
    """New data keys (and a new master key, unless it comes from the environment).

    Every encrypted value is re-encrypted under the new keys, blind indexes recomputed, the
    affected documents re-attested in the audit chain, then the old keys are deleted: no row
    is left on an old key id.
    """
    authorize(ws, principal, "keys.manage")
    old_ring = ws.keyring()
    key_path = masterkey.key_file(ws.path)
    new_master = old_ring.master
    if key_path is not None:
        new_master = masterkey.MasterKey(fieldcrypt.new_key(), str(key_path), key_path)
        masterkey.write_key_file(masterkey.pending_path(key_path), new_master.key)
    report = RotationReport(sorted(old_ring.keys), [], key_path is not None)
    if key_path is None:
        report.notes.append(
            "The master key comes from SHOMAR_MASTER_KEY: the data keys were rotated and "
            "re-wrapped under it; change that variable yourself to rotate the master key."
        )
    try:
        with ws.session() as session:
            new_ring = _new_keys(session, old_ring, new_master)
            report.new_key_ids = sorted(new_ring.active.values())
            touched = _reencrypt_rows(session, old_ring, new_ring, report)
            for document_id in sorted(touched):
                append_audit(
                    session,
                    principal.name,
                    "keys.rotate.reattest",
                    f"document:{document_id}",
                    {DIGEST_KEY: attest_document(session, document_id)},
                )
    except BaseException:
        masterkey.settle_pending(ws.path, committed=False)
        raise
    masterkey.settle_pending(ws.path, committed=True)
    ws.forget_keys()
    report.documents = _reencrypt_blobs(ws, old_ring, new_ring)
    from shomar.services.uploads import rekey_uploads

    report.uploads = rekey_uploads(ws, old_ring, new_ring)
    with ws.session() as session:
        for row in session.scalars(select(DataKey)):
            if row.key_id not in new_ring.active.values():
                session.delete(row)
        append_audit(session, principal.name, "keys.rotate", "keys", report.to_dict())
    ws.forget_keys()
    return report


def _new_keys(session: Any, old: KeyRing, master: masterkey.MasterKey) -> KeyRing:
    rows = list(session.scalars(select(DataKey)))
    for row in rows:  # old keys stay readable under the new master until the blobs are done
        row.wrapped = master.wrap(old.keys[row.key_id], key_id=row.key_id, purpose=row.purpose)
        row.master_key_id = master.key_id
    generation = {
        p: max((r.generation for r in rows if r.purpose == p), default=0) for p in PURPOSES
    }
    for purpose in PURPOSES:
        add_key(session, master, purpose, generation[purpose] + 1)
    session.flush()
    return load_keyring(session, master)


def _reencrypt_rows(session: Any, old: KeyRing, new: KeyRing, report: RotationReport) -> set[int]:
    touched: set[int] = set()
    for record in session.scalars(select(Record).where(Record.sensitive.is_not(None))):
        fields = old.open_record(record)
        record.sensitive = new.seal_record_fields(
            fields, uid=record.uid, version=record.version, tier=record.confidentiality
        )
        record.witness_index = new.witness_index(fields.get("witness_name", ""))
        session.flush()
        mapping = {name: getattr(record, name) for name in HASHED_COLUMNS}
        record.content_hash = record_hash(mapping)
        report.records += 1
        if record.document_id is not None:
            touched.add(record.document_id)
    for source in session.scalars(select(Source).where(Source.contact.is_not(None))):
        source.contact = new.seal_contact(old.open_contact(source), source_id=source.id)
        report.sources += 1
    session.flush()
    return touched


def _reencrypt_blobs(ws: Workspace, old: KeyRing, new: KeyRing) -> int:
    done = 0
    key_id, key = new.active_key("documents")
    with ws.session() as session:
        hashes = list(session.scalars(select(Document.sha256)))
    for sha in hashes:
        path = ws.blob_path(sha)
        if not path.is_file() or blobcrypt.key_id_of(path) == key_id:
            continue
        blobcrypt.reencrypt_file(path, sha, old.key(blobcrypt.key_id_of(path)), key_id, key)
        done += 1
    return done


def key_ids_in_use(ws: Workspace, *, principal: Principal) -> dict[str, int]:
    """How many stored values (record fields, contacts, documents) each key id encrypts."""
    authorize(ws, principal, "keys.manage")
    counts: dict[str, int] = {}
    with ws.session() as session:
        values = [
            *session.scalars(select(Record.sensitive).where(Record.sensitive.is_not(None))),
            *session.scalars(select(Source.contact).where(Source.contact.is_not(None))),
        ]
        hashes = list(session.scalars(select(Document.sha256)))
    for value in values:
        counts[value.key_id] = counts.get(value.key_id, 0) + 1
    for sha in hashes:
        path = ws.blob_path(sha)
        if path.is_file():
            kid = blobcrypt.key_id_of(path)
            counts[kid] = counts.get(kid, 0) + 1
    return counts


def recipient_path(ws: Workspace) -> Path:
    return ws.path / masterkey.KEYS_DIR / RECIPIENT_FILE


def set_backup_recipient(ws: Workspace, recipient: str, *, principal: Principal) -> str:
    """Remember the age public key backups are encrypted to by default."""
    authorize(ws, principal, "keys.manage")
    from shomar.services.backup import parse_recipients

    text = "\n".join(parse_recipients(recipient)) + "\n"
    path = recipient_path(ws)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_text(text, encoding="ascii")
    with ws.session() as session:
        append_audit(session, principal.name, "keys.backup_recipient", "keys", {"recipient": text})
    return text.strip()


def find_by_witness(ws: Workspace, name: str, *, principal: Principal) -> list[str]:
    """Uids of current records whose witness name is ``name`` (exact after normalization).

    Found through the blind index: nothing is decrypted to search.
    """
    authorize(ws, principal, "records.read_sensitive")
    from shomar.store.queries import restrict

    digest = ws.keyring().witness_index(name)
    with ws.session() as session:
        return list(
            session.scalars(
                restrict(select(Record.uid), principal)
                .where(Record.witness_index == digest)
                .order_by(Record.id)
            )
        )


def sensitive_fields(ws: Workspace, uid: str, *, principal: Principal) -> dict[str, str]:
    """The decrypted sensitive fields of a record's current version (audited).

    ``uid`` is a record uid or ``SOURCE/RECORD_ID`` (as ``review decide`` takes them).
    """
    authorize(ws, principal, "records.read_sensitive")
    from shomar.services.linkage import resolve_record
    from shomar.store.queries import restrict

    with ws.session() as session:
        uid = resolve_record(session, uid, principal)
        record = session.scalars(
            restrict(select(Record), principal).where(Record.uid == uid)
        ).one()  # resolve_record found it among the current records the principal sees
        fields = ws.keyring().open_record(record)
        append_audit(session, principal.name, "records.read_sensitive", f"record:{uid}", {})
    return fields


__all__ = [
    "RotationReport",
    "find_by_witness",
    "key_ids_in_use",
    "rotate_keys",
    "sensitive_fields",
    "set_backup_recipient",
    "set_source_contact",
    "source_contact",
]


def set_source_contact(ws: Workspace, source: str, contact: str, *, principal: Principal) -> None:
    """Store how to reach a source (encrypted; the audit entry does not hold the contact)."""
    authorize(ws, principal, "sources.set_contact")
    from shomar.errors import NotFoundError

    with ws.session() as session:
        row = session.scalars(select(Source).where(Source.name == source)).first()
        if row is None:
            raise NotFoundError(f"No source named {source!r}.", hint="See `shomar stats`.")
        row.contact = ws.keyring().seal_contact(contact.strip(), source_id=row.id)
        append_audit(session, principal.name, "sources.set_contact", f"source:{row.id}", {})


def source_contact(ws: Workspace, source: str, *, principal: Principal) -> str:
    """The decrypted contact details of a source (audited)."""
    authorize(ws, principal, "records.read_sensitive")
    from shomar.errors import NotFoundError

    with ws.session() as session:
        row = session.scalars(select(Source).where(Source.name == source)).first()
        if row is None:
            raise NotFoundError(f"No source named {source!r}.")
        text = ws.keyring().open_contact(row)
        append_audit(session, principal.name, "sources.read_contact", f"source:{row.id}", {})
    return text
