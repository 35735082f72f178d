"""Read a partial date written in the Jalali or Gregorian calendar as an interval of days.

Accepted forms (Latin, Persian or Arabic-Indic digits; Latin or Persian words)::

    24 Aban 1398 · ۲۴ آبان ۱۳۹۸ · 1367/05/10 · ۱۳۶۷/۰۵/۱۰ · 1367-05-10 · Mordad 1367 · مرداد ۱۳۶۷
    summer 1367 · تابستان ۱۳۶۷ · 1367 · 1988-07-29 · 29/07/1988 · 29 July 1988 · July 29, 1988
    29-Jul-1988 · July 1988 · 1988-07 · summer 1988 · 1988 · circa 1988 · حدود ۱۳۶۷ · 1988?
    اول مرداد ۱۳۶۷ · ۱۵ حمل ۱۳۵۸ · شنبه ۲۵ آبان ۱۳۹۸ · 2022-09-16T10:00 · 1980s · دهه ۶۰
    ۱۰ تا ۱۵ مرداد ۱۳۶۷ · 10-15 August 1988 · July–August 1988 · مرداد و شهریور ۱۳۶۷
    July or August 1988 · مرداد یا شهریور ۱۳۶۷ · 1988 (approx.) · ۱۳۶۷ (تقریبی)
    1988-07-23/1988-08-22 · 1988-07~/1988-08~ (EDTF intervals, as Shomar writes its dates)

Slashed dates with the year last are day-first (29/07/1988), except a Gregorian date that
cannot be (11/16/2019: first number at most 12, second above 12), read month-first. A weekday
must be the date's own. A range is the interval from its first end's first day to its last
end's last day, at the coarser precision of the two (see :mod:`.ranges`); a decade is ten
years at precision year. The calendar is decided by, in
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
(:class:`CenturyUnknownError`) with a message saying how to give one. A numeric date with the
two-digit year first («۶۷/۵/۸», 67/05/08: the first number above 31, so neither a day nor a
month) is read the same way; numeric forms with the two-digit year last (10/05/67) stay
refused: the order of their numbers is ambiguous.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from shomar.calendar import gregorian, jalali
from shomar.calendar.edtf import edtf_interval
from shomar.calendar.invalid import InvalidDate
from shomar.calendar.model import CALENDARS, PartialDate
from shomar.calendar.names import FILLER_WORDS, WEEKDAY_NAMES, Word, lookup_word
from shomar.calendar.normalize import fold
from shomar.calendar.ordinals import replace_ordinals
from shomar.calendar.qualifiers import split_part_of, split_qualifier
from shomar.calendar.ranges import split_range
from shomar.domain.said import said
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
    (re.compile(r"(?<!\w)(?:a\s*\.\s*p|s\s*\.\s*h|h\s*\.\s*sh?)\s*\.?(?!\w)"), " ap "),
    (re.compile(r"(?<!\w)(?:a\s*\.\s*d|c\s*\.\s*e)\s*\.?(?!\w)"), " ad "),
    (re.compile(r"(?<!\w)a\s*\.\s*h\s*\.?(?!\w)"), " ah "),
    (re.compile(r"(?<!\w)ه\s*[./]?\s*ش\s*\.?(?!\w)"), " شمسی "),
    (re.compile(r"(?<!\w)م\s*\.(?!\w)"), " میلادی "),
    (re.compile(r"(?<!\w)ش\s*\.(?!\w)"), " شمسی "),
    (re.compile(r"(?<!\w)ه\s*[./]\s*ق\s*\.?(?!\w)"), " قمری "),
)
_WEEKDAY_APART = re.compile(r"(?<!\w)(یک|دو|سه|چهار|پنج)\s+(شنبه)(?!\w)")  # «سه شنبه»
_ARABIC_MONTH_APART = re.compile(r"(?<!\w)(تشرین|کانون)\s+(الاول|الثانی)(?!\w)")  # تشرين الثاني
#: a label before the date, as letters and forms write it: «مورخ ۱۳۹۸/۰۸/۲۵», «به تاریخ …»,
#: «تاریخ: …», "Date: …", "dated …"
_LABEL = re.compile(r"^(?:(?:به|در)\s+تاریخ|مورخه?|تاریخ|date|dated|on)(?:\s*:\s*|\s+)(?=\S)")
#: a time of day after a Persian date: «۲۵ آبان ۱۳۹۸ ساعت ۱۸:۳۰» (the day is what is recorded)
_PERSIAN_TIME = re.compile(r"\s+ساعت\s+(\d{1,2})(?::(\d{2}))?$")
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_SEPARATORS = re.compile(r"[\s,./\-]+")


@dataclass
class _Tokens:
    """The date text split into numbers, one month or season word, and calendar hints."""

    numbers: list[str] = field(default_factory=list)
    word: Word | None = None
    calendars: set[str] = field(default_factory=set)
    weekday: int | None = None


#: a hint (an interval of Gregorian days, or a partial date standing for its interval)
CenturyHint = tuple[dt.date, dt.date] | PartialDate
#: a two-digit year is read only when a reading lies within this many years of the hint
CENTURY_HINT_REACH_YEARS = 20
HOW_TO_HINT = said(
    "write the year in full (e.g. 'Mordad 1367', «مرداد ۱۳۶۷»), or give a century hint: the "
    "event's dates, or other dates of the same list, e.g. `shomar dates parse TEXT "
    "--century-hint 1988` (API: parse_partial_date(text, century_hint=...))"
)


_LUNAR_UNSUPPORTED = said(
    "Lunar Hijri (qamari) dates are not supported (a lunar month's first day depends on who saw "
    "the new moon, so its Gregorian days are not certain); give the date in the Solar Hijri "
    "(Jalali) or Gregorian calendar"
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
        raise CenturyUnknownError(
            said("Cannot read %(text)s as a date: %(reason)s.", text=repr(text), reason=exc.reason)
        ) from None
    except InvalidDate as exc:
        example = f"'{exc.example}'" if exc.example else EXAMPLES
        raise DateParseError(
            said(
                "Cannot read %(text)s as a date: %(reason)s. Write it like %(example)s.",
                text=repr(text),
                reason=exc.reason,
                example=example,
            )
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


class _Reading(NamedTuple):
    """One date (or one end of a range) read: its calendar, precision, span and century note."""

    calendar: str
    precision: str
    start: dt.date
    end: dt.date
    note: str | None


#: precisions from the finest to the coarsest; a range takes the coarser of its two ends
_COARSENESS = ("day", "month", "season", "year")


def _parse(
    text: str, default_calendar: str | None, window: tuple[dt.date, dt.date] | None
) -> PartialDate:
    if not text or not text.strip():
        raise InvalidDate(said("the text is empty"))
    interval = _EDTF_INTERVAL.match(fold(text).strip())
    if interval is not None:  # EDTF "1988-07-23/1988-08-22", as Shomar itself writes dates
        first, first_mark, last, last_mark = interval.groups()
        qualifier = _EDTF_QUALIFIERS[first_mark or last_mark]
        reading = _read_range((first, last), text, "gregorian", window, False)
        return _partial(text, reading, qualifier)
    qualifier, body = split_qualifier(fold(text))
    part, body = split_part_of(_LABEL.sub("", body.strip()))
    body = _strip_persian_time(_strip_iso_time(body))
    body, ordinal = replace_ordinals(body)
    decade = _decade(body, text, default_calendar)
    if decade is not None:
        reading = decade
    else:
        ends = split_range(body)
        if ends is None:
            reading = _read(_tokenize(body), text, default_calendar, window, ordinal)
        else:
            reading = _read_range(ends, text, default_calendar, window, ordinal)
    if part is not None and reading.precision == "day":
        raise InvalidDate(
            f"{part!r} goes with a month, season or year, not a day", "early Mordad 1367"
        )
    return _partial(text, reading, qualifier)


def _partial(text: str, reading: _Reading, qualifier: str | None) -> PartialDate:
    return PartialDate(
        text=text,
        calendar=reading.calendar,
        precision=reading.precision,
        qualifier=qualifier,
        start=reading.start,
        end=reading.end,
        edtf=edtf_interval(reading.start, reading.end, qualifier),
        century_inferred=reading.note,
    )


#: an EDTF interval of Gregorian ISO dates, each end with an optional level-1 mark
_EDTF_INTERVAL = re.compile(r"^(\d{4}(?:-\d{2}){0,2})([~?%]?)/(\d{4}(?:-\d{2}){0,2})([~?%]?)$")
_EDTF_QUALIFIERS: dict[str, str | None] = {
    "": None, "~": "approximate", "?": "uncertain", "%": "approximate",
}  # fmt: skip


def _read(
    tokens: _Tokens,
    text: str,
    default_calendar: str | None,
    window: tuple[dt.date, dt.date] | None,
    ordinal: bool,
) -> _Reading:
    note = None
    if _two_digit_year(tokens) is not None:
        tokens, calendar, note = _infer_century(text, tokens, default_calendar, window)
    else:
        calendar = _decide_calendar(tokens, default_calendar)
    if ordinal and (tokens.word is None or tokens.word.kind != "month"):
        raise InvalidDate(
            "an ordinal day word («اول»، «دوم» …) needs a month name after it",
            "اول مرداد ۱۳۶۷",
        )
    precision, (start, end) = _interval(tokens, calendar)
    if tokens.weekday is not None:
        _check_weekday(tokens.weekday, precision, start)
    return _Reading(calendar, precision, start, end, note)


def _check_weekday(weekday: int, precision: str, day: dt.date) -> None:
    named = WEEKDAY_NAMES[weekday]
    if precision != "day":
        raise InvalidDate(f"{named!r} is a weekday and goes with a day, not a {precision}")
    if day.weekday() != weekday:
        raise InvalidDate(
            f"it says {named}, but that day ({day.isoformat()}) is a "
            f"{WEEKDAY_NAMES[day.weekday()]}; check the day or drop the weekday"
        )


def _read_range(
    ends: tuple[str, str],
    text: str,
    default_calendar: str | None,
    window: tuple[dt.date, dt.date] | None,
    ordinal: bool,
) -> _Reading:
    """A range is the interval from the first day of its first end to the last day of its
    last; its precision is the coarser of the two ends' (day when both are days). The first
    end borrows what it leaves out from the last («۱۰ تا ۱۵ مرداد ۱۳۶۷»: month and year;
    "July-August 1988": the year), the last its month from the first ("August 10-15, 1988")."""
    first, last = (_tokenize(end) for end in ends)
    first, last = _complete(first, last)
    a = _read(first, text, default_calendar, window, ordinal)
    b = _read(last, text, default_calendar, window, ordinal)
    if a.calendar != b.calendar:
        raise InvalidDate(
            f"its range starts in the {a.calendar.capitalize()} and ends in the "
            f"{b.calendar.capitalize()} calendar; write both ends in one calendar"
        )
    if b.end < a.start:
        raise InvalidDate(
            f"the range ends ({b.end.isoformat()}) before it starts ({a.start.isoformat()})"
        )
    precision = max(a.precision, b.precision, key=_COARSENESS.index)
    note = "; ".join(n for n in dict.fromkeys((a.note, b.note)) if n) or None
    return _Reading(a.calendar, precision, a.start, max(a.end, b.end), note)


def _has_year(tokens: _Tokens) -> bool:
    return any(len(n) == 4 for n in tokens.numbers) or _two_digit_year(tokens) is not None


def _complete(first: _Tokens, last: _Tokens) -> tuple[_Tokens, _Tokens]:
    if not _has_year(last):
        raise InvalidDate("the end of the range has no year", "10 to 15 Mordad 1367")
    year = next(n for n in reversed(last.numbers) if len(n) in (2, 4))
    calendars = first.calendars or last.calendars
    word = first.word
    lone_day = word is None and len(first.numbers) == 1 and int(first.numbers[0]) <= 31
    if lone_day and last.word is not None:  # «۱۰ تا ۱۵ مرداد ۱۳۶۷»
        first = _Tokens([*first.numbers, year], last.word, calendars, first.weekday)
    elif _has_year(first):
        first = _Tokens(first.numbers, word, calendars, first.weekday)
    elif word is not None:  # "July-August 1988", "August 10-15, 1988"
        first = _Tokens([*first.numbers, year], word, calendars, first.weekday)
        if last.word is None and len(last.numbers) == 2 and word.kind == "month":
            last = _Tokens(last.numbers, word, last.calendars, last.weekday)
    else:
        raise InvalidDate(
            "the start of the range is only a number and the end names no month to share",
            "10 to 15 Mordad 1367",
        )
    return first, last


_ISO_TIME = re.compile(
    r"^(\d{4}-\d{1,2}-\d{1,2})(?:t|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?"
    r"(?:z|[+-]\d{2}(?::?\d{2})?)?$"
)


def _strip_persian_time(body: str) -> str:
    found = _PERSIAN_TIME.search(body)
    if found is None:
        return body
    if int(found.group(1)) > 23 or int(found.group(2) or 0) > 59:
        raise InvalidDate(f"its time {found.group(0).strip()!r} is not a time of day")
    return body[: found.start()]


def _strip_iso_time(body: str) -> str:
    """'2022-09-16T10:00' (ISO 8601 with a time of day) → its date, as written (no time-zone
    shift); the time must be a time of day."""
    found = _ISO_TIME.match(body.strip())
    if found is None:
        return body
    hour, minute, second = (int(g or 0) for g in found.group(2, 3, 4))
    if hour > 23 or minute > 59 or second > 59:
        time = found.group(0)[len(found.group(1)) + 1 :]
        raise InvalidDate(f"its time {time!r} is not a time of day", "2022-09-16T10:00")
    return found.group(1)


_DECADE = re.compile(
    r"^(?:(?:the\s+)?(?P<latin>\d{4})\s*['’]?s|دهه(?:ی|ء)?\s*(?P<persian>\d{4}|\d{2}))"
    r"(?P<rest>\s.*)?$"
)
_SHORT_LATIN_DECADE = re.compile(r"^(?:the\s+)?['’]?(\d{2})['’]?s$")


def _decade(body: str, text: str, default_calendar: str | None) -> _Reading | None:
    """'1980s', «دهه ۱۳۶۰», «دهه ۶۰» (the 1360s; with «میلادی» the 1960s): the ten years, at
    precision year (the coarsest there is). A two-digit decade is read the way the phrase is
    used, in the 14th century of the Jalali calendar or the 20th of the Gregorian."""
    short = _SHORT_LATIN_DECADE.match(body.strip())
    if short is not None:
        raise _CenturyUnknown(
            f"the decade {short.group(1)}s has two digits, so its century is unknown; write it "
            f"in full, e.g. '19{short.group(1)}s'"
        )
    found = _DECADE.match(body.strip())
    if found is None:
        return None
    digits = found.group("latin") or found.group("persian")
    if int(digits) % 10:
        raise InvalidDate(f"a decade starts at a year ending in 0, not {digits}", "دهه ۱۳۶۰")
    tokens = _Tokens()
    for token in _TOKEN.findall(found.group("rest") or ""):
        word = lookup_word(token)
        if token in FILLER_WORDS:
            continue
        if word is None or word.kind != "calendar" or token.isdigit():
            raise InvalidDate("a decade takes only a calendar word after it", "دهه ۶۰ شمسی")
        _add_word(tokens, token)
    note = None
    if len(digits) == 2:
        if len(tokens.calendars) == 1:
            calendar = next(iter(tokens.calendars))
        else:
            calendar = _decide_calendar(tokens, default_calendar or "jalali")
        first = (1300 if calendar == "jalali" else 1900) + int(digits)
        note = f"two-digit decade {digits} read as the {first}s ({calendar.capitalize()})"
    else:
        first = int(digits)
        calendar = _decide_calendar(_Tokens([digits], None, tokens.calendars), default_calendar)
    spans = _SPANS[calendar]
    return _Reading(calendar, "year", spans.year(first)[0], spans.year(first + 9)[1], note)


def _two_digit_year(tokens: _Tokens) -> int | None:
    """Index in ``tokens.numbers`` of a two-digit year, in the forms families write it."""
    numbers, word = tokens.numbers, tokens.word
    if any(len(n) == 4 for n in numbers) or not numbers:
        return None
    if word is None and _year_first(numbers):
        return 0  # «۶۷/۵/۸», as registers write 1367/05/08
    if len(numbers[-1]) != 2:
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


def _year_first(numbers: list[str]) -> bool:
    """A numeric date with a two-digit year first (67/5/8, 67/5): not ambiguous when the first
    number is above 31 (no day or month) and the rest are a month and maybe a day."""
    if len(numbers) not in (2, 3) or len(numbers[0]) != 2 or int(numbers[0]) <= 31:
        return False
    month, *day = (int(n) for n in numbers[1:])
    return 1 <= month <= 12 and all(1 <= d <= 31 for d in day)


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
            said(
                "the year %(year)s has two digits, so its century is unknown; %(how)s",
                year=f"{yy:02d}",
                how=HOW_TO_HINT,
            )
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
            candidate = _Tokens(numbers, tokens.word, tokens.calendars, tokens.weekday)
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
    body = _WEEKDAY_APART.sub(r"\1\2", body)
    body = _ARABIC_MONTH_APART.sub(r"\1\2", body)
    stray = _SEPARATORS.sub("", _TOKEN.sub("", body))
    if stray:
        raise InvalidDate(
            said("it contains %(stray)s, which is not part of any date form", stray=repr(stray[0]))
        )
    tokens = _Tokens()
    for token in _TOKEN.findall(body):
        if token.isdigit():
            tokens.numbers.append(token)
        elif token not in FILLER_WORDS:
            _add_word(tokens, token)
    if not tokens.numbers and tokens.word is None:
        raise InvalidDate(said("there is no date in it"))
    return tokens


def _add_word(tokens: _Tokens, token: str) -> None:
    word = lookup_word(token)
    if word is None:
        raise InvalidDate(
            said("%(token)s is not a month, season or calendar name", token=repr(token))
        )
    if word.calendar == "lunar":
        raise InvalidDate(_LUNAR_UNSUPPORTED, "24 Aban 1398")
    if word.kind == "weekday":
        if tokens.weekday is not None:
            raise InvalidDate("it names more than one weekday")
        tokens.weekday = word.value
        return
    if word.calendar is not None:
        tokens.calendars.add(word.calendar)
    if word.kind == "calendar":
        return
    if tokens.word is not None:
        raise InvalidDate(said("it names more than one month or season; give one"))
    tokens.word = word


def _decide_calendar(tokens: _Tokens, default_calendar: str | None) -> str:
    if len(tokens.calendars) > 1:
        raise InvalidDate(said("its words name both the Jalali and the Gregorian calendar"))
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
        raise InvalidDate(
            said(
                "it has more than one year; for a range put 'to', «تا» or a dash between the two "
                "dates"
            ),
            "1367 to 1368",
        )
    raise InvalidDate(said("it has no four-digit year (two-digit years are ambiguous)"))


@functools.lru_cache(maxsize=65536)
def reads_month_first(text: str, *, default_calendar: str | None = None) -> bool:
    """Whether :func:`parse_partial_date` reads the single numeric date ``text`` month-first
    (11/16/2019), by the same rule (:func:`_us_order`), so an import can say how many it read so.

    Remembered per distinct text: an import asks it for every dated row, and a list repeats
    its dates."""
    try:
        _, body = split_qualifier(fold(text))
        tokens = _tokenize(_strip_iso_time(body))
        numbers = tokens.numbers
        if tokens.word is not None or len(numbers) != 3 or len(numbers[-1]) != 4:
            return False
        calendar = _decide_calendar(tokens, default_calendar)
    except InvalidDate:
        return False
    return _us_order(calendar, [int(numbers[0]), int(numbers[1])])


def _us_order(calendar: str, parts: list[int]) -> bool:
    """Month/day/year (11/16/2019) is read only when it cannot be day/month/year: a Gregorian
    date whose first number is at most 12 and whose second is above 12. 03/04/2019 stays
    day-first (3 April)."""
    return calendar == "gregorian" and parts[0] <= 12 < parts[1]


def _interval(tokens: _Tokens, calendar: str) -> tuple[str, Span]:
    """Precision and Gregorian span of the tokens read in ``calendar``."""
    spans = _SPANS[calendar]
    numbers, word = tokens.numbers, tokens.word
    year = int(_find_year(numbers))
    if calendar == "jalali" and year >= JALALI_YEAR_LIMIT:
        raise InvalidDate(
            said(
                "it reads as a Jalali date but its year %(year)s looks Gregorian (Jalali years "
                "are near 1300-1400); write the month and year in one calendar",
                year=str(year),
            ),
            "Aban 1398",
        )
    if word is not None and word.calendar == "gregorian" and year < JALALI_YEAR_LIMIT:
        raise InvalidDate(
            said(
                "it names a Gregorian month but its year %(year)s looks Jalali (Gregorian years "
                "are near 1900-2000); write the month and year in one calendar",
                year=str(year),
            ),
            "November 2019",
        )
    parts = [int(n) for n in numbers if len(n) != 4]
    if any(len(n) not in (1, 2, 4) for n in numbers):
        raise InvalidDate(said("it has numbers that are neither a day, a month nor a year"))
    if len(numbers) == 3 and len(numbers[1]) == 4:
        raise InvalidDate(said("the year must come first or last"))
    if word is not None and word.kind == "season":
        if parts:
            raise InvalidDate(said("a season takes only a year"), "summer 1367")
        return "season", spans.season(year, word.value)
    if word is not None:  # a month name, then maybe a day
        parts.insert(0, word.value)
    elif len(parts) == 2 and len(numbers[0]) != 4 and not _us_order(calendar, parts):
        parts.reverse()  # day/month/year
    if not parts:
        return "year", spans.year(year)
    if len(parts) == 1:
        return "month", spans.month(year, parts[0])
    if len(parts) == 2:
        return "day", spans.day(year, parts[0], parts[1])
    raise InvalidDate(said("it has too many numbers for one date"))
