"""`shomar publish DIR`: a separate public database for a public host.

``DIR/public.sqlite`` holds only what the redaction policy publishes: public-tier records with
the public fields, the events and the names and kinds of sources — no raw rows, no notes, no
encrypted fields, no keys, no audit payloads. ``DIR`` also gets the public data package, so the
database and the package can be checked against each other.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from shomar.errors import InputError
from shomar.security.principal import Principal
from shomar.security.redaction import PUBLIC_FIELDS
from shomar.services.access import authorize
from shomar.services.export import RECORDS_FILE, render_package
from shomar.store.audit import append_audit
from shomar.store.tables import Event, Source
from shomar.store.workspace import Workspace

DB_NAME = "public.sqlite"


@dataclass
class PublishReport:
    path: str
    records: int
    withheld: int
    events: int
    sources: int


def publish(ws: Workspace, directory: Path, *, principal: Principal) -> PublishReport:
    """Build ``directory`` (absent or empty) with the public database and the data package."""
    authorize(ws, principal, "publish")
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise InputError(
            f"{directory}: exists and is not an empty folder.",
            hint="Publish into a new folder, then move it to the public host.",
        )
    directory.mkdir(parents=True, exist_ok=True)
    with ws.session() as session:
        files, exported, withheld = render_package(session)
        events = [
            (e.name, e.name_fa, _iso(e.start_date), _iso(e.end_date), e.area)
            for e in session.scalars(select(Event).order_by(Event.name))
        ]
        sources = [(s.name, s.kind) for s in session.scalars(select(Source).order_by(Source.name))]
        for name, content in files.items():
            (directory / "package").mkdir(exist_ok=True)
            (directory / "package" / name).write_bytes(content)
        _write_db(directory / DB_NAME, files[RECORDS_FILE], events, sources)
        append_audit(
            session,
            principal.name,
            "publish",
            directory.name,
            {"records": exported, "withheld": withheld},
        )
    return PublishReport(str(directory), exported, withheld, len(events), len(sources))


def _iso(value: object) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else None


def _write_db(
    path: Path,
    records_csv: bytes,
    events: Sequence[tuple[object, ...]],
    sources: Sequence[tuple[object, ...]],
) -> None:
    tmp = path.with_name(path.name + ".part")
    tmp.unlink(missing_ok=True)
    rows = list(csv.reader(io.StringIO(records_csv.decode("utf-8"), newline="")))[1:]
    connection = sqlite3.connect(tmp)
    try:
        columns = ", ".join(f'"{name}" TEXT' for name in PUBLIC_FIELDS)
        connection.execute(f"CREATE TABLE records ({columns}, PRIMARY KEY (record_uid))")
        marks = ", ".join("?" for _ in PUBLIC_FIELDS)
        # the statement holds only "?" placeholders; every value is bound
        connection.executemany(f"INSERT INTO records VALUES ({marks})", rows)
        connection.execute(
            "CREATE TABLE events (name TEXT PRIMARY KEY, name_fa TEXT, start_date TEXT, "
            "end_date TEXT, area TEXT)"
        )
        connection.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?)", events)
        connection.execute("CREATE TABLE sources (name TEXT PRIMARY KEY, kind TEXT)")
        connection.executemany("INSERT INTO sources VALUES (?, ?)", sources)
        connection.commit()
    finally:
        connection.close()
    os.replace(tmp, path)
