"""Raw documents: stored encrypted, checked on every read, placed only after the commit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from security.conftest import leaks
from shomar.errors import PermissionDenied, WorkspaceError
from shomar.security.principal import Principal, Role
from shomar.services.raw_documents import get_document
from shomar.store.tables import AuditEntry, Document, Record
from shomar.store.workspace import PENDING_DIR, Workspace, open_workspace

ADMIN = Principal("tester", Role.ADMIN)


def _sha(ws: Workspace) -> str:
    with ws.session() as session:
        return session.scalars(select(Document.sha256)).one()


def test_get_decrypts_for_an_allowed_role_only(
    seeded: Workspace, seeded_file: Path, tmp_path: Path
) -> None:
    blob = seeded.blob_path(_sha(seeded)).read_bytes()
    assert leaks(blob) == [] and b"Synthetic Person" not in blob
    out = tmp_path / "copy.csv"
    info = get_document(seeded, _sha(seeded)[:10], out, principal=ADMIN)
    assert out.read_bytes() == seeded_file.read_bytes() and info["id"] == 1
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    for role in (Role.DOCUMENTER, Role.VIEWER, Role.ANONYMOUS):
        with pytest.raises(PermissionDenied):
            get_document(seeded, "1", tmp_path / f"{role}.csv", principal=Principal("u", role))
        assert not (tmp_path / f"{role}.csv").exists()
    with seeded.session() as session:
        assert session.scalar(select(func.count()).where(AuditEntry.action == "documents.get_raw"))


def test_a_changed_or_renamed_blob_is_refused(seeded: Workspace, tmp_path: Path) -> None:
    sha = _sha(seeded)
    path = seeded.blob_path(sha)
    original = path.read_bytes()
    changed = bytearray(original)
    changed[len(changed) // 2] ^= 0x01
    path.write_bytes(bytes(changed))
    out = tmp_path / "out.csv"
    with pytest.raises(WorkspaceError, match="do not decrypt"):
        get_document(seeded, "1", out, principal=ADMIN)
    assert not out.exists() and not list(tmp_path.glob(".out.csv*"))  # nothing handed over
    path.write_bytes(original)
    other = "0" * 64  # the same bytes under another document's name fail too
    seeded.blob_path(other).parent.mkdir(parents=True, exist_ok=True)
    seeded.blob_path(other).write_bytes(original)
    with pytest.raises(WorkspaceError):
        seeded.read_blob(other)


CRASH = """
import os, signal, sys
from pathlib import Path
from shomar.store.workspace import open_workspace, Workspace
import shomar.services.imports as imports
from sqlalchemy.orm import Session

where = sys.argv[3]
if where == "before-commit":  # the blob is staged, the transaction is about to commit
    original_stage = Workspace.stage_blob
    def stage(self, *a, **k):
        path = original_stage(self, *a, **k)
        os.kill(os.getpid(), signal.SIGKILL)
    Workspace.stage_blob = stage
elif where == "after-commit":  # committed, the blob not yet moved into place
    def publish(self, *a, **k):
        os.kill(os.getpid(), signal.SIGKILL)
    Workspace.publish_blob = publish
elif where == "mid-import":  # rows being inserted
    original_write = imports._BatchWriter.write
    def write(self, batch):
        original_write(self, batch)
        os.kill(os.getpid(), signal.SIGKILL)
    imports._BatchWriter.write = write
ws = open_workspace(sys.argv[1])
from shomar.security.principal import Principal, Role
imports.import_file(ws, Path(sys.argv[2]), "Synthetic NGO", principal=Principal("t", Role.ADMIN))
"""


@pytest.mark.parametrize("where", ["before-commit", "after-commit", "mid-import"])
def test_kill_9_leaves_a_consistent_store(where: str, tmp_path: Path, seeded_file: Path) -> None:
    ws_path = tmp_path / "ws"
    open_workspace(ws_path, create=True).close()
    script = tmp_path / "crash.py"
    script.write_text(textwrap.dedent(CRASH))
    done = subprocess.run(
        [sys.executable, str(script), str(ws_path), str(seeded_file), where],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SHOMAR_ACTOR": "tester"},
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    ws = open_workspace(ws_path)  # the next open finishes or removes what was left
    try:
        with ws.session() as session:
            documents = list(session.scalars(select(Document.sha256)))
            records = session.scalar(select(func.count()).select_from(Record))
        blobs = [p for p in (ws_path / "documents").rglob("*") if p.is_file()]
        assert not list((ws_path / "documents" / PENDING_DIR).glob("*"))
        if where == "after-commit":
            assert len(documents) == 1 and records == 3
            assert [p.name for p in blobs] == documents  # moved into place at the open
            assert ws.read_blob(documents[0]) == seeded_file.read_bytes()
        else:
            assert documents == [] and records == 0 and blobs == []  # no orphan
    finally:
        ws.close()


def test_orphans_from_older_versions_are_removed_at_open(sqlite_workspace: Workspace) -> None:
    orphan = sqlite_workspace.blob_path("ab" * 32)
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"left by a crash")
    sqlite_workspace.close()
    open_workspace(sqlite_workspace.path).close()
    assert not orphan.exists()
