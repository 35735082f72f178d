"""The partial date: a text read as a Gregorian interval, with its calendar and precision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

CALENDARS: tuple[str, ...] = ("gregorian", "jalali")
PRECISIONS: tuple[str, ...] = ("day", "month", "season", "year")
QUALIFIERS: tuple[str | None, ...] = (None, "approximate", "uncertain")


@dataclass(frozen=True)
class PartialDate:
    """A date as reported, read as the interval of Gregorian days it can mean.

    ``start`` and ``end`` are both inclusive. ``edtf`` is always an EDTF interval of days
    (``"1988-07-23/1988-08-22"``, a single day as ``"1988-07-29/1988-07-29"``), with the EDTF
    level-1 qualifier ``~`` (approximate) or ``?`` (uncertain) on both ends when there is one.
    """

    text: str
    calendar: str
    precision: str
    qualifier: str | None
    start: dt.date
    end: dt.date
    edtf: str
    #: set when a two-digit year's century was inferred from a hint: says how, e.g.
    #: "two-digit year 67 read as 1367 (Jalali) from the hint 1988-01-01/1988-12-31"
    century_inferred: str | None = None

    def __post_init__(self) -> None:
        if self.calendar not in CALENDARS:
            raise ValueError(f"calendar must be one of {CALENDARS}, not {self.calendar!r}")
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, not {self.precision!r}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"qualifier must be one of {QUALIFIERS}, not {self.qualifier!r}")
        if self.start > self.end:
            raise ValueError(f"start {self.start} is after end {self.end}")

    @property
    def days(self) -> int:
        """Number of days in the interval (1 for a single day)."""
        return (self.end - self.start).days + 1

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; keys: input, calendar, precision, qualifier, start, end, edtf, and
        ``century_inferred`` only when a two-digit year's century was inferred."""
        out: dict[str, Any] = {
            "input": self.text,
            "calendar": self.calendar,
            "precision": self.precision,
            "qualifier": self.qualifier,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "edtf": self.edtf,
        }
        if self.century_inferred is not None:
            out["century_inferred"] = self.century_inferred
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PartialDate:
        """Rebuild a partial date from :meth:`to_dict` output."""
        return cls(
            text=data["input"],
            calendar=data["calendar"],
            precision=data["precision"],
            qualifier=data["qualifier"],
            start=dt.date.fromisoformat(data["start"]),
            end=dt.date.fromisoformat(data["end"]),
            edtf=data["edtf"],
            century_inferred=data.get("century_inferred"),
        )
