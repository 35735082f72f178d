"""Resolve free place text in either script to province, county and city.

Steps: split the text on commas (``,`` ``،`` ``;`` ``/``); look each piece up by its key in the
gazetteer index (generic words such as «استان», "County", "Shahrestan-e" removed); when a piece
has no exact hit, try its word spans, then a fuzzy lookup (Jaro-Winkler ≥ 0.92 on keys). The
province with the most evidence wins; within it the most specific county and city found are
kept. ``confidence`` is 1.0 for an unambiguous exact hit and lower for fuzzy or ambiguous ones.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from shomar.places.gazetteer import (
    Entry,
    county_entries,
    index,
    latin_keys,
    persian_keys,
    place_key,
    province_by_iso,
)

__all__ = ["PlaceMatch", "resolve_place"]

_SEGMENTS = re.compile(r"[,،;/|]+")
_FUZZY_CUTOFF = 0.92


@dataclass(frozen=True)
class PlaceMatch:
    """Where a place text points; ``None`` parts were not found."""

    input: str
    province: str | None
    province_iso: str | None
    county: str | None
    city: str | None
    confidence: float

    def to_dict(self) -> dict[str, object]:
        return {
            "input": self.input,
            "province": self.province,
            "province_iso": self.province_iso,
            "county": self.county,
            "city": self.city,
            "confidence": round(self.confidence, 3),
        }


def _fuzzy(key: str) -> tuple[tuple[Entry, ...], float]:
    choices = latin_keys() if key.isascii() else persian_keys()
    if len(key) < 4:
        return (), 0.0
    hit = process.extractOne(
        key, choices, scorer=JaroWinkler.normalized_similarity, score_cutoff=_FUZZY_CUTOFF
    )
    if hit is None:
        return (), 0.0
    return index()[hit[0]], float(hit[1])


def _lookup(piece: str) -> list[tuple[Entry, float]]:
    idx = index()
    key = place_key(piece)
    if key in idx:
        return [(e, 1.0) for e in idx[key]]
    words = piece.split()
    found: list[tuple[Entry, float]] = []
    if len(words) > 1:
        n = len(words)
        spans = sorted(
            ((i, j) for i in range(n) for j in range(i + 1, min(n, i + 4) + 1) if j - i < n),
            key=lambda ij: -(ij[1] - ij[0]),
        )
        covered: set[int] = set()
        for i, j in spans:
            if covered & set(range(i, j)):
                continue
            k = place_key(" ".join(words[i:j]))
            if k in idx:
                found.extend((e, 0.95) for e in idx[k])
                covered |= set(range(i, j))
        if found:
            return found
    entries, score = _fuzzy(key)
    return [(e, 0.9 * score) for e in entries]


@lru_cache(maxsize=65536)
def resolve_place(text: str) -> PlaceMatch:
    """Resolve ``text`` (Persian or Latin script) to province / county / city."""
    pieces = [p.strip() for p in _SEGMENTS.split(text) if p.strip()]
    evidence: list[tuple[Entry, float]] = []
    for piece in pieces:
        hits = _lookup(piece)
        # a province's own name beats towns elsewhere that share it (Golestan)
        exact_provinces = [(e, sc) for e, sc in hits if e.level == "province" and sc >= 1.0]
        if exact_provinces:
            isos = {e.province_iso for e, _ in exact_provinces}
            hits = [(e, sc) for e, sc in hits if e.province_iso in isos]
        # an ambiguous name spreads its weight over the provinces it may be in
        provinces = {e.province_iso for e, _ in hits}
        evidence.extend((e, s / max(1, len(provinces))) for e, s in hits)
    if not evidence:
        return PlaceMatch(text, None, None, None, None, 0.0)
    by_province: dict[str, float] = defaultdict(float)
    best_in: dict[str, float] = defaultdict(float)
    for e, s in evidence:
        by_province[e.province_iso] += s
        best_in[e.province_iso] = max(best_in[e.province_iso], s)
    iso = max(by_province, key=lambda k: (by_province[k], best_in[k]))
    total = sum(by_province.values())
    share = by_province[iso] / total if total else 0.0
    county = city = None
    for e, _s in sorted(evidence, key=lambda es: -es[1]):
        if e.province_iso != iso:
            continue
        if e.level == "county" and county is None:
            county = e.county
        if e.level == "city" and city is None:
            city = e.city
    if city and county is None:
        # a city whose (Persian) name is also its county's
        city_fa = next((e.fa_key for e, _ in evidence if e.level == "city" and e.city == city), "")
        for e in county_entries(iso):
            if e.fa_key and e.fa_key == city_fa:
                county = e.county
                break
    confidence = min(1.0, best_in[iso]) * share
    prov = province_by_iso()[iso]
    return PlaceMatch(text, prov.name_en, iso, county, city, confidence)
