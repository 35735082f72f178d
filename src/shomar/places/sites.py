"""Detention sites (prisons, detention centres) and old city names, as places in Iran.

``shomar/data/iran/detention_sites.csv``: the prisons and detention centres named in lists of
the 1980s executions, 2009 and 2019 protests, each with its Persian and Latin names, its city
and province and a ``kind`` (``prison`` | ``detention_centre``). ``old_place_names.csv``: city
names in use before a renaming (باختران = Kermanshah, رضائیه = Urmia, شاهی = Qaem Shahr), each
pointing to today's city. Both written for Shomar from OpenStreetMap and Wikidata names (see
the data README for origin and license).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from shomar.places.gazetteer import place_key
from shomar.text.normalize import persian_display, persian_key

__all__ = [
    "DetentionSite",
    "OldName",
    "SiteIndex",
    "detention_sites",
    "has_prison_word",
    "old_names",
    "strip_prison_words",
]


@dataclass(frozen=True)
class DetentionSite:
    """A prison or detention centre."""

    name_en: str
    name_fa: str
    kind: str  # prison | detention_centre
    city_fa: str
    province_iso: str


@dataclass(frozen=True)
class OldName:
    """A former name of a city, and the city's Persian name today."""

    name: str
    city_fa: str
    province_iso: str
    note: str


def _read(name: str) -> list[dict[str, str]]:
    text = files("shomar.data.iran").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _split(field: str) -> list[str]:
    return [f.strip() for f in field.split("|") if f.strip()]


@dataclass(frozen=True)
class SiteIndex:
    """Keys naming a detention site: ``full`` with its prison word («زندان اوین», "Evin
    Prison"), ``stripped`` the same names without it (used only when the text has a prison
    word: "Tabriz Central Prison" → "tabriz"), ``short`` names that mean the site alone
    ("Evin", "Gohardasht", "Qezel Hesar")."""

    full: dict[str, tuple[DetentionSite, ...]]
    stripped: dict[str, tuple[DetentionSite, ...]]
    short: dict[str, tuple[DetentionSite, ...]]


def _add(idx: dict[str, list[DetentionSite]], name: str, site: DetentionSite) -> None:
    key = place_key(name)
    if key and site not in idx.setdefault(key, []):
        idx[key].append(site)


@cache
def detention_sites() -> SiteIndex:
    """The detention-site index (see :class:`SiteIndex`)."""
    full: dict[str, list[DetentionSite]] = {}
    stripped: dict[str, list[DetentionSite]] = {}
    short: dict[str, list[DetentionSite]] = {}
    for r in _read("detention_sites.csv"):
        site = DetentionSite(
            r["name_en"], persian_display(r["name_fa"]), r["kind"], r["city_fa"], r["province_iso"]
        )
        names = (r["name_en"], r["name_fa"], *_split(r["aliases_en"]), *_split(r["aliases_fa"]))
        shorts = (*_split(r["short_en"]), *_split(r["short_fa"]))
        for name in names:
            _add(full, name, site)
            _add(stripped, strip_prison_words(name), site)
        for name in shorts:
            _add(short, name, site)
            _add(stripped, name, site)
    return SiteIndex(
        {k: tuple(v) for k, v in full.items()},
        {k: tuple(v) for k, v in stripped.items()},
        {k: tuple(v) for k, v in short.items()},
    )


_PRISON_WORDS = re.compile(
    r"(?<![\w\u0600-\u06ff])(?:central|prison|prisons|jail|gaol|penitentiary|detention|centre|"
    r"center|camp|ward|women's|zendan|zendan-e|bazdashtgah|gefängnis|prison de|"
    r"زندان|زندانِ|مرکزی|ندامتگاه|بازداشتگاه|بند|اردوگاه)(?![\w\u0600-\u06ff])",
    re.IGNORECASE,
)


def has_prison_word(text: str) -> bool:
    """Whether the text says it is a prison or a detention site."""
    return _PRISON_WORDS.search(persian_display(text)) is not None


def strip_prison_words(text: str) -> str:
    """The text without its prison words ("Evin Prison" → "Evin", «زندان مرکزی تبریز» →
    «تبریز»)."""
    return " ".join(_PRISON_WORDS.sub(" ", persian_display(text)).split())


@cache
def old_names() -> dict[str, OldName]:
    """Key of a former city name → the renaming."""
    out: dict[str, OldName] = {}
    for r in _read("old_place_names.csv"):
        for name in (r["old_fa"], *_split(r["old_en"])):
            out[place_key(name)] = OldName(
                name, persian_key(r["city_fa"]), r["province_iso"], r["note"]
            )
    return out
