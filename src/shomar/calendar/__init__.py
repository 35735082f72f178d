"""Partial dates in the Jalali (Solar Hijri) and Gregorian calendars, read as intervals of days.

"Mordad 1367" is not a day but the interval 1988-07-23/1988-08-22; the Jalali year 1367 is
1988-03-21/1989-03-20. Every partial date keeps its text, calendar, precision (day, month,
season, year), qualifier (approximate, uncertain), its Gregorian first and last day, and an EDTF
interval string. Dates are compared by interval overlap and distance, never as timestamps.
Two-digit years («مرداد ۶۷») are read only with a ``century_hint`` (an event window, or
:func:`century_window` of the list's other dates), and say so in ``century_inferred``.
Pure: imports only the standard library and jdatetime.
"""

from __future__ import annotations

from shomar.calendar.interval import interval_distance_days, intervals_overlap
from shomar.calendar.jalali import format_jalali
from shomar.calendar.model import PartialDate
from shomar.calendar.parse import (
    CenturyHint,
    CenturyUnknownError,
    century_window,
    parse_partial_date,
)

__all__ = [
    "CenturyHint",
    "CenturyUnknownError",
    "PartialDate",
    "century_window",
    "format_jalali",
    "interval_distance_days",
    "intervals_overlap",
    "parse_partial_date",
]
