"""A workspace: a folder with the SQLite database, raw documents and the key file.

With ``SHOMAR_DATABASE_URL`` set, the store lives in that database (e.g. PostgreSQL) and the
folder still holds the raw documents.

Raw documents are stored encrypted (:mod:`shomar.security.blobcrypt`) under
``documents/<hash[:2]>/<hash>``, named by the SHA-256 of their plaintext. A new blob is written
under ``documents/.pending/`` first and moved into place only after the database commit
(:meth:`Workspace.publish_blob`); opening a workspace finishes or removes what a killed process
left there, and removes blobs no document row names.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from shomar.config import settings
from shomar.errors import WorkspaceError
from shomar.security import blobcrypt
from shomar.security.fieldcrypt import DecryptionError
from shomar.store import integrity, migrate
from shomar.store.dialects import make_engine, reader, translated_errors

if TYPE_CHECKING:
    from shomar.store.keyring import KeyRing

DB_FILE = "shomar.db"
DOCUMENTS_DIR = "documents"
PENDING_DIR = ".pending"
MARKER = ".shomar-workspace"


@dataclass
class Workspace:
    """An open workspace: where things are and how to talk to the store."""

    path: Path
    url: str
    engine: Engine
    #: PostgreSQL schema (search path) the store lives in, if not the default
    schema: str | None = None
    _keyring: KeyRing | None = field(default=None, repr=False)
    #: the session factories, made once: ``sessionmaker`` defines a new Session class each call,
    #: and a factory per transaction cost more than the transaction's own statement
    _writes: sessionmaker[Session] | None = field(default=None, repr=False, compare=False)
    _reads: sessionmaker[Session] | None = field(default=None, repr=False, compare=False)

    @property
    def documents_dir(self) -> Path:
        return self.path / DOCUMENTS_DIR

    def blob_path(self, sha256: str) -> Path:
        return self.documents_dir / sha256[:2] / sha256

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A write transaction: committed on success, rolled back on any error.

        It holds the write lock from its first statement (SQLite ``BEGIN IMMEDIATE``), so keep
        heavy computation out of it: read in :meth:`read_session`, compute, then write here.
        Database errors leave it as :class:`~shomar.errors.ConflictError` or
        :class:`~shomar.errors.BusyError`.
        """
        if self._writes is None:
            self._writes = sessionmaker(self.engine, expire_on_commit=False)
        with translated_errors(), self._writes() as session, session.begin():
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A read-only transaction: one consistent snapshot, no write lock taken."""
        if self._reads is None:
            self._reads = sessionmaker(reader(self.engine), expire_on_commit=False)
        with translated_errors(), self._reads() as session, session.begin():
            yield session

    def keyring(self) -> KeyRing:
        """The data keys, unwrapped with the master key (loaded once per open workspace)."""
        if self._keyring is None:
            from shomar.security.masterkey import load_master_key, load_pending, settle_pending
            from shomar.store.keyring import load_keyring
            from shomar.store.tables import DataKey

            with self.read_session() as session:
                fresh = session.scalars(select(DataKey.key_id).limit(1)).first() is None
            # reading the keys takes no write lock; only a new store writes its first keys
            with self.session() if fresh else self.read_session() as session:
                # a master key is made only for a store that has no data keys yet
                master = load_master_key(self.path, create=fresh)
                pending = load_pending(self.path)
                try:
                    self._keyring = load_keyring(session, master)
                except WorkspaceError:
                    if pending is None:
                        raise
                    self._keyring = load_keyring(session, pending)
                    settle_pending(self.path, committed=True)
                else:
                    if pending is not None:
                        settle_pending(self.path, committed=False)
        return self._keyring

    def forget_keys(self) -> None:
        """Drop the cached key ring (after a rotation)."""
        self._keyring = None

    # raw documents ---------------------------------------------------------------------------
    def stage_blob(self, sha256: str, chunks: Iterable[bytes]) -> Path:
        """Encrypt ``chunks`` (plaintext with this SHA-256) into a pending file; return its path.

        Call :meth:`publish_blob` after the transaction that records the document commits, or
        :meth:`discard_blob` if it rolls back.
        """
        pending = self.documents_dir / PENDING_DIR
        pending.mkdir(parents=True, exist_ok=True)
        path = pending / f"{sha256}.{os.getpid()}.{secrets.token_hex(4)}.part"
        key_id, key = self.keyring().active_key("documents")
        with path.open("wb") as out:
            blobcrypt.encrypt_stream(key, key_id, sha256, chunks, out)
            out.flush()
            os.fsync(out.fileno())
        return path

    def publish_blob(self, sha256: str, pending: Path) -> Path:
        """Move a staged blob into place (after the commit); an existing blob is kept."""
        target = self.blob_path(sha256)
        if target.exists():
            pending.unlink(missing_ok=True)
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(pending, target)
        return target

    @staticmethod
    def discard_blob(pending: Path | None) -> None:
        if pending is not None:
            pending.unlink(missing_ok=True)

    def write_blob(self, content: bytes) -> Path:
        """Stage bytes given whole (for small documents); publish with :meth:`publish_blob`."""
        return self.stage_blob(hashlib.sha256(content).hexdigest(), [content])

    def blob_chunks(self, sha256: str) -> Iterator[bytes]:
        """The plaintext of a stored document, checked against its recorded SHA-256.

        The last chunk is yielded only after the GCM tag and the SHA-256 both verified; use
        :meth:`read_blob` or :meth:`save_blob`, which hand nothing over on a failure.
        """
        path = self.blob_path(sha256)
        if not path.is_file():
            raise WorkspaceError(
                f"The raw bytes of document {sha256[:12]}… are missing from {self.documents_dir}.",
                hint="Restore the documents folder from a backup (shomar restore).",
            )
        with path.open("rb") as handle:
            key_id, _nonce = blobcrypt.read_header(handle)
        try:
            yield from blobcrypt.decrypt_stream(self.keyring().key(key_id), sha256, path)
        except DecryptionError as exc:
            raise WorkspaceError(
                f"{path}: {exc}.", hint="Restore the documents folder from a backup."
            ) from None

    def read_blob(self, sha256: str) -> bytes:
        return b"".join(self.blob_chunks(sha256))

    def save_blob(self, sha256: str, out: Path) -> None:
        """Decrypt a document to ``out`` (written under a temporary name, moved when verified)."""
        tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.part")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                for chunk in self.blob_chunks(sha256):
                    handle.write(chunk)
            os.replace(tmp, out)
        finally:
            tmp.unlink(missing_ok=True)

    def clean_blobs(self) -> tuple[int, int]:
        """Finish or remove what killed processes left: ``(published, removed)``.

        A pending blob whose writer is gone is moved into place when its document was
        committed, else removed; a placed blob that no document row names is removed. The
        folder is listed *before* the database is read, so a blob another process publishes
        meanwhile (always after its commit) is never taken for an orphan.
        """
        from shomar.store.tables import Document

        pending_dir = self.documents_dir / PENDING_DIR
        pending = [p for p in pending_dir.glob("*.part") if not writer_alive(p)]
        placed = [p for p in self.documents_dir.glob("??/*") if p.is_file()]
        if not pending and not placed:
            return 0, 0
        with self.read_session() as session:
            known = set(session.scalars(select(Document.sha256)))
        published = removed = 0
        for path in pending:
            sha = path.name.split(".", 1)[0]
            if sha in known and not self.blob_path(sha).exists():
                self.publish_blob(sha, path)
                published += 1
            else:
                path.unlink(missing_ok=True)
                removed += 1
        for path in placed:
            if path.name not in known and len(path.name) == 64:
                path.unlink(missing_ok=True)
                removed += 1
        return published, removed

    def close(self) -> None:
        self.engine.dispose()


def writer_alive(path: Path) -> bool:
    """True while the process that staged ``path`` (its pid is in the name) still runs."""
    try:
        pid = int(path.name.split(".")[1])
    except (IndexError, ValueError):
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def database_url(path: Path, override: str | None = None) -> str:
    if override:
        return override
    return f"sqlite:///{(path / DB_FILE).resolve()}"


def init_workspace(
    path: str | Path, *, url: str | None = None, schema: str | None = None
) -> Workspace:
    """Create (or upgrade) a workspace at ``path`` by running the migrations."""
    folder = Path(path)
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError(f"{folder} is a file, not a folder.", hint="Choose another path.")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / DOCUMENTS_DIR).mkdir(exist_ok=True)
    (folder / MARKER).write_text("Shomar workspace\n", encoding="utf-8")
    db_url = database_url(folder, url or settings().database_url)
    engine = make_engine(db_url, schema=schema)
    with translated_errors():
        migrate.upgrade(engine)
    return _opened(Workspace(folder, db_url, engine, schema))


def open_workspace(
    path: str | Path, *, create: bool = False, url: str | None = None, schema: str | None = None
) -> Workspace:
    """Open the workspace at ``path``; with ``create`` make it if it does not exist yet.

    An existing store is brought up to the newest schema, so an upgraded Shomar opens an older
    workspace without a manual step.
    """
    folder = Path(path)
    db_url = database_url(folder, url or settings().database_url)
    exists = (folder / MARKER).exists() or (folder / DB_FILE).exists()
    if not exists and not create:
        raise WorkspaceError(
            f"{folder.resolve()} is not a Shomar workspace.",
            hint="Create one with `shomar init DIR`, or point to one with --workspace DIR "
            "or SHOMAR_WORKSPACE.",
        )
    if not exists:
        return init_workspace(folder, url=url, schema=schema)
    engine = make_engine(db_url, schema=schema)
    with translated_errors():
        look = reader(engine)  # checking the schema version takes no write lock
        upgraded = (
            not inspect(look).has_table("alembic_version")
            or migrate.current_revision(look) != migrate.head_revision()
        )
        if upgraded:
            migrate.upgrade(engine)
    ws = Workspace(folder, db_url, engine, schema)
    if upgraded:
        with ws.session() as session:  # rows from before records were attested
            integrity.backfill(session)
    return _opened(ws)


def _opened(ws: Workspace) -> Workspace:
    """Load the keys (made in a new store); finish or remove blobs a killed process left."""
    ws.keyring()
    with suppress(OSError):
        ws.clean_blobs()
    return ws
