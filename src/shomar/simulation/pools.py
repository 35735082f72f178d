"""Names and places the simulator draws from, read from the shipped reference data.

Given names and surnames come from ``names_ir_wikidata_units.csv`` (attested Latin spellings
with counts, used as probabilities) and genders from ``given_names_pngt26k.csv``; places from
the provinces and cities gazetteer. Spellings that look like alignment errors in the source
(rare, much shorter than the Persian name) are left out, so that the simulated noise is
realistic rather than wrong.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources

ZWNJ = "\u200c"


@dataclass(frozen=True)
class NameEntry:
    """A Persian name part and its attested Latin spellings with weights."""

    persian: str
    spellings: tuple[str, ...]
    weights: tuple[float, ...]


@dataclass(frozen=True)
class PlaceEntry:
    """A city with its province, in both scripts, with Latin variants of the province."""

    province_iso: str
    province_en: str
    province_fa: str
    province_variants: tuple[str, ...]
    city_en: str
    city_fa: str


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("shomar.data.iran").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


#: Latin initials that a Persian initial letter is written with.
INITIALS = {
    "ا": "aeiou", "آ": "aeiou", "ع": "aeiou", "ئ": "aeiouy", "ب": "b", "پ": "p", "ت": "t",
    "ط": "t", "ث": "s", "س": "s", "ص": "s", "ج": "jdg", "چ": "c", "ح": "h", "ه": "h",
    "خ": "khx", "د": "d", "ذ": "zd", "ز": "z", "ض": "zd", "ظ": "z", "ر": "r", "ژ": "zj",
    "ش": "sc", "غ": "gq", "ق": "gqk", "ف": "f", "ک": "kc", "گ": "g", "ل": "l", "م": "m",
    "ن": "n", "و": "vwou", "ی": "yie",
}  # fmt: skip


def _plausible(persian: str, latin: str) -> bool:
    """Keep spellings whose length and first letter fit the Persian name."""
    letters = [c for c in latin.lower() if c.isalpha()]
    if not letters or " " in latin or not latin.isascii():
        return False
    if len(letters) < 1.2 * len(persian.replace(" ", "").replace(ZWNJ, "")):
        return False
    return letters[0] in INITIALS.get(persian[:1], letters[0])


def _entries(role: str, *, min_count: int = 2, min_share: float = 0.03) -> list[NameEntry]:
    by_key: dict[str, dict[str, int]] = {}
    for row in _read("names_ir_wikidata_units.csv"):
        if row["role"] != role:
            continue
        persian, latin, count = row["key_persian_letters"], row["latin"].strip(), int(row["count"])
        if count < min_count or not _plausible(persian, latin) or " " in persian:
            continue
        spellings = by_key.setdefault(persian, {})
        spellings[latin] = spellings.get(latin, 0) + count
    entries = []
    for persian, spellings in sorted(by_key.items()):
        total = sum(spellings.values())
        kept = {s: c for s, c in spellings.items() if c / total >= min_share}
        if not kept:
            continue
        norm = sum(kept.values())
        ordered = sorted(kept.items(), key=lambda item: -item[1])
        entries.append(
            NameEntry(
                persian,
                tuple(s for s, _ in ordered),
                tuple(c / norm for _, c in ordered),
            )
        )
    return entries


@functools.cache
def given_names() -> dict[str, list[NameEntry]]:
    """Given names by sex (``"m"``/``"f"``), each with its spellings."""
    gender = {
        row["name"].replace(ZWNJ, ""): row["gender"] for row in _read("given_names_pngt26k.csv")
    }
    by_sex: dict[str, list[NameEntry]] = {"m": [], "f": []}
    for entry in _entries("given"):
        sex = gender.get(entry.persian)
        if sex in by_sex:
            by_sex[sex].append(entry)
    return by_sex


@functools.cache
def surnames() -> list[NameEntry]:
    """Surnames with their spellings."""
    return _entries("surname")


def _province_variants(row: dict[str, str]) -> tuple[str, ...]:
    """English name plus Latin variants close to it (spellings, not translations)."""
    from rapidfuzz.distance import JaroWinkler

    variants = [row["name_en"]]
    for item in row["osm_latin_names"].split(" | "):
        if "=" not in item:
            continue
        key, value = item.split("=", 1)
        plain = value.isascii() and " " not in value
        close = JaroWinkler.similarity(value.lower(), row["name_en"].lower()) >= 0.85
        wanted = key.split(":")[0] in ("name", "alt_name") and plain and close
        if wanted and value not in variants:
            variants.append(value)
    return tuple(variants[:6])


@functools.cache
def places() -> list[PlaceEntry]:
    """Cities with their province, from the shipped gazetteer."""
    provinces = {row["iso_3166_2"]: row for row in _read("provinces_osm.csv")}
    entries = []
    for row in _read("cities_amyrmahdy.csv"):
        province = provinces.get(row["province_iso"])
        if province is None:
            continue
        city_en = " ".join(part.capitalize() for part in row["city_en"].split("-"))
        entries.append(
            PlaceEntry(
                province_iso=row["province_iso"],
                province_en=province["name_en"],
                province_fa=province["name_fa"],
                province_variants=_province_variants(province),
                city_en=city_en,
                city_fa=row["city_fa"].replace("ي", "ی").replace("ك", "ک"),
            )
        )
    return entries
