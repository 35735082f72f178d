"""Files received through the web app, staged before they are imported.

An upload is checked by its content (never by its name or declared type), limited in size,
and kept under a random id in the workspace's ``uploads/`` folder until it is imported,
discarded or expired (after :data:`MAX_AGE_SECONDS`); the user's file name is shown, never used
as a path (only a strictly sanitised copy of it, for the import report). A staged upload is then
checked by a dry-run import, so a documenter sees every row's problems before anything is stored.

Staged bytes are encrypted at rest as the raw documents are (:mod:`shomar.security.blobcrypt`,
the workspace's ``documents`` key, bound to the plaintext's SHA-256). An import decrypts them
into a private folder beside them for as long as the readers need a file, and removes it after;
a folder a killed process left is removed by the next sweep. Expired uploads are refused when
asked for and swept away when an upload is staged and every few minutes by the job worker.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
import shutil
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from shomar.config import settings
from shomar.domain.said import said
from shomar.errors import InputError, NotFoundError, WorkspaceError
from shomar.ingest.detect import OLE_MAGIC, WORKBOOK_FORMATS, ZIP_MAGIC, known_binary
from shomar.ingest.sheets import sheet_names
from shomar.security import blobcrypt
from shomar.security.fieldcrypt import DecryptionError
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.imports import ImportReport, import_file
from shomar.store.keyring import KeyRing
from shomar.store.workspace import Workspace, writer_alive

UPLOADS = "uploads"
MAX_AGE_SECONDS = 3600
_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KINDS = {"csv": ".csv", "xlsx": ".xlsx", "xls": ".xls", "ods": ".ods", "json": ".json"}
CONTENT = "content.shd"  # the staged bytes, encrypted
META = "meta.json"
MAPPING = "mapping.json"
OPENED = "opened"  # prefix of the private folder an import reads the decrypted bytes from
GONE = "This upload is gone (imported, discarded or expired)."


@dataclass(frozen=True)
class Upload:
    """A staged upload: ``path`` is its encrypted file, ``size`` the plaintext's bytes."""

    id: str
    name: str
    kind: str
    size: int
    path: Path
    sha256: str = ""
    display: str = ""


def sniff(content: bytes) -> str:
    """The kind of list a file holds, by its bytes: csv, xlsx, ods, xls or json.

    Only a file that is certainly not a list is refused here (a PDF, an image); anything else
    that is not a workbook or JSON goes to the CSV reader, whose checks name the row and
    column of a NUL byte or the line where the encoding breaks, as ``shomar import`` does.
    """
    if what := known_binary(content):
        raise InputError(
            said("This file is %(what)s, not a list Shomar can read.", what=what),
            hint=said(
                "Upload a CSV, XLSX, XLS, ODS or JSON list; export the list to one of these first."
            ),
        )
    if content.startswith(ZIP_MAGIC):
        head = content[:4096]
        return "ods" if b"mimetypeapplication/vnd.oasis.opendocument" in head else "xlsx"
    if content.startswith(OLE_MAGIC):
        return "xls"
    text = content[:4096]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if text.startswith(bom):
            text = text[len(bom) :]
            break
    stripped = text.lstrip().replace(b"\x00", b"")
    if stripped[:1] in (b"[", b"{"):
        return "json"
    return "csv"


def safe_name(name: str, kind: str) -> str:
    """A display copy of the user's file name that is safe inside a folder of ours."""
    base = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    base = re.sub(r"[^\w.\- ]", "_", base).strip(" .")[:80] or "upload"
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return f"{stem}{KINDS[kind]}"


def _folder(ws: Workspace) -> Path:
    return ws.path / UPLOADS


def stage_upload(ws: Workspace, name: str, content: bytes, *, principal: Principal) -> Upload:
    """Keep an uploaded file, encrypted, under a random id after checking its size and content."""
    authorize(ws, principal, "records.import", "upload")
    limit = settings().upload_max_bytes
    if len(content) > limit:
        raise InputError(
            said(
                "The file is %(size)s bytes; the limit is %(limit)s.",
                size=len(content),
                limit=limit,
            ),
            hint=said("Split the list, or raise SHOMAR_UPLOAD_MAX_BYTES on the server."),
        )
    if not content:
        raise InputError(said("The file is empty."))
    kind = sniff(content)
    discard_old_uploads(ws)
    upload_id = secrets.token_urlsafe(18)
    folder = _folder(ws) / upload_id
    folder.mkdir(parents=True, mode=0o700)
    sha256 = hashlib.sha256(content).hexdigest()
    key_id, key = ws.keyring().active_key("documents")
    with _private(folder / CONTENT).open("wb") as out:
        blobcrypt.encrypt_stream(key, key_id, sha256, [content], out)
    meta = {
        "name": name[:200],
        "display": safe_name(name, kind),
        "kind": kind,
        "by": principal.name,
        "sha256": sha256,
        "size": len(content),
        "staged": time.time(),
    }
    (folder / META).write_text(json.dumps(meta), encoding="utf-8")
    return _upload(upload_id, folder, meta)


def _private(path: Path) -> Path:
    """Create ``path`` empty, readable by this user only (it must not exist yet)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    return path


def _upload(upload_id: str, folder: Path, meta: dict[str, Any]) -> Upload:
    return Upload(
        upload_id, meta["name"], meta["kind"], int(meta["size"]), folder / CONTENT,
        meta["sha256"], meta["display"],
    )  # fmt: skip


def get_upload(ws: Workspace, upload_id: str, *, principal: Principal) -> Upload:
    authorize(ws, principal, "records.import", "upload")
    folder = _folder(ws) / upload_id
    if not _ID.match(upload_id) or not (folder / META).is_file():
        raise NotFoundError(GONE, hint="Upload the file again.")
    meta = _meta(folder)
    if meta is None or _expired(folder, meta, time.time(), MAX_AGE_SECONDS):
        shutil.rmtree(folder, ignore_errors=True)
        raise NotFoundError(GONE, hint="Upload the file again.")
    if meta.get("by") != principal.name:
        raise NotFoundError(GONE)
    return _upload(upload_id, folder, meta)


def _meta(folder: Path) -> dict[str, Any] | None:
    """The staged upload's description; ``None`` if it is unreadable or of an older layout."""
    try:
        meta = json.loads((folder / META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    needed = ("name", "display", "kind", "by", "sha256", "size", "staged")
    return meta if isinstance(meta, dict) and all(k in meta for k in needed) else None


def set_mapping(
    ws: Workspace, upload_id: str, columns: dict[str, str], defaults: dict[str, str], *,
    principal: Principal, sheet: str | None = None, encoding: str | None = None,
    header_row: int | None = None,
) -> Path:  # fmt: skip
    """Write the mapping built on the page beside the staged file: its columns, and how to
    read the file (``sheet``: the workbook's sheet; ``encoding``: a text file's; ``header_row``:
    the row with the column names), as ``--sheet``, ``--encoding`` and ``--header-row`` do."""
    upload = get_upload(ws, upload_id, principal=principal)
    mapping: dict[str, object] = {}
    if columns := {k: v for k, v in columns.items() if v}:
        mapping["columns"] = columns
    if defaults:
        mapping["defaults"] = defaults
    if sheet:
        mapping["sheet"] = sheet
    if encoding:
        mapping["encoding"] = encoding
    if header_row is not None:
        mapping["header_row"] = header_row
    path = upload.path.parent / MAPPING
    path.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")
    return path


def upload_reading(ws: Workspace, upload_id: str, *, principal: Principal) -> dict[str, Any]:
    """How the page last chose to read the staged file (``sheet``, ``encoding``,
    ``header_row``, each left out when it is found from the file), from its written mapping."""
    upload = get_upload(ws, upload_id, principal=principal)
    try:
        mapping = json.loads((upload.path.parent / MAPPING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(mapping, dict):
        return {}
    return {k: mapping[k] for k in ("sheet", "encoding", "header_row") if k in mapping}


def import_upload(
    ws: Workspace,
    upload_id: str,
    source: str,
    *,
    principal: Principal,
    dry_run: bool,
    mapping: Path | None = None,
    source_kind: str = "other",
    progress: Callable[[int], None] | None = None,
    replace: str | None = None,
) -> ImportReport:
    """Check (``dry_run``) or import a staged upload; a real import removes the staged copy.

    ``replace`` names the document this import supersedes (as ``shomar import --replace``)."""
    upload = get_upload(ws, upload_id, principal=principal)
    built = upload.path.parent / MAPPING
    with _decrypted(ws, upload) as plain:
        report = import_file(
            ws,
            plain,
            source,
            mapping_path=mapping or (built if built.is_file() else None),
            dry_run=dry_run,
            source_kind=source_kind,
            principal=principal,
            progress=progress,
            replace=replace or None,
        )
    if not dry_run:
        shutil.rmtree(upload.path.parent, ignore_errors=True)
    return report


def upload_sheets(ws: Workspace, upload_id: str, *, principal: Principal) -> list[str]:
    """The sheet names of a staged workbook (empty for a CSV or JSON list)."""
    upload = get_upload(ws, upload_id, principal=principal)
    if upload.kind not in WORKBOOK_FORMATS:
        return []
    with _decrypted(ws, upload) as plain:
        return sheet_names(plain, upload.kind)


@contextmanager
def _decrypted(ws: Workspace, upload: Upload) -> Iterator[Path]:
    """The plaintext of ``upload`` in a private folder, removed when the block ends.

    The folder's name carries this process's id, so a sweep removes what a killed import left.
    """
    folder = upload.path.parent / f"{OPENED}.{os.getpid()}.{secrets.token_hex(4)}"
    folder.mkdir(mode=0o700)
    try:
        plain = _private(folder / upload.display)
        try:
            key = ws.keyring().key(blobcrypt.key_id_of(upload.path))
            with plain.open("wb") as out:
                for chunk in blobcrypt.decrypt_stream(key, upload.sha256, upload.path):
                    out.write(chunk)
        except (DecryptionError, WorkspaceError, OSError):
            raise NotFoundError(
                "This upload can no longer be read (its stored copy is damaged).",
                hint="Upload the file again.",
            ) from None
        yield plain
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def discard_old_uploads(ws: Workspace, max_age: float = MAX_AGE_SECONDS) -> int:
    """Remove staged uploads older than ``max_age`` seconds; returns how many."""
    return discard_expired(_folder(ws), max_age)


def discard_expired(uploads: Path, max_age: float = MAX_AGE_SECONDS) -> int:
    """Remove the staged uploads in the folder ``uploads`` older than ``max_age`` seconds (and
    the decrypted copies killed imports left behind); returns how many uploads went."""
    if not uploads.is_dir():
        return 0
    removed = 0
    now = time.time()
    for entry in uploads.iterdir():
        if not entry.is_dir():
            continue
        if _expired(entry, _meta(entry), now, max_age):
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
            continue
        for opened in entry.glob(f"{OPENED}.*"):
            if not writer_alive(opened):
                shutil.rmtree(opened, ignore_errors=True)
    return removed


def _expired(folder: Path, meta: dict[str, Any] | None, now: float, max_age: float) -> bool:
    """Staged more than ``max_age`` seconds ago (by the folder's time if it has no record)."""
    try:
        staged = float(meta["staged"]) if meta else folder.stat().st_mtime
    except (OSError, TypeError, ValueError):
        return True
    return now - staged > max_age


def rekey_uploads(ws: Workspace, old: KeyRing, new: KeyRing) -> int:
    """Re-encrypt the staged uploads under ``new``'s documents key (a key rotation); how many."""
    key_id, key = new.active_key("documents")
    done = 0
    folder = _folder(ws)
    for entry in sorted(folder.iterdir()) if folder.is_dir() else []:
        meta, path = _meta(entry), entry / CONTENT
        if meta is None or not path.is_file() or blobcrypt.key_id_of(path) == key_id:
            continue
        old_key = old.key(blobcrypt.key_id_of(path))
        blobcrypt.reencrypt_file(path, meta["sha256"], old_key, key_id, key)
        done += 1
    return done


__all__ = [
    "Upload",
    "discard_expired",
    "discard_old_uploads",
    "get_upload",
    "import_upload",
    "rekey_uploads",
    "safe_name",
    "set_mapping",
    "sniff",
    "stage_upload",
]
