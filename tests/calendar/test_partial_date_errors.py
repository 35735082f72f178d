"""Impossible and unreadable dates raise DateParseError with a message that helps."""

from __future__ import annotations

import pytest

from shomar.calendar import parse_partial_date
from shomar.errors import DateParseError, InputError


def _message(text: str) -> str:
    with pytest.raises(DateParseError) as info:
        parse_partial_date(text)
    return info.value.message


def test_date_parse_error_is_an_input_error() -> None:
    with pytest.raises(InputError):
        parse_partial_date("")


def test_esfand_30_of_a_common_year() -> None:
    assert _message("30 Esfand 1398") == (
        "Cannot read '30 Esfand 1398' as a date: day 30 does not exist: Esfand 1398 has 29 days "
        "(1398 is not a leap year in the Jalali calendar). Write it like '29 Esfand 1398'."
    )


def test_february_30() -> None:
    assert _message("30 February 1988") == (
        "Cannot read '30 February 1988' as a date: day 30 does not exist: February 1988 has "
        "29 days. Write it like '29 February 1988'."
    )
    assert "February 1989 has 28 days" in _message("29/02/1989")


def test_day_31_of_an_autumn_jalali_month() -> None:
    assert "Mehr 1367 has 30 days" in _message("31 Mehr 1367")


@pytest.mark.parametrize("text", ["1988-13", "1367/13/01", "13/1988"])
def test_month_13(text: str) -> None:
    message = _message(text)
    assert "month 13 does not exist (months run 1-12" in message
    assert "Write it like" in message


def test_us_order_is_explained() -> None:
    assert "day/month/year" in _message("07/29/1988")


@pytest.mark.parametrize("text", ["", "   "])
def test_empty(text: str) -> None:
    message = _message(text)
    assert "the text is empty" in message
    assert "'24 Aban 1398'" in message  # an example of an accepted form


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("July 29", "no four-digit year"),
        ("29/07/88", "no four-digit year"),
        ("1367-1368", "ranges are not supported"),
        ("foo 1988", "'foo' is not a month, season or calendar name"),
        ("Mordad July 1988", "more than one month or season"),
        ("1988 @", "'@'"),
        ("summer 29 1988", "a season takes only a year"),
        ("1400 ه.ق", "Lunar Hijri"),
        ("Mordad 1367 AD", "both the Jalali and the Gregorian"),
        ("circa 1988?", "both approximate and uncertain"),
        ("29 1988 07", "year must come first or last"),
        ("1 2 3 1988", "too many numbers"),
        ("123 1988", "neither a day, a month nor a year"),
        ("circa", "there is no date"),
    ],
)
def test_unreadable(text: str, fragment: str) -> None:
    assert fragment in _message(text)
