"""Reading partial dates: known conversions, forms, qualifiers, calendar detection."""

from __future__ import annotations

import datetime as dt

import pytest

import shomar.calendar
from shomar.calendar import PartialDate, parse_partial_date
from shomar.errors import DateParseError

D = dt.date


def test_public_surface_is_pinned() -> None:
    assert shomar.calendar.__all__ == [
        "CenturyHint",
        "CenturyUnknownError",
        "PartialDate",
        "century_window",
        "format_jalali",
        "interval_distance_days",
        "intervals_overlap",
        "parse_partial_date",
    ]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1 Farvardin 1367", D(1988, 3, 21), D(1988, 3, 21)),
        ("10 Mordad 1367", D(1988, 8, 1), D(1988, 8, 1)),
        ("24 Aban 1398", D(2019, 11, 15), D(2019, 11, 15)),
        ("1367", D(1988, 3, 21), D(1989, 3, 20)),
        ("Mordad 1367", D(1988, 7, 23), D(1988, 8, 22)),
        ("Esfand 1398", D(2020, 2, 20), D(2020, 3, 19)),  # 29 days
        ("Esfand 1399", D(2021, 2, 19), D(2021, 3, 20)),  # leap: 30 days
        ("30 Esfand 1399", D(2021, 3, 20), D(2021, 3, 20)),
        ("30 Esfand 1403", D(2025, 3, 20), D(2025, 3, 20)),
    ],
)
def test_known_jalali_conversions(text: str, start: dt.date, end: dt.date) -> None:
    parsed = parse_partial_date(text)
    assert parsed.calendar == "jalali"
    assert (parsed.start, parsed.end) == (start, end)


MORDAD_1367 = ("month", D(1988, 7, 23), D(1988, 8, 22))
DAY_10_MORDAD_1367 = ("day", D(1988, 8, 1), D(1988, 8, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۳۶۷/۰۵/۱۰", DAY_10_MORDAD_1367),
        ("١٣٦٧/٠٥/١٠", DAY_10_MORDAD_1367),
        ("1367/5/10", DAY_10_MORDAD_1367),
        ("1367-05-10", DAY_10_MORDAD_1367),
        ("10/05/1367", DAY_10_MORDAD_1367),
        ("۱۰ مرداد ۱۳۶۷", DAY_10_MORDAD_1367),
        ("Mordad 1367", MORDAD_1367),
        ("Amordad 1367", MORDAD_1367),
        ("mordād 1367", MORDAD_1367),
        ("مرداد ۱۳۶۷", MORDAD_1367),
        ("مرداد ماه سال ۱۳۶۷", MORDAD_1367),
        ("1367 Mordad", MORDAD_1367),
        ("1367/05", MORDAD_1367),
        ("Dei 1367", ("month", D(1988, 12, 22), D(1989, 1, 20))),
        ("Isfand 1367", ("month", D(1989, 2, 20), D(1989, 3, 20))),
        ("آذر ۱۳۶۷", ("month", D(1988, 11, 22), D(1988, 12, 21))),
        ("summer 1367", ("season", D(1988, 6, 22), D(1988, 9, 22))),
        ("تابستان ۱۳۶۷", ("season", D(1988, 6, 22), D(1988, 9, 22))),
        ("spring 1367", ("season", D(1988, 3, 21), D(1988, 6, 21))),
        ("پاییز ۱۳۶۷", ("season", D(1988, 9, 23), D(1988, 12, 21))),
        ("پائیز ۱۳۶۷", ("season", D(1988, 9, 23), D(1988, 12, 21))),
        ("fall 1367", ("season", D(1988, 9, 23), D(1988, 12, 21))),
        ("زمستان ۱۳۶۷", ("season", D(1988, 12, 22), D(1989, 3, 20))),
        ("1367 ه.ش", ("year", D(1988, 3, 21), D(1989, 3, 20))),
        ("1367 AP", ("year", D(1988, 3, 21), D(1989, 3, 20))),
    ],
)
def test_jalali_forms(text: str, expected: tuple[str, dt.date, dt.date]) -> None:
    parsed = parse_partial_date(text)
    assert parsed.calendar == "jalali"
    assert (parsed.precision, parsed.start, parsed.end) == expected


JULY_29 = ("day", D(1988, 7, 29), D(1988, 7, 29))
JULY = ("month", D(1988, 7, 1), D(1988, 7, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1988-07-29", JULY_29),
        ("29 July 1988", JULY_29),
        ("July 29, 1988", JULY_29),
        ("July 29th, 1988", JULY_29),
        ("29th of July 1988", JULY_29),
        ("29/07/1988", JULY_29),
        ("29.07.1988", JULY_29),
        ("29-Jul-1988", JULY_29),
        ("۲۹ ژوئیه ۱۹۸۸", JULY_29),
        ("۲۹ جولای ۱۹۸۸", JULY_29),
        ("1988-07", JULY),
        ("07/1988", JULY),
        ("July 1988", JULY),
        ("Jul. 1988", JULY),
        ("JULY 1988", JULY),
        ("1988", ("year", D(1988, 1, 1), D(1988, 12, 31))),
        ("1988 AD", ("year", D(1988, 1, 1), D(1988, 12, 31))),
        ("Sept 1988", ("month", D(1988, 9, 1), D(1988, 9, 30))),
        ("دسامبر ۱۹۸۸", ("month", D(1988, 12, 1), D(1988, 12, 31))),
        ("February 1988", ("month", D(1988, 2, 1), D(1988, 2, 29))),
        ("summer 1988", ("season", D(1988, 6, 1), D(1988, 8, 31))),
        ("spring 1988", ("season", D(1988, 3, 1), D(1988, 5, 31))),
        ("autumn 1988", ("season", D(1988, 9, 1), D(1988, 11, 30))),
        ("winter 1988", ("season", D(1987, 12, 1), D(1988, 2, 29))),
    ],
)
def test_gregorian_forms(text: str, expected: tuple[str, dt.date, dt.date]) -> None:
    parsed = parse_partial_date(text)
    assert parsed.calendar == "gregorian"
    assert (parsed.precision, parsed.start, parsed.end) == expected


@pytest.mark.parametrize(
    ("text", "qualifier", "edtf"),
    [
        ("circa 1988", "approximate", "1988-01-01~/1988-12-31~"),
        ("c. 1988", "approximate", "1988-01-01~/1988-12-31~"),
        ("c.1988", "approximate", "1988-01-01~/1988-12-31~"),
        ("ca. 1988", "approximate", "1988-01-01~/1988-12-31~"),
        ("about 1988", "approximate", "1988-01-01~/1988-12-31~"),
        ("Around July 1988", "approximate", "1988-07-01~/1988-07-31~"),
        ("approx. 1988", "approximate", "1988-01-01~/1988-12-31~"),
        ("1988~", "approximate", "1988-01-01~/1988-12-31~"),
        ("حدود ۱۳۶۷", "approximate", "1988-03-21~/1989-03-20~"),
        ("حدوداً ۱۳۶۷", "approximate", "1988-03-21~/1989-03-20~"),
        ("در حدود ۱۳۶۷", "approximate", "1988-03-21~/1989-03-20~"),
        ("1988?", "uncertain", "1988-01-01?/1988-12-31?"),
        ("1988 (?)", "uncertain", "1988-01-01?/1988-12-31?"),
        ("۱۳۶۷؟", "uncertain", "1988-03-21?/1989-03-20?"),
        ("probably Mordad 1367", "uncertain", "1988-07-23?/1988-08-22?"),
        ("1988", None, "1988-01-01/1988-12-31"),
        ("Mordad 1367", None, "1988-07-23/1988-08-22"),
        ("1988-07-29", None, "1988-07-29/1988-07-29"),
    ],
)
def test_qualifiers_and_edtf(text: str, qualifier: str | None, edtf: str) -> None:
    parsed = parse_partial_date(text)
    assert parsed.qualifier == qualifier
    assert parsed.edtf == edtf


def test_text_is_kept_as_given() -> None:
    assert parse_partial_date("  حدود ۱۳۶۷ ").text == "  حدود ۱۳۶۷ "


@pytest.mark.parametrize(
    ("text", "default", "calendar"),
    [
        ("1699", None, "jalali"),
        ("1700", None, "gregorian"),
        ("1367", "gregorian", "gregorian"),
        ("Mordad 1367", "gregorian", "jalali"),  # a Jalali month name decides
        ("July 1988", "jalali", "gregorian"),  # so does a Gregorian one
        ("1367 ه.ش", "gregorian", "jalali"),
        ("1367 AD", None, "gregorian"),
    ],
)
def test_calendar_detection(text: str, default: str | None, calendar: str) -> None:
    assert parse_partial_date(text, default_calendar=default).calendar == calendar


@pytest.mark.parametrize("text", ["July 1367", "3 March 1357", "۱۵ نوامبر ۱۳۹۰"])
def test_a_gregorian_month_with_a_jalali_looking_year_is_refused(text: str) -> None:
    """Once read as the year 1367 CE; a list means Tir or Mordad 1367, and cannot say which."""
    with pytest.raises(DateParseError, match="looks Jalali"):
        parse_partial_date(text)


@pytest.mark.parametrize(
    ("text", "default"),
    [("1988", "jalali"), ("Mordad 1988", "gregorian"), ("1988 ه.ش", None), ("Aban 2019", None)],
)
def test_a_jalali_reading_of_a_gregorian_year_is_refused(text: str, default: str | None) -> None:
    """Jalali 1988 would be the year 2609: the text mixes calendars, so nothing is guessed."""
    with pytest.raises(DateParseError, match="looks Gregorian"):
        parse_partial_date(text, default_calendar=default)


def test_default_calendar_must_be_known() -> None:
    with pytest.raises(ValueError, match="default_calendar"):
        parse_partial_date("1988", default_calendar="julian")


def test_to_dict_keys_and_round_trip() -> None:
    parsed = parse_partial_date("Mordad 1367")
    assert parsed.to_dict() == {
        "input": "Mordad 1367",
        "calendar": "jalali",
        "precision": "month",
        "qualifier": None,
        "start": "1988-07-23",
        "end": "1988-08-22",
        "edtf": "1988-07-23/1988-08-22",
    }
    assert PartialDate.from_dict(parsed.to_dict()) == parsed
    assert parsed.days == 31


def test_partial_date_refuses_inverted_interval() -> None:
    with pytest.raises(ValueError, match="after end"):
        PartialDate("x", "gregorian", "day", None, D(1988, 1, 2), D(1988, 1, 1), "")


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("اوایل مرداد ۱۳۶۷", dt.date(1988, 7, 23), dt.date(1988, 8, 22), "month"),
        ("اواخر آبان ۱۳۹۸", dt.date(2019, 10, 23), dt.date(2019, 11, 21), "month"),
        ("late July 1988", dt.date(1988, 7, 1), dt.date(1988, 7, 31), "month"),
        ("the end of Mordad 1367", dt.date(1988, 7, 23), dt.date(1988, 8, 22), "month"),
        ("mid-1988", dt.date(1988, 1, 1), dt.date(1988, 12, 31), "year"),
        ("late summer 1988", dt.date(1988, 6, 1), dt.date(1988, 8, 31), "season"),
    ],
)
def test_early_mid_late_read_as_the_whole_period_that_holds_them(
    text: str, start: dt.date, end: dt.date, precision: str
) -> None:
    parsed = parse_partial_date(text)
    assert (parsed.start, parsed.end, parsed.precision) == (start, end, precision)
    assert parsed.text == text


def test_a_part_of_a_day_is_refused_and_the_first_of_a_month_is_not_a_part() -> None:
    with pytest.raises(DateParseError, match="goes with a month, season or year"):
        parse_partial_date("early 16 July 1988")
    with pytest.raises(DateParseError):
        parse_partial_date("late")
    two_digit = parse_partial_date(
        "اواخر مرداد ۶۷", century_hint=(dt.date(1988, 1, 1), dt.date(1988, 12, 31))
    )
    assert two_digit.start == dt.date(1988, 7, 23)
