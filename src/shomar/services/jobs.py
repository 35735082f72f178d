"""Background jobs: imports, linkage runs, estimates, reports and backups, for the web app.

:func:`submit_job` checks the principal may do the work, records a queued job and hands it to
the task queue (:mod:`shomar.services.job_queue`); ``shomar worker`` runs it as that principal.
:func:`get_job` shows status, progress, result or error; :func:`cancel_job` stops a queued job,
or a running import at its next progress step (nothing of it is stored). The CLI runs the same
work in the foreground.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass, replace
from typing import Any

from sqlalchemy import select

from shomar.errors import InputError, NotFoundError
from shomar.security.principal import Principal, Role
from shomar.services.access import authorize
from shomar.services.job_queue import (
    current_progress,
    enqueue,
    interrupted,
    queue_for,
    request_cancel,
    run_queued,
)
from shomar.store.audit import append_audit
from shomar.store.tables import Job, utcnow
from shomar.store.workspace import Workspace

#: job kind → the policy action it needs (checked when submitted, and again when it runs)
KINDS = {
    "import": "records.import",
    "link": "linkage.run",
    "estimate": "estimates.run",
    "report": "report.make",
    "backup": "backup",
}


@dataclass(frozen=True)
class JobInfo:
    id: str
    kind: str
    status: str
    progress_done: int
    progress_total: int | None
    message: str
    result: dict[str, Any]
    error: str
    created: dt.datetime
    started: dt.datetime | None
    finished: dt.datetime | None
    created_by: str
    cancel_requested: bool

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("created", "started", "finished"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


def _info(job: Job) -> JobInfo:
    return JobInfo(
        job.id, job.kind, job.status, job.progress_done, job.progress_total, job.message,
        dict(job.result or {}), job.error, job.created, job.started, job.finished,
        job.created_by, job.cancel_requested,
    )  # fmt: skip


def submit_job(
    ws: Workspace, kind: str, params: dict[str, Any], *, principal: Principal
) -> JobInfo:
    """Queue ``kind`` with ``params`` (the service's keyword arguments) to run as ``principal``."""
    if kind not in KINDS:
        raise InputError(f"Unknown job kind {kind!r}.", hint=f"Use one of: {', '.join(KINDS)}.")
    authorize(ws, principal, KINDS[kind], f"job:{kind}")
    with ws.session() as session:
        job = Job(
            id=str(uuid.uuid4()),
            kind=kind,
            params=dict(params),
            status="queued",
            created_by=principal.name,
            created_role=str(principal.role),
        )
        session.add(job)
        session.flush()
        append_audit(session, principal.name, "job.submit", f"job:{job.id}", {"kind": kind})
        info = _info(job)
    enqueue(ws, info.id)
    return info


def _visible_job(session: Any, job_id: str, principal: Principal) -> Job:
    job = session.get(Job, job_id)
    if job is None or (principal.role is not Role.ADMIN and job.created_by != principal.name):
        raise NotFoundError(f"No job {job_id!r}.", hint="Jobs are listed by `shomar jobs`.")
    return job  # type: ignore[no-any-return]


def get_job(ws: Workspace, job_id: str, *, principal: Principal) -> JobInfo:
    """A job's status, progress and outcome (one's own jobs; an admin sees every job)."""
    authorize(ws, principal, "jobs.read")
    with ws.read_session() as session:
        info = _info(_visible_job(session, job_id, principal))
    if info.status == "running":
        done = current_progress(ws.path, job_id)
        if done is not None:
            info = replace(info, progress_done=done)
    return info


def list_jobs(ws: Workspace, *, principal: Principal, limit: int = 50) -> list[JobInfo]:
    """The newest jobs first (one's own; an admin sees every job)."""
    authorize(ws, principal, "jobs.read")
    query = select(Job).order_by(Job.created.desc(), Job.id).limit(limit)
    if principal.role is not Role.ADMIN:
        query = query.where(Job.created_by == principal.name)
    with ws.read_session() as session:
        return [_info(j) for j in session.scalars(query)]


def cancel_job(ws: Workspace, job_id: str, *, principal: Principal) -> JobInfo:
    """Cancel a job: at once if still queued, at its next progress step if running."""
    authorize(ws, principal, "jobs.cancel", f"job:{job_id}")
    with ws.read_session() as session:
        _visible_job(session, job_id, principal)
    request_cancel(ws.path, job_id)  # a running import stops at its next step, releasing the lock
    with ws.session() as session:
        job = _visible_job(session, job_id, principal)
        if job.status in ("queued", "running"):
            job.cancel_requested = True
            if job.status == "queued":
                job.status, job.finished = "cancelled", utcnow()
            append_audit(session, principal.name, "job.cancel", f"job:{job.id}", {})
        return _info(job)


def run_worker(
    ws: Workspace, *, principal: Principal, once: bool = False, workers: int | None = None
) -> int:
    """Run queued jobs: with ``once`` until the queue is empty (returns how many ran), else
    forever with ``workers`` threads (huey's consumer; stop it with Ctrl-C)."""
    from shomar.config import settings

    authorize(ws, principal, "jobs.work")
    interrupted(ws)
    if once:
        return run_queued(ws.path)
    consumer = queue_for(ws.path).create_consumer(
        workers=workers or settings().jobs_workers, worker_type="thread"
    )
    consumer.run()
    return 0


__all__ = ["KINDS", "JobInfo", "cancel_job", "get_job", "list_jobs", "run_worker", "submit_job"]
