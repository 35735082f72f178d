"""Two-digit Jalali years («مرداد ۶۷») read with a century hint, and said so (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest

from shomar.calendar import (
    CenturyUnknownError,
    PartialDate,
    century_window,
    parse_partial_date,
)
from shomar.errors import DateParseError

D = dt.date
EVENT_1988 = (D(1988, 7, 1), D(1988, 12, 31))


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("مرداد ۶۷", "month", D(1988, 7, 23), D(1988, 8, 22)),
        ("پاییز ۶۷", "season", D(1988, 9, 23), D(1988, 12, 21)),
        ("سال ۶۷", "year", D(1988, 3, 21), D(1989, 3, 20)),
        ("۱۰ مرداد ۶۷", "day", D(1988, 8, 1), D(1988, 8, 1)),
        ("Mordad 67", "month", D(1988, 7, 23), D(1988, 8, 22)),
        ("summer 67", "season", D(1988, 6, 22), D(1988, 9, 22)),
    ],
)
def test_two_digit_jalali_years_with_a_hint(
    text: str, precision: str, start: dt.date, end: dt.date
) -> None:
    d = parse_partial_date(text, century_hint=EVENT_1988)
    assert (d.calendar, d.precision, d.start, d.end) == ("jalali", precision, start, end)
    assert d.century_inferred is not None and "1367" in d.century_inferred
    assert d.to_dict()["century_inferred"] == d.century_inferred
    assert PartialDate.from_dict(d.to_dict()) == d


def test_without_a_hint_the_date_is_refused_saying_how_to_give_one() -> None:
    with pytest.raises(CenturyUnknownError, match=r"two digits.*century hint") as info:
        parse_partial_date("مرداد ۶۷")
    assert isinstance(info.value, DateParseError)
    assert "--century-hint" in str(info.value)


def test_four_digit_years_are_never_marked_inferred() -> None:
    d = parse_partial_date("مرداد ۱۳۶۷", century_hint=EVENT_1988)
    assert d.century_inferred is None and "century_inferred" not in d.to_dict()


def test_the_hint_picks_the_century() -> None:
    d = parse_partial_date("آبان ۹۸", century_hint=parse_partial_date("2019"))
    assert (d.start, d.end) == (D(2019, 10, 23), D(2019, 11, 21))
    assert "1398" in (d.century_inferred or "")


def test_a_hint_that_fits_two_readings_is_refused() -> None:
    with pytest.raises(CenturyUnknownError, match="fits both"):
        parse_partial_date("summer 67", century_hint=(D(1950, 1, 1), D(2000, 1, 1)))


def test_a_hint_far_from_every_reading_is_refused() -> None:
    with pytest.raises(CenturyUnknownError, match="within 20 years"):
        parse_partial_date("سال ۱۲", century_hint=EVENT_1988)


def test_numeric_two_digit_years_stay_ambiguous() -> None:
    with pytest.raises(DateParseError, match="no four-digit year"):
        parse_partial_date("10/05/67", century_hint=EVENT_1988)
    with pytest.raises(DateParseError, match="no four-digit year"):
        parse_partial_date("July 29", century_hint=EVENT_1988)


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("۶۷/۵/۸", "day", D(1988, 7, 30), D(1988, 7, 30)),
        ("67/05/08", "day", D(1988, 7, 30), D(1988, 7, 30)),
        ("۶۷-۰۶-۱۰", "day", D(1988, 9, 1), D(1988, 9, 1)),
        ("۶۷/۵", "month", D(1988, 7, 23), D(1988, 8, 22)),
    ],
)
def test_a_two_digit_year_written_first_is_read_with_a_hint(
    text: str, precision: str, start: dt.date, end: dt.date
) -> None:
    """Registers write 1367/05/08 as «۶۷/۵/۸»: a first number above 31 is no day or month."""
    d = parse_partial_date(text, century_hint=EVENT_1988)
    assert (d.calendar, d.precision, d.start, d.end) == ("jalali", precision, start, end)
    assert d.century_inferred is not None and "1367" in d.century_inferred


def test_a_latin_two_digit_year_first_takes_the_calendar_the_hint_fits() -> None:
    d = parse_partial_date("88/07/29", century_hint=EVENT_1988)
    assert (d.calendar, d.start) == ("gregorian", D(1988, 7, 29))


def test_a_two_digit_year_first_needs_a_hint_and_a_real_month() -> None:
    with pytest.raises(CenturyUnknownError, match="century hint"):
        parse_partial_date("۶۷/۵/۸")
    with pytest.raises(DateParseError, match="no four-digit year"):
        parse_partial_date("۶۷/۱۳/۸", century_hint=EVENT_1988)
    with pytest.raises(DateParseError, match="no four-digit year"):
        parse_partial_date("۱۰/۰۵/۰۸", century_hint=EVENT_1988)  # which number is the year?


def test_century_window_from_the_lists_other_dates() -> None:
    others = [parse_partial_date("مرداد ۱۳۶۷"), parse_partial_date("1988-09-01")]
    window = century_window(others, margin_years=1)
    assert window is not None and window[0] < D(1988, 7, 23) and window[1] > D(1988, 9, 1)
    assert century_window([]) is None
    d = parse_partial_date("شهریور ۶۷", century_hint=window)
    assert d.start == D(1988, 8, 23)


def test_an_inverted_hint_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="starts after"):
        parse_partial_date("مرداد ۶۷", century_hint=(D(1989, 1, 1), D(1988, 1, 1)))
