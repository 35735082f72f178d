"""The report's language: the web app's Babel catalogs, Persian digits and Jalali dates.

The report is rendered in one language at a time (``shomar report --lang fa``). The figure
code marks its strings with :func:`_` (extracted into the same ``messages.po`` as the web
pages by :mod:`shomar.web.catalog`); :func:`language` sets the language for one rendering.
``shomar.web.i18n`` imports only Babel and jdatetime, so the report needs no web framework.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from shomar.web.i18n import Locale, translations

REPORT_LANGUAGES = ("en", "fa")
_CURRENT: ContextVar[str] = ContextVar("shomar_report_lang", default="en")


def current() -> Locale:
    """The locale of the report being rendered (English outside :func:`language`)."""
    return Locale(_CURRENT.get())


@contextmanager
def language(lang: str) -> Iterator[Locale]:
    """Render (figures included) in ``lang`` inside this block."""
    if lang not in REPORT_LANGUAGES:
        raise ValueError(f"unknown report language {lang!r}: use one of {REPORT_LANGUAGES}")
    token = _CURRENT.set(lang)
    try:
        yield Locale(lang)
    finally:
        _CURRENT.reset(token)


def _(message: str) -> str:
    """``message`` in the current report language (the English text is the message id)."""
    return str(translations(_CURRENT.get()).gettext(message))


def digits(value: object) -> str:
    """``value`` as text, with Persian digits in a Persian report."""
    return current().digits(value)
