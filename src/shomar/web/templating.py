"""Jinja2 environments, one per language, with the gettext catalogs installed.

Templates never decide who sees what (the services did); they only render. Every visible
string goes through ``_()`` so the catalogs can translate it (a test checks none is missing).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from shomar.domain.said import Said, say
from shomar.linkage.review import plain_level, stored_weights
from shomar.web.i18n import Locale, translations
from shomar.web.page_controls import on_page


@cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=PackageLoader("shomar.web", "templates"),
        autoescape=select_autoescape(("html",)),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(lang), newstyle=True)  # type: ignore[attr-defined]
    locale = Locale(lang)
    env.filters["digits"] = locale.digits
    env.filters["number"] = locale.number
    env.filters["todate"] = _to_date
    env.filters["tr"] = lambda text: _word(lang, text)
    env.filters["evidence"] = lambda text: _word(lang, plain_level(str(text or "")))
    env.filters["weights"] = stored_weights
    env.filters["say"] = lambda text: _said(lang, text)
    env.filters["on_page"] = lambda text: on_page(str(text), lang, translations(lang).gettext)
    env.globals["locale"] = locale
    env.globals["date_pair"] = locale.date_pair
    return env


def _said(lang: str, text: object) -> str:
    """A message made with :func:`~shomar.domain.said.said` in the page's language. A sentence
    the catalog translated starts with the page's direction mark (RLM in Persian), so the
    ``<bdi>`` around it takes the page's direction even when it opens with a Latin value."""
    locale, gettext = Locale(lang), translations(lang).gettext
    shown = say(text, gettext, locale.number, locale.digits, _isolated)
    if isinstance(text, Said) and lang == "fa" and gettext(text.template) != text.template:
        return "\u200f" + shown
    return shown


def _isolated(text: str) -> str:
    """A value inside a sentence as a bidirectional isolate (FSI … PDI): its own direction,
    so "'not a date'" stays in order inside a Persian sentence and a Persian name inside an
    English one."""
    return f"\u2068{text}\u2069"


def _word(lang: str, text: object) -> str:
    """A data word (role, tier, field name…) in the page's language."""
    if not text:
        return ""
    word = str(text)
    if lang == "en":
        from shomar.web.vocabulary import ENGLISH_LABELS

        return ENGLISH_LABELS.get(word, word)
    return str(translations(lang).gettext(word))


def _to_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value[:10])
    return None


def render(lang: str, name: str, context: dict[str, Any]) -> str:
    template = environment(lang).get_template(name)
    return template.render(now=dt.datetime.now(dt.UTC), lang=lang, **context)


__all__ = ["environment", "render"]
