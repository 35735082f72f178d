"""`shomar users`: accounts, roles, API tokens and second factors."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from shomar.cli.context import JsonOption, WorkspaceOption, current_principal, open_ws
from shomar.cli.output import console, emit_json

users_app = typer.Typer(help="Accounts for the web app and the API.", no_args_is_help=True)
RoleOption = Annotated[
    str, typer.Option("--role", help="admin, analyst, documenter or viewer.", show_default=False)
]


@users_app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="User name (no spaces).")],
    role: RoleOption,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Create an account; its generated password is printed once."""
    from shomar.services.accounts import add_user

    ws = open_ws(workspace)
    try:
        info, password = add_user(ws, name, role, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json({"name": info.name, "role": info.role, "password": password})
        return
    console.print(f"Created {escape(info.name)} ({info.role}). Password (shown only now):")
    console.print(password, markup=False, highlight=False)


@users_app.command("list")
def list_(workspace: WorkspaceOption = None, json: JsonOption = False) -> None:
    """The accounts with their roles."""
    from shomar.services.accounts import list_users

    ws = open_ws(workspace)
    try:
        users = list_users(ws, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json([u.to_dict() for u in users])
        return
    table = Table("name", "role", "second factor", "status")
    for u in users:
        table.add_row(
            escape(u.name), u.role, "yes" if u.second_factor else "no",
            "disabled" if u.disabled else "active",
        )  # fmt: skip
    console.print(table)


@users_app.command("token")
def token(
    name: Annotated[str, typer.Argument(help="User the token acts as.")],
    label: Annotated[str, typer.Option(help="What the token is for.")] = "",
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Create an API token (printed once; send as `Authorization: Bearer TOKEN`)."""
    from shomar.services.accounts import create_token

    ws = open_ws(workspace)
    try:
        value = create_token(ws, name, principal=current_principal(ws), label=label)
    finally:
        ws.close()
    if json:
        emit_json({"token": value})
        return
    console.print(value, markup=False, highlight=False)


@users_app.command("disable")
def disable(
    name: Annotated[str, typer.Argument(help="User to disable (their sessions end).")],
    enable: Annotated[bool, typer.Option("--enable", help="Enable instead.")] = False,
    workspace: WorkspaceOption = None,
) -> None:
    """Disable an account (ending its sessions), or enable it again."""
    from shomar.services.accounts import set_disabled

    ws = open_ws(workspace)
    try:
        set_disabled(ws, name, not enable, principal=current_principal(ws))
    finally:
        ws.close()
    console.print(f"{escape(name)} is {'enabled' if enable else 'disabled'}.")


@users_app.command("second-factor")
def second_factor(
    name: Annotated[str, typer.Argument(help="User to set up TOTP for.")],
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Set up a TOTP second factor: prints the key (for an authenticator app) and recovery codes."""
    from shomar.security.second_factor import provisioning_uri
    from shomar.services.accounts import enrol_directly

    ws = open_ws(workspace)
    try:
        secret, codes = enrol_directly(ws, name, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json(
            {"secret": secret, "uri": provisioning_uri(secret, name), "recovery_codes": codes}
        )
        return
    console.print(f"Key: {secret}", markup=False, highlight=False)
    console.print(provisioning_uri(secret, name), markup=False, highlight=False)
    console.print("Recovery codes (each works once, shown only now):")
    for code in codes:
        console.print(code, markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
