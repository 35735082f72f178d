"""Languages of the web app: Babel catalogs (gettext ``.po``), digits, dates, direction.

The catalogs live in ``web/locales/<lang>/LC_MESSAGES/messages.po`` and are compiled in memory
at start-up (no compiled ``.mo`` files in the repository). English strings are the message ids.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jdatetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from shomar.calendar.names import JALALI_MONTH_NAMES, JALALI_MONTH_NAMES_FA

LANGUAGES = ("fa", "en")
DEFAULT_LANGUAGE = "fa"
_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_JALALI_MONTHS_FA = JALALI_MONTH_NAMES_FA
_JALALI_MONTHS_EN = JALALI_MONTH_NAMES


@dataclass(frozen=True)
class Locale:
    lang: str

    @property
    def dir(self) -> str:
        return "rtl" if self.lang == "fa" else "ltr"

    def digits(self, value: object) -> str:
        text = "" if value is None else str(value)
        return text.translate(_PERSIAN_DIGITS) if self.lang == "fa" else text

    def number(self, value: float | int | None) -> str:
        if value is None:
            return "—"
        text = f"{value:,.0f}" if isinstance(value, float) else f"{value:,}"
        if self.lang == "fa":
            text = text.replace(",", "٬")
        return self.digits(text)

    def jalali(self, day: dt.date) -> str:
        j = jdatetime.date.fromgregorian(date=day)
        months = _JALALI_MONTHS_FA if self.lang == "fa" else _JALALI_MONTHS_EN
        return self.digits(f"{j.day} {months[j.month - 1]} {j.year}")

    def gregorian(self, day: dt.date) -> str:
        return self.digits(day.isoformat())

    def date_pair(self, day: dt.date | None, calendar: str = "jalali") -> tuple[str, str]:
        """``(shown, other)``: the date in the preferred calendar and in the other one."""
        if day is None:
            return "—", ""
        jalali, gregorian = self.jalali(day), self.gregorian(day)
        return (jalali, gregorian) if calendar == "jalali" else (gregorian, jalali)


def catalog_path(lang: str) -> str:
    return str(resources.files("shomar.web") / "locales" / lang / "LC_MESSAGES" / "messages.po")


@cache
def translations(lang: str) -> Translations:
    """The compiled catalog of ``lang`` (English is the identity)."""
    if lang == "en":
        return Translations()
    with open(catalog_path(lang), "rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


def negotiate(accept_language: str | None) -> str:
    """The first supported language in an ``Accept-Language`` header (default Persian)."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower().split("-")[0]
        quality = 1.0
        for param in pieces[1:]:
            if param.strip().startswith("q="):
                try:
                    quality = float(param.strip()[2:])
                except ValueError:
                    quality = 0.0
        weighted.append((-quality, index, tag))
    for _, _, tag in sorted(weighted):
        if tag in LANGUAGES:
            return tag
    return DEFAULT_LANGUAGE


__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Locale", "negotiate", "translations"]
