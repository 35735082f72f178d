"""`shomar places` commands: resolve place text to country, province, county, city or prison."""

from __future__ import annotations

import typer
from rich.markup import escape

from shomar.cli.output import console, emit_json

places_app = typer.Typer(help="Places in Iran and abroad: resolve free text.", no_args_is_help=True)

_FIELDS = ("country", "province", "province_iso", "county", "city", "site", "kind", "note")


@places_app.command("resolve")
def resolve(
    text: str = typer.Argument(..., help="Place text in Persian or Latin script."),
    as_json: bool = typer.Option(
        False, "--json", help="Print JSON: input, resolved, country, province, ..."
    ),
) -> None:
    """Resolve place text to country (ISO 3166 alpha-2), province / county / city or prison,
    with a confidence; below the minimum confidence it is not resolved (no guess)."""
    from shomar.errors import InputError
    from shomar.places import MIN_CONFIDENCE, resolve_place

    if not text.strip():
        raise InputError(
            "The place text is empty.",
            hint='Give a place in Persian or Latin script, e.g. shomar places resolve "Evin".',
        )
    match = resolve_place(text)
    if as_json:
        emit_json(match.to_dict())
        return
    d = match.to_dict()
    if not match.resolved:
        msg = f"{escape(text)}: no place found"
        if match.candidate:
            msg += (
                f" (closest: {escape(match.candidate)}, confidence {match.confidence:.2f},"
                f" below {MIN_CONFIDENCE})"
            )
        console.print(msg, highlight=False)
        return
    console.print(f"input: {escape(text)}", highlight=False)
    for key in (*_FIELDS, "confidence"):
        if d[key] is not None:
            console.print(f"{key}: {escape(str(d[key]))}", highlight=False)


def register(app: typer.Typer) -> None:
    """Attach the `places` sub-app to the root app."""
    app.add_typer(places_app, name="places")
