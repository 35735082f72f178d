"""`shomar export --public`, `shomar audit verify`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

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
    out: Annotated[
        Path,
        typer.Argument(help="New folder for the data package (or OUT.csv for the CSV alone)."),
    ],
    public: Annotated[
        bool, typer.Option("--public", help="Redacted public registry (required).")
    ] = False,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Export the public registry (a Frictionless data package) through the redaction policy.

    Only public-tier records and public fields; the same data gives the same bytes.
    """
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
def verify(
    checkpoint: Annotated[
        Path | None,
        typer.Option(
            "--checkpoint", help="A checkpoint file (shomar audit checkpoint) to verify against."
        ),
    ] = None,
    public_key: Annotated[
        str | None,
        typer.Option(
            "--public-key",
            help="The checkpoint public key you published (base64); default: the workspace's.",
        ),
    ] = None,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Check the audit chain and every record against it; with --checkpoint, its anchor too.

    Any changed, removed or reordered entry, and any record row edited, deleted or inserted
    outside Shomar, is found and named.
    """
    from shomar.services.integrity import verify_store

    ws = open_ws(workspace)
    try:
        report = verify_store(
            ws, principal=current_principal(ws), checkpoint=checkpoint, public_key=public_key
        )
    finally:
        ws.close()
    if json:
        emit_json(report.to_dict())
    if not report.intact:
        lines = "\n".join(f"  - {f.message}" for f in report.findings[:20])
        if report.chain_broken_at is not None:
            lines = f"  - the chain breaks at entry {report.chain_broken_at}\n" + lines
        raise ShomarError(
            f"The store does not verify: first bad entry {report.first_bad_entry} "
            f"(of {report.entries}).\n{lines.rstrip()}",
            hint="Something was changed outside Shomar after it was written; restore from a "
            "backup (shomar restore) and compare.",
        )
    if not json:
        extra = " and its checkpoint" if report.checkpoint else ""
        console.print(
            f"Audit chain{extra} intact ({report.entries:,} entries); every record matches it."
        )


@audit_app.command("checkpoint")
def checkpoint_cmd(
    out: Annotated[Path, typer.Option("--out", help="Checkpoint file to write (JSON).")],
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Sign the chain head (Ed25519, key outside the database) and write it; publish it."""
    from shomar.services.integrity import write_checkpoint

    ws = open_ws(workspace)
    try:
        body = write_checkpoint(ws, out, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json({"out": str(out), **body})
        return
    console.print(
        f"Checkpoint of entry {body['entry_id']} written to {escape(str(out))} "
        f"(key {body['key_fingerprint']}). Publish it somewhere this store cannot change.",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.add_typer(audit_app, name="audit")
