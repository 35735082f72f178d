"""Registers every command module on the root app. Each module owns one resource."""

from __future__ import annotations

import typer

from shomar.cli import (
    admin_cmd,
    claims_cmd,
    dates_cmd,
    demo_cmd,
    documents_cmd,
    estimate_cmd,
    jobs_cmd,
    link_cmd,
    names_cmd,
    places_cmd,
    records_cmd,
    report_cmd,
    security_cmd,
    serve_cmd,
    users_cmd,
    workspace_cmd,
)

MODULES = (
    demo_cmd,
    workspace_cmd,
    documents_cmd,
    dates_cmd,
    names_cmd,
    places_cmd,
    records_cmd,
    link_cmd,
    estimate_cmd,
    claims_cmd,
    report_cmd,
    admin_cmd,
    users_cmd,
    serve_cmd,
    security_cmd,
    jobs_cmd,
)


def register(app: typer.Typer) -> None:
    """Attach the commands of every module to ``app``."""
    for module in MODULES:
        module.register(app)
