"""Bringing lists in through the browser: upload, check every row, then import (or fix)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from shomar.domain.columns import CANONICAL_COLUMNS, EXTRA_COLUMNS
from shomar.errors import ImportValidationError, InputError
from shomar.services import uploads
from shomar.store.tables import SOURCE_KINDS
from shomar.web.deps import ActingDep, WorkspaceDep
from shomar.web.routes.common import act, check_csrf, page

router = APIRouter(include_in_schema=False)
Lang = Literal["fa", "en"]
TARGETS = (*CANONICAL_COLUMNS, *EXTRA_COLUMNS)


def _upload_page(
    request: Request, acting: ActingDep, *, status: int = 200, **context: object
) -> Response:
    defaults: dict[str, object] = {
        "upload": None, "report": None, "problems": [], "problem_total": 0, "error": "",
        "error_hint": "", "sheets": [], "sheet": "",
        "source": "", "source_kind": "other", "imported": None, "replace": "",
    }  # fmt: skip
    return page(request, acting, "upload.html", status=status, kinds=SOURCE_KINDS,
                targets=TARGETS, **{**defaults, **context})  # fmt: skip


@router.get("/{lang}/documents/upload", **act("records.import"))
def upload_form(
    request: Request,
    lang: Lang,
    acting: ActingDep,
    replace: Annotated[str, Query(max_length=80)] = "",
) -> Response:
    """The upload form; ``?replace=DOC`` makes the import supersede document DOC."""
    return _upload_page(request, acting, replace=replace)


def _check(
    request: Request, ws: WorkspaceDep, acting: ActingDep, upload: uploads.Upload, source: str,
    source_kind: str, replace: str = "", sheet: str | None = None,
) -> Response:  # fmt: skip
    kept: dict[str, Any] = {
        "sheet": sheet or "",
        "upload": upload,
        "source": source,
        "source_kind": source_kind,
        "replace": replace,
        # a workbook's sheets, to read another one than the first (the CLI's --sheet)
        "sheets": uploads.upload_sheets(ws, upload.id, principal=acting.principal),
    }
    try:
        report = uploads.import_upload(
            ws, upload.id, source, principal=acting.principal, dry_run=True,
            source_kind=source_kind, replace=replace or None,
        )  # fmt: skip
    except ImportValidationError as exc:
        return _upload_page(
            request, acting, status=422, problems=exc.problems[:500],
            problem_total=len(exc.problems), error=exc.message, **kept,
        )  # fmt: skip
    except InputError as exc:
        return _upload_page(
            request, acting, status=400, error=exc.message, error_hint=exc.hint, **kept
        )
    return _upload_page(request, acting, report=report, **kept)


@router.post("/{lang}/documents/upload", **act("records.import"))
async def upload(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    file: Annotated[UploadFile, File()],
    source: Annotated[str, Form(min_length=1, max_length=200)],
    source_kind: Annotated[str, Form(max_length=20)] = "other",
    replace: Annotated[str, Form(max_length=80)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    from shomar.config import settings

    content = await file.read(settings().upload_max_bytes + 1)
    try:
        staged = uploads.stage_upload(
            ws, file.filename or "upload", content, principal=acting.principal
        )
    except InputError as exc:
        return _upload_page(
            request,
            acting,
            status=400,
            error=exc.message,
            error_hint=exc.hint,
            source=source,
            replace=replace,
        )
    return _check(request, ws, acting, staged, source, source_kind, replace)


@router.post("/{lang}/documents/upload/{upload_id}/mapping", **act("records.import"))
async def mapping(
    request: Request, lang: Lang, upload_id: str, ws: WorkspaceDep, acting: ActingDep
) -> Response:
    form = await request.form()
    check_csrf(acting, str(form.get("csrf", "")))
    source = str(form.get("source", ""))
    kind = str(form.get("source_kind", "other"))
    replace = str(form.get("replace", ""))[:80]
    columns = {
        str(k)[4:]: str(v)
        for k, v in form.multi_items()
        if str(k).startswith("col:") and v in TARGETS
    }
    sheet = str(form.get("sheet", ""))[:200] or None
    uploads.set_mapping(ws, upload_id, columns, {}, principal=acting.principal, sheet=sheet)
    staged = uploads.get_upload(ws, upload_id, principal=acting.principal)
    return _check(request, ws, acting, staged, source, kind, replace, sheet)


@router.post("/{lang}/documents/upload/{upload_id}/import", **act("records.import"))
def import_now(
    request: Request,
    lang: Lang,
    upload_id: str,
    ws: WorkspaceDep,
    acting: ActingDep,
    source: Annotated[str, Form(min_length=1, max_length=200)],
    source_kind: Annotated[str, Form(max_length=20)] = "other",
    replace: Annotated[str, Form(max_length=80)] = "",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    staged = uploads.get_upload(ws, upload_id, principal=acting.principal)
    try:
        report = uploads.import_upload(ws, upload_id, source, principal=acting.principal,
                                       dry_run=False, source_kind=source_kind,
                                       replace=replace or None)  # fmt: skip
    except ImportValidationError as exc:
        return _upload_page(request, acting, status=422, upload=staged, source=source,
                            problems=exc.problems[:500], problem_total=len(exc.problems),
                            error=exc.message, replace=replace)  # fmt: skip
    return _upload_page(request, acting, imported=report)


__all__ = ["router"]
