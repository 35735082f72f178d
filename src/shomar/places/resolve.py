"""Resolve free place text in either script to a country, province, county, city or prison.

Steps: split the text on commas (``,`` ``،`` ``;`` ``/``); for each piece, in order:

1. a **detention site** (:mod:`~shomar.places.sites`): its full name («زندان اوین», "Evin
   Prison"), or its name alone ("Evin", "Gohardasht") when no town has that name; a text with a
   prison word whose rest is a town ("Prison of Ilam") is a prison in that town;
2. an exact name in the **Iranian gazetteer** (generic words such as «استان», "County",
   "Shahrestan-e" removed; a compound's *shahr* kept, so that ``Qaemshahr``, ``Qaem Shahr``
   and ``Qaem-Shahr`` key alike), then its word spans; then a **former city name** (باختران →
   Kermanshah, رضائیه → Urmia), which resolves to today's city with a ``note``. Spans that
   leave a word naming nothing score below :data:`MIN_CONFIDENCE` ("Vakil Abad" is not the
   town Abad);
3. an exact **foreign** name (:mod:`~shomar.places.world`): every country (CLDR names in 14
   languages) and large foreign cities and camps. A country name beats an Iranian village of
   the same name; a foreign city loses to an Iranian town of the same name unless another
   piece names the city's country;
4. only when nothing matched exactly, the **loose key** of :mod:`~shomar.places.romanised`
   (ALA-LC ``Tihrān``, French ``Chiraz``: e/i, ch/sh, g/q, z/s folded), scored 0.9; else a
   **fuzzy** lookup over Iranian and foreign names
   (Jaro-Winkler ≥ 0.92 on keys), scored ``0.9 × similarity``, times 0.75 when the consonant
   skeletons differ ("Paris" is not "Pardis").

The country with the most evidence wins, then (in Iran) the province; within it the most
specific county and city found are kept. ``confidence`` is 1.0 for an unambiguous exact hit
and lower for fuzzy or ambiguous ones (a name shared by two provinces gets at most 0.5,
unless it is a county in one and only towns elsewhere: the county seat is read, at 0.9). A
county found without its city gets the seat of the same Persian name (Bandar-e Abbas).
A match below :data:`MIN_CONFIDENCE` is **not resolved**: ``resolved`` is false, every place
field is ``None`` and ``candidate`` says what the best guess would have been.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from shomar.places.gazetteer import (
    Entry,
    compound_key,
    county_entries,
    designated_level,
    index,
    latin_keys,
    loose_index,
    persian_keys,
    place_key,
    province_by_iso,
)
from shomar.places.romanised import loose_key
from shomar.places.sites import (
    DetentionSite,
    detention_sites,
    has_prison_word,
    old_names,
    strip_prison_words,
)
from shomar.places.world import ForeignPlace, country_name, foreign_index
from shomar.text.normalize import name_key, persian_key
from shomar.text.skeleton import loose, skeleton

__all__ = ["MIN_CONFIDENCE", "PlaceMatch", "resolve_place"]

_SEGMENTS = re.compile(r"[,،;/|]+")
_FUZZY_CUTOFF = 0.92
_FUZZY_WEIGHT = 0.9
_SKELETON_PENALTY = 0.75
#: a place named by some of the words of a piece ("Izeh Khuzestan")
_SPAN_SCORE = 0.95
#: ... and by a word of it when other words name nothing ("Vakil Abad" is not Abad)
_PART_SCORE = 0.5
#: a place found through the loose transliteration key only (Tihrān, Chiraz)
_LOOSE_SCORE = 0.9
#: a county seat read for a name that elsewhere names only towns (Khorramabad, Lorestan)
_SEAT_SCORE = 0.9
#: a match below this confidence is reported as not resolved (``resolved: false``)
MIN_CONFIDENCE = 0.75


@dataclass(frozen=True)
class PlaceMatch:
    """Where a place text points; ``None`` parts were not found.

    ``country`` is ISO 3166-1 alpha-2 (``"IR"`` for Iran); ``province`` and ``province_iso``
    are ``None`` outside Iran. ``kind`` is what the most specific part names: ``country``,
    ``province``, ``county``, ``city``, ``prison``, ``detention_centre`` or ``camp``.
    ``site`` is the detention site or camp's name; ``note`` says when a former name was
    read as today's; ``candidate`` is the best guess when ``resolved`` is false.
    """

    input: str
    province: str | None
    province_iso: str | None
    county: str | None
    city: str | None
    confidence: float
    resolved: bool = False
    country: str | None = None
    kind: str | None = None
    site: str | None = None
    note: str | None = None
    candidate: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "input": self.input,
            "resolved": self.resolved,
            "country": self.country,
            "province": self.province,
            "province_iso": self.province_iso,
            "county": self.county,
            "city": self.city,
            "site": self.site,
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "note": self.note,
            "candidate": self.candidate,
        }


@dataclass(frozen=True)
class _Hit:
    """One piece of evidence: an Iranian entry (``entry``) or a foreign place (``foreign``)."""

    country: str
    score: float
    exact: bool
    entry: Entry | None = None
    foreign: ForeignPlace | None = None
    site: DetentionSite | None = None
    note: str | None = None


def _loose_skeleton(key: str) -> str:
    return loose(skeleton(key))


def _fuzzy(key: str) -> list[_Hit]:
    if len(key) < 4:
        return []
    latin = key.isascii()
    hits: list[_Hit] = []
    iran_choices = latin_keys() if latin else persian_keys()
    foreign = foreign_index()
    foreign_choices = _foreign_keys(latin)
    for choices, is_foreign in ((iran_choices, False), (foreign_choices, True)):
        hit = process.extractOne(
            key, choices, scorer=JaroWinkler.normalized_similarity, score_cutoff=_FUZZY_CUTOFF
        )
        if hit is None:
            continue
        score = _FUZZY_WEIGHT * float(hit[1])
        if _loose_skeleton(key) != _loose_skeleton(hit[0]):
            score *= _SKELETON_PENALTY
        if is_foreign:
            hits.extend(_Hit(p.country, score, False, foreign=p) for p in foreign[hit[0]][:1])
        else:
            hits.extend(_Hit("IR", score, False, entry=e) for e in index()[hit[0]])
    if not hits:
        return []
    best = max(h.score for h in hits)
    return [h for h in hits if h.score >= best - 1e-9]


@lru_cache(maxsize=2)
def _foreign_keys(latin: bool) -> tuple[str, ...]:
    return tuple(k for k in foreign_index() if k.isascii() == latin)


def _iran_exact(piece: str) -> list[_Hit]:
    idx = index()
    key = place_key(piece)
    for k in (compound_key(piece), key):
        if k in idx:
            return [_Hit("IR", 1.0, True, entry=e) for e in idx[k]]
    old = old_names().get(key)
    if old is not None:
        return _old_name_hits(
            old.city_fa, old.province_iso, f"{piece} is a former name; {old.note}"
        )
    words = piece.split()
    found: list[_Hit] = []
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
            span = " ".join(words[i:j])
            span_key = next((k for k in (compound_key(span), place_key(span)) if k in idx), None)
            if span_key is not None:
                found.extend(_Hit("IR", _SPAN_SCORE, True, entry=e) for e in idx[span_key])
                covered |= set(range(i, j))
        if any(place_key(w) for n, w in enumerate(words) if n not in covered):
            # a word no place accounts for: "Vakil Abad" is not the town Abad
            found = [replace(h, score=_PART_SCORE) for h in found]
    return found


def _city_entry(city_fa: str, iso: str) -> Entry | None:
    for e in index().get(persian_key(city_fa), ()):
        if e.level == "city" and e.province_iso == iso:
            return e
    return None


def _old_name_hits(city_fa: str, iso: str, note: str) -> list[_Hit]:
    entry = _city_entry(city_fa, iso)
    if entry is None:
        return []
    return [_Hit("IR", 1.0, True, entry=entry, note=note)]


def _site_hits(sites: tuple[DetentionSite, ...], score: float) -> list[_Hit]:
    out = []
    for s in sites:
        entry = _city_entry(s.city_fa, s.province_iso) or Entry(
            "city", s.province_iso, None, None, s.name_en
        )
        out.append(_Hit("IR", score, True, entry=entry, site=s))
    return out


def _site_lookup(piece: str, iran: list[_Hit]) -> list[_Hit]:
    sites = detention_sites()
    key = place_key(piece)
    if key in sites.full:
        return _site_hits(sites.full[key], 1.0)
    if has_prison_word(piece):
        rest = strip_prison_words(piece)
        rkey = place_key(rest) if rest else ""
        if rkey in sites.stripped:
            return _site_hits(sites.stripped[rkey], 1.0)
        if rest:
            # a prison in a town the list does not name as a site ("Prison of Ilam")
            town = [h for h in _iran_exact(rest) if h.entry and h.entry.level == "city"]
            return [
                _Hit(
                    "IR", h.score, True, entry=h.entry, site=DetentionSite("", "", "prison", "", "")
                )
                for h in town
            ]
        return []
    if key in sites.short and not any(h.score >= 1.0 for h in iran):
        return _site_hits(sites.short[key], 1.0)
    return []


def _foreign_exact(piece: str) -> list[_Hit]:
    idx = foreign_index()
    for key in (place_key(piece), name_key(piece)):
        if key in idx:
            return [_Hit(p.country, 1.0, True, foreign=p) for p in idx[key]]
    return []


def _piece_hits(piece: str) -> tuple[list[_Hit], list[_Hit]]:
    """(hits, foreign alternatives kept in case another piece names their country)."""
    iran = _iran_exact(piece)
    sites = _site_lookup(piece, iran)
    if sites:
        return sites, []
    foreign = _foreign_exact(piece)
    if foreign and iran:
        # a country name beats an Iranian village named like it, but not a province, and not
        # when the name is a short word (Turkish "Çin" for China vs the town Sin)
        if (
            any(h.foreign and h.foreign.kind == "country" for h in foreign)
            and not any(h.entry and h.entry.level == "province" for h in iran)
            and len(place_key(piece)) > 3
        ):
            return foreign, []
        return iran, foreign
    if iran or foreign:
        return iran or foreign, []
    key = place_key(piece) or name_key(piece)
    return _loose(piece) or _fuzzy(key), []


def _loose(piece: str) -> list[_Hit]:
    """Hits through the transliteration classes (:mod:`~shomar.places.romanised`), scored
    :data:`_LOOSE_SCORE`; a key that names places in several provinces is spread over them
    (and so stays unresolved) like any ambiguous name."""
    key = compound_key(piece)
    if not key.isascii() or len(key) < 3:
        return []
    entries = loose_index().get(loose_key(key), ())
    return [_Hit("IR", _LOOSE_SCORE, False, entry=e) for e in entries]


def _prefer_county_seat(hits: list[_Hit]) -> list[_Hit]:
    """A name that is a county (and its seat) in one province and only a town elsewhere is
    read as the county seat (Khorramabad, Lorestan; a village Khorramabad in Mazandaran),
    scored :data:`_SEAT_SCORE`: a province or a county elsewhere keeps it ambiguous."""
    exact = [h for h in hits if h.entry is not None and h.exact and h.score >= 1.0]
    if len(exact) != len(hits):
        return hits
    seats = {h.entry.province_iso for h in exact if h.entry and h.entry.level != "city"}
    provinces = {h.entry.province_iso for h in exact if h.entry}
    if len(seats) != 1 or len(provinces) == 1:
        return hits
    return [
        replace(h, score=_SEAT_SCORE) for h in exact if h.entry and h.entry.province_iso in seats
    ]


def _describe(h: _Hit) -> str:
    if h.foreign is not None:
        where = h.foreign.city or country_name(h.foreign.country)
        return f"{where} ({h.foreign.country})"
    assert h.entry is not None
    prov = province_by_iso()[h.entry.province_iso].name_en
    return f"{h.entry.city or h.entry.county or prov} ({prov}, IR)"


@lru_cache(maxsize=65536)
def resolve_place(text: str) -> PlaceMatch:
    """Resolve ``text`` (Persian or Latin script) to a place (see the module docstring)."""
    pieces = [p.strip() for p in _SEGMENTS.split(text) if p.strip()]
    per_piece = [_piece_hits(p) for p in pieces]
    named_countries = {
        h.country
        for hits, _ in per_piece
        for h in hits
        if h.foreign and h.foreign.kind == "country"
    }
    evidence: list[_Hit] = []
    for piece, (hits, alternatives) in zip(pieces, per_piece, strict=True):
        alt = [h for h in alternatives if h.country in named_countries]
        hits = alt or hits
        # «استان تهران» names the province: its capital must not beat «شهریار» beside it
        level = designated_level(piece)
        if level and any(h.entry and h.entry.level == level for h in hits):
            hits = [h for h in hits if h.entry is None or h.entry.level == level]
        # a province's own name beats towns elsewhere that share it (Golestan)
        exact_provinces = [
            h for h in hits if h.entry and h.entry.level == "province" and h.score >= 1.0
        ]
        if exact_provinces:
            isos = {h.entry.province_iso for h in exact_provinces if h.entry}
            hits = [h for h in hits if h.entry is None or h.entry.province_iso in isos]
        hits = _prefer_county_seat(hits)
        # an ambiguous name spreads its weight over the places it may be in
        places = {(h.country, h.entry.province_iso if h.entry else None) for h in hits}
        evidence.extend(
            _Hit(
                h.country,
                h.score / max(1, len(places)),
                h.exact,
                h.entry,
                h.foreign,
                h.site,
                h.note,
            )
            for h in hits
        )
    if not evidence:
        return PlaceMatch(text, None, None, None, None, 0.0)
    by_place: dict[tuple[str, str | None], float] = defaultdict(float)
    best_in: dict[tuple[str, str | None], float] = defaultdict(float)
    for h in evidence:
        # a bare country name (Iran, «ایران») supports every place in that country
        where = (h.country, h.entry.province_iso if h.entry else None)
        by_place[where] += h.score
        best_in[where] = max(best_in[where], h.score)
    by_country: dict[str, float] = defaultdict(float)
    for (country, _), s in by_place.items():
        by_country[country] += s
    country = max(by_country, key=lambda c: (by_country[c], c == "IR"))
    total = sum(by_country.values())
    in_country = [h for h in evidence if h.country == country]
    if country != "IR" or all(h.entry is None for h in in_country):
        return _foreign_match(text, country, in_country, by_country[country] / total)
    provinces = {k: v for k, v in by_place.items() if k[0] == "IR" and k[1] is not None}
    iso_key = max(provinces, key=lambda k: (provinces[k], best_in[k]))
    iso = iso_key[1]
    assert iso is not None
    bare = by_place.get(("IR", None), 0.0)
    share = (provinces[iso_key] + bare) / total if total else 0.0
    county = city = site = kind = note = None
    ranked = sorted(in_country, key=lambda h: -h.score)
    for h in ranked:
        e = h.entry
        if e is None or e.province_iso != iso:
            continue
        if h.site is not None and site is None and kind is None:
            site, kind = (h.site.name_en or None), h.site.kind
        if e.level == "county" and county is None:
            county = e.county
        if e.level == "city" and city is None:
            city = e.city
        note = note or h.note
    if city and county is None:
        # a city whose (Persian) name is also its county's
        city_fa = next(
            (
                h.entry.fa_key
                for h in ranked
                if h.entry and h.entry.level == "city" and h.entry.city == city
            ),
            "",
        )
        for e in county_entries(iso):
            if e.fa_key and e.fa_key == city_fa:
                county = e.county
                break
    if county and city is None:
        # a county whose (Persian) name is also its seat's: Bandar-e Abbas → Bandar Abbas
        county_fa = next(
            (h.entry.fa_key for h in ranked if h.entry and h.entry.county == county), ""
        )
        seat = next(
            (e for e in index().get(county_fa, ()) if e.level == "city" and e.province_iso == iso),
            None,
        )
        city = seat.city if seat else None
    if kind is None:
        kind = "city" if city else "county" if county else "province"
    confidence = min(1.0, best_in[iso_key]) * share
    prov = province_by_iso()[iso]
    if confidence < MIN_CONFIDENCE:
        return PlaceMatch(text, None, None, None, None, confidence, candidate=_describe(ranked[0]))
    return PlaceMatch(
        text, prov.name_en, iso, county, city, confidence, True, "IR", kind, site, note
    )


def _foreign_match(text: str, country: str, hits: list[_Hit], share: float) -> PlaceMatch:
    ranked = sorted(hits, key=lambda h: -h.score)
    best = ranked[0]
    confidence = min(1.0, best.score) * share
    city = next((h.foreign.city for h in ranked if h.foreign and h.foreign.kind == "city"), None)
    camp = next((h.foreign for h in ranked if h.foreign and h.foreign.kind == "camp"), None)
    kind = "camp" if camp else "city" if city else "country"
    if confidence < MIN_CONFIDENCE:
        return PlaceMatch(text, None, None, None, None, confidence, candidate=_describe(best))
    return PlaceMatch(
        text,
        None,
        None,
        None,
        city,
        confidence,
        True,
        country,
        kind,
        camp.city if camp else None,
        None,
    )
