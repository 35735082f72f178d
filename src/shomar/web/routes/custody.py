"""A document's life in the browser: the list, one document with its custody log, withdraw.

Replacing a document is an upload (``/documents/upload?replace=DOC``), as ``shomar import
FILE --replace DOC`` is an import.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from shomar.services import documents as document_service
from shomar.web.deps import ActingDep, WorkspaceDep
from shomar.web.routes.common import act, check_csrf, page

router = APIRouter(include_in_schema=False)
Lang = Literal["fa", "en"]


@router.get("/{lang}/documents", **act("documents.read"))
def documents(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    found = document_service.list_documents(ws, principal=acting.principal)
    return page(request, acting, "documents.html", documents=list(reversed(found)))


@router.get("/{lang}/documents/{document_id}", **act("documents.read"))
def document(
    request: Request, lang: Lang, document_id: str, ws: WorkspaceDep, acting: ActingDep
) -> Response:
    info, custody = document_service.custody_log(ws, document_id, principal=acting.principal)
    return page(
        request, acting, "document.html", document=info, custody=custody,
        withdrawn=request.query_params.get("withdrawn", ""),
    )  # fmt: skip


@router.post("/{lang}/documents/{document_id}/withdraw", **act("documents.withdraw"))
def withdraw(
    request: Request,
    lang: Lang,
    document_id: str,
    ws: WorkspaceDep,
    acting: ActingDep,
    reason: Annotated[str, Form(min_length=1, max_length=2000)],
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """Withdraw a document with a reason: its records leave every count; nothing is deleted."""
    check_csrf(acting, csrf)
    info = document_service.withdraw_document(
        ws, document_id, reason=reason, principal=acting.principal
    )
    return RedirectResponse(f"/{lang}/documents/{info.id}?withdrawn=1", status_code=303)


__all__ = ["router"]
