"""Documents: raw bytes kept by hash, with custody; a document's life (list, withdraw, replace).

A document is ``active``, ``withdrawn`` (``shomar documents withdraw``) or ``replaced`` (by a
later ``shomar import FILE --replace DOC``). Records of a document that is not active leave
every count (:func:`shomar.store.queries.current_record`); nothing is ever deleted.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shomar.domain.names_key import ascii_digits, match_key
from shomar.domain.wording import quoted
from shomar.errors import InputError, NotFoundError
from shomar.readable import check_readable_file
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.store.audit import append_audit
from shomar.store.dialects import serialize
from shomar.store.tables import CustodyEntry, Document, Record, Source, utcnow
from shomar.store.workspace import Workspace


def keep_document(
    ws: Workspace,
    path: Path,
    source: str,
    *,
    media_type: str = "text/plain",
    principal: Principal,
) -> int:
    """Store ``path``'s bytes (once per hash) from ``source``; return the document id.

    The encrypted bytes are staged, and moved into ``documents/`` only after the commit.
    """
    authorize(ws, principal, "documents.add")
    actor = principal.name
    check_readable_file(path, "a document file")
    content = path.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    pending: Path | None = None
    try:
        with ws.session() as session:
            existing = session.scalars(select(Document).where(Document.sha256 == digest)).first()
            if existing is not None:
                return existing.id
            serialize(session, "sources")
            row = find_source(session, source)
            if row is None:
                row = Source(name=source, created_by=actor)
                session.add(row)
                session.flush()
            document = Document(
                source_id=row.id,
                sha256=digest,
                size=len(content),
                media_type=media_type,
                original_name=path.name,
                received_by=actor,
            )
            session.add(document)
            session.flush()
            session.add(CustodyEntry(document_id=document.id, action="received", actor=actor))
            append_audit(
                session, actor, "document.add", f"document:{document.id}", {"file": path.name}
            )
            pending = ws.write_blob(content)
    except BaseException:
        ws.discard_blob(pending)
        raise
    ws.publish_blob(digest, pending)
    return document.id


# -- a document's life: list, withdraw, replace ------------------------------------------------

STATUSES = ("active", "withdrawn", "replaced")
MIN_PREFIX = 8
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class DocumentInfo:
    """One document as ``shomar documents list`` shows it."""

    id: int
    sha256: str
    source: str
    name: str
    media_type: str
    received_at: str
    rows: int
    records: int
    status: str
    status_reason: str
    replaced_by: int | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def find_source(session: Session, name: str) -> Source | None:
    """The source named ``name``, matched with the Persian key (letter forms, ZWNJ, case)."""
    exact = session.scalars(select(Source).where(Source.name == name)).first()
    if exact is not None:
        return exact
    key = match_key(name)
    return next((s for s in session.scalars(select(Source)) if match_key(s.name) == key), None)


def find_document(session: Session, ref: str) -> Document:
    """The document named by its id or by a unique SHA-256 prefix of 8+ hex characters."""
    text = ascii_digits(ref.strip()).lower()
    if text.isdecimal() and len(text) < MIN_PREFIX:
        document = session.get(Document, int(text))
        if document is None:
            raise NotFoundError(
                f"No document {quoted(ref)} in this workspace.", hint="See `shomar documents list`."
            )
        return document
    if len(text) < MIN_PREFIX or not set(text) <= _HEX:
        raise InputError(
            f"{quoted(ref)} is neither a document id nor a SHA-256 prefix of {MIN_PREFIX}+ hex "
            "characters.",
            hint="Use the id or the SHA-256 shown by `shomar documents list`.",
        )
    matches = list(session.scalars(select(Document).where(Document.sha256.startswith(text))))
    if not matches and text.isdecimal() and int(text) < 2**63:  # a database id fits 64 bits
        document = session.get(Document, int(text))
        if document is not None:
            return document
    if not matches:
        raise NotFoundError(
            f"No document whose SHA-256 starts with {text}.", hint="See `shomar documents list`."
        )
    if len(matches) > 1:
        ids = ", ".join(f"{d.id} ({d.status})" for d in matches)
        raise InputError(
            f"SHA-256 prefix {text} matches {len(matches)} documents: {ids}.",
            hint="Give the document id, or a longer prefix.",
        )
    return matches[0]


def list_documents(ws: Workspace, *, principal: Principal) -> list[DocumentInfo]:
    """Every document with its source, rows, records stored from it and status."""
    authorize(ws, principal, "documents.read")
    with ws.read_session() as session:
        counts = dict(
            session.execute(
                select(Record.document_id, func.count()).group_by(Record.document_id)
            ).all()
        )
        rows = session.execute(
            select(Document, Source.name)
            .join(Source, Source.id == Document.source_id)
            .order_by(Document.id)
        ).all()
        return [
            DocumentInfo(
                id=document.id,
                sha256=document.sha256,
                source=source,
                name=document.original_name,
                media_type=document.media_type,
                received_at=document.received_at.isoformat(),
                rows=document.rows,
                records=counts.get(document.id, 0),
                status=document.status,
                status_reason=document.status_reason,
                replaced_by=document.replaced_by_id,
            )
            for document, source in rows
        ]


def withdraw_document(
    ws: Workspace, ref: str, *, reason: str, principal: Principal
) -> DocumentInfo:
    """Withdraw a document: its records leave every count, person, estimate and export.

    Nothing is deleted: the document, its raw bytes and its records stay, marked withdrawn, and
    the custody log and the audit chain record who withdrew it, when and why.
    """
    authorize(ws, principal, "documents.withdraw")
    if not reason.strip():
        raise InputError("A withdrawal needs a reason.", hint="Add --reason TEXT.")
    with ws.session() as session:
        document = find_document(session, ref)
        if document.status != "active":
            raise InputError(
                f"Document {document.id} is already {document.status}"
                + (f" ({document.status_reason})" if document.status_reason else "")
                + "; nothing was changed."
            )
        document.status = "withdrawn"
        document.status_reason = reason.strip()
        document.status_changed = utcnow()
        session.add(
            CustodyEntry(
                document_id=document.id,
                action="withdrawn",
                actor=principal.name,
                note=reason.strip(),
            )
        )
        records = session.scalar(
            select(func.count()).select_from(Record).where(Record.document_id == document.id)
        )
        append_audit(
            session,
            principal.name,
            "document.withdraw",
            f"document:{document.id}",
            {"sha256": document.sha256, "reason": reason.strip(), "records": records or 0},
        )
        document_id = document.id
    return next(d for d in list_documents(ws, principal=principal) if d.id == document_id)


@dataclass(frozen=True)
class CustodyInfo:
    """One step of a document's custody: received, exported, withdrawn, replaced..."""

    action: str
    actor: str
    created: str
    note: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def custody_log(
    ws: Workspace, ref: str, *, principal: Principal
) -> tuple[DocumentInfo, list[CustodyInfo]]:
    """Document ``ref`` (id or SHA-256 prefix) and its custody log, oldest step first."""
    authorize(ws, principal, "documents.read", f"document:{ref}")
    with ws.read_session() as session:
        document_id = find_document(session, ref).id
        steps = [
            CustodyInfo(entry.action, entry.actor, entry.created.isoformat(), entry.note)
            for entry in session.scalars(
                select(CustodyEntry)
                .where(CustodyEntry.document_id == document_id)
                .order_by(CustodyEntry.created, CustodyEntry.id)
            )
        ]
    info = next(d for d in list_documents(ws, principal=principal) if d.id == document_id)
    return info, steps
