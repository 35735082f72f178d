"""Backups restore: into a fresh workspace and a fresh PostgreSQL database, while writers run."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import textwrap
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pyrage
import pytest
from sqlalchemy import create_engine, func, select, text

from security.conftest import leaks, seeded_csv
from shomar.errors import InputError
from shomar.security.principal import Principal, Role
from shomar.services.backup import BackupError, backup, restore
from shomar.services.export import export_public
from shomar.services.integrity import verify_store
from shomar.services.keys import set_backup_recipient
from shomar.store.tables import Document, Record
from shomar.store.workspace import Workspace, open_workspace

ADMIN = Principal("tester", Role.ADMIN)


@pytest.fixture
def age_key(tmp_path: Path) -> tuple[str, Path]:
    identity = pyrage.x25519.Identity.generate()
    path = tmp_path / "age-key.txt"
    path.write_text(f"# synthetic test key\n{identity}\n")
    return str(identity.to_public()), path


def test_backup_restores_into_a_fresh_workspace(
    sqlite_workspace: Workspace, seeded_file: Path, tmp_path: Path, age_key: tuple[str, Path]
) -> None:
    from shomar.services.imports import import_file

    ws = sqlite_workspace
    import_file(ws, seeded_file, "Synthetic NGO", principal=ADMIN)
    before = tmp_path / "before"
    export_public(ws, before, principal=ADMIN)
    with pytest.raises(InputError, match="No backup recipient"):
        backup(ws, tmp_path / "none.age", principal=ADMIN)
    set_backup_recipient(ws, age_key[0], principal=ADMIN)
    out = tmp_path / "ws.backup.age"
    report = backup(ws, out, principal=ADMIN)  # the default recipient
    assert report.records == 3 and report.documents == 1 and not report.keys_included
    assert leaks(out.read_bytes()) == []
    # inside the encryption too: no plaintext and no key material
    tar_path = tmp_path / "inside.tar"
    pyrage.decrypt_file(
        str(out),
        str(tar_path),
        [pyrage.x25519.Identity.from_str(age_key[1].read_text().splitlines()[1])],
    )
    with tarfile.open(tar_path) as tar:
        names = tar.getnames()
        blob = b"".join(
            tar.extractfile(m).read()
            for m in tar.getmembers()
            if m.isfile()  # type: ignore[union-attr]
        )
    assert leaks(blob) == [] and not any(n.startswith("keys") for n in names)
    master = (ws.path / "keys" / "master.key").read_text().split(":", 1)[1].strip()
    assert master.encode() not in blob

    target = tmp_path / "restored"
    done = restore(out, identity=age_key[1], to=target, principal=ADMIN)
    assert done.ok and done.records == 3 and done.documents_decrypted is None  # no key yet
    assert any("master key" in note for note in done.notes)
    (target / "keys").mkdir()
    (target / "keys" / "master.key").write_text((ws.path / "keys" / "master.key").read_text())
    restored = open_workspace(target)
    try:
        assert verify_store(restored, principal=ADMIN).intact
        after = tmp_path / "after"
        export_public(restored, after, principal=ADMIN)
        for name in ("datapackage.json", "records.csv"):
            assert (after / name).read_bytes() == (before / name).read_bytes()
        with restored.session() as session:
            sha = session.scalars(select(Document.sha256)).one()
        assert restored.read_blob(sha) == seeded_file.read_bytes()
    finally:
        restored.close()
    with pytest.raises(InputError, match="not empty"):
        restore(out, identity=age_key[1], to=target, principal=ADMIN)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text(f"{pyrage.x25519.Identity.generate()}\n")
    with pytest.raises(InputError, match="cannot be decrypted"):
        restore(out, identity=wrong, to=tmp_path / "other", principal=ADMIN)


def test_a_damaged_backup_does_not_verify(
    seeded: Workspace, tmp_path: Path, age_key: tuple[str, Path]
) -> None:
    out = tmp_path / "b.age"
    backup(seeded, out, principal=ADMIN, recipient=age_key[0], include_keys=True)
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    out.write_bytes(bytes(data))
    with pytest.raises(InputError, match="cannot be decrypted"):
        restore(
            out,
            identity=age_key[1],
            to=tmp_path / "r",
            principal=ADMIN,
            database_url=None if seeded.url.startswith("sqlite") else "x",
        )


@pytest.fixture
def fresh_database() -> Iterator[str]:
    from conftest import POSTGRES_URL, _postgres_available

    if not _postgres_available():
        pytest.skip("PostgreSQL is not reachable")
    name = f"restore_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_URL.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.mark.postgres
def test_postgres_backup_restores_into_a_fresh_database(
    postgres_workspace: Workspace,
    seeded_file: Path,
    tmp_path: Path,
    age_key: tuple[str, Path],
    fresh_database: str,
) -> None:
    from shomar.services.imports import import_file

    ws = postgres_workspace
    import_file(ws, seeded_file, "Synthetic NGO", principal=ADMIN)
    before = tmp_path / "before"
    export_public(ws, before, principal=ADMIN)
    out = tmp_path / "pg.backup.age"
    report = backup(ws, out, principal=ADMIN, recipient=age_key[0], include_keys=True)
    assert report.database == "postgresql" and leaks(out.read_bytes()) == []
    target = tmp_path / "restored"
    done = restore(
        out, identity=age_key[1], to=target, principal=ADMIN, database_url=fresh_database
    )
    assert done.ok and done.documents_decrypted == 1  # keys were included on request
    with ws.engine.connect() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    restored = open_workspace(target, url=fresh_database, schema=schema)
    try:
        assert verify_store(restored, principal=ADMIN).intact
        after = tmp_path / "after"
        export_public(restored, after, principal=ADMIN)
        assert (after / "records.csv").read_bytes() == (before / "records.csv").read_bytes()
        assert (after / "datapackage.json").read_bytes() == (
            before / "datapackage.json"
        ).read_bytes()
    finally:
        restored.close()


WRITER = """
import sys
from pathlib import Path
from shomar.store.workspace import open_workspace
from shomar.services.imports import import_file
from shomar.security.principal import Principal, Role

ws = open_workspace(sys.argv[1])
folder = Path(sys.argv[2])
for path in sorted(folder.glob("*.csv")):
    import_file(ws, path, "Writer " + folder.name, principal=Principal("w", Role.ADMIN))
ws.close()
"""


@pytest.mark.slow
def test_a_backup_taken_while_four_writers_run_restores_consistent(
    sqlite_workspace: Workspace,
    tmp_path: Path,
    age_key: tuple[str, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SHOMAR_BUSY_TIMEOUT", "120")  # the writers hold the write lock in turn
    ws = sqlite_workspace
    script = tmp_path / "writer.py"
    script.write_text(textwrap.dedent(WRITER))
    writers = []
    for w in range(4):
        folder = tmp_path / f"w{w}"
        folder.mkdir()
        for f in range(6):
            rows = "".join(
                f"{i},Synthetic W{w}F{f} Person {i},male,2022-09-20,public,,,,\n"
                for i in range(1, 41)
            )
            (folder / f"list{f}.csv").write_text(seeded_csv().splitlines()[0] + "\n" + rows)
        writers.append(
            subprocess.Popen(
                [sys.executable, str(script), str(ws.path), str(folder)],
                env={**os.environ, "SHOMAR_ACTOR": f"writer{w}", "SHOMAR_BUSY_TIMEOUT": "120"},
            )
        )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:  # wait until the writers are well under way
        with ws.read_session() as session:
            if (session.scalar(select(func.count()).select_from(Document)) or 0) >= 2:
                break
        time.sleep(0.2)
    out = tmp_path / "live.age"
    backup(ws, out, principal=ADMIN, recipient=age_key[0], include_keys=True)
    assert any(writer.poll() is None for writer in writers), "the backup ran after the writers"
    for writer in writers:
        assert writer.wait(timeout=300) == 0
    done = restore(out, identity=age_key[1], to=tmp_path / "restored", principal=ADMIN)
    assert done.ok and done.documents_decrypted == done.documents
    restored = open_workspace(tmp_path / "restored")
    try:
        with restored.session() as session:
            per_document = session.execute(
                select(Record.document_id, func.count()).group_by(Record.document_id)
            ).all()
        assert all(count == 40 for _doc, count in per_document)  # whole imports or none
        assert verify_store(restored, principal=ADMIN).intact
    finally:
        restored.close()
    with ws.session() as session:
        total = session.scalar(select(func.count()).select_from(Document))
    assert total == 24 and 2 <= done.documents < 24  # a snapshot taken mid-way


def test_restore_refuses_a_file_that_is_not_a_backup(
    tmp_path: Path, age_key: tuple[str, Path]
) -> None:
    junk = tmp_path / "junk.age"
    pyrage.encrypt_file(str(age_key[1]), str(junk), [pyrage.x25519.Recipient.from_str(age_key[0])])
    with pytest.raises(BackupError, match="not a Shomar backup"):
        restore(junk, identity=age_key[1], to=tmp_path / "r", principal=ADMIN)


@pytest.mark.postgres
def test_a_store_in_the_public_schema_restores_into_a_fresh_database(
    seeded_file: Path, tmp_path: Path, age_key: tuple[str, Path], fresh_database: str
) -> None:
    from conftest import POSTGRES_URL
    from shomar.services.imports import import_file

    source_db = f"source_{uuid.uuid4().hex[:10]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{source_db}"'))
    url = POSTGRES_URL.rsplit("/", 1)[0] + "/" + source_db
    try:
        ws = open_workspace(tmp_path / "ws", create=True, url=url)  # the default schema
        try:
            import_file(ws, seeded_file, "Synthetic NGO", principal=ADMIN)
            out = tmp_path / "public.age"
            backup(ws, out, principal=ADMIN, recipient=age_key[0], include_keys=True)
        finally:
            ws.close()
        done = restore(
            out, identity=age_key[1], to=tmp_path / "r", principal=ADMIN,
            database_url=fresh_database,
        )  # fmt: skip
        assert done.ok and done.records == 3 and done.documents_decrypted == 1
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{source_db}" WITH (FORCE)'))
        admin.dispose()
