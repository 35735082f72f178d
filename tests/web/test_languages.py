"""Persian and English: every string translated, RTL pages, Persian digits, language choice."""

from __future__ import annotations

import pytest

from shomar.web.catalog import all_messages, template_messages
from shomar.web.i18n import Locale, negotiate, translations

from .conftest import WebWorld


def test_every_template_string_has_a_persian_translation() -> None:
    assert len(template_messages()) > 100
    fa = translations("fa")
    missing = [m for m in all_messages() if fa.gettext(m) == m]
    assert not missing, missing


def test_persian_digits_and_jalali_dates() -> None:
    import datetime as dt

    fa = Locale("fa")
    assert fa.number(1024) == "۱٬۰۲۴"
    assert fa.jalali(dt.date(1988, 7, 23)) == "۱ مرداد ۱۳۶۷"
    assert Locale("en").jalali(dt.date(1988, 7, 23)) == "1 Mordad 1367"
    assert fa.date_pair(dt.date(1988, 7, 23)) == ("۱ مرداد ۱۳۶۷", "۱۹۸۸-۰۷-۲۳")


@pytest.mark.parametrize(
    ("header", "lang"),
    [("fa-IR,fa;q=0.9", "fa"), ("en-US,en;q=0.9", "en"), ("de, en;q=0.5", "en"), (None, "fa"),
     ("en;q=0.2, fa;q=0.8", "fa")],
)  # fmt: skip
def test_accept_language(header: str | None, lang: str) -> None:
    assert negotiate(header) == lang


def test_root_follows_accept_language(world: WebWorld) -> None:
    response = world.client.get("/", headers={"accept-language": "en"}, follow_redirects=False)
    assert response.headers["location"] == "/en/"


def test_persian_page_is_rtl_and_english_ltr(world: WebWorld) -> None:
    fa = world.client.get("/fa/records").text
    assert '<html lang="fa" dir="rtl">' in fa and "رکوردها" in fa
    en = world.client.get("/en/records").text
    assert '<html lang="en" dir="ltr">' in en


def test_no_inline_script_or_style(world: WebWorld) -> None:
    client = world.login("analyst")
    for path in ("/fa/", "/fa/records", "/fa/review", "/fa/persons", "/fa/estimates"):
        html = client.get(path).text
        assert "<script>" not in html and "style=" not in html and "onclick" not in html, path


def test_mixed_direction_names_are_isolated(world: WebWorld) -> None:
    html = world.login("admin").get("/fa/records").text
    assert "<bdi>Mohammad" in html or "<bdi>Zz" in html
