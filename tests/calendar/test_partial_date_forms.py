"""Forms lists use that the parser reads since the hand-made date probe (tests/data/dates):
ordinal day words, Dari and Kurdish month names, US order, ISO times, weekdays, decades and
ranges; and the refusals that stay. Then the second round (``probe_round2.tsv``): English
ordinal words, Persian cardinal day words and years in words, labels and times around a date,
Sorani months in Persian and Latin letters, Arabic month names, and its refusals (no year,
lunar months, a Gregorian year on a Jalali month)."""

from __future__ import annotations

import datetime as dt

import pytest

from shomar.calendar import names, parse_partial_date
from shomar.calendar.names import kurdish_key, lookup_word
from shomar.calendar.normalize import fold
from shomar.calendar.ordinals import replace_ordinals
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
        ("Murdād 1360", D(1981, 7, 23), D(1981, 8, 22)),  # ALA-LC
        ("Khurdād 1361", D(1982, 5, 22), D(1982, 6, 21)),  # ALA-LC
        ("10 Schahriwar 1367", D(1988, 9, 1), D(1988, 9, 1)),  # German
        ("Chordad 1365", D(1986, 5, 22), D(1986, 6, 21)),  # German
        ("Chahrivar 1366", D(1987, 8, 23), D(1987, 9, 22)),  # French
        ("Ordibehecht 1360", D(1981, 4, 21), D(1981, 5, 21)),  # French
    ],
)
def test_jalali_months_in_other_romanisation_systems(
    text: str, start: dt.date, end: dt.date
) -> None:
    assert _read(text)[:2] == (start, end)
    assert _read(text)[3] == "jalali"


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


# second round of the probe


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("the twenty-first of November 2019", D(2019, 11, 21)),
        ("twenty first November 2019", D(2019, 11, 21)),
        ("the first of January 2000", D(2000, 1, 1)),
        ("the thirtieth of June 2009", D(2009, 6, 30)),
        ("the twelfth of July 1988", D(1988, 7, 12)),
        ("the first of Mehr 1359", D(1980, 9, 23)),
    ],
)
def test_english_ordinal_words(text: str, day: dt.date) -> None:
    assert _read(text)[:3] == (day, day, "day")


def test_an_english_ordinal_needs_a_month_and_a_real_day() -> None:
    assert "needs a month name" in _refusal("the first of 1988")
    assert "day 32 does not exist" in _refusal("the thirty-second of July 1988")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("بیست و یک آبان ۱۳۹۸", D(2019, 11, 12)),
        ("پانزده خرداد ۱۳۴۲", D(1963, 6, 5)),
        ("سی و یک شهریور ۱۳۵۹", D(1980, 9, 22)),
    ],
)
def test_persian_cardinal_day_before_a_month(text: str, day: dt.date) -> None:
    assert _read(text) == (day, day, "day", "jalali")


def test_a_cardinal_is_a_day_only_before_a_month_name() -> None:
    # «سه شنبه» (Tuesday) keeps its «سه»; a lone cardinal is not a date
    assert replace_ordinals("سه شنبه 26 خرداد 1388")[0] == "سه شنبه 26 خرداد 1388"
    assert _read("سه شنبه ۲۶ خرداد ۱۳۸۸")[0] == D(2009, 6, 16)
    assert "no month or year" not in _refusal("بیست و یک")


def test_years_in_words_as_official_documents_write_them() -> None:
    assert replace_ordinals("سال یکهزار و سیصد و شصت و هفت")[0] == "سال 1367"
    assert replace_ordinals("دو هزار و نوزده")[0] == "2019"
    text = "بیست و پنجم آبان ماه سال یکهزار و سیصد و نود و هشت"
    assert _read(text) == (D(2019, 11, 16), D(2019, 11, 16), "day", "jalali")


@pytest.mark.parametrize(
    "text",
    [
        "مورخ ۱۳۹۸/۰۸/۲۵",
        "به تاریخ ۲۵ آبان ۱۳۹۸",
        "تاریخ: ۱۳۹۸/۸/۲۵",
        "۲۵ آبانماه ۱۳۹۸",
        "۲۵ آبان ۱۳۹۸ ساعت ۱۸:۳۰",
        "۲۵ آبان ۱۳۹۸ش",
    ],
)
def test_labels_glued_month_word_and_time_around_a_day(text: str) -> None:
    assert _read(text) == (D(2019, 11, 16), D(2019, 11, 16), "day", "jalali")


def test_a_persian_time_must_be_a_time_of_day() -> None:
    assert "not a time of day" in _refusal("۲۵ آبان ۱۳۹۸ ساعت ۲۷")


@pytest.mark.parametrize(
    ("kurdish", "persian_letters", "month"),
    [
        ("گەلاوێژ", "گلاویژ", 5),
        ("ڕەزبەر", "ره\u200cزبه\u200cر", 7),
        ("پووشپەڕ", "پوشپر", 4),
        ("ڕێبەندان", "ریبندان", 11),
        ("خاکەلێوە", "خاکه\u200cلیوه", 1),
        ("ڕەشەمە", "رشمه", 12),
    ],
)
def test_sorani_months_in_kurdish_and_persian_letters(
    kurdish: str, persian_letters: str, month: int
) -> None:
    for text in (kurdish, persian_letters):
        word = lookup_word(text)
        assert word is not None and (word.kind, word.value, word.calendar) == (
            "month",
            month,
            "jalali",
        )
    assert kurdish_key(fold(kurdish)) == kurdish_key(fold(persian_letters))


def test_sorani_ezafe_month_of_and_latin_letters() -> None:
    assert _read("٢٦ی ڕێبەندانی ١٣٥٧") == (D(1979, 2, 15), D(1979, 2, 15), "day", "jalali")
    assert _read("مانگی گەلاوێژی ١٣٦٧")[:3] == (D(1988, 7, 23), D(1988, 8, 22), "month")
    assert _read("Gelawêj 1367")[:2] == (D(1988, 7, 23), D(1988, 8, 22))
    assert _read("10 Rezber 1398")[0] == D(2019, 10, 2)


def test_kurdish_key_leaves_persian_month_names_alone() -> None:
    # the Kurdish table is asked only when the word is not a Persian one
    assert lookup_word("بهمن").value == 11  # type: ignore[union-attr]
    assert lookup_word("بمن") is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("١٦ نوفمبر ٢٠١٩", D(2019, 11, 16), D(2019, 11, 16)),
        ("يناير ٢٠٢٠", D(2020, 1, 1), D(2020, 1, 31)),
        ("٢١ تشرين الثاني ٢٠١٩", D(2019, 11, 21), D(2019, 11, 21)),
        ("كانون الأول ٢٠١٩", D(2019, 12, 1), D(2019, 12, 31)),
        ("٢٠ آذار ٢٠١٩", D(2019, 3, 20), D(2019, 3, 20)),  # Adhar is March
    ],
)
def test_arabic_gregorian_month_names(text: str, start: dt.date, end: dt.date) -> None:
    assert _read(text)[:2] == (start, end)
    assert _read(text)[3] == "gregorian"


def test_persian_azar_is_not_arabic_adhar() -> None:
    assert _read("آذر ۱۳۹۸")[3] == "jalali"


@pytest.mark.parametrize(
    ("text", "month"),
    [("Aabaan 1398", 8), ("Urdibihisht 1361", 2), ("Khurdad 1362", 3), ("Mihr 1365", 7)],
)
def test_more_transliterated_jalali_months(text: str, month: int) -> None:
    got = parse_partial_date(text)
    assert (got.calendar, got.precision) == ("jalali", "month")
    assert lookup_word(text.split()[0]).value == month  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("یکم مهر", "no four-digit year"),
        ("the twenty-first of November", "no four-digit year"),
        ("۱۰ محرم الحرام ۱۴۴۱", "Lunar Hijri"),
        ("12 Rabi al-Awwal 1441", "Lunar Hijri"),
        ("1441 Hijri Qamari", "Lunar Hijri"),
        ("Aban 2019", "looks Gregorian"),
    ],
)
def test_refusals_that_stay(text: str, says: str) -> None:
    assert says in _refusal(text)


@pytest.mark.parametrize(
    ("text", "start", "end", "qualifier"),
    [
        ("1988-07-23/1988-08-22", D(1988, 7, 23), D(1988, 8, 22), None),  # Shomar's own EDTF
        ("1988-07-23~/1988-08-22~", D(1988, 7, 23), D(1988, 8, 22), "approximate"),
        ("1988-07/1988-08", D(1988, 7, 1), D(1988, 8, 31), None),
        ("1988 (approx.)", D(1988, 1, 1), D(1988, 12, 31), "approximate"),
        ("۱۳۶۷ (تقریبی)", D(1988, 3, 21), D(1989, 3, 20), "approximate"),
        ("1988 (unconfirmed)", D(1988, 1, 1), D(1988, 12, 31), "uncertain"),
        ("August or September 1988", D(1988, 8, 1), D(1988, 9, 30), None),
        ("مرداد یا شهریور ۱۳۶۷", D(1988, 7, 23), D(1988, 9, 22), None),
    ],
)
def test_intervals_and_qualifiers_as_lists_and_exports_write_them(
    text: str, start: dt.date, end: dt.date, qualifier: str | None
) -> None:
    got = parse_partial_date(text)
    assert (got.start, got.end, got.qualifier) == (start, end, qualifier)


def test_a_dates_own_edtf_reads_back_as_the_same_interval() -> None:
    for text in ("Mordad 1367", "summer 1988", "circa 1988", "۱۰ تا ۱۵ مرداد ۱۳۶۷"):
        first = parse_partial_date(text)
        again = parse_partial_date(first.edtf)
        assert (again.start, again.end, again.qualifier) == (
            first.start,
            first.end,
            first.qualifier,
        )
