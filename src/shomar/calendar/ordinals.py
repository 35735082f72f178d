"""Day and year words written as numbers: Persian ordinals («اول»، «بیست و پنجم»، «سی‌ام»),
English ordinals ("first", "twenty-first"), Persian cardinal days before a month name
(«بیست و یک آبان», «پانزده خرداد») and years in words («یکهزار و سیصد و نود و هشت»).

«اول مرداد ۱۳۶۷» is the 1st of Mordad, as «۱ مرداد ۱۳۶۷». Text must already be folded (no
zero-width non-joiner: «سی‌ام» is «سیام»). Only whole words are replaced; «اوایل» (early) is
not an ordinal and is read by :mod:`.qualifiers`. A cardinal day word is read only right
before a month name, since «یک» and «دو» are also "a" and "two" elsewhere. Years in words are
how official Iranian documents (court rulings, certificates) write a year out in full.
"""

from __future__ import annotations

import re

from shomar.calendar.names import lookup_word

_UNITS: dict[str, int] = {
    "یکم": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8,
    "نهم": 9,
}  # fmt: skip
_SINGLE: dict[str, int] = {
    "اول": 1, **_UNITS, "دهم": 10, "یازدهم": 11, "دوازدهم": 12, "سیزدهم": 13, "چهاردهم": 14,
    "پانزدهم": 15, "پونزدهم": 15, "شانزدهم": 16, "هفدهم": 17, "هفتدهم": 17, "هجدهم": 18,
    "هیجدهم": 18, "هژدهم": 18, "نوزدهم": 19, "بیستم": 20, "سیام": 30, "سی ام": 30,
}  # fmt: skip
_TENS: dict[str, int] = {"بیست": 20, "سی": 30}

_COMPOUND = re.compile(rf"(?<!\w)({'|'.join(_TENS)})\s*و\s*({'|'.join(_UNITS)})(?!\w)")
_WORD = re.compile(rf"(?<!\w)({'|'.join(sorted(_SINGLE, key=len, reverse=True))})(?!\w)")

_EN_UNITS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}  # fmt: skip
_EN_SINGLE: dict[str, int] = {
    **_EN_UNITS, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_EN_TENS: dict[str, int] = {"twenty": 20, "thirty": 30}
_EN_COMPOUND = re.compile(rf"(?<!\w)({'|'.join(_EN_TENS)})[\s-]*({'|'.join(_EN_UNITS)})(?!\w)")
_EN_WORD = re.compile(rf"(?<!\w)({'|'.join(sorted(_EN_SINGLE, key=len, reverse=True))})(?!\w)")

#: Persian cardinal numbers, for days before a month and for years written out
_CARD_UNITS: dict[str, int] = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6, "هفت": 7, "هشت": 8,
    "نه": 9,
}  # fmt: skip
_CARD_TEENS: dict[str, int] = {
    "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13, "چهارده": 14, "پانزده": 15,
    "پونزده": 15, "شانزده": 16, "هفده": 17, "هجده": 18, "هیجده": 18, "نوزده": 19,
}  # fmt: skip
_CARD_TENS: dict[str, int] = {
    "بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80,
    "نود": 90,
}  # fmt: skip
_CARD_HUNDREDS: dict[str, int] = {
    "یکصد": 100, "صد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500,
    "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
}  # fmt: skip


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_AND = r"\s*و\s*"
_BELOW_100 = (
    rf"(?:(?:{_alt(_CARD_TENS)})(?:{_AND}(?:{_alt(_CARD_UNITS)}))?"
    rf"|{_alt(_CARD_TEENS)}|{_alt(_CARD_UNITS)})"
)
_CARDINAL_DAY = re.compile(rf"(?<!\w)({_BELOW_100})(?=\s+([^\W\d_]+))")
_YEAR_WORDS = re.compile(
    rf"(?<!\w)((?:یک|دو)?\s*هزار(?:{_AND}(?:{_alt(_CARD_HUNDREDS)}))?(?:{_AND}{_BELOW_100})?)(?!\w)"
)
_ALL_CARDINALS = {**_CARD_UNITS, **_CARD_TEENS, **_CARD_TENS, **_CARD_HUNDREDS}
_NUMBER_WORD = re.compile(rf"(?:(یک|دو)\s*)?هزار|{_alt(_ALL_CARDINALS)}")


def _cardinal_value(words: str) -> int:
    """«سیصد و نود و هشت» → 398; «یکهزار» and «هزار» are 1000, «دو هزار» 2000 (the text
    was matched by one of the patterns above, so its words are known ones)."""
    total = 0
    for found in _NUMBER_WORD.finditer(words):
        if found.group().endswith("هزار"):
            total += 2000 if found.group(1) == "دو" else 1000
        else:
            total += _ALL_CARDINALS[found.group()]
    return total


def _cardinal_day(found: re.Match[str]) -> str:
    word = lookup_word(found.group(2))
    if word is None or word.kind != "month":
        return found.group(0)
    return str(_cardinal_value(found.group(1)))


def replace_ordinals(folded: str) -> tuple[str, bool]:
    """Return the text with day words (and years in words) as digits, and whether a day word
    was replaced."""
    text = _YEAR_WORDS.sub(lambda m: str(_cardinal_value(m.group(1))), folded)
    text, compounds = _COMPOUND.subn(lambda m: str(_TENS[m.group(1)] + _UNITS[m.group(2)]), text)
    text, singles = _WORD.subn(lambda m: str(_SINGLE[m.group(1)]), text)
    text, en_compounds = _EN_COMPOUND.subn(
        lambda m: str(_EN_TENS[m.group(1)] + _EN_UNITS[m.group(2)]), text
    )
    text, en_singles = _EN_WORD.subn(lambda m: str(_EN_SINGLE[m.group(1)]), text)
    replaced = text
    text = _CARDINAL_DAY.sub(_cardinal_day, text)
    return text, bool(compounds or singles or en_compounds or en_singles or text != replaced)
