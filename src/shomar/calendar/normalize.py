"""Fold date text into one comparable form: ASCII digits, one letter per Persian sound, no case.

Persian (۰-۹) and Arabic-Indic (٠-٩) digits become ASCII; Arabic letter forms (ي ى ك ة) become
their Persian counterparts; diacritics, hamza marks, tatweel and zero-width joiners are dropped,
so that "پائیز" and "پاییز", "آبان" and "ابان", "Ābān" and "aban" compare equal; the Sorani
Kurdish letters ە ێ ۆ ڕ ڵ become ه ی و ر ل.
"""

from __future__ import annotations

import unicodedata

_DIGITS = str.maketrans(
    "۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩",
    "01234567890123456789",
)
_LETTERS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ة": "ه",
        "ـ": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u200f": None,  # right-to-left mark
        "\u200e": None,  # left-to-right mark
        "،": ",",  # Arabic comma
        "؟": "?",  # Arabic question mark
        # Sorani Kurdish letters → the Persian letters Kurdish is written with in Persian
        "ە": "ه",
        "ێ": "ی",
        "ۆ": "و",
        "ڕ": "ر",
        "ڵ": "ل",
    }
)


def to_ascii_digits(text: str) -> str:
    """Replace Persian and Arabic-Indic digits with ASCII digits; leave everything else."""
    return text.translate(_DIGITS)


def fold(text: str) -> str:
    """Return ``text`` folded for matching: ASCII digits, Persian letters, no marks, lower case."""
    decomposed = unicodedata.normalize("NFKD", to_ascii_digits(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.translate(_LETTERS).casefold()
