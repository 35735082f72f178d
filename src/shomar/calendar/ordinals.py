"""Persian ordinal day words («اول»، «دوم»، «بیست و پنجم»، «سی‌ام») written as day numbers.

«اول مرداد ۱۳۶۷» is the 1st of Mordad, as «۱ مرداد ۱۳۶۷». Text must already be folded (no
zero-width non-joiner: «سی‌ام» is «سیام»). Only whole words are replaced; «اوایل» (early) is
not an ordinal and is read by :mod:`.qualifiers`.
"""

from __future__ import annotations

import re

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


def replace_ordinals(folded: str) -> tuple[str, bool]:
    """Return the text with ordinal day words as digits, and whether any was replaced."""
    text, compounds = _COMPOUND.subn(lambda m: str(_TENS[m.group(1)] + _UNITS[m.group(2)]), folded)
    text, singles = _WORD.subn(lambda m: str(_SINGLE[m.group(1)]), text)
    return text, bool(compounds or singles)
