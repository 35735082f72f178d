"""Claims as CSV rows and as schema.org ClaimReview JSON-LD.

Both functions take extraction candidates (:class:`~shomar.claims.candidate.ClaimCandidate`),
ledger claims (anything with ``to_dict()``) or plain mappings with the same keys: ``claimant``,
``cites`` (a name or a list), ``counted``, ``quantity`` (``value``, ``lower``, ``upper``,
``qualifier``), ``event`` or ``event_hint``, ``date_stated``, ``quote``, ``start``, ``end`` and,
when present, ``uid``, ``version``, ``confidence``, ``url``, ``relation`` and ``rule`` (from the
comparison with the evidence).

The number in ClaimReview (a documented extension)
    schema.org's ``Claim`` has no property for a claimed quantity, so each ``Claim`` carries it
    under the namespaced key ``shomar:quantity`` as a schema.org ``QuantitativeValue``:
    ``value`` (the figure as stated, absent for ranges and vague words), ``minValue`` /
    ``maxValue`` (the bounds the wording implies), ``unitText`` ``"persons"``, plus
    ``shomar:qualifier`` (``exact``, ``at_least``, ``at_most``, ``approximately``, ``range``,
    ``vague``) and ``shomar:counted`` (``killed``, ``executed``, ``arrested`` …). The prefix
    ``shomar`` is declared in ``@context`` as :data:`SHOMAR_NS`, an identifier that is never
    fetched. Consumers that ignore unknown keys still read a valid ClaimReview; the claimant is the
    ``Claim``'s ``author``, the date stated its ``datePublished``, the cited parties its
    ``citation`` and the event its ``about``. The ``ClaimReview``'s own ``author`` is the
    organisation running the workspace (``reviewer``; the CLI passes ``SHOMAR_ORGANISATION``).
    The computed relation to the evidence, when given, is the ``reviewRating``: ``alternateName``
    is the label, ``ratingExplanation`` the rule.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

__all__ = [
    "CSV_COLUMNS",
    "SHOMAR_NS",
    "claim_review",
    "claims_csv",
    "claims_jsonld",
    "csv_rows",
]

#: the namespace of the ``shomar:`` keys in the JSON-LD (an identifier, never dereferenced)
SHOMAR_NS = "https://w3id.org/shomar/ns/claims#"

#: the CSV header, in order
CSV_COLUMNS = (
    "uid",
    "version",
    "claimant",
    "cites",
    "date_stated",
    "event",
    "counted",
    "value",
    "lower",
    "upper",
    "qualifier",
    "quote",
    "start",
    "end",
    "confidence",
    "relation",
    "rule",
)


def _as_mapping(claim: object) -> Mapping[str, Any]:
    if isinstance(claim, Mapping):
        return claim
    to_dict = getattr(claim, "to_dict", None)
    if callable(to_dict):
        result = to_dict()
        if isinstance(result, Mapping):
            return result
    raise TypeError(f"cannot export {type(claim).__name__} as a claim")


def _cites(value: object) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value]
    return [str(value)]


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def csv_rows(claims: Iterable[object]) -> list[dict[str, str]]:
    """One row per claim, keyed by :data:`CSV_COLUMNS`; empty cells for absent values."""
    rows: list[dict[str, str]] = []
    for claim in claims:
        c = _as_mapping(claim)
        q = c.get("quantity") or {}
        row = {
            "uid": _cell(c.get("uid")),
            "version": _cell(c.get("version")),
            "claimant": _cell(c.get("claimant")),
            "cites": "; ".join(_cites(c.get("cites"))),
            "date_stated": _cell(c.get("date_stated")),
            "event": _cell(c.get("event") or c.get("event_hint")),
            "counted": _cell(c.get("counted")),
            "value": _cell(q.get("value")),
            "lower": _cell(q.get("lower")),
            "upper": _cell(q.get("upper")),
            "qualifier": _cell(q.get("qualifier")),
            "quote": _cell(c.get("quote")),
            "start": _cell(c.get("start")),
            "end": _cell(c.get("end")),
            "confidence": _cell(c.get("confidence")),
            "relation": _cell(c.get("relation")),
            "rule": _cell(c.get("rule")),
        }
        rows.append(row)
    return rows


def claims_csv(claims: Iterable[object]) -> str:
    """The claims as CSV text (UTF-8 safe, RFC 4180 quoting, header first)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(claims))
    return out.getvalue()


def _quantitative_value(c: Mapping[str, Any]) -> dict[str, Any]:
    q = c.get("quantity") or {}
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": "persons"}
    if q.get("value") is not None:
        value["value"] = q["value"]
    if q.get("lower") is not None:
        value["minValue"] = q["lower"]
    if q.get("upper") is not None:
        value["maxValue"] = q["upper"]
    value["shomar:qualifier"] = q.get("qualifier")
    value["shomar:counted"] = c.get("counted")
    return value


def claim_review(
    claim: object, *, reviewer: str, date_published: str | None = None
) -> dict[str, Any]:
    """One ClaimReview node (no ``@context``; :func:`claims_jsonld` adds it)."""
    c = _as_mapping(claim)
    item: dict[str, Any] = {"@type": "Claim", "shomar:quantity": _quantitative_value(c)}
    if c.get("claimant"):
        item["author"] = {"@type": "Thing", "name": c["claimant"]}
    if c.get("date_stated"):
        item["datePublished"] = str(c["date_stated"])
    cites = _cites(c.get("cites"))
    if cites:
        item["citation"] = [{"@type": "Thing", "name": name} for name in cites]
    event = c.get("event") or c.get("event_hint")
    if event:
        item["about"] = {"@type": "Event", "name": event}
    if c.get("url"):
        item["appearance"] = {"@type": "CreativeWork", "url": c["url"]}
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": c.get("quote") or "",
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": reviewer},
    }
    if c.get("uid"):
        review["identifier"] = f"{c['uid']}" + (f"/v{c['version']}" if c.get("version") else "")
    if date_published:
        review["datePublished"] = date_published
    if c.get("relation"):
        review["reviewRating"] = {
            "@type": "Rating",
            "alternateName": c["relation"],
            "ratingExplanation": c.get("rule") or "",
        }
    return review


def claims_jsonld(
    claims: Iterable[object], *, reviewer: str, date_published: str | None = None
) -> dict[str, Any]:
    """A JSON-LD document: ``@context`` (schema.org + ``shomar``) and a ``@graph`` of reviews."""
    return {
        "@context": ["https://schema.org", {"shomar": SHOMAR_NS}],
        "@graph": [
            claim_review(c, reviewer=reviewer, date_published=date_published) for c in claims
        ],
    }
