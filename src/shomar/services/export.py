"""Exports: the public, redacted registry (records as CSV) and the audit check."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select

from shomar.errors import InputError
from shomar.security.principal import Principal
from shomar.security.redaction import PUBLIC_FIELDS, is_public, redact, spreadsheet_safe
from shomar.services.access import authorize
from shomar.store.audit import append_audit, verify_audit
from shomar.store.queries import restrict
from shomar.store.tables import Event, PersonRecord, Record, Source
from shomar.store.workspace import Workspace


def export_public(ws: Workspace, out: Path, *, principal: Principal) -> tuple[int, int]:
    """Write public records (current versions) through the redaction policy.

    Returns ``(exported, withheld)``. Every cell is spreadsheet-safe.
    """
    authorize(ws, principal, "export.public", str(out.name))
    actor = principal.name
    if not out.parent.is_dir():
        raise InputError(
            f"{out.parent}: no such folder.", hint="Create it first, or write elsewhere."
        )
    exported = withheld = 0
    with ws.session() as session, out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=PUBLIC_FIELDS)
        writer.writeheader()
        run = session.scalar(select(func.max(PersonRecord.run_id)))
        persons = (
            dict(
                session.execute(
                    select(PersonRecord.record_uid, PersonRecord.person_id).where(
                        PersonRecord.run_id == run
                    )
                ).all()
            )
            if run is not None
            else {}
        )
        sources = dict(session.execute(select(Source.id, Source.name)).all())
        events = dict(session.execute(select(Event.id, Event.name)).all())
        for record in session.scalars(restrict(select(Record), principal).order_by(Record.id)):
            if not is_public(record.confidentiality):
                withheld += 1
                continue
            row = {
                "record_uid": record.uid,
                "source": sources.get(record.source_id),
                "full_name": record.full_name,
                "given_name": record.given_name,
                "family_name": record.family_name,
                "sex": record.sex,
                "age": record.age,
                "date_text": record.date_text,
                "date_start": record.date_start,
                "date_end": record.date_end,
                "date_precision": record.date_precision,
                "place": record.place,
                "province_iso": record.province_iso,
                "violation": record.violation,
                "event": events.get(record.event_id or -1),
                "person_id": persons.get(record.uid),
            }
            writer.writerow({k: spreadsheet_safe(v) for k, v in redact(row).items()})
            exported += 1
        append_audit(
            session,
            actor,
            "export.public",
            str(out.name),
            {"exported": exported, "withheld": withheld},
        )
    return exported, withheld


def audit_status(ws: Workspace, *, principal: Principal) -> tuple[int, int | None]:
    """Number of audit entries and the id of the first broken one (``None``: intact)."""
    authorize(ws, principal, "audit.verify")
    from shomar.store.tables import AuditEntry

    with ws.read_session() as session:
        count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        return count, verify_audit(session)
