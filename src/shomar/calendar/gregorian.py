"""Gregorian partial dates as intervals of days.

Seasons are the northern-hemisphere *meteorological* seasons: spring = March-May,
summer = June-August, autumn = September-November, and winter Y = December of Y-1 through
February of Y (the convention of national weather services, e.g. "winter 2023" = Dec 2022-Feb 2023).
"""

from __future__ import annotations

import calendar
import datetime as dt

from shomar.calendar.invalid import InvalidDate, no_such_day
from shomar.calendar.names import GREGORIAN_MONTH_NAMES
from shomar.domain.said import said

Span = tuple[dt.date, dt.date]


def _check_year(year: int) -> None:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise InvalidDate(
            said(
                "year %(year)s is outside %(low)s-%(high)s",
                year=str(year),
                low=str(dt.MINYEAR),
                high=str(dt.MAXYEAR),
            ),
            "1988",
        )


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise InvalidDate(
            said(
                "month %(month)s does not exist (months run 1-12; with the year last, the order "
                "is day/month/year)",
                month=month,
            ),
            "29/07/1988",
        )


def gregorian_days_in_month(year: int, month: int) -> int:
    """Number of days in a Gregorian month."""
    _check_year(year)
    _check_month(month)
    return calendar.monthrange(year, month)[1]


def gregorian_day(year: int, month: int, day: int) -> Span:
    """The single day, or InvalidDate naming how many days the month has."""
    length = gregorian_days_in_month(year, month)
    if not 1 <= day <= length:
        name = GREGORIAN_MONTH_NAMES[month - 1]
        raise no_such_day(day, name, year, length)
    day_date = dt.date(year, month, day)
    return day_date, day_date


def gregorian_month(year: int, month: int) -> Span:
    """First and last day of a Gregorian month."""
    length = gregorian_days_in_month(year, month)
    return dt.date(year, month, 1), dt.date(year, month, length)


def gregorian_season(year: int, season: int) -> Span:
    """First and last day of a meteorological season (1 spring ... 4 winter) of ``year``."""
    _check_year(year)
    if season == 4:
        if year == dt.MINYEAR:
            raise InvalidDate(f"winter {year} starts before year {dt.MINYEAR}", "winter 1988")
        return dt.date(year - 1, 12, 1), gregorian_month(year, 2)[1]
    first_month = 3 * season  # spring 3, summer 6, autumn 9
    return dt.date(year, first_month, 1), gregorian_month(year, first_month + 2)[1]


def gregorian_year(year: int) -> Span:
    """1 January to 31 December of ``year``."""
    _check_year(year)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
