"""How user-typed names are matched: one key for headers, mapping keys, events, sources, sheets.

A name typed by a person (a column header, a mapping key, an event, source or sheet name, a
violation or sex word) is matched by :func:`match_key`: the names engine's Persian key
(:func:`shomar.text.persian_key`: Arabic ``ي ى ك ة`` as Persian ``ی ک ه``, no tatweel or
diacritics, ZWNJ, space, hyphen and nothing alike, Persian and Arabic-Indic digits as ASCII)
then case-folded. So «نام خانوادگی», «نام خانوادگي» and «نام‌خانوادگی» are one name, as are
"Date of death" and "date of death".
"""

from __future__ import annotations

from shomar.text.normalize import persian_key

__all__ = ["ascii_digits", "event_key", "match_key"]


def match_key(text: str) -> str:
    """The matching key of a user-typed name (see the module docstring)."""
    return persian_key(text.casefold())


def event_key(text: str) -> str:
    """A matching key for an event name as written in a list, a claim or a command."""
    return match_key(text)


_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def ascii_digits(text: str) -> str:
    """``text`` with Persian and Arabic-Indic digits written as ASCII digits (nothing else)."""
    return text.translate(_DIGITS)
