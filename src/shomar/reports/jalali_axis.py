"""A time axis in the Jalali calendar, for the Persian report.

The bars stay Gregorian calendar months (the dates are stored as Gregorian intervals); the
ticks fall on the first day of Jalali months (or of Jalali years, over long spans) and are
labelled with the Jalali month and year in Persian, so a reader sees «مرداد ۱۳۶۷», not
"1988-08".
"""

from __future__ import annotations

import math
from datetime import date

import jdatetime

from shomar.web.i18n import Locale

#: most ticks drawn on one axis
MAX_TICKS = 9


def _month_starts(first: date, last: date) -> list[jdatetime.date]:
    start = jdatetime.date.fromgregorian(date=first)
    year, month = start.year, start.month
    out: list[jdatetime.date] = []
    while True:
        day = jdatetime.date(year, month, 1)
        if day.togregorian() > last:
            return out
        if day.togregorian() >= first:
            out.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def jalali_ticks(first: date, last: date, locale: Locale) -> tuple[list[date], list[str]]:
    """Tick positions (Gregorian days) and Persian labels between ``first`` and ``last``."""
    months = _month_starts(first, last)
    if len(months) > 3 * MAX_TICKS:  # a long span: the first of Farvardin, years only
        years = [m for m in months if m.month == 1]
        step = max(1, math.ceil(len(years) / MAX_TICKS))
        chosen = years[::step]
        return [y.togregorian() for y in chosen], [locale.digits(y.year) for y in chosen]
    step = max(1, math.ceil(len(months) / MAX_TICKS))
    chosen = months[::step]
    labels = [locale.jalali(m.togregorian()).split(" ", 1)[1] for m in chosen]
    return [m.togregorian() for m in chosen], labels
