"""Forms lists use that the parser reads since the hand-made date probe (tests/data/dates):
ordinal day words, Dari and Kurdish month names, US order, ISO times, weekdays, decades and
ranges; and the refusals that stay."""

from __future__ import annotations

import datetime as dt

import pytest

from shomar.calendar import names, parse_partial_date
from shomar.calendar.normalize import fold
from shomar.errors import DateParseError

D = dt.date


def _read(text: str) -> tuple[dt.date, dt.date, str, str]:
    got = parse_partial_date(text)
    return got.start, got.end, got.precision, got.calendar


def _refusal(text: str) -> str:
    with pytest.raises(DateParseError) as info:
        parse_partial_date(text)
    return str(info.value)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("اول مرداد ۱۳۶۷", D(1988, 7, 23)),
        ("یکم مرداد ۱۳۶۷", D(1988, 7, 23)),
        ("دهم مرداد ۱۳۶۷", D(1988, 8, 1)),
        ("هیجدهم تیر ۱۳۷۸", D(1999, 7, 9)),
        ("بیست و یکم مرداد ۱۳۶۷", D(1988, 8, 12)),
        ("بیست‌ویکم مرداد ۱۳۶۷", D(1988, 8, 12)),
        ("سی‌ام شهریور ۱۳۵۹", D(1980, 9, 21)),
        ("سی و یکم شهریور ۱۳۵۹", D(1980, 9, 22)),
        ("روز اول مهر ۱۳۵۹", D(1980, 9, 23)),
    ],
)
def test_persian_ordinal_day_words(text: str, day: dt.date) -> None:
    assert _read(text) == (day, day, "day", "jalali")


def test_an_ordinal_needs_a_month_and_early_is_not_an_ordinal() -> None:
    assert "needs a month name" in _refusal("اول سال ۱۳۶۷")
    assert "day 32 does not exist" in _refusal("سی و دوم مرداد ۱۳۶۷")
    assert _read("اوایل مرداد ۱۳۶۷")[2] == "month"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("۱۵ حمل ۱۳۵۸", D(1979, 4, 4), D(1979, 4, 4)),
        ("Hamal 1358", D(1979, 3, 21), D(1979, 4, 20)),
        ("اسد ۱۳۹۸", D(2019, 7, 23), D(2019, 8, 22)),
        ("حوت ۱۴۰۰", D(2022, 2, 20), D(2022, 3, 20)),
        ("١٠ گەلاوێژ ١٣٦٧", D(1988, 8, 1), D(1988, 8, 1)),  # Sorani Kurdish Mordad
        ("Asfand 1371", D(1993, 2, 20), D(1993, 3, 20)),
    ],
)
def test_dari_and_kurdish_month_names_are_jalali(text: str, start: dt.date, end: dt.date) -> None:
    assert _read(text)[:2] == (start, end)
    assert _read(text)[3] == "jalali"


@pytest.mark.parametrize(
    ("text", "start"),
    [("اوگوست ۱۹۸۸", D(1988, 8, 1)), ("اگست ۲۰۲۱", D(2021, 8, 1)), ("جنوری ۲۰۲۲", D(2022, 1, 1))],
)
def test_persian_and_dari_names_of_gregorian_months(text: str, start: dt.date) -> None:
    assert _read(text)[0] == start
    assert _read(text)[3] == "gregorian"


@pytest.mark.parametrize(
    ("text", "calendar"),
    [
        ("۱۳۶۷ ش.", "jalali"),
        ("۱۳۶۷ ه ش", "jalali"),
        ("1367 H.Sh.", "jalali"),
        ("۱۹۸۸ م", "gregorian"),
    ],
)
def test_abbreviated_calendar_words(text: str, calendar: str) -> None:
    assert _read(text)[2:] == ("year", calendar)


def test_us_order_only_when_it_cannot_be_day_first() -> None:
    assert _read("11/16/2019")[:2] == (D(2019, 11, 16), D(2019, 11, 16))
    assert _read("03/04/2019")[0] == D(2019, 4, 3)  # ambiguous: day/month/year as before
    assert "February 2020 has 29 days" in _refusal("02/30/2020")
    assert "month 16 does not exist" in _refusal("05/16/1367")  # never for Jalali


@pytest.mark.parametrize(
    "text",
    ["2022-09-16T10:00", "2022-09-16 10:00", "2022-09-16T10:00:00+03:30", "2022-09-16T23:59:59Z"],
)
def test_iso_date_with_a_time_is_its_date(text: str) -> None:
    assert _read(text) == (D(2022, 9, 16), D(2022, 9, 16), "day", "gregorian")


def test_a_time_that_is_not_a_time_of_day_is_refused() -> None:
    assert "'25:00' is not a time of day" in _refusal("2022-09-16T25:00")
    assert "':'" in _refusal("16 September 2022 10:00")  # only after an ISO date


@pytest.mark.parametrize(
    "text",
    ["شنبه ۲۵ آبان ۱۳۹۸", "شنبه، ۲۵ آبان ۱۳۹۸", "Saturday, 16 November 2019", "Sat 16 Nov 2019"],
)
def test_a_weekday_before_the_date_is_checked(text: str) -> None:
    assert _read(text)[:3] == (D(2019, 11, 16), D(2019, 11, 16), "day")


def test_weekdays_written_apart_or_joined() -> None:
    assert _read("سه شنبه ۲۶ خرداد ۱۳۸۸")[0] == D(2009, 6, 16)
    assert _read("سه‌شنبه ۲۶ خرداد ۱۳۸۸")[0] == D(2009, 6, 16)


def test_a_weekday_that_does_not_match_is_refused_naming_the_real_one() -> None:
    message = _refusal("شنبه ۲۴ آبان ۱۳۹۸")
    assert "it says Saturday, but that day (2019-11-15) is a Friday" in message
    assert "goes with a day, not a month" in _refusal("Saturday July 1988")


@pytest.mark.parametrize(
    ("text", "start", "end", "calendar"),
    [
        ("1980s", D(1980, 1, 1), D(1989, 12, 31), "gregorian"),
        ("the 1990's", D(1990, 1, 1), D(1999, 12, 31), "gregorian"),
        ("دهه ۱۳۶۰", D(1981, 3, 21), D(1991, 3, 20), "jalali"),
        ("دهه ۶۰", D(1981, 3, 21), D(1991, 3, 20), "jalali"),
        ("دهه ۶۰ میلادی", D(1960, 1, 1), D(1969, 12, 31), "gregorian"),
    ],
)
def test_decades_are_ten_years_at_year_precision(
    text: str, start: dt.date, end: dt.date, calendar: str
) -> None:
    assert _read(text) == (start, end, "year", calendar)


def test_a_two_digit_decade_says_how_it_was_read_and_odd_decades_are_refused() -> None:
    assert parse_partial_date("دهه ۶۰").century_inferred == (
        "two-digit decade 60 read as the 1360s (Jalali)"
    )
    assert "a decade starts at a year ending in 0, not 1985" in _refusal("1985s")
    assert "the decade 80s has two digits" in _refusal("the '80s")
    assert _read("1990’s")[:2] == (D(1990, 1, 1), D(1999, 12, 31))


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("۱۰ تا ۱۵ مرداد ۱۳۶۷", D(1988, 8, 1), D(1988, 8, 6), "day"),
        ("۱۰-۱۵ مرداد ۱۳۶۷", D(1988, 8, 1), D(1988, 8, 6), "day"),
        ("اول تا دهم مرداد ۱۳۶۷", D(1988, 7, 23), D(1988, 8, 1), "day"),
        ("10-15 August 1988", D(1988, 8, 10), D(1988, 8, 15), "day"),
        ("August 10-15, 1988", D(1988, 8, 10), D(1988, 8, 15), "day"),
        ("July–August 1988", D(1988, 7, 1), D(1988, 8, 31), "month"),
        ("مرداد و شهریور ۱۳۶۷", D(1988, 7, 23), D(1988, 9, 22), "month"),
        ("Mordad-Shahrivar 1367", D(1988, 7, 23), D(1988, 9, 22), "month"),
        ("between 1988 and 1990", D(1988, 1, 1), D(1990, 12, 31), "year"),
        ("1988-1990", D(1988, 1, 1), D(1990, 12, 31), "year"),
        ("29 July 1988 to 1989", D(1988, 7, 29), D(1989, 12, 31), "year"),  # the coarser end
        ("اسفند ۱۳۶۷ تا فروردین ۱۳۶۸", D(1989, 2, 20), D(1989, 4, 20), "month"),
    ],
)
def test_a_range_is_first_day_to_last_day_at_the_coarser_precision(
    text: str, start: dt.date, end: dt.date, precision: str
) -> None:
    assert _read(text)[:3] == (start, end, precision)


def test_single_dates_with_hyphens_are_not_ranges() -> None:
    assert _read("1988-07-29")[2] == "day"
    assert _read("29-Jul-1988")[2] == "day"
    assert _read("1988-07")[2] == "month"
    assert _read("mid-1988")[2] == "year"
    assert _read("29 - 07 - 1988")[:3] == (D(1988, 7, 29), D(1988, 7, 29), "day")
    assert _read("July 29 - 1988")[:3] == (D(1988, 7, 29), D(1988, 7, 29), "day")
    assert _read("1988 - 1990")[:3] == (D(1988, 1, 1), D(1990, 12, 31), "year")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("15 تا 10 مرداد 1367", "the range ends (1988-08-01) before it starts (1988-08-06)"),
        ("10 Mordad 1367 to 15 August 1988", "starts in the Jalali and ends in the Gregorian"),
        ("Mordad 1367 to", "a range needs a date on both sides"),
    ],
)
def test_bad_ranges_are_refused(text: str, fragment: str) -> None:
    assert fragment in _refusal(text)


def test_a_range_with_two_digit_years_is_read_with_a_hint() -> None:
    got = parse_partial_date("۱۰ تا ۱۵ مرداد ۶۷", century_hint=(D(1988, 1, 1), D(1988, 12, 31)))
    assert (got.start, got.end, got.precision) == (D(1988, 8, 1), D(1988, 8, 6), "day")
    assert got.century_inferred is not None and "1367" in got.century_inferred


@pytest.mark.parametrize(
    "text", ["۱۰ محرم ۱۴۰۹", "رمضان ۱۴۴۰", "10 Muharram 1409 AH", "ربیع الاول ۱۴۰۰"]
)
def test_lunar_hijri_months_are_named_and_refused(text: str) -> None:
    assert "Lunar Hijri (qamari) dates are not supported" in _refusal(text)


def test_no_spelling_means_two_things() -> None:
    tables = [
        names._JALALI_VARIANTS, names._DARI_VARIANTS, names._KURDISH_VARIANTS,
        names._GREGORIAN_VARIANTS, names._GREGORIAN_DARI_VARIANTS, names._SEASON_VARIANTS,
        names._WEEKDAY_VARIANTS,
    ]  # fmt: skip
    meanings: dict[str, set[str]] = {}
    for i, table in enumerate(tables):
        for number, words in table.items():
            for word in words:
                meanings.setdefault(fold(word), set()).add(f"{i}:{number}")
    for word in names._LUNAR_MONTHS:
        meanings.setdefault(fold(word), set()).add("lunar")
    # Persian and Dari share some Gregorian names (می، جون، جولای): same month, same meaning
    clashes = {w: m for w, m in meanings.items() if len({x.split(":")[-1] for x in m}) > 1}
    assert clashes == {}
