"""ASGI entry point for uvicorn and other servers: ``shomar.web.asgi:app_factory`` (factory).

The workspace comes from the settings (``SHOMAR_WORKSPACE``, ``SHOMAR_DATABASE_URL``), so every
worker process opens the same store.
"""

from __future__ import annotations

from fastapi import FastAPI

from shomar.config import settings
from shomar.store.dialects import is_sqlite
from shomar.web.app import create_app


def app_factory() -> FastAPI:
    config = settings()
    embedded = config.database_url is None or is_sqlite(config.database_url)
    run_jobs = config.serve_jobs_in_process and embedded and config.jobs_url is None
    return create_app(config.workspace, url=config.database_url, run_jobs=run_jobs)


__all__ = ["app_factory"]
