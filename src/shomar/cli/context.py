"""Options and helpers shared by the commands that work on a workspace."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer._click.globals import get_current_context

if TYPE_CHECKING:
    from shomar.security.principal import Principal
    from shomar.store.workspace import Workspace

WorkspaceOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        help="Workspace folder (default: $SHOMAR_WORKSPACE, else the current folder).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]
T = TypeVar("T")


def workspace_path(path: Path | None) -> Path:
    """The command's ``--workspace``, else the root's (``shomar -w DIR …``), else the setting."""
    if path is not None:
        return path
    ctx = get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    chosen = obj.get("workspace") if isinstance(obj, dict) else None
    if chosen is not None:
        return Path(chosen)
    from shomar.config import settings

    return settings().workspace


def open_ws(path: Path | None, *, create: bool = False) -> Workspace:
    """Open the selected workspace (errors say how to create one)."""
    from shomar.store.workspace import open_workspace

    return open_workspace(workspace_path(path), create=create)


def _as_user() -> str | None:
    """The account named by the global ``--as USER`` option, if any."""
    ctx = get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    value = obj.get("as_user") if isinstance(obj, dict) else None
    return str(value) if value else None


def current_principal(ws: Workspace) -> Principal:
    """Who this command acts as: ``--as USER``'s account, else the workspace owner (admin,
    named ``SHOMAR_ACTOR`` or the login name)."""
    from shomar.services.principals import cli_principal

    return cli_principal(ws, _as_user())


def call_service(
    path: Path | None, service: Callable[..., T], *args: Any, create: bool = False, **kwargs: Any
) -> T:
    """Open the selected workspace, call ``service(ws, *args, principal=…, **kwargs)`` as this
    command's principal, and close the workspace whatever happens."""
    ws = open_ws(path, create=create)
    try:
        return service(ws, *args, principal=current_principal(ws), **kwargs)
    finally:
        ws.close()
