"""Documents that are not lists (articles, reports): raw bytes kept by hash, with custody."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from shomar.errors import InputError
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.store.audit import append_audit
from shomar.store.dialects import serialize
from shomar.store.tables import CustodyEntry, Document, Source
from shomar.store.workspace import Workspace


def keep_document(
    ws: Workspace,
    path: Path,
    source: str,
    *,
    media_type: str = "text/plain",
    principal: Principal,
) -> int:
    """Store ``path``'s bytes (once per hash) from ``source``; return the document id."""
    authorize(ws, principal, "documents.add")
    actor = principal.name
    if not path.is_file():
        raise InputError(f"{path}: no such file.")
    content = path.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    with ws.session() as session:
        existing = session.scalars(select(Document).where(Document.sha256 == digest)).first()
        if existing is not None:
            return existing.id
        serialize(session, "sources")
        row = session.scalars(select(Source).where(Source.name == source)).first()
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
        append_audit(session, actor, "document.add", f"document:{document.id}", {"file": path.name})
        ws.write_blob(content)
        return document.id
