"""EDTF (ISO 8601-2, Extended Date/Time Format) interval strings for partial dates."""

from __future__ import annotations

import datetime as dt

_QUALIFIER_MARKS: dict[str | None, str] = {None: "", "approximate": "~", "uncertain": "?"}


def edtf_interval(start: dt.date, end: dt.date, qualifier: str | None = None) -> str:
    """Return ``"START/END"`` in days, each end carrying the EDTF level-1 qualifier mark.

    >>> edtf_interval(dt.date(1988, 7, 23), dt.date(1988, 8, 22))
    '1988-07-23/1988-08-22'
    >>> edtf_interval(dt.date(1988, 1, 1), dt.date(1988, 12, 31), "approximate")
    '1988-01-01~/1988-12-31~'
    """
    mark = _QUALIFIER_MARKS[qualifier]
    return f"{start.isoformat()}{mark}/{end.isoformat()}{mark}"
