"""The internal signal that a date is impossible; the parser turns it into DateParseError."""

from __future__ import annotations

from shomar.domain.said import Said, said


class InvalidDate(ValueError):
    """An impossible or unreadable date part: ``reason`` says why, ``example`` shows a good form."""

    def __init__(self, reason: str, example: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.example = example


def no_such_day(day: int, month: str, year: int, length: int, why: str = "") -> InvalidDate:
    """The day is not in the month (either calendar): how many days the month has, and the
    nearest day that exists as the example; ``why`` adds a reason (a Jalali leap year)."""
    return InvalidDate(
        said(
            "day %(day)s does not exist: %(month)s %(year)s has %(length)s days%(why)s",
            day=day,
            month=Said(month, {}),  # a month name the catalog translates
            year=str(year),
            length=length,
            why=why,
        ),
        f"{min(max(day, 1), length)} {month} {year}",
    )
