"""Interval comparison, Jalali leap years and writing Jalali dates."""

from __future__ import annotations

import datetime as dt

import pytest

from shomar.calendar import (
    format_jalali,
    interval_distance_days,
    intervals_overlap,
    parse_partial_date,
)
from shomar.calendar.jalali import jalali_days_in_month, jalali_is_leap


def test_overlap_and_distance() -> None:
    mordad = parse_partial_date("Mordad 1367")
    year_1988 = parse_partial_date("1988")
    tir = parse_partial_date("Tir 1367")
    july_29 = parse_partial_date("29 July 1988")
    july_30 = parse_partial_date("30 July 1988")
    shahrivar = parse_partial_date("Shahrivar 1367")
    assert intervals_overlap(mordad, year_1988)
    assert interval_distance_days(mordad, year_1988) == 0
    assert not intervals_overlap(tir, shahrivar)
    assert interval_distance_days(tir, shahrivar) == 32  # Mordad (31 days) lies between
    assert interval_distance_days(shahrivar, tir) == 32
    assert interval_distance_days(tir, mordad) == 1  # adjacent
    assert interval_distance_days(july_29, july_30) == 1
    assert intervals_overlap(july_29, mordad)


@pytest.mark.parametrize(
    ("year", "leap"), [(1367, False), (1395, True), (1398, False), (1399, True), (1403, True)]
)
def test_jalali_leap_years(year: int, leap: bool) -> None:
    assert jalali_is_leap(year) is leap
    assert jalali_days_in_month(year, 12) == (30 if leap else 29)
    year_span = parse_partial_date(str(year), default_calendar="jalali")
    assert year_span.days == (366 if leap else 365)


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("numeric", "1367/05/10"),
        ("month_name", "10 Mordad 1367"),
        ("persian_digits", "۱۳۶۷/۰۵/۱۰"),
        ("persian_month_name", "۱۰ مرداد ۱۳۶۷"),
    ],
)
def test_format_jalali(style: str, expected: str) -> None:
    assert format_jalali(dt.date(1988, 8, 1), style) == expected


def test_format_jalali_default_and_bad_style() -> None:
    assert format_jalali(dt.date(2019, 11, 15)) == "1398/08/24"
    with pytest.raises(ValueError, match="unknown style 'roman'"):
        format_jalali(dt.date(2019, 11, 15), "roman")
