"""Bringing lists in through the browser: upload, check every row, then import (or fix)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import Response

from shomar.domain.columns import CANONICAL_COLUMNS, EXTRA_COLUMNS
from shomar.domain.names_key import ascii_digits
from shomar.domain.said import said
from shomar.errors import AlreadyImportedError, ImportValidationError, InputError
from shomar.ingest.column_words import suggested_column
from shomar.services import uploads
from shomar.store.tables import SOURCE_KINDS
from shomar.web.deps import ActingDep, WorkspaceDep
from shomar.web.routes.common import act, check_csrf, page

router = APIRouter(include_in_schema=False)
Lang = Literal["fa", "en"]
TARGETS = (*CANONICAL_COLUMNS, *EXTRA_COLUMNS)
#: the encodings a text list may be read in, offered on the page (the CLI's --encoding takes
#: any): detection first, then those Persian lists are written in
ENCODINGS = ("utf-8", "utf-16", "cp1256", "iso-8859-6", "mac_farsi", "cp720", "cp1252")
#: a header row beyond this is not one a person picks by hand
MAX_HEADER_ROW = 1000


@dataclass(frozen=True)
class MappingRow:
    """One of the file's columns on the page: the field it is read into (``None``: not read)
    and the one such a column name usually holds (:mod:`shomar.ingest.column_words`)."""

    header: str
    target: str | None
    suggested: str | None
    #: the last check read this column into a field
    read: bool

    @classmethod
    def rows(cls, columns: dict[str, str | None], *, preselect: bool) -> list[MappingRow]:
        """``preselect``: a column not read gets its usual field selected (a refused check:
        the user confirms it by checking again); else the usual field is only shown."""
        out = []
        for header, target in columns.items():
            usual = suggested_column(header) if target is None else None
            chosen = usual if preselect and usual else target
            out.append(cls(header, chosen, usual, read=target is not None))
        return out


@dataclass(frozen=True)
class Reading:
    """How the page reads the staged file: what ``--sheet``, ``--encoding`` and
    ``--header-row`` say on the command line (each ``None``: found from the file)."""

    sheet: str | None = None
    encoding: str | None = None
    header_row: int | None = None

    @classmethod
    def from_form(cls, form: Any) -> Reading:
        """The form's fields; an encoding not offered or a header row that is not a row
        number is refused (:class:`InputError`), never dropped."""
        encoding = str(form.get("encoding", ""))[:40]
        if encoding and encoding not in ENCODINGS:
            raise InputError(
                said("the encoding %(encoding)s is not one the page offers", encoding=encoding),
                hint=said("Choose an encoding from the list, or let it be found from the file."),
            )
        row = ascii_digits(str(form.get("header_row", "")).strip())[:20]
        if row and not (row.isascii() and row.isdigit() and 1 <= int(row) <= MAX_HEADER_ROW):
            raise InputError(
                said(
                    "the row with the column names must be a row number from 1 to %(most)s, "
                    "not %(row)s",
                    most=str(MAX_HEADER_ROW),
                    row=repr(row),
                ),
                hint=said("Give the row number as the spreadsheet shows it, or leave it empty."),
            )
        return cls(
            sheet=str(form.get("sheet", ""))[:200] or None,
            encoding=encoding or None,
            header_row=int(row) if row else None,
        )


def _upload_page(
    request: Request, acting: ActingDep, *, status: int = 200, **context: object
) -> Response:
    defaults: dict[str, object] = {
        "upload": None, "report": None, "problems": [], "problem_total": 0, "error": "",
        "error_hint": "", "already": None, "mapping_rows": [], "sheets": [], "reading": Reading(),
        "encodings": ENCODINGS, "source": "", "source_kind": "other", "imported": None,
        "replace": "",
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


def _kept(
    ws: WorkspaceDep, acting: ActingDep, upload: uploads.Upload, source: str, source_kind: str,
    replace: str, reading: Reading,
) -> dict[str, Any]:  # fmt: skip
    """What the page keeps of a staged upload while it is checked, refused or mapped."""
    return {
        "reading": reading,
        "upload": upload,
        "source": source,
        "source_kind": source_kind,
        "replace": replace,
        # a workbook's sheets, to read another one than the first (the CLI's --sheet)
        "sheets": uploads.upload_sheets(ws, upload.id, principal=acting.principal),
    }


def _refused(
    request: Request, acting: ActingDep, exc: InputError, kept: dict[str, Any]
) -> Response:
    """The page for a check or an import that was refused: every problem, and the mapping
    form with the usual fields preselected when the file's columns were read."""
    if isinstance(exc, ImportValidationError):
        return _upload_page(
            request, acting, status=422, problems=exc.problems[:500],
            problem_total=len(exc.problems), error=exc.message,
            mapping_rows=MappingRow.rows(exc.columns, preselect=True), **kept,
        )  # fmt: skip
    if isinstance(exc, AlreadyImportedError):
        # the page's own way to read the same bytes again: an upload replacing that document
        return _upload_page(
            request, acting, status=400, error=exc.message, already=exc.document_id, **kept
        )
    return _upload_page(request, acting, status=400, error=exc.message, error_hint=exc.hint, **kept)


def _check(
    request: Request, ws: WorkspaceDep, acting: ActingDep, upload: uploads.Upload, source: str,
    source_kind: str, replace: str = "", reading: Reading | None = None,
) -> Response:  # fmt: skip
    kept = _kept(ws, acting, upload, source, source_kind, replace, reading or Reading())
    try:
        report = uploads.import_upload(
            ws, upload.id, source, principal=acting.principal, dry_run=True,
            source_kind=source_kind, replace=replace or None,
        )  # fmt: skip
    except InputError as exc:
        return _refused(request, acting, exc, kept)
    columns: dict[str, str | None] = {**report.columns_used}
    columns.update(dict.fromkeys(report.columns_ignored))
    return _upload_page(
        request,
        acting,
        report=report,
        mapping_rows=MappingRow.rows(columns, preselect=False),
        **kept,
    )


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
    staged = uploads.get_upload(ws, upload_id, principal=acting.principal)
    try:
        reading = Reading.from_form(form)
    except InputError as exc:  # nothing is written: the last mapping stays as it was
        return _upload_page(
            request, acting, status=400, error=exc.message, error_hint=exc.hint,
            upload=staged, source=source, source_kind=kind, replace=replace,
            sheets=uploads.upload_sheets(ws, upload_id, principal=acting.principal),
        )  # fmt: skip
    uploads.set_mapping(
        ws, upload_id, columns, {}, principal=acting.principal, sheet=reading.sheet,
        encoding=reading.encoding, header_row=reading.header_row,
    )  # fmt: skip
    return _check(request, ws, acting, staged, source, kind, replace, reading)


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
    # the reading chosen on the page before, kept on the refused page's forms
    reading = Reading(**uploads.upload_reading(ws, upload_id, principal=acting.principal))
    try:
        report = uploads.import_upload(ws, upload_id, source, principal=acting.principal,
                                       dry_run=False, source_kind=source_kind,
                                       replace=replace or None)  # fmt: skip
    except InputError as exc:  # nothing was stored; the staged upload stays to be mapped
        kept = _kept(ws, acting, staged, source, source_kind, replace, reading)
        return _refused(request, acting, exc, kept)
    return _upload_page(request, acting, imported=report)


__all__ = ["router"]
