"""Files received through the web app, staged before they are imported.

An upload is checked by its content (never by its name or declared type), limited in size,
and kept under a random id in the workspace's ``uploads/`` folder until it is imported or
discarded; the user's file name is shown, never used as a path (only a strictly sanitised
copy of it, for the import report). A staged upload is then checked by a dry-run import, so a
documenter sees every row's problems before anything is stored.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from shomar.config import settings
from shomar.errors import InputError, NotFoundError
from shomar.security.principal import Principal
from shomar.services.access import authorize
from shomar.services.imports import ImportReport, import_file
from shomar.store.workspace import Workspace

UPLOADS = "uploads"
MAX_AGE_SECONDS = 3600
_ID = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KINDS = {"csv": ".csv", "xlsx": ".xlsx", "xls": ".xls", "ods": ".ods", "json": ".json"}


@dataclass(frozen=True)
class Upload:
    id: str
    name: str
    kind: str
    size: int
    path: Path


def sniff(content: bytes) -> str:
    """The kind of list a file holds, by its bytes: csv, xlsx, ods, xls or json."""
    if content.startswith(b"PK\x03\x04"):
        head = content[:4096]
        return "ods" if b"mimetypeapplication/vnd.oasis.opendocument" in head else "xlsx"
    if content.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    text = content[:4096]
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        if text.startswith(bom):
            text = text[len(bom) :]
            break
    stripped = text.lstrip().replace(b"\x00", b"")
    if stripped[:1] in (b"[", b"{"):
        return "json"
    if b"\x00" in content[:4096] and not content.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            "This file is not a list Shomar can read (it holds binary data).",
            hint="Upload a CSV, XLSX, XLS, ODS or JSON list.",
        )
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
    """Keep an uploaded file under a random id after checking its size and content."""
    authorize(ws, principal, "records.import", "upload")
    limit = settings().upload_max_bytes
    if len(content) > limit:
        raise InputError(
            f"The file is {len(content):,} bytes; the limit is {limit:,}.",
            hint="Split the list, or raise SHOMAR_UPLOAD_MAX_BYTES on the server.",
        )
    if not content:
        raise InputError("The file is empty.")
    kind = sniff(content)
    discard_old_uploads(ws)
    upload_id = secrets.token_urlsafe(18)
    folder = _folder(ws) / upload_id
    folder.mkdir(parents=True, mode=0o700)
    display = safe_name(name, kind)
    path = folder / display
    path.write_bytes(content)
    (folder / "meta.json").write_text(
        json.dumps({"name": name[:200], "kind": kind, "by": principal.name}), encoding="utf-8"
    )
    return Upload(upload_id, name[:200], kind, len(content), path)


def get_upload(ws: Workspace, upload_id: str, *, principal: Principal) -> Upload:
    authorize(ws, principal, "records.import", "upload")
    folder = _folder(ws) / upload_id
    if not _ID.match(upload_id) or not (folder / "meta.json").is_file():
        raise NotFoundError("This upload is gone (imported, discarded or expired).",
                            hint="Upload the file again.")  # fmt: skip
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("by") != principal.name:
        raise NotFoundError("This upload is gone (imported, discarded or expired).")
    files = [p for p in folder.iterdir() if p.name not in ("meta.json", "mapping.json")]
    return Upload(upload_id, meta["name"], meta["kind"], files[0].stat().st_size, files[0])


def set_mapping(
    ws: Workspace, upload_id: str, columns: dict[str, str], defaults: dict[str, str], *,
    principal: Principal,
) -> Path:  # fmt: skip
    """Write the mapping built on the page beside the staged file."""
    upload = get_upload(ws, upload_id, principal=principal)
    mapping: dict[str, object] = {"columns": {k: v for k, v in columns.items() if v}}
    if defaults:
        mapping["defaults"] = defaults
    path = upload.path.parent / "mapping.json"
    path.write_text(json.dumps(mapping, ensure_ascii=False), encoding="utf-8")
    return path


def import_upload(
    ws: Workspace,
    upload_id: str,
    source: str,
    *,
    principal: Principal,
    dry_run: bool,
    mapping: Path | None = None,
    source_kind: str = "other",
    replace: str | None = None,
) -> ImportReport:
    """Check (``dry_run``) or import a staged upload; a real import removes the staged copy.

    ``replace`` names the document this import supersedes (as ``shomar import --replace``)."""
    upload = get_upload(ws, upload_id, principal=principal)
    built = upload.path.parent / "mapping.json"
    report = import_file(
        ws,
        upload.path,
        source,
        mapping_path=mapping or (built if built.is_file() else None),
        dry_run=dry_run,
        source_kind=source_kind,
        principal=principal,
        replace=replace or None,
    )
    if not dry_run:
        shutil.rmtree(upload.path.parent, ignore_errors=True)
    return report


def discard_old_uploads(ws: Workspace, max_age: float = MAX_AGE_SECONDS) -> int:
    """Remove staged uploads older than ``max_age`` seconds; returns how many."""
    folder = _folder(ws)
    if not folder.is_dir():
        return 0
    removed = 0
    now = time.time()
    for entry in folder.iterdir():
        if entry.is_dir() and now - entry.stat().st_mtime > max_age:
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
    return removed


__all__ = [
    "Upload",
    "discard_old_uploads",
    "get_upload",
    "import_upload",
    "safe_name",
    "set_mapping",
    "sniff",
    "stage_upload",
]
