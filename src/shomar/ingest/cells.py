"""Checks on single cells that readers and validation share."""

from __future__ import annotations

import functools
import re
import unicodedata

#: Unicode categories that print nothing: format marks (ZWNJ, ZWJ, bidi marks), separators,
#: controls
INVISIBLE_CATEGORIES = frozenset({"Cf", "Zs", "Zl", "Zp", "Cc"})
#: the first character that is not a common invisible one (most names: their first letter)
_CANDIDATE = re.compile(r"[^\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")


def is_invisible(text: str) -> bool:
    """True when ``text`` is not empty but holds no visible character (``"\\u200c\\u200b"``)."""
    if not text:
        return False
    found = _CANDIDATE.search(text)
    if found is not None and unicodedata.category(found.group()) not in INVISIBLE_CATEGORIES:
        return False  # a visible character (the usual case, decided without a loop)
    return all(ch.isspace() or unicodedata.category(ch) in INVISIBLE_CATEGORIES for ch in text)


#: what lists write in a name cell (or a date, age or place cell) when it is not known
#: (compared casefolded, without spaces, ZWNJ or dots; Arabic ي/ك as Persian ی/ک): read as an
#: empty cell, and counted
UNKNOWN_NAME_MARKS = frozenset({
    "", "-", "--", "---", "—", "–", "_", "__", "?", "??", "???", "؟", "؟؟", "؟؟؟", "…", "x", "xx",
    "xxx", "n/a", "na", "nk", "none", "null", "nil", "unknown", "unk", "notknown", "noname",
    "unnamed", "unidentified", "نامشخص", "نامعلوم", "ناشناس", "ناشناخته", "مجهول", "مجهولالهویه",
    "بینام", "بدوننام", "ذکرنشده", "نامعلومالهویه", "نامشخصاست", "معلومنیست", "نمیدانم",
    "unknowndate", "dateunknown", "notrecorded", "notgiven", "tbc", "tbd",
})  # fmt: skip
_MARK_FOLD = str.maketrans({" ": None, "\u200c": None, ".": None, "ي": "ی", "ك": "ک"})
#: the longest mark, as written (spaces and dots included)
_MARK_CHARS = 16


#: the marks in a date, age or place cell: the same but an "x" (it may be the value mistyped)
UNKNOWN_VALUE_MARKS = UNKNOWN_NAME_MARKS - {"x", "xx", "xxx"}


def _mark_key(text: str) -> str | None:
    """How a cell is compared with the marks (``None``: too long to be one)."""
    return text.casefold().translate(_MARK_FOLD) if 0 < len(text) <= _MARK_CHARS else None


@functools.lru_cache(maxsize=65536)
def is_unknown_value_mark(text: str) -> bool:
    """True when a date, age or place cell holds a mark for "not known" (``-``, ``?``,
    ``N/A``, «نامعلوم»)."""
    return _mark_key(text) in UNKNOWN_VALUE_MARKS


@functools.lru_cache(maxsize=65536)
def is_unknown_name_mark(text: str) -> bool:
    """True when a name cell holds a mark for "not known" (``-``, ``?``, ``N/A``, «نامشخص»).

    Remembered per distinct text: asked for every name cell of every row."""
    return _mark_key(text) in UNKNOWN_NAME_MARKS


#: a name cell that is a list's total line: «جمع کل: ۴۵ نفر», "Total", "Grand total 45"
_TOTAL_LINE = re.compile(
    r"(?:(?:grand\s+|sub\s*-?\s*)?totals?|sum|in\s+all|جمع(?:\s*کل)?|جمعا|جمعاً|مجموع|مجموعا"
    r"|مجموعاً|تعداد\s*کل|کل|روی\s*هم)"
    r"(?:\s*[:：=\-–]?\s*[\d۰-۹٠-٩,٬]*\s*(?:نفر|تن|persons?|people|victims?|names?)?\.?)",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=65536)
def is_total_line(text: str) -> bool:
    """True when a name cell reads as the total under a list ("Total: 45", «جمع کل ۴۵ نفر»):
    a footer row that would otherwise be imported as a victim named "Total"."""
    folded = text.strip().replace("\u200c", " ").replace("ي", "ی").replace("ك", "ک")
    return len(folded) <= 40 and _TOTAL_LINE.fullmatch(folded) is not None


def time_exists(hours: str, minutes: str, seconds: str | None) -> bool:
    """Whether ``HH:MM[:SS]`` is a time of day (a leap second ``:60`` is accepted)."""
    return int(hours) < 24 and int(minutes) < 60 and (seconds is None or int(seconds) <= 60)
