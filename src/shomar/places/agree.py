"""How two resolved places relate, for linkage: a level, not a yes/no.

A prison or detention site in one list and a home town in another is common (a prison
register against a family testimony), so it is weak evidence, never a mismatch.
"""

from __future__ import annotations

from shomar.places.resolve import PlaceMatch

__all__ = ["PLACE_LEVELS", "compare_places"]

#: the levels :func:`compare_places` returns, strongest agreement first
PLACE_LEVELS = (
    "same-site",
    "same-city",
    "same-province",
    "same-country",
    "detention-site",
    "unknown",
    "different-province",
    "different-country",
)

_DETENTION = ("prison", "detention_centre", "camp")


def compare_places(a: PlaceMatch, b: PlaceMatch) -> str:
    """The relation of two places (one of :data:`PLACE_LEVELS`).

    ``unknown`` when either is not resolved; ``detention-site`` when exactly one is a prison,
    detention centre or camp (not evidence either way); otherwise the most specific level
    they share, or where they differ.
    """
    if not a.resolved or not b.resolved:
        return "unknown"
    a_site, b_site = a.kind in _DETENTION, b.kind in _DETENTION
    if a_site and b_site and a.site and a.site == b.site:
        return "same-site"
    if a_site != b_site:
        return "detention-site"
    if a.country != b.country:
        return "different-country"
    if a.country != "IR":
        return "same-city" if a.city and a.city == b.city else "same-country"
    if a.province_iso is None or b.province_iso is None:
        return "same-country"
    if a.province_iso != b.province_iso:
        return "different-province"
    if a.city and a.city == b.city:
        return "same-city"
    return "same-province"
