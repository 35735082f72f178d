"""``shomar documents``: list the documents, withdraw one (nothing is deleted)."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from shomar.cli.context import JsonOption, WorkspaceOption, current_principal, open_ws
from shomar.cli.output import console, emit_json

documents_app = typer.Typer(
    help="Documents: each imported file with its SHA-256, source and status "
    "(active / withdrawn / replaced).",
    no_args_is_help=True,
)


@documents_app.command("list")
def documents_list(workspace: WorkspaceOption = None, json: JsonOption = False) -> None:
    """Every document: id, SHA-256, source, rows, records and status."""
    from shomar.services.documents import list_documents

    ws = open_ws(workspace)
    try:
        documents = list_documents(ws, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json({"items": documents, "total": len(documents)})
        return
    if not documents:
        console.print("No documents yet (shomar import FILE --source NAME).")
        return
    table = Table("id", "SHA-256", "file", "source", "rows", "records", "status", title="Documents")
    for d in documents:
        status = d.status
        if d.status == "replaced" and d.replaced_by is not None:
            status = f"replaced by {d.replaced_by}"
        elif d.status == "withdrawn":
            status = f"withdrawn: {d.status_reason}"
        table.add_row(
            str(d.id),
            d.sha256[:16],
            escape(d.name),
            escape(d.source),
            f"{d.rows:,}",
            f"{d.records:,}",
            escape(status),
        )
    console.print(table)


@documents_app.command("withdraw")
def documents_withdraw(
    document: Annotated[
        str, typer.Argument(help="Document id, or a unique SHA-256 prefix (8+ hex characters).")
    ],
    reason: Annotated[str, typer.Option("--reason", help="Why (recorded in the audit chain).")],
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Withdraw a document: its records leave every count, person, estimate and export.

    Nothing is deleted; the custody log and the audit chain record who, when and why.
    """
    from shomar.services.documents import withdraw_document

    ws = open_ws(workspace)
    try:
        info = withdraw_document(ws, document, reason=reason, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json(info)
        return
    console.print(
        f"Document {info.id} ({escape(info.name)}, source {escape(info.source)}) withdrawn: "
        f"its {info.records:,} record(s) no longer count anywhere. Nothing was deleted. "
        "Run `shomar link run` to rebuild persons without them."
    )


def register(app: typer.Typer) -> None:
    # `documents get` (decrypts a raw file) lives with the other key-holding commands
    from shomar.cli import security_cmd  # noqa: F401

    app.add_typer(documents_app, name="documents")
