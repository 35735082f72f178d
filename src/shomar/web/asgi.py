"""ASGI entry point for uvicorn and other servers: ``shomar.web.asgi:app_factory`` (factory).

The workspace comes from the settings (``SHOMAR_WORKSPACE``, ``SHOMAR_DATABASE_URL``), so every
worker process opens the same store.
"""

from __future__ import annotations

from fastapi import FastAPI

from shomar.config import settings
from shomar.web.app import create_app


def app_factory() -> FastAPI:
    config = settings()
    return create_app(config.workspace, url=config.database_url)


__all__ = ["app_factory"]
