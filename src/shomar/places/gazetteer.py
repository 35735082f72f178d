"""The gazetteer of Iran: provinces, counties and cities with their Persian and Latin names.

Built lazily from the files in :mod:`shomar.data.iran` (OpenStreetMap © OpenStreetMap
contributors, ODbL 1.0; cities © amyrmahdy, MIT): ``provinces_osm.csv``, ``counties_osm.csv``
and ``cities_amyrmahdy.csv``. Every name is indexed by its comparison key
(:func:`shomar.text.persian_key` or :func:`shomar.text.latin_key`) after generic words
(«استان», «شهرستان», "Province", "County", "Shahrestan", "Ostan-e", translations such as
"Provinz", "Eyaleti", "ostanı") and parenthesised glosses are removed.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from shomar.places.romanised import loose_key
from shomar.text.normalize import detect_script, latin_key, persian_display, persian_key

__all__ = [
    "Entry",
    "Province",
    "compound_key",
    "designated_level",
    "place_key",
    "province_names",
    "provinces",
]

_FA_GENERIC = ("استان", "شهرستان", "شهر", "بخش", "روستای", "روستا", "کشور")
_GENERIC_WORDS = (
    "province provincia provinz provinsi provinco provincie provincija provins provints "
    "provinsa provinsen prowincja province's ostan ostani ostanı ustoni ustan eyaleti eyalet "
    "county shahrestan sharestan city town of the de di del da do du la le el al tartomány "
    "séng sén lalawigan talaith iran rajona rajon region district bakhsh shahr"
)
_LATIN_GENERIC = {w.casefold() for w in _GENERIC_WORDS.split()}
#: generic words that are also parts of compound names (Qaem Shahr, Iranshahr, «شهر ری»)
_COMPOUND_PARTS = {"shahr", "iran", "شهر"}
_LATIN_DESIGNATORS = _LATIN_GENERIC - _COMPOUND_PARTS
_FA_DESIGNATORS = tuple(w for w in _FA_GENERIC if w not in _COMPOUND_PARTS)
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
#: words that say which level a piece names: «استان تهران» is the province, not the city
_LEVEL_WORDS = {
    "province": {"استان"}
    | {w for w in _LATIN_DESIGNATORS if w.startswith(("prov", "ostan", "ustan", "eyalet"))},
    "county": {"شهرستان", "county", "shahrestan", "sharestan"},
}
_LATIN_SPLIT = re.compile(r"[\s\-_'’]+")


def _strip_latin(text: str, generic: set[str] = _LATIN_GENERIC) -> str:
    text = _PAREN.sub(" ", text)
    words = [w for w in _LATIN_SPLIT.split(text) if w]
    kept: list[str] = []
    for i, w in enumerate(words):
        low = w.casefold()
        if low in generic:
            continue
        # ezafe after a generic word: "Ostan-e Tehran", "Shahrestan-e Izeh"
        if low in ("e", "ye", "-e") and i > 0 and words[i - 1].casefold() in generic:
            continue
        kept.append(w)
    return " ".join(kept)


def _strip_persian(text: str, generic: tuple[str, ...] = _FA_GENERIC) -> str:
    text = persian_display(_PAREN.sub(" ", text))
    words = text.split()
    while len(words) > 1 and words[0] in generic:
        words = words[1:]
    return " ".join(words)


_PORT = re.compile(r"^(?:bandar(?:[\s-]+e)?|بندر)[\s\-\u200c]+", re.IGNORECASE)


def _strip_port(name: str) -> str:
    """``Bandar-e Mahshahr`` is also called ``Mahshahr``; «بندر ماهشهر» also «ماهشهر»."""
    return _PORT.sub("", name.strip())


def place_key(text: str) -> str:
    """The comparison key of a place name in either script, generic words removed."""
    script = detect_script(text)
    if script == "persian":
        return persian_key(_strip_persian(text))
    return latin_key(_strip_latin(text))


def designated_level(text: str) -> str | None:
    """``"province"`` or ``"county"`` when a word in ``text`` says so («استان فارس»,
    "Ostan-e Tehran", "Izeh County"), else ``None``: the piece then names that level only."""
    words = {w.casefold() for w in _LATIN_SPLIT.split(persian_display(text)) if w}
    for level, marks in _LEVEL_WORDS.items():
        if words & marks:
            return level
    return None


def compound_key(text: str) -> str:
    """The key of a name with only its designators removed («استان», "Province", "County"),
    not the words a compound is made of (*shahr*, *Iran*): ``Qaem Shahr``, ``Qaem-Shahr`` and
    ``Qaemshahr`` share the key ``qaemshahr``, where ``place_key`` drops *shahr* from the
    first two and cannot from the third."""
    script = detect_script(text)
    if script == "persian":
        return persian_key(_strip_persian(text, _FA_DESIGNATORS))
    return latin_key(_strip_latin(text, _LATIN_DESIGNATORS))


@dataclass(frozen=True)
class Entry:
    """One indexed name: what it names and how strongly it names it."""

    level: str  # province | county | city
    province_iso: str
    county: str | None
    city: str | None
    name: str  # the name as listed
    fa_key: str = ""  # persian_key of the Persian name (joins a city to its county)


@dataclass(frozen=True)
class Province:
    """A province with the names the simulator (and the resolver) can use."""

    iso: str
    name_en: str
    name_fa: str
    latin_variants: tuple[str, ...]
    counties: tuple[tuple[str, str], ...]  # (English, Persian)
    cities: tuple[tuple[str, str], ...]  # (English, Persian)


def _read(name: str) -> list[dict[str, str]]:
    text = files("shomar.data.iran").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _latin_names(field: str) -> list[str]:
    out = []
    for item in field.split(" | "):
        if "=" in item:
            out.append(item.split("=", 1)[1].strip())
    return [v for v in out if v]


def _city_title(slug: str) -> str:
    return "-".join(p.capitalize() if p not in ("e", "ye") else p for p in slug.split("-"))


@cache
def provinces() -> tuple[Province, ...]:
    """The 31 provinces with Latin variants, counties and cities (English, Persian)."""
    counties: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in _read("counties_osm.csv"):
        counties[r["province_iso"]].append((r["name_en"], persian_display(r["name_fa"])))
    cities: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in _read("cities_amyrmahdy.csv"):
        cities[r["province_iso"]].append((_city_title(r["city_en"]), persian_display(r["city_fa"])))
    out = []
    for r in _read("provinces_osm.csv"):
        iso = r["iso_3166_2"]
        variants = tuple(dict.fromkeys(_latin_names(r["osm_latin_names"])))
        out.append(
            Province(
                iso,
                r["name_en"],
                persian_display(r["name_fa"]),
                variants,
                tuple(counties[iso]),
                tuple(cities[iso]),
            )
        )
    return tuple(out)


def province_names() -> list[Province]:
    """Provinces for drawing places: ISO code, English and Persian names, Latin variants,
    counties and cities as (English, Persian) pairs."""
    return list(provinces())


@cache
def province_by_iso() -> dict[str, Province]:
    return {p.iso: p for p in provinces()}


@cache
def index() -> dict[str, tuple[Entry, ...]]:
    """Place key → the entries it names (provinces first, then counties, then cities)."""
    idx: dict[str, list[Entry]] = defaultdict(list)

    def add(name: str, entry: Entry) -> None:
        for key in (place_key(name), compound_key(name)):
            if key and entry not in idx[key]:
                idx[key].append(entry)

    for r in _read("provinces_osm.csv"):
        iso = r["iso_3166_2"]
        for name in (
            r["name_en"],
            r["name_fa"],
            r["osm_name"],
            *_latin_names(r["osm_latin_names"]),
        ):
            add(name, Entry("province", iso, None, None, r["name_en"]))
    for r in _read("counties_osm.csv"):
        en = r["name_en"] or r["osm_name_en"].removesuffix(" County")
        fa_key = persian_key(r["name_fa"])
        county = en or persian_display(r["name_fa"])
        entry = Entry("county", r["province_iso"], county, None, en, fa_key)
        for name in (r["name_en"], r["name_fa"], r["osm_name"], r["osm_name_en"]):
            if name:
                add(name, entry)
                add(_strip_port(name), entry)
        for name in _latin_names(r["osm_latin_names"]):
            add(name, entry)
    for r in _read("cities_amyrmahdy.csv"):
        en = _city_title(r["city_en"])
        entry = Entry("city", r["province_iso"], None, en, en, persian_key(r["city_fa"]))
        for name in (r["city_fa"], r["city_en"].replace("-", " ")):
            add(name, entry)
            add(_strip_port(name), entry)
    _add_capitals(idx)
    order = {"province": 0, "county": 1, "city": 2}
    return {k: tuple(sorted(v, key=lambda e: order[e.level])) for k, v in idx.items()}


def _add_capitals(idx: dict[str, list[Entry]]) -> None:
    """A province's Latin names also name its county and city of the same Persian name
    (``Teheran``, ``Kirman``, ``Ispahan`` are listed for the province only): each of them
    then resolves as ``Tehran`` does, to the city, not to the province alone."""
    for r in _read("provinces_osm.csv"):
        iso = r["iso_3166_2"]
        same_named = [
            e
            for e in idx.get(persian_key(r["name_fa"]), ())
            if e.level != "province" and e.province_iso == iso
        ]
        for name in (r["name_en"], r["osm_name"], *_latin_names(r["osm_latin_names"])):
            entries = idx.get(place_key(name), [])
            if [e.level for e in entries] == ["province"] and entries[0].province_iso == iso:
                entries.extend(same_named)


@cache
def loose_index() -> dict[str, tuple[Entry, ...]]:
    """:func:`~shomar.places.romanised.loose_key` of every Latin key → the entries it names."""
    idx: dict[str, list[Entry]] = defaultdict(list)
    for key, entries in index().items():
        if key.isascii():
            loose = idx[loose_key(key)]
            loose.extend(e for e in entries if e not in loose)
    return {k: tuple(v) for k, v in idx.items()}


@cache
def latin_keys() -> tuple[str, ...]:
    """Every Latin-script key in the index (for fuzzy lookup)."""
    return tuple(k for k in index() if k.isascii())


@cache
def persian_keys() -> tuple[str, ...]:
    """Every Persian-script key in the index (for fuzzy lookup)."""
    return tuple(k for k in index() if not k.isascii())


@cache
def county_entries(iso: str) -> tuple[Entry, ...]:
    """The county entries of one province."""
    seen: dict[str, Entry] = {}
    for entries in index().values():
        for e in entries:
            if e.level == "county" and e.province_iso == iso and e.county:
                seen.setdefault(e.county, e)
    return tuple(seen.values())
