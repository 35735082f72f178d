"""`shomar dates` commands: read partial dates in the Jalali or Gregorian calendar."""

from __future__ import annotations

from enum import StrEnum

import typer
from rich.table import Table

from shomar.calendar import PartialDate, parse_partial_date
from shomar.cli.output import console, emit_json, plain

dates_app = typer.Typer(
    name="dates",
    help="Partial dates (Jalali or Gregorian) as intervals of days.",
    no_args_is_help=True,
)


class CalendarChoice(StrEnum):
    """Calendars a bare number can be read in."""

    gregorian = "gregorian"
    jalali = "jalali"


@dates_app.command("parse")
def parse(
    text: str = typer.Argument(
        ...,
        help="The date as written, e.g. '24 Aban 1398', 'مرداد ۱۳۶۷', 'circa 1988', or a range: "
        "'۱۰ تا ۱۵ مرداد ۱۳۶۷'.",
    ),
    json_output: bool = typer.Option(False, "--json", help="Print the result as JSON."),
    calendar: CalendarChoice | None = typer.Option(
        None,
        "--calendar",
        help="Calendar for dates without a month name (default: years below 1700 are Jalali).",
    ),
    century_hint: str | None = typer.Option(
        None,
        "--century-hint",
        help="A date with a four-digit year near the date (e.g. the event's: '1988', "
        "'1367', 'summer 1988'); lets a two-digit year ('مرداد ۶۷') be read, and says so.",
    ),
) -> None:
    """Show the calendar, precision, Gregorian start and end, and EDTF interval of a date."""
    default = calendar.value if calendar is not None else None
    hint = parse_partial_date(century_hint) if century_hint else None
    parsed = parse_partial_date(text, default_calendar=default, century_hint=hint)
    if json_output:
        emit_json(parsed.to_dict())
    else:
        console.print(_table(parsed))


def _table(parsed: PartialDate) -> Table:
    table = Table(show_header=False, box=None)
    table.add_column("field", style="bold")
    table.add_column("value")
    for key, value in parsed.to_dict().items():
        table.add_row(key, plain("—" if value is None else value))
    return table


def register(app: typer.Typer) -> None:
    """Attach ``shomar dates`` to the root app."""
    app.add_typer(dates_app, name="dates")
