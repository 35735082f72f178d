"""Full dates written in a sentence, for the date a claim was stated.

Finds day-precise dates in English ("December 15, 2019", "15 December 2019", "2019-12-15") and
in Persian, Jalali ("۲۵ آذر ۱۳۹۸", "۲۵ آذر ۹۸", "۱۳۹۸/۰۹/۲۵") or Gregorian ("۲۳ دسامبر ۲۰۱۹"),
and returns them as ISO dates with their offsets. A date with no year ("on October 7th") or no day
("November 2019") is not a stated date: it is left to the event hint.

Jalali dates are converted by :func:`jalali_to_gregorian` below (a few lines of arithmetic, so
extraction stays standard-library only; ``shomar.calendar`` handles partial dates and is the
place for everything else about calendars).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from shomar.claims.quantity import fold_text

__all__ = [
    "EN_MONTHS",
    "FA_GREGORIAN_MONTHS",
    "JALALI_MONTHS",
    "DateMention",
    "find_dates",
    "jalali_to_gregorian",
]

EN_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
JALALI_MONTHS = {
    m: i
    for i, m in enumerate(
        ["فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی",
         "بهمن", "اسفند"],
        start=1,
    )
}  # fmt: skip
FA_GREGORIAN_MONTHS = {
    m: i
    for i, m in enumerate(
        ["ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر",
         "نوامبر", "دسامبر"],
        start=1,
    )
}  # fmt: skip


@dataclass(frozen=True)
class DateMention:
    """A day-precise date in a text, with the offsets of its words."""

    start: int
    end: int
    iso: str


def _alt(names: Iterable[str]) -> str:
    return "|".join(sorted((str(n) for n in names), key=len, reverse=True))


_EN = _alt(EN_MONTHS)
_ORD = r"(?:st|nd|rd|th)?"
_EN_DMY = re.compile(rf"\b(\d{{1,2}}){_ORD}\s+(?:of\s+)?({_EN})\.?,?\s+(\d{{4}})\b", re.I)
_EN_MDY = re.compile(rf"\b({_EN})\.?\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_NUMERIC = re.compile(r"(?<![\d/])(\d{4})/(\d{1,2})/(\d{1,2})(?![\d/])")
_FA_J = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+({_alt(JALALI_MONTHS)})(?:\s+(?:ماه|سال))?\s+(\d{{2,4}})(?!\d)"
)
_FA_G = re.compile(rf"(?<!\d)(\d{{1,2}})\s+({_alt(FA_GREGORIAN_MONTHS)})\s+(\d{{4}})(?!\d)")


def jalali_to_gregorian(year: int, month: int, day: int) -> dt.date:
    """Convert a Jalali (Solar Hijri) date to the Gregorian calendar.

    Counts days with the 33-year arithmetic of the widely used ``jdf`` algorithm
    (jdf.scr.ir, also used by ``jalaali-js``), anchored on 1 Farvardin 1398 = 2019-03-21. Exact
    for the Jalali years 1244-1472 (Gregorian 1865-2093), the range any claim about Iran uses.
    """
    if not (1 <= month <= 12 and 1 <= day <= (31 if month <= 6 else 30)):
        raise ValueError(f"no such Jalali day: {year}-{month}-{day}")
    return _ANCHOR + dt.timedelta(days=_jalali_days(year, month, day) - _ANCHOR_DAYS)


def _jalali_days(year: int, month: int, day: int) -> int:
    jy = year + 1595
    days = 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + day
    days += (month - 1) * 31 if month < 7 else (month - 7) * 30 + 186
    return days


_ANCHOR = dt.date(2019, 3, 21)
_ANCHOR_DAYS = _jalali_days(1398, 1, 1)


def _full_year_jalali(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 1400 if year < 50 else 1300
    return year


def _jalali_iso(year: int, month: int, day: int) -> str | None:
    try:
        return jalali_to_gregorian(year, month, day).isoformat()
    except (ValueError, OverflowError):
        return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[DateMention]:
    """Every day-precise date in ``text``, in reading order."""
    folded = fold_text(text)
    found: list[DateMention] = []
    for m in _EN_DMY.finditer(folded):
        iso = _iso(int(m[3]), EN_MONTHS[m[2].casefold()], int(m[1]))
        if iso:
            found.append(DateMention(m.start(), m.end(), iso))
    for m in _EN_MDY.finditer(folded):
        iso = _iso(int(m[3]), EN_MONTHS[m[1].casefold()], int(m[2]))
        if iso:
            found.append(DateMention(m.start(), m.end(), iso))
    for m in _ISO.finditer(folded):
        iso = _iso(int(m[1]), int(m[2]), int(m[3]))
        if iso:
            found.append(DateMention(m.start(), m.end(), iso))
    for m in _NUMERIC.finditer(folded):  # 1398/09/25 (Jalali) or 2019/12/16 (Gregorian)
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        iso = _jalali_iso(year, month, day) if year < 1700 else _iso(year, month, day)
        if iso:
            found.append(DateMention(m.start(), m.end(), iso))
    for m in _FA_J.finditer(folded):
        day, month = int(m[1]), JALALI_MONTHS[m[2]]
        if 1 <= day <= 31:
            iso = _jalali_iso(_full_year_jalali(m[3]), month, day)
            if iso:
                found.append(DateMention(m.start(), m.end(), iso))
    for m in _FA_G.finditer(folded):
        iso = _iso(int(m[3]), FA_GREGORIAN_MONTHS[m[2]], int(m[1]))
        if iso:
            found.append(DateMention(m.start(), m.end(), iso))
    return sorted(found, key=lambda d: d.start)
