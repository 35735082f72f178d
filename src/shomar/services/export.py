"""Exports: the public, redacted registry and the audit check.

Exports are deterministic: the same data gives the same bytes. Nothing in them comes from the
clock; the package's ``created`` time is the newest exported record's, taken from the data.

``export_public(ws, OUT)`` writes ``OUT`` as a CSV file when it ends in ``.csv``, else as a
Frictionless data package folder (``datapackage.json`` with schema, license and hashes, plus
``records.csv``). Both come only from the redaction policy (:mod:`shomar.security.redaction`).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shomar.errors import InputError
from shomar.security.principal import Principal
from shomar.security.redaction import PUBLIC_FIELDS, is_public, redact, spreadsheet_safe
from shomar.services.access import authorize
from shomar.store.audit import append_audit, verify_audit
from shomar.store.queries import all_records
from shomar.store.tables import Event, PersonRecord, Record, Source
from shomar.store.workspace import Workspace

PACKAGE_FILE = "datapackage.json"
RECORDS_FILE = "records.csv"
#: Table Schema types of the public fields (everything else is text)
FIELD_TYPES = {"age": "integer", "date_start": "date", "date_end": "date"}
FIELD_DESCRIPTIONS = {
    "record_uid": "Stable id of the record: <source id>:<record id in the source's list>",
    "source": "Who reported the record",
    "date_text": "The date as written in the source (either calendar, possibly partial)",
    "date_start": "Earliest Gregorian day the date can mean",
    "date_end": "Latest Gregorian day the date can mean",
    "province_iso": "ISO 3166-2 code of the province",
    "person_id": "The person this record was linked to (latest linkage run)",
}


def public_rows(session: Session) -> Iterator[tuple[dict[str, Any] | None, dt.datetime | None]]:
    """``(row, created)`` for every current record; ``row`` is ``None`` when its tier withholds it.

    Rows are redacted by the policy (only :data:`PUBLIC_FIELDS`) and ordered by record id.
    """
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
    # every current record, then the policy: only the public tier leaves, whoever exports
    for record in session.scalars(all_records(select(Record)).order_by(Record.id)):
        if not is_public(record.confidentiality):
            yield None, None
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
        yield redact(row), record.created


def render_public_csv(session: Session) -> tuple[bytes, int, int, str | None]:
    """The public registry as CSV bytes: ``(bytes, exported, withheld, newest record time)``."""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=PUBLIC_FIELDS, lineterminator="\r\n")
    writer.writeheader()
    exported = withheld = 0
    newest: dt.datetime | None = None
    for row, created in public_rows(session):
        if row is None:
            withheld += 1
            continue
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
        exported += 1
        if created is not None:
            stamp = created if created.tzinfo else created.replace(tzinfo=dt.UTC)
            newest = max(newest, stamp) if newest else stamp
    when = newest.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if newest else None
    return buffer.getvalue().encode("utf-8"), exported, withheld, when


def package_descriptor(csv_bytes: bytes, created: str | None, license_id: str) -> dict[str, Any]:
    """``datapackage.json`` for a records.csv (Frictionless Data Package v1)."""
    fields = [
        {"name": name, "type": FIELD_TYPES.get(name, "string")}
        | ({"description": FIELD_DESCRIPTIONS[name]} if name in FIELD_DESCRIPTIONS else {})
        for name in PUBLIC_FIELDS
    ]
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": "shomar-public-registry",
        "title": "Public registry of documented violations (redacted by Shomar's policy)",
        "description": (
            "Records whose confidentiality tier is public, with only the fields the redaction "
            "policy publishes. Witness, informant and contact fields are never included."
        ),
        "licenses": [_license(license_id)],
        "resources": [
            {
                "name": "records",
                "path": RECORDS_FILE,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(csv_bytes),
                "hash": "sha256:" + hashlib.sha256(csv_bytes).hexdigest(),
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": {"fields": fields, "primaryKey": ["record_uid"]},
            }
        ],
    }
    if created is not None:
        descriptor["created"] = created
    return descriptor


def _license(license_id: str) -> dict[str, str]:
    known = {
        "CC-BY-4.0": ("https://creativecommons.org/licenses/by/4.0/", "Creative Commons BY 4.0"),
        "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
        "ODC-BY-1.0": ("https://opendatacommons.org/licenses/by/1-0/", "ODC Attribution 1.0"),
    }
    path, title = known.get(license_id, ("", license_id))
    return {"name": license_id, "title": title} | ({"path": path} if path else {})


def render_package(session: Session) -> tuple[dict[str, bytes], int, int]:
    """The package's files (name → bytes), deterministically, and the counts."""
    from shomar.config import settings

    csv_bytes, exported, withheld, created = render_public_csv(session)
    descriptor = package_descriptor(csv_bytes, created, settings().export_license)
    package = json.dumps(descriptor, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return {PACKAGE_FILE: package.encode("utf-8"), RECORDS_FILE: csv_bytes}, exported, withheld


def export_public(ws: Workspace, out: Path, *, principal: Principal) -> tuple[int, int]:
    """Write the public registry to ``out`` (a ``.csv`` file, else a data package folder).

    Returns ``(exported, withheld)``. Every cell is spreadsheet-safe.
    """
    authorize(ws, principal, "export.public", str(out.name))
    actor = principal.name
    as_csv = out.suffix.lower() == ".csv"
    if not out.parent.is_dir():
        raise InputError(
            f"{out.parent}: no such folder.", hint="Create it first, or write elsewhere."
        )
    if not as_csv and out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError(
            f"{out}: exists and is not an empty folder.",
            hint="A data package is written to a new folder; give a new path (or OUT.csv for "
            "the CSV alone).",
        )
    with ws.session() as session:
        files, exported, withheld = render_package(session)
        if as_csv:
            out.write_bytes(files[RECORDS_FILE])
        else:
            out.mkdir(exist_ok=True)
            for name, content in files.items():
                (out / name).write_bytes(content)
        append_audit(
            session,
            actor,
            "export.public",
            str(out.name),
            {
                "exported": exported,
                "withheld": withheld,
                "sha256": hashlib.sha256(files[RECORDS_FILE]).hexdigest(),
            },
        )
    return exported, withheld


def audit_status(ws: Workspace, *, principal: Principal) -> tuple[int, int | None]:
    """Number of audit entries and the id of the first broken one (``None``: intact)."""
    authorize(ws, principal, "audit.verify")
    from shomar.store.tables import AuditEntry

    with ws.read_session() as session:
        count = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
        return count, verify_audit(session)
