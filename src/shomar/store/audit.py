"""Appending to and reading the audit chain in the store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shomar.security.audit import ChainEntry, entry_hash, verify_chain
from shomar.store.dialects import serialize
from shomar.store.tables import AuditEntry, utcnow


def append_audit(
    session: Session,
    actor: str,
    action: str,
    target: str = "",
    payload: dict[str, Any] | None = None,
) -> AuditEntry:
    """Add an entry chained to the last one (in the caller's transaction).

    Appends are serialised (:func:`shomar.store.dialects.serialize`; on SQLite the write
    transaction already is), so two writers never chain to the same head; ``UNIQUE(prev_hash)``
    refuses it if they ever did.
    """
    serialize(session, "audit")
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    prev = last.hash if last else ""
    created = utcnow()
    body = payload or {}
    entry = AuditEntry(
        created=created,
        actor=actor,
        action=action,
        target=target,
        payload=body,
        prev_hash=prev,
        hash=entry_hash(prev, created.isoformat(), actor, action, target, body),
    )
    session.add(entry)
    session.flush()
    return entry


def _created_text(entry: AuditEntry) -> str:
    created = entry.created
    if created.tzinfo is None:  # SQLite returns naive datetimes (stored in UTC)
        created = created.replace(tzinfo=dt.UTC)
    return created.astimezone(dt.UTC).isoformat()  # PostgreSQL answers in the session's zone


def verify_audit(session: Session) -> int | None:
    """The id of the first broken entry, or ``None`` if the chain is intact."""
    rows = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    return verify_chain(
        ChainEntry(
            e.id, _created_text(e), e.actor, e.action, e.target, e.payload, e.prev_hash, e.hash
        )
        for e in rows
    )
