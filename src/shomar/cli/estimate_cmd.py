"""`shomar estimate`: population size from a capture table by log-linear, LCMCR and dga MSE.

``shomar estimate TABLE.csv --method …`` runs on a capture-table file (the group's default
command); ``shomar estimate run --event NAME`` (workspace estimate runs) is added to the same
group by the workspace integration.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from shomar.cli.groups import DefaultCommandGroup
from shomar.cli.output import console, emit_json
from shomar.errors import EstimationError
from shomar.estimation.capture import CaptureTable, read_capture_table
from shomar.estimation.compare import add_disagreement_warning, label
from shomar.estimation.result import EstimateResult

estimate_app = typer.Typer(
    name="estimate",
    cls=DefaultCommandGroup,
    help=(
        "Estimate the number of victims from overlapping lists (multiple systems estimation).\n\n"
        "shomar estimate TABLE.csv [--method loglinear|lcmcr|dga|all] [--max-order K] "
        "[--bootstrap B] [--seed N] [--json]\n\n"
        "See `shomar estimate TABLE.csv --help` for the options."
    ),
    no_args_is_help=True,
)


class Method(StrEnum):
    """Estimation methods of ``--method``."""

    loglinear = "loglinear"
    lcmcr = "lcmcr"
    dga = "dga"
    all = "all"


METHODS = (Method.loglinear, Method.lcmcr, Method.dga)


@estimate_app.command("default", hidden=True)
def estimate_table(
    table: Path = typer.Argument(
        ...,
        help="Capture table CSV: one 0/1 column per list, then `count`.",
        metavar="TABLE.csv",
    ),
    method: Method = typer.Option(Method.loglinear, "--method", help="Estimation method."),
    max_order: int | None = typer.Option(
        None,
        "--max-order",
        min=1,
        help="Log-linear: highest interaction order searched (default: 1 for 2 lists, 2 for 3, "
        "3 for 4-5; 1 = main effects only).",
    ),
    bootstrap: int = typer.Option(
        0,
        "--bootstrap",
        min=0,
        help="Log-linear: BCa bootstrap replicates repeating the model selection (0 = "
        "model-conditional interval).",
    ),
    seed: int | None = typer.Option(None, "--seed", help="Random seed (same seed, same answer)."),
    json_output: bool = typer.Option(False, "--json", help="Print the result(s) as JSON."),
) -> None:
    """Estimate N from a capture table with one method or all of them."""
    capture = read_capture_table(table)
    methods = list(METHODS) if method == Method.all else [method]
    results: list[EstimateResult] = []
    skipped: list[str] = []
    for m in methods:
        try:
            results.append(
                run_method(m, capture, max_order=max_order, bootstrap=bootstrap, seed=seed)
            )
        except EstimationError as exc:
            if method != Method.all:
                raise
            skipped.append(f"{m.value} skipped: {exc.message}")
    if not results:
        raise EstimationError("No method can run on this table:\n" + "\n".join(skipped))
    for result in results:
        result.warnings.extend(skipped)
    if method == Method.all:
        add_disagreement_warning(results)
    if json_output:
        emit_json(results[0].to_dict() if method != Method.all else [r.to_dict() for r in results])
        return
    console.print(results_table(capture, results, table.name))
    for line in _warning_lines(results):
        console.print(line, highlight=False)


def run_method(
    method: Method,
    table: CaptureTable,
    *,
    max_order: int | None = None,
    bootstrap: int = 0,
    seed: int | None = None,
) -> EstimateResult:
    """Run one method on ``table`` (LCMCR and dga are imported only when asked for)."""
    if method == Method.loglinear:
        from shomar.estimation.loglinear import estimate_loglinear

        return estimate_loglinear(table, max_order=max_order, bootstrap=bootstrap, seed=seed)
    if method == Method.lcmcr:
        try:
            from shomar.estimation.lcmcr import estimate_lcmcr
        except ImportError as exc:
            raise _unavailable("lcmcr") from exc
        return estimate_lcmcr(table, seed=seed)
    if method == Method.dga:
        try:
            from shomar.estimation.dga import estimate_dga
        except ImportError as exc:
            raise _unavailable("dga") from exc
        return estimate_dga(table, seed=seed)
    raise EstimationError(f"unknown method {method!r}")


def _unavailable(name: str) -> EstimationError:
    return EstimationError(
        f"method {name!r} is not available in this installation",
        hint="Use --method loglinear, or update Shomar.",
    )


def results_table(capture: CaptureTable, results: list[EstimateResult], title: str) -> Table:
    """A Rich table: method, estimate, interval, interval type, model."""
    grid = Table(
        title=f"{title}: {capture.observed:,} recorded on {capture.n_lists} lists",
        title_justify="left",
    )
    grid.add_column("method", style="bold")
    grid.add_column("estimate", justify="right")
    grid.add_column("interval", justify="right")
    grid.add_column("type")
    grid.add_column("model")
    for r in results:
        grid.add_row(
            label(r),
            f"{r.estimate:,.0f}",
            f"{_fmt(r.interval[0])} – {_fmt(r.interval[1])} ({r.level:.0%})",
            r.interval_type,
            _model_text(r),
        )
    return grid


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == value and abs(value) != float("inf") else str(value)


def _model_text(result: EstimateResult) -> str:
    name = result.diagnostics.get("model_name")
    if name:
        return str(name)
    return ", ".join(result.model) if result.model else ""


def _warning_lines(results: list[EstimateResult]) -> list[str]:
    seen: dict[str, list[str]] = {}
    for r in results:
        for w in r.warnings:
            seen.setdefault(w, []).append(label(r))
    lines = []
    if seen:
        lines.append("[bold yellow]Warnings[/bold yellow]")
    for text, who in seen.items():
        prefix = "" if len(who) == len(results) else f"({', '.join(who)}) "
        lines.append(f"• {prefix}{_escape(text)}")
    return lines


def _escape(text: str) -> str:
    return text.replace("[", "\\[")


@estimate_app.command("run")
def estimate_run(
    event: str = typer.Option(..., "--event", help="Event whose persons are counted."),
    by: str | None = typer.Option(
        None, "--by", help="Stratify by province, sex or violation (strata combined from draws)."
    ),
    method: Method = typer.Option(Method.all, "--method", help="Estimation method."),
    counted: str = typer.Option("killed", "--counted", help="Counted category (killed, ...)."),
    seed: int | None = typer.Option(None, "--seed", help="Random seed (same seed, same answer)."),
    linkages: int = typer.Option(
        0, "--linkages", min=0, help="Also pool over N plausible linkages (linkage uncertainty)."
    ),
    workspace: Path | None = typer.Option(None, "--workspace", "-w", help="Workspace folder."),
    json_output: bool = typer.Option(False, "--json", help="Print the stored runs as JSON."),
) -> None:
    """Estimate an event's total from the workspace's persons and store the runs."""
    from shomar.cli.context import current_principal, open_ws
    from shomar.services.estimation import run_event_estimates

    methods = [m.value for m in METHODS] if method == Method.all else [method.value]
    ws = open_ws(workspace)
    try:
        stored = run_event_estimates(
            ws,
            event,
            methods=methods,
            by=by,
            counted=counted,
            seed=seed,
            principal=current_principal(ws),
            linkages=linkages,
        )
    finally:
        ws.close()
    if json_output:
        emit_json([{**s.result, "run_id": s.run_id, "stratum": s.stratum} for s in stored])
        return
    table = Table("run", "method", "stratum", "observed", "estimate", "interval", title=event)
    for s in stored:
        lo_hi = [
            v if v is not None else float("nan") for v in s.result.get("interval") or [None, None]
        ]
        table.add_row(
            str(s.run_id),
            s.method,
            s.stratum or "all",
            f"{s.result.get('observed', 0):,}",
            _fmt(float(s.result.get("estimate", float("nan")))),
            f"{_fmt(float(lo_hi[0]))} – {_fmt(float(lo_hi[1]))}",
        )
    console.print(table)
    seen: set[str] = set()
    for s in stored:
        for warning in s.result.get("warnings", []):
            if warning not in seen:
                seen.add(warning)
                console.print(f"[yellow]•[/yellow] {_escape(warning)}", highlight=False)


def register(app: typer.Typer) -> None:
    """Attach ``shomar estimate`` to the root app."""
    app.add_typer(estimate_app, name="estimate")
