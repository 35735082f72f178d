"""`shomar estimate`: population size from a capture table by log-linear, LCMCR and dga MSE.

``shomar estimate TABLE.csv --method …`` runs on a capture-table file (the group's default
command); ``shomar estimate run --event NAME`` (workspace estimate runs) is added to the same
group by the workspace integration.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import numpy as np
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
    twoclass = "twoclass"
    all = "all"


METHODS = (Method.loglinear, Method.lcmcr, Method.dga)

ChainsOption = typer.Option(None, "--chains", min=1, help="LCMCR: number of chains (default 4).")
IterationsOption = typer.Option(
    None,
    "--iterations",
    min=1,
    help="LCMCR: iterations per chain after burn-in (default 100,000 = 1,000 draws x thin 100).",
)
BurnInOption = typer.Option(
    None, "--burn-in", min=0, help="LCMCR: iterations discarded per chain (default 10,000)."
)
ThinOption = typer.Option(None, "--thin", min=1, help="LCMCR: keep one draw every N (default 100).")
ExtendOption = typer.Option(
    True,
    "--extend/--no-extend",
    help="LCMCR: continue the chains (at most 3 times as many draws again) until R-hat <= 1.01 "
    "and bulk ESS >= 400 for N.",
)


def mcmc_options(
    chains: int | None, iterations: int | None, burn_in: int | None, thin: int | None, extend: bool
) -> dict[str, Any]:
    """LCMCR keyword arguments from the convergence options (only those given)."""
    out: dict[str, Any] = {"extend": extend}
    if chains is not None:
        out["chains"] = chains
    if burn_in is not None:
        out["burnin"] = burn_in
    step = thin if thin is not None else 100
    if thin is not None:
        out["thinning"] = thin
    if iterations is not None:
        if iterations < step:
            raise EstimationError(
                f"--iterations {iterations} is fewer than one draw at --thin {step}",
                hint="Give at least as many iterations as the thinning interval.",
            )
        out["samples"] = iterations // step
    return out


@estimate_app.command("default", hidden=True)
def estimate_table(
    table: Path = typer.Argument(
        ...,
        help="Capture table CSV: one 0/1 column per list, then `count` (with --by: stratum "
        "columns before `count`, as the shared *_by_*.csv tables).",
        metavar="TABLE.csv",
    ),
    method: Method = typer.Option(Method.loglinear, "--method", help="Estimation method."),
    by: list[str] = typer.Option(
        [],
        "--by",
        help="Stratum column(s): estimate per stratum and combine (repeat for several).",
    ),
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
    two_class: bool = typer.Option(
        False,
        "--two-class",
        help="Also fit a two-class latent model (EM) and give its profile-likelihood "
        "interval for N (says when the data cannot rule out a large hidden group).",
    ),
    sensitivity: bool = typer.Option(
        True,
        "--sensitivity/--no-sensitivity",
        help="LCMCR: re-run with alpha ~ Gamma(10,1), K = 2 and K = 30 beside the default "
        "(log-linear sensitivity to the highest-order interaction is always given).",
    ),
    chains: int | None = ChainsOption,
    iterations: int | None = IterationsOption,
    burn_in: int | None = BurnInOption,
    thin: int | None = ThinOption,
    extend: bool = ExtendOption,
    seed: int | None = typer.Option(None, "--seed", help="Random seed (same seed, same answer)."),
    json_output: bool = typer.Option(False, "--json", help="Print the result(s) as JSON."),
) -> None:
    """Estimate N from a capture table with one method or all of them."""
    lcmcr = {**mcmc_options(chains, iterations, burn_in, thin, extend), "sensitivity": sensitivity}
    methods: list[Method] = list(METHODS) if method == Method.all else [method]
    if two_class and Method.twoclass not in methods:
        methods.append(Method.twoclass)
    if by:
        _estimate_strata(table, by, methods, method, max_order, bootstrap, seed, lcmcr, json_output)
        return
    capture = read_capture_table(table)
    results: list[EstimateResult] = []
    skipped: list[str] = []
    for m in methods:
        try:
            results.append(
                run_method(
                    m, capture, max_order=max_order, bootstrap=bootstrap, seed=seed, lcmcr=lcmcr
                )
            )
        except EstimationError as exc:
            if len(methods) == 1:
                raise
            skipped.append(f"{m.value} skipped: {exc.message}")
    if not results:
        raise EstimationError("No method can run on this table:\n" + "\n".join(skipped))
    for result in results:
        result.warnings.extend(skipped)
    if method == Method.all:
        add_disagreement_warning([r for r in results if r.method != "twoclass"])
    if json_output:
        emit_json(results[0].to_dict() if len(methods) == 1 else [r.to_dict() for r in results])
        return
    console.print(results_table(capture, results, table.name))
    for item in sensitivity_tables(results):
        console.print(item, highlight=False)
    for line in _warning_lines(results):
        console.print(line, highlight=False)


def _estimate_strata(
    path: Path,
    by: list[str],
    methods: list[Method],
    method: Method,
    max_order: int | None,
    bootstrap: int,
    seed: int | None,
    lcmcr: dict[str, Any],
    json_output: bool,
) -> None:
    """``--by``: every method per stratum, combined from draws; unestimable strata skipped."""
    from shomar.estimation.strata import (
        SkippedStratum,
        combine_strata,
        read_stratified_table,
        unestimable_reason,
    )

    stratified = read_stratified_table(path, by)
    out: list[dict[str, Any]] = []
    shown: list[tuple[str, list[EstimateResult]]] = []
    combined_all: list[EstimateResult] = []
    for m in methods:
        per: dict[str, EstimateResult] = {}
        skipped: list[SkippedStratum] = []
        for stratum, capture in stratified.strata.items():
            reason = unestimable_reason(capture)
            if reason is None:
                try:
                    per[stratum] = run_method(
                        m, capture, max_order=max_order, bootstrap=bootstrap, seed=seed,
                        lcmcr=lcmcr,
                    )  # fmt: skip
                    continue
                except EstimationError as exc:
                    reason = exc.message
                except (ValueError, ArithmeticError, np.linalg.LinAlgError) as exc:
                    reason = f"the fit failed ({type(exc).__name__}: {exc})"
            skipped.append(SkippedStratum(stratum, capture.observed, reason))
        if not per:
            if len(methods) == 1:
                raise EstimationError(
                    f"{m.value}: no stratum of {path.name} can be estimated: "
                    + "; ".join(f"{s.stratum}: {s.reason}" for s in skipped)
                )
            continue
        combined = combine_strata(m.value, per, skipped)
        combined_all.append(combined)
        out.append(
            {
                **combined.to_dict(),
                "stratum": "all",
                "by": list(by),
                "strata": {s: r.to_dict() for s, r in per.items()},
                "skipped_strata": [s.to_dict() for s in skipped],
            }
        )
        shown.append((m.value, [*per.values(), combined]))
    if not out:
        raise EstimationError(f"No method can estimate any stratum of {path.name}.")
    if method == Method.all:
        add_disagreement_warning([r for r in combined_all if r.method != "twoclass"])
        for item, result in zip(out, combined_all, strict=True):
            item["warnings"] = list(result.warnings)
    if json_output:
        emit_json(out[0] if len(methods) == 1 else out)
        return
    grid = Table(
        title=f"{path.name}: {stratified.observed:,} recorded on {len(stratified.lists)} lists, "
        f"by {', '.join(by)}",
        title_justify="left",
    )
    for name in ("method", "stratum", "observed", "estimate", "interval", "type"):
        grid.add_column(name, justify="right" if name in ("observed", "estimate") else "left")
    for (name, rows), item in zip(shown, out, strict=True):
        strata = [*item["strata"], "all (combined)"]
        for stratum, r in zip(strata, rows, strict=True):
            grid.add_row(
                name,
                _escape(stratum),
                f"{r.observed:,}",
                f"{r.estimate:,.0f}",
                f"{_fmt(r.interval[0])} – {_fmt(r.interval[1])} ({r.level:.0%})",
                r.interval_type,
            )
        for s in item["skipped_strata"]:
            grid.add_row(
                name, _escape(s["stratum"]), f"{s['observed']:,}", "skipped", "", s["reason"]
            )
    console.print(grid)
    for line in _warning_lines(combined_all):
        console.print(line, highlight=False)


def run_method(
    method: Method,
    table: CaptureTable,
    *,
    max_order: int | None = None,
    bootstrap: int = 0,
    seed: int | None = None,
    lcmcr: dict[str, Any] | None = None,
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
        return estimate_lcmcr(table, seed=seed, **(lcmcr or {}))
    if method == Method.dga:
        try:
            from shomar.estimation.dga import estimate_dga
        except ImportError as exc:
            raise _unavailable("dga") from exc
        return estimate_dga(table, seed=seed)
    if method == Method.twoclass:
        from shomar.estimation.twoclass import estimate_twoclass

        return estimate_twoclass(table, seed=seed)
    raise EstimationError(f"unknown method {method!r}")


def sensitivity_tables(results: list[EstimateResult]) -> list[Table | str]:
    """Per result with a sensitivity analysis: a small table, then its sentence."""
    out: list[Table | str] = []
    for r in results:
        sens = r.sensitivity
        if not sens:
            continue
        if "curve" in sens:
            n_lists = len(r.diagnostics.get("list_numbers", {})) or "J"
            grid = Table(
                title=f"{label(r)}: sensitivity to the {n_lists}-list interaction among the "
                "unseen (the estimate assumes exp(xi) = 1)",
                title_justify="left",
            )
            grid.add_column("exp(xi)")
            points = sens["curve"]
            for point in points:
                grid.add_column(f"{point['exp_xi']:.2f}", justify="right")
            grid.add_row("N", *(f"{p['estimate']:,.0f}" for p in points))
        else:
            grid = Table(
                title=f"{label(r)}: sensitivity to the prior on alpha and the number of classes K",
                title_justify="left",
            )
            grid.add_column("setting")
            grid.add_column("estimate", justify="right")
            grid.add_column("interval", justify="right")
            grid.add_row(
                "default", f"{r.estimate:,.0f}", f"{_fmt(r.interval[0])} – {_fmt(r.interval[1])}"
            )
            for alt in sens.get("alternatives", []):
                lo, hi = alt["interval"]
                grid.add_row(
                    _escape(alt["setting"]) + (" (disagrees)" if alt["disagrees"] else ""),
                    f"{alt['estimate']:,.0f}",
                    f"{_fmt(lo)} – {_fmt(hi)}",
                )
        out.append(grid)
        out.append(_escape(str(sens.get("text", ""))))
    return out


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
    chains: int | None = ChainsOption,
    iterations: int | None = IterationsOption,
    burn_in: int | None = BurnInOption,
    thin: int | None = ThinOption,
    extend: bool = ExtendOption,
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
            options={
                "lcmcr": {
                    **mcmc_options(chains, iterations, burn_in, thin, extend),
                    "sensitivity": True,
                }
            },
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
            _escape(s.stratum or "all"),
            f"{s.result.get('observed', 0):,}",
            _fmt(float(s.result.get("estimate", float("nan")))),
            f"{_fmt(float(lo_hi[0]))} – {_fmt(float(lo_hi[1]))}",
        )
    console.print(table)
    for s in stored:
        sens = s.result.get("sensitivity")
        if sens and not s.stratum:
            console.print(
                f"[bold]{s.method} sensitivity[/bold]: {_escape(str(sens.get('text', '')))}",
                highlight=False,
            )
    seen: set[str] = set()
    for s in stored:
        for warning in s.result.get("warnings", []):
            if warning not in seen:
                seen.add(warning)
                console.print(f"[yellow]•[/yellow] {_escape(warning)}", highlight=False)


def register(app: typer.Typer) -> None:
    """Attach ``shomar estimate`` to the root app."""
    app.add_typer(estimate_app, name="estimate")
