"""Gazetteer lookup: free place text in Persian or Latin script → country, province, county,
city, or detention site.

Data: OpenStreetMap boundaries (© OpenStreetMap contributors, ODbL 1.0) and amyrmahdy's city
list (MIT), detention sites and former city names written for Shomar from OpenStreetMap and
Wikidata names, shipped in :mod:`shomar.data.iran`; country names from the Unicode CLDR (via
Babel); foreign cities in :mod:`shomar.data.world`. Loaded on first use.

``resolve_place(text) -> PlaceMatch``: ``country`` (ISO 3166-1 alpha-2), ``province`` (``None``
outside Iran), county, city, ``site`` and ``kind``; ``resolved`` is false below
:data:`MIN_CONFIDENCE`. ``compare_places(a, b)`` relates two matches for linkage (a prison
against a home town is ``"detention-site"``: weak evidence, not a mismatch).
"""

from __future__ import annotations

from shomar.places.agree import PLACE_LEVELS, compare_places
from shomar.places.gazetteer import Province, place_key, province_names
from shomar.places.resolve import MIN_CONFIDENCE, PlaceMatch, resolve_place

__all__ = [
    "MIN_CONFIDENCE",
    "PLACE_LEVELS",
    "PlaceMatch",
    "Province",
    "compare_places",
    "place_key",
    "province_names",
    "resolve_place",
]
