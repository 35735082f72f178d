"""`shomar report`: the workspace's HTML (and PDF) report."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from shomar.cli.context import (
    JsonOption,
    WorkspaceOption,
    current_principal,
    open_ws,
    workspace_path,
)
from shomar.cli.output import console, emit_json


class ReportLanguage(StrEnum):
    en = "en"
    fa = "fa"


def report(
    out: Annotated[
        Path | None,
        typer.Option("--out", help="HTML file to write (default: WORKSPACE/report.html)."),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also print a PDF with headless Chromium.")
    ] = False,
    lang: Annotated[
        ReportLanguage,
        typer.Option(
            "--lang",
            help="Language of the report: en (English) or fa (Persian: right-to-left, "
            "Persian digits, Jalali dates).",
        ),
    ] = ReportLanguage.en,
    workspace: WorkspaceOption = None,
    json: JsonOption = False,
) -> None:
    """Write one self-contained HTML report: sources, overlap, dates, linkage, estimates, claims."""
    from shomar.services.report import write_workspace_report

    target = out or workspace_path(workspace) / "report.html"
    ws = open_ws(workspace)
    try:
        path = write_workspace_report(
            ws, target, principal=current_principal(ws), pdf=pdf, lang=lang.value
        )
    finally:
        ws.close()
    if json:
        emit_json(
            {
                "report": str(path),
                "pdf": str(path.with_suffix(".pdf")) if pdf else None,
                "lang": lang.value,
            }
        )
        return
    console.print(f"Report written to [bold]{path}[/bold]" + (" (and PDF)" if pdf else ""))


def register(app: typer.Typer) -> None:
    app.command("report")(report)
