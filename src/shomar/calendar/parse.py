"""Read a partial date written in the Jalali or Gregorian calendar as an interval of days.

Accepted forms (Latin, Persian or Arabic-Indic digits; Latin or Persian words)::

    24 Aban 1398 · ۲۴ آبان ۱۳۹۸ · 1367/05/10 · ۱۳۶۷/۰۵/۱۰ · 1367-05-10 · Mordad 1367 · مرداد ۱۳۶۷
    summer 1367 · تابستان ۱۳۶۷ · 1367 · 1988-07-29 · 29/07/1988 · 29 July 1988 · July 29, 1988
    29-Jul-1988 · July 1988 · 1988-07 · summer 1988 · 1988 · circa 1988 · حدود ۱۳۶۷ · 1988?

Slashed dates with the year last are day-first (29/07/1988). The calendar is decided by, in
order: a month name (Jalali names force Jalali, Gregorian names Gregorian) or a calendar word
(AP, SH, شمسی, AD, میلادی); then ``default_calendar``; then the year (below 1700 → Jalali).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from shomar.calendar import gregorian, jalali
from shomar.calendar.edtf import edtf_interval
from shomar.calendar.invalid import InvalidDate
from shomar.calendar.model import CALENDARS, PartialDate
from shomar.calendar.names import FILLER_WORDS, Word, lookup_word
from shomar.calendar.normalize import fold
from shomar.calendar.qualifiers import split_qualifier
from shomar.errors import DateParseError

Span = gregorian.Span


class _Spans(NamedTuple):
    """The interval builders of one calendar."""

    year: Callable[[int], Span]
    season: Callable[[int, int], Span]
    month: Callable[[int, int], Span]
    day: Callable[[int, int, int], Span]


_SPANS = {
    "jalali": _Spans(
        jalali.jalali_year, jalali.jalali_season, jalali.jalali_month, jalali.jalali_day
    ),
    "gregorian": _Spans(
        gregorian.gregorian_year,
        gregorian.gregorian_season,
        gregorian.gregorian_month,
        gregorian.gregorian_day,
    ),
}

#: Below this year a bare number is read as a Jalali year, from it on as a Gregorian one.
JALALI_YEAR_LIMIT = 1700
EXAMPLES = "'24 Aban 1398', '1367/05/10', 'Mordad 1367', '29 July 1988', '1988-07' or 'circa 1988'"

_DOTTED = (  # dotted abbreviations → one word, before tokenizing
    (re.compile(r"(?<!\w)(?:a\s*\.\s*p|s\s*\.\s*h|h\s*\.\s*s)\s*\.?(?!\w)"), " ap "),
    (re.compile(r"(?<!\w)(?:a\s*\.\s*d|c\s*\.\s*e)\s*\.?(?!\w)"), " ad "),
    (re.compile(r"(?<!\w)a\s*\.\s*h\s*\.?(?!\w)"), " ah "),
    (re.compile(r"(?<!\w)ه\s*[./]\s*ش\s*\.?(?!\w)"), " شمسی "),
    (re.compile(r"(?<!\w)ه\s*[./]\s*ق\s*\.?(?!\w)"), " قمری "),
)
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_SEPARATORS = re.compile(r"[\s,./\-]+")


@dataclass
class _Tokens:
    """The date text split into numbers, one month or season word, and calendar hints."""

    numbers: list[str] = field(default_factory=list)
    word: Word | None = None
    calendars: set[str] = field(default_factory=set)


def parse_partial_date(text: str, *, default_calendar: str | None = None) -> PartialDate:
    """Read ``text`` as a :class:`PartialDate`; raise DateParseError saying what is wrong."""
    if default_calendar is not None and default_calendar not in CALENDARS:
        raise ValueError(f"default_calendar must be one of {CALENDARS} or None")
    try:
        return _parse(text, default_calendar)
    except InvalidDate as exc:
        example = f"'{exc.example}'" if exc.example else EXAMPLES
        raise DateParseError(
            f"Cannot read {text!r} as a date: {exc.reason}. Write it like {example}."
        ) from None


def _parse(text: str, default_calendar: str | None) -> PartialDate:
    if not text or not text.strip():
        raise InvalidDate("the text is empty")
    qualifier, body = split_qualifier(fold(text))
    tokens = _tokenize(body)
    calendar = _decide_calendar(tokens, default_calendar)
    precision, (start, end) = _interval(tokens, calendar)
    return PartialDate(
        text=text,
        calendar=calendar,
        precision=precision,
        qualifier=qualifier,
        start=start,
        end=end,
        edtf=edtf_interval(start, end, qualifier),
    )


def _tokenize(body: str) -> _Tokens:
    for pattern, replacement in _DOTTED:
        body = pattern.sub(replacement, body)
    stray = _SEPARATORS.sub("", _TOKEN.sub("", body))
    if stray:
        raise InvalidDate(f"it contains {stray[0]!r}, which is not part of any date form")
    tokens = _Tokens()
    for token in _TOKEN.findall(body):
        if token.isdigit():
            tokens.numbers.append(token)
        elif token not in FILLER_WORDS:
            _add_word(tokens, token)
    if not tokens.numbers and tokens.word is None:
        raise InvalidDate("there is no date in it")
    return tokens


def _add_word(tokens: _Tokens, token: str) -> None:
    word = lookup_word(token)
    if word is None:
        raise InvalidDate(f"{token!r} is not a month, season or calendar name")
    if word.calendar is not None:
        tokens.calendars.add(word.calendar)
    if word.kind == "calendar":
        return
    if tokens.word is not None:
        raise InvalidDate("it names more than one month or season; give one")
    tokens.word = word


def _decide_calendar(tokens: _Tokens, default_calendar: str | None) -> str:
    if "lunar" in tokens.calendars:
        raise InvalidDate(
            "Lunar Hijri (qamari) dates are not supported; give the date in the Solar Hijri "
            "(Jalali) or Gregorian calendar",
            "24 Aban 1398",
        )
    if len(tokens.calendars) > 1:
        raise InvalidDate("its words name both the Jalali and the Gregorian calendar")
    if tokens.calendars:
        return next(iter(tokens.calendars))
    if default_calendar is not None:
        return default_calendar
    year = int(_find_year(tokens.numbers))
    return "jalali" if year < JALALI_YEAR_LIMIT else "gregorian"


def _find_year(numbers: list[str]) -> str:
    years = [n for n in numbers if len(n) == 4]
    if len(years) == 1:
        return years[0]
    if len(years) > 1:
        raise InvalidDate("it has more than one year; ranges are not supported, give one date")
    raise InvalidDate("it has no four-digit year (two-digit years are ambiguous)")


def _interval(tokens: _Tokens, calendar: str) -> tuple[str, Span]:
    """Precision and Gregorian span of the tokens read in ``calendar``."""
    spans = _SPANS[calendar]
    numbers, word = tokens.numbers, tokens.word
    year = int(_find_year(numbers))
    parts = [int(n) for n in numbers if len(n) != 4]
    if any(len(n) not in (1, 2, 4) for n in numbers):
        raise InvalidDate("it has numbers that are neither a day, a month nor a year")
    if len(numbers) == 3 and len(numbers[1]) == 4:
        raise InvalidDate("the year must come first or last")
    if word is not None and word.kind == "season":
        if parts:
            raise InvalidDate("a season takes only a year", "summer 1367")
        return "season", spans.season(year, word.value)
    if word is not None:  # a month name, then maybe a day
        parts.insert(0, word.value)
    elif len(parts) == 2 and len(numbers[0]) != 4:  # day/month/year
        parts.reverse()
    if not parts:
        return "year", spans.year(year)
    if len(parts) == 1:
        return "month", spans.month(year, parts[0])
    if len(parts) == 2:
        return "day", spans.day(year, parts[0], parts[1])
    raise InvalidDate("it has too many numbers for one date")
