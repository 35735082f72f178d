"""The web application: ``create_app(workspace)`` builds the FastAPI app.

Nothing per user lives in process memory (sessions are rows in the store), so several worker
processes can serve one PostgreSQL store behind a proxy.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from shomar import __version__
from shomar.errors import ShomarError
from shomar.store.workspace import Workspace, open_workspace
from shomar.web import errors
from shomar.web.routes import (
    admin,
    api,
    auth,
    claim_pages,
    custody,
    documents,
    pages,
    reports,
    work,
)
from shomar.web.security import SecurityMiddleware


def create_app(
    workspace: Workspace | Path | str, *, url: str | None = None, run_jobs: bool = False
) -> FastAPI:
    """The app over one workspace (an open one, or a folder to open).

    With ``run_jobs`` the app runs queued jobs in worker threads of its own process (the
    embedded default, where ``shomar serve`` needs no separate ``shomar worker``).
    """
    ws = workspace if isinstance(workspace, Workspace) else open_workspace(Path(workspace), url=url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        _limit_threads()
        consumer = _start_consumer(ws) if run_jobs else None
        try:
            yield
        finally:
            if consumer is not None:
                consumer.stop(graceful=True)

    app = FastAPI(
        lifespan=lifespan,
        title="Shomar",
        version=__version__,
        description="Records, persons, claims and estimates of documented violations.",
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.workspace = ws
    app.add_middleware(SecurityMiddleware)
    app.add_exception_handler(ShomarError, errors.shomar_error)
    app.add_exception_handler(StarletteHTTPException, errors.http_error)
    app.add_exception_handler(RequestValidationError, errors.validation_error)
    app.add_exception_handler(Exception, errors.internal_error)
    app.mount("/static/fonts", StaticFiles(directory=str(_font_dir())), name="fonts")
    app.mount("/static", StaticFiles(directory=str(_static_dir())), name="static")
    app.include_router(api.router)
    app.include_router(auth.router)
    app.include_router(admin.router)
    app.include_router(documents.router)
    app.include_router(custody.router)
    app.include_router(claim_pages.router)
    app.include_router(reports.router)
    app.include_router(work.router)
    app.include_router(pages.router)
    return app


def _limit_threads() -> None:
    """Run at most ``web_threads`` sync routes and dependencies at once (anyio's default: 40).

    The GIL runs one thread's Python at a time: 40 threads meant 40 requests sharing it in
    slices, each finishing late, and more threads than the pool's connections, so some waited
    for a connection and others opened and dropped connections beyond the pool's size. A request
    beyond the limit waits on the event loop and starts when a thread is free.
    """
    from anyio import to_thread

    from shomar.config import settings

    to_thread.current_default_thread_limiter().total_tokens = settings().web_threads


def _start_consumer(ws: Workspace) -> Any:
    """huey's consumer in threads of this process (no signal handlers: not the main thread)."""
    from shomar.config import settings
    from shomar.services.job_queue import interrupted, queue_for

    interrupted(ws)
    consumer = queue_for(ws.path).create_consumer(
        workers=settings().jobs_workers, worker_type="thread"
    )
    consumer.start()
    return consumer


def _font_dir() -> Path:
    """Vazirmatn (OFL), shipped once with the report."""
    return Path(str(resources.files("shomar.reports") / "static"))


def _static_dir() -> Path:
    return Path(str(resources.files("shomar.web") / "static"))


__all__ = ["create_app"]
