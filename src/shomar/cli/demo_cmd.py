"""`shomar demo`: the main job on the bundled synthetic sample."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
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
    table.add_row("simulated persons, all violation types", f"{summary.true_n:,}")
    truth = summary.truth
    if truth:
        table.add_row(
            f"true N, {truth['counted']} (known only because simulated)",
            f"{truth['true_total']:,}  (from {truth['source']})",
        )
        table.add_row(
            f"true observed, {truth['counted']} (on at least one list)",
            f"{truth['true_observed']:,}  ({truth['true_unobserved']:,} never recorded)",
        )
    table.add_row("sources / records", f"{summary.sources} / {summary.records:,}")
    if summary.persons is not None:
        table.add_row("persons found (documented)", f"{summary.persons:,}")
        table.add_row("pairs in the review queue", f"{summary.review_queue or 0:,}")
    for est in summary.estimates:
        lo, hi = est["interval"]
        covered = est.get("covers_truth")
        verdict = "" if covered is None else ("  covers true N" if covered else "  MISSES true N")
        table.add_row(
            f"estimate: {est['method']}",
            f"{est['estimate']:,.0f}  (95% {_end(lo)}–{_end(hi)}){verdict}",
        )
    table.add_row("claims in the ledger", str(summary.claims))
    table.add_row("report", str(summary.report))
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in summary.stage_seconds.items())
    table.add_row("wall time", f"{summary.wall_seconds:.1f} s  ({stages})")
    console.print(table)
    for note in summary.notes:
        console.print(f"[yellow]Note:[/yellow] {note}")
    if summary.accounts:
        accounts = Table(title="Sign in to the web app (synthetic accounts; passwords shown once)")
        accounts.add_column("user")
        accounts.add_column("role")
        accounts.add_column("password")
        for account in summary.accounts:
            accounts.add_row(account["name"], account["role"], account["password"])
        console.print(accounts)
        console.print(
            f"Serve it: [bold]shomar serve -w {escape(str(directory))}[/bold], then open "
            "http://127.0.0.1:8000/ . Admins and analysts set up a second factor (any TOTP "
            "app) at their first sign-in; for a quick local look without one, start the server "
            "with SHOMAR_SECOND_FACTOR_ROLES= (empty)."
        )
    console.print(
        "Estimates that miss the true N show what heterogeneous, dependent lists do to MSE: "
        "compare the methods and read their warnings. Open the report in a browser; every "
        "number in it says where it came from."
    )


def _end(value: float | None) -> str:
    return "unbounded" if value is None else f"{value:,.0f}"


def register(app: typer.Typer) -> None:
    app.command("demo")(demo)
