"""Read a partial date written in the Jalali or Gregorian calendar as an interval of days.

Accepted forms (Latin, Persian or Arabic-Indic digits; Latin or Persian words)::

    24 Aban 1398 · ۲۴ آبان ۱۳۹۸ · 1367/05/10 · ۱۳۶۷/۰۵/۱۰ · 1367-05-10 · Mordad 1367 · مرداد ۱۳۶۷
    summer 1367 · تابستان ۱۳۶۷ · 1367 · 1988-07-29 · 29/07/1988 · 29 July 1988 · July 29, 1988
    29-Jul-1988 · July 1988 · 1988-07 · summer 1988 · 1988 · circa 1988 · حدود ۱۳۶۷ · 1988?

Slashed dates with the year last are day-first (29/07/1988). The calendar is decided by, in
order: a month name (Jalali names force Jalali, Gregorian names Gregorian) or a calendar word
(AP, SH, شمسی, AD, میلادی); then ``default_calendar``; then the year (below 1700 → Jalali).

Two-digit years, as families write them («مرداد ۶۷», «پاییز ۶۷», «سال ۶۷», «۱۰ مرداد ۶۷»,
"summer 67"; after a month name alone only a number above 31, since "July 29" is a day), are
read only with a ``century_hint``: a Gregorian interval the date should
fall in or near (an event's dates, or the span of the list's other dates, see
:func:`century_window`). Each reading (Jalali 13yy and 14yy; Gregorian 19yy and 20yy unless
the calendar is known; Persian-script text is Jalali) is measured against the hint, and the
one that overlaps it, or else is nearest, within :data:`CENTURY_HINT_REACH_YEARS`, is taken;
two readings equally close are refused. The result's ``century_inferred`` says what was done,
so an import report can show it. Without a hint the date is refused
(:class:`CenturyUnknownError`) with a message saying how to give one. Numeric forms with a
two-digit year (10/05/67) stay refused: the order of their numbers is ambiguous.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from shomar.calendar import gregorian, jalali
from shomar.calendar.edtf import edtf_interval
from shomar.calendar.invalid import InvalidDate
from shomar.calendar.model import CALENDARS, PartialDate
from shomar.calendar.names import FILLER_WORDS, Word, lookup_word
from shomar.calendar.normalize import fold
from shomar.calendar.qualifiers import split_part_of, split_qualifier
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


#: a hint (an interval of Gregorian days, or a partial date standing for its interval)
CenturyHint = tuple[dt.date, dt.date] | PartialDate
#: a two-digit year is read only when a reading lies within this many years of the hint
CENTURY_HINT_REACH_YEARS = 20
HOW_TO_HINT = (
    "write the year in full (e.g. 'Mordad 1367', «مرداد ۱۳۶۷»), or give a century hint: the "
    "event's dates, or other dates of the same list, e.g. `shomar dates parse TEXT "
    "--century-hint 1988` (API: parse_partial_date(text, century_hint=...))"
)


class CenturyUnknownError(DateParseError):
    """A two-digit year («مرداد ۶۷») with no century hint, or a hint that does not decide."""


class _CenturyUnknown(InvalidDate):
    pass


def parse_partial_date(
    text: str,
    *,
    default_calendar: str | None = None,
    century_hint: CenturyHint | None = None,
) -> PartialDate:
    """Read ``text`` as a :class:`PartialDate`; raise DateParseError saying what is wrong.

    ``century_hint`` lets two-digit years be read (see the module docstring); the result's
    ``century_inferred`` is then set. Four-digit years ignore it.
    """
    if default_calendar is not None and default_calendar not in CALENDARS:
        raise ValueError(f"default_calendar must be one of {CALENDARS} or None")
    window = _window(century_hint)
    try:
        return _parse(text, default_calendar, window)
    except _CenturyUnknown as exc:
        raise CenturyUnknownError(f"Cannot read {text!r} as a date: {exc.reason}.") from None
    except InvalidDate as exc:
        example = f"'{exc.example}'" if exc.example else EXAMPLES
        raise DateParseError(
            f"Cannot read {text!r} as a date: {exc.reason}. Write it like {example}."
        ) from None


def century_window(
    dates: Iterable[PartialDate], *, margin_years: int = 5
) -> tuple[dt.date, dt.date] | None:
    """A century hint from other dates of the same list: the span of their intervals widened
    by ``margin_years`` on each side; None when there are none."""
    spans = [(d.start, d.end) for d in dates]
    if not spans:
        return None
    start = min(s for s, _ in spans)
    end = max(e for _, e in spans)
    margin = dt.timedelta(days=round(365.25 * margin_years))
    return max(dt.date.min, start - margin), min(dt.date.max, end + margin)


def _window(hint: CenturyHint | None) -> tuple[dt.date, dt.date] | None:
    if hint is None:
        return None
    if isinstance(hint, PartialDate):
        return hint.start, hint.end
    start, end = hint
    if start > end:
        raise ValueError(f"century_hint starts after it ends: {start} > {end}")
    return start, end


def _parse(
    text: str, default_calendar: str | None, window: tuple[dt.date, dt.date] | None
) -> PartialDate:
    if not text or not text.strip():
        raise InvalidDate("the text is empty")
    qualifier, body = split_qualifier(fold(text))
    part, body = split_part_of(body)
    tokens = _tokenize(body)
    note = None
    if _two_digit_year(tokens) is not None:
        tokens, calendar, note = _infer_century(text, tokens, default_calendar, window)
    else:
        calendar = _decide_calendar(tokens, default_calendar)
    precision, (start, end) = _interval(tokens, calendar)
    if part is not None and precision == "day":
        raise InvalidDate(
            f"{part!r} goes with a month, season or year, not a day", "early Mordad 1367"
        )
    return PartialDate(
        text=text,
        calendar=calendar,
        precision=precision,
        qualifier=qualifier,
        start=start,
        end=end,
        edtf=edtf_interval(start, end, qualifier),
        century_inferred=note,
    )


def _two_digit_year(tokens: _Tokens) -> int | None:
    """Index in ``tokens.numbers`` of a two-digit year, in the forms families write it."""
    numbers, word = tokens.numbers, tokens.word
    if any(len(n) == 4 for n in numbers) or not numbers or len(numbers[-1]) != 2:
        return None
    if word is None:
        return 0 if len(numbers) == 1 else None
    if word.kind == "season":
        return 0 if len(numbers) == 1 else None
    if len(numbers) == 1:
        # "Mordad 67" is a month of a year; "July 29" is a day without one
        return 0 if int(numbers[0]) > 31 else None
    if len(numbers) == 2 and 1 <= int(numbers[0]) <= 31:
        return 1  # day, month name, year
    return None


_PERSIAN_TEXT = re.compile(r"[\u0600-\u06ff]")
_CENTURIES = {"jalali": (1300, 1400), "gregorian": (1900, 2000)}


def _infer_century(
    text: str,
    tokens: _Tokens,
    default_calendar: str | None,
    window: tuple[dt.date, dt.date] | None,
) -> tuple[_Tokens, str, str]:
    i = _two_digit_year(tokens)
    assert i is not None
    yy = int(tokens.numbers[i])
    if window is None:
        raise _CenturyUnknown(
            f"the year {yy:02d} has two digits, so its century is unknown; {HOW_TO_HINT}"
        )
    if len(tokens.calendars) == 1:
        calendars: tuple[str, ...] = (next(iter(tokens.calendars)),)
    elif tokens.calendars:
        calendars = (_decide_calendar(tokens, default_calendar),)  # raises the usual error
    elif default_calendar is not None:
        calendars = (default_calendar,)
    elif _PERSIAN_TEXT.search(text):
        calendars = ("jalali",)
    else:
        calendars = ("jalali", "gregorian")
    lo, hi = window
    readings: list[tuple[int, str, int, _Tokens]] = []
    for calendar in calendars:
        for century in _CENTURIES[calendar]:
            numbers = list(tokens.numbers)
            numbers[i] = str(century + yy)
            candidate = _Tokens(numbers, tokens.word, tokens.calendars)
            try:
                _, (start, end) = _interval(candidate, calendar)
            except InvalidDate:
                continue
            gap = (
                0
                if start <= hi and lo <= end
                else min(abs((start - hi).days), abs((lo - end).days))
            )
            readings.append((gap, calendar, century + yy, candidate))
    hint = f"{lo.isoformat()}/{hi.isoformat()}"
    readings.sort(key=lambda r: r[0])
    if not readings or readings[0][0] > 365.25 * CENTURY_HINT_REACH_YEARS:
        raise _CenturyUnknown(
            f"the year {yy:02d} has two digits and no reading of it lies within "
            f"{CENTURY_HINT_REACH_YEARS} years of the hint {hint}; {HOW_TO_HINT}"
        )
    if len(readings) > 1 and readings[1][0] == readings[0][0]:
        a, b = readings[0], readings[1]
        raise _CenturyUnknown(
            f"the year {yy:02d} has two digits and the hint {hint} fits both {a[2]} "
            f"({a[1]}) and {b[2]} ({b[1]}); give a narrower hint or write the year in full"
        )
    gap, calendar, year, candidate = readings[0]
    where = "inside" if gap == 0 else f"{gap} days from"
    note = (
        f"two-digit year {yy:02d} read as {year} ({calendar.capitalize()}), {where} the hint {hint}"
    )
    return candidate, calendar, note


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
