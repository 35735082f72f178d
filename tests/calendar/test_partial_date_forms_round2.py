"""Forms read since the second round of the hand-made date probe (tests/data/dates,
``probe_round2.tsv``): English ordinal words, Persian cardinal day words and years in words,
labels and times around a date, Sorani months in Persian and Latin letters, Arabic month
names; and the refusals that stay (no year, lunar months, a Gregorian year on a Jalali month)."""

from __future__ import annotations

import datetime as dt

import pytest

from shomar.calendar import parse_partial_date
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
