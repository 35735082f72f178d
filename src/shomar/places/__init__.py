"""Gazetteer lookup: free place text in Persian or Latin script → province, county, city.

Data: OpenStreetMap boundaries (© OpenStreetMap contributors, ODbL 1.0) and amyrmahdy's city
list (MIT), shipped in :mod:`shomar.data.iran` and loaded on first use.
"""

from __future__ import annotations

from shomar.places.gazetteer import Province, place_key, province_names
from shomar.places.resolve import PlaceMatch, resolve_place

__all__ = ["PlaceMatch", "Province", "place_key", "province_names", "resolve_place"]
