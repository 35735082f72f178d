"""Find where a date range splits: «۱۰ تا ۱۵ مرداد ۱۳۶۷», "10-15 August 1988", "July–August
1988", «مرداد و شهریور ۱۳۶۷», "1988-1990", "between 1988 and 1990".

Connectors: تا, الی, و, یا, to, until, till, through, and, or ("July or August 1988": the
interval that surely holds the date); an en or em dash; one hyphen with
spaces around it (unless it only puts the year after a date: 'July 29 - 1988'); a hyphen with
no spaces only between two years ("1988-1990"), between two month or season names
("Mordad-Shahrivar"), or between two day numbers when the text names a month ("10-15 August
1988"), so that 1988-07-29 and 29-Jul-1988 stay single dates. A leading from / between / از /
بین / مابین is dropped. Text must already be folded.
"""

from __future__ import annotations

import re

from shomar.calendar.invalid import InvalidDate
from shomar.calendar.names import lookup_word

_WORD_CONNECTOR = re.compile(
    r"(?:^|\s+)(?:to|until|till|through|thru|and|or|تا|الی|و|یا)(?:\s+|$)|\s*[–—−]\s*"
)
_SPACED_HYPHEN = re.compile(r"\s+-\s+")
_YEAR_ALONE = re.compile(r"^\d{4}$")
_YEARS_HYPHEN = re.compile(r"(?<!\S)(\d{4})-(\d{4})(?!\S)")
_DAYS_HYPHEN = re.compile(r"(?<![\d\-/.])(\d{1,2})-(\d{1,2})(?![\d\-/.])")
_NAMES_HYPHEN = re.compile(r"([^\W\d_]+)-([^\W\d_]+)")
_LEADING = re.compile(r"^(?:from|between|از|بین|مابین)\s+")
_LETTERS = re.compile(r"[^\W\d_]+")
_MARK = "\x00"


def _is_period_word(token: str, kinds: tuple[str, ...] = ("month", "season")) -> bool:
    word = lookup_word(token)
    return word is not None and word.kind in kinds


def _spaced_hyphen(text: str) -> str:
    """A hyphen with spaces is a connector when it is the only one and does not just put the
    year after a date without one: '29 - 07 - 1988' and 'July 29 - 1988' are single dates."""
    hyphens = _SPACED_HYPHEN.findall(text)
    if len(hyphens) != 1 or _MARK in text:
        return text
    first, last = _SPACED_HYPHEN.split(text)
    if _YEAR_ALONE.match(last.strip()) and not re.search(r"\d{4}", first):
        return text
    return _SPACED_HYPHEN.sub(_MARK, text)


def split_range(folded: str) -> tuple[str, str] | None:
    """Return the two ends of a range as text, or None when the text is one date."""
    text = _WORD_CONNECTOR.sub(_MARK, folded.strip())
    text = _spaced_hyphen(text)
    text = _YEARS_HYPHEN.sub(rf"\1{_MARK}\2", text)
    if any(_is_period_word(t, ("month",)) for t in _LETTERS.findall(text)):
        text = _DAYS_HYPHEN.sub(rf"\1{_MARK}\2", text)
    text = _NAMES_HYPHEN.sub(
        lambda m: _MARK.join(m.groups()) if all(map(_is_period_word, m.groups())) else m.group(),
        text,
    )
    pieces = text.split(_MARK)
    if len(pieces) == 1:
        return None
    if len(pieces) > 2:
        raise InvalidDate("it has more than one range connector; give one date or one range")
    first, last = (p.strip() for p in pieces)
    first = _LEADING.sub("", first)
    if not first or not last:
        raise InvalidDate("a range needs a date on both sides", "10 to 15 Mordad 1367")
    return first, last
