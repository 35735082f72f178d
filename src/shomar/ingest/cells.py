"""Checks on single cells that readers and validation share."""

from __future__ import annotations

import unicodedata

#: Unicode categories that print nothing: format marks (ZWNJ, ZWJ, bidi marks), separators,
#: controls
INVISIBLE_CATEGORIES = frozenset({"Cf", "Zs", "Zl", "Zp", "Cc"})


def is_invisible(text: str) -> bool:
    """True when ``text`` is not empty but holds no visible character (``"\\u200c\\u200b"``)."""
    return bool(text) and all(
        ch.isspace() or unicodedata.category(ch) in INVISIBLE_CATEGORIES for ch in text
    )


def time_exists(hours: str, minutes: str, seconds: str | None) -> bool:
    """Whether ``HH:MM[:SS]`` is a time of day (a leap second ``:60`` is accepted)."""
    return int(hours) < 24 and int(minutes) < 60 and (seconds is None or int(seconds) <= 60)
