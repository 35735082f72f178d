"""CSV and ClaimReview JSON-LD exports (shomar.claims.exports)."""

from __future__ import annotations

import csv
import io
import json

from shomar.claims import ClaimCandidate, Quantity
from shomar.claims.exports import CSV_COLUMNS, SHOMAR_NS, claims_csv, claims_jsonld, csv_rows

CANDIDATE = ClaimCandidate(
    quantity=Quantity.at_least(1500),
    counted="killed",
    event_hint="November 2019 protests",
    claimant="Reuters",
    cites="PMOI",
    date_stated="2019-12-23",
    quote='Reuters confirmed, at least 1,500, "quoted"',
    start=10,
    end=52,
    confidence=0.85,
)


def test_csv_round_trip() -> None:
    text = claims_csv([CANDIDATE])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0]["claimant"] == "Reuters"
    assert rows[0]["value"] == "1500" and rows[0]["upper"] == ""
    assert rows[0]["quote"] == CANDIDATE.quote


def test_csv_rows_accept_ledger_mappings() -> None:
    (row,) = csv_rows(
        [
            {
                "uid": "c1",
                "version": 2,
                "claimant": "Amnesty",
                "cites": ["A", "B"],
                "counted": "killed",
                "quantity": {"value": 304, "lower": 304, "upper": None, "qualifier": "at_least"},
                "event": "Aban 98",
                "relation": "above the interval's upper end",
            }
        ]
    )
    assert row["cites"] == "A; B" and row["event"] == "Aban 98" and row["version"] == "2"


def test_claim_review_carries_the_number_in_the_extension() -> None:
    doc = claims_jsonld(
        [{**CANDIDATE.to_dict(), "relation": "x", "rule": "y"}], reviewer="Example Centre"
    )
    json.dumps(doc)
    assert doc["@context"] == ["https://schema.org", {"shomar": SHOMAR_NS}]
    (review,) = doc["@graph"]
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == CANDIDATE.quote
    assert review["author"] == {"@type": "Organization", "name": "Example Centre"}
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["name"] == "Reuters"
    assert item["datePublished"] == "2019-12-23"
    assert item["citation"] == [{"@type": "Thing", "name": "PMOI"}]
    assert item["about"]["name"] == "November 2019 protests"
    assert item["shomar:quantity"] == {
        "@type": "QuantitativeValue",
        "unitText": "persons",
        "value": 1500,
        "minValue": 1500,
        "shomar:qualifier": "at_least",
        "shomar:counted": "killed",
    }
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "x",
        "ratingExplanation": "y",
    }


def test_claim_review_without_relation_or_claimant() -> None:
    plain = ClaimCandidate(
        Quantity.between(200, 300), "arrested", None, None, None, None, "q", 0, 1, 0.5
    )
    (review,) = claims_jsonld([plain], reviewer="Example Centre")["@graph"]
    assert "reviewRating" not in review
    assert "author" not in review["itemReviewed"]
    assert "value" not in review["itemReviewed"]["shomar:quantity"]


def test_public_surface_is_pinned() -> None:
    import shomar.claims

    assert shomar.claims.__all__ == [
        "ClaimCandidate",
        "Quantity",
        "Relation",
        "claims_csv",
        "claims_jsonld",
        "csv_rows",
        "extract_claims",
        "extract_from_file",
        "relate",
        "relate_claim",
    ]
    assert shomar.claims.__all__ == sorted(shomar.claims.__all__)


def test_engine_imports_only_the_standard_library() -> None:
    import ast
    import sys
    from pathlib import Path

    package = Path(shomar_claims_file()).parent
    for module in package.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    top = name.split(".")[0]
                    assert top in sys.stdlib_module_names or top == "shomar", (module, name)


def shomar_claims_file() -> str:
    import shomar.claims

    return str(shomar.claims.__file__)
