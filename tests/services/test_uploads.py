"""Staged uploads: encrypted at rest like raw documents, decrypted only while an import reads
them, re-encrypted by a key rotation, and gone once expired (asked for, or swept)."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shomar.errors import NotFoundError
from shomar.security import blobcrypt
from shomar.services import job_queue
from shomar.services.keys import rotate_keys
from shomar.services.uploads import (
    CONTENT,
    MAX_AGE_SECONDS,
    META,
    discard_expired,
    get_upload,
    import_upload,
    stage_upload,
)
from shomar.store.tables import Record
from shomar.store.workspace import Workspace
from support.principals import ADMIN, DOCUMENTER
from support.store_snapshot import HEADER, ROWS

CONTENT_BYTES = (HEADER + ROWS).encode("utf-8")
SOURCE = "Uploaded list (SYNTHETIC)"


def _records(ws: Workspace) -> int:
    with ws.read_session() as session:
        return int(session.scalar(select(func.count()).select_from(Record)) or 0)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _age(ws: Workspace, upload_id: str, seconds: float) -> None:
    """Pretend the upload was staged ``seconds`` ago."""
    meta_path = ws.path / "uploads" / upload_id / META
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["staged"] = time.time() - seconds
    meta_path.write_text(json.dumps(meta), encoding="utf-8")


def test_staged_bytes_are_encrypted_at_rest(sqlite_workspace: Workspace) -> None:
    ws = sqlite_workspace
    staged = stage_upload(ws, "../secret list.csv", CONTENT_BYTES, principal=DOCUMENTER)
    folder = staged.path.parent
    stored = _files(folder)
    assert sorted(stored) == [CONTENT, META]  # the user's name is not a file name either
    first_line = CONTENT_BYTES.splitlines()[1]
    assert all(first_line not in data for data in stored.values())
    assert stored[CONTENT].startswith(blobcrypt.MAGIC)
    assert blobcrypt.key_id_of(staged.path) == ws.keyring().active_key("documents")[0]
    assert oct(staged.path.stat().st_mode & 0o777) == "0o600"
    assert staged.size == len(CONTENT_BYTES)
    assert get_upload(ws, staged.id, principal=DOCUMENTER) == staged


def test_a_checked_upload_leaves_no_plaintext_and_imports(sqlite_workspace: Workspace) -> None:
    ws = sqlite_workspace
    staged = stage_upload(ws, "list.csv", CONTENT_BYTES, principal=DOCUMENTER)
    before = _files(staged.path.parent)
    report = import_upload(ws, staged.id, SOURCE, principal=DOCUMENTER, dry_run=True)
    assert report.records_added == 2 and _records(ws) == 0
    assert _files(staged.path.parent) == before  # the decrypted copy is gone
    import_upload(ws, staged.id, SOURCE, principal=DOCUMENTER, dry_run=False)
    assert _records(ws) == 2
    assert not staged.path.parent.exists()


def test_a_damaged_staged_file_is_refused(sqlite_workspace: Workspace) -> None:
    ws = sqlite_workspace
    staged = stage_upload(ws, "list.csv", CONTENT_BYTES, principal=DOCUMENTER)
    data = bytearray(staged.path.read_bytes())
    data[-20] ^= 1
    staged.path.write_bytes(bytes(data))
    with pytest.raises(NotFoundError, match="damaged"):
        import_upload(ws, staged.id, SOURCE, principal=DOCUMENTER, dry_run=True)
    assert _records(ws) == 0
    assert sorted(_files(staged.path.parent)) == [CONTENT, META]


def test_an_expired_upload_is_refused_and_removed(sqlite_workspace: Workspace) -> None:
    ws = sqlite_workspace
    staged = stage_upload(ws, "list.csv", CONTENT_BYTES, principal=DOCUMENTER)
    _age(ws, staged.id, MAX_AGE_SECONDS + 1)
    with pytest.raises(NotFoundError, match="expired"):
        get_upload(ws, staged.id, principal=DOCUMENTER)
    assert not staged.path.parent.exists()


def test_the_sweep_removes_expired_uploads_and_orphaned_plaintext(
    sqlite_workspace: Workspace,
) -> None:
    ws = sqlite_workspace
    old = stage_upload(ws, "old.csv", CONTENT_BYTES, principal=DOCUMENTER)
    fresh = stage_upload(ws, "fresh.csv", CONTENT_BYTES, principal=DOCUMENTER)
    _age(ws, old.id, MAX_AGE_SECONDS + 1)
    # what an import killed while it read the decrypted copy leaves (its pid is gone)
    orphan = fresh.path.parent / "opened.999999999.abcd"
    orphan.mkdir()
    (orphan / "fresh.csv").write_bytes(CONTENT_BYTES)
    alive = fresh.path.parent / f"opened.{os.getpid()}.ef01"  # an import running now
    alive.mkdir()
    assert discard_expired(ws.path / "uploads") == 1
    assert not old.path.parent.exists()
    assert fresh.path.is_file() and not orphan.exists() and alive.is_dir()


def test_a_running_worker_sweeps_expired_uploads(sqlite_workspace: Workspace) -> None:
    ws = sqlite_workspace
    staged = stage_upload(ws, "old.csv", CONTENT_BYTES, principal=DOCUMENTER)
    _age(ws, staged.id, MAX_AGE_SECONDS + 1)
    queue = job_queue.queue_for(ws.path)
    due = queue.read_periodic(dt.datetime(2026, 1, 1, 0, job_queue.SWEEP_MINUTES))
    sweeps = [task for task in due if task.name == "shomar_sweep"]
    assert len(sweeps) == 1
    queue.execute(sweeps[0])
    assert not staged.path.parent.exists()


def test_a_key_rotation_reencrypts_staged_uploads(sqlite_workspace: Workspace) -> None:
    ws = sqlite_workspace
    staged = stage_upload(ws, "list.csv", CONTENT_BYTES, principal=DOCUMENTER)
    old_key_id = blobcrypt.key_id_of(staged.path)
    report = rotate_keys(ws, principal=ADMIN)
    assert report.uploads == 1
    assert blobcrypt.key_id_of(staged.path) not in (old_key_id, "")
    assert old_key_id not in ws.keyring().keys  # the old key is deleted: only re-encryption helps
    import_upload(ws, staged.id, SOURCE, principal=DOCUMENTER, dry_run=False)
    assert _records(ws) == 2


def test_an_import_job_of_an_upload_removes_the_staged_copy(sqlite_workspace: Workspace) -> None:
    from shomar.services.jobs import get_job, run_worker, submit_job

    ws = sqlite_workspace
    staged = stage_upload(ws, "list.csv", CONTENT_BYTES, principal=DOCUMENTER)
    params = {"upload_id": staged.id, "source": SOURCE, "dry_run": False}
    job = submit_job(ws, "import", params, principal=DOCUMENTER)
    assert run_worker(ws, principal=ADMIN, once=True) == 1
    done = get_job(ws, job.id, principal=DOCUMENTER)
    assert done.status == "done", done.error
    assert done.result["records_added"] == 2 and _records(ws) == 2
    assert not staged.path.parent.exists()
