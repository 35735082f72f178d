"""The report in the browser: make the HTML (and PDF) report as a job, then download it.

The report (figures, and headless Chromium for the PDF) never runs inside a request: it is a
job on the queue, whose page shows its progress and, when done, the download links.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Literal

from fastapi import APIRouter, Form, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from shomar.services import jobs as job_service
from shomar.services import report as report_service
from shomar.web.deps import ActingDep, WorkspaceDep
from shomar.web.routes.common import act, check_csrf, page

router = APIRouter(include_in_schema=False)
Lang = Literal["fa", "en"]
MEDIA = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


@router.get("/{lang}/report", **act("report.make"))
def report_page(request: Request, lang: Lang, ws: WorkspaceDep, acting: ActingDep) -> Response:
    made = [j for j in job_service.list_jobs(ws, principal=acting.principal) if j.kind == "report"]
    return page(request, acting, "report.html", jobs=made)


@router.post("/{lang}/report", **act("report.make"))
def make_report(
    request: Request,
    lang: Lang,
    ws: WorkspaceDep,
    acting: ActingDep,
    language: Annotated[Literal["fa", "en"], Form()] = "fa",
    pdf: Annotated[bool, Form()] = False,
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_csrf(acting, csrf)
    out = ws.path / report_service.REPORTS / f"report-{secrets.token_hex(8)}.html"
    params = {"out": str(out), "pdf": pdf, "lang": language}
    info = job_service.submit_job(ws, "report", params, principal=acting.principal)
    return RedirectResponse(f"/{lang}/jobs/{info.id}", status_code=303)


@router.get("/{lang}/report/{job_id}/{fmt}", **act("report.make"))
def download(
    request: Request,
    lang: Lang,
    job_id: str,
    fmt: Literal["html", "pdf"],
    ws: WorkspaceDep,
    acting: ActingDep,
) -> Response:
    """The report file, as a download (never shown inside this site's origin)."""
    path = report_service.report_file(ws, job_id, fmt, principal=acting.principal)
    return FileResponse(
        path,
        media_type=MEDIA[fmt],
        filename=f"shomar-report.{fmt}",
        content_disposition_type="attachment",
    )


__all__ = ["router"]
