"""Places outside Iran: every country (CLDR names via Babel) and the large foreign cities and
camps an Iranian list names (``shomar/data/world/foreign_places.csv``).

Country names come from the Unicode CLDR territory names that Babel ships (Unicode License),
in the languages Iranian and diaspora lists are written in, plus the colloquial forms CLDR
does not give (آمریکا, انگلیس, "USA", "Holland"). Indexed by the same keys as the Iranian
gazetteer (:func:`~shomar.places.gazetteer.place_key`), loaded on first use.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from shomar.places.gazetteer import place_key
from shomar.text.normalize import name_key

__all__ = ["ForeignPlace", "country_name", "foreign_index"]

#: languages whose CLDR country names are indexed
LOCALES = ("en", "fa", "de", "fr", "sv", "nl", "tr", "ar", "da", "nb", "es", "it", "ckb", "az")

#: names CLDR does not give (colloquial Persian, English abbreviations, older names)
_EXTRA_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "US": (
        "USA",
        "U.S.A.",
        "U.S.",
        "US",
        "United States of America",
        "America",
        "Amerika",
        "آمریکا",
        "امریکا",
        "ایالات متحده آمریکا",
        "ایالات متحده امریکا",
        "ایالات متحده‌ی آمریکا",
    ),
    "GB": (
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "انگلیس",
        "انگلستان",
        "بریتانیای کبیر",
        "اسکاتلند",
        "ولز",
    ),
    "NL": ("Holland", "The Netherlands", "Nederland", "هلند"),
    "TR": ("Turkey", "Turkiye", "Türkiye", "Türkei", "Turquie", "ترکیه", "ترکیا"),
    "DE": ("West Germany", "Deutschland", "آلمان غربی"),
    "AE": ("UAE", "U.A.E.", "Emirates", "امارات"),
    "AF": ("Afganistan", "Afghanestan", "افغانستان"),
    "IQ": ("Irak", "Eraq", "عراق"),
    "IR": ("Iran", "Persia", "Islamic Republic of Iran", "ایران", "جمهوری اسلامی ایران"),
    "RU": ("Russia", "Soviet Union", "USSR", "روسیه", "شوروی"),
    "KR": ("South Korea", "کره جنوبی"),
    "CZ": ("Czech Republic",),
    "SY": ("Syria", "سوریه"),
    "AZ": ("Republic of Azerbaijan", "جمهوری آذربایجان"),
}

#: CLDR codes that are not countries
_NOT_COUNTRIES = frozenset({"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"})


@dataclass(frozen=True)
class ForeignPlace:
    """One indexed foreign name: a country, or a city or camp in one."""

    country: str  # ISO 3166-1 alpha-2
    kind: str  # country | city | camp
    city: str | None  # English name of the city or camp; None for a country
    name: str  # the name as listed


def _babel_names() -> dict[str, set[str]]:
    from babel import Locale

    out: dict[str, set[str]] = defaultdict(set)
    for loc in LOCALES:
        for code, name in Locale.parse(loc).territories.items():
            if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES:
                out[code].add(name)
    return out


@cache
def country_names_en() -> dict[str, str]:
    """ISO alpha-2 → English CLDR name."""
    from babel import Locale

    return {
        c: n
        for c, n in Locale.parse("en").territories.items()
        if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES
    }


def country_name(iso2: str) -> str:
    """The English name of a country (``"DE"`` → ``"Germany"``); the code when unknown."""
    return country_names_en().get(iso2, iso2)


def _keys(name: str) -> set[str]:
    return {k for k in (place_key(name), name_key(name)) if k}


@cache
def foreign_index() -> dict[str, tuple[ForeignPlace, ...]]:
    """Key → the foreign places it names (countries first)."""
    idx: dict[str, list[ForeignPlace]] = defaultdict(list)

    def add(name: str, place: ForeignPlace) -> None:
        for key in _keys(name):
            if place not in idx[key]:
                idx[key].append(place)

    names = _babel_names()
    for code, extra in _EXTRA_COUNTRY_NAMES.items():
        names[code].update(extra)
    for code, forms in names.items():
        place = ForeignPlace(code, "country", None, country_name(code))
        for form in forms:
            add(form, place)
    text = files("shomar.data.world").joinpath("foreign_places.csv").read_text(encoding="utf-8")
    for r in csv.DictReader(io.StringIO(text)):
        place = ForeignPlace(r["country"], r["kind"], r["name_en"], r["name_en"])
        for form in (r["name_en"], *r["aliases_en"].split("|"), *r["names_fa"].split("|")):
            if form.strip():
                add(form, place)
    order = {"country": 0, "camp": 1, "city": 2}
    return {k: tuple(sorted(v, key=lambda p: order[p.kind])) for k, v in idx.items()}
