"""Month, season and calendar words in Latin and Persian script, with their common variants.

Every spelling is stored as written here and looked up through :func:`~.normalize.fold`, so
accents, Arabic letter forms and case do not matter.
"""

from __future__ import annotations

from dataclasses import dataclass

from shomar.calendar.normalize import fold

#: Canonical Latin names of the Jalali months, Farvardin = 1.
JALALI_MONTH_NAMES: tuple[str, ...] = (
    "Farvardin", "Ordibehesht", "Khordad", "Tir", "Mordad", "Shahrivar",
    "Mehr", "Aban", "Azar", "Dey", "Bahman", "Esfand",
)  # fmt: skip

#: Persian names of the Jalali months, فروردین = 1.
JALALI_MONTH_NAMES_FA: tuple[str, ...] = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)  # fmt: skip

GREGORIAN_MONTH_NAMES: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

#: Each month as the romanisation systems write it (diacritics are folded away, so "Khordād" is
#: "khordad"): common English, UN/BGN-PCGN, ALA-LC ("Murdād", "Khurdād", "Isfand"), French
#: ("Chahrivar", "Ordibehecht") and German ("Chordad", "Schahriwar"); plus the dropped-h and
#: doubled-vowel spellings lists are typed with.
_JALALI_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("farvardin", "farvardeen", "farwardin", "farvadin", "فروردین"),
    2: ("ordibehesht", "ordibehest", "ordibehisht", "urdibihisht", "ardibehesht", "ordibehecht",
        "ordibehescht", "اردیبهشت"),
    3: ("khordad", "khordaad", "xordad", "khurdad", "kordad", "chordad", "chordaad", "خرداد"),
    4: ("tir", "teer", "تیر"),
    5: ("mordad", "amordad", "mordaad", "murdad", "amurdad", "mourdad", "مرداد", "امرداد"),
    6: ("shahrivar", "shahriwar", "sharivar", "shahrevar", "chahrivar", "schahriwar",
        "schahriver", "شهریور"),
    7: ("mehr", "mihr", "مهر"),
    8: ("aban", "abaan", "aaban", "aabaan", "آبان"),
    9: ("azar", "aazar", "آذر"),
    10: ("dey", "dei", "dai", "دی"),
    11: ("bahman", "بهمن"),
    12: ("esfand", "isfand", "esfend", "asfand", "esphand", "esfænd", "اسفند"),
}  # fmt: skip

#: The same months by their Dari (Afghan) zodiac names, Hamal = Farvardin; Afghanistan's solar
#: Hijri calendar counts its years and days as Iran's does.
_DARI_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("hamal", "حمل"),
    2: ("sawr", "saur", "sour", "ثور"),
    3: ("jawza", "jauza", "jowza", "جوزا", "جوزاء"),
    4: ("saratan", "سرطان"),
    5: ("asad", "اسد"),
    6: ("sunbula", "sonbola", "sunbulah", "سنبله"),
    7: ("mizan", "meezan", "میزان"),
    8: ("aqrab", "akrab", "عقرب"),
    9: ("qaws", "qaus", "qous", "قوس"),
    10: ("jadi", "jaddi", "جدی"),
    11: ("dalw", "dalv", "دلو"),
    12: ("hut", "hoot", "hout", "حوت"),
}

#: The same months in Sorani Kurdish as used in Iran's Kurdistan (Kurdish script as written,
#: e.g. گەلاوێژ = Mordad; Esfand is ڕەشەمە or ڕەشەمێ, Aban also خەزەڵوەر), and in Kurdish Latin
#: letters (Hawar: x = kh, ê = long e). Written in Persian letters they lose the vowel letter
#: ە (گلاویژ, or ه with a ZWNJ: ره‌زبه‌ر): see :func:`kurdish_key`.
_KURDISH_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("خاکەلێوە", "xakelewe"), 2: ("گوڵان", "gulan"), 3: ("جۆزەردان", "cozerdan"),
    4: ("پووشپەڕ", "pusper", "puper"), 5: ("گەلاوێژ", "gelawej", "gelawezh"),
    6: ("خەرمانان", "xermanan", "khermanan"), 7: ("ڕەزبەر", "rezber"),
    8: ("گەڵاڕێزان", "خەزەڵوەر", "gelarezan", "xezelwer"), 9: ("سەرماوەز", "sermawez"),
    10: ("بەفرانبار", "befranbar"), 11: ("ڕێبەندان", "rebendan"),
    12: ("ڕەشەمێ", "ڕەشەمە", "resheme", "reseme"),
}  # fmt: skip

_GREGORIAN_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "ژانویه"),
    2: ("february", "feb", "فوریه"),
    3: ("march", "mar", "مارس"),
    4: ("april", "apr", "آوریل", "آپریل"),
    5: ("may", "مه", "می"),
    6: ("june", "jun", "ژوئن", "جون"),
    7: ("july", "jul", "ژوئیه", "جولای"),
    8: ("august", "aug", "اوت", "آگوست", "اوگوست"),
    9: ("september", "sep", "sept", "سپتامبر"),
    10: ("october", "oct", "اکتبر"),
    11: ("november", "nov", "نوامبر"),
    12: ("december", "dec", "دسامبر"),
}

#: Dari (Afghan) names of the Gregorian months, from English.
_GREGORIAN_DARI_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("جنوری",), 2: ("فبروری",), 3: ("مارچ",), 4: ("اپریل",), 5: ("می",), 6: ("جون",),
    7: ("جولای",), 8: ("اگست",), 9: ("سپتمبر",), 10: ("اکتوبر",), 11: ("نومبر",), 12: ("دسمبر",),
}  # fmt: skip

#: Arabic names of the Gregorian months, as Ahwazi Arab families and Arabic media write them:
#: the Egyptian/Gulf names from the Latin ones, and the Levantine/Iraqi (Syriac) ones, whose
#: two-word names (تشرين الثاني) the parser joins first. آذار (March) is not Persian آذر.
_GREGORIAN_ARABIC_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("يناير", "كانونالثاني"), 2: ("فبراير", "شباط"), 3: ("آذار",),
    4: ("أبريل", "إبريل", "نيسان"), 5: ("مايو", "أيار"), 6: ("يونيو", "يونيه", "حزيران"),
    7: ("يوليو", "يوليه", "تموز"), 8: ("أغسطس", "آب"), 9: ("سبتمبر", "أيلول"),
    10: ("أكتوبر", "تشرينالأول"), 11: ("نوفمبر", "تشرينالثاني"), 12: ("ديسمبر", "كانونالأول"),
}  # fmt: skip

#: Lunar Hijri month names: known so that a refusal can say the calendar is not supported
#: (the first word of a two-word name, ربیع / جمادی / dhu, is enough for that).
_LUNAR_MONTHS: tuple[str, ...] = (
    "محرم", "صفر", "ربیع", "ربیعالاول", "ربیعالثانی", "ربیعالاخر", "جمادی", "جمادیالاول",
    "جمادیالاولی", "جمادیالثانی", "جمادیالثانیه", "جمادیالاخر", "رجب", "شعبان", "رمضان",
    "شوال", "ذی", "ذیالقعده", "ذیقعده", "ذیالحجه", "ذیحجه", "muharram", "moharram", "safar",
    "rabi", "jumada", "jamadi", "rajab", "shaban", "ramadan", "ramazan", "ramadhan", "shawwal",
    "shawal", "dhu", "dhul", "zilhijja", "zilqada",
)  # fmt: skip

#: Weekday words → ``datetime.date.weekday()`` (Monday 0). «سه شنبه» written apart is joined
#: by the parser before it looks words up.
_WEEKDAY_VARIANTS: dict[int, tuple[str, ...]] = {
    0: ("monday", "mon", "دوشنبه"),
    1: ("tuesday", "tue", "tues", "سهشنبه", "سه‌شنبه"),
    2: ("wednesday", "wed", "چهارشنبه"),
    3: ("thursday", "thu", "thur", "thurs", "پنجشنبه"),
    4: ("friday", "fri", "جمعه", "ادینه"),
    5: ("saturday", "sat", "شنبه"),
    6: ("sunday", "sun", "یکشنبه"),
}

WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip

#: Season words → season number (1 spring, 2 summer, 3 autumn, 4 winter).
_SEASON_VARIANTS: dict[int, tuple[str, ...]] = {
    1: ("spring", "bahar", "بهار"),
    2: ("summer", "tabestan", "تابستان"),
    3: ("autumn", "fall", "paeez", "paiz", "payiz", "پاییز", "پائیز"),
    4: ("winter", "zemestan", "زمستان"),
}

#: Words that name a calendar outright (after a year, e.g. "1367 AP", "۱۳۶۷ شمسی").
_CALENDAR_WORDS: dict[str, tuple[str, ...]] = {
    "jalali": ("ap", "sh", "hs", "shamsi", "jalali", "شمسی", "خورشیدی", "جلالی", "ش"),
    "gregorian": ("ad", "ce", "gregorian", "میلادی", "م"),
    "lunar": ("ah", "qamari", "ghamari", "hijri-qamari", "قمری"),
}

#: Words that carry no meaning in a date ("Mordad month of year 1367", "29th of July").
FILLER_WORDS: frozenset[str] = frozenset(
    fold(w)
    for w in (
        "of", "the", "st", "nd", "rd", "th", "mah", "hijri", "ماه", "سال", "هجری", "روز", "ام",
        # Sorani: "month of", "year of", and the ezafe «ی» after a day number («٢٦ی»)
        "مانگی", "ساڵی", "ی",
    )
)  # fmt: skip


@dataclass(frozen=True)
class Word:
    """What a date word means: a month or season of a calendar, or a calendar name."""

    kind: str  # "month" | "season" | "calendar" | "weekday"
    value: int  # month 1-12, season 1-4, weekday 0 (Monday)-6; 0 for calendar words
    calendar: str | None  # "jalali" | "gregorian" | "lunar"; None for seasons and weekdays


def _build() -> dict[str, Word]:
    table: dict[str, Word] = {}
    for variants in (_JALALI_VARIANTS, _DARI_VARIANTS, _KURDISH_VARIANTS):
        for number, words in variants.items():
            table.update({fold(w): Word("month", number, "jalali") for w in words})
    for variants in (_GREGORIAN_VARIANTS, _GREGORIAN_DARI_VARIANTS, _GREGORIAN_ARABIC_VARIANTS):
        for number, words in variants.items():
            table.update({fold(w): Word("month", number, "gregorian") for w in words})
    table.update({fold(w): Word("month", 0, "lunar") for w in _LUNAR_MONTHS})
    for number, words in _WEEKDAY_VARIANTS.items():
        table.update({fold(w): Word("weekday", number, None) for w in words})
    for number, words in _SEASON_VARIANTS.items():
        table.update({fold(w): Word("season", number, None) for w in words})
    for calendar, words in _CALENDAR_WORDS.items():
        table.update({fold(w): Word("calendar", 0, calendar) for w in words})
    return table


_WORDS = _build()


def kurdish_key(folded: str) -> str:
    """A Sorani month name as it reads in Persian letters: the vowel letter ە (folded to ه)
    is dropped inside the word, where Persian spelling has no letter for it («گەلاوێژ» →
    «گلاویژ», «ره‌زبه‌ر» → «رزبر»), and the long-u «وو» is one «و» («پووشپەڕ» → «پوشپر»)."""
    body, last = folded[:-1], folded[-1:]
    return body.replace("ه", "").replace("وو", "و") + last


_KURDISH_KEYS: dict[str, Word] = {
    kurdish_key(fold(w)): Word("month", number, "jalali")
    for number, words in _KURDISH_VARIANTS.items()
    for w in words
}
#: suffixes glued to a month name: «آبان‌ماه» (ZWNJ dropped by folding) and the Sorani ezafe
#: «ڕێبەندانی» ("Rêbendan of")
_GLUED_SUFFIXES: tuple[str, ...] = ("ماه", "ی")


def lookup_word(token: str) -> Word | None:
    """Return the meaning of a (folded or unfolded) date word, or None when it is not one.

    A month name may carry a glued suffix («آبانماه»), and a Sorani one may be written in
    Persian letters («گلاویژ»)."""
    folded = fold(token)
    word = _WORDS.get(folded) or _KURDISH_KEYS.get(kurdish_key(folded))
    if word is not None:
        return word
    for suffix in _GLUED_SUFFIXES:
        stem = folded.removesuffix(suffix)
        if stem != folded and len(stem) > 1:
            word = _WORDS.get(stem) or _KURDISH_KEYS.get(kurdish_key(stem))
            if word is not None and word.kind == "month":
                return word
    return None
