"""Options and helpers shared by the commands that work on a workspace."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
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


def workspace_path(path: Path | None) -> Path:
    if path is not None:
        return path
    return Path(os.environ.get("SHOMAR_WORKSPACE") or ".")


def open_ws(path: Path | None, *, create: bool = False) -> Workspace:
    """Open the selected workspace (errors say how to create one)."""
    from shomar.store.workspace import open_workspace

    return open_workspace(workspace_path(path), create=create)


def current_actor() -> str:
    """The name recorded as actor (``SHOMAR_ACTOR``, else the login name)."""
    from shomar.config import settings

    return settings().actor
