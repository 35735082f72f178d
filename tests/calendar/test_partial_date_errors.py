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


def test_us_order_is_explained_where_it_is_not_read() -> None:
    # 07/29/1988 is read month-first now (it cannot be day-first); a Jalali date is never
    # read month-first, and its refusal still says the order
    assert "day/month/year" in _message("05/16/1367")
    assert "month 13 does not exist" in _message("13/13/2019")


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
        ("1367 1368", "more than one year; for a range put 'to', «تا» or a dash"),
        ("1367 to 1368 to 1369", "more than one range connector"),
        ("10 to 15", "two digits"),  # bare two-digit numbers are years, read only with a hint
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
