"""Sensitive fields at rest: never in plaintext anywhere, bound to their place, rotatable."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from security.conftest import SEEDED, files_under, leaks
from shomar.errors import WorkspaceError
from shomar.security.fieldcrypt import DecryptionError
from shomar.security.principal import Principal, Role
from shomar.services.integrity import verify_store
from shomar.services.keys import find_by_witness, key_ids_in_use, rotate_keys, sensitive_fields
from shomar.store.encrypted import Sealed
from shomar.store.keyring import record_row_key
from shomar.store.tables import DataKey, Document, Record, Source
from shomar.store.workspace import Workspace

ADMIN = Principal("tester", Role.ADMIN)


def _record(ws: Workspace, uid: str) -> Record:
    with ws.session() as session:
        return session.scalars(select(Record).where(Record.uid == uid)).one()


def test_sensitive_values_decrypt_for_allowed_roles(seeded: Workspace) -> None:
    fields = sensitive_fields(seeded, "1:2", principal=ADMIN)
    assert fields == {name: values[1] for name, values in SEEDED.items()}
    from shomar.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        sensitive_fields(seeded, "1:2", principal=Principal("v", Role.VIEWER))


def test_no_plaintext_in_the_sqlite_file_wal_or_documents(seeded: Workspace) -> None:
    if not seeded.url.startswith("sqlite"):
        pytest.skip("the SQLite file is checked on SQLite; pg_dump is checked on PostgreSQL")
    names = {p.name for p in files_under(seeded.path)}
    assert "shomar.db" in names and "shomar.db-wal" in names  # the WAL is checked too
    for path in files_under(seeded.path):
        assert leaks(path.read_bytes()) == [], path
    with seeded.session() as session:  # the raw row keeps a marker, not the value
        raw = dict(session.scalars(select(Record.raw_row).where(Record.uid == "1:1")).one())
    assert raw["witness_name"] == "(encrypted)"


@pytest.mark.postgres
def test_no_plaintext_in_a_pg_dump(postgres_workspace: Workspace, seeded_file: Path) -> None:
    from shomar.services.imports import import_file

    import_file(postgres_workspace, seeded_file, "Synthetic NGO", principal=ADMIN)
    with postgres_workspace.engine.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    url = postgres_workspace.url.replace("postgresql+psycopg://", "postgresql://")
    dump = subprocess.run(
        ["pg_dump", f"--schema={schema}", f"--dbname={url}"], capture_output=True, check=True
    ).stdout
    assert b"Synthetic Person 1" in dump  # the dump holds the records...
    assert leaks(dump) == []  # ...but none of the sensitive values
    for path in files_under(postgres_workspace.path):
        assert leaks(path.read_bytes()) == [], path


def test_master_key_file_is_private_and_outside_the_database(seeded: Workspace) -> None:
    key_file = seeded.path / "keys" / "master.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    secret = key_file.read_text().strip().split(":", 1)[1]
    with seeded.session() as session:
        wrapped = list(session.scalars(select(DataKey.wrapped)))
    assert len(wrapped) == 5
    if seeded.url.startswith("sqlite"):
        data = (seeded.path / "shomar.db").read_bytes() + (
            seeded.path / "shomar.db-wal"
        ).read_bytes()
        assert secret.encode() not in data


def test_a_changed_master_key_byte_fails(seeded: Workspace) -> None:
    key_file = seeded.path / "keys" / "master.key"
    header, body = key_file.read_text().strip().split(":", 1)
    import base64

    raw = bytearray(base64.b64decode(body))
    raw[7] ^= 0x01
    key_file.write_text(f"{header}:{base64.b64encode(bytes(raw)).decode()}\n")
    seeded.forget_keys()  # as a new process would
    with pytest.raises(WorkspaceError, match="does not open with the master key"):
        seeded.keyring()


def test_a_changed_data_key_or_ciphertext_byte_fails(seeded: Workspace) -> None:
    record = _record(seeded, "1:1")
    ring = seeded.keyring()
    assert record.sensitive is not None
    key_id = record.sensitive.key_id
    original = ring.keys[key_id]
    ring.keys[key_id] = bytes([original[0] ^ 0x80]) + original[1:]
    with pytest.raises(DecryptionError):
        ring.open_record(record)
    ring.keys[key_id] = original
    envelope = bytearray(record.sensitive.envelope)
    envelope[-1] ^= 0x01
    record.sensitive = Sealed(bytes(envelope))
    with pytest.raises(DecryptionError):
        ring.open_record(record)


def test_a_ciphertext_moved_to_another_row_or_column_fails(seeded: Workspace) -> None:
    donor = _record(seeded, "1:1")
    with seeded.session() as session:  # as someone with database access would
        session.execute(update(Record).where(Record.uid == "1:3").values(sensitive=donor.sensitive))
        source = session.scalars(select(Source)).one()
        session.execute(
            update(Source).where(Source.id == source.id).values(contact=donor.sensitive)
        )
    ring = seeded.keyring()
    with pytest.raises(DecryptionError, match="moved from another row"):
        ring.open_record(_record(seeded, "1:3"))
    with seeded.session() as session:
        source = session.scalars(select(Source)).one()
        with pytest.raises(DecryptionError):
            ring.open_contact(source)
    assert ring.open_record(donor)["witness_name"] == SEEDED["witness_name"][0]  # still fine
    report = verify_store(seeded, principal=ADMIN)  # and the audit sees the edited row
    assert report.findings and report.findings[0].record_uid == "1:3"


def test_nonces_are_random_and_plaintext_is_refused(seeded: Workspace) -> None:
    ring = seeded.keyring()
    fields = {"witness_name": "Same Value"}
    one = ring.seal_record_fields(fields, uid="x", version=1, tier="public")
    two = ring.seal_record_fields(fields, uid="x", version=1, tier="public")
    assert one is not None and two is not None and one.envelope != two.envelope
    with seeded.session() as session, pytest.raises(Exception, match="is encrypted"):
        session.execute(update(Record).values(sensitive="plain text"))
    assert record_row_key("1:1", 2) == "1:1#2"


def test_blind_index_finds_exact_values_in_any_letter_form(seeded: Workspace) -> None:
    assert find_by_witness(seeded, "witnessalpha  SYNTHETICSON", principal=ADMIN) == ["1:1"]
    arabic_forms = SEEDED["witness_name"][1].replace("ی", "ي")  # Windows-1256 letter forms
    assert find_by_witness(seeded, arabic_forms, principal=ADMIN) == ["1:2"]
    assert find_by_witness(seeded, "Witnessalpha", principal=ADMIN) == []


def test_rotation_leaves_no_value_on_an_old_key_id(seeded: Workspace) -> None:
    old_ids = set(seeded.keyring().keys)
    old_master = (seeded.path / "keys" / "master.key").read_text()
    report = rotate_keys(seeded, principal=ADMIN)
    assert set(report.old_key_ids) == old_ids and report.records == 2
    in_use = key_ids_in_use(seeded, principal=ADMIN)
    assert in_use and not (set(in_use) & old_ids)
    with seeded.session() as session:
        assert not (set(session.scalars(select(DataKey.key_id))) & old_ids)
        sha = session.scalars(select(Document.sha256)).one()
    assert (seeded.path / "keys" / "master.key").read_text() != old_master
    seeded.forget_keys()  # as a new process would: the new master key comes from the file
    fields = sensitive_fields(seeded, "1:1", principal=ADMIN)
    assert fields["informant"] == SEEDED["informant"][0]
    assert b"Synthetic Person 1" in seeded.read_blob(sha)
    assert find_by_witness(seeded, SEEDED["witness_name"][0], principal=ADMIN) == ["1:1"]
    assert verify_store(seeded, principal=ADMIN).intact
    assert os.listdir(seeded.path / "keys") == ["master.key"]


def test_source_contacts_are_encrypted(seeded: Workspace) -> None:
    from shomar.services.keys import set_source_contact, source_contact

    contact = "synthetic.contact@example.invalid"  # a seeded value: checked by leaks()
    set_source_contact(seeded, "Synthetic NGO", contact, principal=ADMIN)
    assert source_contact(seeded, "Synthetic NGO", principal=ADMIN) == contact
    with seeded.session() as session:
        stored = session.scalars(select(Source.contact)).one()
    assert stored is not None and contact.encode() not in stored.envelope
    if seeded.url.startswith("sqlite"):
        for path in files_under(seeded.path):
            assert leaks(path.read_bytes()) == [], path
    rotate_keys(seeded, principal=ADMIN)
    assert source_contact(seeded, "Synthetic NGO", principal=ADMIN) == contact


def test_a_store_from_before_attestation_is_attested_at_upgrade(tmp_path: Path) -> None:
    import datetime as dt

    from sqlalchemy import insert as sql_insert

    from shomar.store import migrate
    from shomar.store.audit import append_audit
    from shomar.store.dialects import make_engine
    from shomar.store.workspace import open_workspace

    folder = tmp_path / "old"
    folder.mkdir()
    (folder / ".shomar-workspace").write_text("Shomar workspace\n")
    engine = make_engine(f"sqlite:///{folder / 'shomar.db'}")
    migrate.upgrade(engine, "0001")
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sources (id, name, kind, description, created, "
                "created_by) VALUES (1, 'Old', 'ngo', '', :t, '')"
            ),
            {"t": now},
        )
        connection.execute(
            text(
                "INSERT INTO documents (id, source_id, sha256, size, media_type, original_name, "
                "received_at, received_by, rows) "
                "VALUES (1, 1, :s, 1, 'text/csv', 'old.csv', :t, '', 1)"
            ),
            {"s": "c" * 64, "t": now},
        )
        columns = {c.name for c in Record.__table__.columns} - {"witness_index", "content_hash"}
        row = {name: None for name in columns} | dict(
            id=1, uid="1:1", version=1, source_id=1, document_id=1, record_key="1",
            full_name="Old Synthetic", given_name="", family_name="", father_name="", aliases="",
            birth_date_text="", date_text="", place="", province="", violation_text="",
            event_text="", perpetrator="", notes="", confidentiality="public", raw_row=[],
            created=now, created_by="", reason="",
        )  # fmt: skip
        from sqlalchemy import MetaData, Table

        old = Table("records", MetaData(), autoload_with=connection)
        connection.execute(sql_insert(old), [row])
    from sqlalchemy.orm import Session as OrmSession

    with OrmSession(engine) as session, session.begin():
        append_audit(session, "old", "import", "document:1", {"records": 1})
    engine.dispose()
    ws = open_workspace(folder)
    try:
        assert verify_store(ws, principal=ADMIN).intact
        with ws.session() as session:
            session.execute(update(Record).values(full_name="Changed"))
        assert verify_store(ws, principal=ADMIN).first_bad_entry == 2
    finally:
        ws.close()
