"""Long work from the browser: linkage and estimate runs as jobs, and the jobs' pages."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from shomar.services import jobs as job_service
from shomar.web.deps import ActingDep, WorkspaceDep
from shomar.web.routes.common import act, check_csrf, page

router = APIRouter(include_in_schema=False)
Lang = Literal["fa", "en"]


@router.get("/{lang}/jobs", **act("jobs.read"))
def jobs(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    found = job_service.list_jobs(ws, principal=acting.principal)
    return page(request, acting, "jobs.html", jobs=found)


@router.get("/{lang}/jobs/{job_id}", **act("jobs.read"))
def job(request: Request, lang: Lang, job_id: str, ws: WorkspaceDep, acting: ActingDep) -> Response:
    info = job_service.get_job(ws, job_id, principal=acting.principal)
    return page(request, acting, "job.html", job=info)


@router.post("/{lang}/jobs/{job_id}/cancel", **act("jobs.cancel"))
def cancel(
    request: Request,
    lang: Lang,
    job_id: str,
    ws: WorkspaceDep,
    acting: ActingDep,
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    job_service.cancel_job(ws, job_id, principal=acting.principal)
    return RedirectResponse(f"/{lang}/jobs/{job_id}", status_code=303)


@router.post("/{lang}/estimates/run", **act("estimates.run"))
def run_estimates(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    event: Annotated[str, Form(min_length=1, max_length=300)],
    counted: Annotated[str, Form(max_length=40)] = "killed",
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    info = job_service.submit_job(
        ws, "estimate", {"event": event, "counted": counted}, principal=acting.principal
    )
    return RedirectResponse(f"/{lang}/jobs/{info.id}", status_code=303)


@router.post("/{lang}/linkage/run", **act("linkage.run"))
def run_linkage(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    info = job_service.submit_job(ws, "link", {}, principal=acting.principal)
    return RedirectResponse(f"/{lang}/jobs/{info.id}", status_code=303)


__all__ = ["router"]
