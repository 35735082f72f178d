"""Record metadata a person decides: the confidentiality tier (``shomar records set-tier``).

A tier says who may see a record (public / restricted / confidential); imports give
``restricted`` unless the list or its mapping says otherwise. Changing it is not a correction
of what the source reported, so the record keeps its version; the audit chain records every
change with its before and after, and the changed rows are re-attested so `audit verify`
tells this legitimate change from an edit made outside Shomar.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select, update

from shomar.errors import InputError
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.documents import find_document
from shomar.store.audit import append_audit
from shomar.store.integrity import reattest_records
from shomar.store.queries import all_records
from shomar.store.tables import TIERS, Record
from shomar.store.workspace import Workspace

__all__ = ["TierChange", "set_tier"]


@dataclass(frozen=True)
class TierChange:
    tier: str
    changed: int
    unchanged: int


def set_tier(
    ws: Workspace,
    tier: str,
    *,
    records: Sequence[str] = (),
    document: str | None = None,
    reason: str = "",
    principal: Principal,
) -> TierChange:
    """Set the tier of the current versions of ``records`` and/or of ``document``'s records."""
    from shomar.services.linkage import resolve_record

    authorize(ws, principal, "records.set_tier")
    if tier not in TIERS:
        raise InputError(f"Unknown tier {tier!r}.", hint=f"Use one of: {', '.join(TIERS)}.")
    if not records and document is None:
        raise InputError(
            "Name the records: record uids or SOURCE/RECORD_ID, or --document DOC.",
            hint="e.g. shomar records set-tier --document 3 --tier public",
        )
    with ws.session() as session:
        uids = {resolve_record(session, ref, principal) for ref in records}
        chosen: ColumnElement[bool] = Record.uid.in_(uids)
        if document is not None:
            doc = find_document(session, document)
            chosen = (
                chosen | (Record.document_id == doc.id) if uids else Record.document_id == doc.id
            )
        rows = session.execute(
            all_records(select(Record.id, Record.uid, Record.confidentiality).where(chosen))
        ).all()
        to_change = [row for row in rows if row.confidentiality != tier]
        ids = [row.id for row in to_change]
        for offset in range(0, len(ids), 5000):
            session.execute(
                update(Record)
                .where(Record.id.in_(ids[offset : offset + 5000]))
                .values(confidentiality=tier)
            )
        if to_change:
            reattest_records(session, ids, principal.name, f"tier set to {tier}")
            append_audit(
                session,
                principal.name,
                "records.set_tier",
                f"document:{document}" if document is not None else "records",
                {
                    "tier": tier,
                    "reason": reason,
                    "changes": [[row.uid, row.confidentiality, tier] for row in to_change][:10000],
                    "count": len(to_change),
                },
            )
    return TierChange(tier, len(to_change), len(rows) - len(to_change))
