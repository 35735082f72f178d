"""`shomar worker` runs queued background jobs; `shomar jobs` shows and cancels them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from shomar.cli.context import JsonOption, WorkspaceOption, current_principal, open_ws
from shomar.cli.output import console, emit_json

if TYPE_CHECKING:
    from shomar.services.jobs import JobInfo

jobs_app = typer.Typer(help="Background jobs (submitted by the web app).", no_args_is_help=True)


def worker(
    once: Annotated[
        bool, typer.Option("--once", help="Run what is queued, then exit (else run forever).")
    ] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Jobs at once (default: settings).")
    ] = None,
    workspace: WorkspaceOption = None,
) -> None:
    """Run queued jobs (imports, linkage, estimates, reports, backups) as their submitters."""
    from shomar.services.jobs import run_worker

    ws = open_ws(workspace)
    try:
        ran = run_worker(ws, principal=current_principal(ws), once=once, workers=workers)
    finally:
        ws.close()
    if once:
        console.print(f"Ran {ran} queued job(s).")


@jobs_app.command("list")
def jobs_list(workspace: WorkspaceOption = None, json: JsonOption = False) -> None:
    """The newest jobs first."""
    from shomar.services.jobs import list_jobs

    ws = open_ws(workspace)
    try:
        jobs = list_jobs(ws, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json([j.to_dict() for j in jobs])
        return
    table = Table("id", "kind", "status", "progress", "by", "created", "error", title="Jobs")
    for j in jobs:
        table.add_row(
            j.id, j.kind, j.status, _progress_text(j), escape(j.created_by),
            j.created.isoformat(), escape(j.error[:80]),
        )  # fmt: skip
    console.print(table)


def _progress_text(job: JobInfo) -> str:
    if job.progress_total:
        return f"{job.progress_done:,} of {job.progress_total:,}"
    return f"{job.progress_done:,}"


@jobs_app.command("show")
def jobs_show(job_id: str, workspace: WorkspaceOption = None) -> None:
    """One job's status, progress, result or error (JSON)."""
    from shomar.services.jobs import get_job

    ws = open_ws(workspace)
    try:
        emit_json(get_job(ws, job_id, principal=current_principal(ws)).to_dict())
    finally:
        ws.close()


@jobs_app.command("cancel")
def jobs_cancel(job_id: str, workspace: WorkspaceOption = None) -> None:
    """Cancel a queued job, or a running import at its next step (nothing of it is kept)."""
    from shomar.services.jobs import cancel_job

    ws = open_ws(workspace)
    try:
        info = cancel_job(ws, job_id, principal=current_principal(ws))
    finally:
        ws.close()
    note = " (cancel requested)" if info.cancel_requested else ""
    console.print(f"Job {info.id}: {info.status}{note}")


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)
    app.add_typer(jobs_app, name="jobs")
