"""Stated dates in sentences (shomar.claims.dates)."""

from __future__ import annotations

import datetime as dt

import jdatetime  # a project dependency, used here only as an independent reference
import pytest

from shomar.claims.dates import find_dates, jalali_to_gregorian


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("on December 15, 2019", "2019-12-15"),
        ("on Dec. 15, 2019", "2019-12-15"),
        ("on 15 December 2019", "2019-12-15"),
        ("on the 15th of December 2019", "2019-12-15"),
        ("2019-12-15", "2019-12-15"),
        ("روز ۲۵ آذر ۱۳۹۸", "2019-12-16"),
        ("روز ۲۵ آذر ۹۸", "2019-12-16"),
        ("۱۳۹۸/۰۹/۲۵", "2019-12-16"),
        ("۲۳ دسامبر ۲۰۱۹", "2019-12-23"),
    ],
)
def test_full_dates(text: str, iso: str) -> None:
    assert [d.iso for d in find_dates(text)] == [iso]


@pytest.mark.parametrize(
    "text", ["on October 7th", "in November 2019", "آبان ۹۸", "30 February 2020"]
)
def test_partial_or_impossible_dates_are_not_stated_dates(text: str) -> None:
    assert find_dates(text) == []


def test_jalali_conversion_matches_jdatetime_for_a_century() -> None:
    day = jdatetime.date(1340, 1, 1)
    while day.year < 1440:
        assert jalali_to_gregorian(day.year, day.month, day.day) == day.togregorian()
        day += jdatetime.timedelta(days=1)


def test_impossible_jalali_day() -> None:
    with pytest.raises(ValueError):
        jalali_to_gregorian(1398, 7, 31)
    assert jalali_to_gregorian(1399, 12, 30) == dt.date(2021, 3, 20)
