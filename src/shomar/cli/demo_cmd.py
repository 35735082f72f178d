"""`shomar demo`: the main job on the bundled synthetic sample."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from shomar.cli.context import JsonOption
from shomar.cli.output import console, emit_json


def demo(
    directory: Annotated[
        Path, typer.Option("--dir", help="Folder to build the demo workspace in.")
    ] = Path("shomar-demo"),
    json: JsonOption = False,
) -> None:
    """Simulate SYNTHETIC lists, import, link, estimate, compare claims and write report.html."""
    from shomar.security.principal import Principal, Role
    from shomar.services.demo import run_demo

    with console.status("Starting the demo…", spinner="dots") as status:
        summary = run_demo(
            directory,
            stage=lambda name: status.update(f"Demo: {name}…"),
            principal=Principal("demo", Role.ADMIN),
        )
    if json:
        emit_json(summary.to_dict())
        return
    table = Table(
        title="Shomar demo (SYNTHETIC data: fictional persons and event)", show_header=False
    )
    table.add_row("workspace", str(directory.resolve()))
    table.add_row("true N (known only because simulated)", f"{summary.true_n:,}")
    table.add_row("sources / records", f"{summary.sources} / {summary.records:,}")
    if summary.persons is not None:
        table.add_row("persons found (documented)", f"{summary.persons:,}")
        table.add_row("pairs in the review queue", f"{summary.review_queue or 0:,}")
    for est in summary.estimates:
        lo, hi = est["interval"]
        table.add_row(
            f"estimate: {est['method']}", f"{est['estimate']:,.0f}  (95% {lo:,.0f}–{hi:,.0f})"
        )
    table.add_row("claims in the ledger", str(summary.claims))
    table.add_row("report", str(summary.report))
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in summary.stage_seconds.items())
    table.add_row("wall time", f"{summary.wall_seconds:.1f} s  ({stages})")
    console.print(table)
    for note in summary.notes:
        console.print(f"[yellow]Note:[/yellow] {note}")
    console.print(
        "Estimates that miss the true N show what heterogeneous, dependent lists do to MSE: "
        "compare the methods and read their warnings. Open the report in a browser; every "
        "number in it says where it came from."
    )


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
