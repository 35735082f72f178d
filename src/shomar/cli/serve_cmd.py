"""`shomar serve`: the web app and the JSON API (uvicorn)."""

from __future__ import annotations

import ipaddress
import os
from typing import Annotated

import typer

from shomar.cli.context import WorkspaceOption, workspace_path
from shomar.cli.output import err_console
from shomar.errors import InputError

MIN_SECRET = 32
#: idle keep-alive connections are kept longer than a proxy's (nginx: 60 s) or a client pool's,
#: so the client never sends a request on a connection the server is closing (uvicorn's 5 s
#: default gave the web load benchmark a few "server disconnected" reads on a busy machine)
KEEP_ALIVE_SECONDS = 75


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def default_workers(database_url: str | None, cpus: int | None) -> int:
    """Worker processes ``serve`` starts when not told.

    SQLite: one, which also runs the queued jobs (one writer at a time anyway). PostgreSQL: one
    per core, at least 2 and at most 4 — a single process holds the GIL for every request, so
    one worker left the second core idle (the web load benchmark's reads on PostgreSQL), and 4
    workers' connection pools stay well under the server's default 100 connections.
    """
    from shomar.store.dialects import is_sqlite

    if database_url is None or is_sqlite(database_url):
        return 1
    return max(2, min(4, cpus or 1))


def check_server_settings(host: str) -> None:
    """Refuse to listen beyond this machine with unsafe settings, saying which to set."""
    from shomar.config import settings

    if is_loopback(host):
        return
    config = settings()
    if len(config.secret_key) < MIN_SECRET:
        raise InputError(
            f"Refusing to serve on {host}: SHOMAR_SECRET_KEY is missing or shorter than "
            f"{MIN_SECRET} characters.",
            hint="Set SHOMAR_SECRET_KEY to a long random value (e.g. `python -c "
            "'import secrets; print(secrets.token_urlsafe(48))'`), serve behind TLS and set "
            "SHOMAR_HSTS=true; or serve on 127.0.0.1.",
        )
    if not config.cookie_secure:
        raise InputError(
            f"Refusing to serve on {host} with SHOMAR_COOKIE_SECURE=false.",
            hint="Session cookies must be Secure beyond this machine: unset it.",
        )


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes (default: 1 on SQLite; on PostgreSQL one per core, 2 to 4).",
            min=1,
        ),
    ] = None,
    workspace: WorkspaceOption = None,
) -> None:
    """Serve the web app (Persian and English pages) and the JSON API under /api/v1."""
    import uvicorn

    from shomar.config import export_setting
    from shomar.store.workspace import open_workspace

    check_server_settings(host)
    if workers is None:
        from shomar.config import settings

        workers = default_workers(settings().database_url, os.cpu_count())
    folder = workspace_path(workspace).resolve()
    open_workspace(folder).close()  # a clear error now if it is not a workspace
    export_setting("workspace", str(folder))
    err_console.print(
        f"Shomar serves {folder} on http://{host}:{port}/ (Persian /fa/, English /en/, "
        f"API /api/v1). Stop with Ctrl+C.",
        highlight=False,
        markup=False,
    )
    uvicorn.run(
        "shomar.web.asgi:app_factory",
        factory=True,
        # httptools and uvloop (dependencies) when importable, as uvicorn's "auto" chooses
        http="auto",
        loop="auto",
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        server_header=False,
        log_level="warning",
    )


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
