"""Tamper evidence: edits outside Shomar to records or to the chain are found and named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select, update

from shomar.errors import InputError
from shomar.security.audit import entry_hash
from shomar.security.principal import Principal, Role
from shomar.services.events import add_event
from shomar.services.export import export_public
from shomar.services.integrity import verify_store, write_checkpoint
from shomar.store.audit import _created_text, append_audit
from shomar.store.integrity import record_hash
from shomar.store.tables import AuditEntry, Record
from shomar.store.workspace import Workspace

ADMIN = Principal("tester", Role.ADMIN)


def _entries(ws: Workspace, n: int) -> None:
    """Append ``n`` ordinary entries after the import (as other commands would)."""
    with ws.session() as session:
        for i in range(n):
            append_audit(session, "tester", "event.add", f"event:{i}", {"n": i})


def test_an_untouched_store_verifies(seeded: Workspace) -> None:
    report = verify_store(seeded, principal=ADMIN)
    assert report.intact and report.first_bad_entry is None and report.entries == 1


def test_one_byte_of_a_record_edited_is_named(seeded: Workspace) -> None:
    with seeded.session() as session:
        session.execute(
            update(Record).where(Record.uid == "1:2").values(full_name="Synthetic Persom 2")
        )
    report = verify_store(seeded, principal=ADMIN)
    assert not report.intact and report.first_bad_entry == 1
    assert (
        report.findings[0].record_uid == "1:2" and "changed outside" in report.findings[0].message
    )


def test_an_edit_with_a_recomputed_content_hash_is_still_found(seeded: Workspace) -> None:
    with seeded.session() as session:
        record = session.scalars(select(Record).where(Record.uid == "1:2")).one()
        record.age = 33
        session.flush()
        mapping = {c.name: getattr(record, c.name) for c in Record.__table__.columns}
        record.content_hash = record_hash(mapping)
    report = verify_store(seeded, principal=ADMIN)
    assert report.first_bad_entry == 1
    assert "digest differs" in report.findings[0].message


def test_a_deleted_record_row_is_found(seeded: Workspace) -> None:
    with seeded.session() as session:
        session.execute(delete(Record).where(Record.uid == "1:3"))
    report = verify_store(seeded, principal=ADMIN)
    assert report.first_bad_entry == 1
    assert "attests 3 record row(s)" in report.findings[0].message
    assert "holds 2" in report.findings[0].message


def test_an_inserted_record_row_is_found(seeded: Workspace) -> None:
    with seeded.session() as session:
        row = session.execute(select(Record.__table__).where(Record.uid == "1:3")).one()._asdict()
        row.pop("id")
        row.update(uid="1:99", record_key="99", full_name="Inserted Outside")
        row["content_hash"] = record_hash(row)  # even with a correct hash of its own
        session.execute(insert(Record.__table__), [row])
        loose = {**row, "uid": "1:100", "record_key": "100", "document_id": None}
        session.execute(insert(Record.__table__), [loose])
    report = verify_store(seeded, principal=ADMIN)
    assert report.first_bad_entry == 1
    assert any("holds 4" in f.message for f in report.findings)
    assert any(f.record_uid == "1:100" and "no audit entry" in f.message for f in report.findings)


def test_reordered_entries_name_the_first_one(seeded: Workspace) -> None:
    _entries(seeded, 3)  # entries 2, 3, 4
    with seeded.session() as session:
        two, three = (session.get(AuditEntry, i) for i in (2, 3))
        assert two is not None and three is not None
        fields = ("created", "actor", "action", "target", "payload", "prev_hash", "hash")
        a = {f: getattr(two, f) for f in fields}
        b = {f: getattr(three, f) for f in fields}
        two.prev_hash = "moving"  # one successor per entry (UNIQUE prev_hash): swap in steps
        session.flush()
        for f in fields:
            setattr(three, f, a[f])
        session.flush()
        for f in fields:
            setattr(two, f, b[f])
    report = verify_store(seeded, principal=ADMIN)
    assert report.chain_broken_at == 2 and report.first_bad_entry == 2


def test_truncation_is_found_with_a_checkpoint(seeded: Workspace, tmp_path: Path) -> None:
    _entries(seeded, 4)  # entries 2…5
    checkpoint = tmp_path / "checkpoint.json"
    body = write_checkpoint(seeded, checkpoint, principal=ADMIN)  # signs entry 5; adds entry 6
    assert body["entry_id"] == 5
    assert verify_store(seeded, principal=ADMIN, checkpoint=checkpoint).intact
    with seeded.session() as session:  # cut the last 4 entries: the chain itself still verifies
        session.execute(delete(AuditEntry).where(AuditEntry.id >= 3))
    assert verify_store(seeded, principal=ADMIN).intact  # undetectable without the anchor
    report = verify_store(seeded, principal=ADMIN, checkpoint=checkpoint)
    assert not report.intact and report.first_bad_entry == 3
    assert "truncated" in report.findings[0].message


def test_rewriting_the_chain_back_to_a_checkpoint_is_found(
    seeded: Workspace, tmp_path: Path
) -> None:
    _entries(seeded, 3)
    checkpoint = tmp_path / "checkpoint.json"
    write_checkpoint(seeded, checkpoint, principal=ADMIN)
    with seeded.session() as session:  # rewrite entry 2 and recompute every hash after it
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        entries[1].payload = {"n": "rewritten"}
        prev = ""
        for entry in entries:
            entry.prev_hash = prev
            entry.hash = entry_hash(
                prev, _created_text(entry), entry.actor, entry.action, entry.target, entry.payload
            )
            prev = entry.hash
    assert verify_store(seeded, principal=ADMIN).intact  # a consistent forgery...
    report = verify_store(seeded, principal=ADMIN, checkpoint=checkpoint)
    assert report.first_bad_entry == 4 and "rewritten" in report.findings[0].message


def test_an_altered_checkpoint_or_another_key_is_refused(seeded: Workspace, tmp_path: Path) -> None:
    checkpoint = tmp_path / "checkpoint.json"
    write_checkpoint(seeded, checkpoint, principal=ADMIN)
    body = json.loads(checkpoint.read_text())
    body["entry_id"] = 0
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(body))
    with pytest.raises(InputError, match="altered"):
        verify_store(seeded, principal=ADMIN, checkpoint=forged)
    with pytest.raises(InputError, match="not by this workspace's checkpoint key"):
        verify_store(seeded, principal=ADMIN, checkpoint=checkpoint, public_key="A" * 43 + "=")
    key = seeded.path / "keys" / "checkpoint.key"
    assert oct(key.stat().st_mode & 0o777) == "0o600"


def test_other_writes_keep_the_store_verifying(seeded: Workspace, tmp_path: Path) -> None:
    add_event(seeded, "Synthetic test event", principal=ADMIN)
    export_public(seeded, tmp_path / "public.csv", principal=ADMIN)
    assert verify_store(seeded, principal=ADMIN).intact


def test_cli_verify_names_the_first_bad_entry(tmp_path: Path) -> None:
    from security.conftest import seeded_csv

    (tmp_path / "list.csv").write_text(seeded_csv(), encoding="utf-8")
    env = {**os.environ, "SHOMAR_ACTOR": "tester", "COLUMNS": "200"}

    def shomar(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "shomar", *args, "-w", str(tmp_path / "ws")],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    assert shomar("init").returncode == 0
    assert shomar("import", str(tmp_path / "list.csv"), "--source", "S").returncode == 0
    assert shomar("audit", "checkpoint", "--out", str(tmp_path / "cp.json")).returncode == 0
    ok = shomar("audit", "verify", "--checkpoint", str(tmp_path / "cp.json"))
    assert ok.returncode == 0, ok.stderr
    import sqlite3

    db = sqlite3.connect(tmp_path / "ws" / "shomar.db")
    db.execute("UPDATE records SET family_name = 'X' WHERE uid = '1:1'")
    db.commit()
    db.close()
    bad = shomar("audit", "verify", "--json")
    assert bad.returncode == 1
    assert json.loads(bad.stdout)["first_bad_entry"] == 1
    assert "first bad entry 1" in bad.stderr and "Traceback" not in bad.stderr


def test_attaching_records_to_a_new_event_is_attested(workspace: Workspace, tmp_path: Path) -> None:
    from shomar.services.imports import import_file

    path = tmp_path / "events.csv"
    path.write_text(
        "record_id,full_name,event\n1,Synthetic A,Synthetic wave\n2,Synthetic B,Other\n",
        encoding="utf-8",
    )
    import_file(workspace, path, "Synthetic NGO", principal=ADMIN)
    add_event(workspace, "Synthetic wave", principal=ADMIN)  # attaches record 1 in place
    with workspace.session() as session:
        attached = session.scalars(select(Record.event_id).where(Record.uid == "1:1")).one()
    assert attached is not None
    assert verify_store(workspace, principal=ADMIN).intact
    with workspace.session() as session:  # moving a record to another event outside Shomar
        session.execute(update(Record).where(Record.uid == "1:2").values(event_id=attached))
    report = verify_store(workspace, principal=ADMIN)
    assert not report.intact and report.findings[0].record_uid == "1:2"
