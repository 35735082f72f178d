"""`shomar keys`, `shomar documents get`, `shomar backup`, `shomar restore`, `shomar publish`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from shomar.cli.context import (
    JsonOption,
    WorkspaceOption,
    call_service,
    current_principal,
    open_ws,
    workspace_path,
)
from shomar.cli.documents_cmd import documents_app  # one `documents` group: list, withdraw, get
from shomar.cli.output import console, emit_json

keys_app = typer.Typer(help="Encryption keys: rotation, backup recipient, search by blind index.")
sources_app = typer.Typer(help="Sources: who reported lists and claims.")


@keys_app.command("rotate")
def rotate(workspace: WorkspaceOption = None, json: JsonOption = False) -> None:
    """New master and data keys; every encrypted value re-encrypted; old keys deleted."""
    from shomar.services.keys import rotate_keys

    report = call_service(workspace, rotate_keys)
    if json:
        emit_json(report.to_dict())
        return
    console.print(
        f"Keys rotated: {report.records:,} record(s), {report.sources:,} source contact(s) and "
        f"{report.documents:,} document(s) re-encrypted; old key ids "
        f"{', '.join(report.old_key_ids)} removed.",
        highlight=False,
    )
    if report.master_rotated:
        console.print("Back up the new master key file now (README, Security: backing up keys).")
    for note in report.notes:
        console.print(escape(note), highlight=False)


@keys_app.command("backup-recipient")
def backup_recipient(
    key: Annotated[str, typer.Argument(help="age public key (age1…) or a file of them.")],
    workspace: WorkspaceOption = None,
) -> None:
    """Set the age recipient `shomar backup` encrypts to by default."""
    from shomar.services.keys import set_backup_recipient

    text = call_service(workspace, set_backup_recipient, key)
    console.print(f"Backups will be encrypted to: {escape(text)}", highlight=False)


@keys_app.command("status")
def status(workspace: WorkspaceOption = None, json: JsonOption = False) -> None:
    """How many stored values each key id encrypts (after a rotation: only the new ones)."""
    from shomar.services.keys import key_ids_in_use

    ws = open_ws(workspace)
    try:
        counts = key_ids_in_use(ws, principal=current_principal(ws))
        active = dict(ws.keyring().active)
    finally:
        ws.close()
    if json:
        emit_json({"active": active, "values_by_key_id": counts})
        return
    for purpose, key_id in sorted(active.items()):
        console.print(f"{purpose:20} {key_id}  {counts.get(key_id, 0):,} value(s)")


@keys_app.command("find-witness")
def find_witness(
    name: Annotated[str, typer.Argument(help="Witness name (exact, after normalization).")],
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Records naming this witness, found by the blind index (nothing is decrypted)."""
    from shomar.services.keys import find_by_witness

    uids = call_service(workspace, find_by_witness, name)
    if json:
        emit_json({"records": uids})
        return
    console.print("\n".join(escape(u) for u in uids) or "No record names this witness.")


@documents_app.command("get")
def get(
    document: Annotated[str, typer.Argument(help="Document id, or a SHA-256 prefix (≥ 8 hex).")],
    out: Annotated[Path, typer.Option("--out", help="File to write the decrypted bytes to.")],
    workspace: WorkspaceOption = None,
) -> None:
    """Decrypt a raw document (checked against its recorded SHA-256) to a file."""
    from shomar.services.raw_documents import get_document

    info = call_service(workspace, get_document, document, out)
    console.print(
        f"Document {info['id']} ({escape(info['original_name'])}, {info['size']:,} bytes, "
        f"SHA-256 {info['sha256'][:12]}… verified) written to {escape(str(out))}.",
        highlight=False,
    )


@sources_app.command("contact")
def contact(
    name: Annotated[str, typer.Argument(help="Source name.")],
    set_: Annotated[
        str | None, typer.Option("--set", help="New contact details (stored encrypted).")
    ] = None,
    workspace: WorkspaceOption = None,
) -> None:
    """Show (decrypted, audited) or set a source's contact details."""
    from shomar.services.keys import set_source_contact, source_contact

    ws = open_ws(workspace)
    try:
        if set_ is not None:
            set_source_contact(ws, name, set_, principal=current_principal(ws))
            console.print(f"Contact of {escape(name)} stored (encrypted).", highlight=False)
            return
        text = source_contact(ws, name, principal=current_principal(ws))
    finally:
        ws.close()
    console.print(escape(text) or "No contact details stored.", highlight=False)


def backup_cmd(
    out: Annotated[Path, typer.Argument(help="Backup file to write (age-encrypted).")],
    recipient: Annotated[
        str | None,
        typer.Option(
            "--recipient",
            help="age public key or file of keys (default: shomar keys backup-recipient).",
        ),
    ] = None,
    include_keys: Annotated[
        bool,
        typer.Option(
            "--include-keys", help="Also put the master and checkpoint keys inside (off)."
        ),
    ] = False,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Consistent snapshot (works while others write), documents and manifest, encrypted."""
    from shomar.services.backup import backup

    report = call_service(workspace, backup, out, recipient=recipient, include_keys=include_keys)
    if json:
        emit_json(report.to_dict())
        return
    console.print(
        f"Backup written to {escape(str(out))}: {report.records:,} record row(s), "
        f"{report.documents:,} document(s), audit head {report.audit_head}; "
        + ("keys included." if report.keys_included else "no key material inside."),
        highlight=False,
    )


def restore_cmd(
    source: Annotated[Path, typer.Argument(help="Backup file (from shomar backup).")],
    identity: Annotated[Path, typer.Option("--identity", help="age identity (key) file.")],
    to: Annotated[
        Path | None,
        typer.Option("--to", help="Folder to restore into, absent or empty (default: workspace)."),
    ] = None,
    database_url: Annotated[
        str | None,
        typer.Option("--database-url", help="Empty PostgreSQL database for a PostgreSQL backup."),
    ] = None,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Restore a backup and verify it: manifest, audit chain, records, public export."""
    from shomar.config import settings
    from shomar.security.principal import Principal, Role
    from shomar.services.backup import restore

    target = to or workspace_path(workspace)
    report = restore(
        source,
        identity=identity,
        to=target,
        # no store is open yet: whoever holds the backup's age identity restores it, as the
        # owner of the new workspace
        principal=Principal(settings().actor, Role.ADMIN),
        database_url=database_url,
    )
    if json:
        emit_json(report.to_dict())
        return
    console.print(
        f"Restored into {escape(str(target))} and verified: manifest hashes match, audit chain "
        f"intact, {report.records:,} record row(s) match their attestations, public export "
        "byte-identical to the backup's.",
        highlight=False,
    )
    for note in report.notes:
        console.print(escape(note), highlight=False)


def publish_cmd(
    directory: Annotated[Path, typer.Argument(help="New folder for the public database.")],
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Build a separate public database (and data package) with only what the policy publishes."""
    from shomar.services.publish import publish

    report = call_service(workspace, publish, directory)
    if json:
        emit_json(report)
        return
    console.print(
        f"Published {report.records:,} public record(s) to {escape(report.path)} "
        f"({report.withheld:,} withheld by their tier).",
        highlight=False,
    )


def register(app: typer.Typer) -> None:
    app.add_typer(keys_app, name="keys")
    app.add_typer(sources_app, name="sources")  # `documents` is registered by documents_cmd
    app.command("backup")(backup_cmd)
    app.command("restore")(restore_cmd)
    app.command("publish")(publish_cmd)
