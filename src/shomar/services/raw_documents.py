"""`shomar documents get DOC --out F`: a raw document decrypted for a role allowed to."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import select

from shomar.errors import InputError, NotFoundError
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.store.audit import append_audit
from shomar.store.tables import CustodyEntry, Document
from shomar.store.workspace import Workspace


def find_document(session: Any, ref: str) -> Document:
    """A document by id, or by a unique SHA-256 prefix of at least 8 hex characters."""
    ref = ref.strip()
    if ref.isdecimal():
        document = session.get(Document, int(ref))
        if document is not None:
            return document
        raise NotFoundError(f"No document {ref}.", hint="See the ids with `shomar documents list`.")
    if not re.fullmatch(r"[0-9a-fA-F]{8,64}", ref):
        raise InputError(
            f"{ref!r} is neither a document id nor a SHA-256 prefix of 8 or more hex characters."
        )
    matches = list(
        session.scalars(select(Document).where(Document.sha256.startswith(ref.lower())).limit(2))
    )
    if not matches:
        raise NotFoundError(f"No document's SHA-256 starts with {ref}.")
    if len(matches) > 1:
        raise InputError(f"More than one document's SHA-256 starts with {ref}: give more of it.")
    return matches[0]


def get_document(ws: Workspace, ref: str, out: Path, *, principal: Principal) -> dict[str, Any]:
    """Decrypt document ``ref`` to ``out``; the plaintext's SHA-256 is checked; audited."""
    authorize(ws, principal, "documents.get_raw")
    if not out.parent.is_dir():
        raise InputError(f"{out.parent}: no such folder.", hint="Create it, or write elsewhere.")
    if out.exists():
        raise InputError(f"{out}: already exists.", hint="Give a new file name.")
    with ws.session() as session:
        document = find_document(session, ref)
        info = {
            "id": document.id,
            "sha256": document.sha256,
            "size": document.size,
            "original_name": document.original_name,
        }
    ws.save_blob(str(info["sha256"]), out)
    with ws.session() as session:
        session.add(
            CustodyEntry(
                document_id=info["id"],
                action="copied",
                actor=principal.name,
                note="decrypted to a file (shomar documents get)",
            )
        )
        append_audit(session, principal.name, "documents.get_raw", f"document:{info['id']}", {})
    return info
