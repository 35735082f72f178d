"""`shomar export --public`, `shomar audit verify`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from shomar.cli.context import JsonOption, WorkspaceOption, current_principal, open_ws
from shomar.cli.output import console, emit_json
from shomar.errors import InputError, ShomarError

audit_app = typer.Typer(help="The tamper-evident audit log.")

NO_PUBLIC_RECORDS = (
    "no record is public. Every record has a confidentiality tier: public, restricted or "
    "confidential; an import gives restricted unless the list says otherwise. Only public "
    "records are exported. Make a list public when importing it ([defaults] confidentiality = "
    '"public" in its mapping, or a confidentiality column), or afterwards with '
    "`shomar records set-tier --document DOC --tier public` (or RECORD... --tier public)."
)


def export(
    out: Annotated[Path, typer.Argument(help="CSV file to write.")],
    public: Annotated[
        bool, typer.Option("--public", help="Redacted public registry (required).")
    ] = False,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Export the public registry: public-tier records only, through the redaction policy."""
    from shomar.services.export import export_public

    if not public:
        raise InputError(
            "Only public exports exist so far.", hint="Use `shomar export --public OUT`."
        )
    ws = open_ws(workspace)
    try:
        exported, withheld = export_public(ws, out, principal=current_principal(ws))
    finally:
        ws.close()
    hint = None if exported else NO_PUBLIC_RECORDS
    if json:
        emit_json({"out": str(out), "exported": exported, "withheld": withheld, "hint": hint})
        return
    console.print(
        f"Exported {exported:,} public record(s) to {out}; {withheld:,} withheld by their tier."
    )
    if hint:
        console.print(f"[yellow]Note:[/yellow] {hint}", highlight=False)


@audit_app.command("verify")
def verify(workspace: WorkspaceOption = None, json: JsonOption = False) -> None:
    """Check the audit chain: any changed, removed or reordered entry is found."""
    from shomar.services.export import audit_status

    ws = open_ws(workspace)
    try:
        count, broken = audit_status(ws, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json({"entries": count, "intact": broken is None, "first_broken_entry": broken})
    if broken is not None:
        raise ShomarError(
            f"The audit chain is broken at entry {broken} (of {count}).",
            hint="An entry was changed, removed or reordered after it was written.",
        )
    if not json:
        console.print(f"Audit chain intact ({count:,} entries).")


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.add_typer(audit_app, name="audit")
