"""Workspace commands: ``init``, ``import``, ``stats``, ``simulate``, ``events``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from shomar.cli.context import (
    JsonOption,
    WorkspaceOption,
    current_principal,
    open_ws,
    workspace_path,
)
from shomar.cli.output import console, emit_json, plain, user, user_repr
from shomar.errors import ImportValidationError

events_app = typer.Typer(
    help="Events: named episodes (e.g. a protest wave) that records and claims refer to."
)


def init(
    directory: Annotated[
        Path | None, typer.Argument(help="Folder to create (default: the workspace).")
    ] = None,
    workspace: WorkspaceOption = None,
) -> None:
    """Create a workspace (SQLite store, raw documents folder) or upgrade an existing one."""
    from shomar.store.workspace import init_workspace

    path = directory or workspace_path(workspace)
    ws = init_workspace(path)
    console.print(
        f"Workspace ready at [bold]{user(path.resolve())}[/bold] ({ws.url.split('://')[0]})."
    )


def import_(
    file: Annotated[Path, typer.Argument(help="CSV, XLSX or JSON list to import.")],
    source: Annotated[
        str, typer.Option("--source", "-s", help="Who reported the list (created if new).")
    ],
    mapping: Annotated[
        Path | None, typer.Option("--mapping", help="JSON/TOML file mapping your column names.")
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            help="New source kind: ngo, media, government, opposition, family, court, un/other",
        ),
    ] = "other",
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Validate only; store nothing.")
    ] = False,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="XLSX sheet (default: the first).")
    ] = None,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Text encoding (default: detected).")
    ] = None,
    header_row: Annotated[
        int | None,
        typer.Option(
            "--header-row",
            min=1,
            help="Row holding the column names, as a spreadsheet numbers it (default: the "
            "first non-empty row); rows above it (titles) are skipped.",
        ),
    ] = None,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Import a list of records. Atomic: any problem and nothing is stored."""
    from shomar.services.imports import import_file

    ws = open_ws(workspace, create=True)
    progress = Progress(
        SpinnerColumn(),
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=json,
    )
    try:
        principal = current_principal(ws)
        with progress:
            task = progress.add_task(f"Importing {user(file.name)}", total=None)
            report = import_file(
                ws,
                file,
                source,
                mapping_path=mapping,
                dry_run=dry_run,
                sheet=sheet,
                encoding=encoding,
                header_row=header_row,
                source_kind=kind,
                principal=principal,
                progress=lambda n: progress.advance(task, n),
                pause_gc=True,  # one command, one process: the collector can pause
            )
    except ImportValidationError as exc:
        if json:
            emit_json({"ok": False, "problems": [p.to_dict() for p in exc.problems]})  # type: ignore[attr-defined]
        raise
    finally:
        ws.close()
    if json:
        emit_json({"ok": True, **report.to_dict()})
        return
    # printed only now, after the import's transaction committed (or the dry run rolled back);
    # every user text is escaped, so a header or name like "[/b]" prints as written
    verb = "Would import" if dry_run else "Imported"
    console.print(
        f"{verb} [bold]{report.records_added:,}[/bold] records from {user(report.file)} "
        f"(source {user_repr(report.source)}; {report.format.upper()}"
        + (f", sheet {user_repr(report.sheet)}" if report.sheet else "")
        + (f", {user(report.encoding)}" if report.encoding else "")
        + (f", delimiter {user_repr(report.delimiter)}" if report.delimiter else "")
        + f"; SHA-256 {report.sha256[:16]}…)."
    )
    if report.columns_ignored:
        console.print(
            "Columns kept in the raw rows only: "
            + ", ".join(user(c) for c in report.columns_ignored)
        )
    for warning in report.warnings:
        console.print(f"[yellow]Note:[/yellow] {user(warning)}")


def stats(workspace: WorkspaceOption = None, json: JsonOption = False) -> None:
    """Counts of sources, documents, records, persons, claims and events."""
    from shomar.services.stats import workspace_stats

    ws = open_ws(workspace)
    try:
        counts = workspace_stats(ws, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json(counts)
        return
    table = Table("what", "count", title="Workspace")
    for key, value in counts.items():
        table.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    console.print(table)


def simulate(
    out: Annotated[Path, typer.Option("--out", help="Folder for the synthetic lists.")],
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same files).")] = 1,
    size: Annotated[int, typer.Option("--size", min=1, help="True number of victims N.")] = 1000,
    lists: Annotated[int, typer.Option("--lists", min=2, max=16, help="Number of lists K.")] = 4,
    style: Annotated[
        str,
        typer.Option(
            "--style",
            help="Name noise preset: 'default', or 'messy' (family-first lists, shortened and "
            "colloquial names, other romanisations, two-digit years, prisons, siblings, "
            "namesakes, duplicates, missing fields).",
        ),
    ] = "default",
    noise: Annotated[
        list[str] | None,
        typer.Option(
            "--noise",
            help="Override one noise rate, KEY=RATE (repeatable), e.g. --noise siblings=0.05.",
        ),
    ] = None,
    json: JsonOption = False,
) -> None:
    """Write SYNTHETIC overlapping lists of a fictional event, with their ground truth."""
    from shomar.errors import InputError
    from shomar.simulation import SimulationSpec
    from shomar.simulation import simulate as run_simulation
    from shomar.simulation.spec import STYLE_PRESETS, Noise

    if style not in STYLE_PRESETS:
        raise InputError(
            f"Unknown simulation style {style!r}.",
            hint=f"Use one of: {', '.join(STYLE_PRESETS)}.",
        )
    rates = STYLE_PRESETS[style].to_dict()
    for item in noise or []:
        key, sep, value = item.partition("=")
        try:
            rate = float(value)
        except ValueError:
            rate = -1.0
        if not sep or key.strip() not in rates or not 0.0 <= rate <= 1.0:
            raise InputError(
                f"--noise {item!r} is not KEY=RATE with a known key and a rate from 0 to 1.",
                hint=f"Known keys: {', '.join(sorted(rates))}.",
            )
        rates[key.strip()] = rate
    spec = SimulationSpec(seed=seed, size=size, lists=lists, noise=Noise.from_dict(rates))
    with Progress(console=console, transient=True, disable=json) as progress:
        task = progress.add_task("Simulating", total=size)
        result = run_simulation(out, spec, progress=lambda n: progress.advance(task, n))
    if json:
        emit_json(result.to_dict())
        return
    console.print(
        f"Wrote {result.records:,} SYNTHETIC records of {result.observed_persons:,} of "
        f"{result.true_n:,} fictional victims in {lists} lists to {out}/ "
        f"(ground truth: {result.truth_file.name})."
    )


@events_app.command("add")
def events_add(
    name: Annotated[str, typer.Argument(help="Event name, e.g. 'November 2019 protests'.")],
    name_fa: Annotated[str, typer.Option("--name-fa", help="Persian name.")] = "",
    start: Annotated[str | None, typer.Option("--start", help="First day (any calendar).")] = None,
    end: Annotated[str | None, typer.Option("--end", help="Last day (any calendar).")] = None,
    area: Annotated[str, typer.Option("--area", help="Where it happened.")] = "",
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Define an event; records whose `event` column names it are attached to it."""
    from shomar.services.events import add_event

    ws = open_ws(workspace, create=True)
    try:
        info = add_event(
            ws,
            name,
            name_fa=name_fa,
            start=start,
            end=end,
            area=area,
            principal=current_principal(ws),
        )
    finally:
        ws.close()
    if json:
        emit_json(info)
        return
    records = f"{info.records:,}" if isinstance(info.records, int) else str(info.records)
    console.print(f"Event [bold]{user(info.name)}[/bold] defined ({records} records attached).")


@events_app.command("list")
def events_list(workspace: WorkspaceOption = None, json: JsonOption = False) -> None:
    """List the events."""
    from shomar.services.events import list_events

    ws = open_ws(workspace)
    try:
        events = list_events(ws, principal=current_principal(ws))
    finally:
        ws.close()
    if json:
        emit_json(events)
        return
    table = Table("name", "Persian", "from", "to", "records", title="Events")
    for e in events:
        records = f"{e.records:,}" if isinstance(e.records, int) else str(e.records)
        table.add_row(
            plain(e.name), plain(e.name_fa), str(e.start or ""), str(e.end or ""), records
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("import")(import_)
    app.command("stats")(stats)
    app.command("simulate")(simulate)
    app.add_typer(events_app, name="events")
