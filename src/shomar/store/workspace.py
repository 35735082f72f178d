"""A workspace: a folder with the SQLite database, raw documents and the key file.

With ``SHOMAR_DATABASE_URL`` set, the store lives in that database (e.g. PostgreSQL) and the
folder still holds the raw documents.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from shomar.config import settings
from shomar.errors import WorkspaceError
from shomar.store import migrate
from shomar.store.dialects import make_engine, reader, translated_errors

DB_FILE = "shomar.db"
DOCUMENTS_DIR = "documents"
MARKER = ".shomar-workspace"


@dataclass
class Workspace:
    """An open workspace: where things are and how to talk to the store."""

    path: Path
    url: str
    engine: Engine
    #: PostgreSQL schema (search path) the store lives in, if not the default
    schema: str | None = None

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
        factory = sessionmaker(self.engine, expire_on_commit=False)
        with translated_errors(), factory() as session, session.begin():
            yield session

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A read-only transaction: one consistent snapshot, no write lock taken."""
        factory = sessionmaker(reader(self.engine), expire_on_commit=False)
        with translated_errors(), factory() as session, session.begin():
            yield session

    def write_blob(self, content: bytes) -> Path:
        """Store raw bytes under their SHA-256 (write to a temporary name, then rename)."""
        digest = hashlib.sha256(content).hexdigest()
        target = self.blob_path(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_suffix(".tmp")
            tmp.write_bytes(content)
            os.replace(tmp, target)
        return target

    def close(self) -> None:
        self.engine.dispose()


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
    return Workspace(folder, db_url, engine, schema)


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
        if (
            not inspect(look).has_table("alembic_version")
            or migrate.current_revision(look) != migrate.head_revision()
        ):
            migrate.upgrade(engine)
    return Workspace(folder, db_url, engine, schema)
