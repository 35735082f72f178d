"""The JSON API under ``/api/v1``: the same services as the pages and the CLI.

Lists are ``{"items", "total", "page", "next"}``; errors ``{"error": {"code", "message",
"hint"}}``. Anonymous requests see published (public-tier) data only; a bearer token acts with
its user's role.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from pydantic import BaseModel, Field

from shomar.config import settings
from shomar.services import records as record_service
from shomar.services.records import Page
from shomar.web.deps import ActingDep, WorkspaceDep
from shomar.web.routes import data
from shomar.web.routes.common import act


class ErrorDetail(BaseModel):
    code: str
    message: str
    hint: str


class ErrorOut(BaseModel):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorOut, "description": description}
    for status, description in (
        (400, "the input cannot be used as given"),
        (401, "no valid token where one is needed"),
        (403, "the token's role may not do this"),
        (404, "no such item (or not one this role may see)"),
        (409, "contradicts what is stored"),
        (422, "the request does not match this document"),
        (503, "the workspace is busy; try again"),
    )
}
router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERRORS)


class ListOut(BaseModel):
    items: list[dict[str, Any]]
    total: int
    page: int
    next: str | None


class DecisionIn(BaseModel):
    a: str = Field(description="uid of one record")
    b: str = Field(description="uid of the other record")
    verdict: Literal["same", "different", "unsure"]
    reason: str = ""


def _list(request: Request, page: Page) -> ListOut:
    next_url = None
    if page.has_next:
        next_url = str(request.url.include_query_params(page=page.page + 1))
    items = [i.to_dict() if hasattr(i, "to_dict") else i for i in page.items]
    return ListOut(items=items, total=page.total, page=page.page, next=next_url)


@router.get("/stats", **act("stats.read"))
def stats(ws: WorkspaceDep, acting: ActingDep) -> dict[str, Any]:
    return data.stats(ws, acting.principal)


@router.get("/records", response_model=ListOut, **act("records.read"))
def records(
    request: Request,
    ws: WorkspaceDep,
    acting: ActingDep,
    q: str = "",
    source: str | None = None,
    event: str | None = None,
    violation: str | None = None,
    page: int = Query(1, ge=1, le=10**6),
) -> ListOut:
    found = record_service.search_records(
        ws,
        principal=acting.principal,
        q=q,
        source=source,
        event=event,
        violation=violation,
        page=page,
        page_size=settings().page_size,
    )
    return _list(request, found)


@router.get("/records/{uid}", **act("records.read"))
def record(uid: str, ws: WorkspaceDep, acting: ActingDep) -> dict[str, Any]:
    return record_service.get_record(ws, uid, principal=acting.principal).to_dict()


@router.get("/persons", response_model=ListOut, **act("persons.read"))
def persons(
    request: Request,
    ws: WorkspaceDep,
    acting: ActingDep,
    q: str = "",
    page: int = Query(1, ge=1, le=10**6),
) -> ListOut:
    found = record_service.search_persons(
        ws, principal=acting.principal, q=q, page=page, page_size=settings().page_size
    )
    return _list(request, found)


@router.get("/persons/{person_id}", **act("persons.read"))
def person(person_id: str, ws: WorkspaceDep, acting: ActingDep) -> dict[str, Any]:
    return record_service.get_person(ws, person_id, principal=acting.principal).to_dict()


@router.get("/review", response_model=ListOut, **act("review.read"))
def review(
    request: Request, ws: WorkspaceDep, acting: ActingDep, limit: int = Query(20, ge=1, le=500)
) -> ListOut:
    items = data.review(ws, acting.principal, limit)
    return ListOut(items=items, total=len(items), page=1, next=None)


@router.post("/review/decisions", status_code=201, **act("review.decide"))
def decide(body: DecisionIn, ws: WorkspaceDep, acting: ActingDep) -> dict[str, Any]:
    return data.decide(ws, acting.principal, body.a, body.b, body.verdict, body.reason)


@router.get("/events", response_model=ListOut, **act("events.read"))
def events(ws: WorkspaceDep, acting: ActingDep) -> ListOut:
    items = data.events(ws, acting.principal)
    return ListOut(items=items, total=len(items), page=1, next=None)


@router.get("/claims", response_model=ListOut, **act("claims.read"))
def claims(ws: WorkspaceDep, acting: ActingDep, event: str | None = None) -> ListOut:
    items = data.claims(ws, acting.principal, event)
    return ListOut(items=items, total=len(items), page=1, next=None)


@router.get("/claims/{claim_uid}", **act("claims.read"))
def claim(claim_uid: str, ws: WorkspaceDep, acting: ActingDep) -> dict[str, Any]:
    """A claim's current version, with every version (newest first) under ``versions``."""
    from shomar.errors import NotFoundError
    from shomar.services.claims import list_claims

    versions = [
        c.to_dict()
        for c in list_claims(ws, principal=acting.principal, history=True)
        if c.uid == claim_uid
    ]
    if not versions:
        raise NotFoundError(f"No claim {claim_uid!r}.", hint="See GET /api/v1/claims.")
    versions.sort(key=lambda c: -int(c["version"]))
    return {**versions[0], "versions": versions}


@router.get("/documents", response_model=ListOut, **act("documents.read"))
def documents(ws: WorkspaceDep, acting: ActingDep) -> ListOut:
    from shomar.services.documents import list_documents

    items = [d.to_dict() for d in list_documents(ws, principal=acting.principal)]
    return ListOut(items=items, total=len(items), page=1, next=None)


#: a document's id (up to 7 digits, either script) or a SHA-256 prefix of 8 to 64 hex digits
DOCUMENT_REF = r"^([0-9\u06f0-\u06f9]{1,7}|[0-9a-fA-F]{8,64})$"


@router.get("/documents/{document_id}", **act("documents.read"))
def document(
    document_id: Annotated[str, Path(pattern=DOCUMENT_REF)], ws: WorkspaceDep, acting: ActingDep
) -> dict[str, Any]:
    """A document (its id or a SHA-256 prefix) with its custody log under ``custody``."""
    from shomar.services.documents import custody_log

    info, custody = custody_log(ws, document_id, principal=acting.principal)
    return {**info.to_dict(), "custody": [step.to_dict() for step in custody]}


@router.get("/estimates", response_model=ListOut, **act("estimates.read"))
def estimates(ws: WorkspaceDep, acting: ActingDep) -> ListOut:
    items = data.estimates(ws, acting.principal)
    return ListOut(items=items, total=len(items), page=1, next=None)


@router.post("/imports", status_code=202, **act("records.import"))
async def imports(
    ws: WorkspaceDep,
    acting: ActingDep,
    file: Annotated[UploadFile, File(description="the list: CSV, XLSX, XLS, ODS or JSON")],
    source: Annotated[str, Form(min_length=1, max_length=200)],
    source_kind: Annotated[str, Form(max_length=20)] = "other",
    dry_run: Annotated[bool, Form()] = False,
) -> dict[str, Any]:
    """Stage the file (checked by content) and queue its import; returns the job."""
    from shomar.services.jobs import submit_job
    from shomar.services.uploads import stage_upload

    content = await file.read(settings().upload_max_bytes + 1)
    staged = stage_upload(ws, file.filename or "upload", content, principal=acting.principal)
    params = {"upload_id": staged.id, "source": source, "source_kind": source_kind,
              "dry_run": dry_run}  # fmt: skip
    return submit_job(ws, "import", params, principal=acting.principal).to_dict()


@router.get("/jobs/{job_id}", **act("jobs.read"))
def job(job_id: str, ws: WorkspaceDep, acting: ActingDep) -> dict[str, Any]:
    from shomar.services.jobs import get_job

    return get_job(ws, job_id, principal=acting.principal).to_dict()


@router.get("/jobs", response_model=ListOut, **act("jobs.read"))
def jobs(ws: WorkspaceDep, acting: ActingDep) -> ListOut:
    from shomar.services.jobs import list_jobs

    items = [j.to_dict() for j in list_jobs(ws, principal=acting.principal)]
    return ListOut(items=items, total=len(items), page=1, next=None)


__all__ = ["router"]
