"""`shomar names` commands: compare two names in any script."""

from __future__ import annotations

import typer
from rich.markup import escape

from shomar.cli.output import console, emit_json
from shomar.errors import InputError

names_app = typer.Typer(help="Persian and Latin names: compare and parse.", no_args_is_help=True)


@names_app.command("compare")
def compare(
    a: str = typer.Argument(..., help="First name (Persian or Latin script)."),
    b: str = typer.Argument(..., help="Second name (Persian or Latin script)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON: a, b, probability, ..."),
) -> None:
    """Match probability and decision for two names in any script."""
    from shomar.text import compare_names, detect_script

    for name in (a, b):
        if detect_script(name) == "none":
            raise InputError(
                f"{name!r} has no letters, so it cannot be compared as a name.",
                hint="Give each name in Persian or Latin script, e.g. "
                "shomar names compare محمد Mohammad",
            )
    result = compare_names(a, b)
    if as_json:
        emit_json(result.to_dict())
        return
    colour = {"match": "green", "no-match": "red"}.get(result.decision, "yellow")
    console.print(f"{a}  ~  {b}", highlight=False, markup=False)
    console.print(
        f"probability {result.probability:.3f}  [{colour}]{result.decision}[/{colour}]",
        highlight=False,
    )
    for line in result.explanation:
        console.print(f"  - {line}", highlight=False, markup=False)


@names_app.command("parse")
def parse(
    name: str = typer.Argument(..., help="A full name (Persian or Latin script)."),
    surname_first: bool = typer.Option(False, "--surname-first", help="Family name comes first."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Split a name into honorifics, given, father's and family name."""
    from shomar.text import parse_name

    parsed = parse_name(name, surname_first=surname_first)
    if as_json:
        emit_json(parsed.to_dict())
        return
    for key, value in parsed.to_dict().items():
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value) or "-"
        elif isinstance(value, bool):
            value = "yes" if value else "no"
        console.print(f"{key}: {escape(str(value))}", highlight=False)


def register(app: typer.Typer) -> None:
    """Attach the `names` sub-app to the root app."""
    app.add_typer(names_app, name="names")
