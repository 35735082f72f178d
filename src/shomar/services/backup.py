"""`shomar backup` and `shomar restore`: a consistent snapshot, encrypted to an age recipient.

A backup is one age-encrypted tar holding:

* ``manifest.json`` — what is inside, with the SHA-256 of every file, the audit chain head and
  the SHA-256 of the public export made from the same snapshot;
* the database: ``shomar.db`` (SQLite online backup API, consistent while writers run) or
  ``database.pgdump`` (``pg_dump -Fc`` on the snapshot of the transaction that read the rest);
* ``documents/`` — the raw documents as stored (encrypted with the data keys);
* ``public/`` — the public data package of the snapshot, the reference a restore must match;
* ``keys/`` — only with ``include_keys``: by default no key material is inside a backup, so
  the master key must be backed up separately (README, Security).

``restore`` decrypts with an age identity, checks every file against the manifest, installs the
store into an empty folder (and a PostgreSQL database with ``database_url``), then verifies:
the audit chain intact, every record matches its attestation, and the public export made from
the restored store is byte-identical to the one in the backup.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sqlite3

# bandit B404/B603: only pg_dump and pg_restore, found on PATH, run with argument lists (no
# shell); the only user-given values are the database URL and file paths, passed as arguments.
import subprocess  # nosec B404
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from shomar import __version__
from shomar.errors import InputError, ShomarError, WorkspaceError
from shomar.readable import check_readable_file, read_small_file
from shomar.security import masterkey, policy
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.export import render_package
from shomar.store.audit import _created_text, append_audit, verify_audit
from shomar.store.dialects import is_sqlite, make_engine
from shomar.store.integrity import verify_records
from shomar.store.tables import AuditEntry, Document, Record
from shomar.store.workspace import DB_FILE, DOCUMENTS_DIR, MARKER, Workspace

FORMAT = "shomar-backup/1"
MANIFEST = "manifest.json"
PG_DUMP_FILE = "database.pgdump"


class BackupError(ShomarError):
    """A backup or restore that cannot be made or does not verify."""


def parse_recipients(value: str) -> list[str]:
    """age public keys from ``value`` (a key, or a file of keys, one a line; ``#`` comments)."""
    path = Path(value)
    lines = (
        path.read_text(encoding="utf-8").splitlines()
        if not value.startswith("age1") and path.is_file()
        else [value]
    )
    keys = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    if not keys:
        raise InputError(f"{value!r}: no age recipient in it.", hint="Give an age1… public key.")
    for key in keys:
        try:
            pyrage.x25519.Recipient.from_str(key)
        except Exception:  # pyrage raises its own RecipientError (a ValueError subclass)
            raise InputError(
                f"{key[:24]!r}… is not an age public key.",
                hint="Make a key pair with `age-keygen -o key.txt` and give the line that "
                "starts with age1 (the 'public key').",
            ) from None
    return keys


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class BackupReport:
    out: str
    database: str
    records: int
    documents: int
    audit_head: int | None
    keys_included: bool
    recipients: list[str]
    public_export_sha256: str

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@contextmanager
def _private_tmp() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="shomar-backup-"))
    os.chmod(folder, 0o700)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _snapshot_facts(session: Session, stage: Path) -> dict[str, Any]:
    """What the snapshot holds, read in the snapshot's own transaction."""
    files, _exported, _withheld = render_package(session)
    (stage / "public").mkdir()
    for name, content in files.items():
        (stage / "public" / name).write_bytes(content)
    head = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    return {
        "documents": sorted(session.scalars(select(Document.sha256))),
        "records": session.scalar(select(func.count()).select_from(Record)) or 0,
        "audit_head": (
            {
                "entry_id": head.id,
                "hash": head.hash,
                "created": _created_text(head),
                "entries": session.scalar(select(func.count()).select_from(AuditEntry)) or 0,
            }
            if head
            else None
        ),
        "public_export_sha256": {
            name: hashlib.sha256(content).hexdigest() for name, content in files.items()
        },
    }


def _sqlite_snapshot(ws: Workspace, stage: Path) -> dict[str, Any]:
    source_path = ws.url.removeprefix("sqlite:///")
    source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True, timeout=30)
    target = sqlite3.connect(stage / DB_FILE)
    try:
        source.backup(target)  # the online backup API: one consistent copy, writers may go on
    finally:
        target.close()
        source.close()
    engine = make_engine(f"sqlite:///{stage / DB_FILE}")
    try:
        with Session(engine) as session:
            facts = _snapshot_facts(session, stage)
    finally:
        engine.dispose()
    for suffix in ("-wal", "-shm"):
        (stage / (DB_FILE + suffix)).unlink(missing_ok=True)
    return {"database": {"kind": "sqlite", "file": DB_FILE}, **facts}


def _libpq_url(url: str) -> str:
    return re.sub(r"^postgresql\+\w+://", "postgresql://", url)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not on this machine; it is needed for PostgreSQL backups.",
            hint="Install the PostgreSQL client of the server's major version "
            "(e.g. apt-get install postgresql-client-15).",
        )
    return found


def _tool_major(path: str) -> int:
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True)  # nosec B603
    match = re.search(r"(\d+)(?:\.\d+)?", out.stdout)
    return int(match.group(1)) if match else 0


def _postgres_snapshot(ws: Workspace, stage: Path) -> dict[str, Any]:
    pg_dump = _tool("pg_dump")
    with ws.engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            server = int(connection.execute(text("SHOW server_version_num")).scalar_one())
            if _tool_major(pg_dump) < server // 10000:
                raise BackupError(
                    f"pg_dump is version {_tool_major(pg_dump)}, older than the server "
                    f"({server // 10000}).",
                    hint="Install the PostgreSQL client of the server's major version.",
                )
            schema = connection.execute(text("SELECT current_schema()")).scalar_one()
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            # a store in its own schema is dumped alone; the default schema "public" is not
            # named, so the dump does not create it again in the fresh database it restores into
            only = [f"--schema={schema}"] if schema != "public" else []
            result = subprocess.run(  # nosec B603
                [
                    pg_dump,
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    *only,
                    "--no-owner",
                    "--no-privileges",
                    f"--file={stage / PG_DUMP_FILE}",
                    f"--dbname={_libpq_url(ws.url)}",
                ],
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_dump failed: {result.stderr.strip()[:500]}")
            facts = _snapshot_facts(Session(bind=connection), stage)
    database = {
        "kind": "postgresql",
        "file": PG_DUMP_FILE,
        "schema": schema,
        "server_version_num": server,
    }
    return {"database": database, **facts}


def _copy_documents(ws: Workspace, hashes: list[str], stage: Path) -> None:
    for sha in hashes:
        source = ws.blob_path(sha)
        deadline = time.monotonic() + 10
        while not source.exists() and time.monotonic() < deadline:
            time.sleep(0.05)  # committed a moment ago: its writer moves the blob into place next
        if not source.exists():
            raise BackupError(
                f"The raw bytes of document {sha[:12]}… are missing from {ws.documents_dir}.",
                hint="Run `shomar audit verify`; restore the documents folder from an older "
                "backup.",
            )
        target = stage / DOCUMENTS_DIR / sha[:2] / sha
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def backup(
    ws: Workspace,
    out: Path,
    *,
    principal: Principal,
    recipient: str | None = None,
    include_keys: bool = False,
) -> BackupReport:
    """Write an encrypted, self-verifying backup of ``ws`` to ``out``."""
    authorize(ws, principal, "backup")
    from shomar.services.keys import recipient_path

    if recipient is None:
        default = recipient_path(ws)
        if not default.exists():
            raise InputError(
                "No backup recipient: give --recipient AGE_PUBLIC_KEY_OR_FILE.",
                hint="Or set a default once with `shomar keys backup-recipient KEY`.",
            )
        recipient = str(default)
    recipients = parse_recipients(recipient)
    if not out.parent.is_dir():
        raise InputError(f"{out.parent}: no such folder.", hint="Create it, or write elsewhere.")
    if out.exists():
        raise InputError(
            f"{out}: already exists.", hint="Backups never overwrite; pick a new name."
        )
    with _private_tmp() as tmp:
        stage = tmp / "stage"
        stage.mkdir()
        facts = _sqlite_snapshot(ws, stage) if is_sqlite(ws.url) else _postgres_snapshot(ws, stage)
        _copy_documents(ws, facts["documents"], stage)
        if include_keys:
            keys = masterkey.key_file(ws.path)
            if keys is None:
                raise InputError(
                    "The master key comes from SHOMAR_MASTER_KEY: it cannot be put in a backup.",
                    hint="Back it up where you keep that variable.",
                )
            (stage / "keys").mkdir()
            for path in [*sorted(ws.path.joinpath(masterkey.KEYS_DIR).glob("*")), keys]:
                if path.is_file():
                    shutil.copyfile(path, stage / "keys" / path.name)
        manifest = {
            "format": FORMAT,
            "shomar_version": __version__,
            "keys_included": include_keys,
            **facts,
            "files": {
                str(p.relative_to(stage)): _sha256(p)
                for p in sorted(stage.rglob("*"))
                if p.is_file()
            },
        }
        (stage / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        archive = tmp / "backup.tar"
        with tarfile.open(archive, "w") as tar:
            for path in sorted(stage.rglob("*")):
                tar.add(path, arcname=str(path.relative_to(stage)), recursive=False)
        parsed = [pyrage.x25519.Recipient.from_str(key) for key in recipients]
        partial = out.with_name(f".{out.name}.part")
        pyrage.encrypt_file(str(archive), str(partial), parsed)
        os.replace(partial, out)
    with ws.session() as session:
        append_audit(
            session,
            principal.name,
            "backup",
            out.name,
            {"sha256": _sha256(out), "audit_head": facts["audit_head"], "keys": include_keys},
        )
    return BackupReport(
        str(out),
        manifest["database"]["kind"],
        facts["records"],
        len(facts["documents"]),
        facts["audit_head"]["entry_id"] if facts["audit_head"] else None,
        include_keys,
        recipients,
        facts["public_export_sha256"]["records.csv"],
    )


@dataclass
class RestoreReport:
    to: str
    database: str
    records: int
    documents: int
    chain_intact: bool
    records_intact: bool
    manifest_ok: bool
    public_export_identical: bool
    documents_decrypted: int | None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.chain_intact
            and self.records_intact
            and self.manifest_ok
            and self.public_export_identical
        )

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__) | {"ok": self.ok}


def _identities(path: Path) -> list[Any]:
    raw = read_small_file(path, expected="an age identity file (age-keygen)", limit=1 << 20)
    try:
        lines = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        lines = []  # not a key file: said below
    keys = [line.strip() for line in lines if line.strip().startswith("AGE-SECRET-KEY-")]
    if not keys:
        raise InputError(
            f"{path}: no age identity in it (a line starting AGE-SECRET-KEY-).",
            hint="Give the key file made by age-keygen whose public key the backup was made for.",
        )
    return [pyrage.x25519.Identity.from_str(key) for key in keys]


def restore(
    source: Path,
    *,
    identity: Path,
    to: Path,
    principal: Principal,
    database_url: str | None = None,
) -> RestoreReport:
    """Restore a backup into ``to`` (absent or empty) and verify it; see the module doc."""
    policy.require(principal, "backup")
    check_readable_file(source, "a backup file (shomar backup)")
    if to.exists() and (not to.is_dir() or any(to.iterdir())):
        raise InputError(f"{to}: exists and is not empty.", hint="Restore into a new folder.")
    identities = _identities(identity)
    with _private_tmp() as tmp:
        archive = tmp / "backup.tar"
        try:
            pyrage.decrypt_file(str(source), str(archive), identities)
        except Exception as exc:  # pyrage.DecryptError: wrong identity, or damaged file
            raise InputError(
                f"{source}: cannot be decrypted with {identity} ({exc}).",
                hint="Use the age identity whose public key the backup was made for.",
            ) from None
        stage = tmp / "stage"
        try:
            with tarfile.open(archive) as tar:
                tar.extractall(stage, filter="data")
            manifest = json.loads((stage / MANIFEST).read_text(encoding="utf-8"))
        except (tarfile.TarError, OSError, ValueError) as exc:
            raise BackupError(
                f"{source}: decrypted, but it is not a Shomar backup ({exc})."
            ) from None
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            raise BackupError(f"{source}: not a Shomar backup (no {FORMAT} manifest).")
        present = {
            str(p.relative_to(stage)): _sha256(p)
            for p in stage.rglob("*")
            if p.is_file() and p.name != MANIFEST
        }
        manifest_ok = present == manifest["files"]
        report = _install(stage, manifest, to, database_url)
        report.manifest_ok = manifest_ok
    if not report.ok:
        raise BackupError(
            f"The restore into {to} does not verify: " + json.dumps(report.to_dict()),
            hint="Keep the backup file; try an older backup, and report what differs.",
        )
    return report


def _install(
    stage: Path, manifest: dict[str, Any], to: Path, database_url: str | None
) -> RestoreReport:
    kind = manifest["database"]["kind"]
    to.mkdir(parents=True, exist_ok=True)
    (to / MARKER).write_text("Shomar workspace\n", encoding="utf-8")
    if (stage / DOCUMENTS_DIR).is_dir():
        shutil.copytree(stage / DOCUMENTS_DIR, to / DOCUMENTS_DIR)
    else:
        (to / DOCUMENTS_DIR).mkdir()
    if (stage / "keys").is_dir():
        keys = to / masterkey.KEYS_DIR
        keys.mkdir(mode=0o700)
        for path in (stage / "keys").iterdir():
            shutil.copyfile(path, keys / path.name)
            os.chmod(keys / path.name, 0o600)
    schema = None
    if kind == "sqlite":
        if database_url:
            raise InputError(
                "This backup holds a SQLite store; it restores into a workspace folder.",
                hint="Leave out --database-url.",
            )
        shutil.copyfile(stage / DB_FILE, to / DB_FILE)
        url = f"sqlite:///{(to / DB_FILE).resolve()}"
    else:
        if not database_url:
            raise InputError(
                "This backup holds a PostgreSQL store: give --database-url of an empty database.",
            )
        schema = manifest["database"].get("schema")
        result = subprocess.run(  # nosec B603
            [
                _tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={_libpq_url(database_url)}",
                str(stage / PG_DUMP_FILE),
            ],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()[:500]}")
        url = database_url
    engine = make_engine(url, schema=schema if schema and schema != "public" else None)
    ws = Workspace(to, url, engine)
    try:
        return _verify(ws, stage, manifest, schema)
    finally:
        ws.close()


def _verify(
    ws: Workspace, stage: Path, manifest: dict[str, Any], schema: str | None
) -> RestoreReport:
    with ws.session() as session:
        chain_ok = verify_audit(session) is None
        records_ok = not verify_records(session)
        files, _exported, _withheld = render_package(session)
        records = session.scalar(select(func.count()).select_from(Record)) or 0
        hashes = list(session.scalars(select(Document.sha256)))
    identical = all(
        (stage / "public" / name).read_bytes() == content
        and hashlib.sha256(content).hexdigest() == manifest["public_export_sha256"][name]
        for name, content in files.items()
    )
    report = RestoreReport(
        str(ws.path),
        manifest["database"]["kind"],
        records,
        len(hashes),
        chain_ok,
        records_ok,
        True,
        identical,
        None,
    )
    if schema and schema != "public":
        report.notes.append(f"The store is in schema {schema!r} of the database.")
    try:
        for sha in hashes:
            ws.read_blob(sha)  # decrypts and checks the plaintext's recorded SHA-256
        report.documents_decrypted = len(hashes)
    except WorkspaceError as exc:
        report.notes.append(
            f"Raw documents not decrypted ({exc.message}): copy the master key you backed up "
            f"to {masterkey.default_path(ws.path)} (or set SHOMAR_MASTER_KEY_FILE)."
        )
    return report
