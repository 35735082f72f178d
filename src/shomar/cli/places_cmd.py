"""`shomar places` commands: resolve place text to province, county and city."""

from __future__ import annotations

import typer

from shomar.cli.output import console, emit_json

places_app = typer.Typer(help="Places in Iran: resolve free text.", no_args_is_help=True)


@places_app.command("resolve")
def resolve(
    text: str = typer.Argument(..., help="Place text in Persian or Latin script."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON: input, province, ..."),
) -> None:
    """Resolve place text to province / county / city with a confidence."""
    from shomar.places import resolve_place

    match = resolve_place(text)
    if as_json:
        emit_json(match.to_dict())
        return
    if match.province is None:
        console.print(f"{text}: no place found", highlight=False, markup=False)
        return
    for key in ("province", "province_iso", "county", "city", "confidence"):
        console.print(f"{key}: {match.to_dict()[key]}", highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    """Attach the `places` sub-app to the root app."""
    app.add_typer(places_app, name="places")
