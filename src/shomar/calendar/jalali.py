"""Jalali (Solar Hijri) partial dates as Gregorian intervals, and writing Jalali dates.

All calendar arithmetic is jdatetime's (its leap years follow the 33-year arithmetic rule).
Seasons follow the Iranian calendar: spring = Farvardin-Khordad, summer = Tir-Shahrivar,
autumn = Mehr-Azar, winter = Dey-Esfand of the same Jalali year.
"""

from __future__ import annotations

import datetime as dt

import jdatetime

from shomar.calendar.invalid import InvalidDate, no_such_day
from shomar.calendar.names import JALALI_MONTH_NAMES, JALALI_MONTH_NAMES_FA
from shomar.domain.said import said

Span = tuple[dt.date, dt.date]

_TO_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
FORMAT_STYLES: tuple[str, ...] = ("numeric", "month_name", "persian_digits", "persian_month_name")


def _first_day(year: int, month: int) -> dt.date:
    """Gregorian date of the 1st of a Jalali month; month 13 means Farvardin of year + 1."""
    if month == 13:
        year, month = year + 1, 1
    try:
        return jdatetime.date(year, month, 1).togregorian()
    except (ValueError, OverflowError):
        raise InvalidDate(
            said("Jalali year %(year)s is outside the supported range", year=str(year)), "1367"
        ) from None


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise InvalidDate(
            said(
                "month %(month)s does not exist (months run 1-12; the order is year/month/day, "
                "or day/month/year with the year last)",
                month=month,
            ),
            "1367/05/10",
        )


def jalali_is_leap(year: int) -> bool:
    """True when Esfand of this Jalali year has 30 days."""
    _first_day(year, 1)
    return bool(jdatetime.date(year, 1, 1).isleap())


def jalali_days_in_month(year: int, month: int) -> int:
    """Number of days in a Jalali month (31, 30, or 29/30 for Esfand)."""
    _check_month(month)
    return (_first_day(year, month + 1) - _first_day(year, month)).days


def jalali_day(year: int, month: int, day: int) -> Span:
    """The single day, or InvalidDate saying how many days the month has (and why)."""
    length = jalali_days_in_month(year, month)
    if not 1 <= day <= length:
        name = JALALI_MONTH_NAMES[month - 1]
        why = ""
        if month == 12 and day == 30:
            why = said(" (%(year)s is not a leap year in the Jalali calendar)", year=str(year))
        raise no_such_day(day, name, year, length, why)
    day_date = _first_day(year, month) + dt.timedelta(days=day - 1)
    return day_date, day_date


def jalali_month(year: int, month: int) -> Span:
    """Gregorian first and last day of a Jalali month."""
    _check_month(month)
    return _first_day(year, month), _first_day(year, month + 1) - dt.timedelta(days=1)


def jalali_season(year: int, season: int) -> Span:
    """Gregorian first and last day of a Jalali season (1 spring ... 4 winter)."""
    first_month = 3 * season - 2
    return _first_day(year, first_month), _first_day(year, first_month + 3) - dt.timedelta(days=1)


def jalali_year(year: int) -> Span:
    """Gregorian first and last day of a Jalali year (1 Farvardin to the last of Esfand)."""
    return _first_day(year, 1), _first_day(year, 13) - dt.timedelta(days=1)


def format_jalali(d: dt.date, style: str = "numeric") -> str:
    """Write a Gregorian day as a Jalali date that :func:`parse_partial_date` reads back.

    Styles: ``"numeric"`` → ``1367/05/10``; ``"month_name"`` → ``10 Mordad 1367``;
    ``"persian_digits"`` → ``۱۳۶۷/۰۵/۱۰``; ``"persian_month_name"`` → ``۱۰ مرداد ۱۳۶۷``.
    """
    j = jdatetime.date.fromgregorian(date=d)
    numeric = f"{j.year:04d}/{j.month:02d}/{j.day:02d}"
    if style == "numeric":
        return numeric
    if style == "month_name":
        return f"{j.day} {JALALI_MONTH_NAMES[j.month - 1]} {j.year}"
    if style == "persian_digits":
        return numeric.translate(_TO_PERSIAN_DIGITS)
    if style == "persian_month_name":
        return f"{j.day} {JALALI_MONTH_NAMES_FA[j.month - 1]} {j.year}".translate(
            _TO_PERSIAN_DIGITS
        )
    raise ValueError(f"unknown style {style!r}; use one of {', '.join(FORMAT_STYLES)}")
