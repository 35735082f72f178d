"""``shomar records set-tier``: who may see a record (public / restricted / confidential);
``shomar records sensitive``: a record's encrypted fields, decrypted for those allowed."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from shomar.cli.context import (
    JsonOption,
    WorkspaceOption,
    call_service,
    current_principal,
    open_ws,
)
from shomar.cli.output import console, emit_json
from shomar.domain.wording import counted

records_app = typer.Typer(
    help="Records: their confidentiality tier and their encrypted fields.", no_args_is_help=True
)


@records_app.command("set-tier")
def set_tier(
    records: Annotated[
        list[str] | None, typer.Argument(help="Record uids or SOURCE/RECORD_ID (or --document).")
    ] = None,
    tier: Annotated[
        str, typer.Option("--tier", help="public, restricted or confidential.")
    ] = "restricted",
    document: Annotated[
        str | None,
        typer.Option("--document", help="Every record of this document (id or SHA-256 prefix)."),
    ] = None,
    reason: Annotated[str, typer.Option("--reason", help="Why (kept in the audit chain).")] = "",
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Set the confidentiality tier of records; only public records are ever exported."""
    from shomar.services.tiers import set_tier as set_records_tier

    ws = open_ws(workspace)
    try:
        change = set_records_tier(
            ws,
            tier,
            records=records or [],
            document=document,
            reason=reason,
            principal=current_principal(ws),
        )
    finally:
        ws.close()
    if json:
        emit_json(change)
        return
    console.print(
        f"{counted(change.changed, 'record')} set to {change.tier}"
        + (f" ({change.unchanged:,} already were)" if change.unchanged else "")
        + "."
    )


@records_app.command("sensitive")
def show_sensitive(
    record: Annotated[str, typer.Argument(help="A record uid or SOURCE/RECORD_ID.")],
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Decrypt a record's sensitive fields (witness, contacts, the mapping's `sensitive`
    columns). Analysts and admins only; every reading is kept in the audit chain."""
    from shomar.services.keys import sensitive_fields

    fields = call_service(workspace, sensitive_fields, record)
    if json:
        emit_json({"record": record, "fields": fields})
        return
    shown = {name: value for name, value in fields.items() if value}
    if not shown:
        console.print(f"Record {escape(record)} holds no sensitive values.")
        return
    table = Table("field", "value", title=f"Sensitive fields of {escape(record)} (audited)")
    for name, value in shown.items():
        label = name.removeprefix("column:")
        table.add_row(escape(label if label == name else f"{label} (column)"), escape(value))
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(records_app, name="records")
